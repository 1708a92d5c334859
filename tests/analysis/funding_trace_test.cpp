#include <gtest/gtest.h>

#include <random>

#include "orgmodel/analysis/funding_trace.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

// EU fund → Tillväxtverket → project → Invest in Norrbotten, with the region and the
// municipalities co-financing the project. Hand calculation:
//   ERDF (0) pays 10 to Tillväxtverket (1); Tillväxtverket pays 8 to the project (2) and keeps 2.
//   Region (3) pays 8, municipalities (4) pay 4 to the project: project in = 20.
//   Project pays 20 to IiN (5). IiN's mix: ERDF 8/20 = 0.4, region 0.4, municipalities 0.2;
//   Tillväxtverket passes EU money on, so its own share is 0.
TEST(FundingTrace, EuFundThroughAgencyAndProject) {
  std::vector<om::trace_edge> e{{0, 1, 10}, {1, 2, 8}, {3, 2, 8}, {4, 2, 4}, {2, 5, 20}};
  auto t = om::trace_funding(6, e);
  ASSERT_EQ(t.sources, (std::vector<std::uint32_t>{0, 3, 4}));  // the nodes with own money
  EXPECT_DOUBLE_EQ(t.share(5, 0), 0.4);
  EXPECT_DOUBLE_EQ(t.share(5, 1), 0.4);
  EXPECT_DOUBLE_EQ(t.share(5, 2), 0.2);
  EXPECT_DOUBLE_EQ(t.share(1, 0), 1.0);
  EXPECT_DOUBLE_EQ(t.share(2, 0), 0.4);
  EXPECT_TRUE(t.cycles.empty());
  // Only the EU fund as a source of interest: the rest is "other".
  auto only_eu = om::trace_funding(6, e, {.sources = {0}});
  EXPECT_DOUBLE_EQ(only_eu.share(5, 0), 0.4);
  EXPECT_DOUBLE_EQ(only_eu.other[5], 0.6);
}

// A node that pays out more than it receives adds its own money: A (0) gets 30 from S (1)
// and pays 100 to B (2): A's own 70, B's mix S 0.3, A 0.7.
TEST(FundingTrace, TopUpIsOwnMoney) {
  std::vector<om::trace_edge> e{{1, 0, 30}, {0, 2, 100}};
  auto t = om::trace_funding(3, e);
  ASSERT_EQ(t.sources.size(), 2u);
  EXPECT_EQ(t.own[0], 70);
  EXPECT_DOUBLE_EQ(t.share(2, 0), 0.7);  // column 0 = node 0 (sources in node order)
  EXPECT_DOUBLE_EQ(t.share(2, 1), 0.3);
}

// A cycle 1 → 2 → 1 fed by source 0 (10) and source 3 (30): detected, reported, pooled:
// both members and the node 4 they pay get 0.25 / 0.75.
TEST(FundingTrace, CyclesAreDetectedAndPooled) {
  std::vector<om::trace_edge> e{{0, 1, 10}, {1, 2, 50}, {2, 1, 50}, {3, 2, 30}, {2, 4, 40}};
  // Node 2 pays out 90 and receives 80, so on its own it would count as a source of 10; pooled
  // with node 1 the cycle receives 40 and pays out 40, so there is no own money in it.
  auto t = om::trace_funding(5, e, {.sources = {0, 3}});
  ASSERT_EQ(t.cycles.size(), 1u);
  EXPECT_EQ(t.cycles[0], (std::vector<std::uint32_t>{1, 2}));
  EXPECT_TRUE(t.in_cycle[1] && t.in_cycle[2] && !t.in_cycle[4]);
  for (std::uint32_t v : {1u, 2u, 4u}) {
    EXPECT_DOUBLE_EQ(t.share(v, 0), 0.25);
    EXPECT_DOUBLE_EQ(t.share(v, 1), 0.75);
  }
  // A closed circulation (no money enters, none of its own) has no origin: flagged.
  auto closed = om::trace_funding(2, std::vector<om::trace_edge>{{0, 1, 5}, {1, 0, 5}});
  EXPECT_TRUE(closed.closed_circulation[0] && closed.closed_circulation[1]);
  EXPECT_FALSE(closed.traced(0));
  EXPECT_THROW((void)om::trace_funding(2, std::vector<om::trace_edge>{{0, 5, 1}}), om::arithmetic_error);
  EXPECT_THROW((void)om::trace_funding(2, std::vector<om::trace_edge>{{0, 1, -1}}), om::arithmetic_error);
}

