#pragma once
/// @file
/// @brief The rules every model obeys, checked in one place for every input path.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgmodel/core/utf8.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief The calendar years a model may name (budgets, rules, populations, memberships).
inline constexpr int min_year = 1000;
inline constexpr int max_year = 9999;

namespace detail {

/// @brief "/name/i", a JSON Pointer into the model's JSON form.
inline std::string pointer(std::string_view array, std::size_t i) {
  std::string p = "/";
  p += array;
  p += '/';
  p += std::to_string(i);
  return p;
}

/// @brief The JSON Pointer of seat `s`: seats are nested in their bodies in the JSON form.
inline std::string seat_pointer(const model_data& d, std::size_t s) {
  const auto b = d.seats[s].body;
  std::size_t k = 0;
  for (std::size_t j = 0; j < s; ++j) k += d.seats[j].body == b ? 1 : 0;
  return pointer("bodies", b.value) + "/seats/" + std::to_string(k);
}

inline std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// Neither infinite nor NaN (every comparison with NaN is false); <cmath> is a heavy include for one test.
inline bool is_finite(double x) noexcept {
  return x >= -std::numeric_limits<double>::max() && x <= std::numeric_limits<double>::max();
}


/// The position of `name` among sorted distinct `names`, or names.size().
inline std::size_t position_of(const std::vector<std::string_view>& names, std::string_view name) {
  const auto it = std::lower_bound(names.begin(), names.end(), name);
  return it != names.end() && *it == name ? static_cast<std::size_t>(it - names.begin()) : names.size();
}

class model_checker {
 public:
  explicit model_checker(const model_data& d) : d_(d) {}

  id_order run() {
    check_text();
    check_info();
    check_organisations();
    check_bodies();
    check_seats();
    check_affiliations();
    check_escalations();
    check_ownerships();
    check_funding_rules();
    check_memberships();
    check_representations();
    check_budgets();
    return std::move(order_);
  }

 private:
  [[noreturn]] static void fail(error_code c, std::string ptr, std::string_view what) {
    throw invalid_model(c, std::move(ptr), what);
  }

  /// Every text is valid UTF-8, or the model could not be written as JSON. Run first, so that no
  /// later message quotes an invalid string; the string itself is never quoted.
  void check_text() const {
    auto text = [](const std::string& s, const std::string& ptr, std::string_view member) {
      if (!is_valid_utf8(s)) fail(error_code::bad_encoding, ptr + "/" + std::string(member), "text is not valid UTF-8");
    };
    auto unknowns = [&](const std::vector<std::string>& v, const std::string& ptr) {
      for (std::size_t k = 0; k < v.size(); ++k) text(v[k], ptr + "/unknown", std::to_string(k));
    };
    auto extra = [](const extensions& x, const std::string& ptr) {
      for (const auto& [k, v] : x)
        if (!is_valid_utf8(k) || !is_valid_utf8(v))
          fail(error_code::bad_encoding, ptr.empty() ? "/" : ptr, "an unknown member's name or value is not valid UTF-8");
    };
    const auto& i = d_.info;
    for (auto [s, m] : {std::pair{&i.id, "id"}, {&i.name, "name"}, {&i.currency, "currency"},
                        {&i.description, "description"}, {&i.source, "source"}})
      text(*s, "", m);
    for (std::size_t k = 0; k < i.extra_decision_classes.size(); ++k) text(i.extra_decision_classes[k], "/decision_classes", std::to_string(k));
    extra(i.extra, "");
    for (std::size_t k = 0; k < d_.organisations.size(); ++k) {
      const auto& o = d_.organisations[k];
      const auto p = pointer("organizations", k);
      text(o.id, p, "id"), text(o.name, p, "name"), text(o.county, p, "county"), text(o.code, p, "code"), text(o.note, p, "note");
      unknowns(o.unknown, p);
      extra(o.extra, p);
    }
    for (std::size_t k = 0; k < d_.bodies.size(); ++k) {
      const auto& b = d_.bodies[k];
      const auto p = pointer("bodies", k);
      text(b.id, p, "id"), text(b.name, p, "name"), text(b.note, p, "note");
      unknowns(b.unknown, p);
      extra(b.extra, p);
    }
    for (std::size_t k = 0; k < d_.seats.size(); ++k) {
      const auto& s = d_.seats[k];
      bool valid = is_valid_utf8(s.role) && is_valid_utf8(s.note);
      for (const auto& [name, value] : s.extra) valid = valid && is_valid_utf8(name) && is_valid_utf8(value);
      if (valid) continue;  // the pointer costs O(seats): only on failure
      const auto p = s.body.value < d_.bodies.size() ? seat_pointer(d_, k) : "/seats/" + std::to_string(k);
      text(s.role, p, "role"), text(s.note, p, "note");
      extra(s.extra, p);
    }
    auto notes = [&](const auto& v, std::string_view array) {
      for (std::size_t k = 0; k < v.size(); ++k) {
        text(v[k].note, pointer(array, k), "note");
        extra(v[k].extra, pointer(array, k));
      }
    };
    notes(d_.affiliations, "affiliations");
    notes(d_.escalations, "escalations");
    notes(d_.ownerships, "ownerships");
    notes(d_.funding_rules, "funding_rules");
    for (std::size_t k = 0; k < d_.funding_rules.size(); ++k) unknowns(d_.funding_rules[k].unknown, pointer("funding_rules", k));
    notes(d_.memberships, "memberships");
    notes(d_.representations, "representations");
    notes(d_.budgets, "budgets");
    for (std::size_t k = 0; k < d_.funding_rules.size(); ++k) {
      const auto& r = d_.funding_rules[k];
      const auto p = pointer("funding_rules", k);
      text(r.id, p, "id"), text(r.group, p, "group"), text(r.matches, p, "matches"), text(r.purpose, p, "purpose");
    }
    for (std::size_t k = 0; k < d_.representations.size(); ++k) text(d_.representations[k].via, pointer("representations", k), "via");
  }

