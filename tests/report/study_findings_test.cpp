// Issue #11 item 8: the study's findings in the organisations' profiles and in every comparison.
// L269-273 (BRO weakness): "Verksamheten kan formellt inte ingå avtal eftersom de lyder under Örebro
// kommuns upphandlingsregler." L236-240 (BRO strength): "Verksamheten kan fokusera på
// kärnuppdraget eftersom de slipper all administration som är nödvändig om verksamheten hade varit
// ett aktiebolag."
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/data/findings.hpp"
#include "orgmodel/report/compare_section.hpp"
#include "orgmodel/report/organisation_profile.hpp"

namespace om = orgmodel;

TEST(StudyFindings, ProfileShowsTheFindingsWithTheirLines) {
  const auto p = om::profile_model(om::data::load_bundled_model("business-region-orebro"), om::data::study_findings("business-region-orebro"));
  const auto text = om::to_text(p);
  const auto at = text.find("Findings of the study");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(text.find("(L269–273)", at), std::string::npos);
  EXPECT_NE(text.find("(L236–240)", at), std::string::npos);
  EXPECT_EQ(om::to_json(p)["findings"].size(), om::data::findings_of("business-region-orebro").size());
}

TEST(StudyFindings, CompareCountsThemPerModelFromTheStudysOrganisations) {
  namespace sc = om::scenario;
  const auto c = sc::compare_templates(sc::template_input::from_county("Västmanlands län"));
  const auto col = std::find_if(c.columns.begin(), c.columns.end(), [](const auto& x) { return x.key == "study_strengths"; });
  ASSERT_NE(col, c.columns.end());
  const auto k = static_cast<std::size_t>(col - c.columns.begin());
  // 1B is Skaraborg and Värmland together (L76: "1B. Delat ansvar mellan kommuner och region med ...").
  std::size_t brs_brv = 0;
  for (const char* id : {"business-region-skaraborg", "business-region-varmland"})
    for (const auto& f : om::data::findings_of(id)) brs_brv += f.kind == om::data::finding_kind::strength;
  for (std::size_t i = 0; i < c.variants.size(); ++i)
    if (c.variants[i].category == om::model_category::c1B) { EXPECT_EQ(c.cells[i][k].value, om::scenario::compare_value{static_cast<std::int64_t>(brs_brv)}); }
  const auto s = om::compare_section();
  std::size_t in_3a = 0;
  for (const auto& g : s.content["study_findings"])
    if (g["category"] == "3A") in_3a = g["findings"].size();
  EXPECT_EQ(in_3a, om::data::findings_of("invest-in-norrbotten").size());
  EXPECT_NE(s.text.find("[business-region-orebro]"), std::string::npos);
}
