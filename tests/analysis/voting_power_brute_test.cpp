// Every index of `voting_power` against a brute force over all 2^n coalitions that uses only the
// definitions (no generating functions, no sorting by weight): a coalition is minimal winning when
// it wins and every one-member-smaller coalition loses; a member is critical when the coalition
// loses without it. Exact fractions compared as reduced strings.
#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "orgmodel/analysis/composite_power.hpp"
#include "orgmodel/analysis/voting_power.hpp"

namespace om = orgmodel;

namespace {

std::string frac(std::uint64_t num, std::uint64_t den) {
  if (num == 0) return "0";
  const std::uint64_t g = std::gcd(num, den);
  num /= g, den /= g;
  return den == 1 ? std::to_string(num) : std::to_string(num) + "/" + std::to_string(den);
}

struct reference {
  std::vector<std::string> banzhaf, banzhaf_abs, ss, pgi, dp, johnston, prevent, initiate;
  std::string act;
};

/// n ≤ 16: SS numerators Σ |S|!(n−1−|S|)! ≤ 2^15·15! < 2^63; lcm(1..16) = 720720.
template <class Wins>
reference brute(std::size_t n, Wins wins) {
  const std::uint64_t lcm = 720720, all = std::uint64_t{1} << n;
  std::vector<std::uint64_t> fact(n + 1, 1);
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * k;
  std::vector<std::uint64_t> swings(n), ssn(n), mwc(n), dpn(n), jn(n);
  std::uint64_t winning = 0, mwc_total = 0, vulnerable = 0;
  for (std::uint64_t s = 0; s < all; ++s) {
    if (!wins(s)) continue;
    ++winning;
    const auto size = static_cast<std::size_t>(__builtin_popcountll(s));
    std::size_t critical = 0;
    for (std::size_t i = 0; i < n; ++i)
      if ((s >> i & 1u) && !wins(s & ~(std::uint64_t{1} << i))) ++critical;
    if (critical == size) {  // minimal winning
      ++mwc_total;
      for (std::size_t i = 0; i < n; ++i)
        if (s >> i & 1u) ++mwc[i], dpn[i] += lcm / size;
    }
    if (critical) ++vulnerable;
    for (std::size_t i = 0; i < n; ++i) {
      if (!(s >> i & 1u) || wins(s & ~(std::uint64_t{1} << i))) continue;
      ++swings[i];  // S∖i loses, S wins
      ssn[i] += fact[size - 1] * fact[n - size];
      jn[i] += lcm / critical;
    }
  }
  std::uint64_t total_swings = 0, total_mwc = 0;
  for (std::size_t i = 0; i < n; ++i) total_swings += swings[i], total_mwc += mwc[i];
  reference r;
  for (std::size_t i = 0; i < n; ++i) {
    r.banzhaf.push_back(total_swings ? frac(swings[i], total_swings) : "0");
    r.banzhaf_abs.push_back(frac(swings[i], all / 2));
    r.ss.push_back(frac(ssn[i], fact[n]));
    r.pgi.push_back(frac(mwc[i], total_mwc));
    r.dp.push_back(frac(dpn[i], lcm * mwc_total));
    r.johnston.push_back(frac(jn[i], lcm * vulnerable));
    r.prevent.push_back(frac(swings[i], winning));
    r.initiate.push_back(winning == all ? "0" : frac(swings[i], all - winning));
  }
  r.act = frac(winning, all);
  return r;
}

/// A random composite game: criterion k gives player i the weight `weight(k, i)`; each quota is
/// uniform in 1..total (a criterion of zero weights gets one vote for the first player).
template <class Weight>
om::composite_game random_composite(std::mt19937_64& rng, std::size_t n, std::size_t criteria, Weight weight) {
  om::composite_game g;
  for (std::size_t k = 0; k < criteria; ++k) {
    om::criterion c{"c" + std::to_string(k), {}, 0};
    for (std::size_t i = 0; i < n; ++i) c.weights.push_back(weight(k, i));
    std::int64_t total = 0;
    for (auto w : c.weights) total += w;
    if (total == 0) c.weights[0] = 1, total = 1;
    c.quota = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total));
    g.criteria.push_back(std::move(c));
  }
  return g;
}

