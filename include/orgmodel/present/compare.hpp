#pragma once
/// @file
/// @brief Template comparisons (scenario/compare.hpp) as tables, CSV and JSON: the text and CSV
/// forms (present/compare_text.hpp) and the JSON — numbers in JSON, amounts as exact decimal
/// strings (docs/output-format.md).

#include <cstdint>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "orgmodel/present/compare_text.hpp"
#include "orgmodel/present/json_values.hpp"
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
