#pragma once
/// @file
/// @brief The report's coverage section: who sits at the table in each model (by layer, directly
/// or represented), the mismatches, the minimum cover, the same for the seven organisation
/// templates applied to Västmanland (scenario/templates.hpp), and the national view with the
/// counties without an organisation — as a JSON object and a text rendering.

#include <algorithm>
#include <array>
#include <span>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/coverage_mismatches.hpp"
#include "orgmodel/analysis/national_view.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/present/coverage.hpp"
#include "orgmodel/report/report_section.hpp"
#include "orgmodel/scenario/compare.hpp"
#include "orgmodel/scenario/templates.hpp"

namespace orgmodel {

namespace detail {

/// @brief The stakeholder set a model's coverage is judged on: the members where it has any,
/// else every municipality it serves, else every municipality in the model.
inline stakeholder_source default_stakeholders(const model& m, organisation_index subject) {
  bool member = false, served = false;
  for (const auto& x : m.memberships())
    if (x.organisation == subject) (x.kind == membership_kind::member ? member : served) = true;
  return member ? stakeholder_source::members : served ? stakeholder_source::served : stakeholder_source::municipalities;
}

inline text_table coverage_summary_table() {
  using a = text_table::align;
  return text_table({"model", "stakeholders", "of", "political", "executive", "operative", "owner", "decision", "represented",
                     "decision population", "votes vs population (LH)", "votes vs money (LH)", "min. cover"},
                    {a::left, a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right,
                     a::right, a::right});
}

/// @brief Adds one model's coverage to the rows and the summary table; false when it has no subject or stakeholders.
inline bool coverage_row(const model& m, const std::string& label, nlohmann::ordered_json& rows, text_table& summary,
                         std::string* funders = nullptr) {
  {
    organisation_index subject;
    try {
      subject = coverage_subject(m);
    } catch (const lookup_error&) {
      return false;
    }
    coverage_options opt{.subject = subject, .source = default_stakeholders(m, subject)};
    const auto r = coverage(m, opt);
    if (r.stakeholders.empty()) return false;
    const auto mm = mismatches(m, r);
    const auto cov = minimum_cover(m, r);
    auto j = to_json(m, r);
    j.erase("stakeholders");  // the per-stakeholder detail is `orgmodel coverage`'s
    j["mismatches"] = to_json(m, mm);
    j["mismatches"].erase("balance");
    j["minimum_cover"] = to_json(m, cov);
    rows.push_back(std::move(j));
    // The organisation a unit is part of or hosted by funds it without a seat by nature (ESBR is
    // Region Östergötland's, L1000-1004): not a funder left out. An unnamed group may be among those
    // seated (IiN's opting-in municipalities are among its owners, L1394-1395, L1529-1530).
    std::vector<std::string> left_out;
    for (auto f : mm.funders_without_seat) {
      const bool parent = std::any_of(m.affiliations().begin(), m.affiliations().end(),
                                      [&](const affiliation& a) { return a.child == subject && a.parent == f; });
      if (parent) continue;
      // An unnamed group of a county's municipalities may be among the seated ones; other groups
      // (SBA's property partners) are not.
      const bool of_county = m[f].kind == organisation_kind::unknown_group && !m[f].county.empty();
      left_out.push_back(m[f].name + (of_county ? " (municipalities of the county: may be among those seated)" : ""));
    }
    if (funders && !left_out.empty()) {
      *funders += "  " + label + ": " + std::to_string(left_out.size()) + " —";
      for (std::size_t i = 0; i < left_out.size(); ++i) *funders += (i ? ", " : " ") + left_out[i];
      *funders += "\n";
    }
    std::ostringstream lh, lhm;
    lh.precision(3);
    lh << mm.vote_population_index;
    lhm.precision(3);
    lhm << mm.vote_money_index;
    std::size_t represented = 0;
    std::int64_t votes = 0;
    // An unnamed group counts as the members it stands for (SBA's 29, L1768 "55 kommuner"; Business
    // Sweden's 13 others, L36 "20 regionala"), so that the counts agree with the profiles.
    std::int64_t of = 0, decision = 0;
    std::array<std::int64_t, 4> on{};
    for (const auto& x : r.stakeholders) {
      represented += x.delegated_any() || x.delegated_decision ? 1 : 0;
      votes += x.decision_votes;
      const auto& o = m[x.stakeholder];
      const std::int64_t n = o.kind == organisation_kind::unknown_group ? o.stands_for() : 1;
      of += n;
      decision += x.decision_seats > 0 ? n : 0;
      for (std::size_t l = 0; l < on.size(); ++l) on[l] += x.layers[l].direct() ? n : 0;
    }
    rows.back()["stakeholders_counted"] = of;
    const auto at = [&](layer l) { return std::to_string(on[static_cast<std::size_t>(l)]); };
    // Without a vote among the stakeholders the indices compare nothing with population or money.
    const std::string lh_population = votes > 0 ? lh.str() : "—", lh_money = votes > 0 ? lhm.str() : "—";
    summary.row({label, std::string(to_string(r.source)), std::to_string(of), at(layer::political), at(layer::executive),
                 at(layer::operative), at(layer::owner), std::to_string(decision), std::to_string(represented),
                 format_percent_of(r.decision.population_direct, r.decision.population), lh_population, lh_money,
                 std::to_string(cov.bodies.size()) + (cov.search.method == cover_method::exact ? "" : " (greedy)")});
  }
  return true;
}

}  // namespace detail

/// @brief Coverage of every model that has a subject (models without one — e.g. a context model
/// of counties — only enter the national view), the seven templates applied to `county`, then the
/// national view over the models.
inline report_section coverage_section(std::span<const model> models, std::string_view county = "Västmanlands län") {
  report_section s{"coverage", "Stakeholder coverage", nlohmann::ordered_json::object(), {}};
  std::ostringstream t;
  auto rows = nlohmann::ordered_json::array();
  auto summary = detail::coverage_summary_table();
  std::string funders;
  for (const auto& m : models) detail::coverage_row(m, m.info().id, rows, summary, &funders);
  s.content["organisations"] = std::move(rows);
  summary.print(t);
  if (!funders.empty()) t << "\nFunders without a seat on any body (nor an ownership share):\n" << funders;
  t << "\nCounts are stakeholders with a seat of their own on a body of that layer (owner: or an\n"
       "ownership share), an unnamed group counted as the members it stands for; \"represented\" reach a\n"
       "body only through a representative. LH is the\n"
       "Loosemore–Hanby index: half the sum over the stakeholders of |share of the votes − share of the\n"
       "population (or of the money paid)|, 0 when votes follow population (money), at most 1; \"—\" when\n"
       "no stakeholder has a vote on a decision body.\n";
  // The seven templates for the county the study was written for.
  const auto in = scenario::template_input::from_county(county);
  auto trows = nlohmann::ordered_json::array();
  auto tsum = detail::coverage_summary_table();
  for (auto c : scenario::all_categories) {
    const auto m = scenario::build_template(c, in);
    detail::coverage_row(m, std::string(to_string(c)) + " " + m.info().id, trows, tsum);
  }
  s.content["template_county"] = in.county_name;
  s.content["templates"] = std::move(trows);
  t << "\nThe seven organisation models applied to " << in.county_name << ":\n";
  tsum.print(t);
  const auto v = national_view(models);
  auto nv = to_json(v);
  nv.erase("municipalities");
  for (std::size_t i = 0; i < v.counties.size(); ++i) nv["counties"][i]["status"] = to_string(v.counties[i].status);
  nv["counties_not_modelled"] = v.counties_not_modelled;
  for (std::size_t i = 0; i < v.unknown_groups.size(); ++i)
    nv["unknown_groups"][i]["member_count"] =
        v.unknown_groups[i].member_count ? nlohmann::ordered_json(*v.unknown_groups[i].member_count) : nlohmann::ordered_json(nullptr);
  s.content["national"] = std::move(nv);
  t << "\nNational view (" << data::population_source << ")\n";
  text_table cls({"served by", "municipalities", "population"}, {text_table::align::left, text_table::align::right, text_table::align::right});
  for (std::size_t c = 0; c < 3; ++c)
    cls.row({std::string(to_string(static_cast<service_class>(c))) + (c == 0 ? " of these models" : ""),
             std::to_string(v.classes[c].municipalities), group_thousands(v.classes[c].population)});
  // Unnamed members are a group of known size, not unserved municipalities: they are among the
  // "none" row only because they cannot be placed on the map.
  text_table unnamed({"group", "municipalities", "population"}, {text_table::align::left, text_table::align::right, text_table::align::right});
  for (const auto& u : v.unknown_groups) {
    const auto served = std::find_if(v.organisations.begin(), v.organisations.end(), [&](const national_organisation& o) {
      return o.model_id == u.model_id && o.id == u.serves;
    });
    if (u.member_count && served != v.organisations.end())
      unnamed.row({u.name + " (" + served->name + ")", std::to_string(*u.member_count),
                   !u.population ? std::string("unknown")
                   : u.source == provenance::stated
                       ? group_thousands(*u.population)
                       : "≈ " + group_thousands(*u.population) + " (" + std::string(to_string(u.source)) + ")"});
  }
  cls.print(t);
  if (unnamed.size() > 0) {
    // They may be served by one, several or none of the models: a line of their own, not a share of a row above.
    t << "\nMembers the sources do not name (counted among \"none\" above only because they cannot be placed):\n";
    unnamed.print(t);
  }
  t << "\nCounties without an organisation" << (v.declared ? " (as the source states):" : " among these models:");
  for (auto c : v.counties_without_organisation) t << "\n  " << data::county(c).name << ": " << group_thousands(data::county(c).population) << " inhabitants";
  if (!v.counties_not_modelled.empty()) {
    t << "\nCounties that have an organisation, not modelled here:";
    for (auto c : v.counties_not_modelled) t << "\n  " << data::county(c).name;
  }
  t << "\nMunicipalities in several organisations:";
  for (const auto& mu : v.municipalities) {
    if (mu.cls != service_class::several) continue;
    t << "\n  " << mu.name << ":";
    for (std::size_t k = 0; k < mu.served_by.size(); ++k) t << (k ? ", " : " ") << v.organisations[mu.served_by[k]].name;
  }
  t << '\n';
  s.text = t.str();
  return s;
}

/// @brief Municipalities with a seat of their own on a decision body of the template, "k of n", as
/// a column of every template comparison (the Västmanland comparison included). A seat is not
/// power: "municipal voting power" (scenario/compare.hpp) agrees with the power table.
inline const bool coverage_compare_column_registered = scenario::register_compare_column(
    {.key = "municipalities_on_decision_bodies",
     .header = "municipalities seated on decision bodies",
     .order = 120,
     .numeric = true,
     .cell = [](const scenario::scenario_variant& v) -> scenario::compare_cell {
       const auto r = coverage(v.built, {.source = stakeholder_source::municipalities});
       return {std::to_string(r.decision.direct) + " of " + std::to_string(r.decision.stakeholders),
               static_cast<std::int64_t>(r.decision.direct)};
     }});

}  // namespace orgmodel
