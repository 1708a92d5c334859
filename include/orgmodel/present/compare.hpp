#pragma once
/// @file
/// @brief Template comparisons (scenario/compare.hpp) as tables, CSV and JSON: the cells' values
/// formatted by type — counts and amounts grouped for reading, plain in CSV, numbers in JSON
/// (amounts as exact decimal strings, docs/output-format.md).

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/present/format.hpp"
#include "orgmodel/present/json_values.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/scenario/compare.hpp"

namespace orgmodel::scenario {

/// @brief A cell's value as JSON: null, a number, an amount as an exact decimal string, a share as a number.
inline nlohmann::ordered_json to_json(const compare_value& v) {
  struct visitor {
    nlohmann::ordered_json operator()(std::monostate) const { return nullptr; }
    nlohmann::ordered_json operator()(std::int64_t n) const { return n; }
    nlohmann::ordered_json operator()(double x) const { return x; }
    nlohmann::ordered_json operator()(money m) const { return m.str(); }
    nlohmann::ordered_json operator()(share s) const { return s.value(); }
    nlohmann::ordered_json operator()(const std::string& s) const { return s; }
  };
  return std::visit(visitor{}, v);
}
/// @brief A template parameter's value as JSON: a number, an amount as an exact decimal string, a
/// share as a number, meetings per year as a number or [low, high], true/false, or a word.
inline nlohmann::ordered_json to_json(const parameter_value& v) {
  struct visitor {
    nlohmann::ordered_json operator()(std::int64_t n) const { return n; }
    nlohmann::ordered_json operator()(money m) const { return m.str(); }
    nlohmann::ordered_json operator()(share s) const { return s.value(); }
    nlohmann::ordered_json operator()(const cadence& c) const { return cadence_json(c); }
    nlohmann::ordered_json operator()(bool b) const { return b; }
    nlohmann::ordered_json operator()(const std::string& s) const { return s; }
  };
  return std::visit(visitor{}, v);
}
/// @brief A cell's value for CSV: "" when unknown, plain digits, "5616260.00", "0.5".
inline std::string machine_text(const compare_value& v) {
  struct visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(double x) const { return format_number(x); }
    std::string operator()(money m) const { return m.str(); }
    std::string operator()(share s) const { return format_number(s.value()); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(visitor{}, v);
}
/// @brief A cell for reading: its text when it has one, else the value formatted ("5 616 260", "100 %").
inline std::string readable_text(const compare_cell& c) {
  if (!c.text.empty()) return c.text;
  struct visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t n) const { return group_thousands(n); }
    std::string operator()(double x) const { return format_number(x); }
    std::string operator()(money m) const { return format_amount(m); }
    std::string operator()(share s) const { return format_percent(s); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(visitor{}, c.value);
}

/// @brief The comparison as a table: one row per template. `machine`: cells are machine values
/// (plain numbers, "5616260.00", shares as decimals, unknown empty), for CSV; otherwise the
/// readable texts ("5 616 260"). The machine header is the columns' snake_case keys.
inline text_table to_table(const comparison& c, bool machine = false) {
  std::vector<std::string> header;
  std::vector<text_table::align> aligns;
  for (const auto& col : c.columns) {
    header.push_back(machine ? col.key : col.header);
    aligns.push_back(col.numeric ? text_table::align::right : text_table::align::left);
  }
  text_table t(std::move(header), std::move(aligns));
  for (const auto& row : c.cells) {
    std::vector<std::string> r;
    for (const auto& cell : row)
      r.push_back(machine ? machine_text(cell.value) : readable_text(cell));
    t.row(std::move(r));
  }
  return t;
}

/// @brief How to read the funding columns; printed under the comparison by the CLI and the report.
inline constexpr std::string_view funding_note =
    "Funding: one year of each template's funding rules, evaluated as `orgmodel funding` does; project\n"
    "SEK/yr is the first year of the project's period (its start is not given). \"unknown\" = an input\n"
    "is unknown; \"assumed params\" counts defaults the study does not give (docs/templates.md, --format json).";

/// @brief The comparison for reading: one narrow table per group of columns (members and host;
/// governance; funding; flags and the analyses' registered columns), each led by the model
/// column, since the twenty-odd columns side by side are far wider than a terminal. The groups
/// follow `compare_column::order` (0–29, 30–59, 60–89, 90 and up).
inline void print_text(const comparison& c, std::ostream& out) {
  struct group {
    int from, to;
    std::string title;
  };
  const std::vector<group> groups{{0, 30, "Members and host"},
                                  {30, 60, "Governance: bodies per layer, seats, staff"},
                                  {60, 90, "Funding per year at the study's " + std::to_string(scenario::rates_year) + " rates, SCB " +
                                                  std::to_string(c.input.population_year) + " population (SEK)"},
                                  {90, std::numeric_limits<int>::max(), "Parameters and analyses"}};
  bool first = true;
  for (const auto& g : groups) {
    std::vector<std::size_t> cols;
    for (std::size_t k = 0; k < c.columns.size(); ++k)
      if (c.columns[k].order == 0 || (c.columns[k].order >= g.from && c.columns[k].order < g.to)) cols.push_back(k);
    if (cols.size() < 2) continue;  // the model column alone
    std::vector<std::string> header;
    std::vector<text_table::align> aligns;
    for (auto k : cols) {
      header.push_back(c.columns[k].header);
      aligns.push_back(c.columns[k].numeric ? text_table::align::right : text_table::align::left);
    }
    text_table t(std::move(header), std::move(aligns));
    // Money that rests on an input the study does not give (2B's 4 MSEK, IiH's amount being
    // unknown) or gives as "cirka" is marked, not printed as a fact (review R24).
    const bool funding = g.from == 60;
    bool marked = false;
    for (std::size_t i = 0; i < c.cells.size(); ++i) {
      std::vector<std::string> r;
      for (auto k : cols) {
        const bool flag = funding && c.columns[k].order >= 60 && i < c.variants.size() && rests_on_assumptions(c.variants[i], c.columns[k].key) &&
                          readable_text(c.cells[i][k]) != "0";
        marked = marked || flag;
        // A yearly sum on an approximate or assumed input has no öre worth printing (review R22);
        // rates per inhabitant or per municipality keep theirs.
        const auto* amount = std::get_if<money>(&c.cells[i][k].value);
        const bool yearly = c.columns[k].key.size() > 9 && c.columns[k].key.ends_with("_per_year");
        const std::string text =
            flag && yearly && amount && c.cells[i][k].text.empty() ? format_approx_amount(*amount) : readable_text(c.cells[i][k]);
        r.push_back(text + (flag ? " *" : ""));
      }
      t.row(std::move(r));
    }
    out << (first ? "" : "\n") << g.title << ":\n";
    t.print(out);
    if (marked) out << "* rests on an amount the study does not give or gives as approximate (assumed or estimated)\n";
    first = false;
  }
}

/// @brief The comparison as JSON: the input, the columns and one object per template.
inline nlohmann::ordered_json to_json(const comparison& c) {
  nlohmann::ordered_json j;
  j["county"] = c.input.county_name;
  j["county_code"] = c.input.county_code;
  j["region"] = c.input.region_id;
  j["municipalities"] = c.input.municipalities.size();
  j["population"] = c.input.member_population();
  j["population_source"] = std::string(data::population_source);
  j["funding_year"] = c.input.population_year;
  j["rates_year"] = scenario::rates_year;
  auto cols = nlohmann::ordered_json::array();
  for (const auto& col : c.columns) cols.push_back({{"key", col.key}, {"header", col.header}});
  j["columns"] = std::move(cols);
  auto rows = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < c.variants.size(); ++i) {
    nlohmann::ordered_json r;
    r["model_id"] = c.variants[i].built.info().id;
    for (std::size_t k = 0; k < c.columns.size(); ++k) r[c.columns[k].key] = to_json(c.cells[i][k].value);
    auto assumed = nlohmann::ordered_json::array();
    for (const auto& d : describe_parameters(c.variants[i].category, c.variants[i].parameters))
      if (d.source != provenance::stated)
        assumed.push_back({{"name", d.name}, {"value", to_json(d.value)}, {"provenance", to_string(d.source)}, {"basis", d.basis}});
    r["flagged_parameters"] = std::move(assumed);
    r["funding_flags"] = funding_flags(c.variants[i]);
    rows.push_back(std::move(r));
  }
  j["variants"] = std::move(rows);
  return j;
}

}  // namespace orgmodel::scenario