  /// Years are four-digit calendar years, as the JSON format reads them.
  static void year(std::optional<int> y, const std::string& ptr, std::string_view member) {
    if (y && (*y < min_year || *y > max_year))
      fail(error_code::out_of_range, ptr + "/" + std::string(member),
           "year " + std::to_string(*y) + " is outside " + std::to_string(min_year) + "…" + std::to_string(max_year));
  }

  void check_info() {
    if (d_.info.extra_decision_classes.size() + default_decision_classes.size() > max_decision_classes)
      fail(error_code::out_of_range, "/decision_classes", "a model has at most 64 decision classes");
    // At most 64 names: comparing each with those before it is cheaper than any index.
    const auto& extra = d_.info.extra_decision_classes;
    for (std::size_t i = 0; i < extra.size(); ++i) {
      const auto& c = extra[i];
      if (c.empty()) fail(error_code::out_of_range, pointer("decision_classes", i), "empty decision class name");
      const bool twice = std::find(default_decision_classes.begin(), default_decision_classes.end(), c) != default_decision_classes.end() ||
                         std::find(extra.begin(), extra.begin() + static_cast<std::ptrdiff_t>(i), c) != extra.begin() + static_cast<std::ptrdiff_t>(i);
      if (twice) fail(error_code::duplicate_id, pointer("decision_classes", i), "decision class " + in_quotes(c) + " is defined twice");
    }
    n_classes_ = default_decision_classes.size() + d_.info.extra_decision_classes.size();
  }

