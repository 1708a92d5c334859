// The fast exact passes of voting_power.hpp (Banzhaf in carry-free digit planes, Shapley–Shubik by
// a banded size-and-weight DP, the minimal-winning-coalition DP) on games beyond brute force (up to
// 150 players, weights up to 200), against plain reference DPs written here from the definitions,
// modulo the prime 2^61 − 1: each player removed outright (no division by 1 + x^v, no sorting, no
// bands), every count reduced modulo p. Shapley–Shubik also sums exactly to n!.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "orgmodel/analysis/voting_power.hpp"

namespace om = orgmodel;

namespace {

constexpr std::uint64_t scale_p = (std::uint64_t{1} << 61) - 1;

std::uint64_t scale_add(std::uint64_t a, std::uint64_t b) { return (a + b) % scale_p; }
std::uint64_t scale_mul(std::uint64_t a, std::uint64_t b) {
  return static_cast<std::uint64_t>(static_cast<om::detail::uint128>(a) * b % scale_p);
}

om::weighted_game scale_game(std::size_t n, std::int64_t lo, std::int64_t hi, std::uint64_t seed, int num, int den) {
  std::mt19937_64 rng(seed);
  om::weighted_game g;
  for (std::size_t i = 0; i < n; ++i) g.weights.push_back(lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1)));
  g.quota = g.total() * num / den + 1;
  return g;
}

// c[m]: coalitions of every player but `skip` of weight m < q, modulo p
std::vector<std::uint64_t> scale_counts_without(const om::weighted_game& g, std::size_t skip) {
  const auto q = static_cast<std::size_t>(g.quota);
  std::vector<std::uint64_t> c(q, 0);
  c[0] = 1;
  for (std::size_t j = 0; j < g.weights.size(); ++j) {
    if (j == skip) continue;
    const auto w = static_cast<std::size_t>(g.weights[j]);
    std::vector<std::uint64_t> next = c;
    for (std::size_t m = w; m < q; ++m) next[m] = scale_add(next[m], c[m - w]);
    c = next;
  }
  return c;
}

void expect_banzhaf_mod_p(const om::weighted_game& g) {
  const auto swings = om::banzhaf_swings(g);
  const auto q = static_cast<std::size_t>(g.quota);
  for (std::size_t i = 0; i < g.weights.size(); ++i) {
    if (i > 0 && std::find(g.weights.begin(), g.weights.begin() + static_cast<std::ptrdiff_t>(i), g.weights[i]) !=
                     g.weights.begin() + static_cast<std::ptrdiff_t>(i))
      continue;  // players of equal weight are symmetric; check the first of each
    const auto c = scale_counts_without(g, i);
    const auto v = static_cast<std::size_t>(g.weights[i]);
    std::uint64_t want = 0;  // coalitions of the others that lose, and win with i
    for (std::size_t m = v < q ? q - v : 0; m < q; ++m) want = scale_add(want, c[m]);
    if (v == 0) want = 0;
    EXPECT_EQ(om::detail::mod_small(swings[i], scale_p), want) << "player " << i << ", weight " << v;
  }
}

}  // namespace

TEST(VotingPowerScale, BanzhafMatchesADirectDpWithoutEachPlayer) {
  // 150 players: ten batches of 15 between carry passes, counts up to 2^150 over four 48-bit planes
  expect_banzhaf_mod_p(scale_game(150, 1, 200, 16, 1, 2));
  // zero weights (they double every count) and a two-thirds quota
  expect_banzhaf_mod_p(scale_game(120, 0, 40, 17, 2, 3));
  // one player at or above the quota alone: it adds nothing below q
  auto g = scale_game(70, 1, 30, 18, 1, 2);
  g.weights.push_back(g.quota + 5);
  expect_banzhaf_mod_p(g);
}

