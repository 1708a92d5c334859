#pragma once
/// @file
/// @brief Scenario comparison: the seven templates applied to one county, side by side.
///
/// Rows are templates, columns are named functions of a built variant. The default columns
/// describe structure and money; later analyses add theirs (decision latency, coverage, cost per
/// member, control) either per call (`compare_options::columns`) or for every comparison in the
/// program with `register_compare_column` from their own header:
///
/// @code
/// inline const bool latency_registered = orgmodel::scenario::register_compare_column(
///     {.key = "latency_days", .header = "latency (days)", .order = 100,
///      .cell = [](const orgmodel::scenario::scenario_variant& v) { ... return compare_cell{...}; }});
/// @endcode

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/analysis/voting_power.hpp"
#include "orgmodel/core/checked.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/scenario/templates.hpp"

namespace orgmodel::scenario {

/// @brief One template applied to the input, with what it was built from.
struct scenario_variant {
  model_category category = model_category::c1A;
  template_parameters parameters;
  model built;
  const template_input* input = nullptr;  ///< the comparison's input; valid while the comparison lives
};

/// @brief A cell's value: unknown or not applicable (`std::monostate`: JSON null, an empty CSV
/// cell), a count, a measure (days), an exact amount, a share, or text. The presentation formats it
/// (present/compare.hpp), so numbers stay numbers in JSON and CSV.
using compare_value = std::variant<std::monostate, std::int64_t, double, money, share, std::string>;

/// @brief One cell: `text` for reading when the value alone does not say it ("unknown", "—",
/// "3 of 10"), else empty; and its value.
struct compare_cell {
  std::string text;
  compare_value value;
};

/// @brief A named column: a function of one variant.
struct compare_column {
  std::string key;     ///< JSON member name, snake_case
  std::string header;  ///< table header
  int order = 0;       ///< position among the columns (defaults use 0–99)
  bool numeric = true; ///< right-aligned in tables
  std::function<compare_cell(const scenario_variant&)> cell;
};

/// @brief Columns every comparison gets in addition to the defaults, in `order`; analyses
/// register theirs here once (see the file comment).
inline std::vector<compare_column>& compare_column_registry() {
  static std::vector<compare_column> r;
  return r;
}
/// @brief Adds a column to every comparison; returns true so it can initialise a namespace-scope
/// constant. A later registration with the same key replaces the earlier one.
inline bool register_compare_column(compare_column c) {
  auto& r = compare_column_registry();
  auto it = std::find_if(r.begin(), r.end(), [&](const compare_column& x) { return x.key == c.key; });
  if (it != r.end()) *it = std::move(c);
  else r.push_back(std::move(c));
  return true;
}

namespace detail {

inline compare_cell number_cell(std::int64_t n) { return {{}, n}; }
inline compare_cell money_cell(money m) { return {{}, m}; }

/// @brief Members (member or served) of the variant's joint organisation that are municipalities.
inline std::vector<organisation_index> member_municipalities(const scenario_variant& v) {
  std::vector<organisation_index> out;
  const auto& m = v.built;
  for (const auto& x : m.memberships())
    if (m[x.member].kind == organisation_kind::municipality && m[x.organisation].category) out.push_back(x.member);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// @brief The year whose flows the comparison shows: the input's population year (SCB 2023).
/// Template rules carry no years, so every rule is in force; a project's share of its total is
/// the first year's part of the period (`funding_flow::period_start_assumed`).
inline int funding_year(const scenario_variant& v) { return v.input ? v.input->population_year : data::population_year; }

/// @brief One year's flows by payer kind (municipalities, region, others such as agencies),
/// from the funding analysis (`evaluate_funding`), so the comparison and `orgmodel funding`
/// agree to the öre. Unknown flows are counted, never taken as 0.
struct flow_totals {
  money_sum municipal, region, other;
  [[nodiscard]] money_sum total() const {
    return {municipal.known + region.known + other.known, municipal.unknown + region.unknown + other.unknown};
  }
};
/// @brief Which rules a sum takes: base funding, or projects (purpose "project:…").
enum class flow_part : std::uint8_t { base, project };
inline flow_totals flows_by_payer(const scenario_variant& v, flow_part part) {
  const auto& m = v.built;
  const auto ev = evaluate_funding(m, funding_year(v));
  flow_totals t;
  for (const auto& f : ev.flows) {
    const bool project = m[f.rule].purpose.starts_with("project:");
    if (project != (part == flow_part::project)) continue;
    money_sum& s = m[f.payer].kind == organisation_kind::municipality ? t.municipal
                   : m[f.payer].kind == organisation_kind::region     ? t.region
                                                                      : t.other;
    if (f.amount) s.known += *f.amount;
    else ++s.unknown;
  }
  return t;
}

/// @brief The members' inhabitants; nothing when a member's population is unknown.
inline std::optional<std::int64_t> member_population(const scenario_variant& v) {
  std::int64_t p = 0;
  for (auto i : member_municipalities(v)) {
    const auto& pop = v.built[i].population;
    if (!pop) return std::nullopt;
    p += *pop;
  }
  return p;
}

}  // namespace detail

/// @brief What the reader must know about the year's flows: unknown flows, rules that are only
/// estimated or assumed, caps and floors applied, project periods whose start year is assumed.
inline std::vector<std::string> funding_flags(const scenario_variant& v) {
  const auto& m = v.built;
  const auto ev = evaluate_funding(m, detail::funding_year(v));
  std::size_t unknown = 0, uncertain = 0, capped = 0, floored = 0, period = 0;
  int period_years = 0;
  for (const auto& f : ev.flows) {
    unknown += f.known() ? 0 : 1;
    uncertain += f.uncertain_source() ? 1 : 0;
    capped += f.capped ? 1 : 0;
    floored += f.floored ? 1 : 0;
    if (f.period_start_assumed) ++period, period_years = f.period_years;
  }
  std::vector<std::string> out;
  auto add = [&](std::size_t n, const std::string& what) {
    if (n) out.push_back(std::to_string(n) + " " + what);
  };
  add(unknown, "flow(s) unknown");
  add(uncertain, "flow(s) from estimated or assumed rules");
  add(capped, "flow(s) capped");
  add(floored, "flow(s) raised to a floor");
  if (period)
    add(period, "project flow(s): first year of a " + std::to_string(period_years) +
                    "-year period (start year not given; the period total is split by largest remainder)");
  return out;
}

namespace detail {

/// @brief "unknown" (JSON null) unless every flow of the sum is known.
inline compare_cell money_cell(const money_sum& s) { return s.exact() ? money_cell(s.known) : compare_cell{"unknown", {}}; }
/// @brief A known sum divided by a count (rounded half away from zero to the öre); "unknown" when
/// the sum or the count is unknown, "—" (null) when the count is zero.
inline compare_cell money_per_cell(const money_sum& s, std::optional<std::int64_t> n) {
  if (!s.exact() || !n) return {"unknown", {}};
  if (*n == 0) return {"—", {}};
  return money_cell(money::from_minor(orgmodel::mul_div_round(s.known.minor(), 1, *n)));
}

/// @brief Municipalities that can change an outcome (not a null player, `body_voting_power` under
/// the body's own rule) on at least one body holding a mandate: a seat alone is not a say (3A: the
/// region's 75 % decides the owners' meeting, so the municipalities' seats there carry no power).
inline std::size_t municipalities_with_power(const model& m) {
  std::vector<std::string> ids;
  for (std::uint32_t b = 0; b < m.bodies().size(); ++b) {
    if (m.bodies()[b].mandates.empty()) continue;
    bool votes = false;
    for (const auto& s : m.seats()) votes = votes || (s.body.value == b && s.votes > 0);
    if (!votes) continue;
    for (const auto& p : body_voting_power(m, body_index(b)).players) {
      const auto o = m.find_organisation(p.player);
      if (!p.null_player && o && m[*o].kind == organisation_kind::municipality) ids.push_back(p.player);
    }
  }
  std::sort(ids.begin(), ids.end());
  return static_cast<std::size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
}

inline compare_column body_count_column(layer l) {
  return {"bodies_" + std::string(to_string(l)), "bodies " + std::string(to_string(l)), 40 + static_cast<int>(l), true,
          [l](const scenario_variant& v) {
            std::int64_t n = 0;
            for (const auto& b : v.built.bodies()) n += b.layer == l ? 1 : 0;
            return number_cell(n);
          }};
}

}  // namespace detail

/// @brief The default columns: model, members, population, host, bodies per layer, seats,
/// municipal seats, municipalities with voting power, staff, funding per year (total, municipal, regional, per municipality,
/// per inhabitant) and project funding per year — all from `evaluate_funding` for the input's
/// population year; a sum with an unknown flow is "unknown" (JSON null), never 0.
inline std::vector<compare_column> default_compare_columns() {
  using detail::number_cell;
  std::vector<compare_column> c;
  c.push_back({"category", "model", 0, false, [](const scenario_variant& v) {
                 return compare_cell{{}, std::string(to_string(v.category))};
               }});
  c.push_back({"organisation", "organisation", 1, false, [](const scenario_variant& v) {
                 const auto& o = v.built[v.built.organisation_at(v.parameters.id)];
                 return compare_cell{{}, o.name};
               }});
  c.push_back({"members", "members", 10, true, [](const scenario_variant& v) {
                 return number_cell(static_cast<std::int64_t>(detail::member_municipalities(v).size()));
               }});
  c.push_back({"population", "population", 11, true, [](const scenario_variant& v) {
                 const auto p = detail::member_population(v);
                 return p ? number_cell(*p) : compare_cell{"unknown", {}};
               }});
  c.push_back({"host", "host / owner", 20, false, [](const scenario_variant& v) {
                 const auto& m = v.built;
                 const auto ipa = m.organisation_at(v.parameters.id);
                 // A company the template creates (3B's, 4A's) is a hypothetical host, not an existing one.
                 const auto host = [&](organisation_index h) {
                   const bool exists = m[h].kind == organisation_kind::municipality || m[h].kind == organisation_kind::region;
                   return compare_cell{m[h].name + (exists ? "" : " (hypothetical)"), m[h].id};
                 };
                 for (const auto& a : m.affiliations())
                   if (a.child == ipa) return host(a.parent);
                 for (const auto& o : m.ownerships())
                   if (o.owned == ipa && m[o.owner].kind == organisation_kind::region) return compare_cell{m[o.owner].name, m[o.owner].id};
                 return compare_cell{"—", {}};
               }});
  c.push_back({"owner_equity", "owner's equity", 21, true, [](const scenario_variant& v) {
                 const auto& m = v.built;
                 const auto ipa = m.organisation_at(v.parameters.id);
                 for (const auto& o : m.ownerships())
                   if (o.owned == ipa && m[o.owner].kind == organisation_kind::region) return compare_cell{{}, o.equity.low};
                 return compare_cell{"—", {}};
               }});
  for (auto l : {layer::political, layer::executive, layer::operative, layer::owner}) c.push_back(detail::body_count_column(l));
  c.push_back({"seats", "seats", 50, true, [](const scenario_variant& v) {
                 return number_cell(static_cast<std::int64_t>(v.built.seats().size()));
               }});
  c.push_back({"municipal_seats", "municipal seats", 51, true, [](const scenario_variant& v) {
                 std::int64_t n = 0;
                 for (const auto& s : v.built.seats()) n += v.built[s.holder].kind == organisation_kind::municipality ? 1 : 0;
                 return number_cell(n);
               }});
  c.push_back({"municipalities_with_voting_power", "municipal voting power", 53, true, [](const scenario_variant& v) {
                 const auto k = detail::municipalities_with_power(v.built);
                 const auto n = detail::member_municipalities(v).size();
                 return compare_cell{std::to_string(k) + " of " + std::to_string(n), static_cast<std::int64_t>(k)};
               }});
  c.push_back({"staff", "staff", 52, true, [](const scenario_variant& v) {
                 std::int64_t n = 0;
                 for (const auto& b : v.built.bodies()) n += b.staff.value_or(0);
                 return number_cell(n);
               }});
  using detail::flow_part;
  c.push_back({"base_funding_per_year", "base SEK/yr", 60, true,
               [](const scenario_variant& v) { return detail::money_cell(detail::flows_by_payer(v, flow_part::base).total()); }});
  c.push_back({"municipal_funding_per_year", "municipal SEK/yr", 61, true,
               [](const scenario_variant& v) { return detail::money_cell(detail::flows_by_payer(v, flow_part::base).municipal); }});
  c.push_back({"region_funding_per_year", "region SEK/yr", 62, true,
               [](const scenario_variant& v) { return detail::money_cell(detail::flows_by_payer(v, flow_part::base).region); }});
  c.push_back({"funding_per_municipality", "SEK/yr per municipality", 63, true, [](const scenario_variant& v) {
                 const auto n = static_cast<std::int64_t>(detail::member_municipalities(v).size());
                 return detail::money_per_cell(detail::flows_by_payer(v, flow_part::base).municipal, n);
               }});
  c.push_back({"base_funding_per_inhabitant", "base SEK/inhabitant", 64, true, [](const scenario_variant& v) {
                 return detail::money_per_cell(detail::flows_by_payer(v, flow_part::base).total(), detail::member_population(v));
               }});
  c.push_back({"project_funding_per_year", "project SEK/yr", 65, true,
               [](const scenario_variant& v) { return detail::money_cell(detail::flows_by_payer(v, flow_part::project).total()); }});
  c.push_back({"assumed_parameters", "assumed params", 90, true, [](const scenario_variant& v) {
                 std::int64_t n = 0;
                 for (const auto& d : describe_parameters(v.category, v.parameters)) n += d.source == provenance::assumed ? 1 : 0;
                 return number_cell(n);
               }});
  return c;
}

/// @brief Whether a column's value for a variant rests on inputs the study does not give
/// (`assumed`) or gives as approximate (`estimated`): funding columns on the rules behind the
/// year's flows (`detail::funding_flags`), seat and staff columns on the seat and team-size
/// parameters, decision-day columns on the meeting cadences. Other columns count or name what
/// the template builds and rest on nothing assumed.
[[nodiscard]] inline bool rests_on_assumptions(const scenario_variant& v, std::string_view column_key) {
  const auto flagged = [&](auto pred) {
    for (const auto& d : describe_parameters(v.category, v.parameters))
      if (d.source != provenance::stated && pred(std::string_view(d.name))) return true;
    return false;
  };
  if (column_key.find("funding") != std::string_view::npos) {
    // Only the flows the column adds up: project or base, and by payer where the column names one.
    const bool project = column_key.find("project") != std::string_view::npos;
    const bool municipal = column_key.starts_with("municipal") || column_key == "funding_per_municipality";
    const bool region = column_key.starts_with("region");
    const auto& m = v.built;
    for (const auto& f : evaluate_funding(m, detail::funding_year(v)).flows) {
      if (m[f.rule].purpose.starts_with("project:") != project) continue;
      const auto kind = m[f.payer].kind;
      if ((municipal && kind != organisation_kind::municipality) || (region && kind != organisation_kind::region)) continue;
      if (!f.known() || f.uncertain_source() || f.period_start_assumed) return true;
    }
    return false;
  }
  if (column_key.find("seats") != std::string_view::npos)
    return flagged([](std::string_view n) { return n.ends_with("_seats") || n == "steering_size"; });
  if (column_key == "staff") return flagged([](std::string_view n) { return n == "team_size"; });
  if (column_key.find("days") != std::string_view::npos)
    return flagged([](std::string_view n) { return n.ends_with("_meetings"); });
  return false;
}

/// @brief What to compare and how.
struct compare_options {
  std::vector<model_category> categories{all_categories.begin(), all_categories.end()};
  /// Parameters per category; a category not given uses `default_parameters`.
  std::map<model_category, template_parameters> parameters;
  /// Columns; empty means `default_compare_columns()`. Registered columns are added unless
  /// `use_registry` is false.
  std::vector<compare_column> columns;
  bool use_registry = true;
};

/// @brief The templates applied to one input, and their columns evaluated.
struct comparison {
  template_input input;
  std::vector<scenario_variant> variants;
  std::vector<compare_column> columns;
  std::vector<std::vector<compare_cell>> cells;  ///< [variant][column]
};

/// @brief Applies each template to `in` and evaluates the columns.
/// @throws invalid_model, lookup_error from the templates.
inline comparison compare_templates(const template_input& in, const compare_options& opt = {}) {
  comparison c;
  c.input = in;
  c.columns = opt.columns.empty() ? default_compare_columns() : opt.columns;
  if (opt.use_registry)
    for (const auto& col : compare_column_registry()) c.columns.push_back(col);
  std::stable_sort(c.columns.begin(), c.columns.end(), [](const compare_column& a, const compare_column& b) { return a.order < b.order; });
  const std::string place = data::slug(county_short_name(in.county_name));
  c.variants.reserve(opt.categories.size());
  for (auto cat : opt.categories) {
    auto it = opt.parameters.find(cat);
    template_parameters p = it != opt.parameters.end() ? it->second : default_parameters(cat);
    if (p.id.empty()) p.id = "ipa-" + place;
    model built = build_template(cat, in, p);
    c.variants.push_back({cat, std::move(p), std::move(built), nullptr});
  }
  for (auto& v : c.variants) v.input = &c.input;
  for (const auto& v : c.variants) {
    auto& row = c.cells.emplace_back();
    for (const auto& col : c.columns) row.push_back(col.cell(v));
  }
  return c;
}

}  // namespace orgmodel::scenario
