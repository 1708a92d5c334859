#pragma once
/// @file
/// @brief Voting-power results as JSON and tables (analysis/voting_power.hpp computes them).

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/voting_power.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"

namespace orgmodel {

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
    if (p.johnston) j["johnston"] = *p.johnston, j["johnston_exact"] = p.johnston_exact;
    j["coleman_prevent"] = p.coleman_prevent;
    j["coleman_prevent_exact"] = p.coleman_prevent_exact;
    j["coleman_initiate"] = p.coleman_initiate;
    j["coleman_initiate_exact"] = p.coleman_initiate_exact;
    j["minimal_winning_coalitions"] = p.minimal_winning_coalitions_exact;
    j["veto"] = p.veto;
    j["dictator"] = p.dictator;
    j["null_player"] = p.null_player;
    ps.push_back(std::move(j));
  }
  oj out{{"quota", r.game.quota}, {"total_votes", r.game.total()}, {"quota_rule", r.quota_rule},
         {"players", std::move(ps)}, {"total_swings", r.total_swings}};
  out["winning_coalitions"] = r.winning_coalitions;
  out["coleman_act"] = r.coleman_act;
  out["coleman_act_exact"] = r.coleman_act_exact;
  if (!r.minimal_winning_coalitions_exact.empty()) out["minimal_winning_coalitions"] = r.minimal_winning_coalitions_exact;
  out["methods"] = {{"banzhaf", r.banzhaf_method}, {"coleman", r.banzhaf_method}, {"shapley_shubik", r.shapley_shubik_method},
                    {"public_good", r.public_good_method}, {"deegan_packel", r.deegan_packel_method}, {"johnston", r.johnston_method}};
  out["shapley_shubik_method"] = r.shapley_shubik_exact ? "exact" : "sampled";
  if (!r.shapley_shubik_exact)
    out["shapley_shubik_error"] = {{"half_width", r.shapley_shubik_error}, {"confidence", r.confidence}, {"samples", r.shapley_shubik_samples}};
  if (!r.note.empty()) out["note"] = r.note;
  return out;
}

/// @brief The method of every index, one line each, as the JSON's "methods" states them.
inline std::string methods_text(const voting_power_result& r) {
  return "Banzhaf and Coleman: " + r.banzhaf_method + "\nShapley–Shubik: " + r.shapley_shubik_method +
         "\nPublic Good Index: " + r.public_good_method + "\nDeegan–Packel: " + r.deegan_packel_method +
         "\nJohnston: " + r.johnston_method + "\n";
}

/// @brief A table: one row per player, indices in percent, flags. `plain_words` writes the flags
/// for readers outside game theory ("decides alone", "never decisive", "veto") instead of
/// "dictator" and "null". With `names`, players are shown by their organisation's name (ids are
/// for JSON and CSV; text is for people); a player not in the model keeps its id.
inline text_table to_table(const voting_power_result& r, bool plain_words = false, const model* names = nullptr) {
  using a = text_table::align;
  text_table t({"player", "votes", "vote share", "Banzhaf", "abs. Banzhaf", "Shapley–Shubik", "Deegan–Packel", "PGI", "Johnston", "flags"},
               {a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  auto pct = [](double x) { return percent_cell(x, 2); };
  const table_cell none{"–", "", cell_kind::number};
  const double total = static_cast<double>(r.game.total());
  for (const auto& p : r.players) {
    std::string flags;
    if (p.dictator) flags = plain_words ? "decides alone" : "dictator";
    else if (p.veto) flags = "veto";
    if (p.null_player) flags += (flags.empty() ? "" : ", ") + std::string(plain_words ? "never decisive" : "null");
    std::string who = p.player;
    if (names)
      if (const auto o = names->find_organisation(p.player)) who = (*names)[*o].name;
    t.row({std::move(who), std::to_string(p.weight), pct(static_cast<double>(p.weight) / total), pct(p.banzhaf), pct(p.banzhaf_absolute),
           pct(p.shapley_shubik), p.deegan_packel ? pct(*p.deegan_packel) : none, p.public_good ? pct(*p.public_good) : none,
           p.johnston ? pct(*p.johnston) : none, flags});
  }
  return t;
}

}  // namespace orgmodel
