#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/data/population.hpp"

namespace om = orgmodel;

namespace {
om::money sum(const std::vector<om::money>& v) {
  om::money s;
  for (auto x : v) s += x;
  return s;
}
std::vector<om::money> sek_list(std::initializer_list<std::int64_t> v) {
  std::vector<om::money> r;
  for (auto x : v) r.push_back(om::money::from_major(x));
  return r;
}
}  // namespace

TEST(Allocation, EqualAndProportionalByLargestRemainder) {
  // 100.00 SEK in 3: 33.34 + 33.33 + 33.33 (the leftover öre to the first: ties by order).
  auto e = om::allocate_equal(om::money::from_major(100), 3);
  EXPECT_EQ(e, (std::vector<om::money>{om::money::from_minor(3334), om::money::from_minor(3333), om::money::from_minor(3333)}));
  // 1.00 SEK by weights 1, 1, 2: quotas 25, 25, 50 öre exactly.
  std::vector<std::int64_t> w{1, 1, 2};
  EXPECT_EQ(om::allocate_proportional(om::money::from_major(1), w)[2], om::money::from_minor(50));
  // 0.10 SEK by 1, 2, 4 (quotas 1.43, 2.86, 5.71 öre): floors 1, 2, 5, leftover 2 öre to the
  // largest remainders .86 and .71: 1, 3, 6.
  std::vector<std::int64_t> w2{1, 2, 4};
  EXPECT_EQ(om::allocate_proportional(om::money::from_minor(10), w2),
            (std::vector<om::money>{om::money::from_minor(1), om::money::from_minor(3), om::money::from_minor(6)}));
  std::vector<std::int64_t> zeros{0, 0};
  EXPECT_THROW((void)om::allocate_proportional(om::money::from_major(1), zeros), om::arithmetic_error);
  std::vector<std::int64_t> neg{1, -1};
  EXPECT_THROW((void)om::allocate_proportional(om::money::from_major(1), neg), om::arithmetic_error);
}

// Property: every allocation sums exactly to its total and each part is within one öre of its
// exact quota total · w_i / W, over many seeded random inputs.
TEST(Allocation, RandomAllocationsSumExactly) {
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::size_t n = 1 + rng() % 60;
    std::vector<std::int64_t> w(n);
    for (auto& x : w) x = static_cast<std::int64_t>(rng() % (trial % 3 == 0 ? 5 : 1'000'000));
    w[rng() % n] += 1;
    const auto total = om::money::from_minor(static_cast<std::int64_t>(rng() % 10'000'000'000'000ULL));
    auto parts = om::allocate_proportional(total, w);
    ASSERT_EQ(sum(parts), total);
    long double W = 0;
    for (auto x : w) W += static_cast<long double>(x);
    for (std::size_t i = 0; i < n; ++i) {
      const long double quota = static_cast<long double>(total.minor()) * static_cast<long double>(w[i]) / W;
      ASSERT_LT(std::abs(static_cast<long double>(parts[i].minor()) - quota), 1.0L + 1e-6L);
    }
    ASSERT_EQ(sum(om::allocate_equal(total, n)), total);
    auto rm = om::allocate_rate_matching(total, w, om::share(static_cast<std::int64_t>(rng() % 5), 1 + static_cast<std::int64_t>(rng() % 4)));
    ASSERT_EQ(sum(rm.members) + rm.matcher, total);
  }
}

// Business Region Örebro's 6 162 320 SEK split as a rate plus an equal regional match over the
// 12 municipalities (308 116 inhabitants): 10.00 SEK per inhabitant, the region 3 081 160 SEK.
TEST(Allocation, RateMatchingRecoversOrebroRate) {
  std::vector<std::int64_t> pop;
  for (const auto* m : om::data::municipalities_of("18")) pop.push_back(m->population);
  auto r = om::allocate_rate_matching(om::money::from_major(6'162'320), pop, om::share::one());
  EXPECT_EQ(r.rate, om::money::from_major(10));
  EXPECT_EQ(r.rate_ore, om::share(1000, 1));
  EXPECT_EQ(r.matcher, om::money::from_major(3'081'160));
  for (std::size_t i = 0; i < pop.size(); ++i) EXPECT_EQ(r.members[i], om::money::from_major(10 * pop[i]));
}

