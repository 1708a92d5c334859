#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "orgmodel/present/ownership.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {

/// Invest in Norrbotten as the study states it (facts.md): Region Norrbotten 75 %, 13 municipalities
/// 25 % together; the split among them is not stated, so the equal split 1/52 each is an assumption.
om::model norrbotten() {
  om::model_builder b("iin", "Invest in Norrbotten AB");
  auto region = b.add_organisation({.id = "region-norrbotten", .name = "Region Norrbotten", .kind = om::organisation_kind::region});
  auto iin = b.add_organisation({.id = "invest-in-norrbotten", .name = "Invest in Norrbotten AB", .kind = om::organisation_kind::company});
  b.add_ownership({.owner = region, .owned = iin, .equity = om::share::percent(75), .votes = om::share::percent(75)});
  const char* names[] = {"arjeplog", "arvidsjaur", "boden", "gallivare", "haparanda", "jokkmokk", "kalix",
                         "lulea", "pajala", "pitea", "alvsbyn", "overkalix", "overtornea"};
  for (const char* n : names) {
    auto k = b.add_organisation({.id = n, .name = n, .kind = om::organisation_kind::municipality});
    b.add_ownership({.owner = k, .owned = iin, .equity = om::share(1, 52), .votes = om::share(1, 52), .source = om::provenance::assumed});
  }
  return std::move(b).build();
}

}  // namespace

TEST(DirectOwnership, NorrbottenTotalsExactlyOne) {
  auto m = norrbotten();
  auto d = om::direct_ownership(m);
  ASSERT_EQ(d.companies.size(), 1u);
  const auto& c = d.companies[0];
  EXPECT_EQ(c.company_id, "invest-in-norrbotten");
  EXPECT_EQ(c.owners.size(), 14u);
  EXPECT_EQ(c.equity_total.low, om::share::one());  // 3/4 + 13 × 1/52 = 1 exactly
  EXPECT_TRUE(c.equity_total.exact());
  EXPECT_EQ(c.equity_unallocated.high, om::share::zero());
  EXPECT_FALSE(c.votes_differ);
}

TEST(DirectOwnership, RangesGiveIntervalTotalsAndRemainders) {
  // BizMaker-like: eight owners, each 0–100 % (shares unknown), plus a 10–15 % holding
  om::model_builder b("bm", "ranges");
  auto bm = b.add_organisation({.id = "bizmaker", .name = "BizMaker AB", .kind = om::organisation_kind::company});
  auto a = b.add_organisation({.id = "a", .name = "A"});
  auto c = b.add_organisation({.id = "c", .name = "C"});
  b.add_ownership({.owner = a, .owned = bm, .equity = {om::share::percent(10), om::share::percent(15)},
                   .votes = {om::share::percent(20), om::share::percent(20)}});
  b.add_ownership({.owner = c, .owned = bm, .equity = {om::share::zero(), om::share::one()}, .votes = {om::share::zero(), om::share::one()}});
  auto m = std::move(b).build();
  auto d = om::direct_ownership(m);
  const auto& h = d.companies.at(0);
  EXPECT_EQ(h.equity_total.low, om::share::percent(10));
  EXPECT_EQ(h.equity_total.high, om::share::one());  // 15 % + 100 % capped at the whole
  EXPECT_TRUE(h.equity_ranges_exceed_whole);
  EXPECT_EQ(h.equity_unallocated.low, om::share::zero());
  EXPECT_EQ(h.equity_unallocated.high, om::share::percent(90));
  EXPECT_TRUE(h.votes_differ);
  EXPECT_TRUE(h.owners[0].votes_differ);
  EXPECT_TRUE(h.has_ranges);
}

namespace {
/// Two companies X, Y with a cross-holding; P and Q are outside owners.
/// P holds 60 % of X, Y holds 40 % of X; X holds 30 % of Y, Q holds 70 % of Y.
om::holding_network cross_holding() {
  // vertices: 0 P, 1 Q, 2 X, 3 Y
  om::holding_network n;
  n.vertices = 4;
  n.offsets = {0, 0, 0, 2, 4};
  n.owner = {0, 3, 2, 1};
  n.low = {0.6, 0.4, 0.3, 0.7};
  return n;
}
}  // namespace

