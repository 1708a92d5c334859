#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/benchmark_report.hpp"
#include "orgmodel/report/funding_section.hpp"

namespace om = orgmodel;

// The funding section over the nine bundled organisations: Värmland's 2024 gap is flagged,
// Örebro's 2024 income is 6 162 320 SEK = 20.00 SEK per inhabitant of its 12 members.
TEST(FundingSection, NineOrganisations) {
  std::vector<om::model> models;
  for (auto id : om::data::study_model_ids()) models.push_back(om::data::load_bundled_model(id));
  auto s = om::funding_section(models);
  EXPECT_EQ(s.id, "funding");
  ASSERT_EQ(s.content.size(), 9u);
  const auto& bro = s.content[0];
  EXPECT_EQ(bro["model"], "business-region-orebro");
  EXPECT_EQ(bro["years"][1]["by_source"]["base"]["income"], "6162320.00");
  EXPECT_EQ(bro["years"][1]["members"], 12);
  EXPECT_DOUBLE_EQ(bro["years"][1]["base_sek_per_inhabitant"].get<double>(), 20.0);
  const auto& brv = s.content[2];
  EXPECT_EQ(brv["budget_checks"][0]["gap"], "1097424.00");
  EXPECT_NE(s.text.find("GAP"), std::string::npos);
  auto r = om::make_report(models);
  bool found = false;
  for (const auto& sec : r.sections) found = found || sec.id == "funding";
  EXPECT_TRUE(found);
}
