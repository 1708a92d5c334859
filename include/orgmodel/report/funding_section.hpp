#pragma once
/// @file
/// @brief The report's funding section: for each model, the evaluated funding of its joint
/// organisation per year (2023–2025), per inhabitant and per member, the budget checks (gaps
/// flagged), and how far the municipal payers are from a population fair share.

#include <array>
#include <cmath>
#include <optional>
#include <sstream>
#include <span>
#include <string>

#include "orgmodel/analysis/budget_check.hpp"
#include "orgmodel/analysis/contribution_comparison.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/core/checked.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/funding.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/report/report_section.hpp"

namespace orgmodel {

/// @brief "3 000 000 SEK a year from 49 payers (1 767 016 inhabitants): 1.70 SEK per inhabitant
/// (3 000 000 / 1 767 016)" — the rate a total financed per inhabitant implies.
[[nodiscard]] inline std::string per_inhabitant_total_text(const model& m, const per_inhabitant_total& t) {
  return format_amount(t.amount) + " SEK" + (t.period_years == 1 ? " a year" : " over " + std::to_string(t.period_years) + " years") +
         " to " + m[t.recipient].name + " from " + std::to_string(t.payers.size()) + " payers (" +
         group_thousands(t.rate.population) + " inhabitants): " + format_amount(t.rate.rate) + " SEK per inhabitant (" +
         format_amount(t.amount) + " / " + group_thousands(t.rate.population) + ")";
}

/// @brief JSON of a total financed per inhabitant; ids, exact rate as a fraction of öre.
[[nodiscard]] inline nlohmann::ordered_json to_json(const model& m, const per_inhabitant_total& t) {
  auto payers = nlohmann::ordered_json::array();
  for (auto p : t.payers) payers.push_back(m[p].id);
  return {{"group", t.group}, {"recipient", m[t.recipient].id}, {"amount", t.amount.str()},
          {"period_years", t.period_years}, {"payers", std::move(payers)}, {"population", t.rate.population},
          {"sek_per_inhabitant", t.rate.rate.str()}, {"exact_ore_per_inhabitant", t.rate.exact_ore.str()}};
}

/// @brief The funding section of a report on `models` (years `first`..`last`, budget checks and
/// fair shares in `budget_year`). The joint organisation of a model is the organisation whose id
/// is the model's id; a model without one is reported on all its flows.
inline report_section funding_section(std::span<const model> models, int first = 2023, int last = 2025,
                                      int budget_year = 2024) {
  report_section s;
  s.id = "funding";
  s.title = "Funding";
  s.content = nlohmann::ordered_json::array();
  using a = text_table::align;
  // Money from different sources is never added: base funding per inhabitant and member only.
  // Per inhabitant: the whole base money (BRO's 10 SEK fee and the region's matching 10 SEK alike,
  // L231-233), over the members or, for a regional unit, the municipalities it serves.
  text_table per_year({"model", "year", "base (SEK)", "project (SEK)", "state (SEK)", "partner (SEK)", "members/served", "inhabitants",
                       "base incl. region, SEK/inh.", "base SEK/member", "flags"},
                      {a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  text_table gaps({"model", "organisation", "income (SEK)", "stated (SEK)", "gap (SEK)", "rate meeting the stated figure (SEK/inh.)", "flag"},
                  {a::left, a::left, a::right, a::right, a::right, a::right, a::left});
  text_table fair({"model", "municipal payers", "pay more than population share", "largest excess (SEK)", "by"},
                  {a::left, a::right, a::right, a::right, a::left});
  // Shares of multi-year project totals, per payer for the whole period (the 40/40/20 kind of split).
  text_table projects({"model", "purpose", "payer", "share", "period total (SEK)", "years", "per year (SEK)"},
                      {a::left, a::left, a::left, a::right, a::right, a::right, a::right});
  std::string implied;  // totals financed per inhabitant and the rate they imply
  for (const auto& m : models) {
    nlohmann::ordered_json jm;
    jm["model"] = m.info().id;
    const auto self = m.find_organisation(m.info().id);
    std::int64_t members = 0, inhabitants = 0;
    bool unknown_pop = false;
    if (self)
      for (const auto& ms : m.memberships())
        if (ms.organisation == *self && (ms.kind == membership_kind::member || ms.kind == membership_kind::served)) {
          ++members;
          const auto& p = m[ms.member];
          members += p.stands_for() - 1;
          if (p.population) inhabitants += *p.population;
          else unknown_pop = true;
        }
    auto& years = jm["years"] = nlohmann::ordered_json::array();
    // A source that names no funding rule for the organisation leaves its income unknown, not 0.
    bool has_rules = false;
    for (const auto& r : m.funding_rules()) has_rules = has_rules || !self || r.recipient == *self;
    if (!has_rules) {
      jm["income"] = "unknown: the source gives no funding rule with an amount";
      // Only the base money is unknown: project, state and partner money the source does not describe ("-").
      if (self) per_year.row({m.info().id, "", "unknown", "-", "-", "-", members ? std::to_string(members) : "",
                              inhabitants ? group_thousands(inhabitants) : "", "", "", "no funding rule with an amount"});
    }
    for (int y = first; has_rules && y <= last; ++y) {
      const auto ev = evaluate_funding(m, y);
      const money_sum inc = self ? ev.income(*self) : ev.total();
      std::array<money_sum, 4> by{};
      if (self) by = income_by_source(m, ev, *self);
      else by[0] = inc;
      const money_sum& base = by[static_cast<std::size_t>(income_source::base)];
      bool uncertain = false;
      for (const auto& f : ev.flows)
        if ((!self || f.recipient == *self) && f.uncertain_source()) uncertain = true;
      std::string flags;
      if (!inc.exact()) flags = std::to_string(inc.unknown) + " unknown flow(s)";
      if (uncertain) flags += (flags.empty() ? "" : ", ") + std::string("estimated/assumed rules");
      if (unknown_pop) flags += (flags.empty() ? "" : ", ") + std::string("member population unknown");
      // Money the source names without an amount (ESBR: "staff costs paid by Region Östergötland",
      // L1150-1153) is an unknown flow besides the base money: '+' on the base cell.
      std::string besides;
      if (self)
        for (const auto& u : m[*self].unknown)
          if (u.find("cost") != std::string::npos) besides += (besides.empty() ? "" : ", ") + u;
      if (!besides.empty()) {
        by[static_cast<std::size_t>(income_source::base)].unknown += 1;
        flags += std::string(flags.empty() ? "" : ", ") + "unknown besides: " + besides;
      }
      std::optional<money> per_inh;  // base funding per inhabitant, rounded half away from zero to the öre
      std::string per_mem;
      if (inhabitants > 0 && !unknown_pop && base.exact()) per_inh = money::from_minor(mul_div_round(base.known.minor(), 1, inhabitants));
      if (members > 0 && base.exact())
        per_mem = group_thousands(static_cast<std::int64_t>(std::llround(base.known.major() / static_cast<double>(members))));
      // A source with a "cirka" (estimated) flow reads in whole kronor (review R22).
      std::array<bool, 4> approx{};
      for (const auto& f : ev.flows)
        if (self && f.recipient == *self && f.source == provenance::estimated) approx[static_cast<std::size_t>(source_of(m, f))] = true;
      auto cell = [&](std::size_t k) {
        const money_sum& x = by[k];
        if (x.known.minor() == 0 && x.exact()) return std::string("-");
        return (approx[k] ? format_approx_amount(x.known) : format_amount(x.known)) + (x.exact() ? "" : "+");
      };
      per_year.row({m.info().id, std::to_string(y), cell(0), cell(1), cell(2), cell(3),
                    members ? std::to_string(members) : "", inhabitants ? group_thousands(inhabitants) : "",
                    per_inh ? amount_cell(*per_inh) : table_cell{""}, per_mem, flags});
      nlohmann::ordered_json src;
      for (std::size_t k = 0; k < by.size(); ++k)
        src[std::string(to_string(static_cast<income_source>(k)))] = {{"income", by[k].known.str()}, {"unknown_flows", by[k].unknown}};
      years.push_back({{"year", y}, {"by_source", std::move(src)}, {"total", inc.known.str()}, {"unknown_flows", inc.unknown},
                       {"members", members}, {"inhabitants", inhabitants},
                       {"base_sek_per_inhabitant", per_inh ? nlohmann::ordered_json(static_cast<double>(per_inh->minor()) / 100.0) : nlohmann::ordered_json(nullptr)},
                       {"flags", flags}});
    }
    auto& ji = jm["per_inhabitant_totals"] = nlohmann::ordered_json::array();
    for (const auto& t : per_inhabitant_totals(m)) {
      ji.push_back(to_json(m, t));
      implied += "  " + m.info().id + ": " + per_inhabitant_total_text(m, t) + "\n";
    }
    auto& jp = jm["projects"] = nlohmann::ordered_json::array();
    for (const auto& f : evaluate_funding(m, first).flows) {
      // base money shared per inhabitant is shown above, not as a project
      if (f.basis != funding_basis::share_of_total || !f.period_total || m[f.rule].purpose == "base") continue;
      const auto& rule = m[f.rule];
      projects.row({m.info().id, rule.purpose, table_cell{m[f.payer].name, m[f.payer].id}, format_percent(f.ratio), format_amount(*f.period_total),
                    std::to_string(f.period_years),
                    f.amount ? (f.source == provenance::estimated ? format_approx_amount(*f.amount) : format_amount(*f.amount)) : "unknown"});
      jp.push_back({{"rule", rule.id}, {"purpose", rule.purpose}, {"payer", m[f.payer].id}, {"share", f.ratio.str()},
                    {"period_total", f.period_total->str()}, {"period_years", f.period_years},
                    {"first_year", f.amount ? nlohmann::ordered_json(f.amount->str()) : nlohmann::ordered_json(nullptr)}});
    }
    auto& jb = jm["budget_checks"] = nlohmann::ordered_json::array();
    for (const auto& c : check_budgets(m, budget_year, {}, "base")) {
      jb.push_back(to_json(m, c));
      gaps.row({m.info().id, table_cell{m[c.organisation].name, m[c.organisation].id},
                format_amount(c.income.known) + (c.income.exact() ? "" : "+"), c.stated ? format_amount(*c.stated) : "",
                c.gap ? format_amount(*c.gap) : "unknown", c.closing_rate ? c.closing_rate->str() : "",
                std::string(budget_flag(c))});
    }
    auto& jf = jm["contributions"] = nlohmann::ordered_json::array();
    for (const auto& c : compare_contributions(m, budget_year)) {
      jf.push_back(to_json(m, c));
      std::size_t more = 0;
      const contribution_row* top = nullptr;
      for (const auto& r : c.rows) {
        if (r.difference.minor() > 0) ++more;
        if (!top || top->difference < r.difference) top = &r;
      }
      // "—" when nobody pays more than the fair share: naming the top row would name a payer of 0.
      const bool excess = top && top->difference.minor() > 0;
      fair.row({m.info().id + (c.recipient == self ? "" : " → " + m[c.recipient].name), std::to_string(c.rows.size()),
                std::to_string(more), excess ? format_amount(top->difference) : "—",
                excess ? table_cell{m[top->payer].name, m[top->payer].id} : table_cell{"—", ""}});
    }
    s.content.push_back(std::move(jm));
  }
  std::string text;
  auto add = [&](const char* heading, const text_table& t) {
    std::ostringstream o;
    t.print(o);
    text += heading;
    text += "\n";
    text += o.str();
    text += "\n";
  };
  add("Income of each joint organisation from its funding rules, by source (SCB 2023 populations; '-' none,\n"
      "'+' an unknown flow besides; per inhabitant and member: base funding only):", per_year);
  if (!implied.empty()) text += "Totals financed per inhabitant and the rate they imply (SCB 2023 populations):\n" + implied + "\n";
  if (projects.size() > 0)
    add("Project funding: each payer's share of a multi-year project total (first year of the period shown):", projects);
  add(("Budget checks " + std::to_string(budget_year) +
       " (base income, projects left out, against the stated budget, else turnover, else cost; \"GAP\" or \"surplus\"\n"
       "means that the funding rules the study states and the figure it states differ by more than the figure's\n"
       "rounding, not that money is missing):").c_str(), gaps);
  add(("Municipal payers against a population fair share of the same total, " + std::to_string(budget_year) + ":").c_str(), fair);
  s.text = std::move(text);
  return s;
}

}  // namespace orgmodel
