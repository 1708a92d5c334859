#pragma once
/// @file
/// @brief The stakeholder table `orgmodel allocate` reads: CSV with a header row, one stakeholder
/// per row, a weight column and optionally stand-alone costs.
///
/// The column "stakeholder", "payer" or "name" (else the first column) names the stakeholder,
/// each name once; `weight_column` names the weight column (default "population", else "weight",
/// else "amount"; a table of names and costs only weighs everyone 1); a "cost" column gives
/// stand-alone costs in SEK for the game methods. A weight column named "amount" holds exact SEK
/// amounts and weighs in öre. A table with a "rule" column (the funding flows, one row per rule)
/// may name a payer on several rows: its amounts are summed. So the CSV that `orgmodel allocate`
/// and `orgmodel funding --view compare` or `--view flows` write reads back. Fields follow RFC 4180 quoting; blank lines are skipped. The
/// separator is a comma, or a semicolon when the header has semicolons and no commas (spreadsheets
/// with a decimal comma write that); a header with both is refused, never guessed.

#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "orgmodel/core/checked.hpp"
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
inline std::vector<std::string> split_csv_line(std::string_view line, char separator = ',') {
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
    } else if (c == separator) {
      f.push_back(cur), cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  f.push_back(cur);
  return f;
}

/// @brief How many of `c` stand outside quotes in a line.
inline std::size_t count_unquoted(std::string_view line, char c) {
  std::size_t n = 0;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == c && !quoted) ++n;
  }
  return n;
}

}  // namespace detail

/// @brief Reads a stakeholder table from CSV text; `source` names the input in messages.
/// @throws parse_error naming the line ("line 3"): `empty_input` (no header, or no rows),
/// `wrong_type` (a row with the wrong number of fields), `duplicate_id` (a name given twice),
/// `out_of_range` (a weight that is not a non-negative integer), `bad_amount` (a cost),
/// `wrong_type` on line 1 (a header with both separators); lookup_error when `weight_column` is
/// not a column, or when no weight column is given and the table has columns besides the name and
/// the cost (a weight under another name would otherwise be ignored).
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
  const std::size_t commas = detail::count_unquoted(line, ','), semicolons = detail::count_unquoted(line, ';');
  if (commas > 0 && semicolons > 0)
    throw parse_error(error_code::wrong_type, "line 1",
                      "the header of " + quoted_source + " has both ',' and ';' outside quotes: which one separates fields is unclear");
  const char sep = semicolons > 0 ? ';' : ',';
  const auto head = detail::split_csv_line(line, sep);
  auto col = [&](std::string_view n) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < head.size(); ++i)
      if (head[i] == n) return i;
    return std::nullopt;
  };
  const auto wc = weight_column ? col(*weight_column) : col("population") ? col("population") : col("weight") ? col("weight") : col("amount");
  const bool in_ore = wc && head[*wc] == "amount";  // money: exact SEK, weighed in öre
  const bool summed = col("rule").has_value();      // funding flows: one row per rule, a payer on several
  if (weight_column && !wc) throw lookup_error("the CSV has no column \"" + *weight_column + "\"");
  const auto cc = col("cost");
  const std::size_t nc = col("stakeholder") ? *col("stakeholder") : col("payer") ? *col("payer") : col("name") ? *col("name") : 0;
  if (!wc && head.size() > 1 + (cc ? 1U : 0U)) {
    std::string names;
    for (const auto& h : head) names += (names.empty() ? "" : ", ") + ("\"" + h + "\"");
    throw lookup_error("the CSV " + quoted_source + " has no weight column (\"population\" or \"weight\"); name one (columns: " + names + ")");
  }
  stakeholder_table s;
  s.has_costs = cc.has_value();
  std::map<std::string, std::size_t, std::less<>> first_line;  // name → its index in s.names
  std::vector<std::size_t> line_of;                              // index → the line it was first given on
  for (std::size_t ln = 2; next_line(line); ++ln) {
    if (line.empty() || line == "\r") continue;
    const auto f = detail::split_csv_line(line, sep);
    const std::string where = "line " + std::to_string(ln);
    if (f.size() != head.size()) throw parse_error(error_code::wrong_type, where, "expected " + std::to_string(head.size()) + " fields");
    std::int64_t w = 1;
    if (wc) {
      const auto& w_text = f[*wc];
      if (in_ore) {
        const auto a = money::parse(w_text);
        if (!a || a->minor() < 0)
          throw parse_error(error_code::out_of_range, where,
                            "amount \"" + w_text + "\" is not a known non-negative amount (an unknown amount weighs nothing certain)");
        w = a->minor();
      } else {
        auto [p, ec] = std::from_chars(w_text.data(), w_text.data() + w_text.size(), w);
        if (ec != std::errc{} || p != w_text.data() + w_text.size() || w < 0)
          throw parse_error(error_code::out_of_range, where, "weight \"" + w_text + "\" is not a non-negative integer");
      }
    }
    std::optional<money> cost;
    if (cc) {
      cost = money::parse(f[*cc]);
      if (!cost || cost->minor() < 0) throw parse_error(error_code::bad_amount, where, "cost \"" + f[*cc] + "\" is not an exact amount");
    }
    if (auto [it, fresh] = first_line.emplace(f[nc], s.names.size()); !fresh) {
      if (!summed)
        throw parse_error(error_code::duplicate_id, where,
                          "stakeholder \"" + f[nc] + "\" is listed twice (first on line " + std::to_string(line_of[it->second]) + ")");
      const std::string what = "the amounts of \"" + f[nc] + "\" (" + where + ")";
      s.weights[it->second] = checked_add(s.weights[it->second], w, what);
      if (cost) s.costs[it->second] = money::from_minor(checked_add(s.costs[it->second].minor(), cost->minor(), what));
      continue;
    }
    s.names.push_back(f[nc]);
    line_of.push_back(ln);
    s.weights.push_back(w);
    if (cost) s.costs.push_back(*cost);
  }
  if (s.names.empty())
    throw parse_error(error_code::empty_input, "line 2", "empty input: the CSV " + quoted_source + " has a header but no stakeholder rows");
  return s;
}

}  // namespace orgmodel
