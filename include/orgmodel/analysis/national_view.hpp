#pragma once
/// @file
/// @brief The national view: every Swedish municipality (SCB 2023) with the organisations of a set
/// of models that serve it — none, one or several — the population in each class, and the
/// counties that no (single-county) organisation serves.
///
/// A model's organisation *serves* a municipality when a membership (of kind `member` or
/// `served`) links them. A model organisation *is* an SCB municipality when its `code` is the SCB
/// code, or else its id is `data::municipality_id` of the SCB record ("malung-salen", "habo-0305"). An organisation
/// whose served municipalities lie in more than one county is *cross-county* (Stockholm Business
/// Alliance); a county is *without an organisation* when no single-county organisation of the
/// given models serves any of its municipalities — so the answer is about the models given (the
/// bundled benchmark has nine organisations, not every Swedish one).
///
/// Members the sources do not name (an `unknown_group` organisation, e.g. SBA's 29 unnamed
/// members) cannot be placed on the map; they are listed in `unknown_groups` with their size,
/// never guessed.
///
/// A *context model* — one with no organisation whose id is the model's id, listing regions
/// (the bundled `counties-without-organisation`) — declares that the counties of its regions have
/// no organisation. When some model declares so, the source is taken to say that every other
/// county has one: a county no given organisation serves is then `not_modelled` ("has an
/// organisation, not modelled"), never "without". With no declaration the view can only say
/// that none of the given models serves it (`not_in_models`).
///
/// @code
/// auto v = orgmodel::national_view(orgmodel::data::benchmark_models());
/// for (const auto& c : v.counties) if (c.without_organisation) std::cout << c.name << '\n';
/// @endcode

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief How many organisations serve a municipality.
enum class service_class : std::uint8_t { none, one, several };
template <>
struct enum_names<service_class> {
  static constexpr std::string_view what = "service class";
  static constexpr std::array<std::string_view, 3> names{"none", "one", "several"};
};

/// @brief What the given models say about a county's organisation.
enum class county_status : std::uint8_t {
  modelled,       ///< a single-county organisation of the models serves it
  not_modelled,   ///< the source says it has one, but it is not among the models
  without,        ///< a context model declares it without an organisation
  not_in_models,  ///< no model serves it and no model declares anything about it
};
template <>
struct enum_names<county_status> {
  static constexpr std::string_view what = "county status";
  static constexpr std::array<std::string_view, 4> names{"organisation modelled", "has an organisation, not modelled",
                                                         "without an organisation", "no organisation among these models"};
};

/// @brief An organisation of the given models that serves municipalities.
struct national_organisation {
  std::string model_id;
  std::string id;
  std::string name;
  std::optional<model_category> category;
  std::vector<std::string> counties;  ///< county codes of its served municipalities, ascending
  bool cross_county = false;
  std::size_t municipalities = 0;     ///< matched SCB municipalities it serves
  std::int64_t population = 0;        ///< their SCB population
};

/// @brief One SCB municipality and who serves it.
struct national_municipality {
  std::string_view code, name, county_code;
  std::int64_t population = 0;
  std::vector<std::uint32_t> served_by;  ///< indices into `national_view_result::organisations`
  service_class cls = service_class::none;
};

/// @brief Municipalities and people in one class.
struct national_tally {
  std::size_t municipalities = 0;
  std::int64_t population = 0;
};

/// @brief One county.
struct national_county {
  std::string_view code, name;
  std::int64_t population = 0;
  std::size_t municipalities = 0;
  std::size_t served = 0;                        ///< municipalities served by at least one organisation
  std::int64_t population_unserved = 0;
  std::vector<std::uint32_t> organisations;      ///< single-county organisations serving it
  std::vector<std::uint32_t> cross_county;       ///< cross-county organisations serving some of it
  bool without_organisation = true;              ///< status `without` or `not_in_models`
  county_status status = county_status::not_in_models;
  std::string declared_by;                       ///< the context model declaring it without one
};

/// @brief Members that no source names, so that the view can say what it cannot place.
struct unknown_group_note {
  std::string model_id, organisation_id, name, serves;
  std::optional<std::int64_t> population;
  std::optional<std::int64_t> member_count;  ///< the group's size when the source gives it
  provenance source = provenance::stated;     ///< of its figures: SBA's population is derived from its budget
};

/// @brief The national view.
struct national_view_result {
  std::vector<national_organisation> organisations;
  std::vector<national_municipality> municipalities;  ///< all 290, in SCB code order
  std::array<national_tally, 3> classes{};            ///< by `service_class`
  std::vector<national_county> counties;              ///< all 21, in code order
  std::vector<std::string_view> counties_without_organisation;  ///< county codes (status `without` or `not_in_models`)
  std::vector<std::string_view> counties_not_modelled;         ///< county codes (status `not_modelled`)
  bool declared = false;  ///< some context model declares counties without an organisation
  std::vector<unknown_group_note> unknown_groups;
  std::vector<std::string> unmatched;  ///< "model/org": municipality organisations that match no SCB municipality
  [[nodiscard]] const national_tally& of(service_class c) const noexcept { return classes[static_cast<std::size_t>(c)]; }
};