namespace {
// Brute-force reference on a DAG: share_v(s) = Σ over paths s → … → v of Π w_e / T_head(e),
// times own_s / T_s at the start; enumerated recursively over in-edges (no topological order).
double by_paths(std::uint32_t v, std::uint32_t s, const std::vector<om::trace_edge>& e, const om::funding_trace& t) {
  const double tv = static_cast<double>(t.inflow[v] + t.own[v]);
  if (tv == 0) return 0;
  double r = v == s ? static_cast<double>(t.own[v]) / tv : 0.0;
  for (const auto& x : e)
    if (x.to == v) r += static_cast<double>(x.amount) / tv * by_paths(x.from, s, e, t);
  return r;
}
}  // namespace

// Property: on random DAGs (edges only from lower to higher node ids), every node with money has
// shares summing to 1 over all sources, and every share equals the path-enumeration reference.
TEST(FundingTrace, RandomDagSharesSumToOneAndMatchPathEnumeration) {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    const std::uint32_t n = 2 + static_cast<std::uint32_t>(rng() % 9);
    std::vector<om::trace_edge> e;
    for (std::uint32_t a = 0; a < n; ++a)
      for (std::uint32_t b = a + 1; b < n; ++b)
        if (rng() % 3 == 0) e.push_back({a, b, 1 + static_cast<std::int64_t>(rng() % 1'000'000)});
    // Shuffle the input order: the result must not depend on it.
    std::shuffle(e.begin(), e.end(), rng);
    auto t = om::trace_funding(n, e);
    for (std::uint32_t v = 0; v < n; ++v) {
      double sum = 0;
      for (std::size_t k = 0; k < t.sources.size(); ++k) {
        sum += t.share(v, k);
        EXPECT_NEAR(t.share(v, k), by_paths(v, t.sources[k], e, t), 1e-12) << "seed " << seed;
      }
      if (t.has_money(v)) {
        EXPECT_NEAR(sum, 1.0, 1e-12) << "seed " << seed << " node " << v;
      }
      EXPECT_NEAR(t.other[v], 0.0, 1e-12);
    }
  }
}

// Property with cycles: random graphs with back edges; shares of every node with money sum to 1.
TEST(FundingTrace, RandomCyclicGraphSharesSumToOne) {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    const std::uint32_t n = 3 + static_cast<std::uint32_t>(rng() % 12);
    std::vector<om::trace_edge> e;
    for (std::uint32_t a = 0; a < n; ++a)
      for (std::uint32_t b = 0; b < n; ++b)
        if (a != b && rng() % 4 == 0) e.push_back({a, b, 1 + static_cast<std::int64_t>(rng() % 1000)});
    auto t = om::trace_funding(n, e);
    for (std::uint32_t v = 0; v < n; ++v) {
      if (!t.traced(v)) {
        EXPECT_TRUE(!t.has_money(v) || t.closed_circulation[v]);
        continue;
      }
      double sum = t.other[v];
      for (std::size_t k = 0; k < t.sources.size(); ++k) sum += t.share(v, k);
      EXPECT_NEAR(sum, 1.0, 1e-9) << "seed " << seed << " node " << v;
    }
  }
}

// On a model: the project money of an organisation, traced per activity (purpose).
TEST(FundingTrace, ModelActivities) {
  om::model_builder b("t", "T");
  auto eu = b.add_organisation({.id = "erdf", .name = "ERDF", .kind = om::organisation_kind::fund});
  auto tvv = b.add_organisation({.id = "tvv", .name = "Tillväxtverket", .kind = om::organisation_kind::agency});
  auto reg = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region});
  auto iin = b.add_organisation({.id = "iin", .name = "IiN", .kind = om::organisation_kind::company});
  b.add_funding_rule({.id = "eu", .payer = eu, .recipient = tvv, .amount = om::money::from_major(6), .purpose = "programme"});
  b.add_funding_rule({.id = "tvv", .payer = tvv, .recipient = iin, .amount = om::money::from_major(4), .purpose = "project"});
  b.add_funding_rule({.id = "reg-p", .payer = reg, .recipient = iin, .amount = om::money::from_major(4), .purpose = "project"});
  b.add_funding_rule({.id = "reg-b", .payer = reg, .recipient = iin, .amount = om::money::from_major(2), .purpose = "base"});
  auto m = std::move(b).build();
  auto tr = om::trace_funding(m, om::evaluate_funding(m, 2024));
  ASSERT_EQ(tr.graph.sources.size(), 2u);  // ERDF and the region
  ASSERT_EQ(tr.activities.size(), 3u);
  const auto& project = tr.activities[1];
  EXPECT_EQ(project.purpose, "project");
  EXPECT_EQ(project.amount, om::money::from_major(8));
  EXPECT_DOUBLE_EQ(project.shares[0], 0.5);  // ERDF via Tillväxtverket
  EXPECT_DOUBLE_EQ(project.shares[1], 0.5);
  EXPECT_DOUBLE_EQ(tr.activities[2].shares[1], 1.0);  // base: the region alone
  EXPECT_DOUBLE_EQ(tr.graph.share(iin.value, 0), 0.4);  // 4 of 10
}
