#pragma once
/// @file
/// @brief A small exact two-phase simplex (dense tableau, rationals, Bland's rule, so it cannot
/// cycle) for the nucleolus' sequence of LPs on games of a handful of players.

#include <cstddef>
#include <optional>
#include <vector>

#include "orgmodel/analysis/detail/rational.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::detail {

/// @brief minimise c·y subject to rows (a·y ≤ b or a·y = b), with each variable free or ≥ 0.
struct linear_program {
  enum class row_kind { le, eq };
  struct row {
    std::vector<rational> a;
    row_kind kind = row_kind::le;
    rational b;
  };
  std::size_t vars = 0;
  std::vector<char> free_var;  ///< per variable: 1 when unrestricted in sign
  std::vector<rational> cost;
  std::vector<row> rows;
};

/// @brief An optimal solution: the value and a vertex.
struct lp_solution {
  rational value;
  std::vector<rational> y;
};

/// @brief Solves `lp` exactly. Nothing when infeasible. @throws arithmetic_error when unbounded.
inline std::optional<lp_solution> solve(const linear_program& lp) {
  // Standard form: y_j = p_j − m_j for free variables; a slack per ≤ row; rows with b < 0 are
  // negated; an artificial variable per row gives the first basis.
  std::vector<std::size_t> pos(lp.vars), neg(lp.vars, static_cast<std::size_t>(-1));
  std::size_t cols = 0;
  for (std::size_t j = 0; j < lp.vars; ++j) {
    pos[j] = cols++;
    if (lp.free_var[j]) neg[j] = cols++;
  }
  const std::size_t m = lp.rows.size();
  std::vector<std::size_t> slack(m, static_cast<std::size_t>(-1));
  for (std::size_t i = 0; i < m; ++i)
    if (lp.rows[i].kind == linear_program::row_kind::le) slack[i] = cols++;
  const std::size_t first_art = cols;
  cols += m;
  const std::size_t width = cols + 1;  // last column: right-hand side
  std::vector<rational> t(m * width);
  auto at = [&](std::size_t i, std::size_t j) -> rational& { return t[i * width + j]; };
  std::vector<std::size_t> basis(m);
  for (std::size_t i = 0; i < m; ++i) {
    const auto& r = lp.rows[i];
    const bool flip = r.b < rational(0);
    for (std::size_t j = 0; j < lp.vars; ++j) {
      rational v = flip ? -r.a[j] : r.a[j];
      at(i, pos[j]) = v;
      if (neg[j] != static_cast<std::size_t>(-1)) at(i, neg[j]) = -v;
    }
    if (slack[i] != static_cast<std::size_t>(-1)) at(i, slack[i]) = flip ? -1 : 1;
    at(i, first_art + i) = 1;
    at(i, cols) = flip ? -r.b : r.b;
    basis[i] = first_art + i;
  }
  std::vector<char> allowed(cols, 1);
  auto pivot = [&](std::size_t pr, std::size_t pc) {
    const rational inv = rational(1) / at(pr, pc);
    for (std::size_t j = 0; j < width; ++j) at(pr, j) = at(pr, j) * inv;
    for (std::size_t i = 0; i < m; ++i) {
      if (i == pr || at(i, pc).sign() == 0) continue;
      const rational f = at(i, pc);
      for (std::size_t j = 0; j < width; ++j)
        if (at(pr, j).sign() != 0) at(i, j) -= f * at(pr, j);
    }
    basis[pr] = pc;
  };
  // Minimises obj·z over the current tableau (Bland: lowest entering and leaving index).
  auto run = [&](const std::vector<rational>& obj) {
    for (;;) {
      std::size_t enter = cols;
      for (std::size_t j = 0; j < cols && enter == cols; ++j) {
        if (!allowed[j]) continue;
        bool basic = false;
        for (auto b : basis) basic = basic || b == j;
        if (basic) continue;
        rational rc = obj[j];
        for (std::size_t i = 0; i < m; ++i)
          if (at(i, j).sign() != 0) rc -= obj[basis[i]] * at(i, j);
        if (rc.sign() < 0) enter = j;
      }
      if (enter == cols) return;
      std::size_t leave = m;
      rational best;
      for (std::size_t i = 0; i < m; ++i) {
        if (at(i, enter).sign() <= 0) continue;
        rational ratio = at(i, cols) / at(i, enter);
        if (leave == m || ratio < best || (ratio == best && basis[i] < basis[leave])) leave = i, best = ratio;
      }
      if (leave == m) throw arithmetic_error("a linear program of the nucleolus is unbounded");
      pivot(leave, enter);
    }
  };
  // Phase I: minimise the sum of the artificials.
  std::vector<rational> phase1(cols);
  for (std::size_t i = 0; i < m; ++i) phase1[first_art + i] = 1;
  run(phase1);
  for (std::size_t i = 0; i < m; ++i)
    if (basis[i] >= first_art && at(i, cols).sign() != 0) return std::nullopt;  // infeasible
  // Drive artificials out of the basis where a real column can replace them.
  for (std::size_t i = 0; i < m; ++i) {
    if (basis[i] < first_art) continue;
    for (std::size_t j = 0; j < first_art; ++j)
      if (at(i, j).sign() != 0) {
        pivot(i, j);
        break;
      }
  }
  for (std::size_t j = first_art; j < cols; ++j) allowed[j] = 0;
  // Phase II.
  std::vector<rational> obj(cols);
  for (std::size_t j = 0; j < lp.vars; ++j) {
    obj[pos[j]] = lp.cost[j];
    if (neg[j] != static_cast<std::size_t>(-1)) obj[neg[j]] = -lp.cost[j];
  }
  run(obj);
  std::vector<rational> z(cols);
  for (std::size_t i = 0; i < m; ++i) z[basis[i]] = at(i, cols);
  lp_solution s;
  s.y.resize(lp.vars);
  for (std::size_t j = 0; j < lp.vars; ++j) {
    s.y[j] = z[pos[j]];
    if (neg[j] != static_cast<std::size_t>(-1)) s.y[j] -= z[neg[j]];
    s.value += lp.cost[j] * s.y[j];
  }
  return s;
}

}  // namespace orgmodel::detail
