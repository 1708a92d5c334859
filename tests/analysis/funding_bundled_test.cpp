// The study's funding figures from the bundled models (data/models/*.json) and SCB 2023
// populations; hand calculations in /work/shared/domain/facts.md ("Figures a user would expect").
#include <gtest/gtest.h>

#include "orgmodel/analysis/budget_check.hpp"
#include "orgmodel/analysis/contribution_comparison.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/analysis/funding_trace.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "support/money.hpp"

namespace om = orgmodel;

using test_support::sek;

namespace {
om::money flow_of(const om::model& m, const om::funding_evaluation& ev, std::string_view rule) {
  for (const auto& f : ev.flows)
    if (m[f.rule].id == rule) return *f.amount;
  ADD_FAILURE() << "no flow of rule " << rule;
  return {};
}
}  // namespace

// 2 × 10 SEK × 308 116 = 6 162 320 SEK: the study's "6 MSEK" is 6.16 MSEK with SCB 2023.
TEST(FundingBundled, BusinessRegionOrebro) {
  auto m = om::data::load_bundled_model("business-region-orebro");
  auto ev = om::evaluate_funding(m, 2024);
  auto inc = ev.income(m.organisation_at("business-region-orebro"));
  EXPECT_TRUE(inc.exact());
  EXPECT_EQ(inc.known, sek("6162320"));
  EXPECT_EQ(flow_of(m, ev, "bro-region-matching"), sek("3081160"));
  // Against the stated (assumed) 6 MSEK: a surplus of 162 320 SEK.
  auto c = om::check_budget(m, m.organisation_at("business-region-orebro"), 2024);
  EXPECT_EQ(*c.gap, -sek("162320"));
  EXPECT_FALSE(c.shortfall());
}

// Base: 4 000 000 + 1.60 × (248 480 − 22 433) = 4 000 000 + 361 675.20 = 4 361 675.20 SEK.
// Project: 20 MSEK × 40 / 40 / 20 % = 8 / 8 / 4 MSEK over the period.
TEST(FundingBundled, InvestInNorrbotten) {
  auto m = om::data::load_bundled_model("invest-in-norrbotten");
  auto ev = om::evaluate_funding(m, 2024);
  om::money base, fees;
  for (const auto& f : ev.flows) {
    if (m[f.rule].purpose != "base") continue;
    base += *f.amount;
    if (f.basis == om::funding_basis::per_inhabitant) fees += *f.amount;
  }
  EXPECT_EQ(fees, sek("361675.20"));
  EXPECT_EQ(base, sek("4361675.20"));
  for (const auto& f : ev.flows) {
    if (f.basis != om::funding_basis::share_of_total) continue;
    const auto& id = m[f.rule].id;
    const auto expect = id == "iin-project-municipalities" ? sek("4000000") : sek("8000000");
    EXPECT_EQ(*f.period_total, expect) << id;
    EXPECT_TRUE(f.uncertain_source());       // ≈ 20 MSEK: estimated
    EXPECT_TRUE(f.period_start_assumed);     // the study gives no start year for the current project
  }
  auto whole = om::evaluate_funding(m, 2024, {.share_mode = om::share_of_total_mode::whole_period});
  EXPECT_EQ(flow_of(m, whole, "iin-project-tillvaxtverket"), sek("8000000"));
  EXPECT_EQ(flow_of(m, whole, "iin-project-region"), sek("8000000"));
  EXPECT_EQ(flow_of(m, whole, "iin-project-municipalities"), sek("4000000"));
  // Kiruna is in the model but pays nothing.
  EXPECT_TRUE(ev.paid(m.organisation_at("kiruna")).known == om::money{});
}

