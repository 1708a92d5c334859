// Runs the built `orgmodel` program and checks exit codes and messages on bad input.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

namespace {

// The shared runner (run_cli.hpp); "err-" keeps this file's temporary names apart.
orgmodel_test::cli_result run(const std::string& arguments) { return orgmodel_test::run_cli(arguments, "err-"); }
std::string slurp(const std::filesystem::path& p) { return orgmodel_test::read_file(p); }
#define REQUIRE_PROGRAM() ORGMODEL_REQUIRE_CLI_PROGRAM()

const std::string fixtures = ORGMODEL_TEST_FIXTURES_DIR;

}  // namespace

TEST(CliErrors, MissingFileExitsTwoNamingTheFile) {
  REQUIRE_PROGRAM();
  for (const char* cmd : {"validate", "show", "export", "report"}) {
    SCOPED_TRACE(cmd);
    auto r = run(std::string(cmd) + " /nonexistent/model.json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("[orgmodel.lookup_error"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no such file \"/nonexistent/model.json\""), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

TEST(CliErrors, UnknownModelNameExitsTwoListingBundledModels) {
  REQUIRE_PROGRAM();
  auto r = run("validate business-region-atlantis");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no such file or bundled model \"business-region-atlantis\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("invest-in-norrbotten"), std::string::npos) << r.err;
}

TEST(CliErrors, MalformedModelExitsTwoWithPointer) {
  REQUIRE_PROGRAM();
  auto r = run("validate '" + fixtures + "/malformed_dangling_seat.json'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/bodies/0/seats/0/on_behalf_of_id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown organisation \"kiruna\""), std::string::npos) << r.err;

  auto s = run("show '" + fixtures + "/malformed_syntax.json'");
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("[orgmodel.parse_error"), std::string::npos) << s.err;
  EXPECT_NE(s.err.find("line 5"), std::string::npos) << s.err;
}

TEST(CliErrors, UsageErrorsExitSixtyFour) {
  REQUIRE_PROGRAM();
  EXPECT_EQ(run("validate").exit_code, 64);
  EXPECT_EQ(run("export invest-in-halland --to svg").exit_code, 64);
  EXPECT_EQ(run("export invest-in-halland --layer votes").exit_code, 64);
  EXPECT_EQ(run("show invest-in-halland --bogus").exit_code, 64);
  EXPECT_EQ(run("no-such-command").exit_code, 64);
}

TEST(Cli, ValidateBundledModelPrintsOkWithCounts) {
  REQUIRE_PROGRAM();
  auto r = run("validate business-region-orebro --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "business-region-orebro");
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["counts"]["organisations"], 14);  // BRO, Region Örebro län, 12 municipalities
  EXPECT_EQ(j["counts"]["bodies"], 4);
  auto t = run("validate invest-in-norrbotten");
  EXPECT_EQ(t.exit_code, 0);
  EXPECT_NE(t.out.find("invest-in-norrbotten  OK"), std::string::npos) << t.out;
}

TEST(Cli, ExportJsonIsTheCanonicalBundledFile) {
  REQUIRE_PROGRAM();
  auto r = run("export invest-in-norrbotten --to json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, slurp(std::string(ORGMODEL_SOURCE_DIR) + "/data/models/invest-in-norrbotten.json"));
  auto d = run("export invest-in-norrbotten --to dot --layer ownership");
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_NE(d.out.find("\"org:region-norrbotten\" -> \"org:invest-in-norrbotten\""), std::string::npos) << d.out;
}

// docs/error-contract.md: refused inputs exit 2 with a typed message and print nothing on stdout.
TEST(CliErrors, DirectoryOrDeviceAsModelIsRefused) {
  REQUIRE_PROGRAM();
  auto dir = run("validate '" + fixtures + "'");
  EXPECT_EQ(dir.exit_code, 2);
  EXPECT_NE(dir.err.find("[orgmodel.lookup_error.not_found]"), std::string::npos) << dir.err;
  EXPECT_NE(dir.err.find("is a directory"), std::string::npos) << dir.err;
  EXPECT_TRUE(dir.out.empty());
  auto dev = run("validate /dev/zero");  // on main: read 1 GB before failing
  EXPECT_EQ(dev.exit_code, 2);
  EXPECT_NE(dev.err.find("not a regular file"), std::string::npos) << dev.err;
}

TEST(CliErrors, AllocateCsvDuplicateAndEmptyInput) {
  REQUIRE_PROGRAM();
  const auto dir = std::filesystem::temp_directory_path();
  const auto dup = dir / ("orgmodel-dup-" + std::to_string(::getpid()) + ".csv");
  const auto empty = dir / ("orgmodel-empty-" + std::to_string(::getpid()) + ".csv");
  const auto header = dir / ("orgmodel-header-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(dup) << "name,population\norebro,157000\nkumla,22000\norebro,1\n";
  std::ofstream(empty) << "";
  std::ofstream(header) << "name,population\n";
  auto d = run("allocate '" + dup.string() + "' --total 100");
  EXPECT_EQ(d.exit_code, 2);
  EXPECT_NE(d.err.find("[orgmodel.parse_error.duplicate_id] line 4: stakeholder \"orebro\" is listed twice (first on line 2)"),
            std::string::npos) << d.err;
  EXPECT_TRUE(d.out.empty());
  for (const auto& f : {empty, header}) {
    auto e = run("allocate '" + f.string() + "' --total 100");
    EXPECT_EQ(e.exit_code, 2);
    EXPECT_NE(e.err.find("[orgmodel.parse_error.empty_input]"), std::string::npos) << e.err;
    EXPECT_NE(e.err.find("empty input"), std::string::npos) << e.err;
    EXPECT_EQ(e.err.find("overflow"), std::string::npos) << e.err;
  }
  for (const auto& f : {dup, empty, header}) std::filesystem::remove(f);
}

TEST(CliErrors, ExitCodesOfTheContract) {
  REQUIRE_PROGRAM();
  EXPECT_EQ(run("validate business-region-orebro").exit_code, 0);
  EXPECT_EQ(run("").exit_code, 64);                                   // no command
  EXPECT_EQ(run("frobnicate").exit_code, 64);                         // unknown command
  EXPECT_EQ(run("validate business-region-orebro --bogus 1").exit_code, 64);  // unknown option
  EXPECT_EQ(run("validate business-region-orebro --format yaml").exit_code, 64);
  EXPECT_EQ(run("validate no-such-model").exit_code, 2);
  EXPECT_EQ(run("allocate business-region-orebro --total 1 --year 20x4").exit_code, 64);  // was 70 (std::stoi)
}

TEST(CliErrors, FailedRunWritesNoFile) {
  REQUIRE_PROGRAM();
  const auto out = std::filesystem::temp_directory_path() / ("orgmodel-nothing-" + std::to_string(::getpid()) + ".json");
  std::filesystem::remove(out);
  auto r = run("synth --municipalities -3 --quiet --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 64) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CliErrors, OverlongModelNameIsALookupErrorNotInternal) {
  // Found by fuzz_cli: std::filesystem::exists threw "File name too long" (exit 70).
  REQUIRE_PROGRAM();
  auto r = run("coverage " + std::string(5000, 'N'));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("[orgmodel.lookup_error.not_found]"), std::string::npos) << r.err.substr(0, 200);
}
