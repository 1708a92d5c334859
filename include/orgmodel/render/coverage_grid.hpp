#pragma once
/// @file
/// @brief The coverage grid of a model as SVG: one row per stakeholder (members by default) with
/// its population, one column per layer (owner, political, executive, operative); a cell says
/// whether the stakeholder sits there itself ("seat", "owns"), only through a representative
/// ("via rep."), or not at all (from `coverage`).

#include <algorithm>
#include <array>
#include <string>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/render/svg.hpp"

namespace orgmodel {

/// @brief The coverage grid of `r` (computed on `m`) as one SVG document (id `coverage-<model id>`):
/// one `g.stakeholder` per stakeholder, its cells `rect.cell direct|delegated|none`.
inline std::string coverage_grid_svg(const model& m, const coverage_result& r) {
  constexpr double font = 12, row_h = 20, cell_w = 96, pop_w = 110;
  static constexpr std::array<layer, 4> order{layer::owner, layer::political, layer::executive, layer::operative};
  double name_w = 160;
  for (const auto& s : r.stakeholders) name_w = std::max(name_w, svg::text_width(m[s.stakeholder].name, font) + 16);
  const double x_pop = name_w, x_cells = name_w + pop_w;
  const double width = x_cells + cell_w * 4 + 10, height = 64 + row_h * static_cast<double>(r.stakeholders.size()) + 10;
  svg::writer w("coverage-" + m.info().id, width, height, "Coverage: " + m.info().name,
                "Each stakeholder of " + m[r.subject].name +
                    " on each layer: a seat or ownership of its own, only through a representative, or none; "
                    "with population (SCB 2023).");
  w.raw(svg::hatch_defs("hatch-c-" + m.info().id));
  w.text(8, 20, "Coverage: " + m[r.subject].name, "heading");
  w.text(8, 50, "stakeholder", "band-label");
  w.text(x_pop + pop_w - 12, 50, "population", "band-label", "end");
  for (std::size_t c = 0; c < order.size(); ++c)
    w.text(x_cells + cell_w * static_cast<double>(c) + cell_w / 2, 50, std::string(to_string(order[c])), "band-label", "middle");
  for (std::size_t i = 0; i < r.stakeholders.size(); ++i) {
    const auto& s = r.stakeholders[i];
    const double y = 60 + row_h * static_cast<double>(i);
    w.open_group("stakeholder");
    w.text(8, y + 14, m[s.stakeholder].name, "label");
    w.text(x_pop + pop_w - 12, y + 14, s.population ? group_thousands(*s.population) : "unknown", "meta", "end");
    for (std::size_t c = 0; c < order.size(); ++c) {
      const auto& p = s.layers[static_cast<std::size_t>(order[c])];
      const double x = x_cells + cell_w * static_cast<double>(c);
      const bool direct = p.direct();
      w.rect(x + 4, y + 2, cell_w - 8, row_h - 4, direct ? "cell direct" : (p.delegated ? "cell delegated" : "cell none"),
             p.delegated && !direct ? "fill=\"url(#hatch-c-" + svg::escape(m.info().id) + ")\"" : "");
      if (direct) w.text(x + cell_w / 2, y + 14, p.owns && p.seats == 0 ? "owns" : std::to_string(p.seats) + " seat" + (p.seats == 1 ? "" : "s"), "seg", "middle");
      else if (p.delegated) w.text(x + cell_w / 2, y + 14, "via rep.", "label", "middle");
    }
    w.close_group();
  }
  return std::move(w).finish();
}

}  // namespace orgmodel
