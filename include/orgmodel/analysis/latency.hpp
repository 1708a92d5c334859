#pragma once
/// @file
/// @brief Decision latency: how long a matter waits at a body that meets a few times a year, and
/// the distribution of the total wait along an escalation path.
///
/// The model (docs/decision-paths.md gives the reasoning):
/// - a body meeting f times a year, with the matter arriving at a random moment, waits
///   uniform(0, 365/f) days for the next meeting: expected 365/(2f), at most 365/f;
/// - a cadence range "2–3 a year" {low, high}: the expected wait and the percentiles use the
///   mid cadence (low + high)/2 (a body that meets 2 or 3 times meets 2.5 times a year on average);
///   the worst case uses the slowest stated cadence, 365/low, so it bounds every year in the range;
/// - a body whose cadence the model does not state uses `cadence_defaults` by body kind and
///   every result that rests on such a default is flagged `assumed`;
/// - an escalation line adds its preparation_days (a constant);
/// - waits at different bodies are independent. The total of a path's waits is a sum of
///   independent uniforms; its CDF is computed exactly (inclusion–exclusion over the widths, an
///   Irwin–Hall-type piecewise polynomial) when that is cheap and numerically safe (see
///   `latency_options::exact_limit`), else by a seeded simulation with the
///   Dvoretzky–Kiefer–Wolfowitz bound as its stated error.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/model/entities.hpp"

