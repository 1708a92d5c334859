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

// Report review R23: BRO's twelve municipalities each pay 10 SEK per inhabitant (study L231-232:
// "länet betalar 10 kr/per invånare"), so each pays exactly its population share of their total and nobody
// pays more: the "by" cell is "—", never the first municipality in the table.
TEST(FundingSection, NobodyIsNamedWhenNobodyPaysMoreThanItsShare) {
  const std::vector<om::model> models{om::data::load_bundled_model("business-region-orebro")};
  const auto s = om::funding_section(models);
  const auto at = s.text.find("\nbusiness-region-orebro", s.text.find("population fair share"));
  ASSERT_NE(at, std::string::npos) << s.text;
  const auto row = s.text.substr(at + 1, s.text.find('\n', at + 1) - at - 1);
  EXPECT_NE(row.find(" 0 "), std::string::npos) << row;  // no payer pays more
  EXPECT_NE(row.find("—"), std::string::npos) << row;
  EXPECT_EQ(row.find("Askersund"), std::string::npos) << row;
  EXPECT_EQ(row.find("askersund"), std::string::npos) << row;
}
