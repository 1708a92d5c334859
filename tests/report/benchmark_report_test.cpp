#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/benchmark_report.hpp"

namespace od = orgmodel::data;
using ojson = nlohmann::ordered_json;

namespace {

const std::string golden_path = std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/report.golden.json";

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const ojson& benchmark_json() {
  static const ojson j = orgmodel::to_json(orgmodel::make_report(od::load_benchmark()));
  return j;
}

const ojson& profile_of(const std::string& model) {
  for (const auto& s : benchmark_json()["sections"])
    if (s["id"] == "organisations")
      for (const auto& p : s["content"])
        if (p["model"] == model) return p;
  throw std::runtime_error("no profile of " + model);
}

}  // namespace

// The report's JSON on the bundled benchmark, byte for byte. After a deliberate change, regenerate:
//   ORGMODEL_UPDATE_GOLDEN=1 build/tests/test_report --gtest_filter=BenchmarkReport.GoldenJson
// and review the diff of tests/fixtures/report.golden.json before committing it.
TEST(BenchmarkReport, GoldenJson) {
  const std::string now = benchmark_json().dump(2, ' ', false) + "\n";
  if (const char* u = std::getenv("ORGMODEL_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(golden_path, std::ios::binary) << now;
    GTEST_SKIP() << "rewrote " << golden_path;
  }
  const std::string golden = slurp(golden_path);
  ASSERT_FALSE(golden.empty()) << golden_path << " is missing";
  EXPECT_TRUE(now == golden) << "the report's JSON differs from " << golden_path;
}

TEST(BenchmarkReport, SectionsInOrderWithPopulationSource) {
  const auto& j = benchmark_json();
  ASSERT_GE(j["sections"].size(), 3U);
  EXPECT_EQ(j["sections"][0]["id"], "overview");
  EXPECT_EQ(j["sections"][1]["id"], "organisations");
  EXPECT_EQ(j["sections"][2]["id"], "funding");
  EXPECT_EQ(j["models"].size(), 11U);
  EXPECT_EQ(j["population_reference_date"], "2023-12-31");
  EXPECT_NE(j["population_source"].get<std::string>().find("SCB"), std::string::npos);
}

TEST(BenchmarkReport, OrebroMembersHostOwnerAndGovernance) {
  const auto& p = profile_of("business-region-orebro")["organisations"][0];
  EXPECT_EQ(p["category"], "1A");
  EXPECT_EQ(p["members"]["count"], 12);
  EXPECT_EQ(p["members"]["population"], 308116);  // Örebro län, SCB 31 Dec 2023: all 12 municipalities
  EXPECT_EQ(p["members"]["population_year"], 2023);
  EXPECT_EQ(p["hosts"][0]["id"], "orebro");
  EXPECT_EQ(p["hosts"][0]["relation"], "hosted_by");
  EXPECT_EQ(p["owners"][0]["id"], "region-orebro");
  EXPECT_EQ(p["owners"][0]["provenance"], "assumed");
  EXPECT_EQ(p["can_sign_agreements_stated"], false);
  EXPECT_EQ(p["team_size"], 4);
  // political: steering group (4/yr, 12 KSOs + chair) and the region's growth committee.
  ASSERT_EQ(p["governance"][0]["layer"], "political");
  const auto& sg = p["governance"][0]["bodies"][0];
  EXPECT_EQ(sg["id"], "bro-steering-group");
  EXPECT_EQ(sg["meetings_per_year"], 4.0);
  EXPECT_EQ(sg["seats"], 13);
  EXPECT_EQ(sg["roles"][0]["role"], "executive_board_chair");
  EXPECT_EQ(sg["roles"][0]["seats"], 12);
  EXPECT_EQ(sg["chairs"][0]["holder"], "region-orebro");
  EXPECT_EQ(sg["chairs"][0]["role"], "regional_councillor");
  EXPECT_EQ(p["escalations"].size(), 3U);
  // 12 per-inhabitant fees listed once, and the region's matching.
  ASSERT_EQ(p["funding_rules"].size(), 2U);
  EXPECT_EQ(p["funding_rules"][0]["basis"], "per_inhabitant");
  EXPECT_EQ(p["funding_rules"][0]["rate_per_inhabitant"], "10.00");  // L232: "betalar 10 kr/per invånare"
  EXPECT_EQ(p["funding_rules"][0]["amount"], nullptr);
  EXPECT_EQ(p["funding_rules"][0]["payers"].size(), 12U);
  EXPECT_EQ(p["funding_rules"][1]["basis"], "matching");
}

TEST(BenchmarkReport, VarmlandFundingPerYear) {
  const auto& f = profile_of("business-region-varmland")["organisations"][0]["funding_rules"];
  std::set<std::pair<int, std::string>> fees;
  for (const auto& r : f)
    if (r["basis"] == "per_inhabitant") fees.emplace(r["year_from"].get<int>(), r["rate_per_inhabitant"].get<std::string>());
  // L735-737: "4 kr/per invånare under 2023 ... 6 kr/per invånare och under 2025 till 8 kr"
  const std::set<std::pair<int, std::string>> expected{{2023, "4.00"}, {2024, "6.00"}, {2025, "8.00"}};
  EXPECT_EQ(fees, expected);
  const auto& b = profile_of("business-region-varmland")["organisations"][0]["stated_budgets"];
  EXPECT_EQ(b[0]["year"], 2024);
  EXPECT_EQ(b[0]["amount"], "4500000.00");
}

TEST(BenchmarkReport, NorrbottenOwnersMembersAndGaps) {
  const auto& mp = profile_of("invest-in-norrbotten");
  const auto& p = mp["organisations"][0];
  EXPECT_EQ(p["category"], "3A");
  EXPECT_EQ(p["owners"].size(), 14U);
  EXPECT_EQ(p["owners"][0]["share"], "0.75");  // the region holds 75 % (share::str writes a terminating fraction as a decimal)
  // 248 480 in Norrbottens län − 22 433 in Kiruna (SCB 2023).
  EXPECT_EQ(p["members"]["population"], od::county("25").population - od::municipality("Kiruna").population);
  EXPECT_EQ(p["members"]["population"], 248480 - 22433);
  bool split_assumed = false;
  for (const auto& g : mp["gaps"])
    if (g["status"] == "assumed" && g["elements"][0].get<std::string>().rfind("ownerships/", 0) == 0)
      split_assumed = g["elements"].size() == 13U;
  EXPECT_TRUE(split_assumed);
}

TEST(BenchmarkReport, StockholmMembersIncludeTheUnknownRemainder) {
  const auto& p = profile_of("stockholm-business-alliance")["organisations"][0];
  EXPECT_EQ(p["members"]["count"], 55);
  EXPECT_EQ(p["members"]["named"], 26);
  // Stockholm itself + the 54 others, whose population the study's totals fix at
  // (19 200 000 − 7 500 000) / 4 = 2 925 000.
  EXPECT_EQ(p["members"]["population"], od::municipality("Stockholm").population + 2'925'000);
}

TEST(BenchmarkReport, EveryFlaggedFactIsAGap) {
  // Count, straight from the model files, the elements with provenance assumed or estimated and
  // the entries of explicit "unknown" lists; each must appear among the report's gaps.
  for (auto id : od::bundled_model_ids()) {
    SCOPED_TRACE(std::string(id));
    const auto doc = ojson::parse(slurp(od::bundled_model_path(id)));
    std::size_t flagged = 0, unknown = 0;
    auto visit = [&](const ojson& x) {
      if (x.contains("provenance") && (x["provenance"] == "assumed" || x["provenance"] == "estimated")) ++flagged;
      if (x.contains("unknown")) unknown += x["unknown"].size();
    };
    for (const auto& [k, v] : doc.items())
      if (v.is_array() && k != "decision_classes")
        for (const auto& x : v) {
          visit(x);
          if (x.contains("seats"))
            for (const auto& s : x["seats"]) visit(s);
        }
    std::size_t reported_flagged = 0, reported_unknown = 0;
    for (const auto& g : profile_of(std::string(id))["gaps"]) {
      if (g["status"] == "unknown") reported_unknown += g["elements"].size();
      else reported_flagged += g["elements"].size();
    }
    EXPECT_EQ(reported_flagged, flagged);
    EXPECT_GE(reported_unknown, unknown);  // plus unknown groups and fields the model leaves out
  }
}

TEST(BenchmarkReport, CountiesWithoutOrganisationListTheirRegions) {
  const auto& mp = profile_of("counties-without-organisation");
  EXPECT_TRUE(mp["organisations"].empty());
  ASSERT_EQ(mp["territory"].size(), 4U);
  std::int64_t munis = 0;
  for (const auto& t : mp["territory"]) munis += t["municipalities"].get<std::int64_t>();
  EXPECT_EQ(munis, 10 + 1 + 9 + 8);  // Västmanland, Gotland, Södermanland, Uppsala
}

TEST(BenchmarkReport, TextNamesSourceAndGaps) {
  const auto r = orgmodel::make_report(od::load_benchmark());
  const auto text = orgmodel::to_text(r);
  EXPECT_NE(text.find("SCB, Folkmängd i riket, län och kommuner 31 december 2023"), std::string::npos);
  EXPECT_NE(text.find("population 308 116 (SCB, 31 Dec 2023)"), std::string::npos);
  EXPECT_NE(text.find("Gaps in what is known:"), std::string::npos);
  EXPECT_NE(text.find("2024  base: per inhabitant, 6 SEK per inhabitant per year"), std::string::npos);
}

TEST(BenchmarkReport, OneModelReport) {
  const auto m = od::load_bundled_model("invest-in-halland");
  const auto r = orgmodel::make_report(std::span(&m, 1));
  EXPECT_EQ(r.title, "orgmodel report: Invest in Halland");
  ASSERT_EQ(r.model_ids.size(), 1U);
  const auto j = orgmodel::to_json(r);
  EXPECT_EQ(j["sections"][1]["content"][0]["organisations"][0]["members"]["count"], 6);
}