// 2024: 2 × 6 × 283 548 = 3 402 576 SEK against the 4.5 MSEK budget: gap 1 097 424 SEK.
TEST(FundingBundled, BusinessRegionVarmlandGap) {
  auto m = om::data::load_bundled_model("business-region-varmland");
  auto c = om::check_budget(m, m.organisation_at("business-region-varmland"), 2024);
  EXPECT_EQ(c.income.known, sek("3402576"));
  EXPECT_EQ(c.stated_kind, om::budget_kind::budget);  // the total budget, not the 3.3 MSEK staff cost
  EXPECT_EQ(*c.gap, sek("1097424"));
  EXPECT_TRUE(c.shortfall());
  EXPECT_EQ(*c.closing_rate, sek("7.94"));  // 6 × 4 500 000 / 3 402 576 = 7.935…, rounded up
}

// 3 000 000 SEK / 1 767 016 inhabitants of Västra Götaland = 1.6978 ≈ 1.70 SEK.
TEST(FundingBundled, BusinessRegionSkaraborgPerInhabitant) {
  auto m = om::data::load_bundled_model("business-region-skaraborg");
  auto ev = om::evaluate_funding(m, 2024);
  const auto brs = ev.income(m.organisation_at("business-region-skaraborg"));
  EXPECT_EQ(brs.known, sek("3000000"));
  const auto& vg = m[m.organisation_at("region-vastra-gotaland")];
  auto r = om::implied_rate(brs.known, *vg.population);
  EXPECT_EQ(r.population, 1767016);
  EXPECT_EQ(r.rate, sek("1.70"));
}

// (19.2 − 7.5) MSEK / 4 SEK = 2 925 000 inhabitants implied for the members other than Stockholm.
TEST(FundingBundled, StockholmBusinessAllianceImpliedPopulation) {
  auto m = om::data::load_bundled_model("stockholm-business-alliance");
  auto sba = m.organisation_at("stockholm-business-alliance");
  om::money total;
  for (const auto& b : m.budgets())
    if (b.organisation == sba && b.kind == om::budget_kind::budget) total = b.amount;
  om::money fixed, rate;
  for (const auto& r : m.funding_rules()) {
    if (r.id == "sba-stockholm-fixed") fixed = r.amount;
    if (r.basis == om::funding_basis::per_inhabitant && r.recipient == sba) rate = r.rate;
  }
  auto p = om::implied_population(total, fixed, rate);
  EXPECT_EQ(p.population, 2925000);
  EXPECT_TRUE(p.exact());
}

// Across the nine organisations: evaluation, budget checks, tracing and the comparison run on
// every bundled model, and every traced organisation's shares sum to one.
TEST(FundingBundled, NineOrganisationsEvaluateTraceAndCompare) {
  for (auto id : om::data::study_model_ids()) {
    auto m = om::data::load_bundled_model(id);
    auto ev = om::evaluate_funding(m, 2024);
    (void)om::check_budgets(m, 2024);
    auto tr = om::trace_funding(m, ev);
    for (std::uint32_t v = 0; v < tr.graph.num_nodes; ++v) {
      if (!tr.graph.traced(v)) continue;
      double s = tr.graph.other[v];
      for (std::size_t k = 0; k < tr.graph.sources.size(); ++k) s += tr.graph.share(v, k);
      EXPECT_NEAR(s, 1.0, 1e-9) << id;
    }
    for (const auto& c : om::compare_contributions(m, 2024)) {
      om::money fair;
      for (const auto& r : c.rows) fair += r.fair;
      EXPECT_EQ(fair, c.total) << id;
    }
  }
}

// Invest in Norrbotten's base income against its stated ordinary turnover ≈ 4.4 MSEK (no budget
// is stated, so the turnover is the figure; project money is left out with purpose "base"):
// 4 400 000 − 4 361 675.20 = 38 324.80 SEK short.
TEST(FundingBundled, InvestInNorrbottenBaseAgainstTurnover) {
  auto m = om::data::load_bundled_model("invest-in-norrbotten");
  auto c = om::check_budget(m, m.organisation_at("invest-in-norrbotten"), 2024, {}, "base");
  EXPECT_EQ(c.stated_kind, om::budget_kind::turnover);
  EXPECT_EQ(c.stated_source, om::provenance::estimated);
  EXPECT_EQ(c.income.known, sek("4361675.20"));
  EXPECT_EQ(*c.gap, sek("38324.80"));
}
