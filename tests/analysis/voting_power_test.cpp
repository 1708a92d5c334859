#include <gtest/gtest.h>

#include <random>

#include "orgmodel/analysis/voting_power.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
/// Brute force over all 2^n coalitions, independent of the DP: swings and Shapley–Shubik weights
/// |S|!(n−|S|−1)!/n! summed in long double.
struct brute_result {
  std::vector<std::uint64_t> swings;
  std::vector<long double> ss;
};
brute_result brute_force(const om::weighted_game& g) {
  const std::size_t n = g.weights.size();
  brute_result b{std::vector<std::uint64_t>(n, 0), std::vector<long double>(n, 0)};
  std::vector<long double> f(n + 1, 1);
  for (std::size_t k = 1; k <= n; ++k) f[k] = f[k - 1] * static_cast<long double>(k);
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << n); ++mask) {
    std::int64_t w = 0;
    std::size_t size = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (mask >> i & 1u) w += g.weights[i], ++size;
    for (std::size_t i = 0; i < n; ++i) {
      if (mask >> i & 1u) continue;
      if (w < g.quota && w + g.weights[i] >= g.quota) {
        ++b.swings[i];
        b.ss[i] += f[size] * f[n - size - 1] / f[n];
      }
    }
  }
  return b;
}
}  // namespace

TEST(VotingPower, EecCouncilOfMinisters1958) {
  // The Council of the EEC of six, 1958–1972: France, Germany, Italy 4 votes, Belgium and the
  // Netherlands 2, Luxembourg 1; qualified majority 12 of 17. Published values (Felsenthal &
  // Machover 1998, The Measurement of Voting Power, and their 2001 "Myths and meanings of voting
  // power", J. Theoretical Politics 13): Shapley–Shubik 14/60 for each large state, 9/60 for
  // Belgium and the Netherlands, 0 for Luxembourg — a null player despite its vote. Banzhaf swings
  // by hand: a large state swings in 10 of the 32 coalitions of the others, Belgium in 6,
  // Luxembourg in none; normalised 10/42 = 5/21 and 6/42 = 1/7, absolute 10/32 and 6/32.
  om::weighted_game g{{4, 4, 4, 2, 2, 1}, 12, {"FR", "DE", "IT", "BE", "NL", "LU"}};
  auto r = om::voting_power(g);
  EXPECT_EQ(r.players[0].shapley_shubik_exact, "7/30");  // 14/60
  EXPECT_EQ(r.players[3].shapley_shubik_exact, "3/20");  // 9/60
  EXPECT_EQ(r.players[5].shapley_shubik_exact, "0");
  EXPECT_EQ(r.players[0].swings, "10");
  EXPECT_EQ(r.players[3].swings, "6");
  EXPECT_EQ(r.players[0].banzhaf_exact, "5/21");
  EXPECT_EQ(r.players[4].banzhaf_exact, "1/7");
  EXPECT_EQ(r.players[0].banzhaf_absolute_exact, "5/16");
  EXPECT_TRUE(r.players[5].null_player);
  EXPECT_FALSE(r.players[0].veto);
  // minimal winning coalitions by hand: {FR,DE,IT} and the three {two large, BE, NL}
  ASSERT_TRUE(r.minimal_winning_coalitions);
  EXPECT_EQ(*r.minimal_winning_coalitions, 4u);
  // PGI: each large state in 3 of them, BE and NL in 3: 3/15 = 1/5 each, LU 0
  EXPECT_EQ(r.players[0].public_good_exact, "1/5");
  EXPECT_EQ(r.players[3].public_good_exact, "1/5");
  EXPECT_EQ(r.players[5].public_good_exact, "0");
  // Deegan–Packel: large (1/3 + 2·1/4)/4 = 5/24, BE (3·1/4)/4 = 3/16
  EXPECT_EQ(r.players[0].deegan_packel_exact, "5/24");
  EXPECT_EQ(r.players[3].deegan_packel_exact, "3/16");
}

TEST(VotingPower, UnSecurityCouncil) {
  // Five permanent members with a veto and ten others; nine votes including all five permanent
  // ones: the weighted game [39; 7×5, 1×10]. Shapley & Shubik (1954, APSR 48) give 98.7 % of the
  // power to the permanent five; the exact values are 421/2145 ≈ 0.19627 per permanent member and
  // 4/2145 ≈ 0.001865 per other member. Banzhaf (Brams 1975, Game Theory and Politics): a permanent
  // member swings in 848 coalitions, an elected member in 84 (normalised 16.7 % and 1.65 %).
  om::weighted_game g;
  for (int i = 0; i < 5; ++i) g.weights.push_back(7);
  for (int i = 0; i < 10; ++i) g.weights.push_back(1);
  g.quota = 39;
  auto r = om::voting_power(g);
  EXPECT_EQ(r.players[0].shapley_shubik_exact, "421/2145");
  EXPECT_EQ(r.players[5].shapley_shubik_exact, "4/2145");
  EXPECT_EQ(r.players[0].swings, "848");
  EXPECT_EQ(r.players[5].swings, "84");
  EXPECT_NEAR(r.players[0].banzhaf, 0.1669, 5e-5);
  EXPECT_NEAR(r.players[5].banzhaf, 0.0165, 5e-5);
  EXPECT_TRUE(r.players[0].veto);
  EXPECT_FALSE(r.players[5].veto);
}

