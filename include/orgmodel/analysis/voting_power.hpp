#pragma once
/// @file
/// @brief Voting power in weighted voting bodies: normalised and absolute Banzhaf, Shapley–Shubik,
/// Deegan–Packel, the Public Good Index, veto, dictator and null players.
///
/// A weighted game [q; w_1, …, w_n] lets a coalition win when its weights add up to at least q.
/// A seat's share of the votes says little about its power: at a shareholders' meeting where one
/// owner holds 75 % and a two-thirds majority decides, that owner decides alone and every other
/// owner has no power at all, whatever its share.
///
/// Exact methods
/// - Banzhaf: swings of i = #{S ⊆ N∖i : q − w_i ≤ w(S) < q}. The number of coalitions of the
///   other players by total weight, c_{−i}[w] for w < q, comes from one generating-function DP
///   over all players (c[w] += c[w − w_j], O(n·q)) followed by one deconvolution per distinct weight
///   (c_{−i}[w] = c[w] − c_{−i}[w − w_i], O(q)): O(n·q) limb operations in all. Counts reach
///   2^(n−1), so they are kept as flat arrays of ⌈n/64⌉ 64-bit limbs per weight (exact for any n;
///   a single limb suffices up to n = 64).
/// - Shapley–Shubik: the same DP by coalition size and weight, c[k][w], O(n²·q) limb operations;
///   φ_i = Σ_k k!(n−1−k)!/n! · #{swing coalitions of size k}, as an exact big fraction. Used when
///   n²·q·limbs is within `exact_budget`, else sampled.
/// - Deegan–Packel and the Public Good Index need the minimal winning coalitions. They are
///   enumerated depth-first with players sorted by weight (a coalition is minimal winning exactly
///   when it wins and loses without its lightest member), for at most `mwc_player_limit` players
///   and `mwc_node_budget` search nodes; beyond that they are reported as not computed.
///   Deegan–Packel fractions are exact with a 128-bit numerator: Σ_S lcm(1..n)/|S| ≤ 2^n·lcm(1..n)
///   < 2^127 for n ≤ 40 (lcm(1..40) < 2^54), hence the player limit of 40 at most.
///
/// Sampled estimate (games too large for the exact methods): m uniformly random coalitions give, for
/// every player at once, an unbiased estimate of the absolute Banzhaf index, and m random orders an
/// unbiased estimate of the Shapley–Shubik index. By Hoeffding's inequality each estimate is within
/// ε = sqrt(ln(2/δ) / (2m)) of the exact value with probability at least 1 − δ (per player).
///
/// References: Banzhaf (1965), Rutgers Law Review 19; Shapley & Shubik (1954), APSR 48;
/// Deegan & Packel (1978), Int. J. Game Theory 7; Holler (1982), Political Studies 30 (PGI);
/// Felsenthal & Machover (1998), The Measurement of Voting Power; generating functions: Brams &
/// Affuso (1976), Theory and Decision 7.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/detail/biguint.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/io/table.hpp"
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

/// @brief A quota rule; `fraction` x/y means "at least x/y of all votes" (1/2 means more than half).
struct quota_spec {
  quota_rule rule = quota_rule::body;
  share fraction;

  /// @brief "majority", "two-thirds", "unanimity", "body", or a fraction "x/y" / "67%".
  /// @throws parse_error naming the text.
  static quota_spec parse(std::string_view s) {
    if (s == "majority" || s == "simple") return {quota_rule::majority, {}};
    if (s == "two-thirds" || s == "2/3") return {quota_rule::two_thirds, {}};
    if (s == "unanimity") return {quota_rule::unanimity, {}};
    if (s == "body") return {quota_rule::body, {}};
    auto f = share::parse(s);
    if (!f || f->numerator() <= 0 || share::one() < *f)
      throw parse_error(error_code::unknown_value, "", "quota \"" + std::string(s) +
                                                           "\" is not majority, two-thirds, unanimity, body or a fraction in (0, 1]");
    return {quota_rule::fraction, *f};
  }
  [[nodiscard]] std::string str() const {
    switch (rule) {
      case quota_rule::majority: return "majority";
      case quota_rule::two_thirds: return "two-thirds";
      case quota_rule::unanimity: return "unanimity";
      case quota_rule::fraction: return fraction.str();
      case quota_rule::body: return "body";
    }
    return "body";
  }
};