  /// The first element, in input order, without an id or with an id an earlier one has. Returns
  /// the positions sorted by id (distinct, as the check passed).
  template <class Entity>
  static std::vector<std::uint32_t> check_ids(const std::vector<Entity>& v, std::string_view array, std::string_view noun) {
    named_positions ids(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) ids[i] = {v[i].id, static_cast<std::uint32_t>(i)};
    check_ids(ids, array, noun);
    std::vector<std::uint32_t> order;
    order.reserve(ids.size());
    for (const auto& id : ids) order.push_back(id.second);
    return order;
  }
  /// Sorts `ids` by name.
  static void check_ids(named_positions& ids, std::string_view array, std::string_view noun) {
    std::size_t empty = ids.size();
    for (std::size_t i = 0; i < ids.size() && empty == ids.size(); ++i)
      if (ids[i].first.empty()) empty = i;
    sort_by_name(ids);
    // In each run of one id, the second element is that id's earliest repetition.
    std::size_t again = ids.size(), first = 0;
    std::string_view id;
    for (std::size_t k = 0; k < ids.size();) {
      std::size_t end = k + 1;
      while (end < ids.size() && ids[end].first == ids[k].first) ++end;
      if (end - k > 1 && !ids[k].first.empty() && ids[k + 1].second < again)
        again = ids[k + 1].second, first = ids[k].second, id = ids[k].first;
      k = end;
    }
    if (empty < again) fail(error_code::missing_member, pointer(array, empty) + "/id", std::string(noun) + " without an id");
    if (again < ids.size())
      fail(error_code::duplicate_id, pointer(array, again) + "/id",
           "duplicate " + std::string(noun) + " id " + in_quotes(id) + " (first at " + pointer(array, first) + ")");
  }

  void org_ref(organisation_index o, const std::string& ptr, std::string_view member) const {
    if (o.value >= d_.organisations.size())
      fail(error_code::dangling_reference, ptr + "/" + std::string(member),
           "refers to organisation #" + std::to_string(o.value) + ", which does not exist");
  }
  void body_ref(body_index b, const std::string& ptr, std::string_view member) const {
    if (b.value >= d_.bodies.size())
      fail(error_code::dangling_reference, ptr + "/" + std::string(member),
           "refers to body #" + std::to_string(b.value) + ", which does not exist");
  }
  static void non_negative(money m, const std::string& ptr, std::string_view member) {
    if (m.minor() < 0) fail(error_code::out_of_range, ptr + "/" + std::string(member), "amount " + m.str() + " is negative");
  }
  static void share_in_unit(const share_range& r, const std::string& ptr, std::string_view member) {
    if (r.low.numerator() < 0 || r.high < r.low || share::one() < r.high)
      fail(error_code::out_of_range, ptr + "/" + std::string(member),
           "share range " + r.low.str() + "–" + r.high.str() + " is not within 0–1");
  }
  void classes_known(decision_class_set s, const std::string& ptr, std::string_view member) const {
    if (s.is_all() || n_classes_ >= 64) return;
    if (s.bits() >> n_classes_)
      fail(error_code::unknown_value, ptr + "/" + std::string(member), "names a decision class the model does not define");
  }

  void check_organisations() {
    order_.organisations = check_ids(d_.organisations, "organizations", "organisation");
    for (std::size_t i = 0; i < d_.organisations.size(); ++i) {
      const auto& o = d_.organisations[i];
      if (o.population && *o.population < 0)
        fail(error_code::out_of_range, pointer("organizations", i) + "/population", "population is negative");
      year(o.population_year, pointer("organizations", i), "population_year");
    }
  }

  void check_bodies() {
    order_.bodies = check_ids(d_.bodies, "bodies", "body");
    for (std::size_t i = 0; i < d_.bodies.size(); ++i) {
      const auto& b = d_.bodies[i];
      const auto p = pointer("bodies", i);
      org_ref(b.organisation, p, "organization_id");
      if (b.meetings_per_year) {
        const auto& c = *b.meetings_per_year;
        if (!(c.low > 0) || !(c.high >= c.low) || !is_finite(c.high))
          fail(error_code::out_of_range, p + "/meetings_per_year", "meetings per year must be positive and low ≤ high");
      }
      classes_known(b.mandates, p, "mandates");
      if (b.quota && (b.quota->numerator() <= 0 || share::one() < *b.quota))
        fail(error_code::out_of_range, p + "/quota", "quota " + b.quota->str() + " is not within (0, 1]");
      for (std::size_t r = 0; r < b.majorities.size(); ++r)
        if (b.majorities[r].at_least.numerator() <= 0 || share::one() < b.majorities[r].at_least)
          fail(error_code::out_of_range, p + "/majorities/" + std::to_string(r) + "/at_least",
               "required majority " + b.majorities[r].at_least.str() + " is not within (0, 1]");
      if (b.blocking_minority && (*b.blocking_minority < 1 || b.majorities.empty()))
        fail(error_code::out_of_range, p + "/blocking_minority", "a blocking minority needs at least one member and required majorities");
      if (b.staff && *b.staff < 0) fail(error_code::out_of_range, p + "/staff", "staff is negative");
    }
  }

