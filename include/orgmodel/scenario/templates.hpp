#pragma once
/// @file
/// @brief The seven organisation models of the benchmark study (1A, 1B, 2A, 2B, 3A, 3B, 4A) as
/// parametrised templates: given municipalities, a region and parameters, each builds a complete,
/// valid model with host or owners, governance layers and seats, escalation lines and mandates,
/// funding rules and (for 3A/3B) ownership.
///
/// Defaults follow the study's example organisation of each category; every parameter carries its
/// provenance and the fact it rests on, so a model built from defaults flags what the study does
/// not give (docs/templates.md lists them).
///
/// @code
/// auto in = orgmodel::scenario::template_input::from_county("Örebro län");
/// orgmodel::model bro = orgmodel::scenario::build_template(orgmodel::model_category::c1A, in);
/// @endcode
///
/// The same templates append into a larger `model_data` (`append_template`), which is how the
/// synthetic nations of synth/ are organised county by county.

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <numeric>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "orgmodel/core/checked.hpp"
#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel::scenario {

/// @brief The year of the templates' rates and sums: the study's (2024), e.g. Business Region
/// Värmland's 6 SEK per inhabitant "in 2024". Populations are SCB's of `data::population_year`.
inline constexpr int rates_year = 2024;

/// @brief The seven categories in the study's order, for loops over all templates.
inline constexpr std::array<model_category, 7> all_categories{model_category::c1A, model_category::c1B,
                                                              model_category::c2A, model_category::c2B,
                                                              model_category::c3A, model_category::c3B,
                                                              model_category::c4A};

/// @brief Seat roles used by the templates. Kept at most 15 characters so that a role string
/// stays in the small-string buffer: synthetic nations hold millions of seats.
namespace roles {
inline constexpr std::string_view executive_chair = "executive_chair";  ///< KSO: chair of the municipal executive board
inline constexpr std::string_view chief_executive = "chief_executive";  ///< kommundirektör / regiondirektör
inline constexpr std::string_view business_dev = "business_dev";        ///< näringslivschef
inline constexpr std::string_view councillor = "councillor";            ///< regionråd / elected committee member
inline constexpr std::string_view regional_chair = "regional_chair";    ///< chair of the regional executive board
inline constexpr std::string_view director = "director";                ///< a regional or company director
inline constexpr std::string_view official = "official";                ///< an official named by an owner
inline constexpr std::string_view politician = "politician";            ///< an elected member named by an owner
inline constexpr std::string_view owner_rep = "owner_rep";              ///< an owner's representative at a shareholders' meeting
inline constexpr std::string_view board_member = "board_member";        ///< a company board member
inline constexpr std::string_view staff = "staff";                      ///< a member of the operative team
}  // namespace roles

/// @brief A parameter value with where it comes from. `basis` names the fact of the study it rests
/// on (empty when a user set it); `source` is `assumed` where the study gives no figure.
template <class T>
struct parameter {
  T value{};
  provenance source = provenance::stated;
  std::string_view basis;
};

/// @brief The knobs of a template. Start from `default_parameters(category)` and change fields;
/// a field set by assignment (`p.team_size = {6}`) becomes `stated` with an empty basis.
struct template_parameters {
  std::string id;    ///< id of the joint organisation; empty: "ipa-<county slug>"
  std::string name;  ///< its name; empty: derived from the category and the county
  std::string host;  ///< id of the host municipality (1A, 4A); empty: the most populous member

  parameter<int> team_size;                    ///< staff of the operative team
  parameter<money> rate_per_inhabitant;        ///< each municipality's fee per inhabitant and year
  parameter<share> matching_ratio;             ///< the region pays ratio × the municipal fees
  parameter<money> region_base;                ///< the region's fixed funding per year
  parameter<money> host_fixed;                 ///< the host's fixed funding per year (4A)
  parameter<std::optional<money>> co_funding_min;  ///< own costs a municipality must show in joint projects (2A)

  parameter<cadence> steering_meetings;        ///< political steering group / association board / members' meeting
  parameter<cadence> working_meetings;         ///< management group, working group, steering group of officials (4A)
  parameter<cadence> reference_meetings;       ///< reference group or network of business managers
  parameter<cadence> committee_meetings;       ///< the region's committee or board the model reports to
  parameter<cadence> official_meetings;        ///< a single decider (head of unit, director, signatory): decisions per year
  parameter<cadence> board_meetings;           ///< company board
  parameter<cadence> owner_meetings;           ///< shareholders' meeting / owner consultation
  parameter<cadence> team_meetings;            ///< the operative team

  parameter<int> committee_seats;              ///< elected members of the regional committee
  parameter<int> board_seats;                  ///< members of the company board (3A)
  parameter<int> region_staff_seats;           ///< region officials in the working group (1B)
  parameter<int> steering_size;                ///< chief executives on the operative steering group (4A)
  parameter<std::optional<share>> region_equity;  ///< the region's equity; nothing: equal shares per owner

  parameter<bool> project;                     ///< co-financed project funding on top of the base
  parameter<money> project_total;              ///< the project's total over its period
  parameter<int> project_years;                ///< the project's period
  parameter<share> project_agency_share;       ///< Tillväxtverket's share of the project
  parameter<share> project_region_share;       ///< the region's share
  parameter<share> project_municipal_share;    ///< the municipalities' share, split equally among them
};

