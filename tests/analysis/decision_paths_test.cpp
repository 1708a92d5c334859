// Decision paths and latency on small models built by hand; every expectation is computed in the
// comment next to it.
#include <gtest/gtest.h>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/present/decision_paths.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;
namespace dc = orgmodel::decision_classes;

namespace {

om::decision_class_set classes(std::initializer_list<om::decision_class> cs) {
  om::decision_class_set s;
  for (auto c : cs) s.insert(c);
  return s;
}

// Region Östergötland as the study describes it: strategist → head of the growth unit →
// regional development director → the regional development committee (political).
om::model ostergotland_like() {
  om::model_builder b("ostergotland-test", "Region Östergötland (test)");
  auto region = b.add_organisation({.id = "region-ostergotland", .name = "Region Östergötland", .kind = om::organisation_kind::region});
  auto unit = b.add_organisation({.id = "growth-unit", .name = "Tillväxtenheten", .kind = om::organisation_kind::unit});
  b.add_affiliation({.child = unit, .parent = region});
  auto strategist = b.add_body({.id = "strategist", .name = "Strategist", .kind = om::body_kind::official,
                                .layer = om::layer::operative, .organisation = unit, .mandates = classes({dc::daily_operations})});
  auto head = b.add_body({.id = "head-of-growth-unit", .name = "Head of growth unit", .kind = om::body_kind::official,
                          .layer = om::layer::executive, .organisation = unit, .mandates = classes({dc::operational_plan})});
  auto director = b.add_body({.id = "regional-development-director", .name = "Regional development director",
                              .kind = om::body_kind::official, .layer = om::layer::executive, .organisation = region,
                              .mandates = classes({dc::contract})});
  auto committee = b.add_body({.id = "regional-development-committee", .name = "Regional development committee",
                               .kind = om::body_kind::committee, .layer = om::layer::political, .organisation = region,
                               .meetings_per_year = om::cadence{10, 10},
                               .mandates = classes({dc::strategy, dc::budget})});
  b.add_escalation({.from = strategist, .to = head});
  b.add_escalation({.from = head, .to = director, .preparation_days = 5});
  b.add_escalation({.from = director, .to = committee, .preparation_days = 14});
  return std::move(b).build();
}

}  // namespace

TEST(DecisionPaths, OstergotlandStrategyGoesThroughGrowthUnitAndDirectorToCommittee) {
  const auto m = ostergotland_like();
  const auto r = om::decision_paths(m, "strategist", "strategy");
  ASSERT_TRUE(r.found());
  ASSERT_EQ(r.paths.size(), 1u);
  const auto& p = r.paths[0];
  EXPECT_EQ(om::path_text(m, p.bodies),
            "strategist → head-of-growth-unit → regional-development-director → regional-development-committee");
  // Officials have no stated cadence: default 12/yr → 365/24 = 15.2083 expected, 365/12 = 30.4167 worst.
  // Committee 10/yr: 18.25 expected, 36.5 worst. Preparation 0 + 5 + 14 = 19.
  // Expected = 3 × 15.208333 + 18.25 + 19 = 82.875; worst = 3 × 30.416667 + 36.5 + 19 = 146.75.
  EXPECT_NEAR(p.days.expected, 82.875, 1e-9);
  EXPECT_NEAR(p.days.worst, 146.75, 1e-9);
  EXPECT_TRUE(p.days.assumed);
  EXPECT_TRUE(p.political);
  EXPECT_TRUE(r.political_on_every_path);
  EXPECT_EQ(r.bottlenecks, p.bodies);  // a single path: every body on it is a bottleneck
  EXPECT_EQ(r.path_count, 1u);
  // The committee's organisation, the region, signs itself.
  EXPECT_TRUE(p.signing.can_sign);
  // A contract stops at the director: 2 × 15.208333 + 15.208333 + 5 = 50.625.
  const auto c = om::decision_paths(m, "strategist", "contract");
  ASSERT_TRUE(c.found());
  EXPECT_EQ(c.paths[0].bodies.size(), 3u);
  EXPECT_NEAR(c.paths[0].days.expected, 3 * 365.0 / 24 + 5, 1e-9);
  EXPECT_FALSE(c.political_on_some_path);
}

