// Property tests on seeded random models and set systems, against brute-force references that
// share no code with the library: fixpoint iterations instead of breadth-first walks, full scans
// instead of compressed rows, and enumeration of every subset instead of branch and bound.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <random>
#include <set>
#include <vector>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {

om::model random_model(std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<std::uint32_t>(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  const int n_orgs = 6 + static_cast<int>(pick(10));
  const int n_bodies = 1 + static_cast<int>(pick(12));
  om::model_builder b("r", "Random");
  for (int i = 0; i < n_orgs; ++i) {
    om::organisation o{.id = "o" + std::to_string(i), .name = "O" + std::to_string(i)};
    o.kind = chance(0.2) ? om::organisation_kind::municipal_association : om::organisation_kind::municipality;
    if (!chance(0.15)) o.population = static_cast<std::int64_t>(pick(100000));
    b.add_organisation(std::move(o));
  }
  const std::array kinds{om::body_kind::board, om::body_kind::steering_group, om::body_kind::reference_group,
                         om::body_kind::operative_team, om::body_kind::owners_meeting, om::body_kind::network};
  for (int i = 0; i < n_bodies; ++i) {
    om::body bd{.id = "b" + std::to_string(i), .name = "B" + std::to_string(i)};
    bd.kind = kinds[pick(kinds.size())];
    bd.layer = static_cast<om::layer>(pick(4));
    bd.organisation = om::organisation_index(pick(std::min(n_orgs, 4)));  // bodies concentrate on a few orgs
    if (chance(0.2)) bd.mandates.insert(om::decision_class(0));
    b.add_body(std::move(bd));
  }
  const int n_seats = static_cast<int>(pick(3 * n_bodies + 1));
  for (int i = 0; i < n_seats; ++i)
    b.add_seat({.body = om::body_index(pick(n_bodies)), .holder = om::organisation_index(pick(n_orgs)),
                .votes = chance(0.2) ? 0 : 1 + pick(3)});
  for (int i = 0; i < n_orgs; ++i)  // affiliations point to lower indices: no cycles
    if (i > 0 && chance(0.3))
      b.add_affiliation({.child = om::organisation_index(static_cast<std::uint32_t>(i)), .parent = om::organisation_index(pick(i)),
                         .kind = static_cast<om::affiliation_kind>(pick(3))});
  for (int i = 0; i < n_bodies; ++i)
    for (int k = i + 1; k < n_bodies; ++k)
      if (chance(0.15)) b.add_escalation({.from = om::body_index(static_cast<std::uint32_t>(i)), .to = om::body_index(static_cast<std::uint32_t>(k))});
  for (int i = 0; i < 2 * n_orgs; ++i) {
    auto x = pick(n_orgs), y = pick(n_orgs);
    if (x != y) b.add_membership({.member = om::organisation_index(x), .organisation = om::organisation_index(y),
                                  .kind = chance(0.3) ? om::membership_kind::served : om::membership_kind::member});
  }
  for (int i = 0; i < n_orgs; ++i) {
    auto x = pick(n_orgs), y = pick(n_orgs);
    if (x != y) b.add_representation({.represented = om::organisation_index(x), .representative = om::organisation_index(y),
                                      .body = chance(0.4) ? om::body_index(pick(n_bodies)) : om::body_index()});
  }
  for (int i = 0; i < 3; ++i) {
    auto x = pick(n_orgs), y = pick(n_orgs);
    if (x != y) b.add_ownership({.owner = om::organisation_index(x), .owned = om::organisation_index(y),
                                 .equity = om::share_range(*om::share::parse("1/10"))});
  }
  for (int i = 0; i < n_orgs; ++i) {
    auto x = pick(n_orgs), y = pick(n_orgs);
    if (x != y) b.add_funding_rule({.id = "f" + std::to_string(i), .payer = om::organisation_index(x), .recipient = om::organisation_index(y)});
  }
  return std::move(b).build();
}

/// The definition, by a plain scan: mandates decide; else a forum whose seats all carry no vote
/// does not; else every kind but the advisory and executing ones.
bool decides(const om::model& m, om::body_index bi) {
  const auto& b = m[bi];
  if (!b.mandates.empty()) return true;
  std::size_t seats = 0, voting = 0;
  for (const auto& s : m.seats())
    if (s.body == bi) ++seats, voting += s.votes > 0 ? 1 : 0;
  if (seats > 0 && voting == 0) return false;
  return b.kind != om::body_kind::reference_group && b.kind != om::body_kind::network && b.kind != om::body_kind::operative_team;
}

/// Governance bodies by fixpoint iteration (scope `escalation`).
std::set<std::uint32_t> brute_governance(const om::model& m, std::uint32_t subject) {
  const auto nb = m.bodies().size();
  std::set<std::uint32_t> parents;
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& a : m.affiliations()) {
      if (a.kind == om::affiliation_kind::hosted_by) continue;
      if ((a.child.value == subject || parents.contains(a.child.value)) && a.parent.value != subject &&
          parents.insert(a.parent.value).second)
        changed = true;
    }
  }
  std::set<std::uint32_t> gov;
  for (std::uint32_t b = 0; b < nb; ++b)
    if (m.bodies()[b].organisation.value == subject) gov.insert(b);
  if (parents.empty()) return gov;
  if (gov.empty())
    for (const auto& a : m.affiliations())
      if (a.child.value == subject && a.kind != om::affiliation_kind::hosted_by) {
        for (std::uint32_t b = 0; b < nb; ++b)
          if (m.bodies()[b].organisation == a.parent) gov.insert(b);
        break;
      }
  std::set<std::uint32_t> reach = gov;
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& e : m.escalations())
      if (reach.contains(e.from.value) && reach.insert(e.to.value).second) changed = true;
  }
  for (auto b : reach)
    if (parents.contains(m.bodies()[b].organisation.value)) gov.insert(b);
  return gov;
}

