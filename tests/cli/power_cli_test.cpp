// Runs `orgmodel power` on a four-member meeting (tests/fixtures/power_four_equal.json, one vote
// each): "at least half" is 2 of 4 votes, "more than half" 3 of 4.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

namespace {

orgmodel_test::cli_result run_power_cli(const std::string& arguments) { return orgmodel_test::run_cli(arguments, "power-"); }
#define REQUIRE_POWER_PROGRAM() ORGMODEL_REQUIRE_CLI_PROGRAM()

const std::string fixture = std::string("'") + ORGMODEL_TEST_FIXTURES_DIR + "/power_four_equal.json'";

}  // namespace

TEST(PowerCli, AtLeastHalfAndMoreThanHalf) {
  REQUIRE_POWER_PROGRAM();
  // At least half (2 of 4): a coalition of 2 wins; of the 3 others' coalitions a voter turns
  // {x} (3 of them) from losing to winning: 3 swings; the empty set loses and stays losing.
  // More than half (3 of 4): the voter swings in the 3 pairs of the others.
  // Coleman's power to act: 11 of 16 coalitions have ≥ 2 members, 5 have ≥ 3.
  for (const char* q : {"'>=1/2'", "'>=0.5'", "'>=50%'"}) {
    auto r = run_power_cli("power " + fixture + " --body meeting --format json --quota " + q);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["quota"], 2) << q;
    EXPECT_EQ(j["players"][0]["swings"], "3") << q;
    EXPECT_EQ(j["coleman_act_exact"], "11/16") << q;
  }
  for (const char* q : {"'>1/2'", "'>0.5'", "'>50%'", "1/2", "0.5", "50%", "majority"}) {
    auto r = run_power_cli("power " + fixture + " --body meeting --format json --quota " + q);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["quota"], 3) << q;
    EXPECT_EQ(j["players"][0]["swings"], "3") << q;
    EXPECT_EQ(j["coleman_act_exact"], "5/16") << q;
  }
  auto bad = run_power_cli("power " + fixture + " --body meeting --quota '>1'");
  EXPECT_EQ(bad.exit_code, 64);
  EXPECT_NE(bad.err.find(">1"), std::string::npos) << bad.err;
}

TEST(PowerCli, JsonNamesTheMethodOfEveryIndex) {
  REQUIRE_POWER_PROGRAM();
  auto r = run_power_cli("power " + fixture + " --body meeting --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"banzhaf", "coleman", "shapley_shubik", "public_good", "deegan_packel", "johnston"})
    EXPECT_EQ(j["methods"][k].get<std::string>().rfind("exact", 0), 0u) << k;
  // four equal voters: every index 1/4
  EXPECT_EQ(j["players"][2]["shapley_shubik_exact"], "1/4");
  EXPECT_EQ(j["players"][2]["johnston_exact"], "1/4");
}

TEST(PowerCli, TableStatesTheMethodOfEveryIndex) {
  REQUIRE_POWER_PROGRAM();
  // the same method strings as the JSON's "methods", one line per index under the table
  auto r = run_power_cli("power " + fixture + " --body meeting");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = run_power_cli("power " + fixture + " --body meeting --format json");
  const auto methods = nlohmann::json::parse(j.out)["methods"];
  EXPECT_NE(r.out.find("\nJohnston: " + methods["johnston"].get<std::string>() + "\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nShapley–Shubik: exact (DP): "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nBanzhaf and Coleman: exact (DP): "), std::string::npos) << r.out;
}

TEST(PowerCli, DoubleMajorityFromTheModel) {
  REQUIRE_POWER_PROGRAM();
  // tests/fixtures/power_double_majority.json: 2 of 3 members and 65 of 100 inhabitants (A 60, B 30,
  // C 10). Winning: {A,B}, {A,C}, {A,B,C}; by hand (as in CompositePower.MembersAndPopulationByHand):
  // Shapley–Shubik A 2/3 (pivotal in 4 of 6 orders), Banzhaf A 3/5.
  const std::string model = std::string("'") + ORGMODEL_TEST_FIXTURES_DIR + "/power_double_majority.json'";
  auto r = run_power_cli("power " + model + " --body consultation --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["quota_rule"], "members ≥ 2 and population ≥ 65");
  EXPECT_EQ(j["players"][0]["shapley_shubik_exact"], "2/3");
  EXPECT_EQ(j["players"][0]["banzhaf_exact"], "3/5");
  EXPECT_EQ(j["methods"]["johnston"], "exact (enumeration): all 8 coalitions");
  // --quota replaces the rule by one quota on votes: three equal votes, every index 1/3
  auto v = run_power_cli("power " + model + " --body consultation --format json --quota majority");
  ASSERT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(nlohmann::json::parse(v.out)["players"][0]["shapley_shubik_exact"], "1/3");
}
