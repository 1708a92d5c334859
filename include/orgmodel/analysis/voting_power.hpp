#pragma once
/// @file
/// @brief Voting power in weighted voting bodies: normalised and absolute Banzhaf, Shapley–Shubik,
/// Deegan–Packel, the Public Good Index, Johnston, the Coleman indices; veto, dictator and null players.
///
/// A weighted game [q; w_1, …, w_n] lets a coalition win when its weights add up to at least q.
/// A seat's share of the votes says little about its power: at a shareholders' meeting where one
/// owner holds 75 % and a two-thirds majority decides, that owner decides alone and every other
/// owner has no power at all, whatever its share.
///
/// Every value is an exact reduced fraction of big integers (and a double for reading), or a
/// sampled estimate with a stated error; the result names the method of each index.
///
/// Exact methods (q the quota, D the number of distinct weights)
/// - Banzhaf and Coleman: one generating-function pass c[w] += c[w − w_j] over all players for the
///   coalitions below q (O(n²·q/96) word additions: radix-2^48 digit planes, carries every 15
///   players, `detail::losing_prefix_sums`), prefix sums, then per distinct
///   weight v the swings Σ_{m<q} (−1)^⌊(q−1−m)/v⌋ c[m] in O(q/v) (removing a player divides the
///   generating function by 1 + x^v, whose alternating series folds the window q−v ≤ m < q onto
///   every m < q once). Coleman: winning coalitions / 2^n (to act), swings / winning (to prevent),
///   swings / losing (to initiate).
/// - Shapley–Shubik: the same by size and weight, c[k][w] (O(n²·q) limb operations, lightest
///   player first: only the band of weights a row can have and the limbs its counts can reach); the
///   removal of a player of weight v shifts sizes by the block index. Used when n²·q·limbs ≤
///   `exact_budget` and its table fits `dp_word_budget`, else every coalition enumerated (n ≤ `johnston_player_limit`), else sampled.
/// - Public Good Index and Deegan–Packel: minimal winning coalitions by DP (`detail::mwc_counts`):
///   heaviest first, a coalition is minimal winning iff it wins and loses without its lightest
///   member; forward counts of the heavier part, backward counts of completions, modulo 62-bit
///   primes and reassembled by the Chinese remainder theorem. PGI O(n·q) per prime; Deegan–Packel by
///   size as well, O(n²·q) per prime and D·(n+1)·q words (`dp_word_budget`, `dp_op_budget`), else enumeration of the
///   minimal winning coalitions for n ≤ 40.
/// - Johnston: the Deegan–Packel DP with a tail of non-critical members (`detail::mwc_counts`, same
///   budgets), else every coalition enumerated (n ≤ `johnston_player_limit`); a winning coalition of
///   weight W has critical members exactly those with w_i > W − q.
/// Each result states its method: "exact (DP): …", "exact (enumeration): …", "sampled ± h (c%
/// confidence): …" or "not computed" (with the reason in `note`).
///
/// Sampled estimate (games too large for the exact methods): m uniformly random coalitions give, for
/// every player at once, an unbiased estimate of the absolute Banzhaf index, and m random orders an
/// unbiased estimate of the Shapley–Shubik index. By Hoeffding's inequality each estimate is within
/// ε = sqrt(ln(2/δ) / (2m)) of the exact value with probability at least 1 − δ (per player).
///
/// References: Banzhaf (1965), Rutgers Law Review 19; Shapley & Shubik (1954), APSR 48;
/// Deegan & Packel (1978), Int. J. Game Theory 7; Holler (1982), Political Studies 30 (PGI);
/// Johnston (1978), European J. Political Research 6; Coleman (1971), in Liebermann (ed.), Social
/// Choice; Felsenthal & Machover (1998), The Measurement of Voting Power; generating functions:
/// Brams & Affuso (1976), Theory and Decision 7; Uno (2012), Efficient computation of power
/// indices for weighted majority games, ISAAC.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/analysis/detail/biguint.hpp"
#include "orgmodel/analysis/detail/modular.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief A weighted voting game [quota; weights]: a coalition wins with at least `quota` votes.
struct weighted_game {
  std::vector<std::int64_t> weights;
  std::int64_t quota = 0;
  std::vector<std::string> players;  ///< names, parallel to weights (may be empty)
  [[nodiscard]] std::int64_t total() const { return std::accumulate(weights.begin(), weights.end(), std::int64_t{0}); }
};

/// @brief How the quota of a body is set.
enum class quota_rule : std::uint8_t { majority, two_thirds, unanimity, fraction, body };

/// @brief Whether a fraction quota is "at least x/y" or "more than x/y" of all votes.
/// `implicit` (a bare fraction, and a body's quota in a model) keeps the old reading: at least x/y,
/// except that exactly one half means more than half (so two disjoint coalitions cannot both win).
enum class quota_bound : std::uint8_t { implicit, at_least, more_than };

/// @brief A quota rule; `fraction` x/y with a bound (see `quota_bound`).
struct quota_spec {
  quota_rule rule = quota_rule::body;
  share fraction;
  quota_bound bound = quota_bound::implicit;

  /// @brief "majority", "two-thirds", "unanimity", "body", or a fraction "x/y", "0.5", "67%", each
  /// optionally prefixed by ">=" (at least) or ">" (more than): ">=1/2", ">50%", ">0.5".
  /// @throws parse_error naming the text.
  static quota_spec parse(std::string_view s) {
    if (s == "majority" || s == "simple") return {quota_rule::majority, {}, quota_bound::implicit};
    if (s == "two-thirds" || s == "2/3") return {quota_rule::two_thirds, {}, quota_bound::implicit};
    if (s == "unanimity") return {quota_rule::unanimity, {}, quota_bound::implicit};
    if (s == "body") return {quota_rule::body, {}, quota_bound::implicit};
    std::string_view t = s;
    quota_bound bound = quota_bound::implicit;
    if (t.starts_with(">=")) bound = quota_bound::at_least, t.remove_prefix(2);
    else if (t.starts_with(">")) bound = quota_bound::more_than, t.remove_prefix(1);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    auto f = share::parse(t);
    if (!f || f->numerator() <= 0 || share::one() < *f || (bound == quota_bound::more_than && *f == share::one()))
      throw parse_error(error_code::unknown_value, "", "quota \"" + std::string(s) +
                                                           "\" is not majority, two-thirds, unanimity, body or a fraction in (0, 1], "
                                                           "optionally after >= (at least) or > (more than)");
    return {quota_rule::fraction, *f, bound};
  }
  [[nodiscard]] std::string str() const {
    switch (rule) {
      case quota_rule::majority: return "majority";
      case quota_rule::two_thirds: return "two-thirds";
      case quota_rule::unanimity: return "unanimity";
      case quota_rule::fraction:
        return (bound == quota_bound::at_least ? "at least " : bound == quota_bound::more_than ? "more than " : "") + fraction.str();
      case quota_rule::body: return "body";
    }
    return "body";
  }
};

/// @brief The quota in votes for a total: majority ⌊T/2⌋+1, two-thirds ⌈2T/3⌉, unanimity T;
/// a fraction "at least f" ⌈f·T⌉, "more than f" ⌊f·T⌋+1, a bare fraction ⌈f·T⌉ except that
/// f = 1/2 is read as a simple majority.
inline std::int64_t quota_votes(std::int64_t total, quota_spec q) {
  auto ceil_frac = [total](share f) {
    int128 n = static_cast<int128>(f.numerator()) * total;
    return static_cast<std::int64_t>((n + f.denominator() - 1) / f.denominator());
  };
  auto floor_frac = [total](share f) {
    int128 n = static_cast<int128>(f.numerator()) * total;
    return static_cast<std::int64_t>(n / f.denominator());
  };
  std::int64_t r = 0;
  switch (q.rule) {
    case quota_rule::majority: r = total / 2 + 1; break;
    case quota_rule::two_thirds: r = ceil_frac(share(2, 3)); break;
    case quota_rule::unanimity: r = total; break;
    case quota_rule::fraction:
      if (q.bound == quota_bound::more_than || (q.bound == quota_bound::implicit && q.fraction == share(1, 2)))
        r = floor_frac(q.fraction) + 1;
      else
        r = ceil_frac(q.fraction);
      break;
    case quota_rule::body: r = total / 2 + 1; break;
  }
  return std::clamp<std::int64_t>(r, 1, std::max<std::int64_t>(total, 1));
}

