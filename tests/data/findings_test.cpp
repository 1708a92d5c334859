// Issue #11 item 8: the study's qualitative findings as typed data, each with the study's lines.
#include <map>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "orgmodel/data/findings.hpp"

namespace od = orgmodel::data;

namespace {
// Each organisation's section of ../shared/seed/ipa-benchmark-study.sv.txt, from its heading
// (e.g. L107 " Business Region Örebro", L308 " Business Region Skaraborg") to the next one.
const std::map<std::string, std::pair<int, int>>& sections() {
  static const std::map<std::string, std::pair<int, int>> s{
      {"business-region-orebro", {107, 307}},       {"business-region-skaraborg", {308, 534}},
      {"business-region-varmland", {535, 790}},     {"invest-in-dalarna", {791, 998}},
      {"east-sweden-business-region", {999, 1215}}, {"invest-in-halland", {1216, 1380}},
      {"invest-in-norrbotten", {1381, 1605}},       {"high-coast-invest", {1606, 1762}},
      {"stockholm-business-alliance", {1763, 2057}}};
  return s;
}
}  // namespace

TEST(Findings, EveryFindingCitesLinesInsideItsOrganisationsSection) {
  const auto& all = od::bundled_findings();
  ASSERT_GT(all.size(), 100u);
  for (const auto& f : all) {
    SCOPED_TRACE(f.model + ": " + f.text);
    ASSERT_TRUE(sections().contains(f.model));
    const auto [from, to] = sections().at(f.model);
    ASSERT_FALSE(f.lines.empty());
    // the first line cited lies in the organisation's own section (later ones may point elsewhere)
    EXPECT_GE(f.lines.front().from, from);
    EXPECT_LE(f.lines.front().to, to);
  }
  // every organisation has at least one strength and one weakness (each section has both headings)
  for (const auto& [id, range] : sections()) {
    std::size_t strengths = 0, weaknesses = 0;
    for (const auto& f : od::findings_of(id)) {
      strengths += f.kind == od::finding_kind::strength;
      weaknesses += f.kind == od::finding_kind::weakness;
    }
    EXPECT_GT(strengths, 0u) << id;
    EXPECT_GT(weaknesses, 0u) << id;
  }
}

// L335-337: "Konkreta mål innefattade att attrahera minst 20 reella förfrågningar, åstadkomma minst
// två etableringar per år, samt ta minst 40 nya externa kontakter per år."
TEST(Findings, SkaraborgTargetsAreThereWithTheirLines) {
  bool found = false;
  for (const auto& f : od::findings_of("business-region-skaraborg"))
    if (f.kind == od::finding_kind::target && f.text.find("at least 20") != std::string::npos) {
      found = true;
      EXPECT_NE(f.text.find("at least 40"), std::string::npos);
      EXPECT_EQ(f.lines_text(), "L334–338");
    }
  EXPECT_TRUE(found);
  // L269-273: BRO "kan formellt inte ingå avtal"
  bool bro = false;
  for (const auto& f : od::findings_of("business-region-orebro"))
    bro = bro || (f.kind == od::finding_kind::weakness && f.lines.front().from == 269);
  EXPECT_TRUE(bro);
}

TEST(Findings, BadInputIsATypedErrorWithItsPointer) {
  auto code_and_pointer = [](std::string_view text) -> std::pair<orgmodel::error_code, std::string> {
    try {
      (void)od::parse_findings(text);
    } catch (const orgmodel::parse_error& e) {
      return {e.code(), e.pointer()};
    }
    return {orgmodel::error_code::unsupported, "no error"};
  };
  EXPECT_EQ(code_and_pointer(R"({"findings":[{"model":"x","kind":"virtue","text":"t","lines":[{"from":1,"to":2}]}]})"),
            std::make_pair(orgmodel::error_code::unknown_value, std::string("/findings/0/kind")));
  EXPECT_EQ(code_and_pointer(R"({"findings":[{"model":"x","kind":"strength","text":"t","lines":[]}]})"),
            std::make_pair(orgmodel::error_code::missing_member, std::string("/findings/0/lines")));
  EXPECT_EQ(code_and_pointer(R"({"findings":[{"model":"x","kind":"strength","text":"t","lines":[{"from":5,"to":2}]}]})"),
            std::make_pair(orgmodel::error_code::out_of_range, std::string("/findings/0/lines/0")));
  EXPECT_EQ(code_and_pointer(R"({"findings":[{"kind":"strength","text":"t","lines":[{"from":1,"to":1}]}]})"),
            std::make_pair(orgmodel::error_code::missing_member, std::string("/findings/0/model")));
  EXPECT_EQ(code_and_pointer("{"), std::make_pair(orgmodel::error_code::syntax, std::string()));
  const auto ok = od::parse_findings(R"({"findings":[{"model":"m","kind":"weakness","text":"t","lines":[{"from":3,"to":3}]}]})");
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(ok[0].lines_text(), "L3");
}
