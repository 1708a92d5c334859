#pragma once
/// @file
/// @brief What a model says about each joint organisation: category, host and owners, members
/// with their population, governance by layer (bodies, seats, cadence), escalation lines, funding
/// rules with their basis, stated budgets, team size — and the gaps in what the model knows.
///
/// Everything is typed: an unknown is an empty std::optional, never 0. Funding rules are listed as
/// rules (rate, basis, years), not evaluated — evaluating flows is analysis/funding.hpp's job.
/// JSON and text: present/organisation_profile.hpp, report/organisation_profile.hpp.
///
/// @code
/// auto mp = orgmodel::profile_model(orgmodel::data::load_bundled_model("invest-in-norrbotten"),
///                                   orgmodel::data::study_findings("invest-in-norrbotten"));
/// mp.organisations[0].members.population();  // nullopt when some member's population is unknown
/// @endcode

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/data/finding.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief An organisation that hosts, contains or owns the profiled one.
struct related_party {
  std::string id, name;
  std::optional<affiliation_kind> affiliation;  ///< how it contains the profiled one; nothing: an owner
  std::string through;                          ///< owners of the company whose business area it is: that company's id
  std::optional<share_range> share;             ///< owners only
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
  /// The membership rests on a public page, not on the study (SBA's 12 from
  /// data/scb/sba_members_partial.csv, whose notes begin "Evidence: public page").
  bool named_outside_study = false;
};

/// @brief Members in sum: how many, how many are named, and their population where known.
struct members_summary {
  std::int64_t count = 0;             ///< members, counting each unknown group as its member_count
  std::int64_t named = 0;             ///< members the sources name
  std::int64_t municipalities = 0;    ///< named municipalities
  std::int64_t known_population = 0;  ///< sum over the members whose population is known: a lower bound
  bool population_complete = true;    ///< every member's population is known
  /// Of known_population, the part of unnamed groups (SBA's 29): worked out from other figures,
  /// never an SCB count, so the text must not label it SCB.
  std::int64_t group_population = 0;
  std::int64_t group_members = 0;  ///< members the groups with a population stand for
  std::optional<int> population_year;
  std::vector<member_entry> list;
  /// @brief The members' population, or nothing when some member's is unknown.
  [[nodiscard]] std::optional<std::int64_t> population() const {
    return population_complete ? std::optional<std::int64_t>(known_population) : std::nullopt;
  }
};

/// @brief Seats of one role on a body.
struct seat_group {
  std::string role;
  std::int64_t seats = 0;
  std::int64_t votes = 0;
};

/// @brief A chair: the holder of a chairing seat and the seat's role.
struct chair_entry {
  std::string holder, role;
};

/// @brief A governance body as the profile shows it.
struct body_summary {
  std::string id, name, organisation_id;
  body_kind kind = body_kind::steering_group;
  enum layer layer = layer::executive;
  std::optional<cadence> meetings_per_year;
  std::optional<decision_class_set> mandates;  ///< nothing when the model says it does not know them
  std::optional<decision_rule> rule;
  std::optional<int> staff;
  std::optional<std::int64_t> seats;  ///< nothing when the model lists none and says it does not know them
  std::vector<seat_group> roles;      ///< in first-seen order
  std::vector<chair_entry> chairs;
  std::string note;
  std::vector<std::string> unknown;  ///< what the sources do not give about it
  /// @brief A cadence given while the body's own meetings are declared unknown is the cadence at
  /// which matters reach it (BRO's yearly report to Region Örebro län's committee, L146-149).
  [[nodiscard]] bool cadence_is_reporting() const {
    if (!meetings_per_year) return false;
    return std::any_of(unknown.begin(), unknown.end(), [](const std::string& u) {
      return u == "meetings_per_year" || u.find(" meets") != std::string::npos;
    });
  }
  /// @brief The sources do not name the body that decides ("which regional body decides"): its
  /// kind is the model's placeholder, not a fact.
  [[nodiscard]] bool unnamed() const {
    return std::any_of(unknown.begin(), unknown.end(), [](const std::string& u) {
      return u.rfind("which ", 0) == 0 && u.find("body") != std::string::npos;
    });
  }
  /// @brief An operative team or an official: one unit, so no meetings or seats are expected.
  [[nodiscard]] bool single() const { return kind == body_kind::operative_team || kind == body_kind::official; }
};

