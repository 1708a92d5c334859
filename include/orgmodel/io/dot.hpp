#pragma once
/// @file
/// @brief Graphviz DOT export of any relation layer.
///
/// Written by hand rather than with boost::write_graphviz: every id is quoted and every string
/// escaped, so keyword ids ("node", "graph") and backslashes cannot break the output.

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

#include "orgmodel/core/escape.hpp"
#include "orgmodel/graph/layer_graph.hpp"

namespace orgmodel {

namespace detail {
/// @brief A DOT double-quoted string: a newline (or CRLF) is DOT's line break `\n`; every other control
/// character is written out as text (`escape_control_characters`: ESC as `\x1b`, NUL as `\x00`),
/// so a name cannot reach a terminal raw; " and \ are escaped.
inline std::string dot_quote(std::string_view s) {
  std::string q = "\"";
  for (std::size_t start = 0;;) {
    const auto nl = s.find('\n', start);
    auto line = s.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (nl != std::string_view::npos && line.ends_with('\r')) line.remove_suffix(1);  // CRLF is one line break
    for (char c : escape_control_characters(line)) {
      if (c == '"' || c == '\\') q += '\\';
      q += c;
    }
    if (nl == std::string_view::npos) break;
    q += "\\n";
    start = nl + 1;
  }
  return q + '"';
}

inline std::string edge_label(const model& m, relation_layer l, std::uint32_t r) {
  switch (l) {
    case relation_layer::governance: {
      const auto& s = m.seats()[r];
      std::string t = s.role.empty() ? "seat" : s.role;
      if (s.chair) t += " (chair)";
      return t;
    }
    case relation_layer::escalation: {
      const auto& e = m.escalations()[r];
      std::string t = e.classes.is_all() ? std::string("all") : std::string();
      const auto& names = m.decision_class_names();
      for (std::size_t c = 0; c < names.size() && !e.classes.is_all(); ++c)
        if (e.classes.contains(static_cast<decision_class>(c))) t += (t.empty() ? "" : ", ") + names[c];
      return t;
    }
    case relation_layer::ownership: {
      const auto& o = m.ownerships()[r];
      return o.equity.exact() ? o.equity.low.str() : o.equity.low.str() + "–" + o.equity.high.str();
    }
    case relation_layer::funding: return m.funding_rules()[r].id + " (" + std::string(to_string(m.funding_rules()[r].basis)) + ")";
    case relation_layer::membership: return std::string(to_string(m.memberships()[r].kind));
    case relation_layer::affiliation: return std::string(to_string(m.affiliations()[r].kind));
  }
  return {};
}
}  // namespace detail

/// @brief Writes one layer as a DOT digraph: organisations as boxes, bodies as ellipses.
inline void write_dot(std::ostream& out, const layer_graph& g) {
  const model& m = g.source();
  out << "digraph " << detail::dot_quote(m.info().id + ":" + std::string(to_string(g.layer()))) << " {\n";
  out << "  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (std::uint32_t v = 0; v < g.num_vertices(); ++v) {
    const bool b = g.is_body(v);
    out << "  " << detail::dot_quote((b ? "body:" : "org:") + std::string(g.id(v))) << " [label="
        << detail::dot_quote(g.name(v)) << ", shape=" << (b ? "ellipse" : "box") << "];\n";
  }
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) {
    auto s = boost::source(*it, g.graph()), t = boost::target(*it, g.graph());
    out << "  " << detail::dot_quote((g.is_body(s) ? "body:" : "org:") + std::string(g.id(s))) << " -> "
        << detail::dot_quote((g.is_body(t) ? "body:" : "org:") + std::string(g.id(t)))
        << " [label=" << detail::dot_quote(detail::edge_label(m, g.layer(), g.relation(*it))) << "];\n";
  }
  out << "}\n";
}

/// @brief One layer of a model as DOT text.
inline std::string to_dot(const model& m, relation_layer l) {
  std::ostringstream s;
  write_dot(s, layer_graph(m, l));
  return s.str();
}

}  // namespace orgmodel
