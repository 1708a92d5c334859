#pragma once
/// @file
/// @brief GraphML export of one relation layer, with the attributes of the attributed edge lists
/// (io/edge_list.hpp: `vertex_attributes`, `edge_attributes`), for NetworkX
/// (`networkx.read_graphml`), igraph (`Graph.Read_GraphML`), Gephi and yEd.
///
/// Written by hand (GraphML 1.0, http://graphml.graphdrawing.org/xmlns): a directed graph whose
/// node ids are the vertex keys "org:<id>" / "body:<id>", whose edges have ids "e<n>" in the
/// layer graph's edge order (parallel edges are kept), and one <key> per attribute with its
/// attr.type (string, long, double, boolean). A value the model does not have is left out, so
/// readers see it as missing rather than as 0.

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

#include "orgmodel/core/escape.hpp"
#include "orgmodel/io/edge_list.hpp"

namespace orgmodel {

namespace detail {
inline const char* graphml_type(attribute_type t) {
  switch (t) {
    case attribute_type::integer: return "long";
    case attribute_type::real: return "double";
    case attribute_type::boolean: return "boolean";
    default: return "string";
  }
}
}  // namespace detail

/// @brief Writes one layer as a GraphML document.
inline void write_graphml(std::ostream& out, const layer_graph& g) {
  const auto edge_cols = edge_attributes(g.layer());
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  // Key ids are "v_<name>" and "e_<name>": a vertex and an edge attribute may share a name.
  for (const auto& c : vertex_attributes)
    out << "  <key id=\"v_" << c.name << "\" for=\"node\" attr.name=\"" << c.name << "\" attr.type=\"" << detail::graphml_type(c.type)
        << "\"/>\n";
  for (const auto& c : edge_cols)
    out << "  <key id=\"e_" << c.name << "\" for=\"edge\" attr.name=\"" << c.name << "\" attr.type=\"" << detail::graphml_type(c.type)
        << "\"/>\n";
  out << "  <graph id=\"" << xml_escape(g.source().info().id + ":" + std::string(to_string(g.layer())))
      << "\" edgedefault=\"directed\">\n";
  for (std::uint32_t v = 0; v < g.num_vertices(); ++v) {
    out << "    <node id=\"" << xml_escape(vertex_key(g, v)) << "\">";
    const auto values = vertex_values(g, v);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!values[i].empty()) out << "<data key=\"v_" << vertex_attributes[i].name << "\">" << xml_escape(values[i]) << "</data>";
    out << "</node>\n";
  }
  std::uint64_t n = 0;
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it, ++n) {
    out << "    <edge id=\"e" << n << "\" source=\"" << xml_escape(vertex_key(g, boost::source(*it, g.graph()))) << "\" target=\""
        << xml_escape(vertex_key(g, boost::target(*it, g.graph()))) << "\">";
    const auto values = edge_values(g, *it);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!values[i].empty()) out << "<data key=\"e_" << edge_cols[i].name << "\">" << xml_escape(values[i]) << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

/// @brief One layer of a model as GraphML text.
inline std::string to_graphml(const model& m, relation_layer l) {
  std::ostringstream s;
  write_graphml(s, layer_graph(m, l));
  return s.str();
}

}  // namespace orgmodel
