#pragma once
/// @file
/// @brief The seven organisation models for one county side by side as SVG small multiples: one
/// panel per numeric criterion of a `scenario::comparison` (funding, seats, staff, decision days
/// …), one bar per model. Unknown values are hatched boxes that say so, never zero-length bars;
/// values that rest on assumed or estimated inputs (`scenario::rests_on_assumptions`) are drawn
/// light with a dashed outline and marked "*"; "—" (not applicable) gets no bar. Criteria equal for every model are named in the
/// chart's description instead of drawn.

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "orgmodel/present/compare.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/render/svg.hpp"
#include "orgmodel/scenario/compare.hpp"

namespace orgmodel {

/// @brief The comparison as one SVG document (id `compare-<county slug>`): one `g.panel` per drawn
/// criterion (id `panel-<column key>`) with one `rect.bar` per model (`bar assumed`, `bar unknown`).
inline std::string compare_chart_svg(const scenario::comparison& c) {
  constexpr double font = 12, row_h = 20, bar_max = 170, label_w = 34, pad = 10, gap = 14, cols = 3;
  struct panel {
    std::size_t col;
    std::vector<std::string> title;
    double max = 0;
  };
  auto value_of = [](const scenario::compare_cell& cell) -> std::optional<double> {
    struct visitor {
      std::optional<double> operator()(std::monostate) const { return std::nullopt; }
      std::optional<double> operator()(std::int64_t n) const { return static_cast<double>(n); }
      std::optional<double> operator()(double x) const { return x; }
      std::optional<double> operator()(money m) const { return static_cast<double>(m.minor()) / 100.0; }
      std::optional<double> operator()(share x) const { return x.value(); }
      std::optional<double> operator()(const std::string&) const { return std::nullopt; }
    };
    return std::visit(visitor{}, cell.value);
  };
  auto text_of = [](const scenario::compare_cell& cell) { return scenario::readable_text(cell); };
  std::vector<panel> panels;
  std::vector<std::string> same;  // criteria equal for every model
  double value_w = 0;
  for (std::size_t k = 0; k < c.columns.size(); ++k) {
    if (!c.columns[k].numeric || c.cells.empty()) continue;
    bool any = false, all_equal = true;
    panel p{k, {}, 0};
    for (const auto& row : c.cells) {
      const auto v = value_of(row[k]);
      any = any || v || !std::holds_alternative<std::monostate>(row[k].value);
      if (v) p.max = std::max(p.max, std::fabs(*v));
      all_equal = all_equal && text_of(row[k]) == text_of(c.cells.front()[k]);
    }
    if (!any) continue;
    if (all_equal) {
      same.push_back(c.columns[k].header + " " + text_of(c.cells.front()[k]));
      continue;
    }
    for (std::size_t i = 0; i < c.cells.size(); ++i) {
      const bool flag = scenario::rests_on_assumptions(c.variants[i], c.columns[k].key);
      value_w = std::max(value_w, svg::text_width(text_of(c.cells[i][k]) + (flag ? " *" : ""), font));
    }
    panels.push_back(std::move(p));
  }
  const double panel_w = label_w + bar_max + 6 + value_w + 2 * pad;
  const auto title_chars = static_cast<std::size_t>((panel_w - 2 * pad) / (0.7 * 13));  // bold 13 px titles
  std::size_t title_lines = 1;
  for (auto& p : panels) {
    p.title = svg::wrap(c.columns[p.col].header, title_chars);
    title_lines = std::max(title_lines, p.title.size());
  }
  const double panel_h = pad + static_cast<double>(title_lines) * 16 + 4 + static_cast<double>(c.variants.size()) * row_h + pad;
  const auto n = panels.size();
  const auto rows = static_cast<double>((n + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols));
  const double width = cols * (panel_w + gap) + gap, top = 44;
  const double height = top + rows * (panel_h + gap) + 40;
  const std::string id = "compare-" + data::slug(scenario::county_short_name(c.input.county_name));
  std::string desc = "The seven organisation models applied to " + c.input.county_name + ", one panel per criterion, one bar per model. ";
  if (!same.empty()) {
    desc += "Equal for every model: ";
    for (std::size_t i = 0; i < same.size(); ++i) desc += (i ? "; " : "") + same[i];
    desc += ". ";
  }
  desc += "Hatched: unknown. Light and dashed with *: rests on assumed or estimated inputs.";
  svg::writer w(id, width, height, "The seven models for " + c.input.county_name, desc);
  const std::string hatch = "hatch-" + id;
  w.raw(svg::hatch_defs(hatch));
  w.text(gap, 22, "The seven models for " + c.input.county_name + " (" + std::to_string(c.input.municipalities.size()) +
                      " municipalities, SCB " + std::to_string(c.input.population_year) + ")",
         "heading");
  for (std::size_t pi = 0; pi < n; ++pi) {
    const auto& p = panels[pi];
    const auto& col = c.columns[p.col];
    const double x = gap + static_cast<double>(pi % static_cast<std::size_t>(cols)) * (panel_w + gap);
    const double y = top + static_cast<double>(pi / static_cast<std::size_t>(cols)) * (panel_h + gap);
    w.open_group("panel", "panel-" + id + "-" + col.key);
    w.rect(x, y, panel_w, panel_h, "box");
    double ty = y + pad + font;
    for (const auto& l : p.title) {
      w.text(x + pad, ty, l, "name");
      ty += 16;
    }
    double ry = y + pad + static_cast<double>(title_lines) * 16 + 4;
    for (std::size_t i = 0; i < c.variants.size(); ++i, ry += row_h) {
      const auto& cell = c.cells[i][p.col];
      const double bx = x + pad + label_w;
      w.text(x + pad, ry + 14, std::string(to_string(c.variants[i].category)), "label");
      const auto v = value_of(cell);
      const bool flag = scenario::rests_on_assumptions(c.variants[i], col.key);
      double bw = 0;
      const bool not_applicable = !v && cell.text == "—";  // e.g. owner's equity of a model no region owns
      if (!v && !not_applicable) {
        bw = 24;
        w.rect(bx, ry + 3, bw, row_h - 6, "bar unknown", "fill=\"url(#" + svg::escape(hatch) + ")\" stroke=\"#000\"");
      } else if (v && p.max > 0 && *v != 0) {
        bw = std::max(1.0, bar_max * std::fabs(*v) / p.max);
        w.rect(bx, ry + 3, bw, row_h - 6, flag ? "bar assumed" : "bar");
      }
      w.text(bx + bw + 6, ry + 14, text_of(cell) + (flag && v ? " *" : ""), flag ? "meta assumed" : "meta");
    }
    w.close_group();
  }
  w.text(gap, height - 14, "* rests on assumed or estimated inputs (light, dashed); hatched: unknown, not zero.", "meta");
  return std::move(w).finish();
}

}  // namespace orgmodel
