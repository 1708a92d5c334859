#pragma once
/// @file
/// @brief Tables and JSON of the funding analyses (flows, budget checks, tracing, contribution
/// comparisons, allocations), shared by `orgmodel funding`, `orgmodel allocate` and the report.
/// Money in JSON is an exact decimal string ("6162320.00"), as in the model format.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/budget_check.hpp"
#include "orgmodel/analysis/contribution_comparison.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/analysis/funding_trace.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"

namespace orgmodel {

namespace detail {
/// @brief The flags of a flow as short words: "unknown population", "estimated", "capped" …
inline std::vector<std::string> flow_flags(const funding_flow& f) {
  std::vector<std::string> v;
  if (f.unknown_population) v.emplace_back("unknown population");
  if (f.unknown_matched) v.emplace_back("unknown matched flow");
  if (f.uncertain_source()) v.emplace_back(std::string(to_string(f.source)));
  if (f.capped) v.emplace_back("capped");
  if (f.floored) v.emplace_back("floored");
  if (f.period_start_assumed) v.emplace_back("period start assumed");
  return v;
}
/// @brief How a flow was computed, in words: "10.00 × 156 381 (2023)", "1 × 3 081 160" …
inline std::string flow_basis_text(const funding_flow& f) {
  switch (f.basis) {
    case funding_basis::fixed: return "fixed";
    case funding_basis::per_inhabitant:
      return f.rate.str() + " × " + (f.population ? group_thousands(*f.population) : std::string("unknown")) +
             (f.population_year ? " (" + std::to_string(*f.population_year) + ")" : std::string());
    case funding_basis::matching:
      return f.ratio.str() + " × " + (f.matched_sum ? format_amount(*f.matched_sum) : std::string("unknown"));
    case funding_basis::share_of_total:
      return f.ratio.str() + " of total, " + (f.period_total ? format_amount(*f.period_total) : std::string("?")) +
             " over " + std::to_string(f.period_years) + " y (year " + std::to_string(f.period_index + 1) + ")";
  }
  return {};
}
inline std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}
inline nlohmann::ordered_json opt_money(const std::optional<money>& m) {
  return m ? nlohmann::ordered_json(m->str()) : nlohmann::ordered_json(nullptr);
}
}  // namespace detail

/// @brief One row per flow: rule, payer, recipient, basis, computation, amount, flags.
inline text_table flows_table(const model& m, const funding_evaluation& ev) {
  using a = text_table::align;
  text_table t({"rule", "payer", "recipient", "purpose", "basis", "computation", "amount (SEK)", "flags"},
               {a::left, a::left, a::left, a::left, a::left, a::left, a::right, a::left});
  for (const auto& f : ev.flows)
    t.row({m[f.rule].id, m[f.payer].id, m[f.recipient].id, m[f.rule].purpose, std::string(to_string(f.basis)),
           detail::flow_basis_text(f), amount_cell(f.amount), detail::joined(detail::flow_flags(f))});
  return t;
}

/// @brief The evaluation as JSON: every flow with its inputs and flags, and the requirements.
inline nlohmann::ordered_json to_json(const model& m, const funding_evaluation& ev) {
  nlohmann::ordered_json j;
  j["year"] = ev.year;
  j["share_of_total_mode"] = ev.share_mode == share_of_total_mode::per_year ? "per_year" : "whole_period";
  auto& flows = j["flows"] = nlohmann::ordered_json::array();
  for (const auto& f : ev.flows) {
    nlohmann::ordered_json x;
    x["rule"] = m[f.rule].id;
    x["payer"] = m[f.payer].id;
    x["recipient"] = m[f.recipient].id;
    x["purpose"] = m[f.rule].purpose;
    x["basis"] = to_string(f.basis);
    x["amount"] = detail::opt_money(f.amount);
    if (f.capped || f.floored) x["uncapped"] = detail::opt_money(f.uncapped);
    if (f.basis == funding_basis::per_inhabitant) {
      x["rate"] = f.rate.str();
      x["population"] = f.population ? nlohmann::ordered_json(*f.population) : nlohmann::ordered_json(nullptr);
      x["population_year"] = f.population_year ? nlohmann::ordered_json(*f.population_year) : nlohmann::ordered_json(nullptr);
    }
    if (f.basis == funding_basis::matching) {
      x["ratio"] = f.ratio.str();
      x["matches"] = m[f.rule].matches;
      x["matched_sum"] = detail::opt_money(f.matched_sum);
      x["matched_rules"] = f.matched_rules;
    }
    if (f.basis == funding_basis::share_of_total) {
      x["ratio"] = f.ratio.str();
      x["period_total"] = detail::opt_money(f.period_total);
      x["period_years"] = f.period_years;
      x["period_index"] = f.period_index;
    }
    x["provenance"] = to_string(f.source);
    x["flags"] = detail::flow_flags(f);
    flows.push_back(std::move(x));
  }
  auto& req = j["requirements"] = nlohmann::ordered_json::array();
  for (const auto& r : ev.requirements)
    req.push_back({{"rule", m[r.rule].id}, {"payer", m[r.payer].id}, {"recipient", m[r.recipient].id},
                   {"co_funding_min", r.minimum.str()}});
  const auto tot = ev.total();
  j["total"] = tot.known.str();
  j["unknown_flows"] = tot.unknown;
  return j;
}