  void check_seats() {
    for (std::size_t i = 0; i < d_.seats.size(); ++i) {
      const auto& s = d_.seats[i];
      if (s.body.value >= d_.bodies.size())
        fail(error_code::dangling_reference, "/seats/" + std::to_string(i) + "/body",
             "seat on body #" + std::to_string(s.body.value) + ", which does not exist");
      // The pointer costs O(seats) to compute: only on failure, or validation is quadratic.
      if (s.holder.value >= d_.organisations.size()) org_ref(s.holder, seat_pointer(d_, i), "on_behalf_of_id");
      if (s.votes < 0) fail(error_code::out_of_range, seat_pointer(d_, i) + "/votes", "votes are negative");
    }
  }

  void check_affiliations() {
    for (std::size_t i = 0; i < d_.affiliations.size(); ++i) {
      const auto& a = d_.affiliations[i];
      const auto p = pointer("affiliations", i);
      org_ref(a.child, p, "organization_id");
      org_ref(a.parent, p, "parent_id");
      if (a.child == a.parent) fail(error_code::self_reference, p, "an organisation cannot be part of itself");
    }
  }

  void check_escalations() {
    for (std::size_t i = 0; i < d_.escalations.size(); ++i) {
      const auto& e = d_.escalations[i];
      const auto p = pointer("escalations", i);
      body_ref(e.from, p, "from_id");
      body_ref(e.to, p, "to_id");
      if (e.from == e.to) fail(error_code::self_reference, p, "an escalation line from a body to itself");
      if (!(e.preparation_days >= 0) || !is_finite(e.preparation_days))
        fail(error_code::out_of_range, p + "/preparation_days", "preparation lag must be a finite number ≥ 0");
      classes_known(e.classes, p, "decision_classes");
      if (e.classes.empty()) fail(error_code::out_of_range, p + "/decision_classes", "an escalation line for no decision class");
    }
    check_escalation_cycles();
  }

  /// Kahn's algorithm on the lines carrying one class; the usual acyclic case needs one pass.
  [[nodiscard]] std::optional<std::size_t> cyclic_line(decision_class_set filter) const {
    const std::size_t n = d_.bodies.size();
    std::vector<std::uint32_t> start(n + 1, 0), indeg(n, 0);
    auto carries = [&](const escalation& e) { return !(e.classes & filter).empty(); };
    for (const auto& e : d_.escalations)
      if (carries(e)) ++start[e.from.value + 1], ++indeg[e.to.value];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<std::uint32_t> target(start[n]), line(start[n]), fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < d_.escalations.size(); ++i) {
      const auto& e = d_.escalations[i];
      if (!carries(e)) continue;
      auto k = fill[e.from.value]++;
      target[k] = e.to.value;
      line[k] = static_cast<std::uint32_t>(i);
    }
    std::vector<std::uint32_t> queue;
    for (std::uint32_t v = 0; v < n; ++v)
      if (indeg[v] == 0) queue.push_back(v);
    for (std::size_t q = 0; q < queue.size(); ++q)
      for (auto k = start[queue[q]]; k < start[queue[q] + 1]; ++k)
        if (--indeg[target[k]] == 0) queue.push_back(target[k]);
    if (queue.size() == n) return std::nullopt;
    // Bodies left with indeg > 0 lie on a cycle or downstream of one, and each has a predecessor
    // that is also left. Walking back along such predecessors n times must end on a cycle; the
    // line into that body is then a line of the cycle (not one merely leading into it).
    std::vector<std::uint32_t> pred_line(n, UINT32_MAX), pred(n, 0);
    for (std::uint32_t v = 0; v < n; ++v)
      for (auto k = start[v]; k < start[v + 1]; ++k)
        if (indeg[v] > 0 && indeg[target[k]] > 0) pred_line[target[k]] = line[k], pred[target[k]] = v;
    std::uint32_t v = 0;
    while (indeg[v] == 0) ++v;
    for (std::size_t step = 0; step < n; ++step) v = pred[v];
    // Report the cycle's first line in input order, so the message does not depend on the walk.
    std::uint32_t first = pred_line[v];
    for (auto u = pred[v]; u != v; u = pred[u]) first = std::min(first, pred_line[u]);
    return first;
  }