/// @brief An escalation line out of a body in scope.
struct escalation_entry {
  std::string from, to;  ///< body ids
  decision_class_set classes;
};

/// @brief Funding rules to the organisation that differ only in their payer, listed once.
struct funding_line {
  std::string purpose;
  funding_basis basis = funding_basis::fixed;
  money amount, rate;             ///< fixed and share_of_total: amount; per_inhabitant: rate (model's meaning)
  share ratio = share::one();     ///< matching; share_of_total: the share all the line's payers carry together
  std::string matches;            ///< matching: the group matched
  int period_years = 1;           ///< share_of_total: years the amount covers
  std::optional<int> year_from, year_to;
  std::vector<std::string> payers;  ///< payer ids
  std::vector<std::string> payer_names;  ///< the same payers' names, for text
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

/// @brief Everything the profile says about one joint organisation.
struct organisation_profile {
  std::string id, name;
  organisation_kind kind = organisation_kind::other;
  std::optional<model_category> category;
  bool can_sign_agreements = true;
  std::optional<bool> can_sign_agreements_stated;  ///< the model's explicit setting, when it has one
  std::vector<related_party> hosts;  ///< affiliations upwards
  std::vector<related_party> owners;
  members_summary members;
  std::vector<std::pair<enum layer, std::vector<body_summary>>> governance;  ///< owner, political, executive, operative
  std::vector<escalation_entry> escalations;
  std::vector<funding_line> funding;
  std::vector<budget_line> budgets;
  std::optional<int> team_size;
  std::vector<std::string> team_bodies;  ///< the bodies whose staff make up team_size
};

/// @brief Why something is a gap: unknown, or a fact assumed or estimated.
enum class gap_status : std::uint8_t { unknown, assumed, estimated };
template <>
struct enum_names<gap_status> {
  static constexpr std::string_view what = "gap status";
  static constexpr std::array<std::string_view, 3> names{"unknown", "assumed", "estimated"};
};

/// @brief Something the model does not know: an unknown field, or a fact that is assumed or
/// estimated. Identical gaps of several elements are listed once.
struct knowledge_gap {
  gap_status status = gap_status::unknown;
  std::string what;
  std::vector<std::string> elements;  ///< e.g. "bodies/bro-management-group"
  std::vector<std::string> labels;    ///< the same elements by name, for reading ("Ledningsgrupp")
};

/// @brief A county or region in a model without a joint organisation (the counties with no IPA).
struct territory_entry {
  std::string id, name, county;
  std::int64_t municipalities = 0;
  std::optional<std::int64_t> population;
};

/// @brief The profile of one model.
struct model_profile {
  std::string model_id, model_name, description, source;
  std::vector<std::string> decision_classes;  ///< the model's class names, by class number
  std::int64_t bodies = 0;                    ///< bodies in the model
  std::vector<organisation_profile> organisations;
  std::vector<territory_entry> territory;  ///< only when the model has no joint organisation
  std::vector<knowledge_gap> gaps;
  std::vector<data::finding> findings;  ///< the study's findings (bundled models only), in file order
};

/// @brief The organisations a model's profile covers: the one whose id is the model's id, and any
/// other with a model category; failing both, every organisation others are members of.
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

namespace detail {
/// @brief How many members an organisation stands for: its `member_count` for an unknown group, else 1.
inline std::int64_t profile_stands_for(const organisation& o) {
  return o.kind == organisation_kind::unknown_group ? o.stands_for() : 1;
}
inline bool profile_says_unknown(const std::vector<std::string>& told, std::string_view what) {
  return std::find(told.begin(), told.end(), what) != told.end();
}
}  // namespace detail

/// @brief The profile of joint organisation `oi` in model `m`. Its governance is the bodies of the
/// organisation, of the organisations it is part of or hosted by, and every body its bodies
/// escalate to; with `all_bodies` (it is the model's only profiled organisation), every body.
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
      p.hosts.push_back({m[a.parent].id, m[a.parent].name, a.kind, {}, std::nullopt, a.source});
      context.insert(a.parent.value);
    }
  for (const auto& w : m.ownerships())
    if (w.owned == oi) p.owners.push_back({m[w.owner].id, m[w.owner].name, std::nullopt, {}, w.equity, w.source});
  // A business area's owners are its company's owners.
  for (const auto& a : m.affiliations())
    if (a.child == oi && a.kind == affiliation_kind::business_area_of)
      for (const auto& w : m.ownerships())
        if (w.owned == a.parent) p.owners.push_back({m[w.owner].id, m[w.owner].name, std::nullopt, m[a.parent].id, w.equity, w.source});

  auto& ms = p.members;
  for (const auto& x : m.memberships()) {
    if (x.organisation != oi) continue;
    const auto& mem = m[x.member];
    member_entry e{mem.id, mem.name, mem.kind, x.kind, detail::profile_stands_for(mem), mem.population, x.source,
                   x.note.rfind("Evidence: public page", 0) == 0};
    ms.count += e.count;
    if (mem.kind != organisation_kind::unknown_group) ++ms.named;
    if (mem.kind == organisation_kind::municipality) ++ms.municipalities;
    if (mem.population) ms.known_population += *mem.population;
    else ms.population_complete = false;
    if (mem.population && mem.kind == organisation_kind::unknown_group) {
      ms.group_population += *mem.population;
      ms.group_members += e.count;
    }
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
    if (!x.mandates.empty() || !detail::profile_says_unknown(x.unknown, "mandates")) s.mandates = x.mandates;
    if (!detail::profile_says_unknown(x.unknown, "seats")) s.seats = 0;
    s.rule = x.rule;
    s.staff = x.staff;
    s.note = x.note;
    s.unknown = x.unknown;
  }
  for (const auto& st : m.seats()) {
    auto& s = summaries[st.body.value];
    // A seat held for an unnamed group stands for its members (SBA's KSO meeting: 26 + 29 KSOs).
    const std::int64_t n = detail::profile_stands_for(m[st.holder]);
    s.seats = s.seats.value_or(0) + n;
    auto it = std::find_if(s.roles.begin(), s.roles.end(), [&](const seat_group& g) { return g.role == st.role; });
    if (it == s.roles.end()) it = s.roles.insert(s.roles.end(), seat_group{st.role, 0, 0});
    it->seats += n;
    it->votes += st.votes;
    if (st.chair) s.chairs.push_back({m[st.holder].id, st.role});
  }
  for (auto l : {layer::owner, layer::political, layer::executive, layer::operative}) {
    std::vector<body_summary> v;
    for (std::size_t b = 0; b < m.bodies().size(); ++b)
      if (in[b] && m.bodies()[b].layer == l) v.push_back(summaries[b]);
    if (!v.empty()) p.governance.emplace_back(l, std::move(v));
  }
  for (const auto& e : m.escalations())
    if (in[e.from.value]) p.escalations.push_back({m[e.from].id, m[e.to].id, e.classes});

  // Team: the operative team's staff, else any body's staff.
  for (int pass = 0; pass < 2 && !p.team_size; ++pass)
    for (std::size_t b = 0; b < m.bodies().size(); ++b) {
      const auto& x = m.bodies()[b];
      if (!in[b] || !x.staff || (pass == 0 && x.kind != body_kind::operative_team)) continue;
      p.team_size = p.team_size.value_or(0) + *x.staff;
      p.team_bodies.push_back(x.id);
    }

  // Funding rules to the organisation, one line per rule that differs in more than its payer; shares
  // of one total (Skaraborg's 3 MSEK over the 49 municipalities of Västra Götaland, each by its
  // population) are one line whose ratio is the share the payers carry together.
  // A named key with a defaulted order: a twelve-element std::tuple costs every includer its
  // recursive comparison templates.
  struct key {
    std::string purpose;
    int basis;
    std::int64_t amount, rate;
    std::string ratio, matches;
    int period_years, year_from, year_to;
    std::string group;
    std::int64_t co_funding_min;
    int source;
    auto operator<=>(const key&) const = default;
  };
  std::map<key, std::size_t> line_of;
  for (const auto& r : m.funding_rules()) {
    if (r.recipient != oi) continue;
    const bool shared = r.basis == funding_basis::share_of_total;
    key k{r.purpose, static_cast<int>(r.basis), r.amount.minor(), r.rate.minor(), shared ? std::string() : r.ratio.str(), r.matches, r.period_years,
          r.year_from.value_or(0), r.year_to.value_or(0), r.group, r.co_funding_min ? r.co_funding_min->minor() : -1,
          static_cast<int>(r.source)};
    auto [it, fresh] = line_of.emplace(k, p.funding.size());
    if (fresh)
      p.funding.push_back({r.purpose, r.basis, r.amount, r.rate, r.ratio, r.matches, r.period_years, r.year_from, r.year_to, {}, {}, {},
                           r.group, r.co_funding_min, r.source});
    if (shared && !fresh) p.funding[it->second].ratio = p.funding[it->second].ratio + r.ratio;
    p.funding[it->second].payers.push_back(m[r.payer].id);
    p.funding[it->second].payer_names.push_back(m[r.payer].name);
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
/// with provenance assumed or estimated, every unknown group, and fields a profile needs but the
/// model leaves out (a body's cadence or seats, a team, funding of a profiled organisation).
inline std::vector<knowledge_gap> knowledge_gaps(const model& m) {
  std::vector<knowledge_gap> gaps;
  std::map<std::pair<gap_status, std::string>, std::size_t> at;
  // Each element by its path (JSON) and by name (text: ids stay in JSON).
  auto add = [&](gap_status status, std::string what, std::string element, std::string label) {
    auto [it, fresh] = at.emplace(std::pair(status, what), gaps.size());
    if (fresh) gaps.push_back({status, std::move(what), {}, {}});
    gaps[it->second].elements.push_back(std::move(element));
    gaps[it->second].labels.push_back(std::move(label));
  };
  auto flagged = [&](provenance p, const std::string& note, const std::string& element, const std::string& label, const char* fallback) {
    if (p == provenance::assumed || p == provenance::estimated)
      add(p == provenance::assumed ? gap_status::assumed : gap_status::estimated, note.empty() ? std::string(fallback) : note, element, label);
  };
  auto unknowns = [&](const std::vector<std::string>& told, const std::string& element, const std::string& label) {
    for (const auto& u : told) add(gap_status::unknown, u, element, label);
  };
  for (const auto& o : m.organisations()) {
    const std::string el = "organizations/" + o.id;
    unknowns(o.unknown, el, o.name);
    flagged(o.source, o.note, el, o.name, "organisation assumed");
    if (o.kind == organisation_kind::unknown_group) {
      const std::string n = o.member_count ? " (" + std::to_string(*o.member_count) + ")" : " (number not given)";
      add(gap_status::unknown, "members of a group the sources do not name", el + n, o.name + n);
    }
  }
  for (const auto& x : m.bodies()) {
    unknowns(x.unknown, "bodies/" + x.id, x.name);
    flagged(x.source, x.note, "bodies/" + x.id, x.name, "body assumed");
  }
  std::vector<std::int64_t> seats(m.bodies().size(), 0);
  for (const auto& s : m.seats()) {
    ++seats[s.body.value];
    flagged(s.source, s.note, "bodies/" + m[s.body].id + "/seats/" + m[s.holder].id, m[s.holder].name + "'s seat on " + m[s.body].name,
            "seat assumed");
  }
  for (std::size_t b = 0; b < m.bodies().size(); ++b) {
    const auto& x = m.bodies()[b];
    const bool single = x.kind == body_kind::operative_team || x.kind == body_kind::official;
    if (!x.meetings_per_year && !single && !detail::profile_says_unknown(x.unknown, "meetings_per_year"))
      add(gap_status::unknown, "meetings_per_year", "bodies/" + x.id, x.name);
    if (seats[b] == 0 && !single && !detail::profile_says_unknown(x.unknown, "seats"))
      add(gap_status::unknown, "seats", "bodies/" + x.id, x.name);
  }
  for (const auto& a : m.affiliations())
    flagged(a.source, a.note, "affiliations/" + m[a.child].id + "→" + m[a.parent].id, m[a.child].name + " in " + m[a.parent].name,
            "affiliation assumed");
  for (const auto& e : m.escalations())
    flagged(e.source, e.note, "escalations/" + m[e.from].id + "→" + m[e.to].id, "line " + m[e.from].name + " → " + m[e.to].name,
            "escalation line assumed");
  for (const auto& w : m.ownerships()) {
    const std::string el = "ownerships/" + m[w.owner].id + "→" + m[w.owned].id;
    const std::string label = m[w.owner].name + " owning " + m[w.owned].name;
    flagged(w.source, w.note, el, label, "ownership assumed");
    if (!w.equity.exact() && w.source == provenance::stated) add(gap_status::unknown, "exact ownership share", el, label);
  }
  for (const auto& r : m.funding_rules()) {
    const std::string label = "funding " + m[r.payer].name + " → " + m[r.recipient].name + (r.purpose.empty() ? "" : " (" + r.purpose + ")");
    unknowns(r.unknown, "funding_rules/" + r.id, label);
    flagged(r.source, r.note, "funding_rules/" + r.id, label, "funding rule assumed");
  }
  for (const auto& x : m.memberships())
    flagged(x.source, x.note, "memberships/" + m[x.member].id + "→" + m[x.organisation].id,
            m[x.member].name + "'s membership of " + m[x.organisation].name, "membership assumed");
  for (const auto& r : m.representations())
    flagged(r.source, r.note, "representations/" + m[r.represented].id + "→" + m[r.representative].id,
            m[r.represented].name + " represented by " + m[r.representative].name, "representation assumed");
  for (const auto& b : m.budgets())
    flagged(b.source, b.note, "budgets/" + m[b.organisation].id + "/" + std::to_string(b.year),
            m[b.organisation].name + "'s figure for " + std::to_string(b.year), "budget figure assumed");
  for (auto oi : profiled_organisations(m)) {
    const auto& o = m[oi];
    const auto p = profile_organisation(m, oi, false);
    const bool funding_said = std::any_of(o.unknown.begin(), o.unknown.end(),
                                          [](const std::string& t) { return t.find("funding") != std::string::npos; });
    if (!p.team_size) add(gap_status::unknown, "team size", "organizations/" + o.id, o.name);
    if (p.funding.empty() && !funding_said) add(gap_status::unknown, "funding rules", "organizations/" + o.id, o.name);
    if (!p.members.population_complete) add(gap_status::unknown, "population of some members", "organizations/" + o.id, o.name);
  }
  return gaps;
}

/// @brief The profile of a model: its joint organisations (or, when it has none, its regions with
/// their municipalities), its gaps, and the study's findings on it as the caller gives them —
/// `data::study_findings(m.info().id)` (data/findings.hpp) for a bundled model.
inline model_profile profile_model(const model& m, std::vector<data::finding> findings = {}) {
  model_profile mp;
  mp.model_id = m.info().id;
  mp.model_name = m.info().name;
  mp.description = m.info().description;
  mp.source = m.info().source;
  mp.decision_classes = m.decision_class_names();
  mp.bodies = static_cast<std::int64_t>(m.bodies().size());
  const auto orgs = profiled_organisations(m);
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
  mp.findings = std::move(findings);
  return mp;
}

}  // namespace orgmodel