/// @brief Every SCB municipality with the organisations of `models` that serve it.
inline national_view_result national_view(std::span<const model> models) {
  national_view_result r;
  const auto scb = data::municipalities();
  std::unordered_map<std::string, std::uint32_t> by_code, by_slug;
  for (std::size_t i = 0; i < scb.size(); ++i) {
    by_code.emplace(std::string(scb[i].code), static_cast<std::uint32_t>(i));
    by_slug.emplace(data::municipality_id(scb[i]), static_cast<std::uint32_t>(i));
    r.municipalities.push_back({scb[i].code, scb[i].name, scb[i].county_code, scb[i].population, {}, service_class::none});
  }
  std::map<std::pair<std::string, std::string>, std::uint32_t> org_index;
  for (const auto& m : models) {
    for (const auto& ms : m.memberships()) {
      const auto& member = m[ms.member];
      const auto& host = m[ms.organisation];
      if (member.kind == organisation_kind::unknown_group) {
        r.unknown_groups.push_back({m.info().id, member.id, member.name, host.id, member.population, member.member_count, member.source});
        continue;
      }
      std::optional<std::uint32_t> row;
      if (!member.code.empty())
        if (auto it = by_code.find(member.code); it != by_code.end()) row = it->second;
      if (!row)
        if (auto it = by_slug.find(member.id); it != by_slug.end()) row = it->second;
      if (!row) {
        if (member.kind == organisation_kind::municipality) r.unmatched.push_back(m.info().id + "/" + member.id);
        continue;
      }
      auto [it, fresh] = org_index.emplace(std::make_pair(m.info().id, host.id), static_cast<std::uint32_t>(r.organisations.size()));
      if (fresh) r.organisations.push_back({m.info().id, host.id, host.name, host.category, {}, false, 0, 0});
      auto& served = r.municipalities[*row].served_by;
      if (std::find(served.begin(), served.end(), it->second) == served.end()) served.push_back(it->second);
    }
  }
  for (const auto& mu : r.municipalities)
    for (auto o : mu.served_by) {
      auto& org = r.organisations[o];
      ++org.municipalities;
      org.population += mu.population;
      if (std::find(org.counties.begin(), org.counties.end(), mu.county_code) == org.counties.end())
        org.counties.emplace_back(mu.county_code);
    }
  for (auto& org : r.organisations) {
    std::sort(org.counties.begin(), org.counties.end());
    org.cross_county = org.counties.size() > 1;
  }
  for (const auto& c : data::counties()) r.counties.push_back({c.code, c.name, 0, 0, 0, 0, {}, {}, true, {}, {}});
  auto county_of = [&](std::string_view code) -> national_county& {
    for (auto& c : r.counties)
      if (c.code == code) return c;
    throw lookup_error("no county with code \"" + std::string(code) + "\" in SCB 2023");
  };
  for (auto& mu : r.municipalities) {
    mu.cls = mu.served_by.empty() ? service_class::none : mu.served_by.size() == 1 ? service_class::one : service_class::several;
    auto& t = r.classes[static_cast<std::size_t>(mu.cls)];
    ++t.municipalities;
    t.population += mu.population;
    auto& c = county_of(mu.county_code);
    ++c.municipalities;
    c.population += mu.population;
    if (mu.served_by.empty()) c.population_unserved += mu.population;
    else ++c.served;
    for (auto o : mu.served_by) {
      auto& list = r.organisations[o].cross_county ? c.cross_county : c.organisations;
      if (std::find(list.begin(), list.end(), o) == list.end()) list.push_back(o);
    }
  }
  for (const auto& m : models) {
    if (m.find_organisation(m.info().id)) continue;  // not a context model
    for (const auto& o : m.organisations())
      if (o.kind == organisation_kind::region && !o.county.empty()) {
        auto& c = county_of(o.county);
        if (c.declared_by.empty()) c.declared_by = m.info().id;
        r.declared = true;
      }
  }
  for (auto& c : r.counties) {
    c.status = !c.organisations.empty() ? county_status::modelled
               : !c.declared_by.empty() ? county_status::without
               : r.declared             ? county_status::not_modelled
                                        : county_status::not_in_models;
    c.without_organisation = c.status == county_status::without || c.status == county_status::not_in_models;
    if (c.without_organisation) r.counties_without_organisation.push_back(c.code);
    if (c.status == county_status::not_modelled) r.counties_not_modelled.push_back(c.code);
  }
  return r;
}

}  // namespace orgmodel
