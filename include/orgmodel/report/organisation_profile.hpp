#pragma once
/// @file
/// @brief What the report says about one joint organisation: category, host and owners, members
/// with their population, governance by layer (bodies, seats, cadence), escalation lines, funding
/// rules with their basis, stated budgets, team size — and, per model, the gaps in what is known.
///
/// Amounts are listed as rules (rate, basis, years), not evaluated: evaluating flows is the funding
/// analysis's job, which adds its own report section.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/data/findings.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief An organisation that hosts, contains or owns the profiled one.
struct related_party {
  std::string id, name;
  std::string relation;       ///< "hosted_by", "part_of", "business_area_of", or "owner"
  std::optional<share_range> share;  ///< owners only
  provenance source = provenance::stated;
};

/// @brief A member or served organisation (an `unknown_group` stands for `count` members).
struct member_entry {
  std::string id, name;
  organisation_kind kind = organisation_kind::municipality;
  membership_kind how = membership_kind::member;
  std::int64_t count = 1;
  std::optional<std::int64_t> population;
  provenance source = provenance::stated;
};

/// @brief Members in sum: how many, how many are named, and their population where known.
struct members_summary {
  std::int64_t count = 0;            ///< members, counting each unknown group as its member_count
  std::int64_t named = 0;            ///< members the sources name
  std::int64_t municipalities = 0;   ///< named municipalities
  std::int64_t population = 0;       ///< sum over members with a population
  bool population_complete = true;   ///< false when some member's population is unknown
  std::optional<int> population_year;
  std::vector<member_entry> list;
};

/// @brief Seats of one role on a body.
struct seat_group {
  std::string role;
  std::int64_t seats = 0;
  std::int64_t votes = 0;
};

/// @brief A governance body as the report shows it.
struct body_summary {
  std::string id, name, organisation_id;
  body_kind kind = body_kind::steering_group;
  enum layer layer = layer::executive;
  std::optional<cadence> meetings_per_year;
  std::string mandates;  ///< class names, "all", "none", or "unknown" when the model says so
  std::optional<decision_rule> rule;
  std::optional<int> staff;
  std::int64_t seats = 0;
  bool seats_unknown = false;         ///< the model lists no seats and says it does not know them
  std::vector<seat_group> roles;      ///< in first-seen order
  std::vector<std::string> chairs;    ///< "<holder id> (<role>)"
};

/// @brief Funding rules to the organisation that differ only in their payer, listed once.
struct funding_line {
  std::string purpose;
  funding_basis basis = funding_basis::fixed;
  std::string terms;                     ///< "10 SEK per inhabitant", "1 × bro-municipal-fees" …
  std::optional<int> year_from, year_to;
  std::vector<std::string> payers;       ///< payer ids
  std::vector<std::string> rule_ids;
  std::string group;
  std::optional<money> co_funding_min;
  provenance source = provenance::stated;
};

/// @brief A budget, cost or turnover figure the source states.
struct budget_line {
  int year = 0;
  budget_kind kind = budget_kind::budget;
  money amount;
  provenance source = provenance::stated;
  std::string note;
};

/// @brief Everything the report says about one joint organisation.
struct organisation_profile {
  std::string id, name;
  organisation_kind kind = organisation_kind::other;
  std::optional<model_category> category;
  bool can_sign_agreements = true;
  std::optional<bool> can_sign_agreements_stated;  ///< the model's explicit setting, when it has one
  std::vector<related_party> hosts;   ///< affiliations upwards
  std::vector<related_party> owners;
  members_summary members;
  std::vector<std::pair<enum layer, std::vector<body_summary>>> governance;  ///< owner, political, executive, operative
  std::vector<std::string> escalation_lines;  ///< "from → to [classes]"
  std::vector<funding_line> funding;
  std::vector<budget_line> budgets;
  std::optional<int> team_size;
  std::string team_body;
};

/// @brief Something the model does not know: an unknown field, or a fact that is assumed,
/// estimated or derived from a remainder. Identical gaps of several elements are listed once.
struct knowledge_gap {
  std::string status;                 ///< "unknown", "assumed" or "estimated"
  std::string what;
  std::vector<std::string> elements;  ///< e.g. "bodies/bro-management-group"
};