// Airport game, example from Littlechild & Owen (1973) "A Simple Expression for the Shapley
// Value in a Special Case", Management Science 20(3):370–372, as tabulated in Wikipedia's
// "Airport problem": runway costs 8, 11, 13, 18 for aircraft A–D; Shapley value 2, 3, 4, 9.
TEST(Shapley, AirportGameLittlechildOwenExample) {
  auto c = sek_list({8, 11, 13, 18});
  auto closed = om::shapley_airport(c);
  EXPECT_EQ(closed.allocation, sek_list({2, 3, 4, 9}));
  auto exact = om::shapley_exact(om::tabular_cost_game::airport(c));
  EXPECT_EQ(exact.allocation, sek_list({2, 3, 4, 9}));
  // Order of the players does not matter to the closed form.
  auto shuffled = sek_list({13, 8, 18, 11});
  EXPECT_EQ(om::shapley_airport(shuffled).allocation, sek_list({4, 2, 9, 3}));
}

// Six pilots with runway costs 40, 50, …, 90: Shapley value (40, 52, 67, 87, 117, 177) / 6 —
// by hand: 40/6; +10/5; +10/4; +10/3; +10/2; +10/1 — closed form and subsets agree exactly.
TEST(Shapley, SixPilotAirportGameClosedFormEqualsSubsets) {
  auto c = sek_list({40, 50, 60, 70, 80, 90});
  auto closed = om::shapley_airport(c);
  auto exact = om::shapley_exact(om::tabular_cost_game::airport(c));
  const double expect[] = {40, 52, 67, 87, 117, 177};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_NEAR(closed.value[i], expect[i] / 6 * 100, 1e-6);
    EXPECT_NEAR(exact.value[i], expect[i] / 6 * 100, 1e-6);
  }
  EXPECT_EQ(closed.allocation, exact.allocation);
  EXPECT_EQ(sum(closed.allocation), om::money::from_major(90));
}

// Property: efficiency, symmetry and null player on random games. Players 0 and 1 are made
// symmetric (they enter every coalition's cost through the same weight) and player n−1 is null
// (never changes a cost).
TEST(Shapley, AxiomsOnRandomGames) {
  for (unsigned seed = 1; seed <= 150; ++seed) {
    std::mt19937_64 rng(seed);
    const std::size_t n = 3 + rng() % 6;
    std::vector<std::int64_t> weight(n);
    for (auto& w : weight) w = static_cast<std::int64_t>(rng() % 1000);
    weight[1] = weight[0];
    weight[n - 1] = 0;
    std::vector<std::int64_t> noise(64);
    for (auto& x : noise) x = static_cast<std::int64_t>(rng() % 100'000);
    // c(S) = a concave function of the weight of S plus noise depending on that weight only.
    auto g = om::tabular_cost_game::from(n, [&](std::uint64_t s) {
      std::int64_t t = 0;
      for (std::size_t i = 0; i < n; ++i)
        if ((s >> i) & 1U) t += weight[i];
      if (t == 0) return om::money{};
      return om::money::from_minor(static_cast<std::int64_t>(std::sqrt(static_cast<double>(t)) * 1e5) + noise[static_cast<std::size_t>(t) % 64]);
    });
    auto r = om::shapley_exact(g);
    EXPECT_EQ(sum(r.allocation), g.total());
    double s = 0;
    for (double v : r.value) s += v;
    EXPECT_NEAR(s, static_cast<double>(g.total().minor()), 1e-3);
    EXPECT_EQ(r.value[0], r.value[1]);
    EXPECT_EQ(r.value[n - 1], 0.0);
    EXPECT_EQ(r.allocation[n - 1], om::money{});
  }
}

// Sampled Shapley: on small games whose exact value is known, the stated 95 % interval covers
// the exact value in about 95 % of (seed, player) cases: counted over 400 seeds.
TEST(Shapley, SampledIntervalCoversExactValueAtStatedRate) {
  std::size_t covered = 0, cases = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    std::mt19937_64 rng(seed * 7919);
    const std::size_t n = 5;
    std::vector<std::int64_t> cost(32);
    for (std::uint64_t s = 1; s < 32; ++s) cost[s] = static_cast<std::int64_t>(rng() % 1'000'000);
    om::tabular_cost_game g(n, cost);
    auto exact = om::shapley_exact(g);
    om::tabular_cost_game::walker w(g);
    auto est = om::shapley_sample(n, w, g.total(), {.permutations = 400, .seed = seed, .confidence = 0.95});
    ASSERT_EQ(sum(est.allocation), g.total());
    for (std::size_t i = 0; i < n; ++i) {
      ++cases;
      if (std::abs(est.mean[i] - exact.value[i]) <= est.half_width[i]) ++covered;
    }
  }
  const double rate = static_cast<double>(covered) / static_cast<double>(cases);
  RecordProperty("coverage", std::to_string(rate));
  EXPECT_GT(rate, 0.93) << covered << " of " << cases;
  EXPECT_LT(rate, 0.97) << covered << " of " << cases;
}