TEST(DecisionLatency, SteeringGroupMeetingFourTimesAYear) {
  // Business Region Örebro's steering group: 4 meetings a year → 365/8 = 45.625 expected,
  // 365/4 = 91.25 worst; one uniform(0, 91.25) wait: p50 = 45.625, p90 = 0.9 × 91.25 = 82.125.
  om::model_builder b("bro-test", "BRO (test)");
  auto o = b.add_organisation({.id = "bro", .name = "BRO", .kind = om::organisation_kind::partnership});
  b.add_body({.id = "steering-group", .name = "Styrgrupp", .kind = om::body_kind::steering_group,
              .layer = om::layer::political, .organisation = o, .meetings_per_year = om::cadence{4, 4},
              .mandates = classes({dc::strategy})});
  const auto m = std::move(b).build();
  const auto r = om::decision_paths(m, "steering-group", "strategy");
  ASSERT_TRUE(r.found());
  EXPECT_DOUBLE_EQ(r.paths[0].days.expected, 45.625);
  EXPECT_DOUBLE_EQ(r.paths[0].days.worst, 91.25);
  EXPECT_NEAR(r.paths[0].days.p50, 45.625, 1e-6);
  EXPECT_NEAR(r.paths[0].days.p90, 82.125, 1e-6);
  EXPECT_FALSE(r.paths[0].days.assumed);
  EXPECT_EQ(om::format_days(r.paths[0].days.expected), "45.6");
}

TEST(DecisionLatency, CadenceRangeUsesMidForExpectedAndLowForWorst) {
  // 2–3 a year: mid 2.5 → expected 365/5 = 73, worst 365/2 = 182.5, width 146.
  const auto w = om::wait_for(om::cadence{2, 3}, om::body_kind::steering_group);
  EXPECT_DOUBLE_EQ(w.expected, 73.0);
  EXPECT_DOUBLE_EQ(w.worst, 182.5);
  EXPECT_DOUBLE_EQ(w.width, 146.0);
  EXPECT_FALSE(w.assumed);
  const auto d = om::wait_for(std::nullopt, om::body_kind::owners_meeting);
  EXPECT_TRUE(d.assumed);
  EXPECT_DOUBLE_EQ(d.expected, 182.5);  // default 1/yr
}

TEST(DecisionLatency, TwoBodiesGiveTriangularPercentiles) {
  // Two uniform(0, 91.25) waits: triangular on [0, 182.5]; median 91.25;
  // p90: (182.5 − t)² / (2 · 91.25²) = 0.1 → t = 182.5 − 91.25 · √0.2 = 141.6915…
  const std::array<om::body_wait, 2> w{om::wait_for(om::cadence{4, 4}, om::body_kind::board),
                                       om::wait_for(om::cadence{4, 4}, om::body_kind::board)};
  const auto l = om::path_latency(w, 10.0);
  EXPECT_NEAR(l.p50, 10 + 91.25, 1e-6);
  EXPECT_NEAR(l.p90, 10 + 182.5 - 91.25 * std::sqrt(0.2), 1e-6);
  EXPECT_EQ(l.method, om::percentile_method::exact);
  // Irwin–Hall check: three uniform(0,1): F(1.5) = 0.5, F(1) = 1/6.
  const std::array<double, 3> ones{1, 1, 1};
  EXPECT_NEAR(om::detail::uniform_sum_cdf(ones, 1.0), 1.0 / 6, 1e-12);
  EXPECT_NEAR(om::detail::uniform_sum_cdf(ones, 1.5), 0.5, 1e-12);
  // Widths 1 and 2: F(1.5) = area under the trapezoid = (1.5 − 0.5)/2 = 0.5.
  const std::array<double, 2> onetwo{1, 2};
  EXPECT_NEAR(om::detail::uniform_sum_cdf(onetwo, 1.5), 0.5, 1e-12);
  EXPECT_NEAR(om::detail::uniform_sum_cdf(onetwo, 0.5), 0.0625, 1e-12);  // t²/(2·1·2) = 0.25/4
}

TEST(DecisionLatency, SimulationAgreesWithExactWithinStatedError) {
  std::vector<om::body_wait> w;
  for (double f : {1.0, 2.0, 4.0, 6.0, 12.0}) w.push_back(om::wait_for(om::cadence{f, f}, om::body_kind::board));
  const auto exact = om::path_latency(w, 0);
  om::latency_options sim;
  sim.exact_limit = 0;
  const auto s = om::path_latency(w, 0, sim);
  EXPECT_EQ(s.method, om::percentile_method::simulated);
  EXPECT_GT(s.percentile_error, 0);
  std::vector<double> widths;
  for (const auto& x : w) widths.push_back(x.width);
  // The simulated median has a true CDF value within the stated error of 0.5.
  EXPECT_NEAR(om::detail::uniform_sum_cdf(widths, s.p50), 0.5, s.percentile_error);
  EXPECT_NEAR(om::detail::uniform_sum_cdf(widths, s.p90), 0.9, s.percentile_error);
  EXPECT_NEAR(om::detail::uniform_sum_cdf(widths, exact.p90), 0.9, 1e-9);
  EXPECT_DOUBLE_EQ(s.expected, exact.expected);
}