/// @brief Limits and sampling of `voting_power`.
struct voting_power_options {
  std::size_t mwc_player_limit = 40;           ///< enumeration fallback for Deegan–Packel (≤ 40 players)
  std::uint64_t mwc_node_budget = 20'000'000;  ///< search nodes of that enumeration
  std::uint64_t exact_budget = 60'000'000'000;  ///< limb operations of the Shapley–Shubik DP (≈ 4·10⁹ a second: n = 500, q ≈ 2.5·10⁴ in 11 s)
  std::uint64_t samples = 200'000;             ///< sampled Shapley–Shubik when not exact
  double confidence = 0.99;                    ///< 1 − δ of the stated sampling error
  std::uint64_t seed = 1;
  std::uint64_t dp_word_budget = 100'000'000;  ///< 64-bit words of table for the Shapley–Shubik, Deegan–Packel and Johnston DPs (800 MB)
  std::uint64_t dp_op_budget = 20'000'000'000;  ///< word operations of each of those DPs (`detail::mwc_size_dp_cost`, ≈ 10⁹ a second)
  std::size_t johnston_player_limit = 22;      ///< enumeration of all 2^n coalitions (Johnston, Shapley–Shubik)
};

/// @brief One player's power. Every index has a double for reading and an exact reduced fraction.
struct player_power {
  std::string player;
  std::int64_t weight = 0;
  std::string swings;               ///< Banzhaf swings, exact decimal
  double banzhaf = 0;               ///< normalised: swings / Σ swings
  std::string banzhaf_exact;        ///< reduced fraction
  double banzhaf_absolute = 0;      ///< swings / 2^(n−1): chance of being decisive
  std::string banzhaf_absolute_exact;
  double shapley_shubik = 0;
  std::string shapley_shubik_exact;  ///< empty when sampled
  std::optional<double> deegan_packel;
  std::string deegan_packel_exact;
  std::optional<double> public_good;  ///< Holler's PGI
  std::string public_good_exact;
  std::optional<double> johnston;
  std::string johnston_exact;
  double coleman_prevent = 0;  ///< swings / winning coalitions: power to prevent action
  std::string coleman_prevent_exact;
  double coleman_initiate = 0;  ///< swings / losing coalitions: power to initiate action
  std::string coleman_initiate_exact;
  std::uint64_t minimal_winning_coalitions = 0;  ///< containing this player (saturated at 2^64 − 1)
  std::string minimal_winning_coalitions_exact;  ///< the same, exact decimal
  bool veto = false;      ///< in every winning coalition
  bool dictator = false;  ///< wins alone, and nobody wins without it
  bool null_player = false;  ///< never decisive
};

/// @brief The power indices of every player of a weighted game, each with the method used.
struct voting_power_result {
  weighted_game game;
  std::string quota_rule;  ///< how the quota was set, for display
  std::vector<player_power> players;
  std::string total_swings;
  std::string winning_coalitions;  ///< exact decimal
  double coleman_act = 0;          ///< winning coalitions / 2^n: power of the collectivity to act
  std::string coleman_act_exact;
  bool shapley_shubik_exact = true;
  double shapley_shubik_error = 0;  ///< Hoeffding half-width when sampled
  std::uint64_t shapley_shubik_samples = 0;
  double confidence = 1.0;
  std::optional<std::uint64_t> minimal_winning_coalitions;  ///< when known and below 2^64
  std::string minimal_winning_coalitions_exact;
  std::string banzhaf_method = "exact (DP): generating function over total weight";
  std::string shapley_shubik_method;
  std::string public_good_method;
  std::string deegan_packel_method;
  std::string johnston_method;
  std::string note;
};

namespace detail {

/// Coalition counts by weight below the quota, as a flat table of `limbs` limbs per weight.
struct weight_counts {
  std::size_t q = 0, limbs = 0;
  std::vector<std::uint64_t> c;
  std::uint64_t* at(std::size_t w) { return c.data() + w * limbs; }
  [[nodiscard]] const std::uint64_t* at(std::size_t w) const { return c.data() + w * limbs; }
};

inline void check_game(const weighted_game& g) {
  if (g.weights.empty()) throw invalid_model(error_code::out_of_range, "", "a voting body without voters");
  std::int64_t total = 0;
  for (std::size_t i = 0; i < g.weights.size(); ++i) {
    if (g.weights[i] < 0)
      throw invalid_model(error_code::out_of_range, "/weights/" + std::to_string(i), "a negative number of votes");
    if (__builtin_add_overflow(total, g.weights[i], &total)) throw arithmetic_error("total votes overflow 64 bits");
  }
  if (g.quota < 1 || g.quota > total)
    throw invalid_model(error_code::out_of_range, "/quota",
                        "quota " + std::to_string(g.quota) + " outside 1.." + std::to_string(total) + " (total votes)");
  if (g.quota > 200'000'000)
    throw arithmetic_error("quota " + std::to_string(g.quota) + " too large for the exact DP over total weight (at most 2·10^8)");
}

inline std::string fraction_str(const biguint& n, const biguint& d) { return big_fraction::make(n, d).str(); }

/// The method of a sampled index as every output states it: "sampled ± 0.0036 (99% confidence): …".
inline std::string sampled_method(double half_width, double confidence, const std::string& what) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "sampled ± %.2g (%.4g%% confidence): ", half_width, 100.0 * confidence);
  return buf + what;
}

/// lcm(1..n) as a big integer: the product of the largest prime powers up to n.
inline biguint lcm_upto(std::size_t n) {
  biguint l(1);
  for (std::size_t r = 2; r <= n; ++r) {
    bool prime = true;
    for (std::size_t d = 2; d * d <= r && prime; ++d) prime = r % d != 0;
    if (!prime) continue;
    std::size_t pw = r;
    while (pw <= n / r) pw *= r;
    l = l * biguint(pw);
  }
  return l;
}

/// Players by weight, heaviest first (stable), with the first position of each run of equal weights.
struct weight_order {
  std::vector<std::size_t> order;      // position → player
  std::vector<std::size_t> class_of;   // position → class
  std::vector<std::size_t> first;      // class → first position
  explicit weight_order(const std::vector<std::int64_t>& w) : order(w.size()), class_of(w.size()) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return w[a] > w[b]; });
    for (std::size_t j = 0; j < order.size(); ++j) {
      if (j == 0 || w[order[j]] != w[order[j - 1]]) first.push_back(j);
      class_of[j] = first.size() - 1;
    }
  }
};