/// @brief The quota in votes for a total: majority ⌊T/2⌋+1, two-thirds ⌈2T/3⌉, unanimity T,
/// fraction ⌈f·T⌉ (f = 1/2 is read as a simple majority, so two disjoint coalitions cannot both win).
inline std::int64_t quota_votes(std::int64_t total, quota_spec q) {
  auto ceil_frac = [total](share f) {
    detail::int128 n = static_cast<detail::int128>(f.numerator()) * total;
    return static_cast<std::int64_t>((n + f.denominator() - 1) / f.denominator());
  };
  std::int64_t r = 0;
  switch (q.rule) {
    case quota_rule::majority: r = total / 2 + 1; break;
    case quota_rule::two_thirds: r = ceil_frac(share(2, 3)); break;
    case quota_rule::unanimity: r = total; break;
    case quota_rule::fraction: r = q.fraction == share(1, 2) ? total / 2 + 1 : ceil_frac(q.fraction); break;
    case quota_rule::body: r = total / 2 + 1; break;
  }
  return std::max<std::int64_t>(r, 1);
}

/// @brief Limits and sampling of `voting_power`.
struct voting_power_options {
  std::size_t mwc_player_limit = 30;           ///< Deegan–Packel/PGI for at most this many players (≤ 40)
  std::uint64_t mwc_node_budget = 20'000'000;  ///< search nodes of the enumeration
  std::uint64_t exact_budget = 400'000'000;    ///< limb operations allowed for exact Shapley–Shubik
  std::uint64_t samples = 200'000;             ///< sampled Shapley–Shubik when not exact
  double confidence = 0.99;                    ///< 1 − δ of the stated sampling error
  std::uint64_t seed = 1;
};

/// @brief One player's power.
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
  std::uint64_t minimal_winning_coalitions = 0;  ///< containing this player (when enumerated)
  bool veto = false;      ///< in every winning coalition
  bool dictator = false;  ///< wins alone, and nobody wins without it
  bool null_player = false;  ///< never decisive
};

