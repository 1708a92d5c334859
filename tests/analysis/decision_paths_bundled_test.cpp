// The study's decision paths on the bundled models (data/models/*.json), with hand-computed days.
// Waits: 365/(2f) expected, 365/f worst; unknown cadences use cadence_defaults (official 12,
// operative team 12, committee 10, executive board 11 meetings a year).
#include <gtest/gtest.h>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/present/decision_paths.hpp"

namespace om = orgmodel;
namespace dc = orgmodel::decision_classes;

TEST(DecisionPathsBundled, OstergotlandStrategyGoesHeadOfGrowthUnitDirectorCommittee) {
  // Study: "head of the growth unit → regional development director → political level (via the
  // regional development director)"; the matter is raised by the strategist.
  const auto m = om::data::load_bundled_model("east-sweden-business-region");
  const auto r = om::decision_paths(m, "esbr-strategist", "strategy");
  ASSERT_TRUE(r.found());
  ASSERT_EQ(r.paths.size(), 1u);
  const auto& p = r.paths[0];
  EXPECT_EQ(om::path_text(m, p.bodies),
            "esbr-strategist → esbr-head-of-growth-unit → esbr-regional-development-director → "
            "region-ostergotland-regional-development-committee");
  EXPECT_EQ(m[p.bodies.back()].layer, om::layer::political);
  EXPECT_TRUE(r.political_on_every_path);
  // Three officials (no stated cadence, default 12/yr): 3 × 365/24 = 45.625 expected, 3 × 365/12
  // = 91.25 worst; the committee (default 10/yr): 18.25 and 36.5. No preparation lags stated.
  // Expected 63.875, worst 127.75, flagged as resting on defaults.
  EXPECT_NEAR(p.days.expected, 63.875, 1e-9);
  EXPECT_NEAR(p.days.worst, 127.75, 1e-9);
  EXPECT_TRUE(p.days.assumed);
  // The region decides and signs itself.
  EXPECT_TRUE(p.signing.can_sign);
  EXPECT_EQ(m[p.signing.organisation].id, "region-ostergotland");
}

TEST(DecisionPathsBundled, OrebroSteeringGroupDecidesIn45Point6Days) {
  // Steering group, 4 meetings a year (stated): 365/8 = 45.625 expected, 365/4 = 91.25 worst.
  const auto m = om::data::load_bundled_model("business-region-orebro");
  const auto r = om::decision_paths(m, "bro-steering-group", "strategy");
  ASSERT_TRUE(r.found());
  const auto& p = r.paths[0];
  EXPECT_EQ(om::path_text(m, p.bodies), "bro-steering-group");
  EXPECT_DOUBLE_EQ(p.days.expected, 45.625);
  EXPECT_DOUBLE_EQ(p.days.worst, 91.25);
  EXPECT_FALSE(p.days.assumed);
  EXPECT_EQ(om::format_days(p.days.expected), "45.6");
  EXPECT_EQ(om::format_worst_days(p.days.worst), "91.25");
  // BRO cannot sign agreements itself (Örebro kommun's procurement rules): its host signs.
  EXPECT_FALSE(p.signing.can_sign);
  ASSERT_TRUE(p.signing.signatory.valid());
  EXPECT_EQ(m[p.signing.signatory].id, "orebro");
  // The batch gives the same for the steering group.
  om::layer_graph g(m, om::relation_layer::escalation);
  const auto all = om::decision_latency_all(g, dc::strategy);
  EXPECT_DOUBLE_EQ(all.expected[m.body_at("bro-steering-group").value], 45.625);
}

TEST(DecisionPathsBundled, VarmlandBudgetPassesPoliticalSteeringGroupBeforeRegionDecides) {
  // Study: the political steering group (2–3 a year) takes positions on the budget, after which
  // Region Värmland decides. Raised at the team:
  //   team (default 12/yr)            15.2083 expected   30.4167 worst
  //   working group (4/yr)            45.625             91.25
  //   steering group (2–3/yr, mid 2.5) 73                182.5 (at 2/yr)
  //   region (executive board, default 11/yr) 16.5909   33.1818
  //   total                          150.4242           337.3485
  const auto m = om::data::load_bundled_model("business-region-varmland");
  const auto r = om::decision_paths(m, "brv-team", "budget");
  ASSERT_TRUE(r.found());
  const auto& p = r.paths[0];
  EXPECT_EQ(om::path_text(m, p.bodies), "brv-team → brv-working-group → brv-steering-group → region-varmland-decision");
  EXPECT_DOUBLE_EQ(p.waits[2].expected, 73.0);
  EXPECT_DOUBLE_EQ(p.waits[2].worst, 182.5);
  EXPECT_EQ(m[p.bodies[2]].layer, om::layer::political);
  EXPECT_NEAR(p.days.expected, 365.0 / 24 + 45.625 + 73 + 365.0 / 22, 1e-9);
  EXPECT_NEAR(p.days.worst, 365.0 / 12 + 91.25 + 182.5 + 365.0 / 11, 1e-9);
  // Every path passes the steering group: it is a bottleneck.
  const auto sg = m.body_at("brv-steering-group");
  EXPECT_NE(std::find(r.bottlenecks.begin(), r.bottlenecks.end(), sg), r.bottlenecks.end());
  EXPECT_EQ(m[m[p.decided_by()].organisation].id, "region-varmland");
}

TEST(DecisionPathsBundled, EveryStudyModelHasARaisingBodyAndABatch) {
  for (auto id : om::data::study_model_ids()) {
    SCOPED_TRACE(std::string(id));
    const auto m = om::data::load_bundled_model(id);
    ASSERT_TRUE(om::default_raising_body(m).has_value());
    om::layer_graph g(m, om::relation_layer::escalation);
    for (auto c : {dc::budget, dc::strategy, dc::contract}) {
      const auto all = om::decision_latency_all(g, c);
      const auto r = om::decision_paths(g, *om::default_raising_body(m), c);
      const auto s = om::default_raising_body(m)->value;
      if (r.found()) EXPECT_NEAR(all.expected[s], r.paths[0].days.expected, 1e-9);
      else EXPECT_FALSE(std::isfinite(all.expected[s]));
    }
  }
}