// A large airport game (1 000 players): the sampled value agrees with the closed form within
// the stated intervals for most players. The normal-approximation interval under-covers here
// (counted: 884 of 1 000 at 2 000 orders, seed 11): a low-cost player's marginal cost is
// non-zero only when it comes before every costlier player (probability 1/(players above + 1)),
// so its sample holds a handful of non-zero values and the CLT is poor. Documented in
// docs/funding.md; for airport games the closed form is exact anyway.
TEST(Shapley, SampledLargeAirportGameAgreesWithClosedForm) {
  std::mt19937_64 rng(5);
  std::vector<om::money> c(1000);
  for (auto& x : c) x = om::money::from_minor(static_cast<std::int64_t>(rng() % 100'000'000));
  auto closed = om::shapley_airport(c);
  om::airport_game g(c);
  auto est = om::shapley_sample(c.size(), g, g.total(), {.permutations = 2000, .seed = 11});
  std::size_t covered = 0;
  for (std::size_t i = 0; i < c.size(); ++i)
    if (std::abs(est.mean[i] - closed.value[i]) <= est.half_width[i] + 1e-9) ++covered;
  EXPECT_GT(covered, 850u);
  RecordProperty("coverage", std::to_string(covered));
  EXPECT_EQ(sum(est.allocation), g.total());
  EXPECT_EQ(sum(closed.allocation), g.total());
}

namespace {
// The bankruptcy game of claims d and estate E as a cost game: c(S) = −max(0, E − Σ_{j∉S} d_j).
om::tabular_cost_game bankruptcy_cost_game(std::int64_t estate, const std::vector<std::int64_t>& claims) {
  return om::tabular_cost_game::from(claims.size(), [&](std::uint64_t s) {
    std::int64_t others = 0;
    for (std::size_t j = 0; j < claims.size(); ++j)
      if (!((s >> j) & 1U)) others += claims[j];
    return om::money::from_minor(-std::max<std::int64_t>(0, estate - others));
  });
}
}  // namespace