/// @brief The power indices of every player of a weighted game.
struct voting_power_result {
  weighted_game game;
  std::string quota_rule;  ///< how the quota was set, for display
  std::vector<player_power> players;
  std::string total_swings;
  bool shapley_shubik_exact = true;
  double shapley_shubik_error = 0;  ///< Hoeffding half-width when sampled
  std::uint64_t shapley_shubik_samples = 0;
  double confidence = 1.0;
  std::optional<std::uint64_t> minimal_winning_coalitions;  ///< nothing: not enumerated (too large)
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

/// Minimal winning coalitions, depth-first over players sorted by weight.
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

inline std::string int128_fraction(int128 n, int128 d) {
  auto g = [](int128 a, int128 b) {
    while (b) {
      int128 t = a % b;
      a = b;
      b = t;
    }
    return a;
  };
  int128 k = g(n, d);
  if (k > 1) n /= k, d /= k;
  auto s = [](int128 x) {
    if (x == 0) return std::string("0");
    std::string r;
    while (x > 0) r.insert(r.begin(), static_cast<char>('0' + static_cast<int>(x % 10))), x /= 10;
    return r;
  };
  return d == 1 ? s(n) : s(n) + "/" + s(d);
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

/// @brief Banzhaf swing counts only (exact, any n): the O(n·q) generating-function DP.
/// Returns the swings of every player as big integers.
inline std::vector<detail::biguint> banzhaf_swings(const weighted_game& g) {
  detail::check_game(g);
  const std::size_t n = g.weights.size();
  const auto q = static_cast<std::size_t>(g.quota);
  detail::weight_counts c{q, n / 64 + 1, {}};
  c.c.assign(q * c.limbs, 0);
  c.at(0)[0] = 1;
  std::size_t used = 1;  // limbs in use: counts ≤ 2^k after k players
  for (std::size_t j = 0; j < n; ++j) {
    const auto wj = static_cast<std::size_t>(g.weights[j]);
    used = std::min(c.limbs, (j + 1) / 64 + 1);
    if (wj == 0 || wj >= q) {
      // a weightless player doubles every count; a player who wins alone adds nothing below q
      if (wj == 0)
        for (std::size_t w = 0; w < q; ++w) detail::limbs_add(c.at(w), c.at(w), used);
      continue;
    }
    for (std::size_t w = q - 1; w >= wj; --w) {
      detail::limbs_add(c.at(w), c.at(w - wj), used);
      if (w == wj) break;
    }
  }
  // deconvolve once per distinct weight
  std::vector<detail::biguint> swings(n);
  std::vector<std::int64_t> distinct(g.weights);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::uint64_t> minus(q * c.limbs, 0), acc(c.limbs + 1, 0);
  for (std::int64_t wi64 : distinct) {
    const auto wi = static_cast<std::size_t>(wi64);
    if (wi == 0) continue;  // null: no swing possible
    detail::biguint eta;
    if (wi >= q) {
      // c_{−i} = c below q (i adds nothing there); every losing coalition of the others is a swing
      std::fill(acc.begin(), acc.end(), 0);
      for (std::size_t w = 0; w < q; ++w) acc[c.limbs] += detail::limbs_add(acc.data(), c.at(w), c.limbs);
      eta = detail::biguint::from_limbs(acc.data(), c.limbs + 1);
    } else {
      for (std::size_t w = 0; w < q; ++w) {
        std::copy(c.at(w), c.at(w) + c.limbs, minus.data() + w * c.limbs);
        if (w >= wi) detail::limbs_sub(minus.data() + w * c.limbs, minus.data() + (w - wi) * c.limbs, c.limbs);
      }
      std::fill(acc.begin(), acc.end(), 0);
      for (std::size_t w = q - wi; w < q; ++w) acc[c.limbs] += detail::limbs_add(acc.data(), minus.data() + w * c.limbs, c.limbs);
      eta = detail::biguint::from_limbs(acc.data(), c.limbs + 1);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (g.weights[i] == wi64) swings[i] = eta;
  }
  return swings;
}

namespace detail {
/// Exact Shapley–Shubik numerators N_i with φ_i = N_i / n!, by the size-and-weight DP.
inline std::vector<biguint> shapley_shubik_numerators(const weighted_game& g) {
  const std::size_t n = g.weights.size();
  const auto q = static_cast<std::size_t>(g.quota);
  const std::size_t L = n / 64 + 1;
  // c[k][w]: subsets of size k, weight w < q
  std::vector<std::uint64_t> c((n + 1) * q * L, 0);
  auto at = [&](std::vector<std::uint64_t>& v, std::size_t k, std::size_t w) { return v.data() + (k * q + w) * L; };
  at(c, 0, 0)[0] = 1;
  for (std::size_t j = 0; j < n; ++j) {
    const auto wj = static_cast<std::size_t>(g.weights[j]);
    if (wj >= q) continue;
    for (std::size_t k = j + 1; k-- > 0;)
      for (std::size_t w = q; w-- > wj;) limbs_add(at(c, k + 1, w), at(c, k, w - wj), L);
  }
  std::vector<biguint> fact(n + 1, biguint(1));
  for (std::size_t k = 1; k <= n; ++k) fact[k] = fact[k - 1] * biguint(k);
  std::vector<biguint> out(n);
  std::vector<std::int64_t> distinct(g.weights);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::uint64_t> minus((n + 1) * q * L, 0), acc(L + 1);
  for (std::int64_t wi64 : distinct) {
    const auto wi = static_cast<std::size_t>(wi64);
    if (wi == 0) continue;
    biguint num;
    for (std::size_t k = 0; k + 1 <= n; ++k) {
      // c_{−i}[k][w] = c[k][w] − c_{−i}[k−1][w − wi]  (when wi < q; else c_{−i} = c)
      for (std::size_t w = 0; w < q; ++w) {
        std::copy(at(c, k, w), at(c, k, w) + L, at(minus, k, w));
        if (wi < q && k >= 1 && w >= wi) limbs_sub(at(minus, k, w), at(minus, k - 1, w - wi), L);
      }
      std::fill(acc.begin(), acc.end(), 0);
      for (std::size_t w = wi >= q ? 0 : q - wi; w < q; ++w) acc[L] += limbs_add(acc.data(), at(minus, k, w), L);
      biguint s = biguint::from_limbs(acc.data(), L + 1);
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
  // Banzhaf
  auto swings = banzhaf_swings(g);
  detail::biguint sum;
  for (const auto& s : swings) sum += s;
  r.total_swings = sum.str();
  const auto half = detail::biguint::pow2(n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    auto& p = r.players[i];
    p.swings = swings[i].str();
    p.null_player = swings[i].is_zero();
    p.banzhaf = sum.is_zero() ? 0.0 : detail::ratio(swings[i], sum);
    p.banzhaf_exact = sum.is_zero() ? "0" : detail::fraction_str(swings[i], sum);
    p.banzhaf_absolute = detail::ratio(swings[i], half);
    p.banzhaf_absolute_exact = detail::fraction_str(swings[i], half);
  }
  // Shapley–Shubik
  const double ss_cost = static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(g.quota) *
                         static_cast<double>(n / 64 + 1);
  if (ss_cost <= static_cast<double>(opt.exact_budget)) {
    auto num = detail::shapley_shubik_numerators(g);
    detail::biguint nf(1);
    for (std::size_t k = 2; k <= n; ++k) nf = nf * detail::biguint(k);
    for (std::size_t i = 0; i < n; ++i) {
      r.players[i].shapley_shubik = detail::ratio(num[i], nf);
      r.players[i].shapley_shubik_exact = detail::fraction_str(num[i], nf);
    }
  } else {
    auto s = sample_voting_power(g, opt.samples, opt.confidence, opt.seed);
    r.shapley_shubik_exact = false;
    r.shapley_shubik_error = s.error;
    r.shapley_shubik_samples = s.samples;
    r.confidence = s.confidence;
    for (std::size_t i = 0; i < n; ++i) r.players[i].shapley_shubik = s.shapley_shubik[i];
    r.note = "Shapley–Shubik sampled: each value within ±" + std::to_string(s.error) + " with probability " +
             std::to_string(s.confidence) + " (Hoeffding). ";
  }
  // Deegan–Packel and PGI
  if (n <= std::min<std::size_t>(opt.mwc_player_limit, 40)) {
    detail::mwc_enumerator e{g.weights, {}, {}, g.quota, opt.mwc_node_budget, 0, 0, {}, {}, false};
    e.run();
    if (!e.aborted && e.total > 0) {
      r.minimal_winning_coalitions = e.total;
      std::uint64_t pgi_sum = 0;
      detail::int128 lcm = 1;
      for (std::size_t k = 2; k <= n; ++k) {
        detail::int128 x = lcm, y = static_cast<detail::int128>(k);
        while (y) {
          detail::int128 t = x % y;
          x = y;
          y = t;
        }
        lcm = lcm / x * static_cast<detail::int128>(k);
      }
      for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t cnt = 0;
        detail::int128 dp = 0;  // Σ_S∋i lcm/|S|
        for (std::size_t s = 1; s <= n; ++s) {
          cnt += e.by_size[i][s];
          dp += static_cast<detail::int128>(e.by_size[i][s]) * (lcm / static_cast<detail::int128>(s));
        }
        r.players[i].minimal_winning_coalitions = cnt;
        pgi_sum += cnt;
        detail::int128 den = lcm * static_cast<detail::int128>(e.total);
        r.players[i].deegan_packel = static_cast<double>(static_cast<long double>(dp) / static_cast<long double>(den));
        r.players[i].deegan_packel_exact = detail::int128_fraction(dp, den);
      }
      for (std::size_t i = 0; i < n; ++i) {
        auto cnt = r.players[i].minimal_winning_coalitions;
        r.players[i].public_good = static_cast<double>(cnt) / static_cast<double>(pgi_sum);
        r.players[i].public_good_exact = detail::int128_fraction(cnt, pgi_sum);
      }
    } else if (e.aborted) {
      r.note += "Deegan–Packel and PGI not computed: more than " + std::to_string(opt.mwc_node_budget) +
                " search nodes for the minimal winning coalitions. ";
    }
  } else {
    r.note += "Deegan–Packel and PGI not computed: " + std::to_string(n) + " players exceed the enumeration limit of " +
              std::to_string(std::min<std::size_t>(opt.mwc_player_limit, 40)) + ". ";
  }
  return r;
}

/// @brief The weighted game of a body: one player per holder organisation (its seats' votes added,
/// as a delegation votes together) or, with `per_seat`, one per seat. A seat held for an
/// `unknown_group` (members the sources do not name) stands for that many members with one vote
/// each, so it becomes that many one-vote players, not one bloc.
/// Quota: the body's stated quota, else by its rule (majority and weighted votes: simple majority;
/// qualified majority: two-thirds; consensus: unanimity; unknown: simple majority, noted).
/// @throws invalid_model when the body has no voting seats.
inline weighted_game game_of(const model& m, body_index b, quota_spec spec, bool per_seat = false, std::string* how = nullptr) {
  weighted_game g;
  std::vector<organisation_index> holders;
  for (const auto& s : m.seats()) {
    if (s.body != b || s.votes <= 0) continue;
    if (m[s.holder].kind == organisation_kind::unknown_group) {
      // a remainder of unnamed members: each votes on its own, one vote apiece
      for (std::int64_t k = 0; k < s.votes; ++k) {
        g.players.push_back(m[s.holder].id + " #" + std::to_string(k + 1));
        g.weights.push_back(1);
      }
      continue;
    }
    if (!per_seat) {
      auto it = std::find(holders.begin(), holders.end(), s.holder);
      if (it != holders.end()) {
        g.weights[static_cast<std::size_t>(it - holders.begin())] += s.votes;
        continue;
      }
      holders.push_back(s.holder);
      g.players.push_back(m[s.holder].id);
    } else {
      g.players.push_back(m[s.holder].id + (s.role.empty() ? "" : " (" + s.role + ")"));
    }
    g.weights.push_back(s.votes);
  }
  if (g.weights.empty())
    throw invalid_model(error_code::missing_member, "/bodies/" + std::to_string(b.value) + "/seats",
                        "body \"" + m[b].id + "\" has no seats with votes");
  std::string text;
  if (spec.rule == quota_rule::body) {
    const auto& bd = m[b];
    if (bd.quota) {
      spec = {quota_rule::fraction, *bd.quota};
      text = "body quota " + bd.quota->str();
    } else if (bd.rule == decision_rule::qualified_majority) {
      spec = {quota_rule::two_thirds, {}};
      text = "qualified majority (two-thirds)";
    } else if (bd.rule == decision_rule::consensus) {
      spec = {quota_rule::unanimity, {}};
      text = "consensus (unanimity)";
    } else if (bd.rule) {
      spec = {quota_rule::majority, {}};
      text = std::string(to_string(*bd.rule)) + " (simple majority)";
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

/// @brief JSON of a voting-power result: doubles for reading, exact fractions as strings.
inline nlohmann::ordered_json to_json(const voting_power_result& r) {
  using oj = nlohmann::ordered_json;
  oj ps = oj::array();
  for (const auto& p : r.players) {
    oj j{{"player", p.player}, {"weight", p.weight}, {"swings", p.swings},
         {"banzhaf", p.banzhaf}, {"banzhaf_exact", p.banzhaf_exact},
         {"banzhaf_absolute", p.banzhaf_absolute}, {"banzhaf_absolute_exact", p.banzhaf_absolute_exact},
         {"shapley_shubik", p.shapley_shubik}};
    if (!p.shapley_shubik_exact.empty()) j["shapley_shubik_exact"] = p.shapley_shubik_exact;
    if (p.deegan_packel) j["deegan_packel"] = *p.deegan_packel, j["deegan_packel_exact"] = p.deegan_packel_exact;
    if (p.public_good) j["public_good"] = *p.public_good, j["public_good_exact"] = p.public_good_exact;
    j["veto"] = p.veto;
    j["dictator"] = p.dictator;
    j["null_player"] = p.null_player;
    ps.push_back(std::move(j));
  }
  oj out{{"quota", r.game.quota}, {"total_votes", r.game.total()}, {"quota_rule", r.quota_rule},
         {"players", std::move(ps)}, {"total_swings", r.total_swings}};
  if (r.minimal_winning_coalitions) out["minimal_winning_coalitions"] = *r.minimal_winning_coalitions;
  out["shapley_shubik_method"] = r.shapley_shubik_exact ? "exact" : "sampled";
  if (!r.shapley_shubik_exact)
    out["shapley_shubik_error"] = {{"half_width", r.shapley_shubik_error}, {"confidence", r.confidence}, {"samples", r.shapley_shubik_samples}};
  if (!r.note.empty()) out["note"] = r.note;
  return out;
}

/// @brief A table: one row per player, indices in percent, flags. `plain_words` writes the flags
/// for readers outside game theory ("decides alone", "never decisive", "veto") instead of
/// "dictator" and "null".
inline text_table voting_power_table(const voting_power_result& r, bool plain_words = false) {
  using a = text_table::align;
  text_table t({"player", "votes", "vote share", "Banzhaf", "abs. Banzhaf", "Shapley–Shubik", "Deegan–Packel", "PGI", "flags"},
               {a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  auto pct = [](double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f %%", x * 100.0);
    return std::string(b);
  };
  const double total = static_cast<double>(r.game.total());
  for (const auto& p : r.players) {
    std::string flags;
    if (p.dictator) flags = plain_words ? "decides alone" : "dictator";
    else if (p.veto) flags = "veto";
    if (p.null_player) flags += (flags.empty() ? "" : ", ") + std::string(plain_words ? "never decisive" : "null");
    t.row({p.player, std::to_string(p.weight), pct(static_cast<double>(p.weight) / total), pct(p.banzhaf), pct(p.banzhaf_absolute),
           pct(p.shapley_shubik), p.deegan_packel ? pct(*p.deegan_packel) : "–", p.public_good ? pct(*p.public_good) : "–", flags});
  }
  return t;
}

}  // namespace orgmodel