namespace {

// s → a → d, s → b → d, s → c (dead end); d decides the budget.
// s: management group 12/yr (15.2083); a: steering group 4/yr (45.625); b: working group 6/yr
// (30.4167); c: network 8/yr; d: board 6/yr (30.4167). Preparation s→a 2, a→d 3, s→b 10, b→d 1.
om::model branching() {
  om::model_builder b("branch", "Branching");
  auto o = b.add_organisation({.id = "co", .name = "Co AB", .kind = om::organisation_kind::company});
  auto s = b.add_body({.id = "s", .name = "S", .kind = om::body_kind::management_group, .organisation = o,
                       .meetings_per_year = om::cadence{12, 12}});
  auto a = b.add_body({.id = "a", .name = "A", .kind = om::body_kind::steering_group, .layer = om::layer::political,
                       .organisation = o, .meetings_per_year = om::cadence{4, 4}});
  auto bb = b.add_body({.id = "b", .name = "B", .kind = om::body_kind::working_group, .organisation = o,
                        .meetings_per_year = om::cadence{6, 6}});
  auto c = b.add_body({.id = "c", .name = "C", .kind = om::body_kind::network, .organisation = o,
                       .meetings_per_year = om::cadence{8, 8}});
  auto d = b.add_body({.id = "d", .name = "D", .kind = om::body_kind::board, .organisation = o,
                       .meetings_per_year = om::cadence{6, 6}, .mandates = classes({dc::budget})});
  b.add_escalation({.from = s, .to = a, .classes = classes({dc::budget}), .preparation_days = 2});
  b.add_escalation({.from = a, .to = d, .classes = classes({dc::budget}), .preparation_days = 3});
  b.add_escalation({.from = s, .to = bb, .classes = classes({dc::budget, dc::strategy}), .preparation_days = 10});
  b.add_escalation({.from = bb, .to = d, .classes = classes({dc::budget}), .preparation_days = 1});
  b.add_escalation({.from = s, .to = c, .classes = classes({dc::budget}), .preparation_days = 0});
  return std::move(b).build();
}

}  // namespace

TEST(DecisionPaths, BranchesAreRankedAndBottlenecksFound) {
  const auto m = branching();
  const auto r = om::decision_paths(m, "s", "budget");
  ASSERT_EQ(r.paths.size(), 2u);
  // via b: 15.2083 + 10 + 30.4167 + 1 + 30.4167 = 87.0417; via a: 15.2083 + 2 + 45.625 + 3 + 30.4167 = 96.25.
  EXPECT_EQ(om::path_text(m, r.paths[0].bodies), "s → b → d");
  EXPECT_NEAR(r.paths[0].days.expected, 365.0 / 24 + 10 + 365.0 / 12 + 1 + 365.0 / 12, 1e-9);
  EXPECT_EQ(om::path_text(m, r.paths[1].bodies), "s → a → d");
  EXPECT_NEAR(r.paths[1].days.expected, 365.0 / 24 + 2 + 45.625 + 3 + 365.0 / 12, 1e-9);
  EXPECT_EQ(r.path_count, 2u);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(om::path_text(m, r.bottlenecks), "s → d");
  EXPECT_EQ(om::path_text(m, r.dead_ends), "c");
  EXPECT_TRUE(r.political_on_some_path);
  EXPECT_FALSE(r.political_on_every_path);
  // Strategy: s → b, and b has no line onwards for strategy.
  const auto st = om::decision_paths(m, "s", "strategy");
  EXPECT_FALSE(st.found());
  EXPECT_EQ(st.reason, om::no_path_reason::no_mandate_holder);  // nobody holds strategy
  // The batch agrees with the single queries.
  om::layer_graph g(m, om::relation_layer::escalation);
  const auto all = om::decision_latency_all(g, dc::budget);
  EXPECT_NEAR(all.expected[m.body_at("s").value], r.paths[0].days.expected, 1e-9);
  EXPECT_NEAR(all.worst[m.body_at("s").value], r.paths[0].days.worst, 1e-9);
  EXPECT_EQ(all.decided_by[m.body_at("s").value], m.body_at("d"));
  EXPECT_EQ(m.escalations()[all.next_line[m.body_at("s").value]].to, m.body_at("b"));
  EXPECT_FALSE(all.reachable(m.body_at("c")));
  EXPECT_DOUBLE_EQ(all.expected[m.body_at("d").value], 365.0 / 12);
}

