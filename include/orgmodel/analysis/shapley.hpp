#pragma once
/// @file
/// @brief The Shapley value of a cost game: exact over all coalitions for small games, the
/// Littlechild–Owen closed form for airport games (nested costs), and permutation sampling with a
/// stated confidence interval for large games. Every result also comes as money that sums to
/// the grand coalition's cost exactly (largest remainder, ties to the lower player index).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <span>
#include <vector>

#include "orgmodel/analysis/cost_game.hpp"
#include "orgmodel/analysis/detail/largest_remainder.hpp"

namespace orgmodel {

/// @brief A Shapley value: per player, in öre (exact up to double rounding) and as money.
struct shapley_result {
  std::vector<double> value;     ///< öre, the exact value rounded to double for display
  std::vector<money> allocation; ///< sums to the grand coalition's cost exactly
};

/// @brief The exact Shapley value by the subset formula:
/// φ_i = Σ_{S ∌ i} |S|! (n−|S|−1)! / n! · (c(S ∪ i) − c(S)), in 128-bit integers over n!, so the
/// allocation is the largest-remainder rounding of the exact value. O(2^n · n).
/// @throws arithmetic_error when a sum overflows 128 bits (astronomic costs at n ≈ 25).
inline shapley_result shapley_exact(const tabular_cost_game& g) {
  const std::size_t n = g.players();
  shapley_result r;
  if (n == 0) return r;
  std::vector<int128> fact(n + 1, 1);
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * static_cast<int128>(k);
  std::vector<int128> weight(n);  // |S|! (n − |S| − 1)!
  for (std::size_t k = 0; k < n; ++k) weight[k] = fact[k] * fact[n - 1 - k];
  std::vector<int128> num(n, 0);
  const std::uint64_t full = g.grand();
  for (std::uint64_t s = 0; s <= full; ++s) {
    const auto size = static_cast<std::size_t>(__builtin_popcountll(s));
    if (size == n) continue;
    const int128 w = weight[size];
    const std::int64_t cs = g.cost(s);
    for (std::size_t i = 0; i < n; ++i) {
      if ((s >> i) & 1U) continue;
      int128 term = 0;
      if (__builtin_mul_overflow(w, static_cast<int128>(g.cost(s | (std::uint64_t{1} << i)) - cs), &term) ||
          __builtin_add_overflow(num[i], term, &num[i]))
        throw arithmetic_error("exact Shapley value overflows 128 bits");
    }
  }
  r.value.resize(n);
  for (std::size_t i = 0; i < n; ++i) r.value[i] = static_cast<double>(num[i]) / static_cast<double>(fact[n]);
  r.allocation = detail::largest_remainder(g.total(), num, fact[n]);
  return r;
}

/// @brief The Shapley value of the airport game (Littlechild & Owen 1973): sort the stand-alone
/// costs c_(1) ≤ … ≤ c_(n); the k-th increment c_(k) − c_(k−1) is shared equally by the n − k + 1
/// players who need it. O(n log n). Exact over the common denominator lcm(1..n) while that is
/// below 10^18 (n ≤ 42), otherwise in fixed point with 10^-18 öre resolution before the
/// largest-remainder rounding.
inline shapley_result shapley_airport(std::span<const money> standalone) {
  const std::size_t n = standalone.size();
  shapley_result r;
  r.value.assign(n, 0.0);
  if (n == 0) return r;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return standalone[a] < standalone[b]; });
  int128 den = 1;
  for (std::size_t k = 1; k <= n; ++k) {
    int128 a = den, b = static_cast<int128>(k);
    while (b != 0) {
      int128 t = a % b;
      a = b;
      b = t;
    }
    const int128 l = den / a * static_cast<int128>(k);
    if (l > static_cast<int128>(1'000'000'000'000'000'000LL)) {
      den = static_cast<int128>(1'000'000'000'000'000'000LL);
      break;
    }
    den = l;
  }
  std::vector<int128> num(n, 0);
  int128 acc = 0;  // Σ of shared increments so far, scaled by den
  double acc_d = 0;
  std::int64_t prev = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = order[k];
    const std::int64_t c = standalone[i].minor();
    if (c < 0) throw arithmetic_error("an airport game's stand-alone cost is negative");
    const int128 d = static_cast<int128>(c - prev) * den;
    const auto users = static_cast<int128>(n - k);
    acc += (d + users / 2) / users;  // exact when den = lcm(1..n)
    acc_d += static_cast<double>(c - prev) / static_cast<double>(n - k);
    num[i] = acc;
    r.value[i] = acc_d;
    prev = c;
  }
  r.allocation = detail::largest_remainder(money::from_minor(prev), num, den);
  return r;
}

