// The command line as people type it (issue 13): options and positionals in any order, short
// options, --version, "-" for standard input, --format honoured or refused, checked numbers,
// control characters made visible, counties as written, and synth's progress: a summary off a
// terminal, the writing shown on one.
// Every case but the terminal progress of writing failed on main before the parser moved to CLI11.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

namespace {

orgmodel_test::cli_result run_parser_cli(const std::string& arguments) { return orgmodel_test::run_cli(arguments, "parser-"); }
#define REQUIRE_PARSER_PROGRAM() ORGMODEL_REQUIRE_CLI_PROGRAM()

const std::string parser_fixtures = ORGMODEL_TEST_FIXTURES_DIR;
const std::string parser_models = std::string(ORGMODEL_SOURCE_DIR) + "/data/models";

std::filesystem::path parser_temp(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("orgmodel-parser-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST(CliParser, PositionalAfterAFlag) {
  REQUIRE_PARSER_PROGRAM();
  // On main: "power needs exactly one model file" (--per-seat took the model as its value).
  const std::string four = "'" + parser_fixtures + "/power_four_equal.json'";
  auto flag_first = run_parser_cli("power --per-seat " + four + " --body meeting --format json");
  ASSERT_EQ(flag_first.exit_code, 0) << flag_first.err;
  // The fixture's meeting has four seats of one vote each: four players, one per seat.
  const auto j = nlohmann::json::parse(flag_first.out);
  EXPECT_EQ(j["players"].size(), 4u);
  // Every order and spelling of the same request gives the same document.
  for (const std::string& other : {"power " + four + " --body meeting --per-seat --format json",
                                   "power --body=meeting --format=json " + four + " --per-seat",
                                   "power -f json --per-seat --body meeting " + four}) {
    auto r = run_parser_cli(other);
    EXPECT_EQ(r.exit_code, 0) << other << '\n' << r.err;
    EXPECT_EQ(r.out, flag_first.out) << other;
  }
  // --quiet is a flag: nothing on stderr, not even the summary.
  auto q = run_parser_cli("synth --quiet --municipalities 3 --format json");
  EXPECT_EQ(q.exit_code, 0) << q.err;
  EXPECT_TRUE(q.err.empty()) << q.err;
}

TEST(CliParser, HelpPerCommandListsItsOptions) {
  REQUIRE_PARSER_PROGRAM();
  auto r = run_parser_cli("allocate -h");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* opt : {"--total", "--method", "-f,--format", "-h,--help", "usage: orgmodel allocate"})
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt << '\n' << r.out;
  auto report = run_parser_cli("report --help");
  EXPECT_NE(report.out.find("-o,--output"), std::string::npos) << report.out;
}

TEST(CliParser, VersionNamesTheProgramAndTheProjectVersion) {
  REQUIRE_PARSER_PROGRAM();
  // The version as CMakeLists.txt declares it (project(orgmodel VERSION x.y.z ...)), read here.
  const std::string lists = orgmodel_test::read_file(std::string(ORGMODEL_SOURCE_DIR) + "/CMakeLists.txt");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(lists, m, std::regex(R"(project\(orgmodel VERSION ([0-9]+\.[0-9]+\.[0-9]+))")));
  auto r = run_parser_cli("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "orgmodel " + m[1].str() + "\n");  // main printed the bare number
}

TEST(CliParser, DashReadsTheModelFromStandardInput) {
  REQUIRE_PARSER_PROGRAM();
  auto r = run_parser_cli("validate - --format json < '" + parser_models + "/business-region-orebro.json'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "business-region-orebro");
  EXPECT_EQ(j["counts"]["organisations"], 14);  // BRO, Region Örebro län, 12 municipalities
  EXPECT_EQ(j["counts"]["bodies"], 4);
  // Bad JSON on standard input is bad data (2), as in a file.
  auto bad = run_parser_cli("validate - < '" + parser_fixtures + "/malformed_syntax.json'");
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("[orgmodel.parse_error"), std::string::npos) << bad.err;
}

TEST(CliParser, FormatIsHonouredOrRefused) {
  REQUIRE_PARSER_PROGRAM();
  // On main both printed JSON with exit 0, --format csv ignored.
  auto e = run_parser_cli("export invest-in-halland --format csv");
  EXPECT_EQ(e.exit_code, 64);
  EXPECT_TRUE(e.out.empty());
  EXPECT_NE(e.err.find("--format for `orgmodel export` must be json, not \"csv\""), std::string::npos) << e.err;
  auto b = run_parser_cli("ownership invest-in-halland --part bods --format csv");
  EXPECT_EQ(b.exit_code, 64);
  EXPECT_TRUE(b.out.empty());
  EXPECT_NE(b.err.find("--part bods writes JSON"), std::string::npos) << b.err;
  // What they do support still works.
  EXPECT_EQ(run_parser_cli("ownership invest-in-halland --part bods --format json").exit_code, 0);
  EXPECT_EQ(run_parser_cli("export invest-in-halland --to csv").exit_code, 0);
}

TEST(CliParser, BadNumbersAreUsageErrorsNamingOptionAndText) {
  REQUIRE_PARSER_PROGRAM();
  // On main std::stoi / std::stol read the leading digits and went on (exit 0).
  auto y = run_parser_cli("coverage invest-in-halland --year 2024x");
  EXPECT_EQ(y.exit_code, 64);
  EXPECT_NE(y.err.find("--year must be a whole number from 1000 to 9999, not \"2024x\""), std::string::npos) << y.err;
  auto l = run_parser_cli("paths invest-in-halland --limit 3x");
  EXPECT_EQ(l.exit_code, 64);
  EXPECT_NE(l.err.find("--limit"), std::string::npos) << l.err;
  EXPECT_NE(l.err.find("\"3x\""), std::string::npos) << l.err;
  EXPECT_EQ(run_parser_cli("power invest-in-norrbotten --body iin-owners-meeting --samples 0").exit_code, 64);
  EXPECT_EQ(run_parser_cli("synth --quiet --municipalities 0").exit_code, 64);
}

TEST(CliParser, AllocateRefusesANegativeOrZeroTotal) {
  REQUIRE_PARSER_PROGRAM();
  for (const char* total : {"-5", "0", "-0.01"}) {
    auto r = run_parser_cli(std::string("allocate invest-in-norrbotten --total ") + total);
    EXPECT_EQ(r.exit_code, 64) << total << '\n' << r.out;  // main: exit 0 with negative parts
    EXPECT_TRUE(r.out.empty()) << total;
    EXPECT_NE(r.err.find("--total must be a positive amount in SEK, not \"" + std::string(total) + "\""), std::string::npos) << r.err;
  }
  EXPECT_EQ(run_parser_cli("ownership invest-in-halland --threshold -0.1").exit_code, 64);
}

TEST(CliParser, ControlCharactersAreVisibleInTablesAndDot) {
  REQUIRE_PARSER_PROGRAM();
  // Organisation "a" renamed to a name with ESC (a colour sequence), NUL, a newline and DEL.
  auto model = nlohmann::json::parse(orgmodel_test::read_file(parser_fixtures + "/power_four_equal.json"));
  static constexpr char evil[] = "Evil\x1b[31mRed\0Nul\nLine\x7f";
  model["organizations"][0]["name"] = std::string(evil, sizeof evil - 1);
  const auto path = parser_temp("control.json");
  std::ofstream(path) << model.dump();
  auto t = run_parser_cli("show '" + path.string() + "' --part organisations");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  // Written out by hand: ESC → \x1b, NUL → \x00, newline → \n, DEL → \x7f (core/escape.hpp).
  EXPECT_NE(t.out.find(R"(Evil\x1b[31mRed\x00Nul\nLine\x7f)"), std::string::npos) << t.out;
  EXPECT_EQ(t.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(t.out.find('\0'), std::string::npos);
  EXPECT_EQ(t.out.find('\x7f'), std::string::npos);
  auto d = run_parser_cli("export '" + path.string() + "' --to dot");
  ASSERT_EQ(d.exit_code, 0) << d.err;
  // In DOT the newline stays a line break (\n), the other controls are text with the backslash
  // itself escaped for DOT.
  EXPECT_NE(d.out.find(R"("org:a" [label="Evil\\x1b[31mRed\\x00Nul\nLine\\x7f", shape=box];)"), std::string::npos) << d.out;
  EXPECT_EQ(d.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(d.out.find('\0'), std::string::npos);
  std::filesystem::remove(path);
}

TEST(CliParser, CountiesAsPeopleWriteThem) {
  REQUIRE_PARSER_PROGRAM();
  // Västmanlands län, county code 19: 10 municipalities and 280 813 inhabitants on 31 Dec 2023
  // (SCB, Folkmängd i riket, län och kommuner 31 december 2023).
  const std::string first = "Västmanlands län: 10 municipalities, 280 813 inhabitants, Region Västmanland\n";
  for (const char* written : {"Västmanland", "'västmanlands län'", "VÄSTMANLAND", "Vastmanland", "19", "'Västmanlands län'",
                              "'VASTMANLANDS LAN'"}) {
    auto r = run_parser_cli(std::string("compare ") + written);
    EXPECT_EQ(r.exit_code, 0) << written << '\n' << r.err;
    EXPECT_EQ(r.out.substr(0, first.size()), first) << written;
  }
  // Unknown: the input and the counties whose names start alike (Väst…: four of them).
  auto u = run_parser_cli("compare Västra");
  EXPECT_EQ(u.exit_code, 2);
  EXPECT_NE(u.err.find("no Swedish county named or coded \"Västra\""), std::string::npos) << u.err;
  for (const char* close : {"Västra Götalands län (14)", "Västmanlands län (19)", "Västernorrlands län (22)", "Västerbottens län (24)"})
    EXPECT_NE(u.err.find(close), std::string::npos) << close << '\n' << u.err;
  EXPECT_EQ(u.err.find("Skåne"), std::string::npos) << u.err;
}

TEST(CliParser, SynthOffATerminalPrintsOneSummaryLine) {
  REQUIRE_PARSER_PROGRAM();
  // run_cli sends stderr to a file: not a terminal, so no \r progress lines, one summary.
  const auto out = parser_temp("synth.json");
  auto r = run_parser_cli("synth --municipalities 20 --format json --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_match(r.err, m, std::regex(R"(synth: generated ([0-9]+) entities \(20 municipalities\) in ([0-9]+\.[0-9][0-9]) s\n)")))
      << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(std::to_string(j["entities"].get<std::uint64_t>()), m[1].str());
  // The reported time is the summary's, taken after the file was written (the whole job).
  char rounded[32];
  std::snprintf(rounded, sizeof rounded, "%.2f", j["seconds"].get<double>());
  EXPECT_EQ(rounded, m[2].str());
  EXPECT_TRUE(std::filesystem::exists(out));
  std::filesystem::remove(out);
}

// On a terminal (a pseudo-terminal from util-linux `script`), `synth --out` shows the writing as
// it goes: the elements converted and the bytes written, ending at 100 % of the file's size.
TEST(CliParser, SynthOnATerminalShowsTheWritingProgress) {
  REQUIRE_PARSER_PROGRAM();
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no `script` to make a terminal";
  const auto out = parser_temp("synth-tty.json"), log = parser_temp("synth-tty.log");
  const std::string inner = std::string("'") + ORGMODEL_CLI_PROGRAM + "' synth --municipalities 20 --out '" + out.string() + "'";
  const std::string cmd = "script -qec \"" + inner + "\" /dev/null >'" + log.string() + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const auto shown = orgmodel_test::read_file(log);
  const auto bytes = std::filesystem::file_size(out);
  EXPECT_NE(shown.find("synth: writing " + out.string()), std::string::npos) << shown;
  EXPECT_NE(shown.find("elements"), std::string::npos) << shown;
  EXPECT_NE(shown.find("100 %  " + std::to_string(bytes) + " / " + std::to_string(bytes)), std::string::npos) << shown;
  std::filesystem::remove(out);
  std::filesystem::remove(log);
}