TEST(IndirectOwnership, CrossHoldingByHand) {
  // By hand: with W the company block (rows holders X, Y; columns X, Y), W = [[0, .3], [.4, 0]],
  // det(I − W) = 1 − .3·.4 = .88 and (I − W)⁻¹ = [[1, .3], [.4, 1]] / .88.
  // Ultimate U = E(I − W)⁻¹ with E = [[.6, 0], [0, .7]] (rows P, Q):
  //   U[P][X] = .6/.88 = .681818…, U[P][Y] = .6·.3/.88 = .204545…,
  //   U[Q][X] = .7·.4/.88 = .318181…, U[Q][Y] = .7/.88 = .795454…; each column sums to 1.
  // Integrated T = A(I − A)⁻¹ adds the companies' own rows, counted once per turn of the cycle:
  //   T[X][Y] = .3 + .3·(.4·.3) + … = .3/.88 = .340909…, T[X][X] = .3·.4/.88 = .136363…,
  //   T[Y][X] = .4/.88 = .454545…, T[Y][Y] = .12/.88.
  auto n = cross_holding();
  auto u = om::ultimate_ownership(n);
  EXPECT_NEAR(u.value_low(2, 0), 0.6 / 0.88, 1e-14);
  EXPECT_NEAR(u.value_low(3, 0), 0.18 / 0.88, 1e-14);
  EXPECT_NEAR(u.value_low(2, 1), 0.28 / 0.88, 1e-14);
  EXPECT_NEAR(u.value_low(3, 1), 0.7 / 0.88, 1e-14);
  EXPECT_EQ(u.value_low(2, 3), 0.0);  // companies are not ultimate owners
  EXPECT_EQ(u.sccs.cyclic_components, 1u);
  auto t = om::integrated_ownership(n);
  EXPECT_NEAR(t.value_low(3, 2), 0.3 / 0.88, 1e-14);
  EXPECT_NEAR(t.value_low(2, 2), 0.12 / 0.88, 1e-14);
  EXPECT_NEAR(t.value_low(2, 3), 0.4 / 0.88, 1e-14);
  EXPECT_NEAR(t.value_low(3, 3), 0.12 / 0.88, 1e-14);
  EXPECT_NEAR(t.value_low(2, 0), 0.6 / 0.88, 1e-14);  // outside owners' rows equal U
  // simple paths count each cycle once: X ← Y ← X is not simple, so X holds only .3 of Y directly
  auto s = om::simple_path_ownership(n, 3);
  for (auto& h : s.holders) {
    if (h.holder == 2) {
      EXPECT_NEAR(h.low, 0.3, 1e-15);
    }
  }
}

TEST(IndirectOwnership, ClosedGroupIsReportedNotLoopedOver) {
  // X and Y own each other completely; Z is owned half by X, half by P.
  // vertices: 0 P, 1 X, 2 Y, 3 Z
  om::holding_network n;
  n.vertices = 4;
  n.offsets = {0, 0, 1, 2, 4};
  n.owner = {2, 1, 1, 0};
  n.low = {1.0, 1.0, 0.5, 0.5};
  auto u = om::ultimate_ownership(n);
  ASSERT_EQ(u.closed_groups.size(), 1u);
  EXPECT_EQ(u.closed_groups[0].size(), 2u);
  EXPECT_DOUBLE_EQ(u.value_low(1, u.closed_group_holder(0)), 1.0);
  EXPECT_DOUBLE_EQ(u.value_low(3, u.closed_group_holder(0)), 0.5);
  EXPECT_DOUBLE_EQ(u.value_low(3, 0), 0.5);
  auto t = om::integrated_ownership(n);
  EXPECT_TRUE(std::isinf(t.value_low(3, 1)));  // all walks through a self-owning pair diverge
  EXPECT_DOUBLE_EQ(t.value_low(3, 0), 0.5);
}

TEST(IndirectOwnership, ChainsCarryTheShare) {
  // region → holding (100 %) → company (60 %), region → company directly (10 %)
  om::model_builder b("c", "chains");
  auto r = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region});
  auto h = b.add_organisation({.id = "holding", .name = "Holding AB", .kind = om::organisation_kind::company});
  auto c = b.add_organisation({.id = "company", .name = "Company AB", .kind = om::organisation_kind::company});
  auto p = b.add_organisation({.id = "private", .name = "Private owner"});
  b.add_ownership({.owner = r, .owned = h, .equity = om::share::one(), .votes = om::share::one()});
  b.add_ownership({.owner = h, .owned = c, .equity = om::share::percent(60), .votes = om::share::percent(60)});
  b.add_ownership({.owner = r, .owned = c, .equity = om::share::percent(10), .votes = om::share::percent(10)});
  b.add_ownership({.owner = p, .owned = c, .equity = om::share::percent(30), .votes = om::share::percent(30)});
  auto m = std::move(b).build();
  auto u = om::ultimate_owners(m, c);
  ASSERT_EQ(u.holders.size(), 2u);
  EXPECT_EQ(u.holders[0].id, "region");
  EXPECT_NEAR(u.holders[0].low, 0.7, 1e-15);
  EXPECT_TRUE(u.holders[0].certain);
  ASSERT_EQ(u.holders[0].chains.size(), 2u);
  EXPECT_EQ(u.holders[0].chains[0], (std::vector<std::string>{"region", "holding", "company"}));
  EXPECT_NEAR(u.holders[0].explained_low, 0.7, 1e-15);
  EXPECT_EQ(u.holders[1].id, "private");
}

