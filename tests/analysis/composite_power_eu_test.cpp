// The Council of the European Union under the Lisbon rules (Art. 16(4) TEU, Art. 238(3) TFEU): a
// qualified majority is at least 55 % of the member states representing at least 65 % of the
// population; a blocking minority must include at least four states, so n − 3 states adopt an act
// whatever their population. The population table: each state's share of the EU-28 population for
// 2016 in hundredths of a percent, as set by the Council on 8 December 2015 (Council Decision (EU,
// Euratom) 2015/2393 amending Annex III of its Rules of Procedure; the shares as reported by Agence
// Europe, Europe Daily Bulletin No. 11449, 9 December 2015; total 508 940 955 inhabitants).
//
// Published values compared:
// - Kirsch, "Brexit and the distribution of power in the Council of the EU", CEPS Commentary,
//   25 November 2016 (Banzhaf index, EU-28 against EU-27 without the United Kingdom, the same
//   population figures): "the strongest winner is Poland with almost a 29% gain"; "all states with
//   a population of less than 4.5 million lose in power, with Ireland neither winning nor losing".
// - The proportion of winning coalitions of the EU-27 rule, 13.2 % (abstract of a study of reforms
//   of the Council's qualified majority, https://www.zhuanzhiai.com/paper/7a9d0f4eec47ce7dd99b04a2fcf7e798,
//   on later population figures; the share of winning coalitions moves little with the figures).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "orgmodel/analysis/composite_power.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {

struct eu_state {
  const char* name;
  std::int64_t share;  // hundredths of a percent of the EU-28 population, 2016
};

const std::vector<eu_state>& eu28_2016() {
  static const std::vector<eu_state> t = {
      {"Germany", 1593}, {"France", 1304}, {"United Kingdom", 1273}, {"Italy", 1207}, {"Spain", 912},
      {"Poland", 747}, {"Romania", 390}, {"Netherlands", 337}, {"Belgium", 221}, {"Greece", 213},
      {"Czech Republic", 205}, {"Portugal", 204}, {"Hungary", 194}, {"Sweden", 192}, {"Austria", 169},
      {"Bulgaria", 142}, {"Denmark", 111}, {"Finland", 108}, {"Slovakia", 106}, {"Ireland", 91},
      {"Croatia", 83}, {"Lithuania", 57}, {"Slovenia", 41}, {"Latvia", 39}, {"Estonia", 26},
      {"Cyprus", 17}, {"Luxembourg", 11}, {"Malta", 8}};
  return t;
}

/// The Lisbon rule for the states of the table except `without` (empty: all of them).
om::composite_game lisbon_council(const std::string& without) {
  om::composite_game g;
  om::criterion states{"members", {}, 0}, population{"population", {}, 0};
  std::int64_t total = 0;
  for (const auto& s : eu28_2016()) {
    if (s.name == without) continue;
    g.players.emplace_back(s.name);
    states.weights.push_back(1);
    population.weights.push_back(s.share);
    total += s.share;
  }
  const auto n = static_cast<std::int64_t>(g.players.size());
  states.quota = (55 * n + 99) / 100;              // ⌈0.55·n⌉: 16 of 28, 15 of 27
  population.quota = (65 * total + 99) / 100;      // ⌈0.65·total⌉
  g.criteria = {states, population};
  g.members_suffice = n - 3;                       // a blocking minority needs four states
  return g;
}

double banzhaf_of(const om::voting_power_result& r, const std::string& name) {
  for (const auto& p : r.players)
    if (p.player == name) return p.banzhaf;
  ADD_FAILURE() << name;
  return 0;
}

}  // namespace