struct brute_presence {
  std::array<bool, 4> direct{}, delegated{};
  bool decision_direct = false, decision_delegated = false;
};

brute_presence brute(const om::model& m, std::uint32_t subject, const std::set<std::uint32_t>& gov, std::uint32_t s) {
  brute_presence p;
  for (const auto& st : m.seats())
    if (st.holder.value == s && gov.contains(st.body.value)) {
      p.direct[static_cast<std::size_t>(m[st.body].layer)] = true;
      if (decides(m, st.body)) p.decision_direct = true;
    }
  for (const auto& o : m.ownerships())
    if (o.owner.value == s && o.owned.value == subject) p.direct[3] = true;
  // Delegation states (org, only body or invalid) by fixpoint.
  const std::uint32_t any = om::body_index::invalid_value;
  std::set<std::pair<std::uint32_t, std::uint32_t>> states{{s, any}};
  for (bool changed = true; changed;) {
    changed = false;
    auto snapshot = states;
    for (auto [v, f] : snapshot) {
      for (const auto& r : m.representations()) {
        if (r.represented.value != v) continue;
        if (f != any && r.body.valid() && r.body.value != f) continue;
        changed |= states.insert({r.representative.value, f != any ? f : r.body.value}).second;
      }
      for (const auto& ms : m.memberships())
        if (ms.member.value == v && m[ms.organisation].kind == om::organisation_kind::municipal_association)
          changed |= states.insert({ms.organisation.value, f}).second;
    }
  }
  for (auto [v, f] : states) {
    if (v == s) continue;
    for (const auto& st : m.seats()) {
      if (st.holder.value != v || !gov.contains(st.body.value) || (f != any && st.body.value != f)) continue;
      const auto l = static_cast<std::size_t>(m[st.body].layer);
      if (!p.direct[l]) p.delegated[l] = true;
      if (!p.decision_direct && decides(m, st.body)) p.decision_delegated = true;
    }
  }
  return p;
}

}  // namespace

