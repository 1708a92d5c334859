// Issue #11 item 3: Skaraborg's funding as the study states it. Study L493-497: "Verksamhetens
// långsiktiga uppdrag finansieras med delregionala utvecklingsmedel, vilket betyder att 49 kommuner
// inom Västra Götalandsregionen är med och finansierar per kommuninvånare. Totalt rör det sig om
// 3 miljoner kronor per år." SCB 2023: Västra Götalands län has 1 767 016 inhabitants in 49
// municipalities; Skaraborg's 15 are BRS's members (L312), so 49 − 15 = 34 finance without a seat.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "orgmodel/analysis/coverage_mismatches.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/report/coverage_section.hpp"
#include "orgmodel/report/funding_section.hpp"

namespace om = orgmodel;

TEST(StudyFunding, SkaraborgIsFinancedPerInhabitantByThe49MunicipalitiesOfVastraGotaland) {
  const auto m = om::data::load_bundled_model("business-region-skaraborg");
  const auto totals = om::per_inhabitant_totals(m);
  ASSERT_EQ(totals.size(), 1u);
  const auto& t = totals[0];
  EXPECT_EQ(t.amount, om::money::from_minor(300'000'000));
  EXPECT_EQ(t.payers.size(), 49u);
  EXPECT_EQ(t.rate.population, 1'767'016);
  // 300 000 000 öre / 1 767 016 = 169.78 öre → 1.70 SEK
  EXPECT_EQ(t.rate.rate, om::money::from_minor(170));
  EXPECT_EQ(t.rate.exact_ore, om::share(300'000'000, 1'767'016));
  for (auto p : t.payers) EXPECT_EQ(m[p].county, "14") << m[p].id;
  // each pays its population's share; the 49 öre-rounded parts add up to the 3 MSEK exactly
  const auto ev = om::evaluate_funding(m, 2024);
  const auto income = ev.income(m.organisation_at("business-region-skaraborg"));
  EXPECT_TRUE(income.exact());
  EXPECT_EQ(income.known, om::money::from_minor(300'000'000));
  const auto goteborg = m.organisation_at("goteborg");
  for (const auto& f : ev.flows)
    if (f.payer == goteborg) {  // SCB 2023: 604 616 inhabitants; 3e6 × 604 616 / 1 767 016 = 1 026 503.4385… → 1 026 503.44 SEK
      EXPECT_EQ(f.amount, om::money::from_minor(102'650'344));
    }
}

TEST(StudyFunding, ReportShowsTheRateAndThe34FundersWithoutASeat) {
  std::vector<om::model> models{om::data::load_bundled_model("business-region-skaraborg")};
  const auto f = om::funding_section(models);
  EXPECT_NE(f.text.find("1.70 SEK per inhabitant (3 000 000 / 1 767 016)"), std::string::npos) << f.text;
  EXPECT_EQ(f.content[0]["per_inhabitant_totals"][0]["sek_per_inhabitant"], "1.70");
  EXPECT_TRUE(f.content[0]["projects"].empty());  // base money, not a project
  const auto& m = models[0];
  const auto r = om::coverage(m, {.subject = m.organisation_at("business-region-skaraborg"),
                                  .source = om::stakeholder_source::members});
  const auto mm = om::mismatches(m, r);
  std::set<std::string> ids;
  for (auto o : mm.funders_without_seat) {
    EXPECT_EQ(m[o].kind, om::organisation_kind::municipality) << m[o].id;
    EXPECT_EQ(m[o].county, "14");
    ids.insert(m[o].id);
  }
  EXPECT_EQ(ids.size(), 34u);
  EXPECT_TRUE(ids.contains("goteborg"));
  EXPECT_FALSE(ids.contains("skovde"));  // a member with a seat on the directorate
  const auto c = om::coverage_section(models);
  EXPECT_NE(c.text.find("business-region-skaraborg: 34 —"), std::string::npos) << c.text;
}
