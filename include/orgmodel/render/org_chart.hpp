#pragma once
/// @file
/// @brief The org chart of a model as SVG: one band per layer (owner, political, executive,
/// operative, top to bottom), each body a box with its organisation, cadence, mandates, signatory
/// and seats by member (aggregated beyond six members), escalation lines as arrows, host and
/// owners in the header. Deterministic layered layout: bodies in model order within a band, a
/// band wrapping into rows at a fixed width; box sizes from a conservative text measure, so no two
/// labels overlap.

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/render/svg.hpp"

namespace orgmodel {

namespace detail {

struct chart_box {
  std::uint32_t body = 0;
  double x = 0, y = 0, w = 0, h = 0;
  std::vector<std::pair<std::string, std::string>> lines;  // (css class, text)
};

inline constexpr double org_font = 12, org_line = 16, org_pad = 8, org_gap = 24, org_band_label = 120,
                        org_max_width = 1180, org_wrap_chars = 34;

/// @brief The text lines of body `bi`'s box.
inline std::vector<std::pair<std::string, std::string>> org_box_lines(const model& m, std::uint32_t bi) {
  const auto& b = m.bodies()[bi];
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& cls, const std::string& s) {
    for (auto& l : svg::wrap(s, static_cast<std::size_t>(org_wrap_chars))) out.emplace_back(cls, std::move(l));
  };
  add("name", b.name);
  add("meta", std::string(to_string(b.kind)) + " · " + m[b.organisation].name);
  if (b.meetings_per_year) add("meta", "meets " + format_cadence(b.meetings_per_year) + "×/year");
  else add("meta assumed", "cadence not stated");
  if (!b.mandates.empty()) {
    add("mandate", "★ decides: " + format_classes(m, b.mandates));
    const auto sc = signing_capacity_of(m, b.organisation);
    if (sc.signatory.valid()) add("signatory", "✎ signs: " + m[sc.signatory].name);
    else add("signatory", "✎ signs: no one (no legal person)");
  }
  // Seats by member, in model order of first seat.
  std::vector<std::uint32_t> holders;
  std::map<std::uint32_t, std::pair<int, bool>> count;  // holder → (seats, holds the chair)
  for (const auto& s : m.seats()) {
    if (s.body.value != bi) continue;
    auto [it, fresh] = count.try_emplace(s.holder.value, 0, false);
    if (fresh) holders.push_back(s.holder.value);
    ++it->second.first;
    it->second.second = it->second.second || s.chair;
  }
  std::size_t seats = 0;
  for (const auto& [h, c] : count) seats += static_cast<std::size_t>(c.first);
  if (holders.size() > 6) {
    add("seats", std::to_string(seats) + " seats, " + std::to_string(holders.size()) + " members");
    for (auto h : holders)
      if (count[h].second) add("seats", "chair: " + m.organisations()[h].name);
  } else {
    for (auto h : holders) {
      const auto& [n, chair] = count[h];
      add("seats", "● " + m.organisations()[h].name + (n > 1 ? " ×" + std::to_string(n) : "") + (chair ? " (chair)" : ""));
    }
  }
  return out;
}

}  // namespace detail