/// A coalition (bit set) of a composite game wins: it has `members_suffice` members, or it reaches
/// every criterion's quota — straight from the definition.
bool brute_composite_wins(const om::composite_game& g, std::uint64_t s) {
  if (g.members_suffice > 0 && __builtin_popcountll(s) >= g.members_suffice) return true;
  for (const auto& c : g.criteria) {
    std::int64_t w = 0;
    for (std::size_t i = 0; i < c.weights.size(); ++i)
      if (s >> i & 1u) w += c.weights[i];
    if (w < c.quota) return false;
  }
  return true;
}

/// Every index against the brute force; Johnston only when `johnston` (the composite DP leaves it out).
void expect_same(const om::voting_power_result& r, const reference& b, bool johnston = true) {
  EXPECT_EQ(r.coleman_act_exact, b.act);
  for (std::size_t i = 0; i < r.players.size(); ++i) {
    const auto& p = r.players[i];
    EXPECT_EQ(p.banzhaf_exact, b.banzhaf[i]);
    EXPECT_EQ(p.banzhaf_absolute_exact, b.banzhaf_abs[i]);
    EXPECT_EQ(p.shapley_shubik_exact, b.ss[i]);
    EXPECT_EQ(p.public_good_exact, b.pgi[i]);
    EXPECT_EQ(p.deegan_packel_exact, b.dp[i]);
    if (johnston) {
      EXPECT_EQ(p.johnston_exact, b.johnston[i]);
    }
    EXPECT_EQ(p.coleman_prevent_exact, b.prevent[i]);
    EXPECT_EQ(p.coleman_initiate_exact, b.initiate[i]);
  }
}

}  // namespace

TEST(VotingPowerProperty, EveryIndexMatchesBruteForceOnAThousandGames) {
  std::mt19937_64 rng(16);
  for (int trial = 0; trial < 1000; ++trial) {
    const std::size_t n = trial < 940 ? 1 + rng() % 11 : 12 + rng() % 5;  // a few up to 16 players
    om::weighted_game g;
    const std::uint64_t wmax = 1 + rng() % 20;
    for (std::size_t i = 0; i < n; ++i) g.weights.push_back(static_cast<std::int64_t>(rng() % (wmax + 1)));
    if (g.total() == 0) g.weights[0] = 1;
    g.quota = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(g.total()));
    // alternate the routes: Deegan–Packel and Johnston by DP, or by enumeration when the DP table
    // budget is zero; Shapley–Shubik by DP, or by enumeration when either of its budgets is zero
    const om::voting_power_options opt{.exact_budget = trial % 2 == 0 ? 0u : 10'000'000'000u,
                                       .dp_word_budget = trial % 3 == 0 ? 0u : 60'000'000u};
    const auto r = om::voting_power(g, opt);
    EXPECT_EQ(r.shapley_shubik_method.substr(0, 19), trial % 2 == 0 || trial % 3 == 0 ? "exact (enumeration)" : "exact (DP): generat");
    EXPECT_EQ(r.johnston_method.substr(0, 19), trial % 3 == 0 ? "exact (enumeration)" : "exact (DP): critica");
    EXPECT_EQ(r.deegan_packel_method.substr(0, 19), trial % 3 == 0 ? "exact (enumeration)" : "exact (DP): minimal");
    const auto b = brute(n, [&](std::uint64_t s) {
      std::int64_t w = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (s >> i & 1u) w += g.weights[i];
      return w >= g.quota;
    });
    SCOPED_TRACE("trial " + std::to_string(trial) + ", n " + std::to_string(n) + ", quota " + std::to_string(g.quota));
    expect_same(r, b);
    if (HasFailure()) break;
  }
}

