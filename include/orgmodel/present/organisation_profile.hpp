#pragma once
/// @file
/// @brief JSON and display text of the organisation profiles (analysis/organisation_profile.hpp),
/// by docs/output-format.md: unknowns are null, money an exact decimal string, shares exact.

#include <algorithm>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/organisation_profile.hpp"
#include "orgmodel/core/role_titles.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/present/findings.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/json_values.hpp"

namespace orgmodel {

/// @brief The study's description of a model category.
inline const char* category_description(model_category c) {
  switch (c) {
    case model_category::c1A: return "shared responsibility of municipalities and region, municipal host";
    case model_category::c1B: return "shared responsibility of municipalities and region, regional or sub-regional host";
    case model_category::c2A: return "regional coordinator inside the region's ordinary operations";
    case model_category::c2B: return "regional unit";
    case model_category::c3A: return "limited company owned by municipalities and region";
    case model_category::c3B: return "business area inside a company owned by municipalities and region";
    case model_category::c4A: return "inter-municipal partnership across several counties";
  }
  return "";
}

/// @brief A funding line's terms for reading: "10 SEK per inhabitant per year", "1 × the flows of group g".
inline std::string funding_terms(const funding_line& r) {
  switch (r.basis) {
    case funding_basis::fixed:
      return r.amount.minor() == 0 ? std::string("no payment") : format_amount(r.amount) + " SEK per year";
    case funding_basis::per_inhabitant: return format_amount(r.rate) + " SEK per inhabitant per year";
    case funding_basis::matching: return r.ratio.str() + " × the flows of group " + r.matches;
    case funding_basis::share_of_total:
      return r.ratio.str() + " (" + format_percent(r.ratio) + ") of " + format_amount(r.amount) + " SEK over " +
             std::to_string(r.period_years) + " year" + (r.period_years == 1 ? "" : "s");
  }
  return {};
}

/// @brief Years for reading: "2023", "2021–2023", "2021–", "years not stated".
inline std::string years_text(std::optional<int> from, std::optional<int> to) {
  if (!from && !to) return "years not stated";
  if (from && to && *from == *to) return std::to_string(*from);
  return (from ? std::to_string(*from) : std::string("…")) + "–" + (to ? std::to_string(*to) : std::string(""));
}

/// @brief The members' population for reading: the SCB part apart from a population worked out for
/// unnamed members (SBA: "2 883 060 (SCB, 31 Dec 2023, 26 named) + ≈ 1 030 883 derived for 29
/// unnamed (not SCB)").
inline std::string population_text(const members_summary& m) {
  const std::int64_t scb = m.known_population - m.group_population;
  std::string s = (m.population_complete ? "" : "at least ") + group_thousands(scb);
  if (m.population_year)
    s += " (SCB, 31 Dec " + std::to_string(*m.population_year) + (m.group_population ? ", " + std::to_string(m.named) + " named" : "") + ")";
  if (m.group_population)
    s += " + ≈ " + group_thousands(m.group_population) + " derived for " + std::to_string(m.group_members) + " unnamed (not SCB)";
  return s;
}

/// @brief The first sentence of a note ("Takes positions …; Region Värmland then makes the formal decisions.").
/// A full stop ends it only before a capital or a quote, so "e.g. operational plan" and "19.2" do not.
inline std::string first_sentence(std::string_view note) {
  for (std::size_t i = 0; i + 2 < note.size(); ++i)
    if (note[i] == '.' && note[i + 1] == ' ' && ((note[i + 2] >= 'A' && note[i + 2] <= 'Z') || note[i + 2] == '"'))
      return std::string(note.substr(0, i + 1));
  return std::string(note);
}

/// @brief What a stated figure is, from its note's first clause ("Staff costs: 3.3 MSEK of the 2024
/// budget …" → "Staff costs"): a marketing share must not read as the organisation's cost (review R10).
inline std::string figure_meaning(std::string_view note) {
  const auto end = note.find_first_of(";:");
  std::string s = first_sentence(note.substr(0, end));
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

/// @brief A body's cadence for reading: "meets 4/yr", "meets unknown", or for a cadence at which
/// matters reach it "matters reach it 1/yr (own meetings not stated)".
inline std::string cadence_text(const body_summary& b) {
  if (b.cadence_is_reporting()) return "matters reach it " + format_cadence(b.meetings_per_year) + "/yr (own meetings not stated)";
  return "meets " + format_cadence(b.meetings_per_year) + (b.meetings_per_year ? "/yr" : "");
}

/// @brief A body's mandates for reading; where they are unknown or none, the note says what the
/// study does say (ESBR's named decision makers L1043, BRV's steering group L608-612).
inline std::string mandates_text(const std::vector<std::string>& classes, const body_summary& b) {
  std::string s = b.mandates ? in_words(format_classes(classes, *b.mandates)) : std::string("not stated");
  // Operative networks' notes say how they work, not what they decide: left to the JSON.
  const bool said = !b.mandates || (b.mandates->empty() && b.layer != layer::operative);
  if (said && !b.note.empty()) s += " (" + first_sentence(b.note) + ")";
  return s;
}

/// @brief The relation for reading and JSON: "hosted_by", "part_of", "business_area_of" or "owner".
inline std::string relation_name(const related_party& r) {
  return r.affiliation ? std::string(to_string(*r.affiliation)) : std::string("owner");
}

inline nlohmann::ordered_json to_json(const related_party& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"relation", relation_name(r)},
          {"through", text_or_null(r.through)},
          {"share", r.share ? range_json(*r.share) : nlohmann::ordered_json(nullptr)},
          {"provenance", to_string(r.source)}};
}

