#pragma once
/// @file
/// @brief The decision timeline of a model as SVG: for each decision class, the fastest path from
/// the raising body (`default_raising_body`) as a stacked bar of the expected wait at each body,
/// then the preparation lags; the worst case marked; waits on assumed cadences hatched and starred.

#include <algorithm>
#include <string>
#include <vector>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/render/svg.hpp"

namespace orgmodel {

/// @brief The decision timeline of `m` as one SVG document (id `timeline-<model id>`): one
/// `g.decision` per decision class, with one `rect.wait` per body on the path (`rect.wait.assumed`
/// where the cadence is a default), `rect.preparation` when lags are stated and `line.worst`.
inline std::string decision_timeline_svg(const model& m) {
  constexpr double label_w = 150, bar_w = 640, bar_h = 18, line_h = 16, font = 12;
  struct row {
    std::string cls;
    std::optional<decision_path> path;
    std::string note;
  };
  std::vector<row> rows;
  const auto raised = default_raising_body(m);
  double scale_days = 1;
  if (raised) {
    const layer_graph g(m, relation_layer::escalation);
    decision_path_options opt;
    opt.max_paths = 1;
    for (std::size_t c = 0; c < m.decision_class_names().size(); ++c) {
      const auto r = decision_paths(g, *raised, static_cast<decision_class>(c), opt);
      row rw{m.decision_class_names()[c], std::nullopt, ""};
      if (r.found()) {
        rw.path = r.paths.front();
        scale_days = std::max(scale_days, rw.path->days.worst);
      } else {
        rw.note = "no decision path: " + std::string(to_string(r.reason));
      }
      rows.push_back(std::move(rw));
    }
  }
  const double x0 = label_w + 10, px = bar_w / scale_days;
  // Legend lines per row, wrapped to the chart width.
  std::vector<std::vector<std::string>> legends(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (!r.path) {
      legends[i] = {r.note};
      continue;
    }
    const auto& p = *r.path;
    std::string s = "expected " + svg::num(p.days.expected) + " d, worst " + svg::num(p.days.worst) + " d";
    if (p.days.preparation > 0) s += " (incl. " + svg::num(p.days.preparation) + " d preparation)";
    if (p.days.assumed) s += "; * assumed cadence";
    s += ":";
    for (std::size_t k = 0; k < p.bodies.size(); ++k)
      s += " " + std::to_string(k + 1) + " " + m[p.bodies[k]].name + " " + svg::num(p.waits[k].expected) + " d" +
           (p.waits[k].assumed ? "*" : "") + (k + 1 < p.bodies.size() ? " →" : "");
    legends[i] = svg::wrap(s, static_cast<std::size_t>((label_w + bar_w) / (0.62 * font)) - 4);
  }
  double height = 40;
  for (const auto& l : legends) height += bar_h + 8 + line_h * static_cast<double>(l.size()) + 14;
  const double width = x0 + bar_w + 20;
  svg::writer w("timeline-" + m.info().id, width, height, "Decision timeline: " + m.info().name,
                "For each decision class, the fastest escalation path from " +
                    (raised ? m[*raised].name : std::string("(no body)")) +
                    " as stacked bars of the expected wait at each body; the worst case is marked; "
                    "hatched waits use an assumed cadence.");
  w.raw(svg::hatch_defs("hatch-t-" + m.info().id));
  w.text(8, 20, "Decision timeline: " + m.info().name + (raised ? " (raised at " + m[*raised].name + ")" : ""), "heading");
  double y = 40;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    w.open_group("decision", "decision-" + m.info().id + "-" + r.cls);
    w.text(8, y + 13, r.cls, "label");
    if (r.path) {
      const auto& p = *r.path;
      double x = x0;
      for (std::size_t k = 0; k < p.bodies.size(); ++k) {
        const double sw = p.waits[k].expected * px;
        if (p.waits[k].assumed)
          w.rect(x, y, sw, bar_h, "wait assumed", "fill=\"url(#hatch-t-" + svg::escape(m.info().id) + ")\"");
        else w.rect(x, y, sw, bar_h, k % 2 ? "wait odd" : "wait even");
        const auto n = std::to_string(k + 1);
        // White on the dark fills; dark on the hatched (assumed) one.
        if (sw >= svg::text_width(n, font) + 4) w.text(x + sw / 2, y + 13, n, p.waits[k].assumed ? "label" : "seg", "middle");
        x += sw;
      }
      if (p.days.preparation > 0) w.rect(x, y, p.days.preparation * px, bar_h, "preparation");
      const double wx = x0 + p.days.worst * px;
      w.line(wx, y - 3, wx, y + bar_h + 3, "worst");
    }
    double ty = y + bar_h + 8 + font;
    for (const auto& l : legends[i]) {
      w.text(x0, ty, l, "meta");
      ty += line_h;
    }
    w.close_group();
    y += bar_h + 8 + line_h * static_cast<double>(legends[i].size()) + 14;
  }
  return std::move(w).finish();
}

}  // namespace orgmodel