/// Minimal winning coalitions by pseudo-polynomial DP, modulo word-size primes, then CRT.
///
/// Players are sorted heaviest first; a coalition is minimal winning exactly when it wins and loses
/// without its last (lightest) member. H_j[k][m] counts coalitions of the players before position j
/// of size k and weight m < q (forward); R_j[k][m] counts the ways to complete a coalition of size
/// k and weight m < q from the players at j.. into a minimal winning one, each way weighted by
/// 1/(final size) when `sizes` is set, else by 1 (backward):
///   R_j[k][m] = R_{j+1}[k][m] + (m + w_j ≥ q ? 1/(k+1) : R_{j+1}[k+1][m + w_j]).
/// The first player i of each weight class then gets Σ_{k,m} H_i[k][m]·(m + w_i ≥ q ? 1/(k+1) :
/// R_{i+1}[k+1][m + w_i]); players of equal weight are symmetric. Without sizes this is the number
/// of minimal winning coalitions containing i (the PGI numerator), O(n·q) per prime and the
/// forward tables at class starts; with sizes, L·Σ_{S∋i} 1/|S| for L = lcm(1..n) (the Deegan–Packel
/// numerator), O(n²·q) per prime. Sizes stop where the players so far, each at least as heavy as the
/// current one, would reach q. The forward tables are kept at √D checkpoints and rebuilt one block
/// of √D classes at a time: 2√D + 2 tables of (n+1)·q words with sizes, three forward passes.
///
/// With `johnston` (implies sizes) the same recurrence gives L·Σ_{S: i critical} 1/#critical(S),
/// the Johnston numerator. Proof: in a winning S of weight W a member is critical iff S loses
/// without it, iff w_i > W − q; so the critical members C are the heaviest ones and the others N
/// all weigh at most W − q. Take ℓ, the last member of C in the heaviest-first order: every member
/// of S before ℓ weighs at least w_ℓ > W − q, so it is critical, and members after ℓ of ℓ's own
/// weight would be critical too, so N lies in the classes lighter than ℓ's class c. Conversely, a
/// set C ending at ℓ (weight x) plus N ⊆ the players after class c, with q + max(N) ≤ x + W(N) <
/// q + v_c (or N = ∅ and q ≤ x < q + v_c), has exactly C as critical members. The closing step
/// "ℓ = j" therefore adds inv(k+1)·Φ_c(m + w_j), Φ_c(x) counting those N:
///   R_j[k][m] = R_{j+1}[k][m] + R_{j+1}[k+1][m + w_j] + Φ_c(m + w_j)/(k+1),
/// and states before ℓ weigh x − w_ℓ < q, so the tables keep width q. Splitting N at its heaviest
/// member u (position p): q − x ≤ W(N ∖ u) < q + v_c − w_u − x over the players after p, i.e. with
/// A_p(z) = #{subsets of the players after p of weight ≤ z}:
///   Φ_c(x) = [x ≥ q] + Σ_{p after c} A_p(q − 1 − x + v_c − w_p) − A_p(q − 1 − x),
/// two running sums over p of A_p and A_p shifted by w_p, updated backward with
/// A_{p−1} = A_p + A_p(· − w_p): O(q) per player, read once per class.
struct mwc_dp {
  std::vector<biguint> per_class;  // numerator for a member of each class
  biguint total;                   // minimal winning coalitions (without sizes)
};

/// a·b mod p with b' = ⌊b·2^64/p⌋ precomputed (Shoup), p < 2^62.
inline std::uint64_t mulmod_shoup(std::uint64_t a, std::uint64_t b, std::uint64_t b_shoup, std::uint64_t p) noexcept {
  const auto hi = static_cast<std::uint64_t>((static_cast<uint128>(a) * b_shoup) >> 64);
  const std::uint64_t r = a * b - hi * p;
  return r >= p ? r - p : r;
}

inline mwc_dp mwc_counts(const weighted_game& g, const weight_order& wo, bool sizes, const biguint& lcm, bool johnston = false) {
  sizes = sizes || johnston;
  const std::size_t n = g.weights.size(), q = static_cast<std::size_t>(g.quota), D = wo.first.size();
  const std::size_t K = sizes ? n + 1 : 1;
  const std::size_t bits = n + 2 + (sizes ? lcm.bits() : 0);
  const auto primes = crt_primes(primes_for_bits(bits));
  const auto weight_at = [&](std::size_t j) { return static_cast<std::size_t>(g.weights[wo.order[j]]); };
  // rows(j): sizes a coalition of the players before position j can have while weighing < q (each
  // of them weighs at least w at position j − 1)
  std::vector<std::size_t> rows(n + 1, 1);
  if (sizes)
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t w = weight_at(j - 1);
      rows[j] = std::min(j, w ? (q - 1) / w : j) + 1;
    }
  // pre[j]: weight of the players before position j (H_j vanishes above it); low[j]: R_j vanishes
  // below q − (weight of the players from j on), as no completion reaches the quota from there
  std::vector<std::size_t> pre(n + 1, 0), low(n + 1, q);
  for (std::size_t j = 0; j < n; ++j) pre[j + 1] = std::min(q, pre[j] + weight_at(j));
  for (std::size_t j = n, rest = 0; j-- > 0;) {
    rest = std::min(q, rest + weight_at(j));
    low[j] = q - rest;
  }
  // checkpoints every B classes; the forward tables of one block of classes at a time
  // (without sizes the tables are small: one block, every class start kept)
  const auto B = sizes ? static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(D)))) : D;
  std::vector<std::vector<std::uint64_t>> checkpoint((D + B - 1) / B), snap(B);
  std::vector<std::vector<std::uint64_t>> res_class(D, std::vector<std::uint64_t>(primes.size()));
  std::vector<std::uint64_t> res_total(primes.size());
  std::vector<std::uint64_t> H(K * q), R(K * q);
  std::vector<std::uint64_t> inv(n + 2, 0), inv_shoup(n + 2, 0);
  // Johnston: A_p, the running sums Z1 = Σ A_p and Z2 = Σ A_p(· − w_p) over the players behind the
  // sweep, and Φ_c(m + v_c) of the current class
  std::vector<std::uint64_t> A, Z1, Z2, phi;
  if (johnston) A.resize(q), Z1.resize(q), Z2.resize(q), phi.resize(q);
  const auto forward = [&](std::size_t j, std::uint64_t p) {  // add the player at position j to H
    const std::size_t w = weight_at(j);
    if (w >= q) return;
    const std::size_t top = std::min(q, pre[j] + w + 1);  // H_{j+1} vanishes from there on
    if (!sizes && w == 0) {
      for (std::size_t m = 0; m < top; ++m) H[m] = addmod(H[m], H[m], p);
      return;
    }
    if (top <= w) return;
    if (!sizes) {  // downward in blocks of w whose sources, below the block, are still unchanged
      for (std::size_t hi = top; hi > w;) {
        const std::size_t lo = std::max(hi - w, w);
        addmod_words(H.data() + lo, H.data() + lo - w, hi - lo, p);
        hi = lo;
      }
      return;
    }
    for (std::size_t k = std::min(rows[j], n); k-- > 0;)  // row k + 1 from row k, before row k changes
      addmod_words(H.data() + (k + 1) * q + w, H.data() + k * q, top - w, p);
  };
  for (std::size_t pi = 0; pi < primes.size(); ++pi) {
    const std::uint64_t p = primes[pi];
    const std::uint64_t lmod = sizes ? mod_small(lcm, p) : 1;
    for (std::size_t k = 1; k <= n + 1; ++k) {
      inv[k] = sizes ? powmod(k, p - 2, p) : 1;
      inv_shoup[k] = static_cast<std::uint64_t>((static_cast<uint128>(inv[k]) << 64) / p);
    }
    if (johnston) {
      std::fill(A.begin(), A.end(), 1);  // after the last player: the empty set, weight 0 ≤ z
      std::fill(Z1.begin(), Z1.end(), 0);
      std::fill(Z2.begin(), Z2.end(), 0);
    }
    std::fill(H.begin(), H.end(), 0);
    H[0] = 1;
    for (std::size_t j = 0; j < n && checkpoint.size() > 1; ++j) {
      const std::size_t c = wo.class_of[j];
      if (wo.first[c] == j && c % B == 0) checkpoint[c / B].assign(H.begin(), H.begin() + static_cast<std::ptrdiff_t>(rows[j] * q));
      forward(j, p);
    }
    if (checkpoint.size() == 1) checkpoint[0].assign(H.begin(), H.begin() + static_cast<std::ptrdiff_t>(q));  // the empty coalition
    std::fill(R.begin(), R.end(), 0);
    for (std::size_t b = checkpoint.size(); b-- > 0;) {
      const std::size_t c0 = b * B, c1 = std::min(D, c0 + B);
      const std::size_t j0 = wo.first[c0], j1 = c1 < D ? wo.first[c1] : n;
      std::fill(H.begin(), H.end(), 0);
      std::copy(checkpoint[b].begin(), checkpoint[b].end(), H.begin());
      for (std::size_t j = j0; j < j1; ++j) {
        const std::size_t c = wo.class_of[j];
        if (wo.first[c] == j) {  // only where R_{j+1} can complete: m ≥ low[j]
          const std::size_t width = q - low[j];
          snap[c - c0].resize(rows[j] * width);
          for (std::size_t k = 0; k < rows[j]; ++k)
            std::copy(H.begin() + static_cast<std::ptrdiff_t>(k * q + low[j]), H.begin() + static_cast<std::ptrdiff_t>((k + 1) * q),
                      snap[c - c0].begin() + static_cast<std::ptrdiff_t>(k * width));
        }
        forward(j, p);
      }
      for (std::size_t j = j1; j-- > j0;) {
        const std::size_t c = wo.class_of[j];
        const std::size_t w = weight_at(j);
        if (johnston && (j + 1 == n || wo.class_of[j + 1] != c)) {  // entering class c: Φ_c from Z1, Z2
          const std::size_t v = std::min(w, q);
          for (std::size_t m = 0; m < q; ++m) {
            std::uint64_t f = Z2[q - 1 - m];
            if (q - 1 - m >= v) f = addmod(f, p - Z1[q - 1 - m - v], p);
            phi[m] = m + v >= q ? addmod(f, 1, p) : f;
          }
        }
        if (wo.first[c] == j) {
          const std::uint64_t* h = snap[c - c0].data();  // h[k·width + m − low[j]]
          const std::size_t width = q - low[j];
          std::uint64_t acc = 0;
          for (std::size_t k = 0; k < rows[j]; ++k) {
            uint128 sum = 0;
            unsigned pending = 0;
            for (std::size_t m = low[j]; m < q; ++m) {
              const std::uint64_t hv = h[k * width + m - low[j]];
              if (!hv) continue;
              std::uint64_t rv = 0;
              if (johnston)
                rv = addmod(m + w < q ? R[(k + 1) * q + m + w] : 0, mulmod_shoup(phi[m], inv[k + 1], inv_shoup[k + 1], p), p);
              else
                rv = m + w >= q ? inv[k + 1] : R[(sizes ? k + 1 : 0) * q + m + w];
              sum += static_cast<uint128>(hv) * rv;
              if (++pending == 15) sum %= p, pending = 0;
            }
            acc = addmod(acc, static_cast<std::uint64_t>(sum % p), p);
          }
          res_class[c][pi] = mulmod(acc, lmod, p);
        }
        for (std::size_t k = 0; k < std::min(rows[j], n); ++k) {
          std::uint64_t* row = R.data() + k * q;
          const std::size_t edge = q > w ? q - w : 0;  // m ≥ edge: the player completes the coalition
          const std::size_t from = std::min(low[j], edge);          // below low[j] all stays 0
          if (sizes) {  // row k from row k + 1, before row k + 1 changes
            addmod_words(row + from, R.data() + (k + 1) * q + w + from, edge - from, p);
          } else if (w == 0) {
            for (std::size_t m = from; m < edge; ++m) row[m] = addmod(row[m], row[m], p);
          } else {  // upward in blocks of w whose sources, above the block, are still unchanged
            for (std::size_t lo = from; lo < edge; lo += w) addmod_words(row + lo, row + lo + w, std::min(w, edge - lo), p);
          }
          const std::uint64_t add = inv[k + 1];
          if (johnston) {  // j closes the critical members: any m, weighted by Φ_c
            for (std::size_t m = from; m < q; ++m) row[m] = addmod(row[m], mulmod_shoup(phi[m], add, inv_shoup[k + 1], p), p);
            continue;
          }
          for (std::size_t m = edge; m < q; ++m) {
            const std::uint64_t t = row[m] + add - p;
            row[m] = t + (p & (0 - (t >> 63)));
          }
        }
        if (johnston) {  // the player at j joins those behind the sweep
          const std::size_t v = std::min(w, q);
          addmod_words(Z1.data(), A.data(), q, p);
          if (v < q) addmod_words(Z2.data() + v, A.data(), q - v, p);
          for (std::size_t z = q; z-- > v;) A[z] = addmod(A[z], A[z - v], p);
        }
      }
    }
    res_total[pi] = R[0];
  }
  mwc_dp out;
  for (std::size_t c = 0; c < D; ++c) out.per_class.push_back(crt_reconstruct(res_class[c], primes));
  out.total = crt_reconstruct(res_total, primes);
  return out;
}

