// The render module's SVG: structure (elements, classes, ids — not pixels) against golden files
// for two small fixtures, and the figures drawn checked against hand calculations.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "orgmodel/io/json.hpp"
#include "orgmodel/render/compare_chart.hpp"
#include "orgmodel/render/coverage_grid.hpp"
#include "orgmodel/render/decision_timeline.hpp"
#include "orgmodel/render/funding_sankey.hpp"
#include "orgmodel/render/org_chart.hpp"
#include "orgmodel/render/svg.hpp"

namespace render_structure_test {

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

orgmodel::model fixture(const std::string& name) {
  return orgmodel::load_model_file(std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/" + name + ".json");
}

/// One line per start tag: "tag.class#id" (the skeleton a golden file keeps).
std::string skeleton(const std::string& svg) {
  static const std::regex tag(R"(<([a-zA-Z]+)([^>]*)>)");
  static const std::regex cls(R"re(\bclass="([^"]*)")re"), id(R"re(\bid="([^"]*)")re");
  std::string out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string attrs = (*it)[2];
    std::smatch m;
    out += (*it)[1].str();
    if (std::regex_search(attrs, m, cls)) out += "." + m[1].str();
    if (std::regex_search(attrs, m, id)) out += "#" + m[1].str();
    out += '\n';
  }
  return out;
}

/// How many start tags `<tag ... class="cls"` the document has.
std::size_t count_of(const std::string& svg, const std::string& tag, const std::string& cls) {
  const std::regex re("<" + tag + R"re( class=")re" + cls + "\"");
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(svg.begin(), svg.end(), re), std::sregex_iterator()));
}