/// @brief The study's example organisation of each category and its parameters.
/// @return parameters whose values and provenance follow that organisation (docs/templates.md).
inline template_parameters default_parameters(model_category c) {
  using p = provenance;
  template_parameters t;
  auto sek = [](std::int64_t s) { return money::from_major(s); };
  const auto none = parameter<money>{money{}, p::stated, "the model has no such flow"};
  t.host_fixed = none;
  t.region_base = none;
  t.rate_per_inhabitant = none;
  t.matching_ratio = {share::zero(), p::stated, "the model has no matching"};
  t.co_funding_min = {std::nullopt, p::stated, "no co-funding requirement"};
  t.team_meetings = {{52, 52}, p::assumed, "not given; a team meets weekly"};
  t.official_meetings = {{52, 52}, p::assumed, "not given; a single decider decides within a week"};
  t.committee_meetings = {{10, 10}, p::assumed, "not given; Swedish regional committees meet about monthly except summer"};
  t.committee_seats = {11, p::stated, "Region Dalarna's regional development committee: 11 elected members"};
  t.board_seats = {5, p::assumed, "not given; a small company board"};
  t.board_meetings = {{6, 6}, p::assumed, "not given"};
  t.owner_meetings = {{1, 1}, p::assumed, "not given; one shareholders' meeting a year"};
  t.steering_meetings = {{4, 4}, p::assumed, "not given"};
  t.working_meetings = {{10, 10}, p::assumed, "not given; about monthly"};
  t.reference_meetings = {{12, 12}, p::assumed, "not given; about monthly"};
  t.region_staff_seats = {0, p::stated, "no region officials in a working group"};
  t.steering_size = {0, p::stated, "not used"};
  t.region_equity = {std::nullopt, p::stated, "no company"};
  t.project = {false, p::stated, "permanent base funding only"};
  t.project_total = {sek(20'000'000), p::estimated, "Invest in Norrbotten: ≈20 MSEK per 3-year EU project"};
  t.project_years = {3, p::stated, "Invest in Norrbotten: a new EU project every 3 years"};
  t.project_agency_share = {share::percent(40), p::stated, "Invest in Norrbotten: 40 % Tillväxtverket"};
  t.project_region_share = {share::percent(40), p::stated, "Invest in Norrbotten: 40 % Region Norrbotten"};
  t.project_municipal_share = {share::percent(20), p::stated, "Invest in Norrbotten: 20 % the municipalities"};
  switch (c) {
    case model_category::c1A:
      t.team_size = {4, p::stated, "Business Region Örebro: team of 4"};
      t.rate_per_inhabitant = {sek(10), p::stated, "Business Region Örebro: 10 SEK per inhabitant"};
      t.matching_ratio = {share::one(), p::stated, "Business Region Örebro: the region matches the same sum"};
      t.region_base = {money{}, p::stated, "Business Region Örebro: the 6 MSEK base is fees plus matching"};
      t.steering_meetings = {{4, 4}, p::stated, "Business Region Örebro: steering group meets 4 times a year"};
      t.working_meetings = {{10, 10}, p::assumed, "not given for BRO's management group; about monthly"};
      t.committee_meetings = {{1, 1}, p::stated, "Business Region Örebro reports once a year to the regional growth committee"};
      t.committee_seats = {11, p::assumed, "not given for Region Örebro län; Region Dalarna's committee has 11"};
      t.official_meetings = {{12, 12}, p::assumed, "not given; the host municipality signs agreements about monthly"};
      break;
    case model_category::c1B:
      t.team_size = {3, p::stated, "Business Region Värmland: team of 3"};
      t.rate_per_inhabitant = {sek(6), p::stated, "Business Region Värmland: 6 SEK per inhabitant in 2024 (4 in 2023, 8 in 2025)"};
      t.matching_ratio = {share::one(), p::stated, "Business Region Värmland: half Region Värmland, half municipalities"};
      t.steering_meetings = {{2, 3}, p::stated, "Business Region Värmland: political steering group 2–3 times a year"};
      t.working_meetings = {{4, 4}, p::stated, "Business Region Värmland: working group 4 times a year"};
      t.reference_meetings = {{6, 10}, p::stated, "Business Region Värmland: reference group (NAV) 6–10 times a year"};
      t.region_staff_seats = {3, p::stated, "Business Region Värmland: regional director, deputy, development director"};
      t.committee_meetings = {{10, 10}, p::assumed, "not given; the regional executive board meets about monthly"};
      t.committee_seats = {11, p::assumed, "not given for Region Värmland's board; Region Dalarna's committee has 11"};
      break;
    case model_category::c2A:
      t.team_size = {1, p::stated, "Invest in Dalarna: team of 1"};
      t.region_base = {sek(1'000'000), p::stated, "Invest in Dalarna: Region Dalarna, 1 MSEK a year including the salary"};
      t.reference_meetings = {{12, 12}, p::stated, "Region Östergötland: the municipalities' business managers meet monthly"};
      t.co_funding_min = {sek(100'000), p::stated, "Region Östergötland: joint projects need ≥100 000 SEK own costs"};
      break;
    case model_category::c2B:
      t.team_size = {4, p::stated, "Invest in Halland: 4 of the business department's 18 staff"};
      t.region_base = {sek(4'000'000), p::assumed, "not given for Invest in Halland (Region Halland alone pays)"};
      t.committee_seats = {11, p::assumed, "not given for Region Halland; Region Dalarna's committee has 11"};
      break;
    case model_category::c3A:
      t.team_size = {5, p::stated, "Invest in Norrbotten: team of 5"};
      t.region_base = {sek(4'000'000), p::estimated, "Invest in Norrbotten: Region Norrbotten ≈4 MSEK a year"};
      t.rate_per_inhabitant = {money::parse("1.6").value(), p::stated, "Invest in Norrbotten: 1.6 SEK per inhabitant"};
      t.region_equity = {share::percent(75), p::stated, "Invest in Norrbotten AB: Region Norrbotten owns 75 %"};
      t.owner_meetings = {{1, 1}, p::stated, "Invest in Norrbotten: the owner directive is reviewed yearly"};
      t.project = {true, p::stated, "Invest in Norrbotten: a new EU project every 3 years since 2016"};
      break;
    case model_category::c3B:
      t.team_size = {3, p::stated, "High Coast Invest: head + 2 investment advisers"};
      t.rate_per_inhabitant = {sek(10), p::assumed, "not given for High Coast Invest; Business Region Örebro's rate"};
      t.matching_ratio = {share::one(), p::assumed, "not given for High Coast Invest; the region matches as in 1A/1B"};
      t.region_equity = {std::nullopt, p::assumed, "not given for BizMaker AB; equal shares per owner"};
      t.steering_meetings = {{4, 4}, p::stated, "High Coast Invest: association board meets quarterly"};
      t.board_seats = {0, p::stated, "High Coast Invest: one official per municipality on the company board"};
      break;
    case model_category::c4A:
      t.team_size = {11, p::stated, "Stockholm Business Alliance: team of 11"};
      t.rate_per_inhabitant = {sek(4), p::stated, "Stockholm Business Alliance: 4 SEK per inhabitant per member"};
      // The 7.5 MSEK is the City of Stockholm's as host of a 55-member alliance in nine counties
      // (study L1986–1988); nothing scales it to one county's host, which pays the members' rate.
      t.host_fixed = {money{}, p::assumed,
                      "not given for a one-county host; Stockholm's fixed 7.5 MSEK is SBA's own, so the host pays the members' rate"};
      t.steering_meetings = {{1, 1}, p::stated, "Stockholm Business Alliance: the members' KSOs meet once a year"};
      t.working_meetings = {{4, 4}, p::stated, "Stockholm Business Alliance: operative steering group 4 times a year"};
      t.reference_meetings = {{4, 4}, p::assumed, "not given; the working group prepares each steering-group meeting"};
      t.steering_size = {13, p::stated, "Stockholm Business Alliance: 13 municipal chief executives"};
      break;
  }
  return t;
}

/// @brief A parameter's value: a count, an amount, a share, meetings per year, a yes/no, or a
/// word ("equal_per_owner" for a region equity left to equal shares).
using parameter_value = std::variant<std::int64_t, money, share, cadence, bool, std::string>;

/// @brief One documented parameter: name, typed value, provenance and basis.
struct parameter_doc {
  std::string name;
  parameter_value value;
  provenance source = provenance::stated;
  std::string basis;
};

/// @brief The parameters a category uses, with values and provenance, for docs and reports.
inline std::vector<parameter_doc> describe_parameters(model_category c, const template_parameters& t) {
  std::vector<parameter_doc> out;
  auto add = [&](std::string name, parameter_value value, provenance p, std::string_view basis) {
    out.push_back({std::move(name), std::move(value), p, std::string(basis)});
  };
  auto add_money = [&](const char* n, const parameter<money>& x) { add(n, x.value, x.source, x.basis); };
  auto add_cad = [&](const char* n, const parameter<cadence>& x) { add(n, x.value, x.source, x.basis); };
  auto add_int = [&](const char* n, const parameter<int>& x) { add(n, std::int64_t{x.value}, x.source, x.basis); };
  add_int("team_size", t.team_size);
  add_cad("team_meetings", t.team_meetings);
  const bool region_pays_fees = c == model_category::c1A || c == model_category::c1B || c == model_category::c3B;
  if (region_pays_fees || c == model_category::c3A || c == model_category::c4A)
    add_money("rate_per_inhabitant", t.rate_per_inhabitant);
  if (region_pays_fees) add("matching_ratio", t.matching_ratio.value, t.matching_ratio.source, t.matching_ratio.basis);
  if (c == model_category::c2A || c == model_category::c2B || c == model_category::c3A || t.region_base.value.minor() != 0)
    add_money("region_base", t.region_base);
  if (c == model_category::c4A) add_money("host_fixed", t.host_fixed);
  if (t.co_funding_min.value)
    add("co_funding_min", *t.co_funding_min.value, t.co_funding_min.source, t.co_funding_min.basis);
  switch (c) {
    case model_category::c1A:
      add_cad("working_meetings", t.working_meetings);
      add_cad("steering_meetings", t.steering_meetings);
      add_cad("committee_meetings", t.committee_meetings);
      add_int("committee_seats", t.committee_seats);
      add_cad("official_meetings", t.official_meetings);
      break;
    case model_category::c1B:
      add_cad("reference_meetings", t.reference_meetings);
      add_cad("working_meetings", t.working_meetings);
      add_int("region_staff_seats", t.region_staff_seats);
      add_cad("steering_meetings", t.steering_meetings);
      add_cad("committee_meetings", t.committee_meetings);
      add_int("committee_seats", t.committee_seats);
      break;
    case model_category::c2A:
    case model_category::c2B:
      if (c == model_category::c2A) add_cad("reference_meetings", t.reference_meetings);
      add_cad("official_meetings", t.official_meetings);
      add_cad("committee_meetings", t.committee_meetings);
      add_int("committee_seats", t.committee_seats);
      break;
    case model_category::c3A:
    case model_category::c3B:
      add("region_equity", t.region_equity.value ? parameter_value(*t.region_equity.value) : parameter_value(std::string("equal_per_owner")),
          t.region_equity.source, t.region_equity.basis);
      if (c == model_category::c3A) add_int("board_seats", t.board_seats);
      else add_cad("steering_meetings", t.steering_meetings);
      add_cad("board_meetings", t.board_meetings);
      add_cad("owner_meetings", t.owner_meetings);
      break;
    case model_category::c4A:
      add_cad("steering_meetings", t.steering_meetings);
      add_cad("working_meetings", t.working_meetings);
      add_int("steering_size", t.steering_size);
      add_cad("reference_meetings", t.reference_meetings);
      break;
  }
  add("project", t.project.value, t.project.source, t.project.basis);
  if (t.project.value) {
    add_money("project_total", t.project_total);
    add_int("project_years", t.project_years);
    add("project_agency_share", t.project_agency_share.value, t.project_agency_share.source, t.project_agency_share.basis);
    add("project_region_share", t.project_region_share.value, t.project_region_share.source, t.project_region_share.basis);
    add("project_municipal_share", t.project_municipal_share.value, t.project_municipal_share.source,
        t.project_municipal_share.basis);
  }
  return out;
}

/// @brief A county's name without " län" and the genitive s: "Västmanlands län" → "Västmanland",
/// "Örebro län" → "Örebro". Region ids are "region-" + data::slug of it.
inline std::string county_short_name(std::string_view county_name) {
  std::string s(county_name);
  if (s.ends_with(" län")) {
    s.resize(s.size() - 5);  // " län" is 5 bytes in UTF-8
    if (s.ends_with('s')) s.pop_back();
  }
  return s;
}

/// @brief A municipality handed to a template.
struct template_municipality {
  std::string id;    ///< organisation id: data::municipality_id for Swedish municipalities
  std::string name;
  std::string code;  ///< SCB code, empty when synthetic
  std::int64_t population = 0;
};

/// @brief What a template is applied to: a county's municipalities and its region.
struct template_input {
  std::string county_code;  ///< "19"
  std::string county_name;  ///< "Västmanlands län"
  std::string region_id;    ///< "region-vastmanland"
  std::string region_name;  ///< "Region Västmanland"
  std::int64_t region_population = 0;
  int population_year = data::population_year;
  std::vector<template_municipality> municipalities;

  /// @brief A Swedish county from SCB 2023, all its municipalities except those in `exclude`
  /// (names, slugs or codes). @throws lookup_error for an unknown county or excluded name.
  static template_input from_county(std::string_view county, const std::vector<std::string>& exclude = {}) {
    const auto& c = data::county(county);
    template_input in;
    in.county_code = std::string(c.code);
    in.county_name = std::string(c.name);
    const std::string short_name = county_short_name(c.name);
    in.region_id = "region-" + data::slug(short_name);
    in.region_name = "Region " + short_name;
    in.region_population = c.population;
    std::vector<std::string> excluded;
    for (const auto& e : exclude) {
      const auto& m = data::municipality(e);
      if (m.county_code != c.code)
        throw lookup_error("cannot exclude \"" + e + "\": it is not in " + std::string(c.name));
      excluded.emplace_back(m.code);
    }
    for (const auto* m : data::municipalities_of(c.code)) {
      if (std::find(excluded.begin(), excluded.end(), m->code) != excluded.end()) continue;
      in.municipalities.push_back({data::municipality_id(*m), std::string(m->name), std::string(m->code), m->population});
    }
    return in;
  }

  /// @brief Sum of the members' populations.
  [[nodiscard]] std::int64_t member_population() const noexcept {
    std::int64_t s = 0;
    for (const auto& m : municipalities) s += m.population;
    return s;
  }
};

/// @brief Where a template is appended: organisations that already exist in the model_data.
struct template_site {
  std::vector<organisation_index> municipalities;  ///< members, non-empty
  organisation_index region;                       ///< the county's region; may be invalid for 4A
  organisation_index agency;                       ///< project co-financer; invalid: created when needed
  std::string prefix;                              ///< id of the joint organisation and prefix of its bodies and rules
  std::string name;                                ///< name of the joint organisation
  std::string county;                              ///< county code for the new organisations
};

/// @brief What `append_template` added, for callers that wire more around it.
struct template_parts {
  organisation_index organisation;  ///< the joint organisation (IPA)
  organisation_index host;          ///< host or owning company, invalid when none
  organisation_index company;       ///< the company of 3A (the IPA itself) or 3B (the owner of the business area)
  std::vector<body_index> bodies;
};

namespace dc = orgmodel::decision_classes;

namespace detail {

inline decision_class_set classes_of(std::initializer_list<decision_class> cs) {
  decision_class_set s;
  for (auto c : cs) s.insert(c);
  return s;
}
/// @brief Every default class: the mask a template's lines may use (a model validates classes
/// against the ones it knows).
inline decision_class_set default_classes() {
  return decision_class_set((std::uint64_t{1} << default_decision_classes.size()) - 1);
}
inline decision_class_set except(decision_class_set s) { return decision_class_set(default_classes().bits() & ~s.bits()); }

inline provenance weakest(provenance a, provenance b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

/// @brief Appends one template's organisations, bodies, seats and relations to `d`.
class template_writer {
 public:
  template_writer(model_data& d, model_category c, const template_site& s, const template_parameters& p)
      : d_(d), c_(c), s_(s), p_(p) {}

  template_parts run() {
    if (s_.municipalities.empty())
      throw invalid_model(error_code::missing_member, "", "template " + std::string(to_string(c_)) + " needs at least one municipality");
    const bool needs_region = c_ != model_category::c4A;
    if (needs_region && !s_.region.valid())
      throw invalid_model(error_code::missing_member, "", "template " + std::string(to_string(c_)) + " needs a region");
    host_ = choose_host();
    switch (c_) {
      case model_category::c1A: build_1a(); break;
      case model_category::c1B: build_1b(); break;
      case model_category::c2A: build_2a(); break;
      case model_category::c2B: build_2b(); break;
      case model_category::c3A: build_3a(); break;
      case model_category::c3B: build_3b(); break;
      case model_category::c4A: build_4a(); break;
    }
    if (p_.project.value) add_project();
    return parts_;
  }

 private:
  std::int64_t population(organisation_index o) const { return d_.organisations[o.value].population.value_or(0); }

  organisation_index choose_host() const {
    if (!p_.host.empty()) {
      for (auto m : s_.municipalities)
        if (d_.organisations[m.value].id == p_.host) return m;
      throw lookup_error("host \"" + p_.host + "\" is not one of the template's municipalities");
    }
    organisation_index best = s_.municipalities.front();
    for (auto m : s_.municipalities)
      if (population(m) > population(best)) best = m;
    return best;
  }

  organisation_index add_org(std::string id, std::string name, organisation_kind k, provenance src = provenance::stated) {
    organisation o;
    o.id = std::move(id);
    o.name = std::move(name);
    o.kind = k;
    o.county = s_.county;
    o.source = src;
    d_.organisations.push_back(std::move(o));
    return organisation_index(static_cast<std::uint32_t>(d_.organisations.size() - 1));
  }

  body_index add_body(std::string_view suffix, std::string name, body_kind k, layer l, organisation_index owner,
                      const parameter<cadence>& meets, decision_class_set mandates,
                      std::optional<decision_rule> rule = decision_rule::majority) {
    body b;
    b.id = s_.prefix;
    b.id += '.';
    b.id += suffix;
    b.name = std::move(name);
    b.kind = k;
    b.layer = l;
    b.organisation = owner;
    b.meetings_per_year = meets.value;
    b.mandates = mandates;
    b.rule = rule;
    b.source = meets.source;
    if (meets.source != provenance::stated && !meets.basis.empty()) b.note = "meetings per year: " + std::string(meets.basis);
    d_.bodies.push_back(std::move(b));
    auto i = body_index(static_cast<std::uint32_t>(d_.bodies.size() - 1));
    parts_.bodies.push_back(i);
    return i;
  }

  void seat(body_index b, organisation_index holder, std::string_view role, std::int64_t votes = 1, bool chair = false,
            provenance src = provenance::stated) {
    d_.seats.push_back(seat_of(b, holder, role, votes, chair, src));
  }
  static orgmodel::seat seat_of(body_index b, organisation_index holder, std::string_view role, std::int64_t votes,
                                bool chair, provenance src) {
    orgmodel::seat s;
    s.body = b;
    s.holder = holder;
    s.role = std::string(role);
    s.votes = votes;
    s.chair = chair;
    s.source = src;
    return s;
  }
  void members_seats(body_index b, std::string_view role) {
    for (auto m : s_.municipalities) seat(b, m, role);
  }

  void line(body_index from, body_index to, decision_class_set classes, provenance src = provenance::stated) {
    escalation e;
    e.from = from;
    e.to = to;
    e.classes = classes;
    e.source = src;
    d_.escalations.push_back(std::move(e));
  }

  void member(organisation_index m, organisation_index o, membership_kind k = membership_kind::member) {
    membership x;
    x.member = m;
    x.organisation = o;
    x.kind = k;
    d_.memberships.push_back(std::move(x));
  }

  void affiliate(organisation_index child, organisation_index parent, affiliation_kind k) {
    affiliation a;
    a.child = child;
    a.parent = parent;
    a.kind = k;
    d_.affiliations.push_back(std::move(a));
  }

  void own(organisation_index owner, organisation_index owned, share s, provenance src) {
    ownership o;
    o.owner = owner;
    o.owned = owned;
    o.equity = share_range{s, s};
    o.votes = o.equity;
    o.source = src;
    d_.ownerships.push_back(std::move(o));
  }

  funding_rule& rule(std::string_view tag, organisation_index payer, funding_basis basis, provenance src,
                     std::string_view purpose = "base") {
    funding_rule r;
    r.id = s_.prefix;
    r.id += '.';
    r.id += tag;
    r.id += '.';
    r.id += d_.organisations[payer.value].id;
    r.payer = payer;
    r.recipient = parts_.organisation;
    r.basis = basis;
    r.purpose = std::string(purpose);
    r.source = src;
    d_.funding_rules.push_back(std::move(r));
    return d_.funding_rules.back();
  }

  /// Municipal fees per inhabitant (group "<prefix>.fees") and the region's matching of them.
  void fees_and_matching(bool skip_host = false) {
    if (p_.rate_per_inhabitant.value.minor() == 0) return;
    const std::string group = s_.prefix + ".fees";
    for (auto m : s_.municipalities) {
      if (skip_host && m == host_) continue;
      auto& r = rule("fee", m, funding_basis::per_inhabitant, p_.rate_per_inhabitant.source);
      r.rate = p_.rate_per_inhabitant.value;
      r.group = group;
    }
    if (s_.region.valid() && p_.matching_ratio.value.numerator() > 0) {
      auto& r = rule("match", s_.region, funding_basis::matching, p_.matching_ratio.source);
      r.ratio = p_.matching_ratio.value;
      r.matches = group;
    }
  }
  void region_base() {
    if (p_.region_base.value.minor() == 0 || !s_.region.valid()) return;
    auto& r = rule("base", s_.region, funding_basis::fixed, p_.region_base.source);
    r.amount = p_.region_base.value;
  }

  organisation_index add_ipa(organisation_kind k) {
    auto i = add_org(s_.prefix, s_.name, k);
    d_.organisations[i.value].category = c_;
    parts_.organisation = i;
    return i;
  }

  body_index add_team(organisation_index owner, decision_class_set mandates) {
    auto t = add_body("team", "Operative team", body_kind::operative_team, layer::operative, owner, p_.team_meetings, mandates,
                      decision_rule::single_decider);
    d_.bodies[t.value].staff = p_.team_size.value;
    if (p_.team_size.source != provenance::stated) d_.bodies[t.value].source = weakest(d_.bodies[t.value].source, p_.team_size.source);
    return t;
  }

  body_index add_committee(std::string name) {
    auto c = add_body("committee", std::move(name), body_kind::committee, layer::political, s_.region, p_.committee_meetings,
                      detail::classes_of({dc::budget, dc::strategy, dc::membership,
                                          dc::ownership}));
    for (int k = 0; k < p_.committee_seats.value; ++k) seat(c, s_.region, roles::councillor, 1, k == 0, p_.committee_seats.source);
    return c;
  }

  // 1A, Business Region Örebro: municipal host; management group of business managers with the
  // region as owner; steering group of KSOs chaired by a regional councillor; yearly report to the
  // regional growth committee. Cannot sign agreements: the host municipality signs.
  void build_1a() {
    auto ipa = add_ipa(organisation_kind::partnership);
    d_.organisations[ipa.value].can_sign_agreements = false;
    affiliate(ipa, host_, affiliation_kind::hosted_by);
    parts_.host = host_;
    for (auto m : s_.municipalities) member(m, ipa);
    member(s_.region, ipa);
    auto team = add_team(ipa, classes_of({dc::daily_operations}));
    auto mg = add_body("mgmt", "Ledningsgrupp (management group)", body_kind::management_group, layer::executive, ipa,
                       p_.working_meetings, classes_of({dc::daily_operations, dc::operational_plan}));
    members_seats(mg, roles::business_dev);
    seat(mg, s_.region, roles::official);
    auto sg = add_body("steer", "Styrgrupp (steering group)", body_kind::steering_group, layer::political, ipa,
                       p_.steering_meetings, classes_of({dc::operational_plan, dc::budget, dc::strategy}));
    seat(sg, s_.region, roles::councillor, 1, true);
    members_seats(sg, roles::executive_chair);
    auto committee = add_committee("Regional growth committee");
    auto sign = add_body("sign", "Host municipality's signatory", body_kind::official, layer::executive, host_,
                         p_.official_meetings, classes_of({dc::contract}), decision_rule::single_decider);
    seat(sign, host_, roles::chief_executive);
    line(team, sign, classes_of({dc::contract}));
    line(team, mg, except(classes_of({dc::contract})));
    line(mg, sg, except(classes_of({dc::contract, dc::daily_operations, dc::operational_plan})));
    line(sg, committee, classes_of({dc::membership, dc::ownership}));
    fees_and_matching();
    region_base();
  }

  // 1B, Business Region Värmland: the region hosts; reference group of business functions, working
  // group of chief executives and region officials, political steering group of KSOs chaired by
  // the chair of the regional executive board; the region makes the formal decisions.
  void build_1b() {
    auto ipa = add_ipa(organisation_kind::partnership);
    affiliate(ipa, s_.region, affiliation_kind::hosted_by);
    parts_.host = s_.region;
    for (auto m : s_.municipalities) member(m, ipa);
    member(s_.region, ipa);
    auto team = add_team(ipa, classes_of({dc::daily_operations}));
    auto ref = add_body("ref", "Referensgrupp (reference group)", body_kind::reference_group, layer::operative, ipa,
                        p_.reference_meetings, {}, std::nullopt);
    members_seats(ref, roles::business_dev);
    auto wg = add_body("work", "Arbetsgrupp (working group)", body_kind::working_group, layer::executive, ipa,
                       p_.working_meetings, {});
    members_seats(wg, roles::chief_executive);
    for (int k = 0; k < p_.region_staff_seats.value; ++k) seat(wg, s_.region, roles::director, 1, false, p_.region_staff_seats.source);
    auto sg = add_body("steer", "Politisk styrgrupp (political steering group)", body_kind::steering_group, layer::political,
                       ipa, p_.steering_meetings, classes_of({dc::operational_plan, dc::strategy}), decision_rule::consensus);
    seat(sg, s_.region, roles::regional_chair, 1, true);
    seat(sg, s_.region, roles::councillor);
    seat(sg, s_.region, roles::councillor);
    members_seats(sg, roles::executive_chair);
    auto board = add_body("board", "Regional executive board", body_kind::executive_board, layer::political, s_.region,
                          p_.committee_meetings, classes_of({dc::budget, dc::contract, dc::membership, dc::ownership}));
    for (int k = 0; k < p_.committee_seats.value; ++k) seat(board, s_.region, roles::councillor, 1, k == 0, p_.committee_seats.source);
    line(team, wg, except(classes_of({dc::daily_operations})));
    line(wg, sg, except(classes_of({dc::daily_operations})));
    line(sg, board, classes_of({dc::budget, dc::contract, dc::membership, dc::ownership}));
    (void)ref;
    fees_and_matching();
    region_base();
  }

  // 2A, Invest in Dalarna / Region Östergötland: a unit in the region's ordinary operations; one
  // key person decides operative matters, the head of unit and the regional development director
  // the rest, the regional development committee the complex ones. Municipalities are served.
  void build_2a() {
    auto ipa = add_ipa(organisation_kind::unit);
    affiliate(ipa, s_.region, affiliation_kind::part_of);
    parts_.host = s_.region;
    for (auto m : s_.municipalities) member(m, ipa, membership_kind::served);
    auto team = add_team(ipa, classes_of({dc::daily_operations}));
    auto net = add_body("net", "Network of municipal business managers", body_kind::network, layer::operative, ipa,
                        p_.reference_meetings, {}, std::nullopt);
    members_seats(net, roles::business_dev);
    auto head = add_body("head", "Head of the growth unit", body_kind::official, layer::executive, s_.region,
                         p_.official_meetings, classes_of({dc::operational_plan}), decision_rule::single_decider);
    seat(head, s_.region, roles::director);
    auto dir = add_body("director", "Regional development director", body_kind::official, layer::executive, s_.region,
                        p_.official_meetings, classes_of({dc::contract}), decision_rule::single_decider);
    seat(dir, s_.region, roles::director);
    auto committee = add_committee("Regional development committee");
    line(team, head, except(classes_of({dc::daily_operations})));
    line(head, dir, except(classes_of({dc::daily_operations, dc::operational_plan})));
    line(dir, committee, classes_of({dc::budget, dc::strategy, dc::membership, dc::ownership}));
    (void)net;
    region_base();
    if (p_.co_funding_min.value) {
      for (auto m : s_.municipalities) {
        auto& r = rule("cofund", m, funding_basis::fixed, p_.co_funding_min.source, "project:joint");
        r.co_funding_min = p_.co_funding_min.value;
        r.note = "no payment; own costs of at least the minimum in joint projects";
      }
    }
  }

  // 2B, Invest in Halland: a unit of the region's business department; the head of the department
  // decides, the team is free within its budget; no municipal seats or co-financing.
  void build_2b() {
    auto ipa = add_ipa(organisation_kind::unit);
    affiliate(ipa, s_.region, affiliation_kind::part_of);
    parts_.host = s_.region;
    for (auto m : s_.municipalities) member(m, ipa, membership_kind::served);
    auto team = add_team(ipa, classes_of({dc::daily_operations, dc::operational_plan}));
    auto head = add_body("head", "Head of the business department", body_kind::official, layer::executive, s_.region,
                         p_.official_meetings, classes_of({dc::budget, dc::strategy, dc::contract}), decision_rule::single_decider);
    seat(head, s_.region, roles::director);
    auto committee = add_committee("Regional development committee");
    d_.bodies[committee.value].source = weakest(d_.bodies[committee.value].source, provenance::assumed);
    d_.bodies[committee.value].note = "not named for Invest in Halland: the region's political level above the department head";
    line(team, head, except(classes_of({dc::daily_operations, dc::operational_plan})));
    line(head, committee, classes_of({dc::membership, dc::ownership}), provenance::assumed);
    region_base();
  }

  /// The owners' meeting of a company with weighted votes equal to equity.
  void owners_meeting(organisation_index company, const std::vector<std::pair<organisation_index, share>>& owners,
                      provenance src) {
    auto om = add_body("owners", "Bolagsstämma (owners' meeting)", body_kind::owners_meeting, layer::owner, company,
                       p_.owner_meetings, classes_of({dc::ownership, dc::membership}), decision_rule::weighted_votes);
    d_.bodies[om.value].quota = share(1, 2);
    std::int64_t den = 1;
    for (const auto& o : owners) den = std::lcm(den, o.second.denominator());
    for (const auto& [who, s] : owners) {
      own(who, company, s, src);
      seat(om, who, roles::owner_rep, s.numerator() * (den / s.denominator()), false, src);
    }
    owners_body_ = om;
  }

  std::vector<std::pair<organisation_index, share>> owner_shares() const {
    std::vector<std::pair<organisation_index, share>> v;
    const auto k = static_cast<std::int64_t>(s_.municipalities.size());
    if (p_.region_equity.value) {
      const share r = *p_.region_equity.value;
      v.emplace_back(s_.region, r);
      const share each = (share::one() - r) * share(1, k);
      for (auto m : s_.municipalities) v.emplace_back(m, each);
    } else {
      const share each(1, k + 1);
      v.emplace_back(s_.region, each);
      for (auto m : s_.municipalities) v.emplace_back(m, each);
    }
    return v;
  }

  // 3A, Invest in Norrbotten AB: a company owned by the region and the municipalities; owners
  // decide through the owner directive, the board sets strategy and budget, the team acts within.
  void build_3a() {
    auto ipa = add_ipa(organisation_kind::company);
    parts_.company = ipa;
    for (auto m : s_.municipalities) member(m, ipa);
    member(s_.region, ipa);
    const provenance equity_src = p_.region_equity.source;
    owners_meeting(ipa, owner_shares(), equity_src);
    auto board = add_body("board", "Styrelse (board)", body_kind::board, layer::executive, ipa, p_.board_meetings,
                          classes_of({dc::budget, dc::strategy, dc::operational_plan, dc::contract}));
    board_seats(board);
    auto team = add_team(ipa, classes_of({dc::daily_operations}));
    line(team, board, except(classes_of({dc::daily_operations})));
    line(board, owners_body_, classes_of({dc::ownership, dc::membership}));
    fees_and_matching();
    region_base();
  }

  /// Board seats split between region and municipalities by equity, largest remainder; the
  /// municipal seats go to the most populous members. The study gives no board composition.
  void board_seats(body_index board) {
    const int n = p_.board_seats.value;
    const share r = p_.region_equity.value.value_or(share(1, static_cast<std::int64_t>(s_.municipalities.size()) + 1));
    const auto region_seats = static_cast<int>(orgmodel::mul_div_round(n, r.numerator(), r.denominator()));
    for (int k = 0; k < region_seats; ++k) seat(board, s_.region, roles::board_member, 1, k == 0, provenance::assumed);
    std::vector<organisation_index> by_size = s_.municipalities;
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](organisation_index a, organisation_index b) { return population(a) > population(b); });
    for (int k = 0; k < n - region_seats; ++k)
      seat(board, by_size[static_cast<std::size_t>(k) % by_size.size()], roles::board_member, 1, region_seats == 0 && k == 0,
           provenance::assumed);
  }

  // 3B, High Coast Invest: a business area inside a company (BizMaker AB) owned by the
  // municipalities and the region; company board of officials from the municipalities, an
  // association board of politicians from all municipalities meeting quarterly.
  void build_3b() {
    auto company = add_org(s_.prefix + "-ab", s_.name + " AB", organisation_kind::company);
    parts_.company = company;
    auto ipa = add_ipa(organisation_kind::business_area);
    affiliate(ipa, company, affiliation_kind::business_area_of);
    parts_.host = company;
    for (auto m : s_.municipalities) member(m, ipa);
    member(s_.region, ipa);
    owners_meeting(company, owner_shares(), p_.region_equity.source);
    auto board = add_body("board", "Bolagsstyrelse (company board)", body_kind::board, layer::executive, company,
                          p_.board_meetings, classes_of({dc::budget, dc::operational_plan, dc::contract}));
    members_seats(board, roles::official);
    for (int k = 0; k < p_.board_seats.value; ++k) seat(board, s_.region, roles::official, 1, false, p_.board_seats.source);
    auto assoc = add_body("assoc", "Föreningsstyrelse (association board)", body_kind::board, layer::political, ipa,
                          p_.steering_meetings, classes_of({dc::strategy}));
    members_seats(assoc, roles::politician);
    auto team = add_team(ipa, classes_of({dc::daily_operations}));
    line(team, board, except(classes_of({dc::daily_operations})));
    line(board, assoc, classes_of({dc::strategy}));
    line(board, owners_body_, classes_of({dc::ownership, dc::membership}));
    fees_and_matching();
    region_base();
  }

  // 4A, Stockholm Business Alliance: an inter-municipal partnership run by the host municipality's
  // business company; the members' KSOs meet yearly, an operative steering group of chief
  // executives decides, prepared by a working group of their business managers.
  void build_4a() {
    auto company = add_org(s_.prefix + "-host", d_.organisations[host_.value].name + " Business Region AB",
                           organisation_kind::company);
    own(host_, company, share::one(), provenance::stated);
    parts_.host = company;
    parts_.company = company;
    auto ipa = add_ipa(organisation_kind::partnership);
    affiliate(ipa, company, affiliation_kind::hosted_by);
    for (auto m : s_.municipalities) member(m, ipa);
    auto meeting = add_body("members", "Members' meeting of KSOs", body_kind::members_meeting, layer::political, ipa,
                            p_.steering_meetings, classes_of({dc::strategy}));
    members_seats(meeting, roles::executive_chair);
    auto sg = add_body("steer", "Operative steering group", body_kind::steering_group, layer::executive, ipa, p_.working_meetings,
                       classes_of({dc::budget, dc::operational_plan, dc::membership, dc::contract}));
    auto chosen = steering_members();
    for (auto m : chosen) seat(sg, m, roles::chief_executive, 1, m == host_);
    auto wg = add_body("work", "Working group of business managers", body_kind::working_group, layer::operative, ipa,
                       p_.reference_meetings, {}, std::nullopt);
    for (auto m : chosen) seat(wg, m, roles::business_dev);
    auto team = add_team(ipa, classes_of({dc::daily_operations}));
    line(team, wg, except(classes_of({dc::daily_operations})));
    line(wg, sg, except(classes_of({dc::daily_operations})));
    line(sg, meeting, classes_of({dc::strategy, dc::ownership}));
    fees_and_matching(/*skip_host=*/p_.host_fixed.value.minor() != 0);
    if (p_.host_fixed.value.minor() != 0) {
      auto& r = rule("fixed", host_, funding_basis::fixed, p_.host_fixed.source);
      r.amount = p_.host_fixed.value;
    }
  }

  /// SBA's steering group: the host, the largest member of every county, then the next largest
  /// members (of the host's county first, as StorSthlm's four), up to `steering_size`.
  std::vector<organisation_index> steering_members() const {
    const auto n = std::min<std::size_t>(static_cast<std::size_t>(std::max(p_.steering_size.value, 1)), s_.municipalities.size());
    std::vector<organisation_index> by_size = s_.municipalities;
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](organisation_index a, organisation_index b) { return population(a) > population(b); });
    std::vector<organisation_index> chosen{host_};
    auto taken = [&](organisation_index o) { return std::find(chosen.begin(), chosen.end(), o) != chosen.end(); };
    std::vector<std::string_view> counties{d_.organisations[host_.value].county};
    for (auto m : by_size) {
      if (chosen.size() >= n) break;
      const std::string_view c = d_.organisations[m.value].county;
      if (std::find(counties.begin(), counties.end(), c) != counties.end()) continue;
      counties.push_back(c);
      chosen.push_back(m);
    }
    for (int pass = 0; pass < 2; ++pass)
      for (auto m : by_size) {
        if (chosen.size() >= n) break;
        const bool host_county = d_.organisations[m.value].county == d_.organisations[host_.value].county;
        if (taken(m) || (pass == 0 && !host_county)) continue;
        chosen.push_back(m);
      }
    return chosen;
  }

  // Project funding on top of the base, IiN's split: an agency, the region and the municipalities
  // (equal parts) share a total over a period.
  void add_project() {
    organisation_index agency = s_.agency;
    if (!agency.valid()) {
      agency = add_org("tillvaxtverket", "Tillväxtverket", organisation_kind::agency);
      d_.organisations[agency.value].county.clear();
    }
    const std::string purpose = "project:" + s_.prefix;
    auto total = p_.project_total;
    auto share_rule = [&](std::string_view tag, organisation_index payer, share ratio, provenance src) {
      auto& r = rule(tag, payer, funding_basis::share_of_total, weakest(src, total.source), purpose);
      r.amount = total.value;
      r.ratio = ratio;
      r.period_years = p_.project_years.value;
    };
    share_rule("proj", agency, p_.project_agency_share.value, p_.project_agency_share.source);
    if (s_.region.valid()) share_rule("proj", s_.region, p_.project_region_share.value, p_.project_region_share.source);
    const share each = p_.project_municipal_share.value * share(1, static_cast<std::int64_t>(s_.municipalities.size()));
    for (auto m : s_.municipalities) share_rule("proj", m, each, provenance::assumed);
  }

  model_data& d_;
  model_category c_;
  const template_site& s_;
  const template_parameters& p_;
  organisation_index host_;
  body_index owners_body_;
  template_parts parts_;
};

}  // namespace detail

