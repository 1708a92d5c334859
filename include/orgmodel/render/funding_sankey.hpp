#pragma once
/// @file
/// @brief The funding flows of a model in one year as an SVG Sankey diagram: payers grouped
/// (municipalities, regions, state and EU, partners) → recipient organisation → purpose (the
/// part of the rule's purpose before ':', "base", "project", "marketing"). Band widths are the
/// known amounts in SEK; a flow whose amount is unknown is drawn as a hatched band of fixed width
/// labelled "unknown", never as zero.

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/render/svg.hpp"

namespace orgmodel {

/// @brief The payer group a funding flow is drawn under.
inline std::string funding_payer_group(organisation_kind k) {
  switch (k) {
    case organisation_kind::municipality:
    case organisation_kind::municipal_association: return "Municipalities";
    case organisation_kind::region: return "Regions";
    case organisation_kind::agency:
    case organisation_kind::fund: return "State and EU";
    default: return "Partners";
  }
}

/// @brief The purpose column a rule's purpose is drawn under: the text before ':', "unspecified" when empty.
inline std::string funding_purpose_group(const std::string& purpose) {
  if (purpose.empty()) return "unspecified";
  return purpose.substr(0, purpose.find(':'));
}

/// @brief The funding flows of `m` in `year` as one SVG document (id `funding-<model id>`): one
/// `rect.node` per payer group, recipient and purpose, one `path.flow` per known part of a link and
/// one `path.flow.unknown` per link with unknown flows.
inline std::string funding_sankey_svg(const model& m, int year) {
  constexpr double font = 12, line_h = 15, node_w = 14, gap = 40, unknown_w = 10, max_h = 360, col_w = 340;
  const auto ev = evaluate_funding(m, year);
  struct amount { money known; std::size_t unknown = 0; };
  // Node keys per column, in first-seen order; links keyed by (from, to).
  std::array<std::vector<std::string>, 3> cols;
  std::array<std::map<std::string, amount>, 3> node_sum;
  std::map<std::pair<std::string, std::string>, amount> links01, links12;
  auto note = [](std::vector<std::string>& v, const std::string& k) {
    if (std::find(v.begin(), v.end(), k) == v.end()) v.push_back(k);
  };
  auto add = [](amount& a, const std::optional<money>& v) {
    if (v) a.known = a.known + *v;
    else ++a.unknown;
  };
  for (const auto& f : ev.flows) {
    const auto g = funding_payer_group(m[f.payer].kind);
    const auto r = m[f.recipient].name;
    const auto p = funding_purpose_group(m[f.rule].purpose);
    note(cols[0], g), note(cols[1], r), note(cols[2], p);
    add(node_sum[0][g], f.amount), add(node_sum[1][r], f.amount), add(node_sum[2][p], f.amount);
    add(links01[{g, r}], f.amount), add(links12[{r, p}], f.amount);
  }
  std::int64_t biggest = 1;
  for (int c = 0; c < 3; ++c) {
    std::int64_t t = 0;
    for (const auto& [k, a] : node_sum[c]) t += a.known.minor();
    biggest = std::max(biggest, t);
  }
  const double scale = max_h / static_cast<double>(biggest);
  auto thick = [&](const amount& a) {
    return (a.known.minor() > 0 ? std::max(2.0, static_cast<double>(a.known.minor()) * scale) : 0.0) +
           (a.unknown ? unknown_w : 0.0);
  };
  auto label = [](const std::string& name, const amount& a) {
    std::string s = a.known.minor() > 0 || a.unknown == 0 ? format_amount(a.known) + " SEK" : "";
    if (a.unknown) s += (s.empty() ? "" : " + ") + std::to_string(a.unknown) + " unknown";
    return std::vector<std::string>{name, s};
  };
  // Node positions: each column stacked from the top, at least two label lines high.
  struct node { double x, y, h; double out_off = 0, in_off = 0; };
  std::array<std::map<std::string, node>, 3> nodes;
  double height = 60;
  const std::array<double, 3> xs{col_w, col_w * 2, col_w * 3};
  for (int c = 0; c < 3; ++c) {
    double y = 72;
    for (const auto& k : cols[c]) {
      const double h = std::max(thick(node_sum[c][k]), 2 * line_h);
      nodes[c][k] = {xs[c], y, h};
      y += h + gap;
    }
    height = std::max(height, y + 10);
  }
  const double width = xs[2] + node_w + col_w;
  svg::writer w("funding-" + m.info().id, width, height, "Funding flows " + std::to_string(year) + ": " + m.info().name,
                "Payers grouped by kind, the organisation funded and the purpose, amounts in SEK for " +
                    std::to_string(year) + "; hatched bands are flows whose amount is unknown.");
  w.raw(svg::hatch_defs("hatch-" + m.info().id));
  w.text(8, 20, "Funding flows " + std::to_string(year) + ": " + m.info().name, "heading");
  if (ev.flows.empty()) w.text(8, 40, "no funding rule in force in " + std::to_string(year), "meta");
  auto band = [&](node& a, node& b, const amount& l, const std::string& tip) {
    const double known_h = l.known.minor() > 0 ? std::max(2.0, static_cast<double>(l.known.minor()) * scale) : 0.0;
    auto draw = [&](double h, const char* cls, const std::string& t) {
      const double x1 = a.x + node_w, x2 = b.x, y1 = a.y + a.out_off, y2 = b.y + b.in_off, mx = (x1 + x2) / 2;
      const std::string d = "M" + svg::num(x1) + "," + svg::num(y1) + " C" + svg::num(mx) + "," + svg::num(y1) + " " +
                            svg::num(mx) + "," + svg::num(y2) + " " + svg::num(x2) + "," + svg::num(y2) + " L" +
                            svg::num(x2) + "," + svg::num(y2 + h) + " C" + svg::num(mx) + "," + svg::num(y2 + h) + " " +
                            svg::num(mx) + "," + svg::num(y1 + h) + " " + svg::num(x1) + "," + svg::num(y1 + h) + " Z";
      w.raw("<path class=\"" + std::string(cls) + "\" d=\"" + d + "\"" +
            (std::string(cls) == "flow unknown" ? " fill=\"url(#hatch-" + svg::escape(m.info().id) + ")\"" : "") +
            "><title>" + svg::escape(t) + "</title></path>\n");
      a.out_off += h, b.in_off += h;
    };
    if (known_h > 0) draw(known_h, "flow", tip + ": " + format_amount(l.known) + " SEK");
    if (l.unknown) draw(unknown_w, "flow unknown", tip + ": " + std::to_string(l.unknown) + " flow(s) of unknown amount");
  };
  w.open_group("flows");
  // Links in column order on both ends, so bands leave and arrive top to bottom without crossing
  // at their nodes.
  auto links = [&](int c, const std::map<std::pair<std::string, std::string>, amount>& ls) {
    for (const auto& a : cols[c])
      for (const auto& b : cols[c + 1])
        if (auto it = ls.find({a, b}); it != ls.end()) band(nodes[c][a], nodes[c + 1][b], it->second, a + " → " + b);
  };
  links(0, links01);
  links(1, links12);
  w.close_group();
  for (int c = 0; c < 3; ++c) {
    for (const auto& k : cols[c]) {
      const auto& n = nodes[c][k];
      w.open_group("funding-node");
      w.rect(n.x, n.y, node_w, n.h, "node");
      const auto lines = label(k, node_sum[c][k]);
      const double lx = c == 0 ? n.x - 6 : n.x + node_w + 6;
      // Middle column: labels above the node (the bands leave to the right).
      const double ly = c == 1 ? n.y - 4 - line_h : n.y + font;
      for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].empty())
          w.text(c == 1 ? n.x : lx, ly + line_h * static_cast<double>(i) - (c == 1 ? line_h * 0 : 0), lines[i],
                 i ? "meta" : "label", c == 0 ? "end" : "start");
      w.close_group();
    }
  }
  return std::move(w).finish();
}

}  // namespace orgmodel