TEST(VotingPowerScale, ShapleyShubikMatchesADirectSizeDpWithoutEachPlayer) {
  for (const auto& g : {scale_game(75, 1, 30, 21, 1, 2), scale_game(66, 0, 25, 22, 2, 3)}) {
    const std::size_t n = g.weights.size();
    const auto q = static_cast<std::size_t>(g.quota);
    const auto num = om::detail::shapley_shubik_numerators(g);
    std::vector<std::uint64_t> fact(n + 1, 1);
    for (std::size_t k = 1; k <= n; ++k) fact[k] = scale_mul(fact[k - 1], k);
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0 && std::find(g.weights.begin(), g.weights.begin() + static_cast<std::ptrdiff_t>(i), g.weights[i]) !=
                       g.weights.begin() + static_cast<std::ptrdiff_t>(i))
        continue;
      // c[k][m]: coalitions of the others of size k and weight m < q
      std::vector<std::vector<std::uint64_t>> c(n, std::vector<std::uint64_t>(q, 0));
      c[0][0] = 1;
      std::size_t placed = 0;
      for (std::size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        const auto w = static_cast<std::size_t>(g.weights[j]);
        for (std::size_t k = ++placed; k-- > 0;)
          for (std::size_t m = q; m-- > w;)
            if (k + 1 < n) c[k + 1][m] = scale_add(c[k + 1][m], c[k][m - w]);
      }
      const auto v = static_cast<std::size_t>(g.weights[i]);
      std::uint64_t want = 0;  // Σ_k k!(n−1−k)! · #{pivotal coalitions of size k}
      for (std::size_t k = 0; k < n && v > 0; ++k)
        for (std::size_t m = v < q ? q - v : 0; m < q; ++m) want = scale_add(want, scale_mul(c[k][m], scale_mul(fact[k], fact[n - 1 - k])));
      EXPECT_EQ(om::detail::mod_small(num[i], scale_p), want) << "player " << i << ", weight " << v;
    }
    om::detail::biguint sum, nf(1);
    for (const auto& x : num) sum += x;
    for (std::size_t k = 2; k <= n; ++k) nf = nf * om::detail::biguint(k);
    EXPECT_EQ(sum.str(), nf.str()) << "the Shapley–Shubik indices sum to 1";
  }
}

TEST(VotingPowerScale, MinimalWinningCoalitionsMatchADirectCountByLightestMember) {
  // A coalition is minimal winning iff it wins and loses without a lightest member ℓ. Fix ℓ (ties
  // broken by index): the rest T are heavier players with q − w_ℓ ≤ w(T) < q. Containing i ≠ ℓ:
  // all such T minus those without i, counted after dividing the generating function by 1 + x^{w_i}.
  for (const auto& g : {scale_game(60, 1, 100, 31, 1, 2), scale_game(48, 1, 12, 32, 3, 5)}) {
    const std::size_t n = g.weights.size();
    const auto q = static_cast<std::size_t>(g.quota);
    const auto heavier = [&](std::size_t a, std::size_t b) {  // a ranks above b
      return g.weights[a] > g.weights[b] || (g.weights[a] == g.weights[b] && a < b);
    };
    std::vector<std::uint64_t> want(n, 0);
    std::uint64_t total = 0;
    for (std::size_t l = 0; l < n; ++l) {
      const auto wl = static_cast<std::size_t>(g.weights[l]);
      const auto window = [&](const std::vector<std::uint64_t>& c) {
        std::uint64_t s = 0;
        for (std::size_t m = wl < q ? q - wl : 0; m < q; ++m) s = scale_add(s, c[m]);
        return s;
      };
      std::vector<std::uint64_t> c(q, 0);
      c[0] = 1;
      for (std::size_t j = 0; j < n; ++j) {
        if (!heavier(j, l)) continue;
        const auto w = static_cast<std::size_t>(g.weights[j]);
        for (std::size_t m = q; m-- > w;) c[m] = scale_add(c[m], c[m - w]);
      }
      const std::uint64_t all = window(c);
      total = scale_add(total, all);
      want[l] = scale_add(want[l], all);
      for (std::size_t i = 0; i < n; ++i) {
        if (!heavier(i, l)) continue;
        const auto w = static_cast<std::size_t>(g.weights[i]);  // ≥ 1 in these games
        std::vector<std::uint64_t> without(c);
        for (std::size_t m = w; m < q; ++m) without[m] = (without[m] + scale_p - without[m - w]) % scale_p;
        want[i] = scale_add(want[i], (all + scale_p - window(without)) % scale_p);
      }
    }
    const om::detail::weight_order wo(g.weights);
    const auto dp = om::detail::mwc_counts(g, wo, false, om::detail::biguint(1));
    EXPECT_EQ(om::detail::mod_small(dp.total, scale_p), total);
    for (std::size_t j = 0; j < n; ++j)
      EXPECT_EQ(om::detail::mod_small(dp.per_class[wo.class_of[j]], scale_p), want[wo.order[j]]) << "player " << wo.order[j];
  }
}