TEST(CompositePowerEu, LisbonRuleBrexitMatchesKirsch2016) {
  const auto eu28 = om::composite_voting_power(lisbon_council(""));
  const auto eu27 = om::composite_voting_power(lisbon_council("United Kingdom"));
  ASSERT_EQ(eu28.players.size(), 28u);
  ASSERT_EQ(eu27.players.size(), 27u);
  EXPECT_EQ(eu28.banzhaf_method, "exact (DP): over coalition size and weight");
  EXPECT_EQ(eu27.shapley_shubik_method, "exact (DP): over coalition size and weight");
  EXPECT_EQ(eu27.deegan_packel_method, "exact (DP): minimal winning coalitions by size and weight");
  EXPECT_EQ(eu27.quota_rule, "members ≥ 15 and population ≥ 5674, or at least 24 members");
  // relative change of the Banzhaf index of every remaining state
  std::string top;
  double top_gain = -1;
  for (const auto& s : eu28_2016()) {
    const std::string name = s.name;
    if (name == "United Kingdom") continue;
    const double gain = banzhaf_of(eu27, name) / banzhaf_of(eu28, name) - 1;
    SCOPED_TRACE(name + " " + std::to_string(gain));
    if (gain > top_gain) top_gain = gain, top = name;
    // 4.5 million of 508.9 million inhabitants are 0.884 %: Croatia (0.83 %) and every smaller state lose
    if (s.share < 88) EXPECT_LT(gain, 0.0);
    else if (name == "Ireland") EXPECT_NEAR(gain, 0.0, 0.005);  // "neither winning nor losing"
    else EXPECT_GT(gain, 0.0);
  }
  EXPECT_EQ(top, "Poland");  // "the strongest winner is Poland with almost a 29% gain"
  EXPECT_GT(top_gain, 0.28);
  EXPECT_LT(top_gain, 0.29);
  // the proportion of winning coalitions of the EU-27 rule: 13.2 %
  EXPECT_NEAR(eu27.coleman_act, 0.132, 0.001);
  // Shapley–Shubik values are a probability distribution over the states
  double ss = 0;
  for (const auto& p : eu27.players) ss += p.shapley_shubik;
  EXPECT_NEAR(ss, 1.0, 1e-12);
}

TEST(CompositePowerEu, BlockingMinorityFromTheModel) {
  // tests/fixtures/power_double_majority.json: A, B, C with 60, 30 and 10 inhabitants; at least 2/3 of
  // the members and 65 % of the population. With a blocking minority of two members, any two of the
  // three decide (3 − 2 + 1 = 2), so {B, C} (40 inhabitants) wins as well: every pair and the three
  // win, the game is symmetric — Banzhaf and Shapley–Shubik 1/3 each, Coleman's power to act 4/8.
  auto text = om::read_text_file(std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/power_double_majority.json");
  const std::string key = "\"majorities\":";
  text.insert(text.find(key), "\"blocking_minority\": 2, ");
  const auto m = om::from_json(text);
  const auto b = *m.find_body("consultation");
  const auto g = om::composite_game_of(m, b);
  EXPECT_EQ(g.members_suffice, 2);
  const auto r = om::body_composite_power(m, b);
  for (const auto& p : r.players) {
    EXPECT_EQ(p.banzhaf_exact, "1/3");
    EXPECT_EQ(p.shapley_shubik_exact, "1/3");
    EXPECT_FALSE(p.veto);
  }
  EXPECT_EQ(r.coleman_act_exact, "1/2");
  // a blocking minority larger than the body: a typed error naming the member
  auto bad = text;
  bad.replace(bad.find("\"blocking_minority\": 2"), 22, "\"blocking_minority\": 4");
  try {
    (void)om::composite_game_of(om::from_json(bad), b);
    ADD_FAILURE() << "no error";
  } catch (const om::invalid_model& e) {
    EXPECT_NE(std::string(e.what()).find("blocking minority of 4"), std::string::npos) << e.what();
    EXPECT_EQ(e.pointer(), "/bodies/0/blocking_minority");
  }
  // a blocking minority without required majorities is rejected when the model is read
  auto alone = text;
  const auto from = alone.find(key), to = alone.find("\"seats\"");
  alone.erase(from, to - from);
  try {
    (void)om::from_json(alone);
    ADD_FAILURE() << "no error";
  } catch (const om::invalid_model& e) {
    EXPECT_EQ(e.pointer(), "/bodies/0/blocking_minority") << e.what();
  }
}

TEST(CompositePowerEu, SixtyTwoMembersAtTheDpsWordLimit) {
  // 62 members of equal population, at least 32 members and 63 of 124 inhabitants: the simple
  // majority [32; 1, …, 1] at the size-and-weight DP's limit (counts below 2^62). Each member swings
  // for the coalitions of exactly 31 of the 61 others, C(61, 31) = 61!/(31!·30!) =
  // 232714176627630544; all 62 together 14428278950913093728 (above 2^63); by symmetry every
  // Banzhaf share and Shapley–Shubik value is 1/62.
  om::composite_game g{{{"members", std::vector<std::int64_t>(62, 1), 32}, {"population", std::vector<std::int64_t>(62, 2), 63}}, {}};
  const auto r = om::composite_voting_power(g);
  EXPECT_EQ(r.shapley_shubik_method, "exact (DP): over coalition size and weight");
  EXPECT_EQ(r.players[0].swings, "232714176627630544");
  EXPECT_EQ(r.total_swings, "14428278950913093728");
  EXPECT_EQ(r.players[61].banzhaf_exact, "1/62");
  EXPECT_EQ(r.players[7].shapley_shubik_exact, "1/62");
  EXPECT_EQ(r.public_good_method, "not computed");  // the minimal-winning DP stops at 40 members
}
