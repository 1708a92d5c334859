#pragma once
/// @file
/// @brief The stakeholder table `orgmodel allocate` reads: CSV with a header row, one stakeholder
/// per row, a weight column and optionally stand-alone costs.
///
/// The first column names the stakeholder, each name once; `weight_column` names the weight
/// column (default "population", else "weight"; without one every weight is 1); a "cost" column
/// gives stand-alone costs in SEK for the game methods. Fields follow RFC 4180 quoting; blank
/// lines are skipped.

#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "orgmodel/core/money.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel {

/// @brief Stakeholders in input order, with their weights and (when given) stand-alone costs.
struct stakeholder_table {
  std::vector<std::string> names;
  std::vector<std::int64_t> weights;
  std::vector<money> costs;  ///< stand-alone costs, for the game methods; empty without a cost column
  bool has_costs = false;
};

namespace detail {

/// @brief One CSV record's fields (RFC 4180 quotes, "" for a quote inside; CR dropped).
inline std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> f;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      f.push_back(cur), cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  f.push_back(cur);
  return f;
}

}  // namespace detail

/// @brief Reads a stakeholder table from CSV text; `source` names the input in messages.
/// @throws parse_error naming the line ("line 3"): `empty_input` (no header, or no rows),
/// `wrong_type` (a row with the wrong number of fields), `duplicate_id` (a name given twice),
/// `out_of_range` (a weight that is not a non-negative integer), `bad_amount` (a cost);
/// lookup_error when `weight_column` is not a column.
inline stakeholder_table parse_stakeholder_csv(std::string_view text, const std::optional<std::string>& weight_column = {},
                                               std::string_view source = "input") {
  std::size_t pos = 0;
  auto next_line = [&](std::string_view& line) {
    if (pos >= text.size()) return false;
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    line = text.substr(pos, nl - pos);
    pos = nl + 1;
    return true;
  };
  const std::string quoted_source = "\"" + std::string(source) + "\"";
  std::string_view line;
  if (!next_line(line) || line.empty() || line == "\r")
    throw parse_error(error_code::empty_input, "line 1", "empty input: the CSV " + quoted_source + " has no header row");
  const auto head = detail::split_csv_line(line);
  auto col = [&](std::string_view n) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < head.size(); ++i)
      if (head[i] == n) return i;
    return std::nullopt;
  };
  const auto wc = weight_column ? col(*weight_column) : (col("population") ? col("population") : col("weight"));
  if (weight_column && !wc) throw lookup_error("the CSV has no column \"" + *weight_column + "\"");
  const auto cc = col("cost");
  stakeholder_table s;
  s.has_costs = cc.has_value();
  std::map<std::string, std::size_t, std::less<>> first_line;  // name → the line it was first given on
  for (std::size_t ln = 2; next_line(line); ++ln) {
    if (line.empty() || line == "\r") continue;
    const auto f = detail::split_csv_line(line);
    const std::string where = "line " + std::to_string(ln);
    if (f.size() != head.size()) throw parse_error(error_code::wrong_type, where, "expected " + std::to_string(head.size()) + " fields");
    if (auto [it, fresh] = first_line.emplace(f[0], ln); !fresh)
      throw parse_error(error_code::duplicate_id, where,
                        "stakeholder \"" + f[0] + "\" is listed twice (first on line " + std::to_string(it->second) + ")");
    s.names.push_back(f[0]);
    if (wc) {
      const auto& w_text = f[*wc];
      std::int64_t w = 0;
      auto [p, ec] = std::from_chars(w_text.data(), w_text.data() + w_text.size(), w);
      if (ec != std::errc{} || p != w_text.data() + w_text.size() || w < 0)
        throw parse_error(error_code::out_of_range, where, "weight \"" + w_text + "\" is not a non-negative integer");
      s.weights.push_back(w);
    } else {
      s.weights.push_back(1);
    }
    if (cc) {
      auto c = money::parse(f[*cc]);
      if (!c || c->minor() < 0) throw parse_error(error_code::bad_amount, where, "cost \"" + f[*cc] + "\" is not an exact amount");
      s.costs.push_back(*c);
    }
  }
  if (s.names.empty())
    throw parse_error(error_code::empty_input, "line 2", "empty input: the CSV " + quoted_source + " has a header but no stakeholder rows");
  return s;
}

}  // namespace orgmodel