inline nlohmann::ordered_json to_json(const std::vector<std::string>& classes, const body_summary& b) {
  auto roles = nlohmann::ordered_json::array();
  for (const auto& g : b.roles) roles.push_back({{"role", g.role}, {"seats", g.seats}, {"votes", g.votes}});
  auto chairs = nlohmann::ordered_json::array();
  for (const auto& c : b.chairs) chairs.push_back({{"holder", c.holder}, {"role", c.role}});
  return {{"id", b.id},
          {"name", b.name},
          {"kind", to_string(b.kind)},
          {"organisation", b.organisation_id},
          {"meetings_per_year", cadence_json(b.meetings_per_year)},
          {"mandates", b.mandates ? classes_json(classes, *b.mandates) : nlohmann::ordered_json(nullptr)},
          {"decision_rule", b.rule ? nlohmann::ordered_json(to_string(*b.rule)) : nlohmann::ordered_json(nullptr)},
          {"staff", optional_json(b.staff)},
          {"cadence_is_reporting", b.cadence_is_reporting()},
          {"named_by_study", !b.unnamed()},
          {"seats", optional_json(b.seats)},
          {"roles", std::move(roles)},
          {"chairs", std::move(chairs)}};
}

inline nlohmann::ordered_json to_json(const funding_line& f) {
  nlohmann::ordered_json j;
  j["purpose"] = f.purpose;
  j["basis"] = to_string(f.basis);
  const bool amount = f.basis == funding_basis::fixed || f.basis == funding_basis::share_of_total;
  const bool ratio = f.basis == funding_basis::matching || f.basis == funding_basis::share_of_total;
  j["amount"] = amount ? nlohmann::ordered_json(f.amount.str()) : nlohmann::ordered_json(nullptr);
  j["rate_per_inhabitant"] = f.basis == funding_basis::per_inhabitant ? nlohmann::ordered_json(f.rate.str()) : nlohmann::ordered_json(nullptr);
  j["ratio"] = ratio ? nlohmann::ordered_json(f.ratio.value()) : nlohmann::ordered_json(nullptr);
  j["ratio_exact"] = ratio ? nlohmann::ordered_json(f.ratio.str()) : nlohmann::ordered_json(nullptr);
  j["matches"] = f.basis == funding_basis::matching ? nlohmann::ordered_json(f.matches) : nlohmann::ordered_json(nullptr);
  j["period_years"] = f.basis == funding_basis::share_of_total ? nlohmann::ordered_json(f.period_years) : nlohmann::ordered_json(nullptr);
  j["year_from"] = optional_json(f.year_from);
  j["year_to"] = optional_json(f.year_to);
  j["payers"] = f.payers;
  j["rules"] = f.rule_ids;
  j["group"] = text_or_null(f.group);
  j["co_funding_min"] = f.co_funding_min ? nlohmann::ordered_json(f.co_funding_min->str()) : nlohmann::ordered_json(nullptr);
  j["provenance"] = to_string(f.source);
  return j;
}

