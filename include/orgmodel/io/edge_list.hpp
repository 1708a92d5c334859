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
///
/// With attributes (`write_attributed_edges`, `write_attributed_vertices`; `orgmodel export --to
/// csv`): vertices are keyed "org:<id>" or "body:<id>" (organisations and bodies may share an id)
/// with model_id, name, type, kind and governance layer; edges carry the layer's attributes
/// (`edge_attributes`): shares as decimal bounds, money as integer öre, and are written with the
/// same columns to GraphML (io/graphml.hpp). A missing value (unknown) is an empty field, never 0.

#include <array>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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

/// @brief The type of an exported attribute (GraphML attr.type; CSV readers infer it).
enum class attribute_type : std::uint8_t { string, integer, real, boolean };

/// @brief One attribute column of a layer's edges or vertices.
struct attribute_column {
  std::string_view name;
  attribute_type type;
};

/// @brief The vertex attributes of every layer: model_id, name, type, kind, layer. (Not "id":
/// igraph keeps the GraphML node id in a vertex attribute of that name.)
inline constexpr std::array<attribute_column, 5> vertex_attributes{{{"model_id", attribute_type::string},
                                                                    {"name", attribute_type::string},
                                                                    {"type", attribute_type::string},
                                                                    {"kind", attribute_type::string},
                                                                    {"layer", attribute_type::string}}};

/// @brief The edge attributes of a layer, in column order: every layer has relation (the
/// layer's name) and weight (as in `edge_list_weight`); then per layer —
/// governance: votes, chair, role; escalation: preparation_days; ownership: equity_low,
/// equity_high, votes_low, votes_high, equity (the exact fraction as text); funding: rule, basis,
/// amount_ore, rate_ore, ratio; membership and affiliation: kind.
inline std::vector<attribute_column> edge_attributes(relation_layer l) {
  using t = attribute_type;
  std::vector<attribute_column> c{{"relation", t::string}, {"weight", t::real}};
  switch (l) {
    case relation_layer::governance: c.insert(c.end(), {{"votes", t::integer}, {"chair", t::boolean}, {"role", t::string}}); break;
    case relation_layer::escalation: c.push_back({"preparation_days", t::real}); break;
    case relation_layer::ownership:
      c.insert(c.end(), {{"equity_low", t::real}, {"equity_high", t::real}, {"votes_low", t::real}, {"votes_high", t::real}, {"equity", t::string}});
      break;
    case relation_layer::funding:
      c.insert(c.end(), {{"rule", t::string}, {"basis", t::string}, {"amount_ore", t::integer}, {"rate_ore", t::integer}, {"ratio", t::real}});
      break;
    case relation_layer::membership:
    case relation_layer::affiliation: c.push_back({"kind", t::string}); break;
  }
  return c;
}

/// @brief The key of a vertex in attributed exports: "org:<id>" or "body:<id>".
inline std::string vertex_key(const layer_graph& g, layer_graph::vertex_descriptor v) {
  return (g.is_body(v) ? "body:" : "org:") + std::string(g.id(v));
}

/// @brief The values of `vertex_attributes` for a vertex.
inline std::array<std::string, 5> vertex_values(const layer_graph& g, layer_graph::vertex_descriptor v) {
  const model& m = g.source();
  if (g.is_body(v)) {
    const auto& b = m[g.body_of(v)];
    return {b.id, b.name, "body", std::string(to_string(b.kind)), std::string(to_string(b.layer))};
  }
  const auto& o = m[g.organisation_of(v)];
  return {o.id, o.name, "organisation", std::string(to_string(o.kind)), ""};
}

/// @brief The values of `edge_attributes(g.layer())` for an edge; "" where the model has no value.
inline std::vector<std::string> edge_values(const layer_graph& g, layer_graph::edge_descriptor e) {
  const model& m = g.source();
  const auto r = g.relation(e);
  auto real = [](double x) {
    std::string s;
    detail::put_double(s, x);
    return s;
  };
  std::vector<std::string> v{std::string(to_string(g.layer())), real(edge_list_weight(g, e))};
  switch (g.layer()) {
    case relation_layer::governance: {
      const auto& s = m.seats()[r];
      v.insert(v.end(), {std::to_string(s.votes), s.chair ? "true" : "false", s.role});
      break;
    }
    case relation_layer::escalation: v.push_back(real(m.escalations()[r].preparation_days)); break;
    case relation_layer::ownership: {
      const auto& o = m.ownerships()[r];
      v.insert(v.end(), {real(o.equity.low.value()), real(o.equity.high.value()), real(o.votes.low.value()), real(o.votes.high.value()),
                         o.equity.exact() ? o.equity.low.str() : o.equity.low.str() + ".." + o.equity.high.str()});
      break;
    }
    case relation_layer::funding: {
      const auto& f = m.funding_rules()[r];
      const bool amount = f.basis == funding_basis::fixed || f.basis == funding_basis::share_of_total;
      const bool ratio = f.basis == funding_basis::matching || f.basis == funding_basis::share_of_total;
      v.insert(v.end(), {f.id, std::string(to_string(f.basis)), amount ? std::to_string(f.amount.minor()) : "",
                         f.basis == funding_basis::per_inhabitant ? std::to_string(f.rate.minor()) : "", ratio ? real(f.ratio.value()) : ""});
      break;
    }
    case relation_layer::membership: v.emplace_back(to_string(m.memberships()[r].kind)); break;
    case relation_layer::affiliation: v.emplace_back(to_string(m.affiliations()[r].kind)); break;
  }
  return v;
}

/// @brief Writes `source,target,<edge_attributes>` with vertex keys, one line per edge: what
/// pandas.read_csv reads as is and networkx.read_edgelist reads after the header line
/// (delimiter ",", with no commas in ids).
inline void write_attributed_edges(std::ostream& out, const layer_graph& g) {
  out << "source,target";
  for (const auto& c : edge_attributes(g.layer())) out << ',' << c.name;
  out << '\n';
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) {
    detail::csv_field(out, vertex_key(g, boost::source(*it, g.graph())));
    out << ',';
    detail::csv_field(out, vertex_key(g, boost::target(*it, g.graph())));
    for (const auto& x : edge_values(g, *it)) {
      out << ',';
      detail::csv_field(out, x);
    }
    out << '\n';
  }
}

/// @brief Writes `vertex,<vertex_attributes>` with vertex keys, one line per vertex.
inline void write_attributed_vertices(std::ostream& out, const layer_graph& g) {
  out << "vertex";
  for (const auto& c : vertex_attributes) out << ',' << c.name;
  out << '\n';
  for (std::uint32_t v = 0; v < g.num_vertices(); ++v) {
    detail::csv_field(out, vertex_key(g, v));
    for (const auto& x : vertex_values(g, v)) {
      out << ',';
      detail::csv_field(out, x);
    }
    out << '\n';
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
