#pragma once
/// @file
/// @brief Control results as JSON and tables (analysis/control.hpp computes them).

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/control.hpp"
#include "orgmodel/present/table.hpp"

namespace orgmodel {

/// @brief JSON of control: per owner the companies it controls with chains, per company its controllers.
inline nlohmann::ordered_json to_json(const control_result& r) {
  using oj = nlohmann::ordered_json;
  auto range = [](const share_range& s) -> oj {
    if (s.exact()) return s.low.str();
    return {{"minimum", s.low.str()}, {"maximum", s.high.str()}};
  };
  oj owners = oj::array();
  for (const auto& o : r.owners) {
    oj ls = oj::array();
    for (const auto& l : o.controls) {
      oj contrib = oj::array();
      for (const auto& [id, v] : l.contributors) contrib.push_back({{"holder", id}, {"votes", range(v)}});
      ls.push_back({{"company", l.company_id}, {"certain", l.certain}, {"bloc_votes", {{"low", l.bloc_votes_low.str()}, {"high", l.bloc_votes_high.str()}}},
                    {"chain", l.chain}, {"contributors", std::move(contrib)}});
    }
    owners.push_back({{"owner", o.id}, {"controls", std::move(ls)}});
  }
  oj cs = oj::array();
  for (const auto& c : r.companies)
    cs.push_back({{"company", c.id}, {"certain_controllers", c.certain_controllers}, {"possible_controllers", c.possible_controllers},
                  {"ultimate_controllers", c.ultimate_controllers}});
  return {{"rule", "X controls Y when X and the companies X controls hold more than 50 % of Y's votes (least fixpoint)"},
          {"owners", std::move(owners)}, {"companies", std::move(cs)}};
}

/// @brief Control as a table: one row per (controller, company).
inline text_table to_table(const control_result& r) {
  text_table t({"controller", "company", "control", "bloc votes", "chain"});
  for (const auto& o : r.owners)
    for (const auto& l : o.controls) {
      std::string chain;
      for (std::size_t i = 0; i < l.chain.size(); ++i) chain += (i ? " → " : "") + l.chain[i];
      std::string votes = l.bloc_votes_low == l.bloc_votes_high ? l.bloc_votes_low.str() : l.bloc_votes_low.str() + "–" + l.bloc_votes_high.str();
      t.row({o.id, l.company_id, l.certain ? "certain" : "possible", votes, chain});
    }
  return t;
}

}  // namespace orgmodel
