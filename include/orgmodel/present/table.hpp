#pragma once
/// @file
/// @brief Plain-text tables and CSV for results: one `text_table`, printed either way.

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace orgmodel {

/// @brief A table of strings with a header row; prints aligned text (UTF-8 aware) or RFC 4180 CSV.
class text_table {
 public:
  enum class align { left, right };

  explicit text_table(std::vector<std::string> header, std::vector<align> aligns = {})
      : header_(std::move(header)), aligns_(std::move(aligns)) {
    aligns_.resize(header_.size(), align::left);
  }
  /// @brief Appends a row; missing cells are empty.
  text_table& row(std::vector<std::string> cells) {
    cells.resize(header_.size());
    rows_.push_back(std::move(cells));
    return *this;
  }
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
  [[nodiscard]] const std::vector<std::vector<std::string>>& rows() const noexcept { return rows_; }

  /// @brief Display width of UTF-8 text: counts code points, not bytes (å, ä, ö are one column).
  static std::size_t width(std::string_view s) noexcept {
    std::size_t w = 0;
    for (unsigned char c : s) w += (c & 0xC0) != 0x80 ? 1 : 0;
    return w;
  }

  /// @brief Aligned columns separated by two spaces, a rule under the header.
  void print(std::ostream& out) const {
    std::vector<std::size_t> w(header_.size());
    for (std::size_t c = 0; c < header_.size(); ++c) w[c] = width(header_[c]);
    for (const auto& r : rows_)
      for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], width(r[c]));
    auto line = [&](const std::vector<std::string>& r) {
      std::string s;
      for (std::size_t c = 0; c < r.size(); ++c) {
        std::string pad(w[c] - width(r[c]), ' ');
        if (c) s += "  ";
        s += aligns_[c] == align::right ? pad + r[c] : (c + 1 == r.size() ? r[c] : r[c] + pad);
      }
      while (!s.empty() && s.back() == ' ') s.pop_back();
      out << s << '\n';
    };
    line(header_);
    std::size_t total = 0;
    for (std::size_t c = 0; c < w.size(); ++c) total += w[c] + (c ? 2 : 0);
    out << std::string(total, '-') << '\n';
    for (const auto& r : rows_) line(r);
  }

  /// @brief RFC 4180 CSV: fields with comma, quote or newline are quoted, quotes doubled.
  void print_csv(std::ostream& out) const {
    auto field = [](const std::string& f) {
      if (f.find_first_of(",\"\n\r") == std::string::npos) return f;
      std::string q = "\"";
      for (char ch : f) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return q + "\"";
    };
    auto line = [&](const std::vector<std::string>& r) {
      for (std::size_t c = 0; c < r.size(); ++c) out << (c ? "," : "") << field(r[c]);
      out << "\r\n";
    };
    line(header_);
    for (const auto& r : rows_) line(r);
  }

 private:
  std::vector<std::string> header_;
  std::vector<align> aligns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace orgmodel