TEST(CoverageProperty, MatchesBruteForceOnRandomModels) {
  std::mt19937 rng(20240611);
  std::size_t checked = 0;
  for (int round = 0; round < 300; ++round) {
    const auto m = random_model(rng);
    const auto all = om::coverage_of_all(m);
    std::size_t subject_pos = 0;
    for (std::uint32_t subject = 0; subject < m.organisations().size(); ++subject) {
      const auto r = om::coverage(m, {.subject = om::organisation_index(subject), .source = om::stakeholder_source::members});
      const auto gov = brute_governance(m, subject);
      std::set<std::uint32_t> got;
      for (const auto& g : r.bodies) got.insert(g.body.value);
      ASSERT_EQ(got, gov) << "round " << round << " subject " << subject;
      std::set<std::uint32_t> members;
      for (const auto& ms : m.memberships())
        if (ms.organisation.value == subject && ms.kind == om::membership_kind::member) members.insert(ms.member.value);
      ASSERT_EQ(r.stakeholders.size(), members.size());
      std::array<std::size_t, 4> direct{}, delegated{};
      std::array<std::int64_t, 4> pop_direct{};
      std::size_t dec = 0;
      for (const auto& sc : r.stakeholders) {
        const auto p = brute(m, subject, gov, sc.stakeholder.value);
        for (std::size_t l = 0; l < 4; ++l) {
          ASSERT_EQ(sc.layers[l].direct(), p.direct[l]) << "round " << round << " layer " << l;
          ASSERT_EQ(sc.layers[l].delegated, p.delegated[l]) << "round " << round << " layer " << l;
          direct[l] += p.direct[l];
          delegated[l] += p.delegated[l];
          if (p.direct[l]) pop_direct[l] += m[sc.stakeholder].population.value_or(0);
          if (sc.layers[l].delegated) {  // the chain is real: consecutive links ending at a seat holder
            const auto& c = sc.layers[l].chain;
            ASSERT_FALSE(c.empty());
            EXPECT_EQ(c.front().from, sc.stakeholder);
            for (std::size_t k = 1; k < c.size(); ++k) EXPECT_EQ(c[k].from, c[k - 1].to);
          }
        }
        ASSERT_EQ(sc.decision_seats > 0, p.decision_direct);
        ASSERT_EQ(sc.delegated_decision, p.decision_delegated);
        dec += p.decision_direct;
        ++checked;
      }
      for (std::size_t l = 0; l < 4; ++l) {
        EXPECT_EQ(r.by_layer[l].direct, direct[l]);
        EXPECT_EQ(r.by_layer[l].delegated, delegated[l]);
        EXPECT_EQ(r.by_layer[l].population_direct, pop_direct[l]);
      }
      EXPECT_EQ(r.decision.direct, dec);
      // The bulk computation agrees with the per-subject one.
      if (!r.stakeholders.empty()) {
        ASSERT_LT(subject_pos, all.subjects.size());
        ASSERT_EQ(all.subjects[subject_pos].value, subject);
        for (std::size_t i = 0; i < r.stakeholders.size(); ++i) {
          const auto k = all.offsets[subject_pos] + i;
          const auto& sc = r.stakeholders[i];
          ASSERT_EQ(all.stakeholders[k], sc.stakeholder);
          for (std::size_t l = 0; l < 4; ++l) {
            EXPECT_EQ(((all.direct[k] >> l) & 1) != 0, sc.layers[l].direct());
            EXPECT_EQ(((all.delegated[k] >> l) & 1) != 0, sc.layers[l].delegated);
          }
          EXPECT_EQ((all.direct[k] & 16) != 0, sc.decision_seats > 0);
          EXPECT_EQ((all.delegated[k] & 16) != 0, sc.delegated_decision);
        }
        ++subject_pos;
      }
      // Minimum cover: exact equals the smallest subset of candidate bodies found by enumeration.
      const auto cov = om::minimum_cover(m, r);
      if (cov.candidates.size() <= 14) {
        std::vector<std::uint64_t> mask(cov.candidates.size(), 0);
        std::uint64_t coverable = 0;
        for (std::size_t k = 0; k < cov.candidates.size(); ++k)
          for (std::size_t i = 0; i < r.stakeholders.size(); ++i)
            for (const auto& st : m.seats())
              if (st.body == cov.candidates[k] && st.holder == r.stakeholders[i].stakeholder) mask[k] |= std::uint64_t{1} << i;
        for (auto x : mask) coverable |= x;
        std::size_t best = cov.candidates.size() + 1;
        for (std::uint64_t sub = 0; sub < (std::uint64_t{1} << cov.candidates.size()); ++sub) {
          std::uint64_t u = 0;
          for (std::size_t k = 0; k < cov.candidates.size(); ++k)
            if ((sub >> k) & 1) u |= mask[k];
          if (u == coverable) best = std::min<std::size_t>(best, static_cast<std::size_t>(std::popcount(sub)));
        }
        EXPECT_EQ(cov.search.method, om::cover_method::exact);
        EXPECT_EQ(cov.bodies.size(), best) << "round " << round;
        EXPECT_EQ(cov.unreachable.size(), r.stakeholders.size() - static_cast<std::size_t>(std::popcount(coverable)));
      }
    }
  }
  EXPECT_GT(checked, 1000u);
}