  void check_escalation_cycles() const {
    if (d_.escalations.empty() || !cyclic_line(decision_class_set::all())) return;
    for (std::size_t c = 0; c < n_classes_; ++c) {
      decision_class_set only;
      only.insert(static_cast<decision_class>(c));
      if (auto i = cyclic_line(only)) {
        const auto& e = d_.escalations[*i];
        fail(error_code::cycle, pointer("escalations", *i),
             "escalation lines for \"" + (c < default_decision_classes.size()
                                               ? std::string(default_decision_classes[c])
                                               : d_.info.extra_decision_classes[c - default_decision_classes.size()]) +
                 "\" form a cycle through body " + in_quotes(d_.bodies[e.from.value].id));
      }
    }
  }

  void check_ownerships() {
    // Running equity and vote totals per owned organisation, in input order (slot: its row).
    std::vector<std::uint32_t> slot(d_.organisations.size(), UINT32_MAX);
    std::vector<std::pair<share, share>> totals;
    for (std::size_t i = 0; i < d_.ownerships.size(); ++i) {
      const auto& o = d_.ownerships[i];
      const auto p = pointer("ownerships", i);
      org_ref(o.owner, p, "owner_id");
      org_ref(o.owned, p, "organization_id");
      if (o.owner == o.owned) fail(error_code::self_reference, p, "an organisation cannot own itself directly");
      share_in_unit(o.equity, p, "share");
      share_in_unit(o.votes, p, "voting_share");
      if (slot[o.owned.value] == UINT32_MAX) slot[o.owned.value] = static_cast<std::uint32_t>(totals.size()), totals.emplace_back();
      auto& [eq, vo] = totals[slot[o.owned.value]];
      eq = eq + o.equity.low;
      vo = vo + o.votes.low;
      if (share::one() < eq)
        fail(error_code::over_allocated, p + "/share",
             "owners of " + in_quotes(d_.organisations[o.owned.value].id) + " hold at least " + eq.str() + " of its equity, more than 100 %");
      if (share::one() < vo)
        fail(error_code::over_allocated, p + "/voting_share",
             "owners of " + in_quotes(d_.organisations[o.owned.value].id) + " hold at least " + vo.str() + " of its votes, more than 100 %");
    }
  }