/// @brief The inverse of the standard normal distribution (Acklam's rational approximation,
/// relative error below 1.2e-9), for the confidence half-width of sampled Shapley values.
inline double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) throw arithmetic_error("a probability must lie strictly between 0 and 1");
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01,  -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  const double lo = 0.02425;
  if (p < lo) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normal_quantile(1 - p);
  const double q = p - 0.5, rr = q * q;
  return (((((a[0] * rr + a[1]) * rr + a[2]) * rr + a[3]) * rr + a[4]) * rr + a[5]) * q /
         (((((b[0] * rr + b[1]) * rr + b[2]) * rr + b[3]) * rr + b[4]) * rr + 1);
}

/// @brief A sampled Shapley value with its confidence interval.
struct shapley_estimate {
  std::vector<double> mean;        ///< öre: the mean marginal cost over the sampled orders
  std::vector<double> half_width;  ///< öre: the interval is mean ± half_width
  double confidence = 0.95;        ///< two-sided, normal approximation (CLT)
  std::size_t permutations = 0;
  std::vector<money> allocation;   ///< sums to the grand coalition's cost exactly
};

/// @brief Options of `shapley_sample`.
struct shapley_sample_options {
  std::size_t permutations = 10'000;
  std::uint64_t seed = 1;
  double confidence = 0.95;
};

/// @brief Estimates the Shapley value by averaging marginal costs over random orders of the
/// players (Castro, Gómez & Tejada 2009). `Game` has `reset()` and `add(i)` returning the cost
/// increase in öre of adding player i (e.g. `airport_game`, `tabular_cost_game::walker`).
///
/// The interval is mean ± z·s/√m, with s the sample standard deviation of player i's marginal
/// cost, m the number of orders and z the normal quantile of (1 + confidence)/2. Every order's
/// marginals sum to c(N), so the means do too (efficiency holds for the estimate).
/// O(m · n · cost of add).
template <class Game>
shapley_estimate shapley_sample(std::size_t n, Game& game, money total, const shapley_sample_options& opt = {}) {
  if (opt.permutations < 2) throw arithmetic_error("sampling needs at least two permutations");
  shapley_estimate e;
  e.confidence = opt.confidence;
  e.permutations = opt.permutations;
  e.mean.assign(n, 0.0);
  std::vector<double> m2(n, 0.0);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937_64 rng(opt.seed);
  for (std::size_t k = 1; k <= opt.permutations; ++k) {
    for (std::size_t i = n; i > 1; --i) {  // Fisher–Yates
      std::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(order[i - 1], order[pick(rng)]);
    }
    game.reset();
    for (std::size_t p : order) {
      const double x = static_cast<double>(game.add(p));
      const double delta = x - e.mean[p];  // Welford's running mean and variance
      e.mean[p] += delta / static_cast<double>(k);
      m2[p] += delta * (x - e.mean[p]);
    }
  }
  const double z = normal_quantile(0.5 + opt.confidence / 2);
  const double m = static_cast<double>(opt.permutations);
  e.half_width.resize(n);
  for (std::size_t i = 0; i < n; ++i) e.half_width[i] = z * std::sqrt(m2[i] / (m - 1) / m);
  // Money: fixed point with 10^-6 öre resolution, then largest remainder to the exact total.
  std::vector<int128> num(n);
  for (std::size_t i = 0; i < n; ++i) num[i] = static_cast<int128>(std::llround(e.mean[i] * 1e6));
  e.allocation = detail::largest_remainder(total, num, 1'000'000);
  return e;
}

}  // namespace orgmodel
