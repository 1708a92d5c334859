// Issue #11 item 5: the national picture of the study's first paragraph. Study L8-11: "idag är det
// enbart ett fåtal regioner som inte har en samlad arbetsform för att arbeta med frågan. De som ännu
// inte har en formell organisation är Västmanland, Gotland, Södermanland och Uppsala."
// SCB county codes: Uppsala 03, Södermanland 04, Gotland 09, Västmanland 19.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "orgmodel/analysis/national_view.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/coverage_section.hpp"

namespace om = orgmodel;

namespace {
std::set<std::string> codes(const std::vector<std::string_view>& v) { return {v.begin(), v.end()}; }
}  // namespace

TEST(StudyNational, OnlyTheFourCountiesTheStudyNamesAreWithoutAnOrganisation) {
  const auto models = om::data::load_benchmark();
  const auto v = om::national_view(models);
  EXPECT_TRUE(v.declared);
  EXPECT_EQ(codes(v.counties_without_organisation), (std::set<std::string>{"03", "04", "09", "19"}));
  // Modelled single-county organisations serve Östergötland 05 (Region Östergötland), Halland 13,
  // Västra Götaland 14 (BRS), Värmland 17, Örebro 18, Dalarna 20, Västernorrland 22 (HCI),
  // Norrbotten 25; the other 21 − 4 − 8 = 9 counties have an organisation that is not modelled
  // (Stockholm 01 is served by SBA only, a cross-county partnership).
  EXPECT_EQ(codes(v.counties_not_modelled),
            (std::set<std::string>{"01", "06", "07", "08", "10", "12", "21", "23", "24"}));
  for (const auto& c : v.counties)
    if (c.code == "12") { EXPECT_EQ(c.status, om::county_status::not_modelled); }
  // L1767-1768: "ett partnerskap mellan 55 kommuner"; 26 are named, so 29 are a group of known size.
  bool sba = false;
  for (const auto& u : v.unknown_groups)
    if (u.organisation_id == "sba-unknown-members") {
      sba = true;
      EXPECT_EQ(u.member_count, 29);
    }
  EXPECT_TRUE(sba);
}

TEST(StudyNational, ReportListsTheFourAndSaysTheOthersAreNotModelled) {
  const auto models = om::data::load_benchmark();
  const auto s = om::coverage_section(models);
  const auto at = s.text.find("Counties without an organisation (as the source states):");
  ASSERT_NE(at, std::string::npos) << s.text;
  const auto block = s.text.substr(at, s.text.find("Counties that have an organisation, not modelled here:") - at);
  for (const char* name : {"Uppsala län", "Södermanlands län", "Gotlands län", "Västmanlands län"})
    EXPECT_NE(block.find(name), std::string::npos) << name;
  EXPECT_EQ(block.find("Skåne län"), std::string::npos);
  EXPECT_NE(s.text.find("up to 29"), std::string::npos);
  EXPECT_EQ(s.content["national"]["counties_not_modelled"].size(), 9u);
}

// Issue #11 item 9, names in text: the municipalities served by several organisations name those
// organisations as the study does ("Stockholm Business Alliance"), not by their ids.
TEST(StudyNational, MunicipalitiesInSeveralOrganisationsAreListedByOrganisationName) {
  const auto models = om::data::load_benchmark();
  const auto v = om::national_view(models);
  const auto s = om::coverage_section(models);
  const auto at = s.text.find("Municipalities in several organisations:");
  ASSERT_NE(at, std::string::npos);
  const auto part = s.text.substr(at);
  bool named = false;
  for (const auto& o : v.organisations) {
    if (o.id != o.name) {
      EXPECT_EQ(part.find(" " + o.id + "\n"), std::string::npos) << o.id;
      EXPECT_EQ(part.find(" " + o.id + ","), std::string::npos) << o.id;
    }
    named = named || part.find(o.name) != std::string::npos;
  }
  EXPECT_TRUE(named) << part;
}
