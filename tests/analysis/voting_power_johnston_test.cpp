// Johnston's index beyond the enumeration of all coalitions (n > 22): the DP over size and weight
// against a count over how many players of each weight class a coalition takes. Players of one
// class are interchangeable, so a coalition taking t_c of the m_c players of class c (weight v_c)
// stands for Π C(m_c, t_c) coalitions; its weight W decides everything: it wins when W ≥ q, and
// its critical members are those of the classes with v_c > W − q (they lose the vote when they
// leave). A given player of class a is in C(m_a − 1, t_a − 1)·Π_{b≠a} C(m_b, t_b) of them.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "orgmodel/analysis/voting_power.hpp"

namespace om = orgmodel;

namespace {

struct weight_class {
  std::int64_t weight;
  std::uint64_t count;
};

std::uint64_t binomial_small(std::uint64_t m, std::uint64_t t) {
  std::uint64_t r = 1;
  for (std::uint64_t k = 1; k <= t; ++k) r = r * (m - t + k) / k;  // exact: C(m−t+k, k) at each step
  return r;
}

/// Johnston index of a member of each class, as reduced fractions, by the class count above.
std::vector<std::string> johnston_by_class_counts(const std::vector<weight_class>& cls, std::int64_t q) {
  using om::detail::biguint;
  std::uint64_t n = 0;
  for (const auto& c : cls) n += c.count;
  const biguint lcm = om::detail::lcm_upto(n);
  std::vector<biguint> num(cls.size());
  biguint vulnerable;
  std::vector<std::uint64_t> t(cls.size(), 0);
  for (;;) {
    std::int64_t w = 0;
    biguint ways(1);
    for (std::size_t c = 0; c < cls.size(); ++c) w += static_cast<std::int64_t>(t[c]) * cls[c].weight, ways = ways * biguint(binomial_small(cls[c].count, t[c]));
    std::uint64_t critical = 0;
    if (w >= q)
      for (std::size_t c = 0; c < cls.size(); ++c)
        if (cls[c].weight > w - q) critical += t[c];
    if (critical) {
      vulnerable += ways;
      biguint share = lcm;
      share.divmod_small(critical);
      for (std::size_t a = 0; a < cls.size(); ++a) {
        if (t[a] == 0 || cls[a].weight <= w - q) continue;
        biguint with_a(1);
        for (std::size_t b = 0; b < cls.size(); ++b)
          with_a = with_a * biguint(b == a ? binomial_small(cls[b].count - 1, t[b] - 1) : binomial_small(cls[b].count, t[b]));
        num[a] += with_a * share;
      }
    }
    std::size_t c = 0;  // next vector t, odometer style
    while (c < cls.size() && t[c] == cls[c].count) t[c++] = 0;
    if (c == cls.size()) break;
    ++t[c];
  }
  std::vector<std::string> out;
  for (const auto& x : num) out.push_back(om::detail::big_fraction::make(x, lcm * vulnerable).str());
  return out;
}

}  // namespace

TEST(VotingPowerJohnston, DpMatchesAClassCountBeyondTheEnumerationLimit) {
  const std::vector<weight_class> cls{{7, 5}, {3, 17}, {1, 40}};  // 62 players, 126 votes
  for (std::int64_t q : {64, 84, 100, 126}) {  // majority, two-thirds, 100 votes, unanimity
    om::weighted_game g;
    for (const auto& c : cls) g.weights.insert(g.weights.end(), c.count, c.weight);
    g.quota = q;
    const auto r = om::voting_power(g, {.exact_budget = 0, .samples = 1000});
    ASSERT_EQ(r.johnston_method, "exact (DP): critical members by size and weight");
    const auto expect = johnston_by_class_counts(cls, q);
    SCOPED_TRACE("quota " + std::to_string(q));
    EXPECT_EQ(r.players[0].johnston_exact, expect[0]);
    EXPECT_EQ(r.players[5].johnston_exact, expect[1]);
    EXPECT_EQ(r.players[61].johnston_exact, expect[2]);
  }
  // unanimity by hand: only the grand coalition wins and every member is critical: 1/62 each
  EXPECT_EQ(johnston_by_class_counts(cls, 126)[2], "1/62");
}

