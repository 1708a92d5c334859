#pragma once
/// @file
/// @brief The population distribution of synthetic municipalities: a log-normal fitted by maximum
/// likelihood to the 290 Swedish municipalities (SCB 2023). See docs/synthetic-regions.md.

#include <cmath>
#include <cstdint>
#include <span>

#include "orgmodel/data/population.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::synth {

/// @brief A log-normal: ln(population) ~ Normal(mu, sigma).
struct lognormal_fit {
  double mu = 0;     ///< mean of ln(population)
  double sigma = 0;  ///< standard deviation of ln(population) (maximum likelihood: divides by n)
  std::size_t n = 0; ///< sample size of the fit
  /// @brief The median population, e^mu.
  [[nodiscard]] double median() const { return std::exp(mu); }
  /// @brief The mean population, e^(mu + sigma²/2).
  [[nodiscard]] double mean() const { return std::exp(mu + sigma * sigma / 2); }
};

/// @brief Maximum-likelihood log-normal of positive populations.
/// @throws invalid_model when there are fewer than two or a population is not positive.
inline lognormal_fit fit_lognormal(std::span<const std::int64_t> populations) {
  if (populations.size() < 2) throw invalid_model(error_code::out_of_range, "", "a log-normal fit needs two or more populations");
  double sum = 0;
  for (std::size_t i = 0; i < populations.size(); ++i) {
    if (populations[i] <= 0)
      throw invalid_model(error_code::out_of_range, "/" + std::to_string(i), "population must be positive for a log-normal fit");
    sum += std::log(static_cast<double>(populations[i]));
  }
  const double n = static_cast<double>(populations.size());
  const double mu = sum / n;
  double ss = 0;
  for (auto p : populations) {
    const double d = std::log(static_cast<double>(p)) - mu;
    ss += d * d;
  }
  return {mu, std::sqrt(ss / n), populations.size()};
}

/// @brief The fit to Sweden's 290 municipalities, SCB 2023 (mu ≈ 9.8772, sigma ≈ 0.9997).
inline lognormal_fit swedish_municipality_fit() {
  std::vector<std::int64_t> p;
  p.reserve(data::municipalities().size());
  for (const auto& m : data::municipalities()) p.push_back(m.population);
  return fit_lognormal(p);
}

}  // namespace orgmodel::synth
