#pragma once
/// @file
/// @brief Ownership results as JSON and tables (analysis/ownership.hpp computes them).

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/ownership.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/json_values.hpp"
#include "orgmodel/present/table.hpp"

namespace orgmodel {

namespace detail {
inline nlohmann::ordered_json bounds_json(double lo, double hi) {
  auto num = [](double x) -> nlohmann::ordered_json {
    if (std::isinf(x)) return "unbounded";
    return x;
  };
  return {{"low", num(lo)}, {"high", num(hi)}};
}
}  // namespace detail

/// @brief A share range as a cell: the percentage to read; in CSV the decimal when exact, else "low–high".
inline table_cell share_cell(const share_range& r) {
  return {format_percent(r), r.exact() ? format_number(r.low.value()) : format_number(r.low.value()) + "–" + format_number(r.high.value())};
}

/// @brief JSON of direct ownership: exact fractions as strings ("1/52"), ranges as {minimum, maximum}.
inline nlohmann::ordered_json to_json(const direct_ownership_result& r) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const auto& c : r.companies) {
    nlohmann::ordered_json owners = nlohmann::ordered_json::array();
    for (const auto& o : c.owners) {
      nlohmann::ordered_json j{{"owner", o.owner_id}, {"equity", range_json(o.equity)}, {"votes", range_json(o.votes)}};
      if (o.source != provenance::stated) j["provenance"] = to_string(o.source);
      owners.push_back(std::move(j));
    }
    a.push_back({{"company", c.company_id},
                 {"owners", std::move(owners)},
                 {"equity_total", range_json(c.equity_total)},
                 {"votes_total", range_json(c.votes_total)},
                 {"equity_unallocated", range_json(c.equity_unallocated)},
                 {"votes_unallocated", range_json(c.votes_unallocated)},
                 {"votes_differ_from_equity", c.votes_differ},
                 {"has_ranges", c.has_ranges},
                 {"upper_bounds_exceed_whole", c.equity_ranges_exceed_whole || c.votes_ranges_exceed_whole}});
  }
  return a;
}

/// @brief JSON of one company's ultimate owners.
inline nlohmann::ordered_json to_json(const company_ultimate_owners& c) {
  nlohmann::ordered_json hs = nlohmann::ordered_json::array();
  for (const auto& h : c.holders) {
    nlohmann::ordered_json chains = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < h.chains.size(); ++i)
      chains.push_back({{"path", h.chains[i]}, {"share", detail::bounds_json(h.chain_shares[i].first, h.chain_shares[i].second)}});
    hs.push_back({{"holder", h.id}, {"name", h.name}, {"share", detail::bounds_json(h.low, h.high)},
                  {"certainly_above_threshold", h.certain}, {"chains", std::move(chains)}, {"explained_low", h.explained_low}});
  }
  return {{"company", c.company_id}, {"measure", to_string(c.measure)}, {"threshold", c.threshold},
          {"upper_bounds_unknown", c.upper_bounds_unknown}, {"ultimate_owners", std::move(hs)}};
}

/// @brief JSON of the whole ownership analysis.
inline nlohmann::ordered_json to_json(const ownership_analysis& a) {
  nlohmann::ordered_json cs = nlohmann::ordered_json::array();
  for (const auto& c : a.companies) cs.push_back(to_json(c));
  return {{"measure", to_string(a.options.measure)},
          {"threshold", a.options.threshold},
          {"direct", to_json(a.direct)},
          {"ultimate", std::move(cs)},
          {"closed_groups", a.closed_groups},
          {"components", {{"count", a.sccs.components}, {"cyclic", a.sccs.cyclic_components}, {"largest", a.sccs.largest}}},
          {"bounds", "low/high: every consistent choice of exact shares within the stated ranges gives a value "
                     "between them, entry by entry; they need not be reached at the same time"}};
}

/// @brief Direct ownership as a table: one row per holding, then the company's total and remainder.
/// With the model `names`, organisations read by name and keep their id in CSV and JSON.
inline text_table to_table(const direct_ownership_result& r, const model* names = nullptr) {
  text_table t({"company", "owner", "equity", "votes", "note"},
               {text_table::align::left, text_table::align::left, text_table::align::right, text_table::align::right});
  auto org = [&](organisation_index i, const std::string& id) { return names ? table_cell{(*names)[i].name, id} : table_cell{id}; };
  for (const auto& c : r.companies) {
    for (const auto& o : c.owners)
      t.row({org(c.company, c.company_id), org(o.owner, o.owner_id), share_cell(o.equity), share_cell(o.votes),
             std::string(o.votes_differ ? "votes ≠ equity" : "") + (o.source != provenance::stated ? std::string(o.votes_differ ? "; " : "") + std::string(to_string(o.source)) : "")});
    t.row({org(c.company, c.company_id), "(total)", share_cell(c.equity_total), share_cell(c.votes_total),
           c.equity_ranges_exceed_whole ? "upper bounds add up to more than 100 %" : ""});
    // A remainder of 0–100 % says nothing when no share is known (BizMaker AB's owners, L1701-1702).
    const bool says_nothing = c.equity_unallocated.low.numerator() == 0 && c.equity_unallocated.high == share::one() &&
                              c.votes_unallocated.low.numerator() == 0 && c.votes_unallocated.high == share::one();
    if (!says_nothing)
      t.row({org(c.company, c.company_id), "(unallocated)", share_cell(c.equity_unallocated), share_cell(c.votes_unallocated), ""});
  }
  return t;
}

/// @brief Ultimate owners as a table: one row per company and holder at or above the threshold.
inline text_table to_table(const ownership_analysis& a) {
  text_table t({"company", "ultimate owner", "share", "above threshold", "top chain"},
               {text_table::align::left, text_table::align::left, text_table::align::right});
  for (const auto& c : a.companies) {
    for (const auto& h : c.holders) {
      std::string chain;
      if (!h.chains.empty())
        for (std::size_t i = 0; i < h.chains[0].size(); ++i) chain += (i ? " → " : "") + h.chains[0][i];
      t.row({table_cell{c.company_name.empty() ? c.company_id : c.company_name, c.company_id},
             table_cell{h.name.empty() ? h.id : h.name, h.id}, format_percent_range(h.low, h.high), h.certain ? "certainly" : "possibly", chain});
    }
    if (c.holders.empty()) t.row({c.company_id, "(none)", "", "", ""});
    if (c.upper_bounds_unknown) t.row({c.company_id, "(upper bounds unknown)", "", "", "cross-holdings may keep it all inside"});
  }
  return t;
}

}  // namespace orgmodel
