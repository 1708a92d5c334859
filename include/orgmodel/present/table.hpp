#pragma once
/// @file
/// @brief Plain-text tables and CSV for results: one `text_table`, printed either way.
///
/// A cell has a text for reading ("4 000 000", "91.7 %", "unknown") and, when it differs, a
/// machine form for CSV ("4000000.00", "0.917", an empty cell for unknown): docs/output-format.md.
/// The CSV header is each column's snake_case key, made from its display header ("amount (SEK)" →
/// "amount"; units in parentheses dropped) unless given.

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/core/escape.hpp"

namespace orgmodel {

/// @brief What a cell's machine form is, for JSON: text, an integer, a number, or an amount
/// (an exact decimal string); an empty machine form of a number or amount is unknown (null).
enum class cell_kind : unsigned char { text, integer, number, amount };

/// @brief One cell: the text for reading and, for CSV, the machine form (the same text when not given).
struct table_cell {
  std::string text;
  std::string machine;
  bool has_machine = false;
  cell_kind kind = cell_kind::text;
  table_cell(std::string t) : text(std::move(t)) {}  // NOLINT(google-explicit-constructor): plain text cells
  table_cell(const char* t) : text(t) {}              // NOLINT(google-explicit-constructor)
  table_cell(std::string t, std::string m, cell_kind k = cell_kind::text)
      : text(std::move(t)), machine(std::move(m)), has_machine(true), kind(k) {}
  [[nodiscard]] const std::string& csv() const noexcept { return has_machine ? machine : text; }
};

/// @brief A column header's CSV key: ASCII lower case, parenthesised units dropped, every other
/// run of non-alphanumerics one underscore ("Shapley–Shubik" → "shapley_shubik", "amount (SEK)" → "amount").
inline std::string csv_key(std::string_view header) {
  std::string out;
  int depth = 0;
  bool gap = false;
  for (unsigned char c : header) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    if (depth > 0 || c == ')') continue;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      if (gap && !out.empty()) out += '_';
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      gap = false;
    } else if (c < 0x80 || c >= 0xC0) {
      gap = true;  // ASCII punctuation or the start of a non-ASCII character
    }
  }
  return out;
}

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
    machine_.push_back(cells);
    kinds_.emplace_back(header_.size(), cell_kind::text);
    rows_.push_back(std::move(cells));
    return *this;
  }
  /// @brief Appends a row of cells with machine forms for CSV; missing cells are empty.
  text_table& row(std::initializer_list<table_cell> cells) { return row(std::vector<table_cell>(cells)); }
  text_table& row(const std::vector<table_cell>& cells) {
    std::vector<std::string> text, machine;
    std::vector<cell_kind> kinds;
    for (const auto& c : cells) text.push_back(c.text), machine.push_back(c.csv()), kinds.push_back(c.kind);
    text.resize(header_.size());
    machine.resize(header_.size());
    kinds.resize(header_.size(), cell_kind::text);
    rows_.push_back(std::move(text));
    machine_.push_back(std::move(machine));
    kinds_.push_back(std::move(kinds));
    return *this;
  }
  /// @brief Sets the CSV keys of the columns (default: `csv_key` of each header).
  text_table& keys(std::vector<std::string> k) {
    keys_ = std::move(k);
    return *this;
  }
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
  [[nodiscard]] const std::vector<std::vector<std::string>>& rows() const noexcept { return rows_; }
  /// @brief The rows' machine forms (CSV, JSON) and their kinds.
  [[nodiscard]] const std::vector<std::vector<std::string>>& machine_rows() const noexcept { return machine_; }
  [[nodiscard]] const std::vector<std::vector<cell_kind>>& kinds() const noexcept { return kinds_; }
  /// @brief The columns' keys for CSV and JSON: the given ones, else `csv_key` of each header.
  [[nodiscard]] std::vector<std::string> column_keys() const {
    std::vector<std::string> k = keys_;
    for (std::size_t c = k.size(); c < header_.size(); ++c) k.push_back(csv_key(header_[c]));
    return k;
  }

  /// @brief Display width of UTF-8 text: counts code points, not bytes (å, ä, ö are one column).
  static std::size_t width(std::string_view s) noexcept {
    std::size_t w = 0;
    for (unsigned char c : s) w += (c & 0xC0) != 0x80 ? 1 : 0;
    return w;
  }

  /// @brief Aligned columns separated by two spaces, a rule under the header. Control characters
  /// in cells are written out (`escape_control_characters`): a name cannot drive the terminal.
  void print(std::ostream& out) const {
    auto escaped = [](const std::vector<std::string>& r) {
      std::vector<std::string> e;
      e.reserve(r.size());
      for (const auto& cell : r) e.push_back(escape_control_characters(cell));
      return e;
    };
    const auto header = escaped(header_);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(rows_.size());
    for (const auto& r : rows_) rows.push_back(escaped(r));
    std::vector<std::size_t> w(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) w[c] = width(header[c]);
    for (const auto& r : rows)
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
    line(header);
    std::size_t total = 0;
    for (std::size_t c = 0; c < w.size(); ++c) total += w[c] + (c ? 2 : 0);
    out << std::string(total, '-') << '\n';
    for (const auto& r : rows) line(r);
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
    line(column_keys());
    for (const auto& r : machine_) line(r);
  }

 private:
  std::vector<std::string> header_;
  std::vector<align> aligns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::vector<std::string>> machine_;  ///< the rows' CSV forms
  std::vector<std::vector<cell_kind>> kinds_;
  std::vector<std::string> keys_;
};

}  // namespace orgmodel