/// @brief A county or region in a model without a joint organisation (the counties with no IPA).
struct territory_entry {
  std::string id, name, county;
  std::int64_t municipalities = 0;
  std::optional<std::int64_t> population;
};

/// @brief The report's view of one model.
struct model_profile {
  std::string model_id, model_name, description, source;
  std::vector<organisation_profile> organisations;
  std::vector<territory_entry> territory;  ///< only when the model has no joint organisation
  std::vector<knowledge_gap> gaps;
  std::vector<data::finding> findings;  ///< the study's findings (bundled models only), in file order
};

namespace detail {

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

/// @brief The extension member `name` of an element, parsed, or null.
inline nlohmann::ordered_json extension(const extensions& extra, std::string_view name) {
  for (const auto& [k, v] : extra)
    if (k == name) return nlohmann::ordered_json::parse(v);
  return nullptr;
}

/// @brief The explicit "unknown" list of an element (see data/models/README.md).
inline std::vector<std::string> unknown_list(const extensions& extra) {
  std::vector<std::string> v;
  auto j = extension(extra, "unknown");
  if (j.is_array())
    for (const auto& x : j)
      if (x.is_string()) v.push_back(x.get<std::string>());
  return v;
}

/// @brief How many members an organisation stands for: its `member_count` for an unknown group, else 1.
inline std::int64_t stands_for(const organisation& o) {
  return o.kind == organisation_kind::unknown_group ? o.stands_for() : 1;
}

inline std::string funding_terms(const funding_rule& r) {
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

inline std::string years_text(std::optional<int> from, std::optional<int> to) {
  if (!from && !to) return "years not stated";
  if (from && to && *from == *to) return std::to_string(*from);
  return (from ? std::to_string(*from) : std::string("…")) + "–" + (to ? std::to_string(*to) : std::string(""));
}

/// @brief The organisations a model's report profiles: the one whose id is the model's id, and
/// any other with a model category; failing both, every organisation others are members of.
inline std::vector<organisation_index> profiled_organisations(const model& m) {
  std::vector<organisation_index> v;
  for (std::uint32_t i = 0; i < m.organisations().size(); ++i) {
    const auto& o = m.organisations()[i];
    if (o.id == m.info().id || o.category) v.push_back(organisation_index(i));
  }
  if (v.empty()) {
    std::set<std::uint32_t> joint;
    for (const auto& ms : m.memberships()) joint.insert(ms.organisation.value);
    for (auto i : joint) v.push_back(organisation_index(i));
  }
  return v;
}

}  // namespace detail

/// @brief The profile of joint organisation `o` in model `m`. Its governance is the bodies of the
/// organisation, of the organisations it is part of or hosted by, and every body its bodies
/// escalate to; when it is the model's only profiled organisation, every body of the model.
inline organisation_profile profile_organisation(const model& m, organisation_index oi, bool all_bodies) {
  const auto& o = m[oi];
  organisation_profile p;
  p.id = o.id;
  p.name = o.name;
  p.kind = o.kind;
  p.category = o.category;
  p.can_sign_agreements = m.can_sign_agreements(oi);
  p.can_sign_agreements_stated = o.can_sign_agreements;

  std::set<std::uint32_t> context{oi.value};
  for (const auto& a : m.affiliations())
    if (a.child == oi) {
      p.hosts.push_back({m[a.parent].id, m[a.parent].name, std::string(to_string(a.kind)), std::nullopt, a.source});
      context.insert(a.parent.value);
    }
  for (const auto& w : m.ownerships())
    if (w.owned == oi) p.owners.push_back({m[w.owner].id, m[w.owner].name, "owner", w.equity, w.source});
  // A business area's owners are its company's owners.
  for (const auto& a : m.affiliations())
    if (a.child == oi && a.kind == affiliation_kind::business_area_of)
      for (const auto& w : m.ownerships())
        if (w.owned == a.parent) p.owners.push_back({m[w.owner].id, m[w.owner].name, "owner of " + m[a.parent].id, w.equity, w.source});

  // Members.
  auto& ms = p.members;
  for (const auto& x : m.memberships()) {
    if (x.organisation != oi) continue;
    const auto& mem = m[x.member];
    member_entry e{mem.id, mem.name, mem.kind, x.kind, detail::stands_for(mem), mem.population, x.source};
    ms.count += e.count;
    if (mem.kind != organisation_kind::unknown_group) ++ms.named;
    if (mem.kind == organisation_kind::municipality) ++ms.municipalities;
    if (mem.population) ms.population += *mem.population;
    else ms.population_complete = false;
    if (mem.population_year && !ms.population_year) ms.population_year = mem.population_year;
    ms.list.push_back(std::move(e));
  }

  // Governance: the bodies in scope, grouped by layer, top down.
  std::vector<bool> in(m.bodies().size(), all_bodies);
  if (!all_bodies) {
    for (std::size_t b = 0; b < m.bodies().size(); ++b) in[b] = context.contains(m.bodies()[b].organisation.value);
    for (bool grew = true; grew;) {  // close over escalation lines; models are small, lines few
      grew = false;
      for (const auto& e : m.escalations())
        if (in[e.from.value] && !in[e.to.value]) in[e.to.value] = grew = true;
    }
  }
  std::vector<body_summary> summaries(m.bodies().size());
  for (std::size_t b = 0; b < m.bodies().size(); ++b) {
    const auto& x = m.bodies()[b];
    auto& s = summaries[b];
    s.id = x.id;
    s.name = x.name;
    s.organisation_id = m[x.organisation].id;
    s.kind = x.kind;
    s.layer = x.layer;
    s.meetings_per_year = x.meetings_per_year;
    s.mandates = format_classes(m, x.mandates);
    const auto told = detail::unknown_list(x.extra);
    if (x.mandates.empty() && std::find(told.begin(), told.end(), "mandates") != told.end()) s.mandates = "unknown";
    s.seats_unknown = std::find(told.begin(), told.end(), "seats") != told.end();
    s.rule = x.rule;
    s.staff = x.staff;
  }
  for (const auto& st : m.seats()) {
    auto& s = summaries[st.body.value];
    ++s.seats;
    auto it = std::find_if(s.roles.begin(), s.roles.end(), [&](const seat_group& g) { return g.role == st.role; });
    if (it == s.roles.end()) it = s.roles.insert(s.roles.end(), seat_group{st.role, 0, 0});
    ++it->seats;
    it->votes += st.votes;
    if (st.chair) s.chairs.push_back(m[st.holder].id + (st.role.empty() ? "" : " (" + st.role + ")"));
  }
  for (auto l : {layer::owner, layer::political, layer::executive, layer::operative}) {
    std::vector<body_summary> v;
    for (std::size_t b = 0; b < m.bodies().size(); ++b)
      if (in[b] && m.bodies()[b].layer == l) v.push_back(summaries[b]);
    if (!v.empty()) p.governance.emplace_back(l, std::move(v));
  }
  for (const auto& e : m.escalations())
    if (in[e.from.value])
      p.escalation_lines.push_back(m[e.from].id + " → " + m[e.to].id +
                                   (e.classes.is_all() ? std::string() : " [" + format_classes(m, e.classes) + "]"));

  // Team: the operative team's staff, else any body's staff.
  for (int pass = 0; pass < 2 && !p.team_size; ++pass)
    for (std::size_t b = 0; b < m.bodies().size(); ++b) {
      const auto& x = m.bodies()[b];
      if (!in[b] || !x.staff || (pass == 0 && x.kind != body_kind::operative_team)) continue;
      p.team_size = p.team_size.value_or(0) + *x.staff;
      p.team_body += (p.team_body.empty() ? "" : ", ") + x.id;
    }

  // Funding rules to the organisation, one line per rule that differs in more than its payer.
  using key = std::tuple<std::string, int, std::string, int, int, std::string, std::int64_t, int>;
  std::map<key, std::size_t> line_of;
  for (const auto& r : m.funding_rules()) {
    if (r.recipient != oi) continue;
    const std::string terms = detail::funding_terms(r);
    key k{r.purpose, static_cast<int>(r.basis), terms, r.year_from.value_or(0), r.year_to.value_or(0), r.group,
          r.co_funding_min ? r.co_funding_min->minor() : -1, static_cast<int>(r.source)};
    auto [it, fresh] = line_of.emplace(k, p.funding.size());
    if (fresh)
      p.funding.push_back({r.purpose, r.basis, terms, r.year_from, r.year_to, {}, {}, r.group, r.co_funding_min, r.source});
    p.funding[it->second].payers.push_back(m[r.payer].id);
    p.funding[it->second].rule_ids.push_back(r.id);
  }
  std::stable_sort(p.funding.begin(), p.funding.end(), [](const funding_line& a, const funding_line& b) {
    return a.year_from.value_or(0) < b.year_from.value_or(0);
  });
  for (const auto& b : m.budgets())
    if (b.organisation == oi) p.budgets.push_back({b.year, b.kind, b.amount, b.source, b.note});
  return p;
}

/// @brief The gaps in what model `m` knows: every element's explicit "unknown" list, every fact
/// with provenance assumed or estimated, every unknown group, and fields the report needs but the
/// model leaves out (a body's cadence or seats, a team, funding of a profiled organisation).
inline std::vector<knowledge_gap> knowledge_gaps(const model& m) {
  std::vector<knowledge_gap> gaps;
  std::map<std::pair<std::string, std::string>, std::size_t> at;
  auto add = [&](std::string status, std::string what, std::string element) {
    auto [it, fresh] = at.emplace(std::pair(status, what), gaps.size());
    if (fresh) gaps.push_back({std::move(status), std::move(what), {}});
    gaps[it->second].elements.push_back(std::move(element));
  };
  auto flagged = [&](provenance p, const std::string& note, const std::string& element, const char* fallback) {
    if (p == provenance::assumed || p == provenance::estimated)
      add(std::string(to_string(p)), note.empty() ? std::string(fallback) : note, element);
  };
  auto unknowns = [&](const extensions& extra, const std::string& element, std::set<std::string>* seen = nullptr) {
    for (auto& u : detail::unknown_list(extra)) {
      if (seen) seen->insert(u);
      add("unknown", u, element);
    }
  };
  for (const auto& o : m.organisations()) {
    const std::string el = "organizations/" + o.id;
    unknowns(o.extra, el);
    flagged(o.source, o.note, el, "organisation assumed");
    if (o.kind == organisation_kind::unknown_group)
      add("unknown", "members of a group the sources do not name", el + " (" + std::to_string(detail::stands_for(o)) + ")");
  }
  std::vector<std::set<std::string>> said(m.bodies().size());
  for (std::size_t b = 0; b < m.bodies().size(); ++b) {
    const auto& x = m.bodies()[b];
    const std::string el = "bodies/" + x.id;
    unknowns(x.extra, el, &said[b]);
    flagged(x.source, x.note, el, "body assumed");
  }
  std::vector<std::int64_t> seats(m.bodies().size(), 0);
  for (const auto& s : m.seats()) {
    ++seats[s.body.value];
    flagged(s.source, s.note, "bodies/" + m[s.body].id + "/seats/" + m[s.holder].id, "seat assumed");
  }
  for (std::size_t b = 0; b < m.bodies().size(); ++b) {
    const auto& x = m.bodies()[b];
    const bool single = x.kind == body_kind::operative_team || x.kind == body_kind::official;
    if (!x.meetings_per_year && !single && !said[b].contains("meetings_per_year"))
      add("unknown", "meetings_per_year", "bodies/" + x.id);
    if (seats[b] == 0 && !single && !said[b].contains("seats")) add("unknown", "seats", "bodies/" + x.id);
  }
  for (const auto& a : m.affiliations())
    flagged(a.source, a.note, "affiliations/" + m[a.child].id + "→" + m[a.parent].id, "affiliation assumed");
  for (const auto& e : m.escalations())
    flagged(e.source, e.note, "escalations/" + m[e.from].id + "→" + m[e.to].id, "escalation line assumed");
  for (const auto& w : m.ownerships()) {
    const std::string el = "ownerships/" + m[w.owner].id + "→" + m[w.owned].id;
    flagged(w.source, w.note, el, "ownership assumed");
    if (!w.equity.exact() && w.source == provenance::stated) add("unknown", "exact ownership share", el);
  }
  for (const auto& r : m.funding_rules()) {
    unknowns(r.extra, "funding_rules/" + r.id);
    flagged(r.source, r.note, "funding_rules/" + r.id, "funding rule assumed");
  }
  for (const auto& x : m.memberships())
    flagged(x.source, x.note, "memberships/" + m[x.member].id + "→" + m[x.organisation].id, "membership assumed");
  for (const auto& r : m.representations())
    flagged(r.source, r.note, "representations/" + m[r.represented].id + "→" + m[r.representative].id,
            "representation assumed");
  for (const auto& b : m.budgets())
    flagged(b.source, b.note, "budgets/" + m[b.organisation].id + "/" + std::to_string(b.year), "budget figure assumed");
  for (auto oi : detail::profiled_organisations(m)) {
    const auto& o = m[oi];
    const auto p = profile_organisation(m, oi, false);
    const auto told = detail::unknown_list(o.extra);
    auto mentioned = [&](std::string_view w) {
      return std::any_of(told.begin(), told.end(), [&](const std::string& t) { return t.find(w) != std::string::npos; });
    };
    if (!p.team_size) add("unknown", "team size", "organizations/" + o.id);
    if (p.funding.empty() && !mentioned("funding")) add("unknown", "funding rules", "organizations/" + o.id);
    if (!p.members.population_complete) add("unknown", "population of some members", "organizations/" + o.id);
  }
  return gaps;
}

/// @brief The report's view of a model: its joint organisations (or, when it has none, its
/// regions with their municipalities) and its gaps.
inline model_profile profile_model(const model& m) {
  model_profile mp;
  mp.model_id = m.info().id;
  mp.model_name = m.info().name;
  mp.description = m.info().description;
  mp.source = m.info().source;
  const auto orgs = detail::profiled_organisations(m);
  for (auto oi : orgs) mp.organisations.push_back(profile_organisation(m, oi, orgs.size() == 1));
  if (orgs.empty()) {
    for (const auto& o : m.organisations()) {
      if (o.kind != organisation_kind::region) continue;
      territory_entry t{o.id, o.name, o.county, 0, o.population};
      for (const auto& x : m.organisations())
        if (x.kind == organisation_kind::municipality && x.county == o.county) ++t.municipalities;
      mp.territory.push_back(std::move(t));
    }
  }
  mp.gaps = knowledge_gaps(m);
  if (data::is_bundled_model(mp.model_id)) mp.findings = data::findings_of(mp.model_id);
  return mp;
}

// ------------------------------------------------------------------------------------ JSON

inline nlohmann::ordered_json to_json(const related_party& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["name"] = r.name;
  j["relation"] = r.relation;
  if (r.share) {
    j["share"] = format_share_range(*r.share);
    j["share_percent"] = r.share->exact() ? format_percent(r.share->low)
                                          : format_percent(r.share->low) + "–" + format_percent(r.share->high);
  }
  j["provenance"] = to_string(r.source);
  return j;
}

inline nlohmann::ordered_json to_json(const body_summary& b) {
  nlohmann::ordered_json j;
  j["id"] = b.id;
  j["name"] = b.name;
  j["kind"] = to_string(b.kind);
  j["organisation"] = b.organisation_id;
  if (b.meetings_per_year) {
    if (b.meetings_per_year->low == b.meetings_per_year->high) j["meetings_per_year"] = b.meetings_per_year->low;
    else j["meetings_per_year"] = nlohmann::ordered_json::array({b.meetings_per_year->low, b.meetings_per_year->high});
  } else {
    j["meetings_per_year"] = "unknown";
  }
  j["mandates"] = b.mandates;
  j["decision_rule"] = b.rule ? std::string(to_string(*b.rule)) : std::string("unknown");
  if (b.staff) j["staff"] = *b.staff;
  j["seats"] = b.seats_unknown && b.seats == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(b.seats);  // unknown: null
  auto roles = nlohmann::ordered_json::array();
  for (const auto& g : b.roles) {
    nlohmann::ordered_json r;
    r["role"] = g.role;
    r["seats"] = g.seats;
    r["votes"] = g.votes;
    roles.push_back(std::move(r));
  }
  j["roles"] = std::move(roles);
  j["chair"] = b.chairs;
  return j;
}

inline nlohmann::ordered_json to_json(const funding_line& f) {
  nlohmann::ordered_json j;
  j["purpose"] = f.purpose;
  j["basis"] = to_string(f.basis);
  j["terms"] = f.terms;
  j["years"] = detail::years_text(f.year_from, f.year_to);
  if (f.year_from) j["year_from"] = *f.year_from;
  if (f.year_to) j["year_to"] = *f.year_to;
  j["payers"] = f.payers;
  j["rules"] = f.rule_ids;
  if (!f.group.empty()) j["group"] = f.group;
  if (f.co_funding_min) j["co_funding_min"] = f.co_funding_min->str();
  j["provenance"] = to_string(f.source);
  return j;
}

inline nlohmann::ordered_json to_json(const organisation_profile& p) {
  nlohmann::ordered_json j;
  j["id"] = p.id;
  j["name"] = p.name;
  j["kind"] = to_string(p.kind);
  if (p.category) {
    j["category"] = to_string(*p.category);
    j["category_description"] = detail::category_description(*p.category);
  } else {
    j["category"] = nullptr;
  }
  j["can_sign_agreements"] = p.can_sign_agreements;
  j["can_sign_agreements_stated"] = p.can_sign_agreements_stated ? nlohmann::ordered_json(*p.can_sign_agreements_stated)
                                                                 : nlohmann::ordered_json(nullptr);
  auto hosts = nlohmann::ordered_json::array();
  for (const auto& h : p.hosts) hosts.push_back(to_json(h));
  j["hosts"] = std::move(hosts);
  auto owners = nlohmann::ordered_json::array();
  for (const auto& o : p.owners) owners.push_back(to_json(o));
  j["owners"] = std::move(owners);
  nlohmann::ordered_json mem;
  mem["count"] = p.members.count;
  mem["named"] = p.members.named;
  mem["municipalities"] = p.members.municipalities;
  mem["population"] = p.members.population;
  mem["population_complete"] = p.members.population_complete;
  if (p.members.population_year) mem["population_year"] = *p.members.population_year;
  mem["population_source"] = data::population_source;
  auto list = nlohmann::ordered_json::array();
  for (const auto& e : p.members.list) {
    nlohmann::ordered_json x;
    x["id"] = e.id;
    x["name"] = e.name;
    x["kind"] = to_string(e.kind);
    x["membership"] = to_string(e.how);
    if (e.count != 1) x["count"] = e.count;
    if (e.population) x["population"] = *e.population;
    else x["population"] = nullptr;  // unknown (docs/output-format.md)
    x["provenance"] = to_string(e.source);
    list.push_back(std::move(x));
  }
  mem["list"] = std::move(list);
  j["members"] = std::move(mem);
  auto gov = nlohmann::ordered_json::array();
  for (const auto& [l, bodies] : p.governance) {
    nlohmann::ordered_json g;
    g["layer"] = to_string(l);
    auto a = nlohmann::ordered_json::array();
    for (const auto& b : bodies) a.push_back(to_json(b));
    g["bodies"] = std::move(a);
    gov.push_back(std::move(g));
  }
  j["governance"] = std::move(gov);
  j["escalation_lines"] = p.escalation_lines;
  auto fund = nlohmann::ordered_json::array();
  for (const auto& f : p.funding) fund.push_back(to_json(f));
  j["funding_rules"] = std::move(fund);
  auto bud = nlohmann::ordered_json::array();
  for (const auto& b : p.budgets) {
    nlohmann::ordered_json x;
    x["year"] = b.year;
    x["kind"] = to_string(b.kind);
    x["amount"] = b.amount.str();
    x["provenance"] = to_string(b.source);
    if (!b.note.empty()) x["note"] = b.note;
    bud.push_back(std::move(x));
  }
  j["stated_budgets"] = std::move(bud);
  if (p.team_size) j["team_size"] = *p.team_size;
  else j["team_size"] = "unknown";
  j["team_body"] = p.team_body;
  return j;
}

inline nlohmann::ordered_json to_json(const knowledge_gap& g) {
  nlohmann::ordered_json j;
  j["status"] = g.status;
  j["what"] = g.what;
  j["elements"] = g.elements;
  return j;
}

inline nlohmann::ordered_json to_json(const model_profile& mp) {
  nlohmann::ordered_json j;
  j["model"] = mp.model_id;
  j["name"] = mp.model_name;
  j["description"] = mp.description;
  auto orgs = nlohmann::ordered_json::array();
  for (const auto& p : mp.organisations) orgs.push_back(to_json(p));
  j["organisations"] = std::move(orgs);
  if (!mp.territory.empty()) {
    auto t = nlohmann::ordered_json::array();
    for (const auto& e : mp.territory) {
      nlohmann::ordered_json x;
      x["id"] = e.id;
      x["name"] = e.name;
      x["county"] = e.county;
      x["municipalities"] = e.municipalities;
      if (e.population) x["population"] = *e.population;
      else x["population"] = "unknown";
      t.push_back(std::move(x));
    }
    j["territory"] = std::move(t);
  }
  auto gaps = nlohmann::ordered_json::array();
  for (const auto& g : mp.gaps) gaps.push_back(to_json(g));
  j["gaps"] = std::move(gaps);
  auto fj = nlohmann::ordered_json::array();
  for (const auto& f : mp.findings) {
    auto lines = nlohmann::ordered_json::array();
    for (const auto& l : f.lines) lines.push_back({{"from", l.from}, {"to", l.to}});
    fj.push_back({{"kind", to_string(f.kind)}, {"text", f.text}, {"lines", std::move(lines)}});
  }
  j["findings"] = std::move(fj);
  return j;
}

// ------------------------------------------------------------------------------------ text

/// @brief A model's profile for reading: one block per organisation, then the gaps.
inline std::string to_text(const model_profile& mp) {
  std::string s;
  auto line = [&](const std::string& label, const std::string& value) {
    s += "  " + label + std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') + value + "\n";
  };
  s += "\n### " + mp.model_name + " [" + mp.model_id + "]\n";
  for (const auto& p : mp.organisations) {
    if (mp.organisations.size() > 1 || p.id != mp.model_id) s += "  — " + p.name + " (" + p.id + ")\n";
    line("Category:", p.category ? std::string(to_string(*p.category)) + " — " + detail::category_description(*p.category)
                                 : std::string("none"));
    std::string hosts;
    for (const auto& h : p.hosts) {
      std::string rel = h.relation;
      std::replace(rel.begin(), rel.end(), '_', ' ');
      hosts += (hosts.empty() ? "" : "; ") + rel + " " + h.name + " [" + h.id + "]" +
               (h.source != provenance::stated ? " (" + std::string(to_string(h.source)) + ")" : "");
    }
    line("Host:", hosts.empty() ? "none (independent)" : hosts);
    std::string owners;
    std::size_t assumed_owners = 0;
    for (const auto& o : p.owners) {
      if (o.source != provenance::stated) ++assumed_owners;
      owners += (owners.empty() ? "" : "; ") + o.name + " " +
                (o.share->exact() ? format_percent(o.share->low) : format_percent(o.share->low) + "–" + format_percent(o.share->high)) +
                (o.relation != "owner" ? " (" + o.relation + ")" : "");
    }
    if (assumed_owners) owners += "  [" + std::to_string(assumed_owners) + " of " + std::to_string(p.owners.size()) + " holdings assumed]";
    line("Owners:", owners.empty() ? "none" : owners);
    if (p.can_sign_agreements_stated)
      line("Agreements:", *p.can_sign_agreements_stated ? "can sign agreements in its own name"
                                                        : "cannot sign agreements (incl. NDAs) in its own name");
    const auto& m = p.members;
    std::string kinds;
    for (const auto& e : m.list)
      if (kinds.find(std::string(to_string(e.how))) == std::string::npos) kinds += (kinds.empty() ? "" : "/") + std::string(to_string(e.how));
    line("Members:", std::to_string(m.count) + (kinds.empty() ? "" : " (" + kinds + ")") +
                         (m.named != m.count ? ", " + std::to_string(m.named) + " named" : "") + ", population " +
                         (m.population_complete ? "" : "at least ") + group_thousands(m.population) +
                         (m.population_year ? " (SCB, 31 Dec " + std::to_string(*m.population_year) + ")" : ""));
    std::string names;
    for (const auto& e : m.list)
      names += (names.empty() ? "" : ", ") + e.name + (e.count != 1 ? " [" + std::to_string(e.count) + "]" : "") +
               (e.source == provenance::estimated ? " (estimated)" : "");
    if (!names.empty()) line("", names);
    line("Team:", p.team_size ? std::to_string(*p.team_size) + " (" + p.team_body + ")" : std::string("unknown"));
    s += "  Governance:\n";
    if (p.governance.empty()) s += "    (no bodies)\n";
    for (const auto& [l, bodies] : p.governance) {
      s += "    " + std::string(to_string(l)) + ":\n";
      for (const auto& b : bodies) {
        std::string roles;
        for (const auto& g : b.roles) roles += (roles.empty() ? "" : ", ") + std::to_string(g.seats) + " " + (g.role.empty() ? "seat" : g.role);
        std::string chair;
        for (const auto& c : b.chairs) chair += (chair.empty() ? "" : ", ") + c;
        const bool single = b.kind == body_kind::operative_team || b.kind == body_kind::official;
        s += "      " + b.name + " [" + b.id + "] " + std::string(to_string(b.kind)) +
             (single && !b.meetings_per_year ? std::string()
                                             : ", meets " + format_cadence(b.meetings_per_year) + (b.meetings_per_year ? "/yr" : "")) +
             (b.seats_unknown && b.seats == 0 ? std::string(", seats unknown")
              : single && b.seats == 0      ? std::string()
                                            : ", " + std::to_string(b.seats) + " seats") +
             (roles.empty() ? "" : " (" + roles + ")") +
             (chair.empty() ? "" : ", chair " + chair) + ", mandates " + b.mandates +
             (b.staff ? ", staff " + std::to_string(*b.staff) : "") + "\n";
      }
    }
    if (!p.escalation_lines.empty()) {
      s += "  Escalation:\n";
      for (const auto& e : p.escalation_lines) s += "    " + e + "\n";
    }
    s += "  Funding rules:\n";
    if (p.funding.empty()) s += "    none stated\n";
    for (const auto& f : p.funding) {
      std::string payers;
      if (f.payers.size() <= 3)
        for (const auto& x : f.payers) payers += (payers.empty() ? "" : ", ") + x;
      else
        payers = std::to_string(f.payers.size()) + " payers (" + f.payers.front() + " … " + f.payers.back() + ")";
      s += "    " + detail::years_text(f.year_from, f.year_to) + "  " + (f.purpose.empty() ? "" : f.purpose + ": ") +
           std::string(to_string(f.basis)) + ", " + f.terms + ", from " + payers +
           (f.co_funding_min ? ", own costs at least " + format_amount(*f.co_funding_min) + " SEK" : "") +
           (f.source != provenance::stated ? " (" + std::string(to_string(f.source)) + ")" : "") + "\n";
    }
    if (!p.budgets.empty()) {
      s += "  Stated figures:\n";
      for (const auto& b : p.budgets)
        s += "    " + std::to_string(b.year) + "  " + std::string(to_string(b.kind)) + " " + format_amount(b.amount) + " SEK" +
             (b.source != provenance::stated ? " (" + std::string(to_string(b.source)) + ")" : "") + "\n";
    }
  }
  if (!mp.territory.empty()) {
    s += "  No joint organisation. Regions:\n";
    for (const auto& t : mp.territory)
      s += "    " + t.name + " (county " + t.county + "): " + std::to_string(t.municipalities) +
           (t.municipalities == 1 ? " municipality" : " municipalities") + ", population " +
           (t.population ? group_thousands(*t.population) : std::string("unknown")) + "\n";
  }
  s += "  Gaps in what is known:\n";
  if (mp.gaps.empty()) s += "    none\n";
  for (const auto& g : mp.gaps) {
    std::string el = g.elements.front() + (g.elements.size() > 1 ? " and " + std::to_string(g.elements.size() - 1) + " more" : "");
    s += "    [" + g.status + "] " + el + ": " + g.what + "\n";
  }
  if (!mp.findings.empty()) {
    // Grouped by kind, in the kinds' order; each item keeps the study's lines.
    s += "  Findings of the study (data/findings.json; L = line of the study):\n";
    for (std::size_t k = 0; k < enum_names<data::finding_kind>::names.size(); ++k) {
      const auto kind = static_cast<data::finding_kind>(k);
      bool head = false;
      for (const auto& f : mp.findings) {
        if (f.kind != kind) continue;
        if (!head) s += "    " + std::string(to_string(kind)) + ":\n";
        head = true;
        s += "      - " + f.text + "\n";
      }
    }
  }
  return s;
}

}  // namespace orgmodel