TEST(VotingPower, NorrbottenShareholdersMeetingRegionDecidesAlone) {
  // Invest in Norrbotten AB's shareholders' meeting: Region Norrbotten 75 % of the votes, 13
  // municipalities 25 % together (assumed equal, 1/52 each = 75 and 13 × ... in votes of 1/52:
  // the region 39, each municipality 1, 52 in all). At a simple majority (27 of 52) or two-thirds
  // (35 of 52) the region wins alone and the others together cannot: a dictator, 13 null players.
  om::model_builder b("iin", "Invest in Norrbotten");
  auto region = b.add_organisation({.id = "region-norrbotten", .name = "Region Norrbotten", .kind = om::organisation_kind::region});
  auto iin = b.add_organisation({.id = "iin", .name = "Invest in Norrbotten AB", .kind = om::organisation_kind::company});
  auto meeting = b.add_body({.id = "agm", .name = "Bolagsstämma", .kind = om::body_kind::owners_meeting, .layer = om::layer::owner,
                             .organisation = iin, .rule = om::decision_rule::weighted_votes});
  b.add_seat({.body = meeting, .holder = region, .votes = 39});
  for (int i = 0; i < 13; ++i) {
    auto k = b.add_organisation({.id = "kommun-" + std::to_string(i), .name = "K", .kind = om::organisation_kind::municipality});
    b.add_seat({.body = meeting, .holder = k, .votes = 1});
  }
  auto m = std::move(b).build();
  for (auto q : {om::quota_spec::parse("majority"), om::quota_spec::parse("two-thirds"), om::quota_spec::parse("body")}) {
    auto r = om::body_voting_power(m, meeting, q);
    EXPECT_TRUE(r.players[0].dictator) << q.str();
    EXPECT_DOUBLE_EQ(r.players[0].banzhaf, 1.0);
    EXPECT_DOUBLE_EQ(r.players[0].shapley_shubik, 1.0);
    for (std::size_t i = 1; i < r.players.size(); ++i) {
      EXPECT_TRUE(r.players[i].null_player);
      EXPECT_EQ(r.players[i].banzhaf, 0.0);
      EXPECT_EQ(r.players[i].shapley_shubik, 0.0);
      EXPECT_EQ(*r.players[i].public_good, 0.0);
    }
  }
  // under unanimity everyone has a veto and equal Shapley–Shubik power (1/14)
  auto u = om::body_voting_power(m, meeting, om::quota_spec::parse("unanimity"));
  EXPECT_EQ(u.players[5].shapley_shubik_exact, "1/14");
  EXPECT_TRUE(u.players[5].veto);
}

TEST(VotingPower, QuotaRules) {
  EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse("majority")), 51);
  EXPECT_EQ(om::quota_votes(101, om::quota_spec::parse("majority")), 51);
  EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse("two-thirds")), 67);
  EXPECT_EQ(om::quota_votes(99, om::quota_spec::parse("2/3")), 66);
  EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse("unanimity")), 100);
  EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse("1/2")), 51);
  EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse("3/4")), 75);
  // "at least" and "more than": of 100 votes, at least half is 50, more than half 51; of 101 votes
  // at least half is ⌈50.5⌉ = 51 and more than half ⌊50.5⌋ + 1 = 51; 0.5, 50 % and 2/4 read as 1/2
  for (const char* s : {">=1/2", ">=0.5", ">=50%", ">= 2/4"}) {
    EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse(s)), 50) << s;
    EXPECT_EQ(om::quota_votes(101, om::quota_spec::parse(s)), 51) << s;
  }
  for (const char* s : {">1/2", ">0.5", ">50%", "1/2", "0.5", "50%"}) EXPECT_EQ(om::quota_votes(100, om::quota_spec::parse(s)), 51) << s;
  // more than two thirds of 99: ⌊66⌋ + 1 = 67; at least two thirds: 66
  EXPECT_EQ(om::quota_votes(99, om::quota_spec::parse(">2/3")), 67);
  EXPECT_EQ(om::quota_votes(99, om::quota_spec::parse(">=2/3")), 66);
  EXPECT_EQ(om::quota_spec::parse(">=1/2").str(), "at least 0.5");  // shares print canonically
  EXPECT_EQ(om::quota_spec::parse(">50%").str(), "more than 0.5");
  EXPECT_THROW(om::quota_spec::parse(">1"), om::parse_error);  // nobody holds more than all votes
  EXPECT_THROW(om::quota_spec::parse(">=0"), om::parse_error);
  EXPECT_THROW(om::quota_spec::parse("most"), om::parse_error);
  EXPECT_THROW(om::quota_spec::parse("5/4"), om::parse_error);
  EXPECT_THROW((void)om::voting_power({{1, 2}, 4, {}}), om::invalid_model);
  EXPECT_THROW((void)om::voting_power({{1, -2}, 1, {}}), om::invalid_model);
}