TEST(DecisionPaths, DeadEndIsReportedWithItsBodies) {
  om::model_builder b("dead", "Dead end");
  auto o = b.add_organisation({.id = "o", .name = "O", .kind = om::organisation_kind::region});
  auto x = b.add_body({.id = "x", .name = "X", .organisation = o});
  auto y = b.add_body({.id = "y", .name = "Y", .organisation = o});
  b.add_body({.id = "z", .name = "Z", .organisation = o, .mandates = classes({dc::contract})});
  b.add_escalation({.from = x, .to = y});
  const auto m = std::move(b).build();
  const auto r = om::decision_paths(m, "x", "contract");
  EXPECT_FALSE(r.found());
  EXPECT_EQ(r.reason, om::no_path_reason::dead_end);
  EXPECT_EQ(om::path_text(m, r.dead_ends), "y");
  EXPECT_EQ(om::to_table(m, r).rows()[0][10], "dead_end at Y");  // the body's name in text
}

namespace {
// A network given directly, so that a cycle (which validation keeps out of every model) can be fed in.
struct toy_net {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> out;
  std::vector<bool> holders;
  om::body_wait w = om::wait_for(om::cadence{4, 4}, om::body_kind::board);
  std::uint32_t size() const { return static_cast<std::uint32_t>(out.size()); }
  bool holder(std::uint32_t v) const { return holders[v]; }
  bool any_holder() const { return std::find(holders.begin(), holders.end(), true) != holders.end(); }
  bool political(std::uint32_t) const { return false; }
  const om::body_wait& wait(std::uint32_t) const { return w; }
  template <class F>
  void for_each_out(std::uint32_t v, F&& f) const {
    for (std::uint32_t k = 0; k < out[v].size(); ++k) f(v * 100 + k, out[v][k].first, out[v][k].second);
  }
};
}  // namespace

TEST(DecisionPaths, CycleIsReportedAsSuch) {
  toy_net n{{{{1, 0.0}}, {{2, 0.0}}, {{0, 0.0}}, {}}, {false, false, false, true}};
  const auto r = om::detail::find_decision_paths(n, 0, dc::budget, {});
  EXPECT_FALSE(r.found());
  EXPECT_EQ(r.reason, om::no_path_reason::cycle);
  // And validation keeps cycles out of models in the first place.
  om::model_builder b("cyc", "Cycle");
  auto o = b.add_organisation({.id = "o", .name = "O"});
  auto x = b.add_body({.id = "x", .name = "X", .organisation = o});
  auto y = b.add_body({.id = "y", .name = "Y", .organisation = o});
  b.add_escalation({.from = x, .to = y});
  b.add_escalation({.from = y, .to = x});
  EXPECT_THROW((void)std::move(b).build(), om::invalid_model);
}

TEST(DecisionPaths, SigningWalksUpToTheHost) {
  // BRO-like: a partnership hosted by Örebro kommun cannot sign an NDA itself; the host signs.
  om::model_builder b("sign", "Signing");
  auto orebro = b.add_organisation({.id = "orebro", .name = "Örebro kommun", .kind = om::organisation_kind::municipality});
  auto bro = b.add_organisation({.id = "bro", .name = "Business Region Örebro", .kind = om::organisation_kind::partnership,
                                 .can_sign_agreements = false});
  auto iin = b.add_organisation({.id = "iin", .name = "Invest in Norrbotten AB", .kind = om::organisation_kind::company});
  b.add_affiliation({.child = bro, .parent = orebro, .kind = om::affiliation_kind::hosted_by});
  auto team = b.add_body({.id = "bro-team", .name = "Team", .kind = om::body_kind::operative_team,
                          .layer = om::layer::operative, .organisation = bro});
  b.add_body({.id = "bro-mg", .name = "Ledningsgrupp", .kind = om::body_kind::management_group, .organisation = bro,
              .mandates = classes({dc::contract})});
  b.add_escalation({.from = team, .to = om::body_index(1)});
  b.add_body({.id = "iin-team", .name = "IiN team", .kind = om::body_kind::operative_team, .layer = om::layer::operative,
              .organisation = iin, .mandates = classes({dc::contract})});
  const auto m = std::move(b).build();
  const auto r = om::decision_paths(m, "bro-team", "contract");
  ASSERT_TRUE(r.found());
  const auto& s = r.paths[0].signing;
  EXPECT_FALSE(s.can_sign);
  EXPECT_EQ(s.signatory, m.organisation_at("orebro"));
  EXPECT_EQ(s.via.size(), 2u);
  // Its name for the reader, its id in CSV.
  EXPECT_EQ(om::signing_text(m, s).text, "no: " + m[m.organisation_at("orebro")].name + " signs");
  EXPECT_EQ(om::signing_text(m, s).csv(), "no: orebro signs");
  const auto c = om::decision_paths(m, "iin-team", "contract");
  EXPECT_TRUE(c.paths[0].signing.can_sign);  // a company signs its own NDAs
  EXPECT_EQ(om::default_raising_body(m), m.body_at("bro-team"));
}

