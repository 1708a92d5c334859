// Issue #11 item 2: signing capacity — whether the organisation can sign agreements and NDAs in its
// own name — as a column of the report's overview and of every template comparison.
// L269-273 (BRO): "Verksamheten kan formellt inte ingå avtal eftersom de lyder under Örebro kommuns
// upphandlingsregler. Det innebär att de inte kan underteckna sekretessavtal."
// L766-774 (BRV): "Som offentlig aktör finns inte samma flexibilitet som om verksamheten hade
// bedrivits i bolagsform" — a unit of the region signs through the region; a company signs itself.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/benchmark_report.hpp"

namespace om = orgmodel;

TEST(StudySigning, OverviewShowsWhoSignsForEachOrganisation) {
  std::vector<om::model> models;
  for (auto id : om::data::study_model_ids()) models.push_back(om::data::load_bundled_model(id));
  std::ostringstream o;
  om::overview_table(models).print(o);
  const auto text = o.str();
  auto row = [&](const std::string& id) {
    const auto at = text.find("\n" + id + " ");
    EXPECT_NE(at, std::string::npos) << id;
    return text.substr(at, text.find('\n', at + 1) - at);
  };
  const auto& bro = models[0];
  EXPECT_NE(row("business-region-orebro").find("no: " + bro[bro.organisation_at("orebro")].name + " signs"), std::string::npos);
  EXPECT_NE(row("business-region-varmland").find("no: Region Värmland signs"), std::string::npos);
  EXPECT_NE(row("invest-in-norrbotten").find("yes"), std::string::npos);  // a limited company (L87-88: "AB med kommunala och regionala ägare")
  EXPECT_NE(row("high-coast-invest").find("no: BizMaker AB signs"), std::string::npos);  // a business area of BizMaker AB
}

TEST(StudySigning, EveryTemplateComparisonHasTheColumn) {
  namespace sc = om::scenario;
  const auto c = sc::compare_templates(sc::template_input::from_county("Västmanlands län"));
  const auto col = std::find_if(c.columns.begin(), c.columns.end(), [](const auto& x) { return x.key == "signatory"; });
  ASSERT_NE(col, c.columns.end());
  const auto k = static_cast<std::size_t>(col - c.columns.begin());
  for (std::size_t i = 0; i < c.variants.size(); ++i) {
    const auto cat = c.variants[i].category;
    const auto& cell = c.cells[i][k];
    // 3A and 3B are companies (or a company's business area: its company signs); 1A is a
    // partnership hosted by a municipality, like BRO, and cannot sign.
    if (cat == om::model_category::c3A) { EXPECT_EQ(cell.text, "yes"); }
    if (cat == om::model_category::c1A) { EXPECT_EQ(cell.text.rfind("no: ", 0), 0u) << cell.text; }
    EXPECT_FALSE(cell.text.empty());
  }
}

// Issue #11 item 9: names in text, ids in CSV and JSON. L122-124 (BRO): "bedrivs verksamheten inom
// Örebro kommun som har arbetsgivaransvar"; L564-565 (BRV): "med Region Värmland som värdorganisation".
TEST(StudySigning, OverviewNamesTheHostInTextAndGivesItsIdInCsv) {
  std::vector<om::model> models;
  for (auto id : {"business-region-orebro", "business-region-varmland"}) models.push_back(om::data::load_bundled_model(id));
  const auto t = om::overview_table(models);
  std::ostringstream text, csv;
  t.print(text);
  t.print_csv(csv);
  EXPECT_NE(text.str().find("Örebro kommun"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("Region Värmland"), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find(",orebro,"), std::string::npos);
  const auto& bro = models[0];
  const auto& brv = models[1];
  // The CSV cell is the parent's id as the model spells it, whatever it is.
  EXPECT_NE(csv.str().find("," + bro[bro.organisation_at("orebro")].id + ","), std::string::npos) << csv.str();
  EXPECT_EQ(csv.str().find(",Örebro kommun,"), std::string::npos) << csv.str();
  const auto brv_host = brv.data().affiliations.front().parent;
  EXPECT_NE(csv.str().find("," + brv[brv_host].id + ","), std::string::npos) << csv.str();
}