/// Minimal winning coalitions by size, depth-first over players sorted by weight (the fallback of
/// Deegan–Packel when the DP table is too large; n ≤ 40).
struct mwc_enumerator {
  const std::vector<std::int64_t>& w;
  std::vector<std::size_t> order;
  std::vector<std::int64_t> rest;  // weight of order[i..]
  std::int64_t q;
  std::uint64_t budget, nodes = 0, total = 0;
  std::vector<std::size_t> members;
  std::vector<std::vector<std::uint64_t>> by_size;  // [player][size]
  bool aborted = false;

  void run() {
    const std::size_t n = w.size();
    order.resize(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return w[a] > w[b]; });
    rest.assign(n + 1, 0);
    for (std::size_t i = n; i-- > 0;) rest[i] = rest[i + 1] + w[order[i]];
    by_size.assign(n, std::vector<std::uint64_t>(n + 1, 0));
    dfs(0, 0);
  }
  void dfs(std::size_t from, std::int64_t have) {
    for (std::size_t i = from; i < order.size() && !aborted; ++i) {
      if (have + rest[i] < q) return;  // even everyone left cannot reach the quota
      if (++nodes > budget) {
        aborted = true;
        return;
      }
      const std::size_t p = order[i];
      if (w[p] == 0) return;  // weightless players are never needed
      members.push_back(p);
      if (have + w[p] >= q) {
        ++total;
        for (std::size_t m : members) ++by_size[m][members.size()];
      } else {
        dfs(i + 1, have + w[p]);
      }
      members.pop_back();
    }
  }
};

/// Every swing-based count by enumeration of every coalition (the route for small n when a DP table
/// over weight would be too large): a winning coalition S of weight W has critical members exactly
/// those with w_i > W − q; each has a swing, 1/#critical (Johnston), and (|S|−1)!(n−|S|)! orders
/// in which it is pivotal (Shapley–Shubik).
/// Johnston: L·Σ 1/#critical per player (L = lcm(1..n)) and the number of vulnerable coalitions.
struct enumerated_numerators {
  std::vector<biguint> johnston, shapley_shubik, swings;
  biguint vulnerable, winning;
};
inline enumerated_numerators enumerate_coalitions(const weighted_game& g, const biguint& lcm) {
  const std::size_t n = g.weights.size();
  std::vector<std::int64_t> wsum(std::size_t{1} << n, 0);
  std::vector<std::vector<std::uint64_t>> by_crit(n, std::vector<std::uint64_t>(n + 1, 0)), by_size = by_crit;
  std::uint64_t vulnerable = 0, winning = 0;
  for (std::uint64_t s = 1; s < (std::uint64_t{1} << n); ++s) {
    const auto low = static_cast<std::size_t>(__builtin_ctzll(s));
    wsum[s] = wsum[s & (s - 1)] + g.weights[low];
    if (wsum[s] < g.quota) continue;
    ++winning;
    const std::int64_t slack = wsum[s] - g.quota;
    std::size_t crit = 0;
    for (std::size_t i = 0; i < n; ++i) crit += (s >> i & 1u) && g.weights[i] > slack;
    if (!crit) continue;
    ++vulnerable;
    const auto size = static_cast<std::size_t>(__builtin_popcountll(s));
    for (std::size_t i = 0; i < n; ++i)
      if ((s >> i & 1u) && g.weights[i] > slack) ++by_crit[i][crit], ++by_size[i][size];
  }
  std::vector<biguint> fact(n + 1, biguint(1));
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * biguint(k);
  enumerated_numerators out{std::vector<biguint>(n), std::vector<biguint>(n), std::vector<biguint>(n), biguint(vulnerable),
                            biguint(winning)};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t h = 1; h <= n; ++h) {
      out.swings[i] += biguint(by_crit[i][h]);  // a swing: a winning coalition in which i is critical
      if (by_crit[i][h]) {
        biguint l = lcm;
        l.divmod_small(h);
        out.johnston[i] += l * biguint(by_crit[i][h]);
      }
      if (by_size[i][h]) out.shapley_shubik[i] += biguint(by_size[i][h]) * fact[h - 1] * fact[n - h];
    }
  return out;
}

}  // namespace detail

