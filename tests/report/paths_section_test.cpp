// The decision-paths report section on the nine bundled organisations and the Västmanland templates.
#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/paths_section.hpp"

namespace om = orgmodel;

TEST(PathsSection, NineOrganisationsAndSevenTemplates) {
  std::vector<om::model> models;
  for (auto id : om::data::study_model_ids()) models.push_back(om::data::load_bundled_model(id));
  const auto s = om::paths_section(models);
  EXPECT_EQ(s.id, "decision_paths");
  ASSERT_EQ(s.content["organisations"].size(), 9u);
  ASSERT_EQ(s.content["templates"].size(), 7u);
  for (const auto& o : s.content["organisations"]) EXPECT_EQ(o["decisions"].size(), 3u);
  // Business Region Värmland: the budget goes from the team through the political steering group
  // to the region: 15.2083 + 45.625 + 73 + 16.5909 = 150.42 days (decision_paths_bundled_test).
  const auto& brv = s.content["organisations"][2];
  EXPECT_EQ(brv["model"], "business-region-varmland");
  EXPECT_EQ(brv["raised_at"], "brv-team");
  EXPECT_NEAR(brv["decisions"][0]["paths"][0]["latency"]["expected_days"].get<double>(),
              365.0 / 24 + 45.625 + 73 + 365.0 / 22, 1e-9);
  // The text names the bodies (ids stay in JSON), in the order of the route.
  const auto& m = models[2];
  std::string names;
  for (auto id : {"brv-team", "brv-working-group", "brv-steering-group", "region-varmland-decision"})
    names += (names.empty() ? "" : " → ") + m[m.body_at(id)].name;
  EXPECT_NE(s.text.find(names), std::string::npos) << names;
  EXPECT_EQ(s.text.find("brv-team →"), std::string::npos);
  EXPECT_NE(s.text.find("Västmanlands län"), std::string::npos);
}

TEST(PathsSection, CompareColumnIsRegistered) {
  const auto& cols = om::scenario::compare_column_registry();
  EXPECT_TRUE(std::any_of(cols.begin(), cols.end(), [](const auto& c) { return c.key == "budget_decision_days"; }));
}