inline nlohmann::ordered_json to_json(const members_summary& m) {
  nlohmann::ordered_json j;
  j["count"] = m.count;
  j["named"] = m.named;
  j["municipalities"] = m.municipalities;
  j["population"] = optional_json(m.population());
  j["known_population"] = m.known_population;
  j["derived_group_population"] = m.group_population;
  j["population_complete"] = m.population_complete;
  j["population_year"] = optional_json(m.population_year);
  j["population_source"] = data::population_source;
  auto list = nlohmann::ordered_json::array();
  for (const auto& e : m.list)
    list.push_back({{"id", e.id},
                    {"name", e.name},
                    {"kind", to_string(e.kind)},
                    {"membership", to_string(e.how)},
                    {"count", e.count},
                    {"population", optional_json(e.population)},
                    {"provenance", to_string(e.source)}});
  j["list"] = std::move(list);
  return j;
}

/// @brief One organisation's profile; `classes` names the model's decision classes.
inline nlohmann::ordered_json to_json(const std::vector<std::string>& classes, const organisation_profile& p) {
  nlohmann::ordered_json j;
  j["id"] = p.id;
  j["name"] = p.name;
  j["kind"] = to_string(p.kind);
  j["category"] = p.category ? nlohmann::ordered_json(to_string(*p.category)) : nlohmann::ordered_json(nullptr);
  j["category_description"] = p.category ? nlohmann::ordered_json(category_description(*p.category)) : nlohmann::ordered_json(nullptr);
  j["can_sign_agreements"] = p.can_sign_agreements;
  j["can_sign_agreements_stated"] = optional_json(p.can_sign_agreements_stated);
  j["hosts"] = array_json(p.hosts);
  j["owners"] = array_json(p.owners);
  j["members"] = to_json(p.members);
  auto gov = nlohmann::ordered_json::array();
  for (const auto& [l, bodies] : p.governance) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& b : bodies) a.push_back(to_json(classes, b));
    gov.push_back({{"layer", to_string(l)}, {"bodies", std::move(a)}});
  }
  j["governance"] = std::move(gov);
  auto esc = nlohmann::ordered_json::array();
  for (const auto& e : p.escalations) esc.push_back({{"from", e.from}, {"to", e.to}, {"classes", classes_json(classes, e.classes)}});
  j["escalations"] = std::move(esc);
  j["funding_rules"] = array_json(p.funding);
  auto bud = nlohmann::ordered_json::array();
  for (const auto& b : p.budgets)
    bud.push_back({{"year", b.year},
                   {"kind", to_string(b.kind)},
                   {"amount", b.amount.str()},
                   {"provenance", to_string(b.source)},
                   {"note", text_or_null(b.note)}});
  j["stated_budgets"] = std::move(bud);
  j["team_size"] = optional_json(p.team_size);
  j["team_bodies"] = p.team_bodies;
  return j;
}

inline nlohmann::ordered_json to_json(const knowledge_gap& g) {
  return {{"status", to_string(g.status)}, {"what", g.what}, {"elements", g.elements}};
}

inline nlohmann::ordered_json to_json(const model_profile& mp) {
  nlohmann::ordered_json j;
  j["model"] = mp.model_id;
  j["name"] = mp.model_name;
  j["description"] = mp.description;
  auto orgs = nlohmann::ordered_json::array();
  for (const auto& p : mp.organisations) orgs.push_back(to_json(mp.decision_classes, p));
  j["organisations"] = std::move(orgs);
  auto t = nlohmann::ordered_json::array();
  for (const auto& e : mp.territory)
    t.push_back({{"id", e.id},
                 {"name", e.name},
                 {"county", e.county},
                 {"municipalities", e.municipalities},
                 {"population", optional_json(e.population)}});
  j["territory"] = std::move(t);
  j["gaps"] = array_json(mp.gaps);
  j["findings"] = array_json(mp.findings);
  return j;
}

}  // namespace orgmodel