TEST(DecisionPaths, ManyBranchesAreBoundedToTheFastest) {
  // A ladder of 10 diamonds: 2^10 = 1024 paths; max_paths 5 lists the five fastest.
  om::model_builder b("ladder", "Ladder");
  auto o = b.add_organisation({.id = "o", .name = "O"});
  auto prev = b.add_body({.id = "v0", .name = "v0", .organisation = o, .meetings_per_year = om::cadence{12, 12}});
  for (int i = 0; i < 10; ++i) {
    auto up = b.add_body({.id = "u" + std::to_string(i), .name = "u", .organisation = o, .meetings_per_year = om::cadence{12, 12}});
    auto dn = b.add_body({.id = "d" + std::to_string(i), .name = "d", .organisation = o, .meetings_per_year = om::cadence{12, 12}});
    auto nx = b.add_body({.id = "v" + std::to_string(i + 1), .name = "v", .organisation = o,
                          .meetings_per_year = om::cadence{12, 12}, .mandates = i == 9 ? classes({dc::budget}) : om::decision_class_set{}});
    b.add_escalation({.from = prev, .to = up, .preparation_days = 0});
    b.add_escalation({.from = prev, .to = dn, .preparation_days = static_cast<double>(i + 1)});
    b.add_escalation({.from = up, .to = nx});
    b.add_escalation({.from = dn, .to = nx});
    prev = nx;
  }
  const auto m = std::move(b).build();
  om::decision_path_options opt;
  opt.max_paths = 5;
  const auto r = om::decision_paths(m, "v0", "budget", opt);
  EXPECT_EQ(r.path_count, 1024u);
  EXPECT_TRUE(r.truncated);
  ASSERT_EQ(r.paths.size(), 5u);
  // 21 bodies × 365/24 each; extra preparation of the five fastest: 0, 1, 2, 3 (=1+2 or 3), 3.
  const double base = 21 * 365.0 / 24;
  const double extra[] = {0, 1, 2, 3, 3};
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(r.paths[static_cast<std::size_t>(i)].days.expected, base + extra[i], 1e-9);
  // 21 equal widths: 22 terms of the exact Irwin–Hall form, numerically safe.
  EXPECT_EQ(r.paths[0].days.method, om::percentile_method::exact);
  EXPECT_NEAR(r.paths[0].days.p50, base, 1e-6);  // symmetric: the median is the mean
  // Bottlenecks: v0 … v10 (the diamonds' tips).
  EXPECT_EQ(r.bottlenecks.size(), 11u);
}

TEST(DecisionPaths, JsonCarriesFullPrecisionAndIds) {
  const auto m = ostergotland_like();
  const auto r = om::decision_paths(m, "strategist", "strategy");
  const auto j = om::to_json(m, r);
  EXPECT_EQ(j["decision_class"], "strategy");
  EXPECT_EQ(j["paths"][0]["bodies"][3], "regional-development-committee");
  EXPECT_DOUBLE_EQ(j["paths"][0]["latency"]["expected_days"].get<double>(), 82.875);
  EXPECT_EQ(j["paths"][0]["steps"][0]["assumed_cadence"], true);
  EXPECT_THROW((void)om::decision_paths(m, "nobody", "strategy"), om::lookup_error);
  EXPECT_THROW((void)om::decision_paths(m, "strategist", "nothing"), om::lookup_error);
}
