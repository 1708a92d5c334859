#include <gtest/gtest.h>

#include "funding_models.hpp"
#include "support/money.hpp"
#include "orgmodel/analysis/budget_check.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

using test_support::sek;

// Business Region Örebro, SCB 2023: municipalities 10 SEK × 308 116 = 3 081 160 SEK, the region
// matches the same sum: 2 × 10 × 308 116 = 6 162 320 SEK (the study's "6 MSEK").
TEST(Funding, BusinessRegionOrebroIsTwiceTenSekPerInhabitant) {
  auto m = funding_models::business_region_orebro();
  auto ev = om::evaluate_funding(m, 2024);
  auto bro = m.organisation_at("bro");
  EXPECT_EQ(ev.income(bro).known, sek("6162320"));
  EXPECT_TRUE(ev.income(bro).exact());
  const auto& match = ev.flows.back();
  EXPECT_EQ(match.basis, om::funding_basis::matching);
  EXPECT_EQ(match.matched_sum, sek("3081160"));
  EXPECT_EQ(match.matched_rules, 12u);
  EXPECT_EQ(match.amount, sek("3081160"));
  // Provenance: every fee keeps its population and the population's reference year.
  const auto& first = ev.flows.front();
  EXPECT_EQ(first.basis, om::funding_basis::per_inhabitant);
  EXPECT_EQ(first.population_year, 2023);
  EXPECT_EQ(*first.amount, first.rate * *first.population);
}

// Invest in Norrbotten: 4 MSEK + 1.6 SEK × (248 480 − 22 433) = 4 000 000 + 361 675.20
// = 4 361 675.20 SEK; project 20 MSEK: 40/40/20 % = 8 / 8 / 4 MSEK for the period.
TEST(Funding, InvestInNorrbottenBaseAndProject) {
  auto m = funding_models::invest_in_norrbotten();
  auto iin = m.organisation_at("iin");
  auto ev = om::evaluate_funding(m, 2023);
  om::money base;
  for (const auto& f : ev.flows)
    if (m[f.rule].purpose == "base") base += *f.amount;
  EXPECT_EQ(base, sek("4361675.20"));
  EXPECT_TRUE(ev.flows.front().uncertain_source());  // the region's ≈4 MSEK is estimated

  auto whole = om::evaluate_funding(m, 2022, {.share_mode = om::share_of_total_mode::whole_period});
  auto project = [&](const char* id) {
    for (const auto& f : whole.flows)
      if (m[f.rule].id == id) return *f.amount;
    return om::money{};
  };
  EXPECT_EQ(project("project-tillvaxtverket"), om::money::from_major(8'000'000));
  EXPECT_EQ(project("project-region"), om::money::from_major(8'000'000));
  EXPECT_EQ(project("project-municipalities"), om::money::from_major(4'000'000));
  // Whole period: nothing in the later years.
  auto later = om::evaluate_funding(m, 2023, {.share_mode = om::share_of_total_mode::whole_period});
  for (const auto& f : later.flows) EXPECT_NE(f.basis, om::funding_basis::share_of_total);

  // Per year: 8 MSEK / 3 = 2 666 666.67 + 2 666 666.67 + 2 666 666.66 (largest remainder, earliest
  // years first), summing to the total exactly; 4 MSEK / 3 = 1 333 333.34 + .33 + .33.
  om::money tvv_sum, mun_sum;
  std::vector<om::money> tvv;
  for (int y = 2022; y <= 2025; ++y) {
    for (const auto& f : om::evaluate_funding(m, y).flows) {
      if (m[f.rule].id == "project-tillvaxtverket") tvv.push_back(*f.amount), tvv_sum += *f.amount;
      if (m[f.rule].id == "project-municipalities") mun_sum += *f.amount;
    }
  }
  ASSERT_EQ(tvv.size(), 3u);
  EXPECT_EQ(tvv[0], sek("2666666.67"));
  EXPECT_EQ(tvv[1], sek("2666666.67"));
  EXPECT_EQ(tvv[2], sek("2666666.66"));
  EXPECT_EQ(tvv_sum, om::money::from_major(8'000'000));
  EXPECT_EQ(mun_sum, om::money::from_major(4'000'000));
  EXPECT_EQ(ev.income(iin).known, sek("4361675.20") + sek("2666666.67") * 2 + sek("1333333.33"));
}