/// @brief The org chart of `m` as one SVG document (id `org-<model id>`).
///
/// Elements a reader (and a test) can count: one `g.band` per layer present, one `g.body` per body
/// (id `body-<body id>`), one `line.escalation` per escalation line, `rect.mandate` marking a
/// body with mandates.
inline std::string org_chart_svg(const model& m) {
  using namespace detail;
  static constexpr std::array<layer, 4> order{layer::owner, layer::political, layer::executive, layer::operative};
  static constexpr std::array<std::string_view, 4> band_names{"Owners", "Political", "Executive", "Operative"};

  // Header: organisations with host and owners.
  std::vector<std::string> header;
  for (const auto& a : m.affiliations())
    if (a.kind == affiliation_kind::hosted_by)
      header.push_back(m[a.child].name + " is hosted by " + m[a.parent].name);
  std::map<std::uint32_t, std::vector<std::string>> owners;
  for (const auto& o : m.ownerships())
    owners[o.owned.value].push_back(m[o.owner].name + " (" +
                                    (o.equity.exact() ? format_percent(o.equity.low)
                                                      : format_percent(o.equity.low) + "–" + format_percent(o.equity.high)) +
                                    ")");
  for (const auto& [owned, list] : owners) {
    std::string s = m.organisations()[owned].name + " is owned by ";
    if (list.size() > 6) s += std::to_string(list.size()) + " owners";
    else
      for (std::size_t i = 0; i < list.size(); ++i) s += (i ? ", " : "") + list[i];
    header.push_back(s);
  }
  std::vector<std::string> header_lines;
  for (const auto& h : header)
    for (auto& l : svg::wrap(h, 150)) header_lines.push_back(std::move(l));

  const double top = 34 + org_line * static_cast<double>(header_lines.size()) + 8;
  std::vector<chart_box> boxes(m.bodies().size());
  struct band_geo { std::size_t layer_pos; double y, h; };
  std::vector<band_geo> bands;
  double y = top, width = org_band_label + 200;
  for (std::size_t li = 0; li < order.size(); ++li) {
    std::vector<std::uint32_t> members;
    for (std::uint32_t i = 0; i < m.bodies().size(); ++i)
      if (m.bodies()[i].layer == order[li]) members.push_back(i);
    if (members.empty()) continue;
    const double band_top = y;
    double x = org_band_label + org_gap, row_h = 0;
    y += org_gap;
    for (auto i : members) {
      auto& bx = boxes[i];
      bx.body = i;
      bx.lines = org_box_lines(m, i);
      double w = 150;
      for (const auto& [cls, s] : bx.lines) w = std::max(w, svg::text_width(s, cls == "name" ? org_font + 1 : org_font) + 2 * org_pad);
      bx.w = w;
      bx.h = org_line * static_cast<double>(bx.lines.size()) + 2 * org_pad;
      if (x + w > org_max_width && x > org_band_label + org_gap) {
        x = org_band_label + org_gap;
        y += row_h + org_gap;
        row_h = 0;
      }
      bx.x = x;
      bx.y = y;
      x += w + org_gap;
      row_h = std::max(row_h, bx.h);
      width = std::max(width, x);
    }
    y += row_h + org_gap;
    bands.push_back({li, band_top, y - band_top});
  }
  const double height = y + 10;
  width += 10;

  svg::writer w("org-" + m.info().id, width, height, "Org chart: " + m.info().name,
                "Governance bodies of " + m.info().name + " by layer (owner, political, executive, operative), "
                "with cadence, mandates, signatory and seats by member; arrows are escalation lines.");
  w.raw("<defs><marker id=\"arrow-" + svg::escape(m.info().id) +
        "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
        "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#222\"/></marker></defs>\n");
  w.text(8, 20, m.info().name, "heading");
  for (std::size_t i = 0; i < header_lines.size(); ++i) w.text(8, 34 + org_line * static_cast<double>(i) + 4, header_lines[i], "meta");
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const auto& b = bands[i];
    w.open_group("band band-" + std::string(to_string(order[b.layer_pos])));
    w.rect(0, b.y, width, b.h, i % 2 ? "band-bg odd" : "band-bg even");
    w.text(8, b.y + 20, band_names[b.layer_pos], "band-label");
    w.close_group();
  }
  // Escalation lines under the boxes, from the edge of one box to the edge of the other.
  w.open_group("escalations");
  for (const auto& e : m.escalations()) {
    const auto& a = boxes[e.from.value];
    const auto& b = boxes[e.to.value];
    double x1 = a.x + a.w / 2, y1 = a.y, x2 = b.x + b.w / 2, y2 = b.y + b.h;
    if (b.y + b.h > a.y - 1 && b.y < a.y + a.h) {  // same row: side to side
      y1 = a.y + a.h / 2, y2 = b.y + b.h / 2;
      x1 = b.x > a.x ? a.x + a.w : a.x;
      x2 = b.x > a.x ? b.x : b.x + b.w;
    } else if (b.y > a.y) {  // downwards
      y1 = a.y + a.h, y2 = b.y;
    }
    w.line(x1, y1, x2, y2, "escalation", "marker-end=\"url(#arrow-" + svg::escape(m.info().id) + ")\"");
  }
  w.close_group();
  for (const auto& bx : boxes) {
    const auto& b = m.bodies()[bx.body];
    w.open_group("body", "body-" + b.id);
    w.rect(bx.x, bx.y, bx.w, bx.h, b.mandates.empty() ? "box" : "box mandate");
    double ty = bx.y + org_pad + org_font;
    for (const auto& [cls, s] : bx.lines) {
      w.text(bx.x + org_pad, ty, s, cls);
      ty += org_line;
    }
    w.close_group();
  }
  return std::move(w).finish();
}

}  // namespace orgmodel
