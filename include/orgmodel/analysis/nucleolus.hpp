#pragma once
/// @file
/// @brief The nucleolus of a small cost game, exactly: the imputation that lexicographically
/// minimises the largest excesses x(S) − c(S) (what a coalition pays beyond its stand-alone cost).
///
/// Method (Maschler, Peleg & Shapley 1979; the sequence of LPs of Kopelowitz 1967), in exact
/// rational arithmetic with a small two-phase simplex:
/// 1. minimise ε subject to x(N) = c(N), x_i ≤ c({i}) (imputations), x(S) = c(S) + e_S for the
///    coalitions fixed so far, and x(S) − c(S) ≤ ε for every other coalition;
/// 2. the coalitions whose excess equals ε* in *every* optimal solution are fixed at ε*: among the
///    coalitions tight at the optimum found, an LP maximises Σ t_S with 0 ≤ t_S ≤ 1 and
///    t_S ≤ c(S) + ε* − x(S); those with t_S > 0 can be slack and are dropped, and the LP is
///    repeated on the rest until its optimum is 0 (the rest are then tight on the whole face);
/// 3. coalitions whose characteristic vector lies in the span of N and the fixed ones have a
///    determined excess and leave the free set; repeat until none is left: x is then unique.
/// Exact for any n, practical for n ≤ 6–8 (2^n − 2 constraints in a dense rational tableau).

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "orgmodel/analysis/cost_game.hpp"
#include "orgmodel/analysis/detail/largest_remainder.hpp"
#include "orgmodel/analysis/detail/simplex.hpp"