/// @brief Budget checks as a table.
inline text_table budget_table(const model& m, const std::vector<budget_check>& checks) {
  using a = text_table::align;
  text_table t({"organisation", "year", "income (SEK)", "stated (SEK)", "gap (SEK)", "rate-driven (SEK)", "closing rate (SEK/inh.)", "flag"},
               {a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  for (const auto& c : checks) {
    std::string flag(budget_flag(c));
    if (!c.income.exact()) flag += (flag.empty() ? "" : ", ") + std::to_string(c.income.unknown) + " unknown flow(s)";
    if (c.closing_rate_approximate) flag += (flag.empty() ? "" : ", ") + std::string("caps bind");
    // CSV: the income only when every flow is known; the stated budget's kind is in the JSON.
    t.row({m[c.organisation].id, std::to_string(c.year),
           table_cell{format_amount(c.income.known) + (c.income.exact() ? "" : "+"), c.income.exact() ? c.income.known.str() : ""},
           c.stated ? table_cell{format_amount(*c.stated) + " (" + std::string(to_string(*c.stated_kind)) + ")", c.stated->str()} : table_cell{"none", ""},
           amount_cell(c.gap), amount_cell(c.rate_driven), c.closing_rate ? c.closing_rate->str() : "", flag});
  }
  return t;
}

/// @brief A budget check as JSON.
inline nlohmann::ordered_json to_json(const model& m, const budget_check& c) {
  nlohmann::ordered_json j;
  j["organisation"] = m[c.organisation].id;
  j["year"] = c.year;
  j["income"] = c.income.known.str();
  j["income_unknown_flows"] = c.income.unknown;
  j["stated"] = detail::opt_money(c.stated);
  j["stated_kind"] = c.stated_kind ? nlohmann::ordered_json(to_string(*c.stated_kind)) : nlohmann::ordered_json(nullptr);
  j["stated_provenance"] = to_string(c.stated_source);
  j["gap"] = detail::opt_money(c.gap);
  j["shortfall"] = c.shortfall();
  j["rounding"] = c.rounding.str();
  j["circular"] = c.circular;
  j["flag"] = std::string(budget_flag(c));
  j["rate_driven"] = c.rate_driven.str();
  j["closing_rate"] = detail::opt_money(c.closing_rate);
  j["rate_factor"] = c.rate_factor ? nlohmann::ordered_json(c.rate_factor->str()) : nlohmann::ordered_json(nullptr);
  j["closing_rate_approximate"] = c.closing_rate_approximate;
  return j;
}

/// @brief Traced shares per activity (recipient, purpose), one column per source of interest.
inline text_table trace_table(const model& m, const model_funding_trace& tr) {
  std::vector<std::string> head{"recipient", "purpose", "amount (SEK)"};
  for (auto s : tr.graph.sources) head.push_back(m.organisations()[s].id);
  head.emplace_back("other");
  std::vector<text_table::align> al(head.size(), text_table::align::right);
  al[0] = al[1] = text_table::align::left;
  text_table t(head, al);
  for (const auto& a : tr.activities) {
    std::vector<table_cell> r{m[a.recipient].id, a.purpose, amount_cell(a.amount)};
    for (double s : a.shares) r.push_back(percent_cell(s, 1));
    r.push_back(percent_cell(a.other, 1));
    t.row(std::move(r));
  }
  return t;
}

/// @brief The tracing as JSON: sources, per-organisation shares (where money is traced),
/// activities and cycles.
inline nlohmann::ordered_json to_json(const model& m, const model_funding_trace& tr) {
  nlohmann::ordered_json j;
  j["year"] = tr.year;
  auto& src = j["sources"] = nlohmann::ordered_json::array();
  for (auto s : tr.graph.sources) src.push_back(m.organisations()[s].id);
  auto& orgs = j["organisations"] = nlohmann::ordered_json::array();
  for (std::uint32_t v = 0; v < tr.graph.num_nodes; ++v) {
    if (!tr.graph.has_money(v)) continue;
    nlohmann::ordered_json o;
    o["id"] = m.organisations()[v].id;
    o["inflow"] = money::from_minor(tr.graph.inflow[v]).str();
    o["own"] = money::from_minor(tr.graph.own[v]).str();
    auto& sh = o["shares"] = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < tr.graph.sources.size(); ++k)
      if (tr.graph.share(v, k) > 0) sh[m.organisations()[tr.graph.sources[k]].id] = tr.graph.share(v, k);
    o["other"] = tr.graph.other[v];
    o["in_cycle"] = tr.graph.in_cycle[v] != 0;
    o["closed_circulation"] = tr.graph.closed_circulation[v] != 0;
    orgs.push_back(std::move(o));
  }
  auto& acts = j["activities"] = nlohmann::ordered_json::array();
  for (const auto& a : tr.activities) {
    nlohmann::ordered_json o{{"recipient", m[a.recipient].id}, {"purpose", a.purpose}, {"amount", a.amount.str()}};
    auto& sh = o["shares"] = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < a.shares.size(); ++k) sh[m.organisations()[tr.graph.sources[k]].id] = a.shares[k];
    o["other"] = a.other;
    acts.push_back(std::move(o));
  }
  auto& cyc = j["cycles"] = nlohmann::ordered_json::array();
  for (const auto& c : tr.graph.cycles) {
    auto ids = nlohmann::ordered_json::array();
    for (auto v : c) ids.push_back(m.organisations()[v].id);
    cyc.push_back(std::move(ids));
  }
  j["unknown_flows"] = tr.unknown_flows;
  return j;
}