// Business Region Värmland 2024: 2 × 6 × 283 548 = 3 402 576 SEK against 4.5 MSEK: gap
// 1 097 424 SEK. Closing rate: 6 × 4 500 000 / 3 402 576 = 7.9352 SEK, rounded up: 7.94 SEK
// (the study's 8 SEK in 2025 gives 2 × 8 × 283 548 = 4 536 768 SEK).
TEST(Funding, BusinessRegionVarmlandBudgetGap) {
  auto m = funding_models::business_region_varmland();
  auto brv = m.organisation_at("brv");
  auto c = om::check_budget(m, brv, 2024);
  EXPECT_EQ(c.income.known, sek("3402576"));
  ASSERT_TRUE(c.stated);
  EXPECT_EQ(*c.stated, om::money::from_major(4'500'000));
  ASSERT_TRUE(c.gap);
  EXPECT_EQ(*c.gap, sek("1097424"));
  EXPECT_TRUE(c.shortfall());
  EXPECT_EQ(c.per_inhabitant_rules, 16u);
  EXPECT_EQ(c.rate_driven, sek("3402576"));
  ASSERT_TRUE(c.closing_rate);
  EXPECT_EQ(*c.closing_rate, sek("7.94"));
  EXPECT_EQ(*c.rate_factor, om::share(450000000, 340257600));
  EXPECT_FALSE(c.closing_rate_approximate);
  EXPECT_EQ(om::evaluate_funding(m, 2023).income(brv).known, sek("2268384"));  // 2 × 4 × 283 548
  EXPECT_EQ(om::evaluate_funding(m, 2025).income(brv).known, sek("4536768"));  // 2 × 8 × 283 548
  auto all = om::check_budgets(m, 2024);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].gap, c.gap);
}

// Business Region Skaraborg: 3 MSEK over the 1 767 016 inhabitants of Västra Götaland
// = 169.78 öre ≈ 1.70 SEK per inhabitant (300 000 000 / 1 767 016 = 169.777…).
TEST(Funding, SkaraborgImpliedRate) {
  auto r = om::implied_rate(om::money::from_major(3'000'000), om::data::county("Västra Götalands län").population);
  EXPECT_EQ(r.population, 1767016);
  EXPECT_EQ(r.rate, sek("1.70"));
  EXPECT_NEAR(r.sek_per_inhabitant(), 1.6978, 1e-4);
  EXPECT_EQ(r.exact_ore, om::share(300000000, 1767016));
}

// Stockholm Business Alliance: (19.2 − 7.5) MSEK / 4 SEK = 11 700 000 / 4 = 2 925 000 inhabitants.
TEST(Funding, StockholmBusinessAllianceImpliedPopulation) {
  auto p = om::implied_population(sek("19200000"), sek("7500000"), sek("4"));
  EXPECT_EQ(p.population, 2925000);
  EXPECT_TRUE(p.exact());
  EXPECT_THROW((void)om::implied_population(sek("1"), sek("2"), sek("4")), om::arithmetic_error);
  EXPECT_THROW((void)om::implied_rate(sek("1"), 0), om::arithmetic_error);
}

TEST(Funding, UnknownPopulationGivesUnknownFlowNotZero) {
  om::model_builder b("t", "T");
  auto a = b.add_organisation({.id = "a", .name = "A", .kind = om::organisation_kind::municipality});
  auto r = b.add_organisation({.id = "r", .name = "R", .kind = om::organisation_kind::region, .population = 1000});
  auto j = b.add_organisation({.id = "j", .name = "J"});
  b.add_funding_rule({.id = "a", .payer = a, .recipient = j, .basis = om::funding_basis::per_inhabitant,
                      .rate = sek("5"), .group = "g"});
  b.add_funding_rule({.id = "r", .payer = r, .recipient = j, .basis = om::funding_basis::per_inhabitant,
                      .rate = sek("5"), .group = "g"});
  b.add_funding_rule({.id = "m", .payer = r, .recipient = j, .basis = om::funding_basis::matching,
                      .ratio = om::share::one(), .matches = "g"});
  auto m = std::move(b).build();
  auto ev = om::evaluate_funding(m, 2024);
  ASSERT_EQ(ev.flows.size(), 3u);
  EXPECT_FALSE(ev.flows[0].known());
  EXPECT_TRUE(ev.flows[0].unknown_population);
  EXPECT_EQ(ev.flows[1].amount, sek("5000"));
  EXPECT_FALSE(ev.flows[2].known());
  EXPECT_TRUE(ev.flows[2].unknown_matched);
  auto inc = ev.income(j);
  EXPECT_EQ(inc.known, sek("5000"));
  EXPECT_EQ(inc.unknown, 2u);
  EXPECT_FALSE(inc.exact());
}

