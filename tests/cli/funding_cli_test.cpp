// Runs `orgmodel funding` and `orgmodel allocate` on bundled models and a CSV.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

namespace {

orgmodel_test::cli_result run_funding_cli(const std::string& arguments) { return orgmodel_test::run_cli(arguments, "funding-"); }
#define REQUIRE_FUNDING_PROGRAM() ORGMODEL_REQUIRE_CLI_PROGRAM()

}  // namespace

TEST(FundingCli, VarmlandBudgetGapInJsonAndCsv) {
  REQUIRE_FUNDING_PROGRAM();
  auto r = run_funding_cli("funding business-region-varmland --year 2024 --view budget --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["budget_checks"][0]["income"], "3402576.00");
  EXPECT_EQ(j["budget_checks"][0]["gap"], "1097424.00");
  EXPECT_EQ(j["budget_checks"][0]["shortfall"], true);
  auto csv = run_funding_cli("funding business-region-orebro --view flows --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("bro-region-matching"), std::string::npos);
  auto bad = run_funding_cli("funding business-region-orebro --year 20x4");
  EXPECT_EQ(bad.exit_code, 64);
  // CSV holds one table: without --view it is the flows, the same bytes; --view all is refused.
  auto plain_csv = run_funding_cli("funding business-region-orebro --format csv");
  EXPECT_EQ(plain_csv.exit_code, 0) << plain_csv.err;
  EXPECT_EQ(plain_csv.out, csv.out);
  auto all_csv = run_funding_cli("funding business-region-orebro --view all --format csv");
  EXPECT_EQ(all_csv.exit_code, 64);
}

TEST(FundingCli, AllocateAirportCsvAndModel) {
  REQUIRE_FUNDING_PROGRAM();
  const auto csv = std::filesystem::temp_directory_path() / ("orgmodel-airport-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(csv) << "name,weight,cost\nA,1,8\nB,1,11\nC,1,13\nD,1,18\n";
  auto r = run_funding_cli("allocate '" + csv.string() + "' --total 18 --method shapley --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["parts"][3]["amount"], "9.00");  // Littlechild–Owen example: 2, 3, 4, 9
  auto m = run_funding_cli("allocate business-region-orebro --total 6162320 --method rate_matching --format json");
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.out.find("implied rate 10.00 SEK"), std::string::npos);
  auto bad = run_funding_cli("allocate '" + csv.string() + "' --method equal");
  EXPECT_EQ(bad.exit_code, 64);  // no --total
  std::filesystem::remove(csv);
}

// Issue #11 item 3. Study L493-497: "49 kommuner inom Västra Götalandsregionen är med och
// finansierar per kommuninvånare. Totalt rör det sig om 3 miljoner kronor per år." SCB: Västra
// Götalands län 1 767 016 inhabitants (31 Dec 2023); 3 000 000 / 1 767 016 = 1.6978 → 1.70 SEK.
TEST(FundingCli, SkaraborgShowsTheImpliedRatePerInhabitant) {
  REQUIRE_FUNDING_PROGRAM();
  auto r = run_funding_cli("funding business-region-skaraborg --view flows");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("from 49 payers (1 767 016 inhabitants): 1.70 SEK per inhabitant (3 000 000 / 1 767 016)"),
            std::string::npos) << r.out;
  auto j = run_funding_cli("funding business-region-skaraborg --view flows --format json");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto t = nlohmann::json::parse(j.out)["per_inhabitant_totals"];
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]["sek_per_inhabitant"], "1.70");
  EXPECT_EQ(t[0]["population"], 1767016);
  EXPECT_EQ(t[0]["payers"].size(), 49u);
}