TEST(SetCoverProperty, ExactEqualsEnumerationGreedyWithinBound) {
  std::mt19937 rng(7);
  for (int round = 0; round < 400; ++round) {
    const auto n_el = static_cast<std::uint32_t>(std::uniform_int_distribution<int>(1, 24)(rng));
    const auto n_sets = std::uniform_int_distribution<int>(1, 13)(rng);
    om::set_system s;
    s.elements = n_el;
    std::vector<std::uint64_t> masks;
    for (int i = 0; i < n_sets; ++i) {
      std::uint64_t mk = 0;
      for (std::uint32_t e = 0; e < n_el; ++e)
        if (std::bernoulli_distribution(0.25)(rng)) mk |= std::uint64_t{1} << e, s.members.push_back(e);
      s.offsets.push_back(static_cast<std::uint32_t>(s.members.size()));
      masks.push_back(mk);
    }
    std::uint64_t coverable = 0;
    for (auto x : masks) coverable |= x;
    std::size_t best = 99, d = 0;
    for (auto x : masks) d = std::max<std::size_t>(d, static_cast<std::size_t>(std::popcount(x)));
    for (std::uint64_t sub = 0; sub < (std::uint64_t{1} << n_sets); ++sub) {
      std::uint64_t u = 0;
      for (int k = 0; k < n_sets; ++k)
        if ((sub >> k) & 1) u |= masks[static_cast<std::size_t>(k)];
      if (u == coverable) best = std::min<std::size_t>(best, static_cast<std::size_t>(std::popcount(sub)));
    }
    const auto exact = om::solve_set_cover(s);
    ASSERT_EQ(exact.method, om::cover_method::exact);
    ASSERT_EQ(exact.sets.size(), best) << "round " << round;
    std::uint64_t u = 0;
    for (auto k : exact.sets) u |= masks[k];
    EXPECT_EQ(u, coverable);
    EXPECT_EQ(exact.uncoverable.size(), n_el - static_cast<std::size_t>(std::popcount(coverable)));
    const auto greedy = om::solve_set_cover(s, {.greedy_only = true});
    EXPECT_EQ(greedy.method, coverable ? om::cover_method::greedy : om::cover_method::exact);
    u = 0;
    for (auto k : greedy.sets) u |= masks[k];
    EXPECT_EQ(u, coverable);
    if (coverable) {
      EXPECT_NEAR(greedy.approximation_bound, om::harmonic(d), 1e-12);
      EXPECT_LE(static_cast<double>(greedy.sets.size()), greedy.approximation_bound * static_cast<double>(best) + 1e-9);
      EXPECT_LE(greedy.lower_bound, best);
      EXPECT_GE(greedy.sets.size(), best);
    }
  }
}