TEST(IndirectOwnership, RangesBoundEveryConsistentChoice) {
  // Random acyclic and cyclic networks whose upper bounds add up to at most one per company:
  // every exact choice within the ranges gives ultimate shares within [low, high].
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 40; ++trial) {
    const std::uint32_t outside = 3, companies = 8, n = outside + companies;
    om::holding_network net;
    net.vertices = n;
    net.offsets.assign(n + 1, 0);
    std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
    for (std::uint32_t v = outside; v < n; ++v) {
      int k = 1 + static_cast<int>(rng() % 3);
      double room = 1.0;
      for (int i = 0; i < k; ++i) {
        std::uint32_t o = pick(rng);
        if (o == v) continue;
        double hi = room * std::uniform_real_distribution<double>(0.1, 0.5)(rng);
        double lo = hi * std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        room -= hi;
        net.owner.push_back(o);
        net.low.push_back(lo);
        net.high.push_back(hi);
      }
      net.offsets[v + 1] = net.owner.size();
    }
    auto u = om::ultimate_ownership(net);
    for (int s = 0; s < 20; ++s) {
      om::holding_network x = net;
      x.high.clear();
      for (std::size_t e = 0; e < x.low.size(); ++e)
        x.low[e] = std::uniform_real_distribution<double>(net.low[e], net.high[e])(rng);
      auto ux = om::ultimate_ownership(x);
      for (std::uint32_t v = outside; v < n; ++v)
        for (std::uint32_t h : ux.holders(v)) {
          double val = ux.value_low(v, h);
          EXPECT_LE(u.value_low(v, h), val + 1e-12);
          EXPECT_GE(u.value_high(v, h), val - 1e-12);
        }
    }
  }
}

namespace {
/// A random network: `outside` owners without owners, then companies whose owners' shares add up
/// to exactly one; with `cyclic`, companies may be owned by any company, else only by earlier ones.
om::holding_network random_network(std::mt19937_64& rng, std::uint32_t outside, std::uint32_t companies, bool cyclic) {
  om::holding_network net;
  net.vertices = outside + companies;
  net.offsets.assign(net.vertices + std::size_t{1}, 0);
  for (std::uint32_t v = 0; v < net.vertices; ++v) {
    if (v >= outside) {
      int k = 1 + static_cast<int>(rng() % 4);
      std::vector<std::uint32_t> owners;
      for (int i = 0; i < k; ++i) {
        std::uint32_t hi = cyclic ? net.vertices - 1 : v - 1;
        std::uint32_t o = std::uniform_int_distribution<std::uint32_t>(0, hi)(rng);
        if (o != v && std::find(owners.begin(), owners.end(), o) == owners.end()) owners.push_back(o);
      }
      // at least one outside owner keeps cycles open unless the draw says otherwise
      if (rng() % 5 != 0) owners.push_back(static_cast<std::uint32_t>(rng() % outside));
      std::vector<double> w;
      double sum = 0;
      for (std::size_t i = 0; i < owners.size(); ++i) sum += w.emplace_back(std::uniform_real_distribution<double>(0.05, 1)(rng));
      for (std::size_t i = 0; i < owners.size(); ++i) {
        net.owner.push_back(owners[i]);
        net.low.push_back(w[i] / sum);
      }
    }
    net.offsets[v + 1] = net.owner.size();
  }
  return net;
}

/// Reference by brute force: the Neumann series T = A + A² + … summed densely until it settles.
std::vector<double> neumann(const om::holding_network& net) {
  const std::size_t n = net.vertices;
  std::vector<double> a(n * n, 0.0), t(n * n, 0.0), p(n * n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v)
    for (auto e = net.offsets[v]; e < net.offsets[v + 1]; ++e) a[net.owner[e] * n + v] += net.low[e];
  p = a;
  for (int it = 0; it < 5000; ++it) {
    double mass = 0;
    for (std::size_t i = 0; i < n * n; ++i) t[i] += p[i], mass += p[i];
    if (mass < 1e-15) break;
    std::vector<double> q(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t k = 0; k < n; ++k)
        if (p[i * n + k] != 0)
          for (std::size_t j = 0; j < n; ++j) q[i * n + j] += p[i * n + k] * a[k * n + j];
    p = std::move(q);
  }
  return t;
}
}  // namespace

TEST(IndirectOwnershipProperty, UltimateColumnsSumToOne) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    std::mt19937_64 rng(seed);
    auto net = random_network(rng, 4, 25, true);
    auto u = om::ultimate_ownership(net);
    for (std::uint32_t v = 4; v < net.vertices; ++v) {
      if (!net.is_company(v)) continue;  // a draw without owners is an outside owner
      double s = 0;
      for (double x : u.low.values(v)) s += x;
      EXPECT_NEAR(s, 1.0, 1e-9) << "seed " << seed << " company " << v;
    }
  }
}