// Nucleolus: Aumann & Maschler (1985), "Game theoretic analysis of a bankruptcy problem from the
// Talmud", J. Economic Theory 36:195–213: claims 100, 200, 300; the nucleolus of the bankruptcy
// game is the Talmud's division: estate 100 → 33⅓ each; 200 → 50, 75, 75; 300 → 50, 100, 150.
// As a cost game c = −v, the nucleolus is the negated division.
TEST(Nucleolus, TalmudBankruptcyAumannMaschler) {
  const std::vector<std::int64_t> claims{100, 200, 300};
  using q = om::detail::rational;
  auto n100 = om::nucleolus(bankruptcy_cost_game(100, claims));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(n100.exact[static_cast<std::size_t>(i)], q(-100, 3));
  auto n200 = om::nucleolus(bankruptcy_cost_game(200, claims));
  EXPECT_EQ(n200.exact, (std::vector<q>{-50, -75, -75}));
  auto n300 = om::nucleolus(bankruptcy_cost_game(300, claims));
  EXPECT_EQ(n300.exact, (std::vector<q>{-50, -100, -150}));
  EXPECT_EQ(sum(n100.allocation), om::money::from_minor(-100));
}

// Nucleolus of a three-player game with v(1) = −1, v(2) = 0, v(3) = 1, v(12) = 3, v(13) = 4,
// v(23) = 2, v(123) = 5: (8/3, 2/3, 5/3). From T. S. Ferguson, "Game Theory", Part IV (games in
// coalitional form), UCLA lecture notes, as checked in the R package CoopGame's tests.
TEST(Nucleolus, FergusonThreePlayerExample) {
  const std::int64_t v[8] = {0, -1, 0, 3, 1, 4, 2, 5};  // by mask: {1}=1, {2}=2, {12}=3, {3}=4, …
  std::vector<std::int64_t> c(8);
  for (int s = 0; s < 8; ++s) c[static_cast<std::size_t>(s)] = -v[s];
  auto r = om::nucleolus(om::tabular_cost_game(3, c));
  using q = om::detail::rational;
  EXPECT_EQ(r.exact, (std::vector<q>{q(-8, 3), q(-2, 3), q(-5, 3)}));
}

// Property: the nucleolus is an imputation whose sorted excess vector is lexicographically no
// larger than that of any other imputation (checked against random imputations).
TEST(Nucleolus, LexicographicallyMinimalOnRandomGames) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937_64 rng(seed);
    const std::size_t n = 3 + rng() % 2;
    const std::uint64_t full = (1U << n) - 1;
    std::vector<std::int64_t> c(full + 1, 0);
    for (std::uint64_t s = 1; s <= full; ++s) c[s] = 100 + static_cast<std::int64_t>(rng() % 1000);
    std::int64_t single = 0;
    for (std::size_t i = 0; i < n; ++i) single += c[1U << i];
    c[full] = std::min(c[full], single);
    om::tabular_cost_game g(n, c);
    auto r = om::nucleolus(g);
    EXPECT_EQ(sum(r.allocation), g.total());
    auto excesses = [&](const std::vector<double>& x) {
      std::vector<double> e;
      for (std::uint64_t s = 1; s < full; ++s) {
        double t = 0;
        for (std::size_t i = 0; i < n; ++i)
          if ((s >> i) & 1U) t += x[i];
        e.push_back(t - static_cast<double>(c[s]));
      }
      std::sort(e.rbegin(), e.rend());
      return e;
    };
    const auto en = excesses(r.value);
    for (std::size_t i = 0; i < n; ++i) EXPECT_LE(r.value[i], static_cast<double>(c[1U << i]) + 1e-9);
    for (int k = 0; k < 300; ++k) {
      // A random imputation: x_i ≤ c(i), Σ x = c(N).
      std::vector<double> x(n);
      double slack = static_cast<double>(single - c[full]);
      std::vector<double> cut(n);
      double cs = 0;
      for (auto& u : cut) cs += (u = std::uniform_real_distribution<double>(0, 1)(rng));
      for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(c[1U << i]) - slack * cut[i] / cs;
      const auto ex = excesses(x);
      // en ≤lex ex
      for (std::size_t j = 0; j < en.size(); ++j) {
        if (en[j] < ex[j] - 1e-7) break;
        ASSERT_LE(en[j], ex[j] + 1e-7) << "seed " << seed;
      }
    }
  }
}
