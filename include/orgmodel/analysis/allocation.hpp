#pragma once
/// @file
/// @brief Allocation of a total cost among stakeholders, exact to the öre: equal parts, parts
/// proportional to a weight (population or any column), a per-inhabitant rate plus a matching
/// party, and the game-theoretic rules (Shapley value, airport closed form, sampled Shapley,
/// nucleolus) from shapley.hpp and nucleolus.hpp.
///
/// Rounding rule, the same everywhere: each part's exact quota is rounded down to the öre, and
/// the öre left over go one each to the largest remainders; ties go to the stakeholder listed
/// first. The parts therefore always sum to the total exactly and each is within one öre of its
/// exact quota. Every path uses it: these functions, shapley.hpp and nucleolus.hpp (on the exact
/// values, or on the estimates for sampled Shapley), the funding evaluation and `orgmodel allocate`
/// for models and CSV files alike (docs/funding.md).
///
/// @code
/// std::vector<std::int64_t> pop{155'000, 30'000, 12'000};
/// auto parts = orgmodel::allocate_proportional(orgmodel::money::from_major(1'000'000), pop);
/// @endcode

#include <cstdint>
#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "orgmodel/analysis/cost_game.hpp"
#include "orgmodel/analysis/detail/largest_remainder.hpp"
#include "orgmodel/analysis/nucleolus.hpp"
#include "orgmodel/analysis/shapley.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/share.hpp"

namespace orgmodel {

/// @brief The allocation rules the library offers (for front ends that choose by name).
enum class allocation_method : std::uint8_t {
  equal,
  proportional,
  rate_matching,
  shapley,         ///< exact, by subsets (n ≤ 25)
  airport,         ///< Littlechild–Owen closed form for nested costs
  shapley_sample,  ///< permutation sampling with a confidence interval
  nucleolus,       ///< exact, n ≤ 10
};
template <>
struct enum_names<allocation_method> {
  static constexpr std::string_view what = "allocation method";
  static constexpr std::array<std::string_view, 7> names{"equal",   "proportional",   "rate_matching", "shapley",
                                                         "airport", "shapley_sample", "nucleolus"};
};

/// @brief `total` in `n` equal parts (the first total mod n parts one öre more).
/// @throws arithmetic_error (`empty_input`) when n = 0 and the total is not zero.
inline std::vector<money> allocate_equal(money total, std::size_t n) {
  std::vector<std::int64_t> w(n, 1);
  return detail::split_by_weights(total, w);
}

/// @brief `total` in proportion to non-negative `weights` (inhabitants, seats, any column).
/// @throws arithmetic_error: `empty_input` when there are no weights and the total is not zero,
/// `out_of_range` when a weight is negative or all are zero with a non-zero total.
inline std::vector<money> allocate_proportional(money total, std::span<const std::int64_t> weights) {
  return detail::split_by_weights(total, weights);
}

/// @brief A split in which members pay one rate per inhabitant and a matching party adds
/// `ratio` × the members' sum (the region matching the municipalities).
struct rate_matching_allocation {
  std::vector<money> members;  ///< per member, proportional to population
  money matcher;               ///< the matching party's part
  share rate_ore;              ///< the implied rate, öre per inhabitant, exact
  money rate;                  ///< the same, rounded half away from zero to the öre
};

/// @brief Splits `total` so that members pay r × population and the matcher ratio × their sum:
/// total = (1 + ratio) · r · P. Exact: the weights are p_i · den(ratio) for the members and
/// num(ratio) · P for the matcher, apportioned by largest remainder.
inline rate_matching_allocation allocate_rate_matching(money total, std::span<const std::int64_t> populations, share ratio) {
  std::vector<std::int64_t> w;
  w.reserve(populations.size() + 1);
  std::int64_t p = 0;
  for (auto x : populations) {
    if (x < 0) throw arithmetic_error("a population is negative");
    p = checked_add(p, x, "population sum");
    w.push_back(checked_mul(x, ratio.denominator(), "weight"));
  }
  if (p == 0) throw arithmetic_error("a rate per inhabitant needs a positive population");
  w.push_back(checked_mul(ratio.numerator(), p, "weight"));
  auto parts = detail::split_by_weights(total, w);
  rate_matching_allocation r;
  r.matcher = parts.back();
  parts.pop_back();
  r.members = std::move(parts);
  // r = total / ((1 + ratio) · P) = total · den / ((num + den) · P)
  const share one_plus = share::one() + ratio;
  r.rate_ore = share(checked_mul(total.minor(), one_plus.denominator(), "rate"),
                     checked_mul(one_plus.numerator(), p, "rate"));
  r.rate = money::from_minor(mul_div_round(total.minor(), one_plus.denominator(),
                                                   checked_mul(one_plus.numerator(), p, "rate")));
  return r;
}

}  // namespace orgmodel
