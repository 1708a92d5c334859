#pragma once
/// @file
/// @brief JSON and tables of decision paths and decision latencies, shared by the CLI and the report.
///
/// Days print with one decimal in tables ("45.6"), worst cases with up to two ("91.25"); JSON
/// carries the full double ("45.625").
/// A latency with no path prints "none" in tables and null in JSON.

#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Days with one decimal ("45.6"), "none" for no path (infinity). Expected days and
/// percentiles are estimates and print this way.
[[nodiscard]] inline std::string format_days(double d) {
  return std::isfinite(d) ? format_fixed(d, 1) : std::string("none");
}

/// @brief Worst-case days with up to two decimals ("91.25", "182.5"): sums of 365/f are exact
/// bounds, so they keep the quarter days of quarterly bodies.
[[nodiscard]] inline std::string format_worst_days(double d) {
  if (!std::isfinite(d)) return "none";
  std::string s = format_fixed(d, 2);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

/// @brief Days as a table cell: `format_days` (or `format_worst_days`) to read, the shortest exact
/// number in CSV, empty for no path.
[[nodiscard]] inline table_cell days_cell(double d, bool worst = false) {
  return {worst ? format_worst_days(d) : format_days(d), std::isfinite(d) ? format_number(d) : std::string(), cell_kind::number};
}

/// @brief "a → b → c" of body ids.
[[nodiscard]] inline std::string path_text(const model& m, const std::vector<body_index>& bodies) {
  std::string s;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    if (i) s += " → ";
    s += m[bodies[i]].id;
  }
  return s;
}

/// @brief The path by body names, for the reader: "Styrgrupp → Nämnden för regional tillväxt".
[[nodiscard]] inline std::string path_names(const model& m, const std::vector<body_index>& bodies) {
  std::string s;
  for (std::size_t i = 0; i < bodies.size(); ++i) s += (i ? " → " : "") + m[bodies[i]].name;
  return s;
}

/// @brief A path as a table cell: names in text, ids (path_text) in CSV and JSON.
[[nodiscard]] inline table_cell path_cell(const model& m, const std::vector<body_index>& bodies) {
  return {path_names(m, bodies), path_text(m, bodies)};
}

/// @brief A body as a table cell: its name in text, its id in CSV and JSON.
[[nodiscard]] inline table_cell body_cell(const model& m, body_index b) { return {m[b].name, m[b].id}; }

/// @brief Whether the deciding body's organisation signs: "yes", or "no: Örebro kommun signs" in
/// text and "no: orebro signs" in CSV; "no: the model names nobody who signs" when no organisation
/// up its affiliations can.
[[nodiscard]] inline table_cell signing_text(const model& m, const signing_capacity& s) {
  if (s.can_sign) return "yes";
  if (!s.signatory.valid()) return "no: the model names nobody who signs";
  return {"no: " + m[s.signatory].name + " signs", "no: " + m[s.signatory].id + " signs"};
}

/// @brief The notes a path's row carries: what rests on assumptions (the deciding body itself, or
/// a default cadence on the way).
[[nodiscard]] inline std::string path_assumptions(const model& m, const decision_path& p) {
  std::string note;
  if (!p.bodies.empty() && m[p.bodies.back()].source == provenance::assumed) note = "assumed body";
  if (p.days.assumed) note += (note.empty() ? "" : "; ") + std::string("assumed cadence");
  return note;
}

namespace detail {
inline nlohmann::ordered_json days_json(double d) {
  return std::isfinite(d) ? nlohmann::ordered_json(d) : nlohmann::ordered_json(nullptr);
}
}  // namespace detail

/// @brief JSON of a latency.
[[nodiscard]] inline nlohmann::ordered_json to_json(const latency& l) {
  nlohmann::ordered_json j;
  j["expected_days"] = l.expected;
  j["worst_days"] = l.worst;
  j["p50_days"] = l.p50;
  j["p90_days"] = l.p90;
  j["preparation_days"] = l.preparation;
  j["percentiles"] = to_string(l.method);
  if (l.method == percentile_method::simulated) j["percentile_error"] = l.percentile_error;
  j["assumed_cadence"] = l.assumed;
  return j;
}

/// @brief JSON of who signs.
[[nodiscard]] inline nlohmann::ordered_json to_json(const model& m, const signing_capacity& s) {
  nlohmann::ordered_json j;
  j["organisation_id"] = m[s.organisation].id;
  j["can_sign"] = s.can_sign;
  j["signatory_id"] = s.signatory.valid() ? nlohmann::ordered_json(m[s.signatory].id) : nlohmann::ordered_json(nullptr);
  auto via = nlohmann::ordered_json::array();
  for (auto o : s.via) via.push_back(m[o].id);
  j["via"] = std::move(via);
  return j;
}