/// @brief Sampled estimates of the absolute Banzhaf and Shapley–Shubik indices.
struct sampled_power {
  std::vector<double> banzhaf_absolute;
  std::vector<double> shapley_shubik;
  std::uint64_t samples = 0;
  double confidence = 0;
  double error = 0;  ///< each estimate is within ±error of the exact value with probability ≥ confidence
};

/// @brief Monte Carlo estimate: `samples` random coalitions (Banzhaf) and random orders
/// (Shapley–Shubik); error by Hoeffding, ε = sqrt(ln(2/δ)/(2m)) per player. Deterministic for a seed.
inline sampled_power sample_voting_power(const weighted_game& g, std::uint64_t samples, double confidence, std::uint64_t seed) {
  detail::check_game(g);
  if (samples == 0 || !(confidence > 0 && confidence < 1))
    throw invalid_model(error_code::out_of_range, "", "sampling needs samples > 0 and 0 < confidence < 1");
  const std::size_t n = g.weights.size();
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> bz(n, 0), ss(n, 0);
  std::vector<std::size_t> perm(n);
  std::iota(perm.begin(), perm.end(), std::size_t{0});
  std::vector<std::uint8_t> in(n);
  for (std::uint64_t s = 0; s < samples; ++s) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; i += 64) {
      std::uint64_t bits = rng();
      for (std::size_t j = i; j < std::min(n, i + 64); ++j) {
        in[j] = static_cast<std::uint8_t>((bits >> (j - i)) & 1u);
        if (in[j]) total += g.weights[j];
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      std::int64_t others = in[i] ? total - g.weights[i] : total;
      if (others < g.quota && others + g.weights[i] >= g.quota) ++bz[i];
    }
    for (std::size_t i = n; i > 1; --i) std::swap(perm[i - 1], perm[std::uniform_int_distribution<std::size_t>(0, i - 1)(rng)]);
    std::int64_t acc = 0;
    for (std::size_t k = 0; k < n; ++k) {
      acc += g.weights[perm[k]];
      if (acc >= g.quota) {
        ++ss[perm[k]];
        break;
      }
    }
  }
  sampled_power r;
  r.samples = samples;
  r.confidence = confidence;
  r.error = std::sqrt(std::log(2.0 / (1.0 - confidence)) / (2.0 * static_cast<double>(samples)));
  for (std::size_t i = 0; i < n; ++i) {
    r.banzhaf_absolute.push_back(static_cast<double>(bz[i]) / static_cast<double>(samples));
    r.shapley_shubik.push_back(static_cast<double>(ss[i]) / static_cast<double>(samples));
  }
  return r;
}

namespace detail {
/// dst[0..len) += src[0..len) on disjoint ranges (vectorisable).
inline void add_words(std::uint64_t* __restrict dst, const std::uint64_t* __restrict src, std::size_t len) noexcept {
  for (std::size_t i = 0; i < len; ++i) dst[i] += src[i];
}

/// Coalitions of all players by weight below q (c[w] += c[w − w_j]), turned into prefix sums: slot
/// t holds Σ_{m ≤ t} c[m], ⌈(n+1)/64⌉ limbs per weight (counts stay below 2^n).
/// The pass keeps radix-2^48 digits in 64-bit words, one plane per digit, so that adding needs no
/// carry: a player at most doubles every digit, so the carries are propagated once every 15 players,
/// and each plane takes those 15 players while it is in cache. The downward update c[w] += c[w − v]
/// runs in blocks of v weights whose sources lie below the block, still unchanged, so each block is
/// a plain vectorisable addition.
inline weight_counts losing_prefix_sums(const weighted_game& g) {
  constexpr std::size_t radix = 48, lazy_players = 63 - radix;
  constexpr std::uint64_t mask = (std::uint64_t{1} << radix) - 1;
  const std::size_t n = g.weights.size();
  const auto q = static_cast<std::size_t>(g.quota);
  const std::size_t planes = n / radix + 3;
  std::vector<std::uint64_t> d(planes * q, 0), carry(q);
  const auto plane = [&](std::size_t k) { return d.data() + k * q; };
  std::size_t used = 1, added = 0;  // planes in use, players added so far
  const auto normalise = [&] {
    std::fill(carry.begin(), carry.end(), 0);
    for (std::size_t k = 0; k < std::min(planes, used + 2); ++k) {
      std::uint64_t* pl = plane(k);
      for (std::size_t w = 0; w < q; ++w) {
        const std::uint64_t v = pl[w] + carry[w];
        pl[w] = v & mask;
        carry[w] = v >> radix;
      }
    }
    used = std::min(planes, added / radix + 1);  // the counts are below 2^added
  };
  plane(0)[0] = 1;
  std::vector<std::size_t> batch;
  for (std::size_t j = 0; j < n;) {
    batch.clear();
    for (; j < n && batch.size() < lazy_players; ++j)
      if (g.weights[j] < g.quota) batch.push_back(static_cast<std::size_t>(g.weights[j]));  // else adds nothing below q
    for (std::size_t k = 0; k < used; ++k) {
      std::uint64_t* pl = plane(k);
      for (std::size_t wj : batch) {
        if (wj == 0) {
          for (std::size_t w = 0; w < q; ++w) pl[w] += pl[w];
          continue;
        }
        for (std::size_t hi = q; hi > wj;) {
          const std::size_t lo = std::max(hi - wj, wj);
          add_words(pl + lo, pl + lo - wj, hi - lo);
          hi = lo;
        }
      }
    }
    added += batch.size();
    normalise();
  }
  weight_counts c{q, n / 64 + 1, {}};
  c.c.assign(q * c.limbs, 0);
  for (std::size_t k = 0; k < used; ++k) {
    const std::size_t l = k * radix / 64, shift = k * radix % 64;
    for (std::size_t w = 0; w < q; ++w) {
      const std::uint64_t v = plane(k)[w];
      if (!v) continue;
      c.at(w)[l] |= v << shift;
      if (shift + radix > 64 && v >> (64 - shift)) c.at(w)[l + 1] |= v >> (64 - shift);
    }
  }
  for (std::size_t w = 1; w < q; ++w) limbs_add(c.at(w), c.at(w - 1), c.limbs);
  return c;
}

/// Σ_{m<q} (−1)^⌊(q−1−m)/v⌋ · c[m] from prefix sums: the coalitions of the others that a player of
/// weight v turns from losing to winning. Removing the player is a division by (1 + x^v); its
/// alternating series, summed over the window q−v ≤ m < q, covers each m < q once with sign
/// (−1)^⌊(q−1−m)/v⌋, so a weight costs O(q/v) big additions and all weights O(q log q).
inline biguint alternating_window_sum(const weight_counts& ps, std::size_t v) {
  const std::size_t q = ps.q, L = ps.limbs;
  std::vector<std::uint64_t> pos(L + 1, 0), neg(L + 1, 0);
  std::vector<std::uint64_t> block(L, 0);
  bool odd = false;
  for (std::size_t hi = q; hi > 0; hi = hi > v ? hi - v : 0, odd = !odd) {  // block [hi − v, hi)
    const std::size_t lo = hi > v ? hi - v : 0;
    std::copy(ps.at(hi - 1), ps.at(hi - 1) + L, block.begin());
    if (lo > 0) limbs_sub(block.data(), ps.at(lo - 1), L);
    auto& acc = odd ? neg : pos;
    acc[L] += limbs_add(acc.data(), block.data(), L);
  }
  limbs_sub(pos.data(), neg.data(), L + 1);
  return biguint::from_limbs(pos.data(), L + 1);
}

/// Swings of every player from the prefix sums of `losing_prefix_sums` (one sum per distinct weight).
inline std::vector<biguint> swings_from(const weighted_game& g, const weight_counts& ps) {
  std::vector<biguint> swings(g.weights.size());
  std::vector<std::pair<std::int64_t, biguint>> done;
  for (std::size_t i = 0; i < g.weights.size(); ++i) {
    const std::int64_t v = g.weights[i];
    if (v == 0) continue;  // never decisive
    auto it = std::find_if(done.begin(), done.end(), [v](const auto& d) { return d.first == v; });
    if (it == done.end()) {
      done.emplace_back(v, alternating_window_sum(ps, static_cast<std::size_t>(std::min(v, g.quota))));
      it = done.end() - 1;
    }
    swings[i] = it->second;
  }
  return swings;
}
}  // namespace detail