// A chain of matching rules evaluated in dependency order although given in reverse:
// c = 1/2 × (b) where b = 1/3 × (a) and a = 900.00 → b = 300.00, c = 150.00.
// Rounding half away from zero: 1/3 × 1.00 SEK = 33.33… öre → 33 öre; 1/2 × 0.01 → 0.01.
TEST(Funding, MatchingChainCapsFloorsAndCoFunding) {
  om::model_builder b("t", "T");
  auto x = b.add_organisation({.id = "x", .name = "X"});
  auto y = b.add_organisation({.id = "y", .name = "Y"});
  b.add_funding_rule({.id = "c", .payer = x, .recipient = y, .basis = om::funding_basis::matching,
                      .ratio = om::share(1, 2), .matches = "B"});
  b.add_funding_rule({.id = "b", .payer = x, .recipient = y, .basis = om::funding_basis::matching,
                      .ratio = om::share(1, 3), .group = "B", .matches = "A"});
  b.add_funding_rule({.id = "a", .payer = y, .recipient = x, .basis = om::funding_basis::fixed,
                      .amount = sek("900"), .group = "A", .co_funding_min = sek("100000")});
  b.add_funding_rule({.id = "capped", .payer = y, .recipient = x, .basis = om::funding_basis::fixed,
                      .amount = sek("900"), .cap = sek("500")});
  b.add_funding_rule({.id = "floored", .payer = y, .recipient = x, .basis = om::funding_basis::fixed,
                      .amount = sek("100"), .year_from = 2020, .year_to = 2024, .floor = sek("200")});
  auto m = std::move(b).build();
  auto ev = om::evaluate_funding(m, 2024);
  ASSERT_EQ(ev.flows.size(), 5u);
  EXPECT_EQ(ev.flows[1].amount, sek("300"));
  EXPECT_EQ(ev.flows[0].amount, sek("150"));
  EXPECT_EQ(ev.flows[0].matched_sum, sek("300"));
  EXPECT_EQ(ev.flows[3].amount, sek("500"));
  EXPECT_TRUE(ev.flows[3].capped);
  EXPECT_EQ(ev.flows[3].uncapped, sek("900"));
  EXPECT_EQ(ev.flows[4].amount, sek("200"));
  EXPECT_TRUE(ev.flows[4].floored);
  ASSERT_EQ(ev.requirements.size(), 1u);
  EXPECT_EQ(ev.requirements[0].minimum, sek("100000"));
  EXPECT_EQ(ev.income(x).known, sek("1600"));  // 900 + 500 + 200; the requirement is not income
  EXPECT_EQ(om::evaluate_funding(m, 2025).flows.size(), 4u);  // "floored" ended in 2024

  EXPECT_EQ(om::mul_div_round(100, 1, 3), 33);
  EXPECT_EQ(om::mul_div_round(1, 1, 2), 1);
  EXPECT_EQ(om::mul_div_round(-1, 1, 2), -1);
}

TEST(Funding, YearPartsSumToTotal) {
  for (std::int64_t t : {0LL, 1LL, 2LL, 799999999LL, 800000000LL, 123456789012LL})
    for (int n = 1; n <= 7; ++n) {
      om::money sum;
      for (int k = 0; k < n; ++k) sum += om::year_part(om::money::from_minor(t), n, k);
      EXPECT_EQ(sum.minor(), t);
    }
}

