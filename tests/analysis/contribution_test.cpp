#include <gtest/gtest.h>

#include "funding_models.hpp"
#include "orgmodel/analysis/contribution_comparison.hpp"

namespace om = orgmodel;

// Stockholm's fixed 7.5 MSEK against a population share of the alliance's total: Stockholm pays
// 7 500 000 / 984 748 ≈ 7.62 SEK per inhabitant while the others pay 4 SEK, so it pays more
// than its share and every other member less. Fair shares sum to the same total exactly.
TEST(Contribution, StockholmPaysMoreThanItsPopulationShare) {
  auto m = funding_models::sba_sample();
  auto ev = om::evaluate_funding(m, 2024);
  auto c = om::compare_contributions(m, ev, m.organisation_at("sbr"));
  ASSERT_EQ(c.rows.size(), 5u);
  std::int64_t pop = 0;
  om::money fair;
  for (const auto& r : c.rows) pop += *r.population, fair += r.fair;
  EXPECT_EQ(fair, c.total);
  const auto& st = c.rows[0];
  EXPECT_EQ(m[st.payer].id, "stockholm");
  EXPECT_EQ(st.actual, om::money::from_major(7'500'000));
  EXPECT_GT(st.difference.minor(), 0);
  // Independent check of the fair share: total × p / P within one öre.
  const long double quota = static_cast<long double>(c.total.minor()) * static_cast<long double>(*st.population) /
                            static_cast<long double>(pop);
  EXPECT_LT(std::abs(static_cast<long double>(st.fair.minor()) - quota), 1.0L);
  for (std::size_t i = 1; i < c.rows.size(); ++i) {
    EXPECT_LT(c.rows[i].difference.minor(), 0);
    EXPECT_DOUBLE_EQ(*c.rows[i].actual_per_inhabitant, 4.0);
    EXPECT_NEAR(*c.rows[i].fair_per_inhabitant, *st.fair_per_inhabitant, 1e-6);  // one rate for all, ±1 öre
  }
  // The fair rate under the population rule is total / P for everyone.
  EXPECT_NEAR(*st.fair_per_inhabitant, c.total.major() / static_cast<double>(pop), 1e-6);
  auto all = om::compare_contributions(m, 2024, {.rule = om::fair_share_rule::equal});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rows[1].fair, all[0].rows[2].fair);
}

// The region is not a participant by default (its population would double count); a payer
// without population is excluded under the population rule, not treated as zero.
TEST(Contribution, RegionsAndUnknownPopulationsAreLeftOut) {
  auto m = funding_models::business_region_orebro();
  auto c = om::compare_contributions(m, om::evaluate_funding(m, 2024), m.organisation_at("bro"));
  EXPECT_EQ(c.rows.size(), 12u);
  EXPECT_EQ(c.total, om::money::from_major(3'081'160));
  for (const auto& r : c.rows) EXPECT_LE(std::abs(r.difference.minor()), 1);  // everyone pays exactly 10 SEK
}

#include "orgmodel/scenario/templates.hpp"

// The Västmanland templates (all seven organisation models applied to Västmanlands län): every
// comparison's fair shares sum to the same total as the actual contributions, to the öre.
TEST(Contribution, VastmanlandTemplates) {
  const auto in = om::scenario::template_input::from_county("Västmanlands län");
  std::size_t compared = 0;
  for (auto c : om::scenario::all_categories) {
    auto m = om::scenario::build_template(c, in);
    for (const auto& cmp : om::compare_contributions(m, 2024)) {
      om::money fair, actual;
      for (const auto& r : cmp.rows) fair += r.fair, actual += r.actual;
      EXPECT_EQ(fair, cmp.total);
      EXPECT_EQ(actual, cmp.total);
      ++compared;
    }
  }
  EXPECT_GT(compared, 0u);
}
