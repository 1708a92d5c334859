#pragma once
/// @file
/// @brief The report's decision-paths section: for each model, the fastest path and its days for a
/// budget, a strategy and a contract decision raised at the operative team (or the lowest body,
/// `default_raising_body`), and the same for the seven organisation templates applied to
/// Västmanland. Also registers a "budget decision (days)" column in every template comparison.

#include <span>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/present/decision_paths.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/report/report_section.hpp"
#include "orgmodel/scenario/compare.hpp"
#include "orgmodel/scenario/templates.hpp"

namespace orgmodel {

/// @brief Why no body decides a matter, in words: "the study names no body that decides contract"
/// or "the study names no body that decides budget beyond Operativ styrgrupp (Stockholm Business
/// Alliance)", with body names (ids stay in JSON). Empty when a path was found.
[[nodiscard]] inline std::string unanswered_text(const model& m, const decision_path_result& r) {
  if (r.found()) return {};
  const auto& cls = m.decision_class_names().at(r.matter);
  std::string s = "the study names no body that decides " + cls;
  if (r.reason == no_path_reason::cycle) return s + " (the lines carrying it form a cycle)";
  if (r.reason == no_path_reason::dead_end && !r.dead_ends.empty()) {
    s += "; the route ends at ";
    for (std::size_t i = 0; i < r.dead_ends.size(); ++i) {
      const auto& b = m[r.dead_ends[i]];
      s += (i ? ", " : "") + b.name + " (" + m[b.organisation].name + ")";
    }
  }
  return s;
}

/// @brief Who signs, in words: "Örebro signs for Business Region Örebro", "Invest in Norrbotten AB
/// signs in its own name", "the model names nobody who signs for X".
[[nodiscard]] inline std::string signing_sentence(const model& m, const signing_capacity& s) {
  const auto& name = m[s.organisation].name;
  if (s.can_sign) return name + " signs in its own name";
  if (!s.signatory.valid()) return "the model names nobody who signs for " + name;
  return m[s.signatory].name + " signs for " + name;
}

namespace detail {

/// @brief The classes the section shows, in this order.
inline constexpr std::array<decision_class, 3> paths_section_classes{decision_classes::budget, decision_classes::strategy,
                                                                    decision_classes::contract};

/// @brief Adds one model's rows (one per class) to the table and its JSON object to `out`.
inline void paths_rows(const model& m, std::string_view label, text_table& t, nlohmann::ordered_json& out) {
  nlohmann::ordered_json j;
  j["model"] = m.info().id;
  const auto raised = default_raising_body(m);
  if (!raised) {
    j["raised_at"] = nullptr;
    j["decisions"] = nlohmann::ordered_json::array();
    t.row({std::string(label), "", "", "none", "", "", "", "", "model has no bodies"});
    out.push_back(std::move(j));
    return;
  }
  j["raised_at"] = m[*raised].id;
  const layer_graph g(m, relation_layer::escalation);
  decision_path_options opt;
  opt.max_paths = 8;
  auto decisions = nlohmann::ordered_json::array();
  for (auto c : paths_section_classes) {
    const auto r = decision_paths(g, *raised, c, opt);
    decisions.push_back(to_json(m, r));
    const auto& cls = m.decision_class_names()[c];
    if (!r.found()) {
      // Say in words why no body decides and who signs for the organisation anyway (issue #11).
      const auto signing = signing_capacity_of(m, m[*raised].organisation);
      auto& dj = decisions.back();
      dj["explanation"] = unanswered_text(m, r);
      dj["signing"] = to_json(m, signing);
      t.row({std::string(label), cls, body_cell(m, *raised), "not named", "-", "-", "", signing_text(m, signing),
             unanswered_text(m, r) + "; " + signing_sentence(m, signing)});
      continue;
    }
    const auto& p = r.paths.front();
    std::string note = path_assumptions(m, p);
    if (r.path_count > 1) note += (note.empty() ? "" : "; ") + std::to_string(r.path_count) + " paths";
    t.row({std::string(label), cls, body_cell(m, *raised), path_cell(m, p.bodies), format_days(p.days.expected),
           format_worst_days(p.days.worst), p.political ? "yes" : "no", signing_text(m, p.signing), note});
  }
  j["decisions"] = std::move(decisions);
  out.push_back(std::move(j));
}

inline text_table paths_section_table() {
  using a = text_table::align;
  return text_table({"model", "class", "raised at", "fastest path", "expected", "worst", "political", "decider signs", "note"},
                    {a::left, a::left, a::left, a::left, a::right, a::right, a::left, a::left, a::left});
}

}  // namespace detail

/// @brief The decision-paths section for `models`, then the seven templates for `county`.
/// @throws lookup_error for an unknown county
inline report_section paths_section(std::span<const model> models, std::string_view county = "Västmanlands län") {
  report_section s;
  s.id = "decision_paths";
  s.title = "Decision paths and decision latency";
  auto t = detail::paths_section_table();
  nlohmann::ordered_json organisations = nlohmann::ordered_json::array();
  for (const auto& m : models) detail::paths_rows(m, m.info().id, t, organisations);
  const auto in = scenario::template_input::from_county(county);
  auto tt = detail::paths_section_table();
  nlohmann::ordered_json templates = nlohmann::ordered_json::array();
  for (auto c : scenario::all_categories) {
    const auto m = scenario::build_template(c, in);
    detail::paths_rows(m, std::string(to_string(c)) + " " + m.info().id, tt, templates);
  }
  s.content["organisations"] = std::move(organisations);
  s.content["template_county"] = in.county_name;
  s.content["templates"] = std::move(templates);
  std::ostringstream text;
  text << "A matter raised at the operative team (else the lowest body), the fastest path to the body\n"
          "that decides it. Days: expected 365/(2f) and worst 365/f per body meeting f times a year,\n"
          "plus preparation lags; unknown cadences use documented defaults (docs/decision-paths.md).\n\n";
  t.print(text);
  text << "\nThe seven organisation models applied to " << in.county_name << ":\n\n";
  tt.print(text);
  s.text = text.str();
  return s;
}

/// @brief "yes" when the organisation signs agreements (NDAs included) in its own name, else
/// "no: <who> signs" — the study's main contrast between a municipal unit and a company.
[[nodiscard]] inline std::string signing_cell(const model& m, organisation_index o) {
  return signing_text(m, signing_capacity_of(m, o)).text;  // the path tables' wording, for one organisation
}

/// @brief Whether the organisation the template is about signs agreements and NDAs in its own name
/// (the study's main contrast between a municipal unit and a company), else who signs for it.
inline const bool signing_compare_column_registered = scenario::register_compare_column(
    {.key = "signatory",
     .header = "signs agreements",
     .order = 105,
     .numeric = false,
     .cell = [](const scenario::scenario_variant& v) -> scenario::compare_cell {
       const auto o = coverage_subject(v.built);
       const auto s = signing_capacity_of(v.built, o);
       if (s.can_sign) return {signing_cell(v.built, o), v.built[o].id};
       if (!s.signatory.valid()) return {signing_cell(v.built, o), {}};
       return {signing_cell(v.built, o), v.built[s.signatory].id};
     }});

/// @brief The expected days of a budget decision raised at the template's operative team, as a
/// column of every template comparison ("no body decides budgets" when none does).
inline const bool paths_compare_column_registered = scenario::register_compare_column(
    {.key = "budget_decision_days",
     .header = "budget decision (days)",
     .order = 110,
     .numeric = true,
     .cell = [](const scenario::scenario_variant& v) -> scenario::compare_cell {
       const auto raised = default_raising_body(v.built);
       if (!raised) return {"none", {}};
       const layer_graph g(v.built, relation_layer::escalation);
       const auto t = decision_latency_all(g, decision_classes::budget);
       const double d = t.expected[raised->value];
       if (!std::isfinite(d)) return {"no body decides budgets", {}};
       return {format_days(d), d};
     }});

}  // namespace orgmodel
