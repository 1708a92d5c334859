#pragma once
/// @file
/// @brief Voting power under a composite rule: several weighted majorities at once (a majority of
/// members *and* of population, of members *and* of equity …). A coalition wins when it reaches the
/// quota of every criterion. Every index of `voting_power.hpp`, in the same result format.
///
/// Methods: every coalition enumerated for n ≤ `enumeration_limit` (exact fractions of every index);
/// beyond, when every criterion but at most one counts members (weights all 1) and n ≤ 62, Banzhaf,
/// Shapley–Shubik and Coleman exactly by a DP over (coalition size, weight) (`detail::size_weight_dp`);
/// otherwise m random coalitions and m random orders estimate the absolute Banzhaf and the
/// Shapley–Shubik index of every player, each within ε = sqrt(ln(2/δ)/(2m)) with probability ≥ 1 − δ
/// (Hoeffding); the other indices are then reported as not computed. The result names the method.
/// A composite game with a single criterion is a weighted game: `composite_voting_power` hands it
/// to `voting_power` and its DPs.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "orgmodel/analysis/voting_power.hpp"

namespace orgmodel {

/// @brief One criterion of a composite rule: a weight per player and a quota (at least).
struct criterion {
  std::string name;  ///< "members", "population" …
  std::vector<std::int64_t> weights;
  std::int64_t quota = 0;
};

/// @brief A simple game won by reaching every criterion's quota at once.
struct composite_game {
  std::vector<criterion> criteria;
  std::vector<std::string> players;  ///< names (may be empty)
  /// A coalition of at least this many members wins whatever the criteria say (0: no such clause).
  /// The EU Council: a blocking minority needs at least four states, so n − 3 states adopt.
  std::int64_t members_suffice = 0;
  [[nodiscard]] std::size_t size() const { return criteria.empty() ? 0 : criteria.front().weights.size(); }
};

/// @brief Limits of `composite_voting_power`.
struct composite_power_options {
  std::size_t enumeration_limit = 24;  ///< exact by enumeration up to this many players
  std::uint64_t samples = 200'000;
  double confidence = 0.99;
  std::uint64_t seed = 1;
  voting_power_options weighted{};  ///< for a single criterion
  /// 64-bit cells of the size-and-weight DPs: (n+1)·(W+1) for Banzhaf and Shapley–Shubik; for PGI and
  /// Deegan–Packel 3·(n+2)·(W+1) plus (s+1)·(W+1) for each weight class starting at position s
  std::uint64_t dp_cells = 50'000'000;
};

namespace detail {
inline void check_composite(const composite_game& g) {
  if (g.criteria.empty()) throw invalid_model(error_code::missing_member, "/criteria", "a composite rule without criteria");
  const std::size_t n = g.size();
  if (n == 0) throw invalid_model(error_code::out_of_range, "", "a voting body without voters");
  for (std::size_t r = 0; r < g.criteria.size(); ++r) {
    const auto& c = g.criteria[r];
    const std::string at = "/criteria/" + std::to_string(r);
    if (c.weights.size() != n)
      throw invalid_model(error_code::out_of_range, at + "/weights", "criterion \"" + c.name + "\" has " + std::to_string(c.weights.size()) +
                                                                         " weights for " + std::to_string(n) + " players");
    check_game({c.weights, c.quota, {}});  // negative weights, quota outside 1..total
  }
  if (g.members_suffice < 0 || g.members_suffice > static_cast<std::int64_t>(n))
    throw invalid_model(error_code::out_of_range, "/members_suffice",
                        "members_suffice " + std::to_string(g.members_suffice) + " outside 0.." + std::to_string(n));
}

/// Whether a coalition wins: reaches every quota, or has at least `members_suffice` members.
inline bool composite_wins(const composite_game& g, const std::vector<std::int64_t>& acc, std::size_t size) {
  if (g.members_suffice > 0 && static_cast<std::int64_t>(size) >= g.members_suffice) return true;
  for (std::size_t k = 0; k < g.criteria.size(); ++k)
    if (acc[k] < g.criteria[k].quota) return false;
  return true;
}

/// Banzhaf, Coleman and Shapley–Shubik of every player from exact swing counts, SS numerators
/// (φ_i = N_i / n!) and the number of winning coalitions.
inline void fill_swing_indices(voting_power_result& r, const std::vector<std::uint64_t>& swings, const std::vector<biguint>& ss_num,
                               std::uint64_t winning) {
  const std::size_t n = swings.size();
  const biguint half = biguint::pow2(n - 1), everyone = biguint::pow2(n), win_b(winning), lose_b = everyone - win_b;
  biguint nf(1);
  for (std::size_t k = 2; k <= n; ++k) nf = nf * biguint(k);
  biguint swing_sum;  // up to n·2^(n−1): beyond 64 bits for n near 62
  for (auto s : swings) swing_sum += biguint(s);
  r.total_swings = swing_sum.str();
  r.winning_coalitions = std::to_string(winning);
  r.coleman_act = ratio(win_b, everyone);
  r.coleman_act_exact = fraction_str(win_b, everyone);
  for (std::size_t i = 0; i < n; ++i) {
    auto& p = r.players[i];
    const biguint sw(swings[i]);
    p.swings = std::to_string(swings[i]);
    p.null_player = swings[i] == 0;
    p.banzhaf = swing_sum.is_zero() ? 0.0 : ratio(sw, swing_sum);
    p.banzhaf_exact = swing_sum.is_zero() ? "0" : fraction_str(sw, swing_sum);
    p.banzhaf_absolute = ratio(sw, half);
    p.banzhaf_absolute_exact = fraction_str(sw, half);
    p.coleman_prevent = ratio(sw, win_b);
    p.coleman_prevent_exact = fraction_str(sw, win_b);
    p.coleman_initiate = lose_b.is_zero() ? 0.0 : ratio(sw, lose_b);
    p.coleman_initiate_exact = lose_b.is_zero() ? "0" : fraction_str(sw, lose_b);
    p.shapley_shubik = ratio(ss_num[i], nf);
    p.shapley_shubik_exact = fraction_str(ss_num[i], nf);
  }
}

/// A composite rule whose criteria all count members (weights 1) except at most one: whether a
/// coalition wins depends only on its size k and its weight w in that criterion (0 when none).
struct size_weight_rule {
  std::int64_t members_quota = 0, weight_quota = 0, members_suffice = 0;
  std::vector<std::size_t> v;  // weights in the weighted criterion
  std::size_t W = 0;           // their total
  [[nodiscard]] bool wins(std::size_t k, std::size_t w) const {
    return (members_suffice > 0 && static_cast<std::int64_t>(k) >= members_suffice) ||
           (static_cast<std::int64_t>(k) >= members_quota && static_cast<std::int64_t>(w) >= weight_quota);
  }
};
inline std::optional<size_weight_rule> size_weight_rule_of(const composite_game& g) {
  size_weight_rule r;
  r.members_suffice = g.members_suffice;
  r.v.assign(g.size(), 0);
  const criterion* weighted = nullptr;
  for (const auto& c : g.criteria) {
    if (std::all_of(c.weights.begin(), c.weights.end(), [](std::int64_t w) { return w == 1; })) {
      r.members_quota = std::max(r.members_quota, c.quota);
    } else {
      if (weighted) return std::nullopt;  // two weighted criteria: a DP over both is not built
      weighted = &c;
      r.weight_quota = c.quota;
    }
  }
  if (weighted)
    for (std::size_t i = 0; i < g.size(); ++i) r.v[i] = static_cast<std::size_t>(weighted->weights[i]), r.W += r.v[i];
  return r;
}

/// Exact Banzhaf, Coleman and Shapley–Shubik of a game with a `size_weight_rule`, by a DP over
/// (coalition size k, weight w). C[k][w] counts the coalitions of all players;
/// removing a player of weight v is the deconvolution C_v[k][w] = C[k][w] − C_v[k−1][w−v], one row
/// at a time. Player i swings for the coalitions (k, w) of the others with win(k+1, w+v) and not
/// win(k, w); Shapley–Shubik weighs them by k!(n−1−k)!. Counts stay below 2^n, exact in 64 bits for
/// n ≤ 62 (the subtraction is exact modulo 2^64 and the true value fits). O(n²·W) for the table and
/// O(n·W) per distinct weight. Returns false (nothing filled) when the game does not fit.
inline bool size_weight_dp(const composite_game& g, std::uint64_t cell_budget, voting_power_result& r) {
  const std::size_t n = g.size();
  const auto rule = size_weight_rule_of(g);
  if (n > 62 || !rule) return false;
  const auto& v = rule->v;
  const std::size_t W = rule->W;
  if (static_cast<double>(n + 1) * static_cast<double>(W + 1) > static_cast<double>(cell_budget)) return false;
  const auto wins = [&](std::size_t k, std::size_t w) { return rule->wins(k, w); };
  const std::size_t cols = W + 1;
  std::vector<std::uint64_t> C((n + 1) * cols, 0);
  C[0] = 1;
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t k = j + 1; k-- > 0;) {
      const std::uint64_t* from = C.data() + k * cols;
      std::uint64_t* to = C.data() + (k + 1) * cols;
      for (std::size_t w = W + 1; w-- > v[j];) to[w] += from[w - v[j]];
    }
  std::uint64_t winning = 0;
  for (std::size_t k = 0; k <= n; ++k)
    for (std::size_t w = 0; w <= W; ++w)
      if (wins(k, w)) winning += C[k * cols + w];
  std::vector<biguint> fact(n + 1, biguint(1));
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * biguint(k);
  std::vector<std::uint64_t> swings(n, 0);
  std::vector<biguint> ss(n);
  std::vector<std::uint64_t> prev(cols), cur(cols);
  for (std::size_t i = 0; i < n; ++i) {
    const auto same = std::find(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v[i]);
    if (same != v.begin() + static_cast<std::ptrdiff_t>(i)) {  // players of equal weight are symmetric
      const auto s = static_cast<std::size_t>(same - v.begin());
      swings[i] = swings[s], ss[i] = ss[s];
      continue;
    }
    for (std::size_t k = 0; k < n; ++k) {  // the others: sizes 0..n−1
      const std::uint64_t* row = C.data() + k * cols;
      for (std::size_t w = 0; w <= W; ++w) cur[w] = row[w] - (k > 0 && w >= v[i] ? prev[w - v[i]] : 0);
      std::uint64_t at_k = 0;
      for (std::size_t w = 0; w <= W; ++w)
        if (cur[w] && wins(k + 1, w + v[i]) && !wins(k, w)) at_k += cur[w];
      swings[i] += at_k;
      if (at_k) ss[i] += biguint(at_k) * fact[k] * fact[n - 1 - k];
      std::swap(prev, cur);
    }
  }
  fill_swing_indices(r, swings, ss, winning);
  return true;
}

/// Public Good Index and Deegan–Packel from minimal winning coalitions containing each player
/// (`mwc_of`), L·Σ_{S∋i minimal winning} 1/|S| (`dp_num`, L = `lcm`) and their total.
inline void fill_mwc_indices(voting_power_result& r, const std::vector<std::uint64_t>& mwc_of, const std::vector<biguint>& dp_num,
                             const biguint& lcm, std::uint64_t mwc_total) {
  std::uint64_t mwc_sum = 0;
  for (auto c : mwc_of) mwc_sum += c;
  r.minimal_winning_coalitions = mwc_total;
  r.minimal_winning_coalitions_exact = std::to_string(mwc_total);
  const biguint den = lcm * biguint(mwc_total);
  for (std::size_t i = 0; i < mwc_of.size(); ++i) {
    auto& p = r.players[i];
    p.minimal_winning_coalitions = mwc_of[i];
    p.minimal_winning_coalitions_exact = std::to_string(mwc_of[i]);
    p.public_good = ratio(biguint(mwc_of[i]), biguint(mwc_sum));
    p.public_good_exact = fraction_str(biguint(mwc_of[i]), biguint(mwc_sum));
    p.deegan_packel = ratio(dp_num[i], den);
    p.deegan_packel_exact = fraction_str(dp_num[i], den);
  }
}

/// Minimal winning coalitions of a game with a `size_weight_rule`, by size and weight, for n ≤ 40.
/// Every removal lowers the size by one, and winning is monotone in the weight, so a winning
/// coalition is minimal iff it loses without its lightest member. Players heaviest first; H_s[k][w]
/// counts coalitions of the players before position s (forward); R_j[k][w], for a losing (k, w),
/// counts the ways to complete it from the players at j.. into a minimal winning coalition, and
/// R'_j the same weighted by L/(final size), L = lcm(1..n) (backward):
///   R_j[k][w] = R_{j+1}[k][w] + (win(k+1, w+w_j) ? 1 or L/(k+1) : R_{j+1}[k+1][w+w_j]).
/// The first player s of a weight class (weight v) is in Σ_{losing (k,w)} H_s[k][w]·(win(k+1, w+v) ?
/// 1 : R_{s+1}[k+1][w+v]) of them. Counts < 2^n and L·2^n < 2^93 fit 64 and 128 bits; every partial
/// sum is bounded by its final value. O(n²·W) time, the forward tables at class starts in memory.
/// Returns false when the game does not fit (n > 40, or more than `cell_budget` cells).
inline bool size_weight_mwc(const composite_game& g, std::uint64_t cell_budget, voting_power_result& r) {
  const std::size_t n = g.size();
  const auto rule = size_weight_rule_of(g);
  if (n > 40 || !rule) return false;
  const std::size_t W = rule->W, cols = W + 1, cells = (n + 2) * cols;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rule->v[a] > rule->v[b]; });
  std::vector<std::size_t> starts;  // positions starting a weight class
  for (std::size_t j = 0; j < n; ++j)
    if (j == 0 || rule->v[order[j]] != rule->v[order[j - 1]]) starts.push_back(j);
  double rows = 3.0 * static_cast<double>(n + 2);  // H, and the backward counts and weights (two words)
  for (auto s : starts) rows += static_cast<double>(s + 1);
  if (rows * static_cast<double>(cols) > static_cast<double>(cell_budget)) return false;
  std::uint64_t L = 1;
  for (std::uint64_t k = 2; k <= n; ++k) L = L / std::gcd(L, k) * k;
  std::vector<std::uint64_t> H(cells, 0);
  std::vector<std::vector<std::uint64_t>> snap;
  H[0] = 1;
  for (std::size_t j = 0, c = 0; j < n; ++j) {
    if (c < starts.size() && starts[c] == j)  // sizes 0..j only: j players precede
      snap.emplace_back(H.begin(), H.begin() + static_cast<std::ptrdiff_t>((j + 1) * cols)), ++c;
    const std::size_t w = rule->v[order[j]];
    for (std::size_t k = j + 1; k-- > 0;)
      for (std::size_t m = W + 1; m-- > w;) H[(k + 1) * cols + m] += H[k * cols + m - w];
  }
  std::vector<std::uint64_t> Rc(cells, 0);
  std::vector<uint128> Rl(cells, 0);
  std::vector<std::uint64_t> mwc_class(starts.size());
  std::vector<uint128> dp_class(starts.size());
  for (std::size_t j = n, c = starts.size(); j-- > 0;) {
    const std::size_t w = rule->v[order[j]];
    if (c > 0 && starts[c - 1] == j) {  // R holds R_{j+1}
      --c;
      const auto& h = snap[c];
      std::uint64_t count = 0;
      uint128 weighted = 0;
      for (std::size_t k = 0; k < h.size() / cols; ++k)
        for (std::size_t m = 0; m <= W; ++m) {
          const std::uint64_t hv = h[k * cols + m];
          if (!hv || rule->wins(k, m)) continue;
          if (rule->wins(k + 1, m + w)) {
            count += hv;
            weighted += static_cast<uint128>(hv) * (L / (k + 1));
          } else if (m + w <= W) {
            count += hv * Rc[(k + 1) * cols + m + w];
            weighted += static_cast<uint128>(hv) * Rl[(k + 1) * cols + m + w];
          }
        }
      mwc_class[c] = count, dp_class[c] = weighted;
    }
    for (std::size_t k = 0; k < n; ++k)  // ascending: row k + 1 still holds R_{j+1}
      for (std::size_t m = 0; m <= W; ++m) {
        if (rule->wins(k, m)) continue;
        const std::size_t at = k * cols + m;
        if (rule->wins(k + 1, m + w)) {
          Rc[at] += 1;
          Rl[at] += L / (k + 1);
        } else if (m + w <= W) {
          Rc[at] += Rc[(k + 1) * cols + m + w];
          Rl[at] += Rl[(k + 1) * cols + m + w];
        }
      }
  }
  std::vector<std::uint64_t> mwc_of(n);
  std::vector<biguint> dp_num(n);
  for (std::size_t j = 0, c = 0; j < n; ++j) {
    if (c + 1 < starts.size() && starts[c + 1] == j) ++c;
    mwc_of[order[j]] = mwc_class[c];
    const std::uint64_t limbs[2] = {static_cast<std::uint64_t>(dp_class[c]), static_cast<std::uint64_t>(dp_class[c] >> 64)};
    dp_num[order[j]] = biguint::from_limbs(limbs, 2);
  }
  fill_mwc_indices(r, mwc_of, dp_num, biguint(L), Rc[0]);
  return true;
}
}  // namespace detail

