// Property test: decision paths, latencies, bottlenecks and the all-bodies batch on thousands of
// random escalation DAGs (seeded) against an independent brute force: an exhaustive DFS of every
// path, with waits computed here from the cadences directly.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;
namespace dc = orgmodel::decision_classes;

namespace {

struct brute_path {
  std::vector<std::uint32_t> bodies, lines;
  double expected = 0, worst = 0;
  bool political = false, assumed = false;
};

// Waits straight from the definition: expected 365 / (2 · mid), worst 365 / low.
double mid_cadence(const om::body& b) {
  return b.meetings_per_year ? (b.meetings_per_year->low + b.meetings_per_year->high) / 2
                             : om::cadence_defaults{}(b.kind);
}
double low_cadence(const om::body& b) {
  return b.meetings_per_year ? b.meetings_per_year->low : om::cadence_defaults{}(b.kind);
}

void dfs(const om::model& m, om::decision_class c, std::uint32_t v, brute_path& cur, std::vector<brute_path>& out) {
  const auto& b = m.bodies()[v];
  cur.bodies.push_back(v);
  if (b.mandates.contains(c)) {
    brute_path p = cur;
    p.expected = p.worst = 0;
    for (auto x : p.bodies) {
      const auto& bx = m.bodies()[x];
      p.expected += 365.0 / (2 * mid_cadence(bx));
      p.worst += 365.0 / low_cadence(bx);
      p.political = p.political || bx.layer == om::layer::political;
      p.assumed = p.assumed || !bx.meetings_per_year;
    }
    for (auto l : p.lines) p.expected += m.escalations()[l].preparation_days, p.worst += m.escalations()[l].preparation_days;
    out.push_back(std::move(p));
  } else {
    for (std::uint32_t l = 0; l < m.escalations().size(); ++l) {
      const auto& e = m.escalations()[l];
      if (e.from.value != v || !e.classes.contains(c)) continue;
      cur.lines.push_back(l);
      dfs(m, c, e.to.value, cur, out);
      cur.lines.pop_back();
    }
  }
  cur.bodies.pop_back();
}

om::model random_model(std::mt19937_64& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto coin = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  const int n = pick(1, 10);
  om::model_builder b("random", "Random");
  auto o = b.add_organisation({.id = "o", .name = "O", .kind = om::organisation_kind::region});
  // Bodies are added in a shuffled order so that index order is not the escalation order.
  std::vector<std::uint32_t> rank(static_cast<std::size_t>(n));
  std::iota(rank.begin(), rank.end(), 0U);
  std::shuffle(rank.begin(), rank.end(), rng);
  const double cadences[] = {1, 2, 3, 4, 6, 10, 12};
  for (int i = 0; i < n; ++i) {
    om::body body{.id = "b" + std::to_string(i), .name = "B", .organisation = o};
    body.kind = static_cast<om::body_kind>(pick(0, 13));
    body.layer = static_cast<om::layer>(pick(0, 3));
    if (coin(0.7)) {
      const double lo = cadences[pick(0, 6)];
      body.meetings_per_year = om::cadence{lo, coin(0.3) ? lo + 1 : lo};
    }
    if (coin(0.3)) body.mandates.insert(dc::budget);
    if (coin(0.2)) body.mandates.insert(dc::strategy);
    b.add_body(std::move(body));
  }
  const double p = 0.2 + 0.3 * std::uniform_real_distribution<double>(0, 1)(rng);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      if (rank[static_cast<std::size_t>(i)] >= rank[static_cast<std::size_t>(j)] || !coin(p)) continue;
      const int copies = coin(0.1) ? 2 : 1;
      for (int k = 0; k < copies; ++k) {
        om::decision_class_set cls;
        switch (pick(0, 3)) {
          case 0: cls = om::decision_class_set::all(); break;
          case 1: cls.insert(dc::budget); break;
          case 2: cls.insert(dc::strategy); break;
          default: cls.insert(dc::budget).insert(dc::strategy);
        }
        b.add_escalation({.from = om::body_index(static_cast<std::uint32_t>(i)), .to = om::body_index(static_cast<std::uint32_t>(j)),
                          .classes = cls, .preparation_days = pick(0, 3) == 0 ? 0.5 * pick(0, 40) : pick(0, 20)});
      }
    }
  return std::move(b).build();
}

}  // namespace

