#pragma once
/// @file
/// @brief Largest-remainder apportionment of an amount in öre: the parts sum to the total exactly.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

#include "orgmodel/core/checked.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::detail {

/// @brief Floor division of 128-bit integers (rounds toward minus infinity), d > 0.
inline int128 floor_div(int128 n, int128 d) {
  int128 q = n / d;
  if ((n % d != 0) && (n < 0)) --q;
  return q;
}

/// @brief Splits `total` öre into parts whose exact quotas are `num[i] / den` (den > 0).
///
/// Every part is first rounded down (toward minus infinity); the öre left over go one each to the
/// parts with the largest remainder. Ties are broken by the lower index, i.e. the order the
/// caller gave, so the result is deterministic. When the quotas sum to `total` exactly (the usual
/// case: proportional shares, exact Shapley values) each part differs from its quota by less than
/// one öre. When they are approximations (fixed-point Shapley estimates) the leftover may be
/// negative or exceed the number of parts; it is then handed out (or taken back) round-robin in
/// the same remainder order, so the parts still sum to the total exactly.
inline std::vector<money> largest_remainder(money total, std::span<const int128> num, int128 den) {
  const std::size_t n = num.size();
  std::vector<money> out(n);
  if (n == 0) {
    if (total.minor() != 0)
      throw arithmetic_error("empty input: cannot split a non-zero total among no stakeholders", {}, error_code::empty_input);
    return out;
  }
  if (den <= 0) throw arithmetic_error("apportionment denominator must be positive");
  std::vector<int128> rem(n);
  int128 assigned = 0;
  constexpr int128 lim = static_cast<int128>(INT64_MAX);
  for (std::size_t i = 0; i < n; ++i) {
    int128 f = floor_div(num[i], den);
    if (f > lim || f < -lim) throw arithmetic_error("an apportioned part overflows 64 bits");
    rem[i] = num[i] - f * den;
    out[i] = money::from_minor(static_cast<std::int64_t>(f));
    assigned += f;
  }
  int128 left = static_cast<int128>(total.minor()) - assigned;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
  const std::int64_t step = left >= 0 ? 1 : -1;
  // Taking back öre starts from the smallest remainders, so walk the order backwards then.
  std::size_t k = 0;
  while (left != 0) {
    std::size_t i = step > 0 ? order[k % n] : order[n - 1 - (k % n)];
    out[i] += money::from_minor(step);
    left -= step;
    ++k;
  }
  return out;
}

/// @brief Splits `total` in proportion to non-negative integer `weights` by largest remainder.
/// @throws arithmetic_error: `empty_input` when there are no weights but a non-zero total,
/// `out_of_range` when a weight is negative or every weight is zero but the total is not.
inline std::vector<money> split_by_weights(money total, std::span<const std::int64_t> weights) {
  int128 sum = 0;
  for (auto w : weights) {
    if (w < 0) throw arithmetic_error("a weight is negative", {}, error_code::out_of_range);
    sum += w;
  }
  std::vector<int128> num(weights.size());
  if (sum == 0) {
    if (weights.empty()) return largest_remainder(total, num, 1);  // empty_input, or nothing to split
    if (total.minor() != 0)
      throw arithmetic_error("cannot split a non-zero total by weights that are all zero", {}, error_code::out_of_range);
    return largest_remainder(total, num, 1);
  }
  for (std::size_t i = 0; i < weights.size(); ++i) num[i] = static_cast<int128>(total.minor()) * weights[i];
  return largest_remainder(total, num, sum);
}

}  // namespace orgmodel::detail