/// @brief Every power index of a composite game (see the file comment).
/// @throws invalid_model for criteria of different lengths, negative weights or a quota outside 1..total.
inline voting_power_result composite_voting_power(const composite_game& g, const composite_power_options& opt = {}) {
  using detail::biguint;
  detail::check_composite(g);
  const std::size_t n = g.size(), R = g.criteria.size();
  if (R == 1 && g.members_suffice == 0) {
    auto r = voting_power({g.criteria[0].weights, g.criteria[0].quota, g.players}, opt.weighted);
    r.quota_rule = g.criteria[0].name + " ≥ " + std::to_string(g.criteria[0].quota);
    return r;
  }
  voting_power_result r;
  r.game = {g.criteria[0].weights, g.criteria[0].quota, g.players};
  for (std::size_t k = 0; k < R; ++k)
    r.quota_rule += (k ? " and " : "") + g.criteria[k].name + " ≥ " + std::to_string(g.criteria[k].quota);
  if (g.members_suffice > 0) r.quota_rule += ", or at least " + std::to_string(g.members_suffice) + " members";
  r.players.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.players[i].player = i < g.players.size() ? g.players[i] : "player " + std::to_string(i + 1);
    r.players[i].weight = g.criteria[0].weights[i];
  }
  std::vector<std::int64_t> total(R, 0);
  for (std::size_t k = 0; k < R; ++k)
    for (auto w : g.criteria[k].weights) total[k] += w;
  for (std::size_t i = 0; i < n; ++i) {
    bool veto = false, alone = true;
    for (std::size_t k = 0; k < R; ++k) {
      veto = veto || total[k] - g.criteria[k].weights[i] < g.criteria[k].quota;
      alone = alone && g.criteria[k].weights[i] >= g.criteria[k].quota;
    }
    const bool others_suffice = g.members_suffice > 0 && static_cast<std::int64_t>(n) - 1 >= g.members_suffice;
    r.players[i].veto = veto && !others_suffice;
    r.players[i].dictator = r.players[i].veto && (alone || g.members_suffice == 1);
  }
  if (n > std::min<std::size_t>(opt.enumeration_limit, 30) && detail::size_weight_dp(g, opt.dp_cells, r)) {
    r.banzhaf_method = r.shapley_shubik_method = "exact (DP): over coalition size and weight";
    const bool mwc = detail::size_weight_mwc(g, opt.dp_cells, r);
    r.public_good_method = r.deegan_packel_method = mwc ? "exact (DP): minimal winning coalitions by size and weight" : "not computed";
    r.johnston_method = "not computed";
    r.note = std::string(mwc ? "Johnston" : "Public Good, Deegan–Packel and Johnston") + " not computed: " + std::to_string(n) +
             " players exceed the enumeration limit of " + std::to_string(opt.enumeration_limit) + ". ";
    return r;
  }
  if (n > std::min<std::size_t>(opt.enumeration_limit, 30)) {
    // sampled: coalitions for Banzhaf, orders for Shapley–Shubik
    if (opt.samples == 0 || !(opt.confidence > 0 && opt.confidence < 1))
      throw invalid_model(error_code::out_of_range, "", "sampling needs samples > 0 and 0 < confidence < 1");
    std::mt19937_64 rng(opt.seed);
    std::vector<std::uint64_t> bz(n, 0), ss(n, 0);
    std::vector<std::int64_t> acc(R);
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    std::vector<std::uint8_t> in(n);
    for (std::uint64_t s = 0; s < opt.samples; ++s) {
      std::uint64_t bits = 0;
      for (std::size_t i = 0; i < n; ++i) in[i] = static_cast<std::uint8_t>(((i % 64 ? bits : (bits = rng())) >> (i % 64)) & 1u);
      std::fill(acc.begin(), acc.end(), 0);
      std::size_t size = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (in[i]) {
          ++size;
          for (std::size_t k = 0; k < R; ++k) acc[k] += g.criteria[k].weights[i];
        }
      for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::int64_t> with(acc), without(acc);
        for (std::size_t k = 0; k < R; ++k) {
          if (in[i]) without[k] -= g.criteria[k].weights[i];
          else with[k] += g.criteria[k].weights[i];
        }
        bz[i] += detail::composite_wins(g, with, size + !in[i]) && !detail::composite_wins(g, without, size - in[i]);
      }
      for (std::size_t i = n; i > 1; --i) std::swap(perm[i - 1], perm[std::uniform_int_distribution<std::size_t>(0, i - 1)(rng)]);
      std::fill(acc.begin(), acc.end(), 0);
      for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t k = 0; k < R; ++k) acc[k] += g.criteria[k].weights[perm[t]];
        if (detail::composite_wins(g, acc, t + 1)) {
          ++ss[perm[t]];
          break;
        }
      }
    }
    const double m = static_cast<double>(opt.samples);
    r.shapley_shubik_exact = false;
    r.shapley_shubik_error = std::sqrt(std::log(2.0 / (1.0 - opt.confidence)) / (2.0 * m));
    r.shapley_shubik_samples = opt.samples;
    r.confidence = opt.confidence;
    double bz_sum = 0;
    for (std::size_t i = 0; i < n; ++i) bz_sum += static_cast<double>(bz[i]);
    for (std::size_t i = 0; i < n; ++i) {
      auto& p = r.players[i];
      p.banzhaf_absolute = static_cast<double>(bz[i]) / m;
      p.banzhaf = bz_sum > 0 ? static_cast<double>(bz[i]) / bz_sum : 0.0;
      p.shapley_shubik = static_cast<double>(ss[i]) / m;
    }
    r.banzhaf_method = detail::sampled_method(r.shapley_shubik_error, opt.confidence,
                                              std::to_string(opt.samples) + " random coalitions (absolute index)");
    r.shapley_shubik_method = detail::sampled_method(r.shapley_shubik_error, opt.confidence, std::to_string(opt.samples) + " random orders");
    r.public_good_method = r.deegan_packel_method = r.johnston_method = "not computed";
    r.note = "Absolute Banzhaf and Shapley–Shubik sampled: each value within ±" + std::to_string(r.shapley_shubik_error) +
             " with probability " + std::to_string(opt.confidence) + " (Hoeffding); " + std::to_string(n) +
             " players exceed the enumeration limit of " + std::to_string(opt.enumeration_limit) + ". ";
    return r;
  }
  // exact: every coalition, in Gray-code order so that one player changes per step
  std::vector<std::vector<std::uint64_t>> ss_by_size(n, std::vector<std::uint64_t>(n + 1, 0)),
      mwc_by_size(n, std::vector<std::uint64_t>(n + 1, 0)), by_crit(n, std::vector<std::uint64_t>(n + 1, 0));
  std::vector<std::uint64_t> swings(n, 0);
  std::uint64_t winning = 0, vulnerable = 0, mwc_total = 0;
  std::vector<std::int64_t> acc(R, 0);
  std::vector<std::uint8_t> crit(n);
  std::uint64_t set = 0;
  const std::uint64_t all = std::uint64_t{1} << n;
  for (std::uint64_t step = 0; step < all; ++step) {
    if (step) {
      const auto flip = static_cast<std::size_t>(__builtin_ctzll(step));
      set ^= std::uint64_t{1} << flip;
      const bool in = set >> flip & 1u;
      for (std::size_t k = 0; k < R; ++k) acc[k] += in ? g.criteria[k].weights[flip] : -g.criteria[k].weights[flip];
    }
    const auto size = static_cast<std::size_t>(__builtin_popcountll(set));
    if (!detail::composite_wins(g, acc, size)) continue;
    ++winning;
    std::size_t critical = 0;
    // without a member the coalition has size − 1 members: the clause may still carry it
    const bool rest_suffice = g.members_suffice > 0 && static_cast<std::int64_t>(size) - 1 >= g.members_suffice;
    for (std::size_t i = 0; i < n; ++i) {
      crit[i] = 0;
      if (!(set >> i & 1u) || rest_suffice) continue;
      for (std::size_t k = 0; k < R; ++k)
        if (acc[k] - g.criteria[k].weights[i] < g.criteria[k].quota) {
          crit[i] = 1;
          ++critical;
          break;
        }
    }
    if (critical) ++vulnerable;
    if (critical == size) ++mwc_total;
    for (std::size_t i = 0; i < n; ++i) {
      if (!crit[i]) continue;
      ++swings[i];
      ++ss_by_size[i][size - 1];  // the others: size − 1 players
      ++by_crit[i][critical];
      if (critical == size) ++mwc_by_size[i][size];
    }
  }
  const biguint lcm = detail::lcm_upto(n);
  std::vector<biguint> fact(n + 1, biguint(1));
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * biguint(k);
  std::vector<biguint> ss(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k + 1 <= n; ++k)
      if (ss_by_size[i][k]) ss[i] += biguint(ss_by_size[i][k]) * fact[k] * fact[n - 1 - k];
  detail::fill_swing_indices(r, swings, ss, winning);
  std::vector<std::uint64_t> mwc_of(n, 0);
  std::vector<biguint> dp(n);
  for (std::size_t i = 0; i < n; ++i) {
    biguint jn;
    for (std::size_t s = 1; s <= n; ++s) {
      biguint l = lcm;
      l.divmod_small(s);
      mwc_of[i] += mwc_by_size[i][s];
      if (mwc_by_size[i][s]) dp[i] += l * biguint(mwc_by_size[i][s]);
      if (by_crit[i][s]) jn += l * biguint(by_crit[i][s]);
    }
    r.players[i].johnston = detail::ratio(jn, lcm * biguint(vulnerable));
    r.players[i].johnston_exact = detail::fraction_str(jn, lcm * biguint(vulnerable));
  }
  detail::fill_mwc_indices(r, mwc_of, dp, lcm, mwc_total);
  const std::string how = "exact (enumeration): all " + std::to_string(all) + " coalitions";
  r.banzhaf_method = r.shapley_shubik_method = r.public_good_method = r.deegan_packel_method = r.johnston_method = how;
  return r;
}