/// @brief Banzhaf swing counts only (exact, any n): one generating-function pass over the players
/// (`detail::losing_prefix_sums`), then O(q/v) big additions per distinct weight v
/// (`detail::alternating_window_sum`).
inline std::vector<detail::biguint> banzhaf_swings(const weighted_game& g) {
  detail::check_game(g);
  return detail::swings_from(g, detail::losing_prefix_sums(g));
}

namespace detail {
/// Limb operations of `shapley_shubik_numerators`: n²·q·⌈(n+1)/64⌉.
inline double shapley_shubik_dp_cost(const weighted_game& g) {
  const auto n = static_cast<double>(g.weights.size());
  return n * n * static_cast<double>(g.quota) * static_cast<double>(g.weights.size() / 64 + 1);
}
/// 64-bit words of the table of `shapley_shubik_numerators`: (kmax + 1)·q·⌈(n+1)/64⌉, kmax the
/// largest size whose lightest members still weigh less than q.
inline double shapley_shubik_dp_words(const weighted_game& g) {
  std::vector<std::int64_t> w(g.weights);
  std::sort(w.begin(), w.end());
  std::size_t kmax = 0;
  for (std::int64_t least = 0; kmax < w.size() && least + w[kmax] < g.quota; ++kmax) least += w[kmax];
  return static_cast<double>(kmax + 1) * static_cast<double>(g.quota) * static_cast<double>(g.weights.size() / 64 + 1);
}
/// Word operations of `mwc_counts` with sizes, per prime three sweeps over the rows a position can
/// have (heaviest first, position j: at most min(j, (q−1)/w_{j−1}) + 1 sizes) times q weights.
inline double mwc_size_dp_cost(const weighted_game& g, const weight_order& wo, const biguint& lcm) {
  const std::size_t n = g.weights.size(), q = static_cast<std::size_t>(g.quota);
  double rows = 0;
  for (std::size_t j = 1; j <= n; ++j) {
    const auto w = static_cast<std::size_t>(g.weights[wo.order[j - 1]]);
    rows += static_cast<double>(std::min(j, w ? (q - 1) / w : j) + 1);
  }
  return 3.0 * rows * static_cast<double>(q) * static_cast<double>(primes_for_bits(n + 2 + lcm.bits()));
}

/// Exact Shapley–Shubik numerators N_i with φ_i = N_i / n!: the size-and-weight DP c[k][w]
/// (O(n²·q) limb operations), prefix sums over w per size, then per distinct weight v the
/// alternating block sums of `alternating_window_sum` per size (the division by 1 + y·x^v shifts
/// the size by the block index j): G_v[k] = Σ_j (−1)^j block_j[k − j], N = Σ_k G_v[k]·k!(n−1−k)!.
inline std::vector<biguint> shapley_shubik_numerators(const weighted_game& g) {
  const std::size_t n = g.weights.size();
  const auto q = static_cast<std::size_t>(g.quota);
  const std::size_t L = n / 64 + 1;
  // Lightest first: k of the players placed so far weigh at least least[k] (the k lightest) and at
  // most pre (all of them), so row k is zero outside [least[k], pre], and rows with least[k] ≥ q
  // stay empty. A count in row k after j players is at most C(j, k): only that many limbs are added.
  std::vector<std::size_t> light;
  for (std::int64_t w : g.weights)
    if (w < g.quota) light.push_back(static_cast<std::size_t>(w));
  std::sort(light.begin(), light.end());
  std::vector<std::size_t> least(light.size() + 2, q);
  least[0] = 0;
  for (std::size_t k = 0; k < light.size() && least[k] < q; ++k) least[k + 1] = std::min(q, least[k] + light[k]);
  std::size_t kmax = 0;  // the largest size below q
  while (kmax < light.size() && least[kmax + 1] < q) ++kmax;
  std::vector<std::uint64_t> c((kmax + 1) * q * L, 0);  // c[k][w]: subsets of size k, weight w < q
  auto at = [&](std::size_t k, std::size_t w) { return c.data() + (k * q + w) * L; };
  at(0, 0)[0] = 1;
  std::vector<double> lfact(n + 2, 0.0);
  for (std::size_t k = 1; k < lfact.size(); ++k) lfact[k] = lfact[k - 1] + std::log2(static_cast<double>(k));
  std::size_t pre = 0;
  for (std::size_t j = 0; j < light.size(); ++j) {
    const std::size_t wj = light[j], top = std::min(q, pre + wj + 1);  // weights below top can change
    for (std::size_t k = std::min(j + 1, kmax); k-- > 0;) {
      const double bits = lfact[j + 1] - lfact[k + 1] - lfact[j - k];  // log2 C(j + 1, k + 1)
      const std::size_t used = std::min(L, static_cast<std::size_t>(bits + 2) / 64 + 1);
      const std::size_t lo = least[k] + wj;  // rows k and k + 1 are distinct records
      if (lo < top) limbs_add_records(at(k + 1, lo), at(k, lo - wj), top - lo, L, used);
    }
    pre += wj;
  }
  for (std::size_t k = 0; k <= kmax; ++k)
    for (std::size_t w = 1; w < q; ++w) limbs_add(at(k, w), at(k, w - 1), L);
  std::vector<biguint> fact(n + 1, biguint(1));
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * biguint(k);
  std::vector<biguint> out(n);
  std::vector<std::int64_t> distinct(g.weights);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::uint64_t> pos(n * (L + 1)), neg(n * (L + 1)), block(L);
  for (std::int64_t wi64 : distinct) {
    if (wi64 == 0) continue;
    const auto v = static_cast<std::size_t>(std::min<std::int64_t>(wi64, g.quota));
    std::fill(pos.begin(), pos.end(), 0);
    std::fill(neg.begin(), neg.end(), 0);
    std::size_t j = 0;
    for (std::size_t hi = q; hi > 0; hi = hi > v ? hi - v : 0, ++j) {
      const std::size_t lo = hi > v ? hi - v : 0;
      for (std::size_t k = 0; k + j < n && k <= kmax; ++k) {
        std::copy(at(k, hi - 1), at(k, hi - 1) + L, block.begin());
        if (lo > 0) limbs_sub(block.data(), at(k, lo - 1), L);
        std::uint64_t* acc = ((j & 1u) ? neg.data() : pos.data()) + (k + j) * (L + 1);
        acc[L] += limbs_add(acc, block.data(), L);
      }
    }
    biguint num;
    for (std::size_t k = 0; k < n; ++k) {
      limbs_sub(pos.data() + k * (L + 1), neg.data() + k * (L + 1), L + 1);
      biguint s = biguint::from_limbs(pos.data() + k * (L + 1), L + 1);
      if (!s.is_zero()) num += s * fact[k] * fact[n - 1 - k];
    }
    for (std::size_t i = 0; i < n; ++i)
      if (g.weights[i] == wi64) out[i] = num;
  }
  return out;
}
}  // namespace detail