  void check_funding_rules() {
    check_ids(d_.funding_rules, "funding_rules", "funding rule");
    // The groups rules belong to, sorted and distinct, so that a group is a number below.
    std::vector<std::string_view> groups;
    {
      named_positions named;
      for (const auto& r : d_.funding_rules)
        if (!r.group.empty()) named.emplace_back(r.group, 0);
      sort_by_name(named);
      for (const auto& [g, _] : named)
        if (groups.empty() || groups.back() != g) groups.push_back(g);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> matches;  // (group, group it matches)
    for (std::size_t i = 0; i < d_.funding_rules.size(); ++i) {
      const auto& r = d_.funding_rules[i];
      const auto p = pointer("funding_rules", i);
      org_ref(r.payer, p, "payer_id");
      org_ref(r.recipient, p, "recipient_id");
      if (r.payer == r.recipient) fail(error_code::self_reference, p, "a funding rule from an organisation to itself");
      non_negative(r.amount, p, "amount");
      non_negative(r.rate, p, "rate");
      if (r.cap) non_negative(*r.cap, p, "cap");
      if (r.floor) non_negative(*r.floor, p, "floor");
      if (r.co_funding_min) non_negative(*r.co_funding_min, p, "co_funding_min");
      if (r.cap && r.floor && *r.cap < *r.floor) fail(error_code::out_of_range, p + "/cap", "cap below floor");
      if (r.ratio.numerator() < 0) fail(error_code::out_of_range, p + "/ratio", "ratio is negative");
      if (r.basis == funding_basis::share_of_total && share::one() < r.ratio)
        fail(error_code::out_of_range, p + "/ratio", "a share of a total above 100 %");
      year(r.year_from, p, "year_from");
      year(r.year_to, p, "year_to");
      if (r.period_years < 1) fail(error_code::out_of_range, p + "/period_years", "period must be at least one year");
      if (r.year_from && r.year_to && *r.year_to < *r.year_from)
        fail(error_code::out_of_range, p + "/year_to", "year_to before year_from");
      if (r.basis == funding_basis::matching) {
        if (r.matches.empty()) fail(error_code::missing_member, p + "/matches", "a matching rule must name the group it matches");
        const auto target = position_of(groups, r.matches);
        if (target == groups.size())
          fail(error_code::dangling_reference, p + "/matches", "no funding rule is in group " + in_quotes(r.matches));
        // A rule outside every group matches, but nothing can match it back: it lies on no cycle.
        if (!r.group.empty()) matches.emplace_back(static_cast<std::uint32_t>(position_of(groups, r.group)), static_cast<std::uint32_t>(target));
      }
    }
    check_matching_cycles(groups, matches);
  }

  /// A group that (through matching) matches itself would have no finite flow: depth-first search
  /// over the groups in name order, the lines of each in rule order.
  static void check_matching_cycles(const std::vector<std::string_view>& groups,
                                    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& matches) {
    if (matches.empty()) return;
    const std::size_t n = groups.size();
    std::vector<std::uint32_t> start(n + 1, 0), target(matches.size());
    for (const auto& [from, to] : matches) ++start[from + 1];
    for (std::size_t g = 0; g < n; ++g) start[g + 1] += start[g];
    {
      std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
      for (const auto& [from, to] : matches) target[fill[from]++] = to;
    }
    enum : std::uint8_t { unseen, on_stack, done };
    std::vector<std::uint8_t> state(n, unseen);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // (group, next line)
    for (std::uint32_t root = 0; root < n; ++root) {
      if (state[root] != unseen) continue;
      state[root] = on_stack;
      stack.emplace_back(root, start[root]);
      while (!stack.empty()) {
        auto& [g, next] = stack.back();
        if (next == start[g + 1]) {
          state[g] = done;
          stack.pop_back();
          continue;
        }
        const auto m = target[next++];
        if (state[m] == on_stack)
          fail(error_code::cycle, "/funding_rules", "matching rules form a cycle through group " + in_quotes(groups[m]));
        if (state[m] == unseen) state[m] = on_stack, stack.emplace_back(m, start[m]);
      }
    }
  }

  void check_memberships() {
    for (std::size_t i = 0; i < d_.memberships.size(); ++i) {
      const auto& m = d_.memberships[i];
      const auto p = pointer("memberships", i);
      org_ref(m.member, p, "member_id");
      org_ref(m.organisation, p, "organization_id");
      if (m.member == m.organisation) fail(error_code::self_reference, p, "an organisation cannot be a member of itself");
      year(m.since, p, "since");
    }
  }

  void check_representations() {
    for (std::size_t i = 0; i < d_.representations.size(); ++i) {
      const auto& r = d_.representations[i];
      const auto p = pointer("representations", i);
      org_ref(r.represented, p, "represented_id");
      org_ref(r.representative, p, "representative_id");
      if (r.body.valid()) body_ref(r.body, p, "body_id");
      if (r.represented == r.representative) fail(error_code::self_reference, p, "an organisation represented by itself");
    }
  }

  void check_budgets() {
    for (std::size_t i = 0; i < d_.budgets.size(); ++i) {
      const auto& b = d_.budgets[i];
      const auto p = pointer("budgets", i);
      org_ref(b.organisation, p, "organization_id");
      non_negative(b.amount, p, "amount");
      year(b.year, p, "year");
    }
  }

  const model_data& d_;
  id_order order_;
  std::size_t n_classes_ = default_decision_classes.size();
};

}  // namespace detail

inline void validate(const model_data& d) { (void)detail::model_checker(d).run(); }

namespace detail {
inline id_order validate_and_order(const model_data& d) { return model_checker(d).run(); }
}  // namespace detail

}  // namespace orgmodel