// Regenerate after a deliberate change:
//   ORGMODEL_UPDATE_GOLDEN=1 build/dev/tests/test_render --gtest_filter='RenderGolden.*'
void expect_golden(const std::string& name, const std::string& svg) {
  const std::string path = std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/render/" + name + ".skeleton.txt";
  const std::string now = skeleton(svg);
  if (const char* u = std::getenv("ORGMODEL_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << now;
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string golden = slurp(path);
  ASSERT_FALSE(golden.empty()) << path << " is missing";
  EXPECT_EQ(now, golden) << "the structure of " << name << " differs from " << path;
}

}  // namespace render_structure_test

namespace rst = render_structure_test;

TEST(RenderGolden, PathsDemo) {
  const auto m = rst::fixture("paths_demo");
  rst::expect_golden("paths_demo.org_chart", orgmodel::org_chart_svg(m));
  rst::expect_golden("paths_demo.timeline", orgmodel::decision_timeline_svg(m));
}

TEST(RenderGolden, EveryField) {
  const auto m = rst::fixture("every-field");
  rst::expect_golden("every-field.org_chart", orgmodel::org_chart_svg(m));
  rst::expect_golden("every-field.timeline", orgmodel::decision_timeline_svg(m));
  rst::expect_golden("every-field.funding", orgmodel::funding_sankey_svg(m, 2024));
  rst::expect_golden("every-field.coverage", orgmodel::coverage_grid_svg(m, orgmodel::coverage(m)));
}

TEST(RenderCoverage, SeatsOnThePoliticalLayer) {
  // every-field.json: Örebro and Karlskoga, members of BRO, each hold one seat on the steering
  // group "sg" (political layer): two direct cells reading "1 seat", both in that column.
  const auto m = rst::fixture("every-field");
  const auto s = orgmodel::coverage_grid_svg(m, orgmodel::coverage(m));
  EXPECT_NE(s.find(">Örebro kommun<"), std::string::npos);
  EXPECT_NE(s.find(">Karlskoga kommun<"), std::string::npos);
  std::size_t one_seat = 0;
  for (auto p = s.find(">1 seat<"); p != std::string::npos; p = s.find(">1 seat<", p + 1)) ++one_seat;
  EXPECT_EQ(one_seat, 2U);
  EXPECT_NE(s.find(">160 017<"), std::string::npos);  // Örebro's population in the fixture
}

TEST(RenderOrgChart, PathsDemoCounts) {
  // paths_demo.json: 4 bodies, all with mandates, on the political (2), executive (1) and
  // operative (1) layers; 3 escalation lines; BRO is hosted by Örebro kommun and cannot sign.
  const auto s = orgmodel::org_chart_svg(rst::fixture("paths_demo"));
  EXPECT_EQ(rst::count_of(s, "g", "body"), 4U);
  EXPECT_EQ(rst::count_of(s, "rect", "box mandate"), 4U);
  EXPECT_EQ(rst::count_of(s, "line", "escalation"), 3U);
  EXPECT_EQ(rst::count_of(s, "g", "band band-political"), 1U);
  EXPECT_EQ(rst::count_of(s, "g", "band band-owner"), 0U);
  EXPECT_NE(s.find("Business Region Örebro is hosted by Örebro kommun"), std::string::npos);
  // The partnership's bodies sign through the host (signing_capacity_of walks hosted_by).
  EXPECT_NE(s.find("✎ signs: Örebro kommun"), std::string::npos);
  EXPECT_NE(s.find("<title id=\"org-paths-demo-title\">"), std::string::npos);
  EXPECT_NE(s.find("<desc id=\"org-paths-demo-desc\">"), std::string::npos);
}

TEST(RenderOrgChart, DeterministicOutput) {
  const auto m = rst::fixture("every-field");
  EXPECT_EQ(orgmodel::org_chart_svg(m), orgmodel::org_chart_svg(m));
}

TEST(RenderOrgChart, AggregatesSeatsOfLargeBodies) {
  // A members' meeting with 55 members (SBA's KSO meeting has 55: study, "KSO-mötet") shows a
  // count, not 55 labels; a body with 2 members lists them.
  std::string orgs = R"({"id":"alliance","name":"Alliance","classification":"partnership"})", seats;
  for (int i = 0; i < 55; ++i) {
    orgs += R"(,{"id":"m)" + std::to_string(i) + R"(","name":"Member )" + std::to_string(i) + R"(","classification":"municipality"})";
    seats += std::string(i ? "," : "") + R"({"on_behalf_of_id":"m)" + std::to_string(i) + R"(","role":"kso"})";
  }
  const std::string j = R"({"format":"orgmodel/1","id":"big","name":"Big","organizations":[)" + orgs +
                        R"(],"bodies":[{"id":"kso","name":"KSO meeting","classification":"members_meeting","layer":"political","organization_id":"alliance","seats":[)" +
                        seats +
                        R"(]},{"id":"sg","name":"Steering","classification":"steering_group","layer":"executive","organization_id":"alliance","seats":[{"on_behalf_of_id":"m1","role":"a","chair":true},{"on_behalf_of_id":"m2","role":"b"},{"on_behalf_of_id":"m2","role":"c"}]}]})";
  const auto s = orgmodel::org_chart_svg(orgmodel::from_json(j));
  EXPECT_NE(s.find(">55 seats, 55 members<"), std::string::npos);
  EXPECT_EQ(s.find(">● Member 40<"), std::string::npos);
  EXPECT_NE(s.find(">● Member 1 (chair)<"), std::string::npos);
  EXPECT_NE(s.find(">● Member 2 ×2<"), std::string::npos);
}

TEST(RenderTimeline, PathsDemoWaits) {
  // Budget from the team: team → Ledningsgrupp → Styrgrupp (4/yr) → Regional tillväxtnämnd (10/yr).
  // Expected wait at a body = 365 / (2 × meetings): 365/8 = 45.625 → "45.6"; preparation
  // 2 + 14 + 21 = 37 days. Team and Ledningsgrupp state no cadence: assumed, hatched.
  const auto s = orgmodel::decision_timeline_svg(rst::fixture("paths_demo"));
  EXPECT_NE(s.find("3 Styrgrupp (KSO) 45.6 d →"), std::string::npos);
  EXPECT_NE(s.find("(incl. 37.0 d preparation)"), std::string::npos);
  EXPECT_GE(rst::count_of(s, "rect", "wait assumed"), 2U);
  EXPECT_NE(s.find("id=\"decision-paths-demo-budget\""), std::string::npos);
}

TEST(RenderFunding, KnownAmountsInSek) {
  // every-field.json, 2024: Örebro 10 SEK × 160 017 = 1 600 170; Karlskoga 10 SEK × 30 221 =
  // 302 210 (below its 500 000 cap): municipalities → BRO 1 902 380 SEK.
  const auto s = orgmodel::funding_sankey_svg(rst::fixture("every-field"), 2024);
  EXPECT_NE(s.find(">Municipalities<"), std::string::npos);
  EXPECT_NE(s.find(">1 902 380 SEK<"), std::string::npos);
  EXPECT_EQ(rst::count_of(s, "path", "flow unknown"), 0U);
}

TEST(RenderFunding, UnknownAmountIsHatchedNotZero) {
  // A per-inhabitant fee from a municipality without a population: unknown, drawn hatched.
  const auto m = orgmodel::from_json(
      R"({"format":"orgmodel/1","id":"u","name":"U","organizations":[{"id":"k","name":"Kommun","classification":"municipality"},)"
      R"({"id":"o","name":"Org","classification":"partnership"}],"funding_rules":[{"id":"f","payer_id":"k","recipient_id":"o",)"
      R"("basis":"per_inhabitant","rate":"10","purpose":"base"}]})");
  const auto s = orgmodel::funding_sankey_svg(m, 2024);
  EXPECT_EQ(rst::count_of(s, "path", "flow unknown"), 2U);  // payer → org, org → purpose
  EXPECT_EQ(rst::count_of(s, "path", "flow"), 0U);
  EXPECT_NE(s.find(">1 unknown<"), std::string::npos);
  EXPECT_EQ(s.find(">0 SEK"), std::string::npos);
}

TEST(RenderSvg, EscapesTextAttributesAndControlCharacters) {
  EXPECT_EQ(orgmodel::svg::escape("a<b&\"c'd>"), "a&lt;b&amp;&quot;c&#39;d&gt;");
  EXPECT_EQ(orgmodel::svg::escape(std::string("x\x01y\x7f")), "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  EXPECT_EQ(orgmodel::svg::escape("t\tn\n"), "t&#9;n&#10;");
  EXPECT_EQ(orgmodel::svg::escape("Västerås Örebro"), "Västerås Örebro");
  EXPECT_EQ(orgmodel::svg::code_points("Ö"), 1U);
  orgmodel::svg::writer w("a\"b", 10, 10, "<T>", "D&");
  const auto s = std::move(w).finish();
  EXPECT_NE(s.find("id=\"a&quot;b\""), std::string::npos);
  EXPECT_NE(s.find("&lt;T&gt;</title>"), std::string::npos);
}

TEST(RenderSvg, WrapKeepsLinesShort) {
  const auto lines = orgmodel::svg::wrap("Regional tillväxtnämnd och utvecklingsnämnd", 12);
  // "Regional" / "tillväxtnämn" / "d och" / "utvecklingsn" / "ämnd": words over 12 are cut.
  ASSERT_EQ(lines.size(), 5U);
  for (const auto& l : lines) EXPECT_LE(orgmodel::svg::code_points(l), 12U) << l;
}

// The seven models for Västmanland as small multiples (issue #14). Default columns only, so the
// structure does not depend on which analyses registered columns in this program.
namespace render_structure_test {
const orgmodel::scenario::comparison& vastmanland_comparison() {
  static const auto c = orgmodel::scenario::compare_templates(orgmodel::scenario::template_input::from_county("Västmanlands län"),
                                                              {.use_registry = false});
  return c;
}
/// The `<g class="panel">` of one column, up to its closing tag.
std::string panel_of(const std::string& svg, const std::string& key) {
  const auto at = svg.find("id=\"panel-compare-vastmanland-" + key + "\"");
  if (at == std::string::npos) return {};
  return svg.substr(at, svg.find("</g>", at) - at);
}
}  // namespace render_structure_test

TEST(RenderGolden, CompareChartVastmanland) {
  rst::expect_golden("vastmanland.compare", orgmodel::compare_chart_svg(rst::vastmanland_comparison()));
}

TEST(RenderCompareChart, BarsFollowTheComparison) {
  const std::string svg = orgmodel::compare_chart_svg(rst::vastmanland_comparison());
  // Every municipality is a member in all seven models (10, 280 813 inhabitants): no panel, named
  // in the description instead.
  EXPECT_TRUE(rst::panel_of(svg, "members").empty());
  EXPECT_NE(svg.find("Equal for every model: members 10; population 280 813"), std::string::npos);
  // Base funding: the largest is 1A's (and 3B's) 2 × 10 SEK × 280 813 = 5 616 260 SEK, drawn at the
  // full 170 px; 4A's 4 × 280 813 = 1 123 252 is exactly a fifth of it: 34 px.
  const std::string base = rst::panel_of(svg, "base_funding_per_year");
  ASSERT_FALSE(base.empty());
  EXPECT_EQ(rst::count_of(base, "rect", "bar"), 4U);  // 1A, 1B, 2A, 4A: rates and sums the study states
  // 2B: Halland's 4 MSEK assumed; 3A: Norrbotten's ≈ 4 MSEK estimated; 3B: BRO's rate assumed for HCI.
  EXPECT_EQ(rst::count_of(base, "rect", "bar assumed"), 3U);
  EXPECT_NE(base.find("width=\"170.0\""), std::string::npos);
  EXPECT_NE(base.find("width=\"34.0\""), std::string::npos);
  EXPECT_NE(base.find(">5 616 260</text>"), std::string::npos);
  EXPECT_NE(base.find(">4 000 000 *</text>"), std::string::npos);  // 2B, marked
  // 2A has no project; project funding of 3A only (6 666 666.74, compare_test.cpp): the other six
  // are 0 and draw no bar, not a hatched one.
  const std::string proj = rst::panel_of(svg, "project_funding_per_year");
  ASSERT_FALSE(proj.empty());
  EXPECT_EQ(rst::count_of(proj, "rect", "bar unknown"), 0U);
  EXPECT_EQ(rst::count_of(proj, "rect", "bar assumed"), 1U);
  EXPECT_NE(svg.find("<title id=\"compare-vastmanland-title\">The seven models for Västmanlands län</title>"), std::string::npos);
}

TEST(RenderCompareChart, UnknownIsHatchedNotZero) {
  auto c = rst::vastmanland_comparison();
  std::size_t k = 0;
  while (c.columns[k].key != "base_funding_per_year") ++k;
  c.cells[0][k] = {"unknown", {}};
  const std::string base = rst::panel_of(orgmodel::compare_chart_svg(c), "base_funding_per_year");
  EXPECT_EQ(rst::count_of(base, "rect", "bar unknown"), 1U);
  EXPECT_NE(base.find(">unknown</text>"), std::string::npos);
}