TEST(VotingPowerJohnston, MethodsAreStatedForEveryRoute) {
  om::weighted_game g{{4, 3, 2, 1}, 6, {}};
  // the default: every index by DP
  const auto d = om::voting_power(g);
  EXPECT_EQ(d.banzhaf_method, "exact (DP): generating function over total weight");
  EXPECT_EQ(d.shapley_shubik_method, "exact (DP): generating function by size and weight");
  EXPECT_EQ(d.johnston_method, "exact (DP): critical members by size and weight");
  // without the DP budgets, four players are enumerated: all 16 coalitions
  const auto e = om::voting_power(g, {.exact_budget = 0, .dp_word_budget = 0});
  EXPECT_EQ(e.shapley_shubik_method, "exact (enumeration): all 16 coalitions");
  EXPECT_EQ(e.johnston_method, "exact (enumeration): all 16 coalitions");
  EXPECT_EQ(e.deegan_packel_method, "exact (enumeration): minimal winning coalitions");
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(e.players[i].shapley_shubik_exact, d.players[i].shapley_shubik_exact);
    EXPECT_EQ(e.players[i].johnston_exact, d.players[i].johnston_exact);
  }
  // and beyond the enumeration limit as well: sampled, with the half-width in the method
  const auto s = om::voting_power(g, {.exact_budget = 0, .samples = 20000, .dp_word_budget = 0, .johnston_player_limit = 2});
  EXPECT_EQ(s.shapley_shubik_method.rfind("sampled ± 0.012 (99% confidence): 20000 random orders", 0), 0u) << s.shapley_shubik_method;
  EXPECT_EQ(s.johnston_method, "not computed");
}

TEST(VotingPowerJohnston, LargeQuotaSmallBodyIsEnumeratedNotTabulated) {
  // [26·10⁶; 20·10⁶, 15·10⁶, 10·10⁶, 5·10⁶] is the game [6; 4, 3, 2, 1]: a coalition of weight
  // 5·10⁶·W wins iff 5·10⁶·W ≥ 26·10⁶ iff W ≥ 6 (W an integer). Tables over 26·10⁶ weights are
  // beyond a budget of 10⁷ words, so every index is enumerated, and each must equal the small
  // game's (computed by its DPs).
  const om::weighted_game big{{20'000'000, 15'000'000, 10'000'000, 5'000'000}, 26'000'000, {}};
  const om::weighted_game small{{4, 3, 2, 1}, 6, {}};
  const auto e = om::voting_power(big, {.dp_word_budget = 10'000'000});
  const auto d = om::voting_power(small);
  for (const auto* m : {&e.banzhaf_method, &e.shapley_shubik_method, &e.johnston_method})
    EXPECT_EQ(*m, "exact (enumeration): all 16 coalitions");
  EXPECT_EQ(e.public_good_method, "exact (enumeration): minimal winning coalitions");
  EXPECT_EQ(e.deegan_packel_method, "exact (enumeration): minimal winning coalitions");
  EXPECT_EQ(d.banzhaf_method, "exact (DP): generating function over total weight");
  EXPECT_EQ(e.coleman_act_exact, d.coleman_act_exact);
  EXPECT_EQ(e.minimal_winning_coalitions_exact, d.minimal_winning_coalitions_exact);
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(e.players[i].swings, d.players[i].swings);
    EXPECT_EQ(e.players[i].banzhaf_exact, d.players[i].banzhaf_exact);
    EXPECT_EQ(e.players[i].coleman_initiate_exact, d.players[i].coleman_initiate_exact);
    EXPECT_EQ(e.players[i].shapley_shubik_exact, d.players[i].shapley_shubik_exact);
    EXPECT_EQ(e.players[i].public_good_exact, d.players[i].public_good_exact);
    EXPECT_EQ(e.players[i].deegan_packel_exact, d.players[i].deegan_packel_exact);
    EXPECT_EQ(e.players[i].johnston_exact, d.players[i].johnston_exact);
  }
  // by hand for [6; 4, 3, 2, 1]: winning {4,3} {4,2} {4,3,2} {4,3,1} {4,2,1} {4,3,2,1} {3,2,1};
  // the player of weight 4 swings in the first five (not in {4,3,2,1}: 6 without it), so 5 swings
  EXPECT_EQ(e.players[0].swings, "5");
  EXPECT_EQ(e.winning_coalitions, "7");
}