namespace orgmodel {

/// @brief Days in the year the cadences refer to.
inline constexpr double days_per_year = 365.0;

/// @brief Meetings a year assumed for a body whose cadence the model does not state, by kind.
///
/// Chosen from how Swedish bodies of each kind usually work (docs/decision-paths.md has the
/// table and the reasons). Results resting on them are flagged `assumed`.
struct cadence_defaults {
  /// Indexed by `body_kind`.
  std::array<double, enum_names<body_kind>::names.size()> meetings_per_year{
      8,   // council: fullmäktige meets about 8 times a year
      11,  // executive_board: monthly except July
      10,  // committee: monthly except summer and around new year
      6,   // board: a company or association board, about every second month
      1,   // owners_meeting: the annual general meeting
      1,   // members_meeting: a yearly meeting of all members
      6,   // directorate: a municipal association's direktion
      4,   // steering_group: quarterly, as most stated steering groups in the study
      12,  // management_group: monthly
      6,   // working_group
      6,   // reference_group
      8,   // network: about every six weeks, as the Skaraborg business managers
      12,  // official: one post holder acting as needed, taken as within a month
      12,  // operative_team: acts as needed, taken as within a month
  };
  [[nodiscard]] double operator()(body_kind k) const noexcept {
    return meetings_per_year[static_cast<std::size_t>(k)];
  }
};

/// @brief How to compute latencies.
struct latency_options {
  cadence_defaults defaults{};
  /// The exact CDF sums one term per multiplicity vector of equal widths (at most 2^n for n
  /// bodies). Paths needing more terms than this, or whose terms are so large that long-double
  /// cancellation could cost more than 1e-8 of probability, are simulated instead.
  std::size_t exact_limit = std::size_t{1} << 14;
  /// Samples of the simulation used beyond `exact_limit`.
  std::size_t samples = 200'000;
  /// Seed of that simulation, so that results are reproducible.
  std::uint64_t seed = 0x6f72676d6f64656cULL;
};

/// @brief The wait a matter has at one body before the body can take it up.
struct body_wait {
  double expected = 0;   ///< 365 / (2 · mid cadence)
  double worst = 0;      ///< 365 / low cadence
  double width = 0;      ///< the wait is taken as uniform(0, width), width = 365 / mid cadence
  cadence used{};        ///< the cadence used (stated or default)
  bool assumed = false;  ///< the cadence is a default, not stated by the model
};

/// @brief The wait at a body of this cadence (nothing: the default for `kind`).
[[nodiscard]] inline body_wait wait_for(const std::optional<cadence>& c, body_kind kind,
                                        const cadence_defaults& defaults = {}) noexcept {
  body_wait w;
  if (c) {
    w.used = *c;
  } else {
    const double f = defaults(kind);
    w.used = cadence{f, f};
    w.assumed = true;
  }
  w.width = days_per_year / w.used.mid();
  w.expected = w.width / 2.0;
  w.worst = days_per_year / w.used.low;
  return w;
}

/// @brief The wait at body `b`.
[[nodiscard]] inline body_wait wait_at(const body& b, const cadence_defaults& defaults = {}) noexcept {
  return wait_for(b.meetings_per_year, b.kind, defaults);
}

/// @brief How a path's percentiles were computed.
enum class percentile_method : std::uint8_t {
  exact,      ///< exact CDF of the sum of uniforms
  simulated,  ///< seeded simulation; `latency::percentile_error` bounds the error
};
template <>
struct enum_names<percentile_method> {
  static constexpr std::string_view what = "percentile method";
  static constexpr std::array<std::string_view, 2> names{"exact", "simulated"};
};

/// @brief The latency of one path in days.
struct latency {
  double expected = 0;  ///< sum of the expected waits plus the preparation lags
  double worst = 0;     ///< sum of the worst waits plus the preparation lags
  double p50 = 0;       ///< median of the total (mid cadences)
  double p90 = 0;       ///< 90th percentile of the total (mid cadences)
  double preparation = 0;  ///< the preparation lags alone
  percentile_method method = percentile_method::exact;
  /// For simulated percentiles: with probability 0.999 the simulated CDF is within this of the
  /// true one everywhere (DKW), so p50 lies between the true 49.6th and 50.4th percentiles at
  /// 200 000 samples. Zero when exact.
  double percentile_error = 0;
  bool assumed = false;  ///< some body on the path uses a default cadence
};

namespace detail {

/// @brief Exact P(U_1 + … + U_n ≤ t) for independent U_i ~ uniform(0, w_i), w_i > 0.
///
/// F(t) = 1/(n! ∏w) · Σ_{J ⊆ {1..n}} (−1)^|J| (t − Σ_J w)_+^n; equal widths are grouped, so
/// the sum runs over ∏(m_g + 1) multiplicity vectors with binomial weights, not 2^n subsets.
/// Computed in long double and scaled by the mean width; fine for n ≤ 12 (error ≪ 1e-9).
[[nodiscard]] inline double uniform_sum_cdf(std::span<const double> widths, double t, long double* abs_sum = nullptr) {
  const std::size_t n = widths.size();
  if (n == 0) return t >= 0 ? 1.0 : 0.0;
  double total = 0;
  for (double w : widths) total += w;
  if (abs_sum) *abs_sum = 0;
  if (t <= 0) return 0.0;
  if (t >= total) return 1.0;
  // Group equal widths: (width, multiplicity).
  std::vector<double> sorted(widths.begin(), widths.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::pair<long double, int>> groups;
  const long double scale = static_cast<long double>(total) / static_cast<long double>(n);
  for (double w : sorted) {
    const long double s = static_cast<long double>(w) / scale;
    if (!groups.empty() && groups.back().first == s) ++groups.back().second;
    else groups.emplace_back(s, 1);
  }
  const long double ts = static_cast<long double>(t) / scale;
  long double denom = 1;
  for (std::size_t i = 1; i <= n; ++i) denom *= static_cast<long double>(i);
  for (const auto& [w, m] : groups) denom *= std::pow(w, static_cast<long double>(m));
  // Odometer over k_g ∈ [0, m_g].
  std::vector<int> k(groups.size(), 0);
  long double sum = 0;
  for (;;) {
    long double shift = 0, coef = 1;
    int sign_count = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      shift += static_cast<long double>(k[g]) * groups[g].first;
      // binomial(m, k)
      long double b = 1;
      for (int i = 1; i <= k[g]; ++i) b = b * static_cast<long double>(groups[g].second - k[g] + i) / static_cast<long double>(i);
      coef *= b;
      sign_count += k[g];
    }
    const long double x = ts - shift;
    if (x > 0) {
      const long double term = coef * std::pow(x, static_cast<long double>(n));
      sum += (sign_count % 2 == 0) ? term : -term;
      if (abs_sum) *abs_sum += term / denom;
    }
    std::size_t g = 0;
    while (g < groups.size() && k[g] == groups[g].second) k[g++] = 0;
    if (g == groups.size()) break;
    ++k[g];
  }
  const long double f = sum / denom;
  return static_cast<double>(std::clamp(f, 0.0L, 1.0L));
}

/// @brief Whether the exact CDF of this sum is cheap: at most `max_terms` terms.
[[nodiscard]] inline bool uniform_sum_exact_ok(std::span<const double> widths, std::size_t max_terms) {
  if (widths.empty()) return true;
  std::vector<double> sorted(widths.begin(), widths.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::pair<long double, int>> groups;
  long double total = 0;
  for (double w : sorted) total += static_cast<long double>(w);
  const long double scale = total / static_cast<long double>(sorted.size());
  std::size_t terms = 1;
  for (double w : sorted) {
    const long double x = static_cast<long double>(w) / scale;
    if (!groups.empty() && groups.back().first == x) ++groups.back().second;
    else groups.emplace_back(x, 1);
  }
  for (const auto& g : groups) {
    terms *= static_cast<std::size_t>(g.second + 1);
    if (terms > max_terms) return false;
  }
  return true;
}

/// @brief The p-quantile of a sum of independent uniforms, by bisection on the exact CDF.
[[nodiscard]] inline double uniform_sum_quantile(std::span<const double> widths, double p) {
  double lo = 0, hi = 0;
  for (double w : widths) hi += w;
  if (widths.empty()) return 0;
  for (int i = 0; i < 100 && hi - lo > 1e-10 * (1 + hi); ++i) {
    const double mid = (lo + hi) / 2;
    (uniform_sum_cdf(widths, mid) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

/// @brief The p-quantiles of a sum of independent uniforms by seeded simulation.
inline void simulate_uniform_sum(std::span<const double> widths, std::span<const double> ps, std::span<double> out,
                                 std::size_t samples, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> draws(samples);
  for (auto& d : draws) {
    double s = 0;
    for (double w : widths) s += w * u(rng);
    d = s;
  }
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const auto k = std::min(samples - 1, static_cast<std::size_t>(ps[i] * static_cast<double>(samples)));
    std::nth_element(draws.begin(), draws.begin() + static_cast<std::ptrdiff_t>(k), draws.end());
    out[i] = draws[k];
  }
}

}  // namespace detail

/// @brief The latency of a path through bodies with these waits and lines with `preparation`
/// days of preparation in all.
[[nodiscard]] inline latency path_latency(std::span<const body_wait> waits, double preparation,
                                          const latency_options& opt = {}) {
  latency l;
  l.preparation = preparation;
  l.expected = l.worst = preparation;
  std::vector<double> widths;
  widths.reserve(waits.size());
  for (const auto& w : waits) {
    l.expected += w.expected;
    l.worst += w.worst;
    l.assumed = l.assumed || w.assumed;
    widths.push_back(w.width);
  }
  // Exact when cheap and safe: Σ|term| at the 90th percentile (it grows with t, so it bounds the
  // sum at the median too) times a few long-double epsilons bounds the cancellation error of
  // the alternating sum; it must stay below 1e-8 of probability (far below 0.001 day).
  bool exact = detail::uniform_sum_exact_ok(widths, opt.exact_limit);
  if (exact) {
    l.method = percentile_method::exact;
    l.p50 = detail::uniform_sum_quantile(widths, 0.5);
    l.p90 = detail::uniform_sum_quantile(widths, 0.9);
    long double abs_sum = 0;
    (void)detail::uniform_sum_cdf(widths, l.p90, &abs_sum);
    exact = abs_sum * 4 * std::numeric_limits<long double>::epsilon() < 1e-8L;
    l.p50 += preparation;
    l.p90 += preparation;
  }
  if (!exact) {
    l.method = percentile_method::simulated;
    const std::array<double, 2> ps{0.5, 0.9};
    std::array<double, 2> q{};
    const std::size_t n = std::max<std::size_t>(opt.samples, 1);
    detail::simulate_uniform_sum(widths, ps, q, n, opt.seed);
    l.p50 = preparation + q[0];
    l.p90 = preparation + q[1];
    l.percentile_error = std::sqrt(std::log(2.0 / 0.001) / (2.0 * static_cast<double>(n)));
  }
  return l;
}

}  // namespace orgmodel
