#pragma once
/// @file
/// @brief The text lines in which single-process and distributed runs print their results, and
/// an order-independent checksum over them, so that the two can be compared line for line
/// whatever process printed which line. No MPI here: the single-process engine uses it too.
///
/// Ownership: `company,holder,value` per entry of each company's ultimate-ownership column,
/// holder being a vertex index, `unallocated`, `truncated` (the ε-truncation certificate) or
/// `closed:<least member>` (a closed group); `company,unknown,` for a column with unknown bounds.
/// Latency: `body,expected` (days, or `unreachable`). Values carry 12 significant digits.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/analysis/holding_network.hpp"

namespace orgmodel::distributed {

/// @brief Significant digits printed; the comparison of runs is exact to this digit.
inline constexpr int printed_digits = 12;

/// @brief Appends x with `printed_digits` significant digits.
inline void put_value(std::string& out, double x) {
  char tmp[40];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, x, std::chars_format::general, printed_digits);
  out.append(tmp, r.ptr);
}

/// @brief Order-independent checksum: the sum modulo 2^64 of each line's FNV-1a hash.
class line_checksum {
 public:
  void add(std::string_view line) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : line) h = (h ^ c) * 0x100000001b3ULL;
    sum_ += h;
    ++lines_;
  }
  void merge(std::uint64_t sum, std::uint64_t lines) noexcept { sum_ += sum, lines_ += lines; }
  [[nodiscard]] std::uint64_t sum() const noexcept { return sum_; }
  [[nodiscard]] std::uint64_t lines() const noexcept { return lines_; }

 private:
  std::uint64_t sum_ = 0;
  std::uint64_t lines_ = 0;
};

/// @brief Holder ids the distributed engine gives closed groups: vertices + 2 + least member.
/// The single-process engine numbers groups in solve order; both print `closed:<least member>`.
inline std::string holder_label(std::uint32_t h, std::uint32_t vertices, std::uint32_t closed_member) {
  if (h < vertices) return std::to_string(h);
  if (h == vertices) return "unallocated";
  if (h == vertices + 1) return "truncated";
  return "closed:" + std::to_string(closed_member);
}

/// @brief Prints one company's column: f(line) per entry (without newline).
template <class Holders, class Values, class ClosedMember, class F>
void ownership_column_lines(std::uint32_t company, bool unknown, const Holders& holders, const Values& values,
                            std::uint32_t vertices, ClosedMember closed_member, F f) {
  std::string line;
  if (unknown) {
    f(std::to_string(company) + ",unknown,");
    return;
  }
  for (std::size_t i = 0; i < holders.size(); ++i) {
    const std::uint32_t h = holders[i];
    line = std::to_string(company);
    line += ',';
    line += holder_label(h, vertices, h >= vertices + 2 ? closed_member(h) : 0);
    line += ',';
    put_value(line, values[i]);
    f(line);
  }
}

/// @brief The lines of a single-process ultimate-ownership result (exact shares), company by company.
template <class F>
void ownership_lines(const holding_network& net, const indirect_ownership_result& r, F f) {
  for (std::uint32_t v = 0; v < net.vertices; ++v) {
    if (!net.is_company(v)) continue;
    const bool unknown = !r.high_unknown.empty() && r.high_unknown[v];
    ownership_column_lines(v, unknown, r.low.holders(v), r.low.values(v), r.vertices,
                           [&](std::uint32_t h) {
                             const auto& g = r.closed_groups[h - r.vertices - 2];
                             return *std::min_element(g.begin(), g.end());
                           },
                           f);
  }
}

/// @brief One body's latency line.
inline std::string latency_line(std::uint32_t body, double expected) {
  std::string line = std::to_string(body);
  line += ',';
  if (std::isfinite(expected)) put_value(line, expected);
  else line += "unreachable";
  return line;
}

/// @brief The lines of a single-process all-bodies latency table.
template <class F>
void latency_lines(const decision_latency_table& t, F f) {
  for (std::uint32_t v = 0; v < t.size(); ++v) f(latency_line(v, t.expected[v]));
}

}  // namespace orgmodel::distributed