// Rules of one group need not be adjacent (the evaluation tries the previous rule's group before
// its hash map), and a rule out of force stays out of its group's matched sum. Groups interleave
// A, B, A, B; "old" (group A) ended in 2023. By hand: A = 100 + 300 = 400 (not 1 000 with "old"),
// B = 200 + 50 = 250; mA = 1/2 × 400 = 200, mB = 2/5 × 250 = 100; mAB matches group M = {mA, mB}
// = 300, × 1/3 = 100.
TEST(Funding, InterleavedGroupsAndRulesOutOfForce) {
  om::model_builder b("t", "T");
  auto x = b.add_organisation({.id = "x", .name = "X"});
  auto y = b.add_organisation({.id = "y", .name = "Y"});
  auto fixed = [&](std::string id, const char* amount, std::string group) {
    b.add_funding_rule({.id = std::move(id), .payer = x, .recipient = y, .basis = om::funding_basis::fixed,
                        .amount = sek(amount), .group = std::move(group)});
  };
  b.add_funding_rule({.id = "mAB", .payer = y, .recipient = x, .basis = om::funding_basis::matching,
                      .ratio = om::share(1, 3), .matches = "M"});
  fixed("a1", "100", "A");
  fixed("b1", "200", "B");
  b.add_funding_rule({.id = "old", .payer = x, .recipient = y, .basis = om::funding_basis::fixed,
                      .amount = sek("600"), .group = "A", .year_to = 2023});
  fixed("a2", "300", "A");
  b.add_funding_rule({.id = "mA", .payer = y, .recipient = x, .basis = om::funding_basis::matching,
                      .ratio = om::share(1, 2), .group = "M", .matches = "A"});
  fixed("b2", "50", "B");
  b.add_funding_rule({.id = "mB", .payer = y, .recipient = x, .basis = om::funding_basis::matching,
                      .ratio = om::share(2, 5), .group = "M", .matches = "B"});
  auto m = std::move(b).build();
  auto ev = om::evaluate_funding(m, 2024);
  ASSERT_EQ(ev.flows.size(), 7u);  // every rule but "old"
  EXPECT_EQ(ev.flows[0].amount, sek("100"));  // mAB
  EXPECT_EQ(ev.flows[0].matched_sum, sek("300"));
  EXPECT_EQ(ev.flows[0].matched_rules, 2u);
  EXPECT_EQ(ev.flows[4].amount, sek("200"));  // mA
  EXPECT_EQ(ev.flows[4].matched_sum, sek("400"));
  EXPECT_EQ(ev.flows[4].matched_rules, 2u);
  EXPECT_EQ(ev.flows[6].amount, sek("100"));  // mB
  EXPECT_EQ(ev.flows[6].matched_sum, sek("250"));
}

// The compact flows keep the rare values beside the records: the figure before a cap or floor
// and a ratio other than one. A matching rule is bounded after the rules it matches, so its
// uncapped figure is stored out of flow order; each flow must still get its own.
// "m" = 1/2 × (f) where f = 300.00 floored to 400.00 → 200.00, capped to 100.00.
TEST(Funding, CompactFlowsKeepUncappedFiguresAndRatiosOfEachFlow) {
  om::model_builder b("t", "T");
  auto x = b.add_organisation({.id = "x", .name = "X"});
  auto y = b.add_organisation({.id = "y", .name = "Y"});
  b.add_funding_rule({.id = "m", .payer = x, .recipient = y, .basis = om::funding_basis::matching,
                      .ratio = om::share(1, 2), .matches = "F", .cap = sek("100")});
  b.add_funding_rule({.id = "f", .payer = y, .recipient = x, .basis = om::funding_basis::fixed,
                      .amount = sek("300"), .group = "F", .floor = sek("400")});
  auto m = std::move(b).build();
  const auto ev = om::evaluate_funding(m, 2024);
  ASSERT_EQ(ev.flows.size(), 2u);
  const auto mf = ev.flows.at(0), ff = ev.flows.at(1);
  EXPECT_EQ(ff.amount, sek("400"));
  EXPECT_TRUE(ff.floored);
  EXPECT_EQ(ff.uncapped, sek("300"));
  EXPECT_EQ(ff.ratio, om::share::one());
  EXPECT_EQ(mf.matched_sum, sek("400"));
  EXPECT_EQ(mf.amount, sek("100"));
  EXPECT_TRUE(mf.capped);
  EXPECT_EQ(mf.uncapped, sek("200"));
  EXPECT_EQ(mf.ratio, om::share(1, 2));
  // The one-field readers agree with the whole flow.
  EXPECT_EQ(ev.flows.amount(0), mf.amount);
  EXPECT_EQ(ev.flows.payer(1), y);
  EXPECT_EQ(ev.flows.recipient(1), x);
  EXPECT_EQ(ev.flows.rule(1), *m.find_funding_rule("f"));
  EXPECT_THROW((void)ev.flows.at(2), std::out_of_range);
}