TEST(IndirectOwnershipProperty, MatchesNeumannSeriesOnCycles) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    std::mt19937_64 rng(seed * 31);
    auto net = random_network(rng, 3, 15, true);
    auto t = om::integrated_ownership(net);
    if (!t.closed_groups.empty()) continue;  // the series diverges there
    auto ref = neumann(net);
    const std::size_t n = net.vertices;
    for (std::uint32_t v = 0; v < n; ++v)
      for (std::uint32_t h = 0; h < n; ++h) EXPECT_NEAR(t.value_low(v, h), ref[h * n + v], 1e-8) << seed;
  }
}

TEST(IndirectOwnershipProperty, AllWalkLeontiefAndSimplePathsAgreeOnAcyclicNetworks) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    std::mt19937_64 rng(seed * 101);
    const std::uint32_t outside = 5;
    auto net = random_network(rng, outside, 30, false);
    auto t = om::integrated_ownership(net);
    auto u = om::ultimate_ownership(net);
    EXPECT_EQ(u.sccs.cyclic_components, 0u);
    for (std::uint32_t v = outside; v < net.vertices; ++v) {
      // Leontief = the outside owners' rows of the all-walk matrix
      for (std::uint32_t h = 0; h < outside; ++h) EXPECT_NEAR(u.value_low(v, h), t.value_low(v, h), 1e-12);
      auto s = om::simple_path_ownership(net, v, {.max_depth = 64, .min_share = 0, .max_paths = 10'000'000});
      ASSERT_FALSE(s.truncated);
      for (const auto& p : s.holders) EXPECT_NEAR(p.low, t.value_low(v, p.holder), 1e-12);
      EXPECT_EQ(s.holders.size(), t.low.holders(v).size());
    }
  }
}

TEST(IndirectOwnership, LargeComponentSolvedIterativelyAgreesWithDense) {
  std::mt19937_64 rng(99);
  auto net = random_network(rng, 3, 40, true);
  auto dense = om::ultimate_ownership(net);
  auto iter = om::ultimate_ownership(net, {.dense_limit = 1});
  EXPECT_GT(iter.sccs.solved_iteratively, 0u);
  for (std::uint32_t v = 3; v < net.vertices; ++v)
    for (std::uint32_t h : dense.holders(v)) EXPECT_NEAR(iter.value_low(v, h), dense.value_low(v, h), 1e-10);
}

TEST(IndirectOwnership, EpsilonTruncationIsAccounted) {
  std::mt19937_64 rng(5);
  auto net = random_network(rng, 30, 200, false);
  auto exact = om::ultimate_ownership(net);
  auto cut = om::ultimate_ownership(net, {.epsilon = 0.02});
  for (std::uint32_t v = 30; v < net.vertices; ++v) {
    if (!net.is_company(v)) continue;
    double s = 0;
    for (double x : cut.low.values(v)) s += x;
    EXPECT_NEAR(s, 1.0, 1e-9);  // dropped mass moved to "truncated", not lost
    double slack = cut.value_low(v, cut.truncated_holder());
    for (std::uint32_t h : exact.holders(v)) {
      double e = exact.value_low(v, h), c = cut.value_low(v, h);
      EXPECT_LE(c, e + 1e-12);
      EXPECT_GE(c + slack, e - 1e-12);
    }
  }
}

TEST(IndirectOwnership, BadNetworkIsATypedError) {
  om::holding_network n;
  n.vertices = 2;
  n.offsets = {0, 0, 1};
  n.owner = {5};
  n.low = {0.5};
  EXPECT_THROW((void)om::ultimate_ownership(n), om::invalid_model);
  n.owner = {0};
  n.low = {1.5};
  EXPECT_THROW((void)om::ultimate_ownership(n), om::invalid_model);
}

TEST(UltimateOwners, NorrbottenRegionAboveTheLine) {
  auto m = norrbotten();
  auto a = om::analyse_ownership(m);
  ASSERT_EQ(a.companies.size(), 1u);
  const auto& c = a.companies[0];
  ASSERT_EQ(c.holders.size(), 1u);  // 1/52 ≈ 1.9 % each is far below 25 %
  EXPECT_EQ(c.holders[0].id, "region-norrbotten");
  EXPECT_DOUBLE_EQ(c.holders[0].low, 0.75);
  EXPECT_NEAR(c.sum_low, 1.0, 1e-12);
  auto j = om::to_json(a);
  EXPECT_EQ(j["direct"][0]["equity_total"], "1");
  EXPECT_EQ(j["ultimate"][0]["ultimate_owners"][0]["holder"], "region-norrbotten");
}
