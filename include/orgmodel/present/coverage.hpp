#pragma once
/// @file
/// @brief JSON and tables of the coverage results (coverage, mismatches, minimum cover, national
/// view), shared by `orgmodel coverage` and the report so that both print the same figures.

#include <string>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/coverage_mismatches.hpp"
#include "orgmodel/analysis/national_view.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"

namespace orgmodel {

namespace detail {
inline nlohmann::ordered_json ids_json(const model& m, const std::vector<organisation_index>& v) {
  auto a = nlohmann::ordered_json::array();
  for (auto o : v) a.push_back(m[o].id);
  return a;
}
inline nlohmann::ordered_json tally_json(const coverage_tally& t) {
  return {{"bodies", t.bodies},
          {"stakeholders", t.stakeholders},
          {"direct", t.direct},
          {"delegated", t.delegated},
          {"none", t.none},
          {"population", t.population},
          {"population_direct", t.population_direct},
          {"population_delegated", t.population_delegated},
          {"population_none", t.population_none},
          {"population_unknown", t.population_unknown}};
}
}  // namespace detail

/// @brief The chain as text: "lidingo → danderyd (StorSthlm)".
inline std::string chain_text(const model& m, const std::vector<delegation_step>& c) {
  std::string s;
  for (std::size_t k = 0; k < c.size(); ++k) {
    if (k == 0) s = m[c[k].from].id;
    s += " → " + m[c[k].to].id;
    if (!c[k].via.empty()) s += " (" + c[k].via + ")";
  }
  return s;
}

/// @brief The coverage result as JSON: subject, bodies, tallies per layer, stakeholders, delegates.
inline nlohmann::ordered_json to_json(const model& m, const coverage_result& r) {
  nlohmann::ordered_json j;
  j["model"] = m.info().id;
  j["subject"] = m[r.subject].id;
  j["stakeholders_from"] = to_string(r.source);
  j["scope"] = to_string(r.scope);
  auto bodies = nlohmann::ordered_json::array();
  for (const auto& g : r.bodies)
    bodies.push_back({{"id", m[g.body].id},
                      {"layer", to_string(m[g.body].layer)},
                      {"reason", to_string(g.reason)},
                      {"decision", g.decision},
                      {"decision_by_default", g.decision_by_default},
                      {"stakeholders_seated", g.stakeholders_seated}});
  j["bodies"] = std::move(bodies);
  nlohmann::ordered_json layers;
  for (std::size_t l = 0; l < layer_count; ++l) layers[std::string(to_string(static_cast<layer>(l)))] = detail::tally_json(r.by_layer[l]);
  layers["decision"] = detail::tally_json(r.decision);
  layers["any"] = detail::tally_json(r.any);
  j["layers"] = std::move(layers);
  auto st = nlohmann::ordered_json::array();
  for (const auto& s : r.stakeholders) {
    nlohmann::ordered_json x;
    x["id"] = m[s.stakeholder].id;
    x["population"] = s.population ? nlohmann::ordered_json(*s.population) : nlohmann::ordered_json(nullptr);
    for (std::size_t l = 0; l < layer_count; ++l) {
      const auto& p = s.layers[l];
      nlohmann::ordered_json y{{"seats", p.seats}, {"votes", p.votes}};
      if (l == static_cast<std::size_t>(layer::owner)) y["owns"] = p.owns;
      if (p.delegated) y["delegated"] = {{"body", m[p.delegated_body].id}, {"chain", chain_text(m, p.chain)}};
      x[std::string(to_string(static_cast<layer>(l)))] = std::move(y);
    }
    x["decision_seats"] = s.decision_seats;
    x["decision_votes"] = s.decision_votes;
    x["delegated_decision"] = s.delegated_decision;
    st.push_back(std::move(x));
  }
  j["stakeholders"] = std::move(st);
  auto del = nlohmann::ordered_json::array();
  for (const auto& g : r.delegates)
    del.push_back({{"via", g.via},
                   {"kind", to_string(g.kind)},
                   {"body", m[g.body].id},
                   {"representatives", detail::ids_json(m, g.representatives)},
                   {"represented", detail::ids_json(m, g.represented)},
                   {"population", g.population}});
  j["delegated_representation"] = std::move(del);
  return j;
}

/// @brief Per layer (and decision bodies, any body): direct, delegated, none, with population.
inline text_table coverage_layers_table(const coverage_result& r) {
  using a = text_table::align;
  text_table t({"layer", "bodies", "direct", "delegated", "none", "of", "population direct", "share", "population delegated",
                "population unknown"},
               {a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right});
  auto row = [&](std::string name, const coverage_tally& x) {
    t.row({std::move(name), std::to_string(x.bodies), std::to_string(x.direct), std::to_string(x.delegated), std::to_string(x.none),
           std::to_string(x.stakeholders), count_cell(x.population_direct),
           x.population > 0 ? percent_cell(static_cast<double>(x.population_direct) / static_cast<double>(x.population), 1)
                            : table_cell{"unknown", "", cell_kind::number},
           count_cell(x.population_delegated), std::to_string(x.population_unknown)});
  };
  for (std::size_t l = 0; l < layer_count; ++l) row(std::string(to_string(static_cast<layer>(l))), r.by_layer[l]);
  row("decision", r.decision);
  row("any", r.any);
  return t;
}

/// @brief One row per stakeholder: seats per layer ("2", "0", "via" when delegated), decision votes.
inline text_table coverage_stakeholders_table(const model& m, const coverage_result& r) {
  using a = text_table::align;
  text_table t({"stakeholder", "population", "political", "executive", "operative", "owner", "decision votes", "delegated through"},
               {a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  for (const auto& s : r.stakeholders) {
    std::vector<table_cell> row{m[s.stakeholder].id, count_cell(s.population)};
    std::string via;
    for (std::size_t l = 0; l < layer_count; ++l) {
      const auto& p = s.layers[l];
      if (p.direct()) row.push_back(p.owns && p.seats == 0 ? "owner" : std::to_string(p.seats));
      else if (p.delegated) {
        row.push_back("via");
        if (via.empty()) via = chain_text(m, p.chain);
      } else row.push_back("–");
    }
    row.push_back(std::to_string(s.decision_votes));
    row.push_back(via);
    t.row(row);
  }
  return t;
}

/// @brief Mismatches as JSON.
inline nlohmann::ordered_json to_json(const model& m, const coverage_mismatches& r) {
  nlohmann::ordered_json j;
  j["funders_without_seat"] = detail::ids_json(m, r.funders_without_seat);
  j["funders_without_seat_represented"] = detail::ids_json(m, r.funders_without_seat_represented);
  j["seats_without_funding"] = detail::ids_json(m, r.seats_without_funding);
  j["members_without_vote"] = detail::ids_json(m, r.members_without_vote);
  j["members_with_seat_without_vote"] = detail::ids_json(m, r.members_with_seat_without_vote);
  j["members_without_vote_represented"] = detail::ids_json(m, r.members_without_vote_represented);
  j["seat_population_index"] = r.seat_population_index;
  j["vote_population_index"] = r.vote_population_index;
  j["population_unknown"] = r.population_unknown;
  j["year"] = r.year;
  j["paid_by_stakeholders"] = r.paid_by_stakeholders.str();
  j["vote_money_index"] = r.vote_money_index;
  j["population_money_index"] = r.population_money_index;
  j["money_unknown"] = r.money_unknown;
  j["money"] = r.money_status;
  auto b = nlohmann::ordered_json::array();
  for (const auto& x : r.balance) {
    auto pays = nlohmann::ordered_json::array();
    for (auto p : x.pays) pays.push_back(to_string(p));
    b.push_back({{"id", m[x.stakeholder].id},
                 {"population", x.population ? nlohmann::ordered_json(*x.population) : nlohmann::ordered_json(nullptr)},
                 {"decision_seats", x.seats},
                 {"decision_votes", x.votes},
                 {"seat_share", x.seat_share},
                 {"vote_share", x.vote_share},
                 {"population_share", x.population_share},
                 {"votes_per_population", x.votes_per_population ? nlohmann::ordered_json(*x.votes_per_population) : nlohmann::ordered_json(nullptr)},
                 {"pays", std::move(pays)},
                 {"paid", x.paid ? nlohmann::ordered_json(x.paid->str()) : nlohmann::ordered_json(nullptr)},
                 {"money_share", x.money_share}});
  }
  j["balance"] = std::move(b);
  return j;
}

/// @brief The minimum cover as JSON, with its method and guarantee.
inline nlohmann::ordered_json to_json(const model& m, const minimum_cover_result& r) {
  auto bodies = nlohmann::ordered_json::array();
  for (auto b : r.bodies) bodies.push_back(m[b].id);
  return {{"bodies", std::move(bodies)},
          {"size", r.bodies.size()},
          {"method", r.search.method == cover_method::exact ? "exact" : "greedy"},
          {"approximation_bound", r.search.approximation_bound},
          {"lower_bound", r.search.lower_bound},
          {"candidates", r.candidates.size()},
          {"unreachable", detail::ids_json(m, r.unreachable)},
          {"budget_exhausted", r.search.budget_exhausted}};
}

/// @brief The national view as JSON.
inline nlohmann::ordered_json to_json(const national_view_result& v) {
  nlohmann::ordered_json j;
  auto orgs = nlohmann::ordered_json::array();
  for (const auto& o : v.organisations)
    orgs.push_back({{"model", o.model_id}, {"id", o.id}, {"name", o.name}, {"cross_county", o.cross_county},
                    {"counties", o.counties}, {"municipalities", o.municipalities}, {"population", o.population}});
  j["organisations"] = std::move(orgs);
  nlohmann::ordered_json cls;
  for (std::size_t c = 0; c < 3; ++c)
    cls[std::string(to_string(static_cast<service_class>(c)))] = {{"municipalities", v.classes[c].municipalities},
                                                                   {"population", v.classes[c].population}};
  j["classes"] = std::move(cls);
  auto counties = nlohmann::ordered_json::array();
  for (const auto& c : v.counties) {
    auto ids = nlohmann::ordered_json::array();
    for (auto o : c.organisations) ids.push_back(v.organisations[o].id);
    auto cross = nlohmann::ordered_json::array();
    for (auto o : c.cross_county) cross.push_back(v.organisations[o].id);
    counties.push_back({{"code", c.code}, {"name", c.name}, {"population", c.population}, {"municipalities", c.municipalities},
                        {"served", c.served}, {"population_unserved", c.population_unserved}, {"organisations", std::move(ids)},
                        {"cross_county", std::move(cross)}, {"without_organisation", c.without_organisation}});
  }
  j["counties"] = std::move(counties);
  j["counties_without_organisation"] = v.counties_without_organisation;
  auto mus = nlohmann::ordered_json::array();
  for (const auto& mu : v.municipalities) {
    auto by = nlohmann::ordered_json::array();
    for (auto o : mu.served_by) by.push_back(v.organisations[o].id);
    mus.push_back({{"code", mu.code}, {"name", mu.name}, {"county", mu.county_code}, {"population", mu.population},
                   {"class", to_string(mu.cls)}, {"served_by", std::move(by)}});
  }
  j["municipalities"] = std::move(mus);
  auto unk = nlohmann::ordered_json::array();
  for (const auto& u : v.unknown_groups)
    unk.push_back({{"model", u.model_id}, {"id", u.organisation_id}, {"name", u.name}, {"serves", u.serves}});
  j["unknown_groups"] = std::move(unk);
  j["unmatched"] = v.unmatched;
  return j;
}

/// @brief One row per SCB municipality: county, population, class, serving organisations.
inline text_table national_municipalities_table(const national_view_result& v) {
  using a = text_table::align;
  text_table t({"code", "municipality", "county", "population", "class", "served by"}, {a::left, a::left, a::left, a::right, a::left, a::left});
  for (const auto& mu : v.municipalities) {
    std::string by;
    for (auto o : mu.served_by) by += (by.empty() ? "" : ", ") + v.organisations[o].id;
    t.row({std::string(mu.code), std::string(mu.name), std::string(mu.county_code), group_thousands(mu.population),
           std::string(to_string(mu.cls)), by});
  }
  return t;
}

/// @brief One row per county: served municipalities, population unserved, organisations.
inline text_table national_counties_table(const national_view_result& v) {
  using a = text_table::align;
  text_table t({"code", "county", "municipalities", "served", "population", "unserved", "organisations", "cross-county"},
               {a::left, a::left, a::right, a::right, a::right, a::right, a::left, a::left});
  for (const auto& c : v.counties) {
    std::string o, x;
    for (auto i : c.organisations) o += (o.empty() ? "" : ", ") + v.organisations[i].id;
    for (auto i : c.cross_county) x += (x.empty() ? "" : ", ") + v.organisations[i].id;
    t.row({std::string(c.code), std::string(c.name), std::to_string(c.municipalities), std::to_string(c.served),
           group_thousands(c.population), group_thousands(c.population_unserved), o.empty() ? "none" : o, x});
  }
  return t;
}

}  // namespace orgmodel
