// `orgmodel report --format html -o <file>` (issue #14): one self-contained page of the whole
// benchmark — no network reference, under 2 MB, one org chart per organisation with governance
// bodies (counted from the model files, not from the report), and the seven models for Västmanland.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

namespace {

std::size_t html_matches(const std::string& s, const std::string& re) {
  const std::regex r(re, std::regex::icase);
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(s.begin(), s.end(), r), std::sregex_iterator()));
}

}  // namespace

TEST(ReportHtmlCli, WholeBenchmarkIsOneSelfContainedPage) {
  ORGMODEL_REQUIRE_CLI_PROGRAM();
  const auto path = std::filesystem::temp_directory_path() / ("orgmodel-report-" + std::to_string(::getpid()) + ".html");
  const auto r = orgmodel_test::run_cli("report --format html -o '" + path.string() + "'", "html-");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(std::filesystem::exists(path));
  const std::string page = orgmodel_test::read_file(path);
  std::filesystem::remove(path);
  EXPECT_LT(page.size(), 2U * 1024 * 1024);
  // Self-contained: no src or href to the network, no script at all, no external style sheet.
  EXPECT_EQ(html_matches(page, R"((src|href)\s*=\s*["']?\s*(https?:)?//)"), 0U);
  EXPECT_EQ(html_matches(page, R"(<script)"), 0U);
  EXPECT_EQ(html_matches(page, R"(<link[^>]*stylesheet)"), 0U);
  EXPECT_EQ(html_matches(page, R"(@import|url\(\s*["']?https?:)"), 0U);
  // One org chart per bundled model that has governance bodies.
  std::size_t with_bodies = 0;
  for (const auto& f : std::filesystem::directory_iterator(std::string(ORGMODEL_SOURCE_DIR) + "/data/models")) {
    if (f.path().extension() != ".json") continue;
    const auto j = nlohmann::json::parse(orgmodel_test::read_file(f.path()));
    if (!j.contains("bodies") || j["bodies"].empty()) continue;
    ++with_bodies;
    const std::string id = j["id"];
    EXPECT_EQ(html_matches(page, "<svg [^>]*id=\"org-" + id + "\""), 1U) << id;
  }
  EXPECT_GE(with_bodies, 9U);  // the study's nine organisations at least
  EXPECT_EQ(html_matches(page, R"(<svg [^>]*id="org-)"), with_bodies);
  EXPECT_EQ(html_matches(page, R"(<svg [^>]*id="compare-vastmanland")"), 1U);
}

TEST(ReportHtmlCli, OneModelOneChart) {
  ORGMODEL_REQUIRE_CLI_PROGRAM();
  const auto path = std::filesystem::temp_directory_path() / ("orgmodel-bro-" + std::to_string(::getpid()) + ".html");
  const auto r = orgmodel_test::run_cli("report business-region-orebro --format html -o '" + path.string() + "'", "html1-");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = orgmodel_test::read_file(path);
  std::filesystem::remove(path);
  EXPECT_EQ(html_matches(page, R"(<svg [^>]*id="org-)"), 1U);
  EXPECT_EQ(html_matches(page, R"(<svg [^>]*id="org-business-region-orebro")"), 1U);
  EXPECT_EQ(html_matches(page, R"(id="compare-)"), 0U);  // the comparison belongs to the benchmark page
}
