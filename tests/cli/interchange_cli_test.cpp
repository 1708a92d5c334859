// `orgmodel import bods`, `orgmodel ownership FILE.bods.json`, BODS export flags and
// `orgmodel export --to graphml|csv`, run through the built program.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

#ifdef ORGMODEL_CLI_PROGRAM
using orgmodel_test::run_cli;

namespace {
const std::string bods_dir = std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/bods/";
}

TEST(InterchangeCli, ImportBodsWritesTheLatestStateAsAModel) {
  const auto out = std::filesystem::temp_directory_path() / ("orgmodel-import-" + std::to_string(::getpid()) + ".json");
  const auto r = run_cli("import bods '" + bods_dir + "updates-and-closures.bods.json' -o '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = nlohmann::json::parse(orgmodel_test::read_file(out));
  std::filesystem::remove(out);
  EXPECT_EQ(m["id"], "updates-and-closures");
  // Hand count from the fixture: two open records of entities/persons, one open relationship.
  EXPECT_EQ(m["organizations"].size(), 2u);
  ASSERT_EQ(m["ownerships"].size(), 1u);
  EXPECT_EQ(m["ownerships"][0]["share"], "1");
  EXPECT_NE(r.err.find("9 statements"), std::string::npos) << r.err;
}

TEST(InterchangeCli, OwnershipReadsABodsFile) {
  // kommun owns moder 100 %, moder owns dotter 100 %: kommun is dotter's ultimate owner at 100 %,
  // once — the declared indirect interest is not counted again.
  const auto r = run_cli("ownership '" + bods_dir + "indirect-interests.bods.json' --part ultimate --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("kommun"), std::string::npos) << r.out;
  const auto bad = run_cli("import bods '" + std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/malformed_syntax.json'");
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("[orgmodel.parse_error.syntax]"), std::string::npos) << bad.err;
}

TEST(InterchangeCli, BodsDatesAndPublisherFromFlags) {
  const auto r = run_cli("ownership invest-in-norrbotten --part bods --statement-date 2025-12-31 --publication-date 2026-01-15 "
                         "--publisher 'Region X'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto s = nlohmann::json::parse(r.out);
  EXPECT_EQ(s[0]["statementDate"], "2025-12-31");
  EXPECT_EQ(s[0]["publicationDetails"]["publicationDate"], "2026-01-15");
  EXPECT_EQ(s[0]["publicationDetails"]["publisher"]["name"], "Region X");
  EXPECT_EQ(run_cli("ownership invest-in-norrbotten --part bods --statement-date yesterday").exit_code, 2);
}

TEST(InterchangeCli, ExportGraphmlAndCsv) {
  const auto g = run_cli("export invest-in-norrbotten --to graphml --layer ownership");
  ASSERT_EQ(g.exit_code, 0) << g.err;
  EXPECT_NE(g.out.find("<graphml"), std::string::npos);
  const auto c = run_cli("export invest-in-norrbotten --to csv --layer ownership");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.substr(0, c.out.find('\n')), "source,target,relation,weight,equity_low,equity_high,votes_low,votes_high,equity");
  // Region Norrbotten's 75 %: exact text "0.75"
  EXPECT_NE(c.out.find("org:region-norrbotten,org:invest-in-norrbotten,ownership,0.75,0.75,0.75,0.75,0.75,0.75\n"), std::string::npos);
  EXPECT_EQ(run_cli("export invest-in-norrbotten --to graphml --part vertices").exit_code, 64);
}
#endif