/// @brief Every power index of a weighted game (see the file comment for methods and limits).
/// @throws invalid_model for negative weights or a quota outside 1..total; arithmetic_error for a
/// quota beyond the DP's range.
inline voting_power_result voting_power(const weighted_game& g, const voting_power_options& opt = {}) {
  using detail::biguint;
  detail::check_game(g);
  const std::size_t n = g.weights.size();
  const std::int64_t total = g.total();
  voting_power_result r;
  r.game = g;
  r.players.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto& p = r.players[i];
    p.player = i < g.players.size() ? g.players[i] : "player " + std::to_string(i + 1);
    p.weight = g.weights[i];
    p.veto = total - g.weights[i] < g.quota;
    p.dictator = p.veto && g.weights[i] >= g.quota;
  }
  // one walk over all coalitions serves every index that is enumerated (small n, large quota)
  const biguint lcm = detail::lcm_upto(n);
  std::optional<detail::enumerated_numerators> walk;
  const auto enumerated = [&]() -> const detail::enumerated_numerators& {
    if (!walk) walk = detail::enumerate_coalitions(g, lcm);
    return *walk;
  };
  const auto q_words = static_cast<double>(g.quota);
  // Banzhaf and Coleman: the DP over weight (digit planes and the prefix sums), else enumeration
  const double bz_words = (static_cast<double>(n / 48 + 3) + static_cast<double>(n / 64 + 2)) * q_words;
  const bool bz_dp = bz_words <= static_cast<double>(opt.dp_word_budget) || n > opt.johnston_player_limit;
  const biguint all = biguint::pow2(n);
  biguint winning;
  std::vector<biguint> swings;
  if (bz_dp) {
    const auto ps = detail::losing_prefix_sums(g);
    winning = all - biguint::from_limbs(ps.at(ps.q - 1), ps.limbs);
    swings = detail::swings_from(g, ps);
  } else {
    winning = enumerated().winning;
    swings = enumerated().swings;
    r.banzhaf_method = "exact (enumeration): all " + std::to_string(std::uint64_t{1} << n) + " coalitions";
  }
  const biguint losing = all - winning;
  r.winning_coalitions = winning.str();
  r.coleman_act = detail::ratio(winning, all);
  r.coleman_act_exact = detail::fraction_str(winning, all);
  biguint sum;
  for (const auto& s : swings) sum += s;
  r.total_swings = sum.str();
  const auto half = biguint::pow2(n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    auto& p = r.players[i];
    p.swings = swings[i].str();
    p.null_player = swings[i].is_zero();
    p.banzhaf = sum.is_zero() ? 0.0 : detail::ratio(swings[i], sum);
    p.banzhaf_exact = sum.is_zero() ? "0" : detail::fraction_str(swings[i], sum);
    p.banzhaf_absolute = detail::ratio(swings[i], half);
    p.banzhaf_absolute_exact = detail::fraction_str(swings[i], half);
    p.coleman_prevent = detail::ratio(swings[i], winning);
    p.coleman_prevent_exact = detail::fraction_str(swings[i], winning);
    p.coleman_initiate = losing.is_zero() ? 0.0 : detail::ratio(swings[i], losing);
    p.coleman_initiate_exact = losing.is_zero() ? "0" : detail::fraction_str(swings[i], losing);
  }
  // Shapley–Shubik: the size-and-weight DP within its budget, else every coalition (n within the
  // enumeration limit: one walk serves Johnston too), else sampled with the error stated
  const bool ss_dp = detail::shapley_shubik_dp_cost(g) <= static_cast<double>(opt.exact_budget) &&
                     detail::shapley_shubik_dp_words(g) <= static_cast<double>(opt.dp_word_budget);
  if (ss_dp || n <= opt.johnston_player_limit) {
    const auto num = ss_dp ? detail::shapley_shubik_numerators(g) : enumerated().shapley_shubik;
    biguint nf(1);
    for (std::size_t k = 2; k <= n; ++k) nf = nf * biguint(k);
    for (std::size_t i = 0; i < n; ++i) {
      r.players[i].shapley_shubik = detail::ratio(num[i], nf);
      r.players[i].shapley_shubik_exact = detail::fraction_str(num[i], nf);
    }
    r.shapley_shubik_method = ss_dp ? "exact (DP): generating function by size and weight"
                                    : "exact (enumeration): all " + std::to_string(std::uint64_t{1} << n) + " coalitions";
  } else {
    auto s = sample_voting_power(g, opt.samples, opt.confidence, opt.seed);
    r.shapley_shubik_exact = false;
    r.shapley_shubik_error = s.error;
    r.shapley_shubik_samples = s.samples;
    r.confidence = s.confidence;
    for (std::size_t i = 0; i < n; ++i) r.players[i].shapley_shubik = s.shapley_shubik[i];
    r.shapley_shubik_method = detail::sampled_method(s.error, s.confidence, std::to_string(s.samples) + " random orders");
    r.note = "Shapley–Shubik sampled: each value within ±" + std::to_string(s.error) + " with probability " +
             std::to_string(s.confidence) + " (Hoeffding). ";
  }
  // Public Good Index and Deegan–Packel: minimal winning coalitions by DP, else listed one by one
  // (n ≤ 40, within the node budget) when a table over weight would be too large
  const detail::weight_order wo(g.weights);
  std::optional<detail::mwc_enumerator> mwc_walk;
  const auto listed = [&]() -> const detail::mwc_enumerator* {
    if (n > std::min<std::size_t>(opt.mwc_player_limit, 40)) return nullptr;
    if (!mwc_walk) {
      mwc_walk.emplace(detail::mwc_enumerator{g.weights, {}, {}, g.quota, opt.mwc_node_budget, 0, 0, {}, {}, false});
      mwc_walk->run();
    }
    return mwc_walk->aborted ? nullptr : &*mwc_walk;
  };
  std::vector<biguint> mwc_of(n);
  biguint mwc_total;
  const double pgi_words = static_cast<double>(wo.first.size() + 3) * q_words;  // snapshots per class, H, R
  const detail::mwc_enumerator* pe = pgi_words > static_cast<double>(opt.dp_word_budget) ? listed() : nullptr;
  if (pe) {
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t sz = 1; sz <= n; ++sz) mwc_of[i] += biguint(pe->by_size[i][sz]);
    mwc_total = biguint(pe->total);
    r.public_good_method = "exact (enumeration): minimal winning coalitions";
  } else {
    const auto mwc = detail::mwc_counts(g, wo, false, biguint(1));
    for (std::size_t j = 0; j < n; ++j) mwc_of[wo.order[j]] = mwc.per_class[wo.class_of[j]];
    mwc_total = mwc.total;
    r.public_good_method = "exact (DP): minimal winning coalitions by weight";
  }
  biguint pgi_sum;
  for (const auto& c : mwc_of) pgi_sum += c;
  r.minimal_winning_coalitions_exact = mwc_total.str();
  if (mwc_total.bits() <= 64) r.minimal_winning_coalitions = mwc_total.is_zero() ? 0 : std::stoull(r.minimal_winning_coalitions_exact);
  for (std::size_t i = 0; i < n; ++i) {
    auto& p = r.players[i];
    p.minimal_winning_coalitions_exact = mwc_of[i].str();
    p.minimal_winning_coalitions = mwc_of[i].bits() <= 64 ? std::stoull(p.minimal_winning_coalitions_exact) : UINT64_MAX;
    p.public_good = detail::ratio(mwc_of[i], pgi_sum);
    p.public_good_exact = detail::fraction_str(mwc_of[i], pgi_sum);
  }
  const double blocks = std::ceil(std::sqrt(static_cast<double>(wo.first.size())));  // see detail::mwc_counts
  const double dp_words = (2 * blocks + 3) * static_cast<double>(n + 1) * static_cast<double>(g.quota);
  const bool size_dp = dp_words <= static_cast<double>(opt.dp_word_budget) &&
                       detail::mwc_size_dp_cost(g, wo, lcm) <= static_cast<double>(opt.dp_op_budget);
  if (size_dp) {
    const auto dp = detail::mwc_counts(g, wo, true, lcm);
    const biguint den = lcm * mwc_total;
    for (std::size_t j = 0; j < n; ++j) {
      auto& p = r.players[wo.order[j]];
      const auto& num = dp.per_class[wo.class_of[j]];
      p.deegan_packel = detail::ratio(num, den);
      p.deegan_packel_exact = detail::fraction_str(num, den);
    }
    r.deegan_packel_method = "exact (DP): minimal winning coalitions by size and weight";
  } else if (n <= std::min<std::size_t>(opt.mwc_player_limit, 40)) {
    if (const auto* pl = listed()) {
      const auto& e = *pl;
      const biguint den = lcm * biguint(e.total);
      for (std::size_t i = 0; i < n; ++i) {
        biguint num;
        for (std::size_t s = 1; s <= n; ++s)
          if (e.by_size[i][s]) {
            biguint l = lcm;
            l.divmod_small(s);
            num += l * biguint(e.by_size[i][s]);
          }
        r.players[i].deegan_packel = detail::ratio(num, den);
        r.players[i].deegan_packel_exact = detail::fraction_str(num, den);
      }
      r.deegan_packel_method = "exact (enumeration): minimal winning coalitions";
    } else {
      r.deegan_packel_method = "not computed";
      r.note += "Deegan–Packel not computed: the DP over size and weight is beyond its budget and the enumeration "
                "beyond " + std::to_string(opt.mwc_node_budget) + " search nodes. ";
    }
  } else {
    r.deegan_packel_method = "not computed";
    r.note += "Deegan–Packel not computed: the DP over size and weight is beyond its budget. ";
  }
  // Johnston: the DP of Deegan–Packel with the critical members' tail (same table), else enumeration
  if (size_dp) {
    const auto dp = detail::mwc_counts(g, wo, true, lcm, true);
    biguint den;
    for (std::size_t j = 0; j < n; ++j) den += dp.per_class[wo.class_of[j]];
    for (std::size_t j = 0; j < n; ++j) {
      auto& p = r.players[wo.order[j]];
      const auto& num = dp.per_class[wo.class_of[j]];
      p.johnston = den.is_zero() ? 0.0 : detail::ratio(num, den);
      p.johnston_exact = den.is_zero() ? "0" : detail::fraction_str(num, den);
    }
    r.johnston_method = "exact (DP): critical members by size and weight";
  } else if (n <= opt.johnston_player_limit) {
    const auto& e = enumerated();
    const biguint den = lcm * e.vulnerable;
    for (std::size_t i = 0; i < n; ++i) {
      r.players[i].johnston = detail::ratio(e.johnston[i], den);
      r.players[i].johnston_exact = detail::fraction_str(e.johnston[i], den);
    }
    r.johnston_method = "exact (enumeration): all " + std::to_string(std::uint64_t{1} << n) + " coalitions";
  } else {
    r.johnston_method = "not computed";
    r.note += "Johnston not computed: the DP over size and weight is beyond its budget and " + std::to_string(n) +
              " players exceed the enumeration limit of " + std::to_string(opt.johnston_player_limit) + ". ";
  }
  return r;
}