TEST(VotingPowerProperty, MatchesBruteForceAndSumsToOne) {
  std::mt19937_64 rng(2024);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t n = 2 + rng() % 11;
    om::weighted_game g;
    for (std::size_t i = 0; i < n; ++i) g.weights.push_back(static_cast<std::int64_t>(rng() % 12));
    if (g.total() == 0) g.weights[0] = 1;
    g.quota = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(g.total()));
    auto r = om::voting_power(g);
    auto b = brute_force(g);
    double bz = 0, ss = 0, pgi = 0, dp = 0;
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(r.players[i].swings, std::to_string(b.swings[i]));
      EXPECT_NEAR(r.players[i].shapley_shubik, static_cast<double>(b.ss[i]), 1e-12);
      bz += r.players[i].banzhaf;
      ss += r.players[i].shapley_shubik;
      pgi += r.players[i].public_good.value_or(0);
      dp += r.players[i].deegan_packel.value_or(0);
    }
    EXPECT_NEAR(bz, 1.0, 1e-12);
    EXPECT_NEAR(ss, 1.0, 1e-12);
    EXPECT_NEAR(pgi, 1.0, 1e-12);
    EXPECT_NEAR(dp, 1.0, 1e-12);
  }
}

TEST(VotingPower, ExactBeyondSixtyFourBits) {
  // 100 players of weight 1, quota 51: each swings in C(99, 50) coalitions, which overflows 64 bits.
  // C(99,50) = 50445672272782096667406248628 (exact; e.g. Python math.comb(99, 50)).
  om::weighted_game g;
  g.weights.assign(100, 1);
  g.quota = 51;
  auto r = om::voting_power(g, {.exact_budget = 0, .samples = 20000});
  EXPECT_EQ(r.players[0].swings, "50445672272782096667406248628");
  EXPECT_EQ(r.players[0].banzhaf_exact, "1/100");
  EXPECT_FALSE(r.shapley_shubik_exact);
  EXPECT_NEAR(r.players[0].shapley_shubik, 0.01, r.shapley_shubik_error);
}

TEST(VotingPowerProperty, SampledEstimateCoversExactValue) {
  // Over many seeds, the Hoeffding interval at 95 % must cover the exact value at least 95 % of
  // the time (Hoeffding is conservative, so coverage is usually near 100 %).
  std::mt19937_64 rng(77);
  std::size_t covered = 0, total = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    om::weighted_game g;
    const std::size_t n = 4 + rng() % 8;
    for (std::size_t i = 0; i < n; ++i) g.weights.push_back(1 + static_cast<std::int64_t>(rng() % 9));
    g.quota = g.total() / 2 + 1;
    auto exact = om::voting_power(g);
    auto s = om::sample_voting_power(g, 2000, 0.95, seed);
    for (std::size_t i = 0; i < n; ++i) {
      total += 2;
      covered += std::fabs(s.banzhaf_absolute[i] - exact.players[i].banzhaf_absolute) <= s.error;
      covered += std::fabs(s.shapley_shubik[i] - exact.players[i].shapley_shubik) <= s.error;
    }
  }
  EXPECT_GE(static_cast<double>(covered) / static_cast<double>(total), 0.95);
}

TEST(VotingPower, UnnamedMembersVoteOneByOne) {
  // A seat for 3 unnamed members with 3 votes is three players of one vote, not a bloc of three.
  om::model_builder b("u", "unknown");
  auto org = b.add_organisation({.id = "alliance", .name = "Alliance", .kind = om::organisation_kind::partnership});
  auto a = b.add_organisation({.id = "a", .name = "A", .kind = om::organisation_kind::municipality});
  auto rest = b.add_organisation({.id = "rest", .name = "3 members not named", .kind = om::organisation_kind::unknown_group});
  auto meeting = b.add_body({.id = "m", .name = "Meeting", .kind = om::body_kind::members_meeting, .organisation = org});
  b.add_seat({.body = meeting, .holder = a, .votes = 1});
  b.add_seat({.body = meeting, .holder = rest, .votes = 3});
  auto m = std::move(b).build();
  auto r = om::body_voting_power(m, meeting, om::quota_spec::parse("majority"));
  ASSERT_EQ(r.players.size(), 4u);
  EXPECT_EQ(r.players[1].player, "rest #1");
  EXPECT_EQ(r.players[0].shapley_shubik_exact, "1/4");  // four equal voters, quota 3
}