/// @brief JSON of a decision-path result; ids are the model's.
[[nodiscard]] inline nlohmann::ordered_json to_json(const model& m, const decision_path_result& r) {
  nlohmann::ordered_json j;
  j["decision_class"] = m.decision_class_names().at(r.matter);
  j["raised_at"] = m[r.raised_at].id;
  j["found"] = r.found();
  j["reason"] = to_string(r.reason);
  j["path_count"] = r.path_count;
  j["truncated"] = r.truncated;
  auto ids = [&](const std::vector<body_index>& v) {
    auto a = nlohmann::ordered_json::array();
    for (auto b : v) a.push_back(m[b].id);
    return a;
  };
  j["bottlenecks"] = ids(r.bottlenecks);
  j["political_on_every_path"] = r.political_on_every_path;
  j["political_on_some_path"] = r.political_on_some_path;
  j["dead_ends"] = ids(r.dead_ends);
  auto paths = nlohmann::ordered_json::array();
  for (const auto& p : r.paths) {
    nlohmann::ordered_json pj;
    pj["bodies"] = ids(p.bodies);
    auto steps = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < p.bodies.size(); ++i) {
      const auto& b = m[p.bodies[i]];
      nlohmann::ordered_json s;
      s["body_id"] = b.id;
      s["layer"] = to_string(b.layer);
      s["meetings_per_year"] = nlohmann::ordered_json::array({p.waits[i].used.low, p.waits[i].used.high});
      s["assumed_cadence"] = p.waits[i].assumed;
      s["expected_wait_days"] = p.waits[i].expected;
      s["worst_wait_days"] = p.waits[i].worst;
      if (i > 0) s["preparation_days"] = m.escalations()[p.lines[i - 1]].preparation_days;
      steps.push_back(std::move(s));
    }
    pj["steps"] = std::move(steps);
    pj["latency"] = to_json(p.days);
    pj["political"] = p.political;
    pj["signing"] = to_json(m, p.signing);
    paths.push_back(std::move(pj));
  }
  j["paths"] = std::move(paths);
  return j;
}

/// @brief One row per path: rank, path, expected, worst, p50, p90, political, who signs.
[[nodiscard]] inline text_table to_table(const model& m, const decision_path_result& r) {
  using a = text_table::align;
  text_table t({"class", "raised at", "rank", "path", "expected", "worst", "p50", "p90", "political", "decider signs", "note"},
               {a::left, a::left, a::right, a::left, a::right, a::right, a::right, a::right, a::left, a::left, a::left});
  const auto& cls = m.decision_class_names().at(r.matter);
  if (!r.found()) {
    std::string note = std::string(to_string(r.reason));
    if (!r.dead_ends.empty()) note += " at " + path_names(m, r.dead_ends);
    const table_cell none{"none", "", cell_kind::number};
    t.row({cls, body_cell(m, r.raised_at), "", "none", none, none, "", "", "", "", note});
    return t;
  }
  for (std::size_t i = 0; i < r.paths.size(); ++i) {
    const auto& p = r.paths[i];
    std::string note = path_assumptions(m, p);
    if (i + 1 == r.paths.size() && r.truncated)
      note += (note.empty() ? "" : "; ") + std::to_string(r.path_count - r.paths.size()) + " slower paths not listed";
    t.row({cls, body_cell(m, r.raised_at), std::to_string(i + 1), path_cell(m, p.bodies), days_cell(p.days.expected),
           days_cell(p.days.worst, true), days_cell(p.days.p50), days_cell(p.days.p90), p.political ? "yes" : "no",
           signing_text(m, p.signing), note});
  }
  return t;
}

/// @brief JSON of an all-bodies latency table.
[[nodiscard]] inline nlohmann::ordered_json to_json(const model& m, const decision_latency_table& t) {
  nlohmann::ordered_json j;
  j["decision_class"] = m.decision_class_names().at(t.matter);
  auto rows = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < t.size(); ++i) {
    nlohmann::ordered_json r;
    r["body_id"] = m.bodies()[i].id;
    r["expected_days"] = detail::days_json(t.expected[i]);
    r["worst_days"] = detail::days_json(t.worst[i]);
    r["decided_by"] = t.decided_by[i].valid() ? nlohmann::ordered_json(m[t.decided_by[i]].id) : nlohmann::ordered_json(nullptr);
    r["next_body"] = t.next_line[i] != no_line ? nlohmann::ordered_json(m[m.escalations()[t.next_line[i]].to].id)
                                                : nlohmann::ordered_json(nullptr);
    r["assumed_cadence"] = t.assumed[i] != 0;
    rows.push_back(std::move(r));
  }
  j["bodies"] = std::move(rows);
  return j;
}

/// @brief Appends one row per body of an all-bodies latency table to a table with the columns
/// class, body, expected, worst, next, decided by, note.
inline void append_rows(const model& m, const decision_latency_table& t, text_table& out) {
  const auto& cls = m.decision_class_names().at(t.matter);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool ok = std::isfinite(t.expected[i]);
    out.row({cls, m.bodies()[i].id, days_cell(t.expected[i]), days_cell(t.worst[i], true),
             t.next_line[i] != no_line ? m[m.escalations()[t.next_line[i]].to].id : (ok ? "(decides)" : ""),
             t.decided_by[i].valid() ? m[t.decided_by[i]].id : "none", t.assumed[i] ? "assumed cadence" : ""});
  }
}

/// @brief The empty all-bodies table, columns as `append_rows` fills them.
[[nodiscard]] inline text_table latency_table_header() {
  using a = text_table::align;
  return text_table({"class", "body", "expected", "worst", "next", "decided by", "note"},
                    {a::left, a::left, a::right, a::right, a::left, a::left, a::left});
}

}  // namespace orgmodel
