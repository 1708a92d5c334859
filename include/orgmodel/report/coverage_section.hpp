#pragma once
/// @file
/// @brief The report's coverage section: who sits at the table in each model (by layer, directly
/// or represented), the mismatches, the minimum cover, and the national view with the counties
/// without an organisation — as a JSON object and a text rendering.
///
/// Still to come: the comparison with the Västmanland templates (scenario/templates.hpp) once
/// the templates land on main — the section then runs the same coverage on each template
/// instantiated for Västmanland's ten municipalities.

#include <span>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/coverage_mismatches.hpp"
#include "orgmodel/analysis/national_view.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/io/coverage_json.hpp"

namespace orgmodel::report {

/// @brief A report section: its JSON object and its text.
struct coverage_section_result {
  nlohmann::ordered_json json;
  std::string text;
};

/// @brief The stakeholder set a model's coverage is judged on: the members where it has any,
/// else every municipality it serves, else every municipality in the model.
inline stakeholder_source default_stakeholders(const model& m, organisation_index subject) {
  bool member = false, served = false;
  for (const auto& x : m.memberships())
    if (x.organisation == subject) (x.kind == membership_kind::member ? member : served) = true;
  return member ? stakeholder_source::members : served ? stakeholder_source::served : stakeholder_source::municipalities;
}

/// @brief Coverage of every model that has a subject (models without one — e.g. a context model
/// of counties — only enter the national view), then the national view over all of them.
inline coverage_section_result coverage_section(std::span<const model> models) {
  coverage_section_result s;
  std::ostringstream t;
  t << "Stakeholder coverage\n====================\n\n";
  auto rows = nlohmann::ordered_json::array();
  text_table summary({"model", "stakeholders", "of", "political", "executive", "operative", "owner", "decision", "represented",
                      "decision population", "votes vs population (LH)", "min. cover"},
                     {text_table::align::left, text_table::align::left, text_table::align::right, text_table::align::right,
                      text_table::align::right, text_table::align::right, text_table::align::right, text_table::align::right,
                      text_table::align::right, text_table::align::right, text_table::align::right, text_table::align::right});
  for (const auto& m : models) {
    organisation_index subject;
    try {
      subject = coverage_subject(m);
    } catch (const lookup_error&) {
      continue;
    }
    coverage_options opt{.subject = subject, .source = default_stakeholders(m, subject)};
    const auto r = coverage(m, opt);
    if (r.stakeholders.empty()) continue;
    const auto mm = mismatches(m, r);
    const auto cov = minimum_cover(m, r);
    auto j = to_json(m, r);
    j.erase("stakeholders");  // the per-stakeholder detail is `orgmodel coverage`'s
    j["mismatches"] = to_json(m, mm);
    j["mismatches"].erase("balance");
    j["minimum_cover"] = to_json(m, cov);
    rows.push_back(std::move(j));
    std::ostringstream lh;
    lh.precision(3);
    lh << mm.vote_population_index;
    std::size_t represented = 0;
    for (const auto& x : r.stakeholders) represented += x.delegated_any() || x.delegated_decision ? 1 : 0;
    summary.row({m.info().id, std::string(to_string(r.source)), std::to_string(r.stakeholders.size()),
                 std::to_string(r.on(layer::political).direct), std::to_string(r.on(layer::executive).direct),
                 std::to_string(r.on(layer::operative).direct), std::to_string(r.on(layer::owner).direct),
                 std::to_string(r.decision.direct), std::to_string(represented),
                 detail::pct(r.decision.population_direct, r.decision.population), lh.str(),
                 std::to_string(cov.bodies.size()) + (cov.search.method == cover_method::exact ? "" : " (greedy)")});
  }
  s.json["organisations"] = std::move(rows);
  summary.print(t);
  t << "\nCounts are stakeholders with a seat of their own on a body of that layer (owner: or an\n"
       "ownership share); \"represented\" reach a body only through a representative.\n";
  const auto v = national_view(models);
  auto nv = to_json(v);
  nv.erase("municipalities");
  s.json["national"] = std::move(nv);
  t << "\nNational view (" << data::population_source << ")\n";
  text_table cls({"served by", "municipalities", "population"}, {text_table::align::left, text_table::align::right, text_table::align::right});
  for (std::size_t c = 0; c < 3; ++c)
    cls.row({std::string(to_string(static_cast<service_class>(c))) + (c == 0 ? " of these models" : ""),
             std::to_string(v.classes[c].municipalities), group_thousands(v.classes[c].population)});
  cls.print(t);
  t << "\nCounties without a (single-county) organisation among these models:";
  for (auto c : v.counties_without_organisation) t << "\n  " << data::county(c).name << ": " << group_thousands(data::county(c).population) << " inhabitants";
  t << "\nMunicipalities in several organisations:";
  for (const auto& mu : v.municipalities) {
    if (mu.cls != service_class::several) continue;
    t << "\n  " << mu.name << ":";
    for (auto o : mu.served_by) t << ' ' << v.organisations[o].id;
  }
  t << '\n';
  s.text = t.str();
  return s;
}

}  // namespace orgmodel::report