/// @brief A contribution comparison as a table.
inline text_table contribution_table(const model& m, const std::vector<contribution_comparison>& cs) {
  using a = text_table::align;
  text_table t({"recipient", "payer", "population", "actual (SEK)", "fair (SEK)", "actual − fair (SEK)", "actual per inhabitant (SEK)", "fair per inhabitant (SEK)", "pays"},
               {a::left, a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  t.keys({"recipient", "payer", "population", "actual", "fair", "difference", "actual_per_inhabitant", "fair_per_inhabitant", "pays"});
  for (const auto& c : cs)
    for (const auto& r : c.rows)
      t.row({m[c.recipient].id, m[r.payer].id, count_cell(r.population),
             amount_cell(r.actual), amount_cell(r.fair), amount_cell(r.difference),
             r.actual_per_inhabitant ? format_fixed(*r.actual_per_inhabitant, 2) : "",
             r.fair_per_inhabitant ? format_fixed(*r.fair_per_inhabitant, 2) : "",
             r.difference.minor() > 0 ? "more" : (r.difference.minor() < 0 ? "less" : "its share")});
  return t;
}

/// @brief A contribution comparison as JSON.
inline nlohmann::ordered_json to_json(const model& m, const contribution_comparison& c) {
  nlohmann::ordered_json j{{"recipient", m[c.recipient].id}, {"year", c.year}, {"rule", to_string(c.rule)},
                           {"total", c.total.str()}};
  auto& rows = j["rows"] = nlohmann::ordered_json::array();
  for (const auto& r : c.rows)
    rows.push_back({{"payer", m[r.payer].id},
                    {"population", r.population ? nlohmann::ordered_json(*r.population) : nlohmann::ordered_json(nullptr)},
                    {"actual", r.actual.str()},
                    {"fair", r.fair.str()},
                    {"difference", r.difference.str()}});
  auto& ex = j["excluded"] = nlohmann::ordered_json::array();
  for (auto o : c.excluded) ex.push_back(m[o].id);
  j["unknown_flows"] = c.unknown_flows;
  return j;
}

}  // namespace orgmodel