TEST(VotingPower, DeeganPackelAndPgiBeyondTheEnumerationLimit) {
  // 60 equal voters, quota 31: the minimal winning coalitions are exactly the C(60, 31) sets of 31
  // voters, a voter is in C(59, 30) of them; by symmetry every index is 1/60. C(60,31) =
  // 114449595062769120 and C(59,30) = 59132290782430712 (Pascal's rule: C(60,31) = C(59,30) + C(59,31),
  // and C(59,31) = C(59,28); values as given by Python's math.comb).
  om::weighted_game g;
  g.weights.assign(60, 1);
  g.quota = 31;
  const auto r = om::voting_power(g, {.exact_budget = 0, .samples = 1000});
  EXPECT_EQ(r.minimal_winning_coalitions_exact, "114449595062769120");
  EXPECT_EQ(r.players[7].minimal_winning_coalitions_exact, "59132290782430712");
  EXPECT_EQ(r.players[7].public_good_exact, "1/60");
  EXPECT_EQ(r.players[7].deegan_packel_exact, "1/60");
  EXPECT_EQ(r.deegan_packel_method, "exact (DP): minimal winning coalitions by size and weight");
}

TEST(CompositePowerProperty, EveryIndexMatchesBruteForceOnAThousandGames) {
  std::mt19937_64 rng(55);
  for (int trial = 0; trial < 1000; ++trial) {
    const std::size_t n = trial < 960 ? 1 + rng() % 10 : 11 + rng() % 6;
    std::uint64_t wmax = 1;
    auto g = random_composite(rng, n, 2 + rng() % 2, [&](std::size_t k, std::size_t i) {
      if (i == 0) wmax = k == 0 ? 1 : 1 + rng() % 30;  // the first criterion counts members (0 or 1 each)
      return static_cast<std::int64_t>(rng() % (wmax + 1));
    });
    if (trial % 3 == 0) g.members_suffice = static_cast<std::int64_t>(1 + rng() % n);  // "or at least m members"
    const auto r = om::composite_voting_power(g);
    const auto b = brute(n, [&](std::uint64_t s) { return brute_composite_wins(g, s); });
    SCOPED_TRACE("trial " + std::to_string(trial) + ", n " + std::to_string(n));
    expect_same(r, b);
    if (HasFailure()) break;
  }
}

TEST(CompositePowerProperty, SizeAndWeightDpMatchesBruteForceOnAThousandGames) {
  // the DP path (enumeration limit 0): member-count criteria, at most one weighted criterion, and
  // sometimes the clause "at least m members win anyway"
  std::mt19937_64 rng(61);
  for (int trial = 0; trial < 1000; ++trial) {
    const std::size_t n = trial < 950 ? 1 + rng() % 10 : 11 + rng() % 6;
    const std::size_t criteria = 1 + rng() % 3;
    const std::size_t weighted = rng() % 2 ? rng() % criteria : criteria;  // which one is weighted, if any
    auto g = random_composite(rng, n, criteria, [&](std::size_t k, std::size_t) {
      return k == weighted ? static_cast<std::int64_t>(rng() % 41) : std::int64_t{1};
    });
    if (trial % 2 == 0) g.members_suffice = static_cast<std::int64_t>(1 + rng() % n);
    const auto r = om::composite_voting_power(g, {.enumeration_limit = 0});
    const auto b = brute(n, [&](std::uint64_t s) { return brute_composite_wins(g, s); });
    SCOPED_TRACE("trial " + std::to_string(trial) + ", n " + std::to_string(n));
    if (criteria == 1 && g.members_suffice == 0) {  // a weighted game: handed to voting_power
      expect_same(r, b);
    } else {
      ASSERT_EQ(r.shapley_shubik_method, "exact (DP): over coalition size and weight");
      expect_same(r, b, false);
      EXPECT_EQ(r.public_good_method, "exact (DP): minimal winning coalitions by size and weight");
    }
    if (HasFailure()) break;
  }
}

