#pragma once
/// @file
/// @brief The fixed pseudo-random generators of synthetic nations: splitmix64 (seeding, streams)
/// and xoshiro256** (draws), with uniform and normal variates written out here.
///
/// `std::uniform_*_distribution` and `std::normal_distribution` are not specified bit for bit and
/// differ between standard libraries; these are, so a seed gives the same nation everywhere
/// (given IEEE doubles and a correctly rounded `std::log`/`std::sqrt`/`std::cos`).

#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace orgmodel::synth {

namespace detail {
__extension__ using uint128 = unsigned __int128;
}  // namespace detail

/// @brief splitmix64 (Steele, Lea, Flood 2014; Vigna's reference code): one step.
constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// @brief xoshiro256** 1.0 (Blackman, Vigna 2018), seeded from splitmix64 as its authors advise.
class xoshiro256ss {
 public:
  /// @brief The generator of stream `stream` of `seed`: independent streams for independent parts
  /// (populations, counties, one per municipality) so that each part's draws do not depend on the
  /// order in which the others are made.
  constexpr explicit xoshiro256ss(std::uint64_t seed, std::uint64_t stream = 0) noexcept {
    std::uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (auto& w : s_) w = splitmix64(sm);
  }

  /// @brief The next 64 random bits.
  constexpr std::uint64_t operator()() noexcept {
    const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = std::rotl(s_[3], 45);
    return result;
  }

  /// @brief Uniform in [0, 1) with 53 random bits.
  constexpr double uniform() noexcept { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

  /// @brief Uniform integer in [0, n) by Lemire's multiply-shift (n > 0); the tiny bias (< n / 2^64)
  /// does not matter here and keeps one draw per value.
  constexpr std::uint64_t below(std::uint64_t n) noexcept {
    return static_cast<std::uint64_t>((static_cast<detail::uint128>((*this)()) * n) >> 64);
  }

  /// @brief True with probability p.
  constexpr bool chance(double p) noexcept { return uniform() < p; }

  /// @brief Standard normal by Box–Muller (two uniforms, one variate: simple and stateless).
  double normal() noexcept {
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::uint64_t s_[4]{};
};

}  // namespace orgmodel::synth