TEST(SetCover, GreedyBoundOnTheClassicBadInstanceAndErrors) {
  // Elements 0..13; two "halves" {0..6} and {7..13} cover all (optimum 2); greedy picks the
  // 8-element set {0..3, 7..10}, then {4,5,11,12}, then {6,13}: 3 sets, within H(8) ≈ 2.718 × 2.
  om::set_system s;
  s.elements = 14;
  auto add = [&](std::vector<std::uint32_t> v) {
    for (auto e : v) s.members.push_back(e);
    s.offsets.push_back(static_cast<std::uint32_t>(s.members.size()));
  };
  add({0, 1, 2, 3, 4, 5, 6});
  add({7, 8, 9, 10, 11, 12, 13});
  add({0, 1, 2, 3, 7, 8, 9, 10});
  add({4, 5, 11, 12});
  add({6, 13});
  const auto g = om::solve_set_cover(s, {.greedy_only = true});
  EXPECT_EQ(g.sets, (std::vector<std::uint32_t>{2, 3, 4}));
  EXPECT_NEAR(g.approximation_bound, 761.0 / 280.0, 1e-12);  // H(8) = 761/280
  EXPECT_EQ(g.lower_bound, 2u);                                // ⌈14/8⌉ = 2, ⌈3/2.718⌉ = 2
  const auto e = om::solve_set_cover(s);
  EXPECT_EQ(e.sets, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(e.lower_bound, 2u);
  om::set_system bad = s;
  bad.members[0] = 99;
  EXPECT_THROW((void)om::solve_set_cover(bad), om::invalid_model);
  bad = s;
  bad.members[1] = bad.members[0];
  EXPECT_THROW((void)om::solve_set_cover(bad), om::invalid_model);
}

// coverage_network prepared once and used for several coverage_of_all calls: each call's masks
// and totals equal the brute force, pair by pair, and a later call is not changed by the scratch
// an earlier one left (the network holds none).
TEST(CoverageProperty, PreparedNetworkMatchesBruteForceCallAfterCall) {
  std::mt19937 rng(20261202);
  std::size_t pairs = 0, delegated_pairs = 0;
  for (int round = 0; round < 200; ++round) {
    const auto m = random_model(rng);
    const om::coverage_network net(m);
    const auto first = om::coverage_of_all(net);
    const auto second = om::coverage_of_all(net, {.source = om::stakeholder_source::served});
    const auto third = om::coverage_of_all(net);
    ASSERT_EQ(third.stakeholders, first.stakeholders) << "round " << round;
    ASSERT_EQ(third.direct, first.direct) << "round " << round;
    ASSERT_EQ(third.delegated, first.delegated) << "round " << round;
    for (const auto* all : {&first, &second}) {
      const bool served = all == &second;
      std::array<std::size_t, 4> direct{}, delegated{};
      std::array<std::int64_t, 4> pop_direct{};
      std::size_t k = 0;
      for (std::uint32_t subject = 0; subject < m.organisations().size(); ++subject) {
        std::vector<std::uint32_t> want;  // members (or every served organisation), first mention first
        for (const auto& ms : m.memberships())
          if (ms.organisation.value == subject && (served || ms.kind == om::membership_kind::member) &&
              ms.member.value != subject && std::find(want.begin(), want.end(), ms.member.value) == want.end())
            want.push_back(ms.member.value);
        if (want.empty()) continue;
        const auto gov = brute_governance(m, subject);
        for (auto s : want) {
          ASSERT_LT(k, all->stakeholders.size()) << "round " << round;
          ASSERT_EQ(all->stakeholders[k].value, s) << "round " << round << " subject " << subject;
          const auto p = brute(m, subject, gov, s);
          for (std::size_t l = 0; l < 4; ++l) {
            ASSERT_EQ(((all->direct[k] >> l) & 1) != 0, p.direct[l]) << "round " << round << " layer " << l;
            ASSERT_EQ(((all->delegated[k] >> l) & 1) != 0, p.delegated[l]) << "round " << round << " layer " << l;
            direct[l] += p.direct[l];
            delegated[l] += p.delegated[l];
            if (p.direct[l]) pop_direct[l] += m[om::organisation_index(s)].population.value_or(0);
          }
          ASSERT_EQ((all->direct[k] & 16) != 0, p.decision_direct) << "round " << round;
          delegated_pairs += (all->delegated[k] & 15) != 0;
          ++k;
          ++pairs;
        }
      }
      ASSERT_EQ(k, all->stakeholders.size()) << "round " << round;
      for (std::size_t l = 0; l < 4; ++l) {
        EXPECT_EQ(all->direct_count[l], direct[l]) << "round " << round;
        EXPECT_EQ(all->delegated_count[l], delegated[l]) << "round " << round;
        EXPECT_EQ(all->direct_population[l], pop_direct[l]) << "round " << round;
      }
    }
  }
  EXPECT_GT(pairs, 1000u);
  EXPECT_GT(delegated_pairs, 50u);  // the walk is exercised, not only direct seats
}