/// @brief Appends a template to an existing `model_data` whose organisations include the site's
/// municipalities and region. Ids of new bodies and rules start with `site.prefix`.
/// @throws invalid_model for an empty site, lookup_error for an unknown host.
inline template_parts append_template(model_data& d, model_category c, const template_site& site,
                                      const template_parameters& p) {
  return detail::template_writer(d, c, site, p).run();
}

/// @brief The conventional name of a category's joint organisation for a county.
inline std::string template_name(model_category c, std::string_view county_name) {
  const std::string place = county_short_name(county_name);
  switch (c) {
    case model_category::c1A: return "Business Region " + place + " (1A)";
    case model_category::c1B: return "Business Region " + place + " (1B)";
    case model_category::c2A: return "Invest in " + place + " (2A)";
    case model_category::c2B: return "Invest in " + place + " (2B)";
    case model_category::c3A: return "Invest in " + place + " AB (3A)";
    case model_category::c3B: return place + " Invest (3B)";
    case model_category::c4A: return place + " Business Alliance (4A)";
  }
  return place;
}

/// @brief Builds the model of category `c` for the input's municipalities and region.
///
/// Municipalities get ids as given (data::municipality_id for Swedish ones), the region
/// `input.region_id`; the joint organisation `p.id` or "ipa-<county slug>".
/// @throws invalid_model (empty input, bad parameters), lookup_error (unknown host)
inline model build_template(model_category c, const template_input& in, const template_parameters& p) {
  model_data d;
  const std::string place = county_short_name(in.county_name);
  template_site site;
  site.prefix = p.id.empty() ? "ipa-" + data::slug(place) : p.id;
  site.name = p.name.empty() ? template_name(c, in.county_name) : p.name;
  site.county = in.county_code;
  d.info.id = site.prefix + "-" + std::string(to_string(c));
  for (auto& ch : d.info.id) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  d.info.name = site.name;
  d.info.description = "Template " + std::string(to_string(c)) + " applied to " + in.county_name +
                       " (" + std::to_string(in.municipalities.size()) + " municipalities)";
  d.info.source = "orgmodel scenario template " + std::string(to_string(c)) +
                  "; defaults from the benchmark study (docs/templates.md); population " + std::string(data::population_source);
  d.organisations.reserve(in.municipalities.size() + 4);
  for (const auto& m : in.municipalities) {
    organisation o;
    o.id = m.id;
    o.name = m.name;
    o.kind = organisation_kind::municipality;
    o.population = m.population;
    o.population_year = in.population_year;
    o.county = in.county_code;
    o.code = m.code;
    o.source = provenance::derived;
    d.organisations.push_back(std::move(o));
    site.municipalities.emplace_back(static_cast<std::uint32_t>(d.organisations.size() - 1));
  }
  if (!in.region_id.empty()) {
    organisation r;
    r.id = in.region_id;
    r.name = in.region_name;
    r.kind = organisation_kind::region;
    if (in.region_population > 0) r.population = in.region_population, r.population_year = in.population_year;
    r.county = in.county_code;
    r.source = provenance::derived;
    d.organisations.push_back(std::move(r));
    site.region = organisation_index(static_cast<std::uint32_t>(d.organisations.size() - 1));
  }
  append_template(d, c, site, p);
  return model(std::move(d));
}

/// @brief Builds with the category's default parameters.
inline model build_template(model_category c, const template_input& in) {
  return build_template(c, in, default_parameters(c));
}

}  // namespace orgmodel::scenario
