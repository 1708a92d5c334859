#pragma once
/// @file
/// @brief Display text for the model's values, shared by tables, the report and the CLI, so a
/// figure reads the same everywhere: "6 160 232 SEK", "2–3", "3/4 (75 %)".

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/model/entities.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/present/table.hpp"

namespace orgmodel {

/// @brief An integer with thin groups of three: 308116 → "308 116" (the Swedish and SI style).
inline std::string group_thousands(std::int64_t v) {
  std::string digits = std::to_string(v);
  if (v < 0) digits.erase(0, 1);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

/// @brief Money for reading: whole kronor grouped, öre only when there are any ("6 160 232", "1.60").
inline std::string format_amount(money m) {
  const std::int64_t ore = m.minor();
  const std::int64_t whole = ore / 100;
  const std::int64_t rest = (ore < 0 ? -ore : ore) % 100;
  // Appends only: GCC 12 at -O3 warns falsely (-Wrestrict, bug 105329) on "literal" + std::string&&.
  std::string s;
  if (ore < 0 && whole == 0) s += '-';
  s += group_thousands(whole);
  if (rest != 0) {
    s += '.';
    s += static_cast<char>('0' + rest / 10);
    s += static_cast<char>('0' + rest % 10);
  }
  return s;
}

/// @brief The shortest text that reads back as `v` ("4", "8.5").
inline std::string format_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<std::int64_t>(v));
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return r.ec == std::errc() ? std::string(buf, r.ptr) : std::to_string(v);
}

/// @brief Money resting on a "cirka" figure, for reading: whole kronor, rounded half away from zero
/// ("2 666 667" for 20 MSEK × 40 % / 3): öre would claim a precision the figure does not have, and
/// parts printed to the öre need not add up to their rounded total (review R22).
inline std::string format_approx_amount(money m) {
  const std::int64_t ore = m.minor();
  const std::int64_t whole = (ore >= 0 ? ore + 50 : ore - 50) / 100;
  return format_amount(money::from_minor(whole * 100));
}

/// @brief `v` with exactly `decimals` decimals ("45.6", "10.00"), correctly rounded.
inline std::string format_fixed(double v, int decimals) {
  char buf[400];  // the widest finite double in fixed notation with a few decimals fits
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return r.ec == std::errc() ? std::string(buf, r.ptr) : format_number(v);
}

/// @brief Meetings per year: "4", "2–3", or "unknown" when the source does not say.
inline std::string format_cadence(const std::optional<cadence>& c) {
  if (!c) return "unknown";
  if (c->low == c->high) return format_number(c->low);
  return format_number(c->low) + "–" + format_number(c->high);
}

/// @brief The one percentage formatter: a fraction as "75 %". `decimals` < 0 writes a whole
/// number without decimals and anything else with two ("75 %", "1.92 %"); `decimals` ≥ 0 always
/// writes that many ("91.7 %"). Infinity reads "∞ %".
inline std::string format_percent(double fraction, int decimals = -1) {
  if (std::isinf(fraction)) return "∞ %";
  const double p = fraction * 100.0;
  char buf[64];
  std::to_chars_result r{};
  if (decimals < 0 && std::fabs(p - std::round(p)) < 5e-10)
    r = std::to_chars(buf, buf + sizeof buf, std::round(p) + 0.0, std::chars_format::fixed, 0);
  else
    r = std::to_chars(buf, buf + sizeof buf, p, std::chars_format::fixed, decimals < 0 ? 2 : decimals);
  return std::string(buf, r.ptr) + " %";
}
/// @brief An exact share as a percentage ("75 %", "1.92 %" for 1/52 rounded).
inline std::string format_percent(share s) { return format_percent(s.value()); }
/// @brief Bounds as a percentage: "75 %" when they meet, else "0–100 %".
inline std::string format_percent_range(double lo, double hi) {
  if (std::fabs(hi - lo) < 1e-12) return format_percent(lo);
  std::string a = format_percent(lo), b = format_percent(hi);
  return a.substr(0, a.size() - 2) + "–" + b;
}
/// @brief A share range as a percentage: "75 %" or "10–20 %".
inline std::string format_percent(const share_range& r) { return format_percent_range(r.low.value(), r.high.value()); }
/// @brief part/whole as a percentage with one decimal, or "unknown" when the whole is not positive.
inline std::string format_percent_of(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "unknown";
  return format_percent(static_cast<double>(part) / static_cast<double>(whole), 1);
}

/// @brief A share range: "3/4", or "0–1" when only bounds are known.
inline std::string format_share_range(const share_range& r) {
  if (r.exact()) return r.low.str();
  return r.low.str() + "–" + r.high.str();
}

/// @brief The names of a set of decision classes (`names` by class number), comma-separated; "all" or "none".
inline std::string format_classes(const std::vector<std::string>& names, decision_class_set s) {
  if (s.is_all()) return "all";
  if (s.empty()) return "none";
  std::string out;
  for (std::size_t c = 0; c < names.size(); ++c)
    if (s.contains(static_cast<decision_class>(c))) out += (out.empty() ? "" : ", ") + names[c];
  return out;
}
/// @brief The names of a set of model `m`'s decision classes.
inline std::string format_classes(const model& m, decision_class_set s) { return format_classes(m.decision_class_names(), s); }

// ---- table cells: the readable text and the machine form for CSV (docs/output-format.md) ----

/// @brief An amount: "6 160 232" to read, "6160232.00" in CSV.
inline table_cell amount_cell(money m) { return {format_amount(m), m.str(), cell_kind::amount}; }
/// @brief An amount that may be unknown: "unknown" to read, an empty CSV cell.
inline table_cell amount_cell(const std::optional<money>& m) { return m ? amount_cell(*m) : table_cell{"unknown", "", cell_kind::amount}; }
/// @brief A count: "308 116" to read, "308116" in CSV.
inline table_cell count_cell(std::int64_t n) { return {group_thousands(n), std::to_string(n), cell_kind::integer}; }
/// @brief A count that may be unknown.
inline table_cell count_cell(const std::optional<std::int64_t>& n) { return n ? count_cell(*n) : table_cell{"unknown", "", cell_kind::integer}; }
/// @brief An integer written plainly both ways (years, small counts); empty when unknown.
inline table_cell integer_cell(const std::optional<std::int64_t>& n) {
  const std::string t = n ? std::to_string(*n) : std::string();
  return {t, t, cell_kind::integer};
}
/// @brief A fraction: "91.7 %" to read, "0.917" in CSV.
inline table_cell percent_cell(double fraction, int decimals = -1) { return {format_percent(fraction, decimals), format_number(fraction), cell_kind::number}; }

}  // namespace orgmodel