namespace orgmodel {

/// @brief Largest game the nucleolus accepts (the LPs grow as 2^n).
inline constexpr std::size_t max_nucleolus_players = 10;

/// @brief The nucleolus: exact values and money.
struct nucleolus_result {
  std::vector<double> value;        ///< öre, exact value rounded to double
  std::vector<detail::rational> exact;  ///< öre, exact
  std::vector<money> allocation;    ///< largest remainder of the exact values: sums to c(N)
  std::vector<double> excess_levels;  ///< ε* of each round, öre (the sorted largest excesses)
  std::size_t linear_programs = 0;    ///< LPs solved
};

namespace detail {

/// @brief Rank of 0/1 row vectors (coalition masks over n players), exactly.
inline std::size_t mask_rank(const std::vector<std::uint64_t>& masks, std::size_t n) {
  std::vector<std::vector<rational>> m;
  for (auto s : masks) {
    std::vector<rational> r(n);
    for (std::size_t i = 0; i < n; ++i) r[i] = ((s >> i) & 1U) ? 1 : 0;
    m.push_back(std::move(r));
  }
  std::size_t rank = 0;
  for (std::size_t c = 0; c < n && rank < m.size(); ++c) {
    std::size_t p = rank;
    while (p < m.size() && m[p][c].sign() == 0) ++p;
    if (p == m.size()) continue;
    std::swap(m[p], m[rank]);
    for (std::size_t i = 0; i < m.size(); ++i) {
      if (i == rank || m[i][c].sign() == 0) continue;
      const rational f = m[i][c] / m[rank][c];
      for (std::size_t j = c; j < n; ++j) m[i][j] -= f * m[rank][j];
    }
    ++rank;
  }
  return rank;
}

}  // namespace detail

/// @brief The nucleolus of a cost game with a non-empty imputation set.
/// @throws invalid_model when the game has more than `max_nucleolus_players` players or no
/// imputation (c(N) above the sum of stand-alone costs).
inline nucleolus_result nucleolus(const tabular_cost_game& g) {
  using detail::linear_program;
  using detail::rational;
  const std::size_t n = g.players();
  if (n > max_nucleolus_players)
    throw invalid_model(error_code::out_of_range, "", "the nucleolus is computed for at most 10 players, not " + std::to_string(n));
  nucleolus_result r;
  if (n == 0) return r;
  const std::uint64_t full = g.grand();
  {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum = checked_add(sum, g.cost(std::uint64_t{1} << i));
    if (g.cost(full) > sum)
      throw invalid_model(error_code::out_of_range, "",
                          "the cost game has no imputation: the grand coalition costs more than its members alone");
  }
  struct fixed_excess {
    std::uint64_t s;
    rational e;
  };
  std::vector<fixed_excess> fixed;
  std::vector<std::uint64_t> free;
  for (std::uint64_t s = 1; s < full; ++s) free.push_back(s);
  std::vector<std::uint64_t> span_masks{full};
  std::vector<rational> x(n);
  if (n == 1) x[0] = g.cost(full);

  // Rows shared by every LP: efficiency, imputations, fixed coalitions. Variables: x_0..x_{n−1},
  // then the extra ones of each LP.
  auto base_rows = [&](std::size_t vars) {
    std::vector<linear_program::row> rows;
    auto mask_row = [&](std::uint64_t s, linear_program::row_kind k, rational b) {
      linear_program::row row{std::vector<rational>(vars), k, b};
      for (std::size_t i = 0; i < n; ++i)
        if ((s >> i) & 1U) row.a[i] = 1;
      rows.push_back(std::move(row));
    };
    mask_row(full, linear_program::row_kind::eq, g.cost(full));
    for (std::size_t i = 0; i < n; ++i)
      mask_row(std::uint64_t{1} << i, linear_program::row_kind::le, g.cost(std::uint64_t{1} << i));
    for (const auto& f : fixed) mask_row(f.s, linear_program::row_kind::eq, rational(g.cost(f.s)) + f.e);
    return rows;
  };
  auto coalition_sum = [&](const std::vector<rational>& y, std::uint64_t s) {
    rational t;
    for (std::size_t i = 0; i < n; ++i)
      if ((s >> i) & 1U) t += y[i];
    return t;
  };

  while (!free.empty() && n > 1) {
    // Step 1: min ε.
    linear_program lp;
    lp.vars = n + 1;
    lp.free_var.assign(n + 1, 1);
    lp.cost.assign(n + 1, rational());
    lp.cost[n] = 1;
    lp.rows = base_rows(n + 1);
    for (auto s : free) {
      linear_program::row row{std::vector<rational>(n + 1), linear_program::row_kind::le, g.cost(s)};
      for (std::size_t i = 0; i < n; ++i)
        if ((s >> i) & 1U) row.a[i] = 1;
      row.a[n] = -1;
      lp.rows.push_back(std::move(row));
    }
    auto sol = detail::solve(lp);
    ++r.linear_programs;
    if (!sol) throw arithmetic_error("the nucleolus LP is infeasible");
    const rational eps = sol->value;
    r.excess_levels.push_back(eps.value());
    for (std::size_t i = 0; i < n; ++i) x[i] = sol->y[i];
    // Step 2: which of the tight coalitions are tight on the whole optimal face?
    std::vector<std::uint64_t> cand;
    for (auto s : free)
      if (coalition_sum(x, s) - rational(g.cost(s)) == eps) cand.push_back(s);
    for (;;) {
      linear_program q;
      const std::size_t k = cand.size();
      q.vars = n + k;
      q.free_var.assign(n + k, 0);
      for (std::size_t i = 0; i < n; ++i) q.free_var[i] = 1;
      q.cost.assign(n + k, rational());
      for (std::size_t j = 0; j < k; ++j) q.cost[n + j] = -1;  // maximise Σ t
      q.rows = base_rows(n + k);
      for (auto s : free) {  // every free coalition keeps excess ≤ ε*
        linear_program::row row{std::vector<rational>(n + k), linear_program::row_kind::le, rational(g.cost(s)) + eps};
        for (std::size_t i = 0; i < n; ++i)
          if ((s >> i) & 1U) row.a[i] = 1;
        auto it = std::find(cand.begin(), cand.end(), s);
        if (it != cand.end()) row.a[n + static_cast<std::size_t>(it - cand.begin())] = 1;  // x(S) + t_S ≤ c(S) + ε*
        q.rows.push_back(std::move(row));
      }
      for (std::size_t j = 0; j < k; ++j) {
        linear_program::row row{std::vector<rational>(n + k), linear_program::row_kind::le, 1};
        row.a[n + j] = 1;
        q.rows.push_back(std::move(row));
      }
      auto qs = detail::solve(q);
      ++r.linear_programs;
      if (!qs) throw arithmetic_error("the nucleolus tightness LP is infeasible");
      if (qs->value.sign() == 0) break;  // the remaining candidates are tight everywhere
      std::vector<std::uint64_t> keep;
      for (std::size_t j = 0; j < k; ++j)
        if (qs->y[n + j].sign() == 0) keep.push_back(cand[j]);
      cand.swap(keep);
      if (cand.empty()) break;
    }
    if (cand.empty()) throw arithmetic_error("the nucleolus made no progress (no coalition is fixed)");
    for (auto s : cand) {
      fixed.push_back({s, eps});
      span_masks.push_back(s);
    }
    // Step 3: drop coalitions whose excess is now determined.
    const std::size_t rank = detail::mask_rank(span_masks, n);
    std::vector<std::uint64_t> still;
    for (auto s : free) {
      if (std::find(cand.begin(), cand.end(), s) != cand.end()) continue;
      span_masks.push_back(s);
      if (detail::mask_rank(span_masks, n) > rank) still.push_back(s);
      span_masks.pop_back();
    }
    free.swap(still);
  }
  r.exact = x;
  r.value.resize(n);
  // Money: all values over one common denominator, then largest remainder.
  int128 den = 1;
  for (const auto& v : x) {
    int128 a = den, b = v.den();
    while (b != 0) {
      int128 t = a % b;
      a = b;
      b = t;
    }
    den = den / a * v.den();
  }
  std::vector<int128> num(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.value[i] = x[i].value();
    num[i] = x[i].num() * (den / x[i].den());
  }
  r.allocation = detail::largest_remainder(g.total(), num, den);
  return r;
}

}  // namespace orgmodel