namespace detail {
/// One player of a body: a holder organisation (its seats' votes added) or a seat, or one unnamed
/// member of an `unknown_group` seat (`holder` is then the group).
struct body_player {
  std::string name;
  std::int64_t votes = 0;
  organisation_index holder;
  bool unnamed = false;
};
inline std::vector<body_player> body_players(const model& m, body_index b, bool per_seat) {
  std::vector<body_player> out;
  for (const auto& s : m.seats()) {
    if (s.body != b || s.votes <= 0) continue;
    if (m[s.holder].kind == organisation_kind::unknown_group) {
      // a remainder of unnamed members: each votes on its own, one vote apiece
      for (std::int64_t k = 0; k < s.votes; ++k) out.push_back({m[s.holder].id + " #" + std::to_string(k + 1), 1, s.holder, true});
      continue;
    }
    if (!per_seat) {
      auto it = std::find_if(out.begin(), out.end(), [&](const body_player& p) { return !p.unnamed && p.holder == s.holder; });
      if (it != out.end()) {
        it->votes += s.votes;
        continue;
      }
      out.push_back({m[s.holder].id, s.votes, s.holder, false});
    } else {
      out.push_back({m[s.holder].id + (s.role.empty() ? "" : " (" + s.role + ")"), s.votes, s.holder, false});
    }
  }
  if (out.empty())
    throw invalid_model(error_code::missing_member, "/bodies/" + std::to_string(b.value) + "/seats",
                        "body \"" + m[b].id + "\" has no seats with votes");
  return out;
}
}  // namespace detail

/// @brief The weighted game of a body: one player per holder organisation (its seats' votes added,
/// as a delegation votes together) or, with `per_seat`, one per seat. A seat held for an
/// `unknown_group` (members the sources do not name) stands for that many members with one vote
/// each, so it becomes that many one-vote players, not one bloc.
/// Quota: the body's stated quota, else by its rule (majority and weighted votes: simple majority;
/// qualified majority: two-thirds; consensus: unanimity; unknown: simple majority, noted).
/// @throws invalid_model when the body has no voting seats.
inline weighted_game game_of(const model& m, body_index b, quota_spec spec, bool per_seat = false, std::string* how = nullptr) {
  weighted_game g;
  for (auto& p : detail::body_players(m, b, per_seat)) {
    g.players.push_back(std::move(p.name));
    g.weights.push_back(p.votes);
  }
  std::string text;
  if (spec.rule == quota_rule::body) {
    const auto& bd = m[b];
    if (bd.quota) {
      spec = {quota_rule::fraction, *bd.quota};
      // As quota_votes reads an implicit bound: one half means more than half, any other share at least it.
      const auto& q = *bd.quota;
      text = q == share(1, 2) ? std::string("more than half of the votes")
                              : "at least " + std::to_string(q.numerator()) + "/" + std::to_string(q.denominator()) + " of the votes";
    } else if (bd.rule == decision_rule::qualified_majority) {
      spec = {quota_rule::two_thirds, {}};
      text = "qualified majority (two-thirds)";
    } else if (bd.rule == decision_rule::consensus) {
      spec = {quota_rule::unanimity, {}};
      text = "consensus (unanimity)";
    } else if (bd.rule) {
      spec = {quota_rule::majority, {}};
      // In words, as a reader would say it: "simple majority", "weighted votes, simple majority".
      text = *bd.rule == decision_rule::weighted_votes ? "weighted votes, simple majority"
             : *bd.rule == decision_rule::majority      ? "simple majority"
                                                          : std::string(to_string(*bd.rule)) + ", simple majority";
    } else {
      spec = {quota_rule::majority, {}};
      text = "simple majority (assumed: the body's rule is unknown)";
    }
  } else {
    text = spec.str();
  }
  g.quota = quota_votes(g.total(), spec);
  if (how) *how = text;
  return g;
}

/// @brief Voting power of the members of a body under a quota.
inline voting_power_result body_voting_power(const model& m, body_index b, quota_spec spec = {}, bool per_seat = false,
                                             const voting_power_options& opt = {}) {
  std::string how;
  auto g = game_of(m, b, spec, per_seat, &how);
  auto r = voting_power(g, opt);
  r.quota_rule = how;
  return r;
}

}  // namespace orgmodel