TEST(CompositePower, MembersAndPopulationByHand) {
  // Three members A, B, C; the rule: at least 2 of 3 members and at least 65 of 100 inhabitants
  // (A 60, B 30, C 10). Winning: {A,B} (90), {A,C} (70), {A,B,C}; {B,C} has 40 only. By hand:
  // swings A 3 (in all three), B 1, C 1 → Banzhaf 3/5, 1/5, 1/5. Orders: A is pivotal in BAC,
  // BCA, CAB, CBA, B in ABC, C in ACB → Shapley–Shubik 2/3, 1/6, 1/6. Minimal winning {A,B},
  // {A,C} → PGI 1/2, 1/4, 1/4, Deegan–Packel 1/2, 1/4, 1/4. Vulnerable coalitions: {A,B} and
  // {A,C} (both members critical, 1/2 each) and {A,B,C} (only A critical) → Johnston A 2/3,
  // B 1/6, C 1/6. Coleman's power to act 3/8; A is a veto player.
  om::composite_game g{{{"members", {1, 1, 1}, 2}, {"population", {60, 30, 10}, 65}}, {"A", "B", "C"}};
  const auto r = om::composite_voting_power(g);
  EXPECT_EQ(r.players[0].banzhaf_exact, "3/5");
  EXPECT_EQ(r.players[1].banzhaf_exact, "1/5");
  EXPECT_EQ(r.players[0].shapley_shubik_exact, "2/3");
  EXPECT_EQ(r.players[2].shapley_shubik_exact, "1/6");
  EXPECT_EQ(r.players[0].public_good_exact, "1/2");
  EXPECT_EQ(r.players[1].deegan_packel_exact, "1/4");
  EXPECT_EQ(r.players[0].johnston_exact, "2/3");
  EXPECT_EQ(r.players[2].johnston_exact, "1/6");
  EXPECT_EQ(r.coleman_act_exact, "3/8");
  EXPECT_TRUE(r.players[0].veto);
  EXPECT_FALSE(r.players[1].veto);
  EXPECT_EQ(r.quota_rule, "members ≥ 2 and population ≥ 65");
  EXPECT_EQ(r.shapley_shubik_method, "exact (enumeration): all 8 coalitions");
  // beyond the enumeration limit: the DP over size and weight gives the same exact values …
  const auto d = om::composite_voting_power(g, {.enumeration_limit = 2});
  EXPECT_EQ(d.shapley_shubik_method, "exact (DP): over coalition size and weight");
  EXPECT_EQ(d.players[0].shapley_shubik_exact, "2/3");
  EXPECT_EQ(d.players[1].banzhaf_exact, "1/5");
  EXPECT_EQ(d.coleman_act_exact, "3/8");
  EXPECT_EQ(d.players[0].public_good_exact, "1/2");
  EXPECT_EQ(d.players[1].deegan_packel_exact, "1/4");
  EXPECT_EQ(d.johnston_method, "not computed");
  // … and without room for its table: sampled, with the error stated
  const auto s = om::composite_voting_power(g, {.enumeration_limit = 2, .samples = 20000, .dp_cells = 0});
  EXPECT_FALSE(s.shapley_shubik_exact);
  EXPECT_NEAR(s.players[0].shapley_shubik, 2.0 / 3.0, s.shapley_shubik_error);
  EXPECT_NEAR(s.players[0].banzhaf_absolute, 3.0 / 4.0, s.shapley_shubik_error);  // 3 swings of 4
  EXPECT_EQ(s.johnston_method, "not computed");
  // criteria of different lengths are a typed error naming the criterion
  om::composite_game bad{{{"members", {1, 1, 1}, 2}, {"population", {60, 30}, 65}}, {}};
  EXPECT_THROW((void)om::composite_voting_power(bad), om::invalid_model);
}
