#pragma once
/// @file
/// @brief Cost games: what each coalition of stakeholders would pay on its own. A table of all
/// 2^n coalitions for small games, and incremental games for sampling large ones.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "orgmodel/core/money.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel {

/// @brief Largest number of players of a tabular game (2^25 coalitions = 256 MB of costs).
inline constexpr std::size_t max_tabular_players = 25;

/// @brief A cost game given by the cost (öre) of every coalition; coalition = bit mask of players.
class tabular_cost_game {
 public:
  /// @brief A game of `n` players with `cost[mask]` for each of the 2^n coalitions; cost[0] = 0.
  /// @throws invalid_model when the sizes do not match, n is too large or c(∅) ≠ 0.
  tabular_cost_game(std::size_t n, std::vector<std::int64_t> cost) : n_(n), cost_(std::move(cost)) {
    if (n > max_tabular_players)
      throw invalid_model(error_code::out_of_range, "", "a tabular cost game has at most 25 players, not " + std::to_string(n));
    if (cost_.size() != (std::size_t{1} << n))
      throw invalid_model(error_code::out_of_range, "", "a cost game of " + std::to_string(n) + " players needs 2^" +
                                                            std::to_string(n) + " coalition costs");
    if (cost_[0] != 0) throw invalid_model(error_code::out_of_range, "", "the empty coalition must cost nothing");
  }
  /// @brief Builds the table from a function of the coalition mask.
  static tabular_cost_game from(std::size_t n, const std::function<money(std::uint64_t)>& c) {
    if (n > max_tabular_players)
      throw invalid_model(error_code::out_of_range, "", "a tabular cost game has at most 25 players, not " + std::to_string(n));
    std::vector<std::int64_t> v(std::size_t{1} << n);
    for (std::uint64_t s = 1; s < v.size(); ++s) v[s] = c(s).minor();
    return {n, std::move(v)};
  }
  /// @brief The airport game of stand-alone costs: a coalition pays for its largest need.
  static tabular_cost_game airport(std::span<const money> standalone) {
    return from(standalone.size(), [&](std::uint64_t s) {
      money m;
      for (std::size_t i = 0; i < standalone.size(); ++i)
        if ((s >> i) & 1U) m = std::max(m, standalone[i]);
      return m;
    });
  }
  [[nodiscard]] std::size_t players() const noexcept { return n_; }
  [[nodiscard]] std::int64_t cost(std::uint64_t coalition) const noexcept { return cost_[coalition]; }
  [[nodiscard]] std::uint64_t grand() const noexcept { return (std::uint64_t{1} << n_) - 1; }
  [[nodiscard]] money total() const noexcept { return money::from_minor(cost_[grand()]); }

  /// @brief Incremental view for sampling: reset, then add players one by one.
  class walker {
   public:
    explicit walker(const tabular_cost_game& g) : g_(&g) {}
    void reset() noexcept { s_ = 0; }
    /// @brief Adds player i and returns the cost increase.
    std::int64_t add(std::size_t i) noexcept {
      const std::uint64_t t = s_ | (std::uint64_t{1} << i);
      const std::int64_t d = g_->cost(t) - g_->cost(s_);
      s_ = t;
      return d;
    }

   private:
    const tabular_cost_game* g_;
    std::uint64_t s_ = 0;
  };

 private:
  std::size_t n_;
  std::vector<std::int64_t> cost_;
};

/// @brief The airport game as an incremental game for sampling any number of players: a
/// coalition pays the largest stand-alone cost among its members (nested costs).
class airport_game {
 public:
  explicit airport_game(std::span<const money> standalone) : c_(standalone.begin(), standalone.end()) {}
  [[nodiscard]] std::size_t players() const noexcept { return c_.size(); }
  [[nodiscard]] money total() const { return c_.empty() ? money{} : *std::max_element(c_.begin(), c_.end()); }
  void reset() noexcept { max_ = 0; }
  std::int64_t add(std::size_t i) noexcept {
    const std::int64_t c = c_[i].minor();
    if (c <= max_) return 0;
    const std::int64_t d = c - max_;
    max_ = c;
    return d;
  }

 private:
  std::vector<money> c_;
  std::int64_t max_ = 0;
};

}  // namespace orgmodel