TEST(DecisionPathsProperty, MatchesBruteForceOnRandomDags) {
  std::mt19937_64 rng(20240917);
  const int models = 3000;
  std::size_t queries = 0, with_paths = 0, branching = 0;
  for (int t = 0; t < models; ++t) {
    const auto m = random_model(rng);
    om::layer_graph g(m, om::relation_layer::escalation);
    for (om::decision_class c : {dc::budget, dc::strategy}) {
      const auto all = om::decision_latency_all(g, c);
      bool any_holder = false;
      for (const auto& b : m.bodies()) any_holder = any_holder || b.mandates.contains(c);
      for (std::uint32_t s = 0; s < m.bodies().size(); ++s) {
        SCOPED_TRACE("model " + std::to_string(t) + " class " + std::to_string(c) + " from b" + std::to_string(s));
        std::vector<brute_path> brute;
        brute_path cur;
        dfs(m, c, s, cur, brute);
        ++queries;
        const auto r = om::decision_paths(g, om::body_index(s), c);
        ASSERT_EQ(r.path_count, brute.size());
        // The batch: least expected latency from s, and a fastest path's worst case.
        if (brute.empty()) {
          EXPECT_FALSE(r.found());
          EXPECT_EQ(r.reason, any_holder ? om::no_path_reason::dead_end : om::no_path_reason::no_mandate_holder);
          EXPECT_FALSE(all.reachable(om::body_index(s)));
          continue;
        }
        ++with_paths;
        branching += brute.size() > 1 ? 1 : 0;
        ASSERT_TRUE(r.found());
        // Paths: same set, same costs, ranked by expected latency.
        std::map<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>, const brute_path*> by_id;
        for (const auto& p : brute) by_id[{p.bodies, p.lines}] = &p;
        const std::size_t listed = std::min<std::size_t>(brute.size(), 64);
        ASSERT_EQ(r.paths.size(), listed);
        EXPECT_EQ(r.truncated, brute.size() > 64);
        std::vector<double> costs;
        for (const auto& p : brute) costs.push_back(p.expected);
        std::sort(costs.begin(), costs.end());
        for (std::size_t i = 0; i < r.paths.size(); ++i) {
          const auto& p = r.paths[i];
          std::vector<std::uint32_t> ids;
          for (auto x : p.bodies) ids.push_back(x.value);
          auto it = by_id.find({ids, p.lines});
          ASSERT_NE(it, by_id.end()) << "a listed path the brute force does not know";
          EXPECT_NEAR(p.days.expected, it->second->expected, 1e-9);
          EXPECT_NEAR(p.days.worst, it->second->worst, 1e-9);
          EXPECT_EQ(p.political, it->second->political);
          EXPECT_EQ(p.days.assumed, it->second->assumed);
          EXPECT_NEAR(p.days.expected, costs[i], 1e-9) << "rank " << i;
          EXPECT_LE(p.days.p50, p.days.worst + 1e-9);
          EXPECT_LE(p.days.p50, p.days.p90 + 1e-9);
        }
        // Bottlenecks: the bodies on every path, in path order.
        std::vector<std::uint32_t> common;
        for (auto x : brute[0].bodies) {
          bool everywhere = true;
          for (const auto& p : brute)
            everywhere = everywhere && std::find(p.bodies.begin(), p.bodies.end(), x) != p.bodies.end();
          if (everywhere) common.push_back(x);
        }
        std::vector<std::uint32_t> got;
        for (auto x : r.bottlenecks) got.push_back(x.value);
        EXPECT_EQ(got, common);
        EXPECT_EQ(r.political_on_every_path,
                  std::all_of(brute.begin(), brute.end(), [](const brute_path& p) { return p.political; }));
        EXPECT_EQ(r.political_on_some_path,
                  std::any_of(brute.begin(), brute.end(), [](const brute_path& p) { return p.political; }));
        // Batch.
        const double best = costs.front();
        EXPECT_NEAR(all.expected[s], best, 1e-9);
        bool consistent = false;
        for (const auto& p : brute)
          consistent = consistent || (std::abs(p.expected - best) < 1e-9 && std::abs(p.worst - all.worst[s]) < 1e-9 &&
                                      p.bodies.back() == all.decided_by[s].value && p.assumed == (all.assumed[s] != 0));
        EXPECT_TRUE(consistent) << "the batch's worst case / decider is not that of a fastest path";
        // A bounded listing gives the fastest ones.
        if (brute.size() > 3) {
          om::decision_path_options opt;
          opt.max_paths = 3;
          const auto r3 = om::decision_paths(g, om::body_index(s), c, opt);
          ASSERT_EQ(r3.paths.size(), 3u);
          EXPECT_TRUE(r3.truncated);
          for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(r3.paths[i].days.expected, costs[i], 1e-9);
        }
      }
    }
  }
  // The random graphs exercise the interesting cases, not only trivial ones.
  EXPECT_GT(queries, 20000u);
  EXPECT_GT(with_paths, 5000u);
  EXPECT_GT(branching, 1000u);
}
