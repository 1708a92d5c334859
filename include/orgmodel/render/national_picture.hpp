#pragma once
/// @file
/// @brief The national picture as SVG: every county (SCB 2023) as a tile with its population and
/// the organisations of the given models that serve it; tiles of counties without a
/// single-county organisation are dashed and say "no organisation" (from `national_view`).

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "orgmodel/analysis/national_view.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/render/svg.hpp"

namespace orgmodel {

/// @brief The national picture of `models` as one SVG document (id `national-picture`): one
/// `g.county` per county (id `county-<code>`), its rect `county has` or `county none`.
inline std::string national_picture_svg(std::span<const model> models) {
  constexpr double tile_w = 300, tile_pad = 8, line_h = 16, font = 12, gap = 10, cols = 4;
  const auto v = national_view(models);
  std::vector<std::vector<std::pair<std::string, std::string>>> lines(v.counties.size());
  const auto chars = static_cast<std::size_t>((tile_w - 2 * tile_pad) / (0.62 * font));
  double row_h = 0;
  for (std::size_t i = 0; i < v.counties.size(); ++i) {
    const auto& c = v.counties[i];
    auto add = [&](const std::string& cls, const std::string& s) {
      for (auto& l : svg::wrap(s, chars)) lines[i].emplace_back(cls, std::move(l));
    };
    add("name", std::string(c.name));
    add("meta", group_thousands(c.population) + " inhabitants, " + std::to_string(c.served) + "/" +
                    std::to_string(c.municipalities) + " municipalities served");
    if (c.organisations.empty()) add("mandate", "no organisation");
    for (auto o : c.organisations) add("label", "■ " + v.organisations[o].name);
    for (auto o : c.cross_county) add("meta", "□ " + v.organisations[o].name + " (cross-county)");
    row_h = std::max(row_h, line_h * static_cast<double>(lines[i].size()) + 2 * tile_pad);
  }
  const auto rows = static_cast<double>((v.counties.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols));
  const double width = cols * (tile_w + gap) + gap, height = 40 + rows * (row_h + gap) + 20;
  std::string desc = "Every county and the organisations serving it; without a single-county organisation: ";
  for (std::size_t i = 0; i < v.counties_without_organisation.size(); ++i) {
    for (const auto& c : v.counties)
      if (c.code == v.counties_without_organisation[i]) desc += (i ? ", " : "") + std::string(c.name);
  }
  svg::writer w("national-picture", width, height, "The national picture", desc + ".");
  w.text(8, 20, "The national picture: " + std::to_string(v.counties_without_organisation.size()) + " of " +
                    std::to_string(v.counties.size()) + " counties without an organisation of these models",
         "heading");
  for (std::size_t i = 0; i < v.counties.size(); ++i) {
    const auto& c = v.counties[i];
    const double x = gap + static_cast<double>(i % static_cast<std::size_t>(cols)) * (tile_w + gap);
    const double y = 40 + static_cast<double>(i / static_cast<std::size_t>(cols)) * (row_h + gap);
    w.open_group("county", "county-" + std::string(c.code));
    w.rect(x, y, tile_w, row_h, c.without_organisation ? "county none" : "county has", "fill-opacity=\"0.12\"");
    double ty = y + tile_pad + font;
    for (const auto& [cls, s] : lines[i]) {
      w.text(x + tile_pad, ty, s, cls);
      ty += line_h;
    }
    w.close_group();
  }
  return std::move(w).finish();
}

}  // namespace orgmodel
