#pragma once
/// @file
/// @brief Compact CSV export of a relation layer, for other tools (NetworkX, igraph, graph-tool,
/// SciPy; see bench/peers/edge_lists.py).
///
/// Two files per layer: `<layer>.vertices.csv` with `vertex,id,type` (vertex = 0-based index of
/// the layer graph; type `organisation` or `body`) and `<layer>.edges.csv` with
/// `source,target,weight` (vertex indices). Weights: governance — the seat's votes; escalation —
/// preparation days; ownership — equity (midpoint of its range, as a decimal); funding,
/// membership, affiliation — 1 (one edge per rule or relation; parallel edges are kept).
/// Lines end in "\n"; ids never contain commas or quotes in generated models, and are quoted
/// (RFC 4180) when they do.

#include <array>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>

#include "orgmodel/error.hpp"
#include "orgmodel/graph/layer_graph.hpp"

namespace orgmodel {

namespace detail {

inline void csv_field(std::ostream& out, std::string_view f) {
  if (f.find_first_of(",\"\n\r") == std::string_view::npos) {
    out << f;
    return;
  }
  out << '"';
  for (char c : f) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

/// @brief Shortest text that reads back as the same double ("0.75", "3", "0.3333333333333333").
inline void put_double(std::string& buf, double x) {
  char tmp[32];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, x);
  buf.append(tmp, r.ptr);
}
inline void put_uint(std::string& buf, std::uint64_t x) {
  char tmp[24];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, x);
  buf.append(tmp, r.ptr);
}

}  // namespace detail

/// @brief The weight of an edge as exported (see the file comment).
inline double edge_list_weight(const layer_graph& g, layer_graph::edge_descriptor e) {
  const auto& m = g.source();
  const auto r = g.relation(e);
  switch (g.layer()) {
    case relation_layer::governance: return static_cast<double>(m.seats()[r].votes);
    case relation_layer::escalation: return m.escalations()[r].preparation_days;
    case relation_layer::ownership: return m.ownerships()[r].equity.mid();
    default: return 1.0;
  }
}

/// @brief Writes `source,target,weight`, one line per edge, in the graph's edge order.
inline void write_edge_list(std::ostream& out, const layer_graph& g) {
  std::string buf = "source,target,weight\n";
  buf.reserve(1 << 16);
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) {
    detail::put_uint(buf, boost::source(*it, g.graph()));
    buf += ',';
    detail::put_uint(buf, boost::target(*it, g.graph()));
    buf += ',';
    detail::put_double(buf, edge_list_weight(g, *it));
    buf += '\n';
    if (buf.size() > (1 << 16) - 64) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

/// @brief Writes `vertex,id,type`, one line per vertex.
inline void write_vertices(std::ostream& out, const layer_graph& g) {
  out << "vertex,id,type\n";
  std::string buf;
  const auto n = g.num_vertices();
  for (std::uint32_t v = 0; v < n; ++v) {
    buf.clear();
    detail::put_uint(buf, v);
    buf += ',';
    out << buf;
    detail::csv_field(out, g.id(v));
    out << (g.is_body(v) ? ",body\n" : ",organisation\n");
  }
}

/// @brief Vertex and edge counts of one exported layer.
struct edge_list_counts {
  relation_layer layer = relation_layer::governance;
  std::uint64_t vertices = 0;
  std::uint64_t edges = 0;
};

/// @brief Writes every layer of a model into `dir` (created when missing) as
/// `<layer>.vertices.csv` and `<layer>.edges.csv`, and returns the counts per layer.
/// @throws lookup_error when a file cannot be written.
inline std::array<edge_list_counts, 6> write_edge_lists(const model& m, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::array<edge_list_counts, 6> counts;
  for (std::size_t i = 0; i < enum_names<relation_layer>::names.size(); ++i) {
    const auto l = static_cast<relation_layer>(i);
    layer_graph g(m, l);
    const std::string name(to_string(l));
    auto open = [&](const std::string& file) {
      std::ofstream f(dir / file, std::ios::binary);
      if (!f) throw lookup_error("cannot write file \"" + (dir / file).string() + "\"");
      return f;
    };
    auto v = open(name + ".vertices.csv");
    write_vertices(v, g);
    auto e = open(name + ".edges.csv");
    write_edge_list(e, g);
    if (!v || !e) throw lookup_error("error writing the edge lists of layer " + name + " in \"" + dir.string() + "\"");
    counts[i] = {l, g.num_vertices(), g.num_edges()};
  }
  return counts;
}

}  // namespace orgmodel