/// @brief The composite game of a body with `majorities` (docs/model-format.md): the players of
/// `game_of` (one per holder organisation, or per seat); per required majority a criterion —
/// `votes` the seats' votes, `members` one per player, `population` the holder's inhabitants — with
/// quota ⌈share · total⌉ (at least that share); with `blocking_minority` m, n − m + 1 members win
/// whatever the majorities say.
/// @throws invalid_model when the body has no majorities or no voting seats, or when a population
/// basis meets a holder whose population is unknown (naming it).
inline composite_game composite_game_of(const model& m, body_index b, bool per_seat = false) {
  const auto& bd = m[b];
  const std::string at = "/bodies/" + std::to_string(b.value);
  if (bd.majorities.empty())
    throw invalid_model(error_code::missing_member, at + "/majorities", "body \"" + bd.id + "\" has no required majorities");
  const auto players = detail::body_players(m, b, per_seat);
  composite_game g;
  for (const auto& p : players) g.players.push_back(p.name);
  for (std::size_t r = 0; r < bd.majorities.size(); ++r) {
    const auto& req = bd.majorities[r];
    criterion c{std::string(to_string(req.basis)), {}, 0};
    for (const auto& p : players) {
      switch (req.basis) {
        case majority_basis::votes: c.weights.push_back(p.votes); break;
        case majority_basis::members: c.weights.push_back(1); break;
        case majority_basis::population: {
          const auto& o = m[p.holder];
          if (p.unnamed || !o.population)
            throw invalid_model(error_code::missing_member, "/organizations/" + std::to_string(p.holder.value) + "/population",
                                "body \"" + bd.id + "\" needs a majority of population, but the population of \"" + o.id + "\" is unknown");
          c.weights.push_back(*o.population);
          break;
        }
      }
    }
    std::int64_t total = 0;
    for (auto w : c.weights) total += w;
    c.quota = quota_votes(total, {quota_rule::fraction, req.at_least, quota_bound::at_least});
    g.criteria.push_back(std::move(c));
  }
  if (bd.blocking_minority) {
    const auto n = static_cast<std::int64_t>(players.size());
    if (*bd.blocking_minority > n)
      throw invalid_model(error_code::out_of_range, at + "/blocking_minority",
                          "body \"" + bd.id + "\" has a blocking minority of " + std::to_string(*bd.blocking_minority) + " members but only " +
                              std::to_string(n) + " members");
    g.members_suffice = n - *bd.blocking_minority + 1;
  }
  return g;
}

/// @brief Voting power of the members of a body under its required majorities.
inline voting_power_result body_composite_power(const model& m, body_index b, bool per_seat = false,
                                                const composite_power_options& opt = {}) {
  return composite_voting_power(composite_game_of(m, b, per_seat), opt);
}

}  // namespace orgmodel
