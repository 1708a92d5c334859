#pragma once
/// @file
/// @brief Boost.Graph views of one relation layer of a model, stored as compressed sparse rows.
///
/// Each layer is a `boost::compressed_sparse_row_graph<bidirectionalS>`: it models
/// VertexListGraph, EdgeListGraph, IncidenceGraph, AdjacencyGraph and BidirectionalGraph, so any
/// stock BGL algorithm runs on it. Storage is a few flat arrays (no per-edge allocation), which is
/// what lets the analyses run on synthetic nations of millions of entities.
///
/// @code
/// orgmodel::layer_graph esc(m, orgmodel::relation_layer::escalation);
/// std::vector<double> days(boost::num_vertices(esc.graph()));
/// boost::dijkstra_shortest_paths(esc.graph(), esc.vertex(m.body_at("strategist")),
///     boost::weight_map(esc.preparation_days_map()).distance_map(
///         boost::make_iterator_property_map(days.begin(), boost::get(boost::vertex_index, esc.graph()))));
/// @endcode

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "orgmodel/config.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief The relation layers a model can be viewed as a graph of.
enum class relation_layer : std::uint8_t {
  governance,   ///< organisation → body, one edge per seat (vertices: organisations, then bodies)
  escalation,   ///< body → body, one edge per escalation line (vertices: bodies)
  ownership,    ///< owner → owned (vertices: organisations)
  funding,      ///< payer → recipient, one edge per funding rule (vertices: organisations)
  membership,   ///< member → joint organisation (vertices: organisations)
  affiliation,  ///< child → parent, part-of and host (vertices: organisations)
};
template <>
struct enum_names<relation_layer> {
  static constexpr std::string_view what = "layer";
  static constexpr std::array<std::string_view, 6> names{"governance", "escalation", "ownership",
                                                         "funding",    "membership", "affiliation"};
};

/// @brief Bundled edge property: the index of the relation (seat, line, rule …) an edge stands for.
struct layer_edge {
  std::uint32_t relation = 0;
};

/// @brief The CSR graph type of every layer: 32-bit vertices and edge indices.
using layer_csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, layer_edge,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;

}  // namespace orgmodel

namespace boost {
/// @brief In-degree plus out-degree of a vertex of a layer graph.
///
/// Boost's bidirectional CSR graph has `in_degree` and `out_degree` but no `degree`
/// (boostorg/graph#330), so without this overload it fails `BidirectionalGraphConcept` and stock
/// algorithms that check that concept (e.g. `lengauer_tarjan_dominator_tree`) do not compile on a
/// layer. A non-template overload for the one CSR type orgmodel uses, found by argument-dependent
/// lookup; it wins over a template Boost may add later.
inline std::uint32_t degree(std::uint32_t v, const orgmodel::layer_csr& g) { return out_degree(v, g) + in_degree(v, g); }
}  // namespace boost

namespace orgmodel {

/// @brief One relation layer of a model as a BGL graph, with maps back to the model.
/// Holds a pointer to the model: the model must outlive the view.
class layer_graph {
 public:
  using vertex_descriptor = boost::graph_traits<layer_csr>::vertex_descriptor;
  using edge_descriptor = boost::graph_traits<layer_csr>::edge_descriptor;

  layer_graph(const model& m, relation_layer l) : m_(&m), layer_(l) {
    n_orgs_ = static_cast<std::uint32_t>(m.organisations().size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<layer_edge> props;
    auto add = [&](std::uint32_t s, std::uint32_t t, std::size_t rel) {
      edges.emplace_back(s, t);
      props.push_back({static_cast<std::uint32_t>(rel)});
    };
    std::uint32_t n = n_orgs_;
    switch (l) {
      case relation_layer::governance:
        n = n_orgs_ + static_cast<std::uint32_t>(m.bodies().size());
        reserve(edges, props, m.seats().size());
        for (std::size_t i = 0; i < m.seats().size(); ++i) add(m.seats()[i].holder.value, n_orgs_ + m.seats()[i].body.value, i);
        break;
      case relation_layer::escalation:
        n = static_cast<std::uint32_t>(m.bodies().size());
        reserve(edges, props, m.escalations().size());
        for (std::size_t i = 0; i < m.escalations().size(); ++i) add(m.escalations()[i].from.value, m.escalations()[i].to.value, i);
        break;
      case relation_layer::ownership:
        reserve(edges, props, m.ownerships().size());
        for (std::size_t i = 0; i < m.ownerships().size(); ++i) add(m.ownerships()[i].owner.value, m.ownerships()[i].owned.value, i);
        break;
      case relation_layer::funding:
        reserve(edges, props, m.funding_rules().size());
        for (std::size_t i = 0; i < m.funding_rules().size(); ++i)
          add(m.funding_rules()[i].payer.value, m.funding_rules()[i].recipient.value, i);
        break;
      case relation_layer::membership:
        reserve(edges, props, m.memberships().size());
        for (std::size_t i = 0; i < m.memberships().size(); ++i)
          add(m.memberships()[i].member.value, m.memberships()[i].organisation.value, i);
        break;
      case relation_layer::affiliation:
        reserve(edges, props, m.affiliations().size());
        for (std::size_t i = 0; i < m.affiliations().size(); ++i)
          add(m.affiliations()[i].child.value, m.affiliations()[i].parent.value, i);
        break;
    }
    g_ = layer_csr(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), props.begin(), n);
  }

  /// @brief The BGL graph.
  [[nodiscard]] const layer_csr& graph() const noexcept { return g_; }
  [[nodiscard]] relation_layer layer() const noexcept { return layer_; }
  [[nodiscard]] const model& source() const noexcept { return *m_; }
  [[nodiscard]] std::uint32_t num_vertices() const noexcept { return static_cast<std::uint32_t>(boost::num_vertices(g_)); }
  [[nodiscard]] std::uint32_t num_edges() const noexcept { return static_cast<std::uint32_t>(boost::num_edges(g_)); }

  /// @brief True when vertex v stands for a body (escalation layer, or governance past the organisations).
  [[nodiscard]] bool is_body(vertex_descriptor v) const noexcept {
    return layer_ == relation_layer::escalation || (layer_ == relation_layer::governance && v >= n_orgs_);
  }
  /// @brief The vertex of an organisation. Precondition: the layer has organisation vertices.
  [[nodiscard]] vertex_descriptor vertex(organisation_index o) const noexcept {
    ORGMODEL_ASSERT(layer_ != relation_layer::escalation);
    return o.value;
  }
  /// @brief The vertex of a body. Precondition: the layer has body vertices.
  [[nodiscard]] vertex_descriptor vertex(body_index b) const noexcept {
    ORGMODEL_ASSERT(layer_ == relation_layer::escalation || layer_ == relation_layer::governance);
    return layer_ == relation_layer::governance ? n_orgs_ + b.value : b.value;
  }
  [[nodiscard]] organisation_index organisation_of(vertex_descriptor v) const noexcept {
    ORGMODEL_ASSERT(!is_body(v));
    return organisation_index(v);
  }
  [[nodiscard]] body_index body_of(vertex_descriptor v) const noexcept {
    ORGMODEL_ASSERT(is_body(v));
    return body_index(layer_ == relation_layer::governance ? v - n_orgs_ : v);
  }
  /// @brief Index of the relation an edge stands for (seat, escalation line, ownership, rule …).
  [[nodiscard]] std::uint32_t relation(edge_descriptor e) const noexcept { return g_[e].relation; }

  /// @brief The model id of a vertex's organisation or body.
  [[nodiscard]] std::string_view id(vertex_descriptor v) const {
    return is_body(v) ? std::string_view((*m_)[body_of(v)].id) : std::string_view((*m_)[organisation_of(v)].id);
  }
  /// @brief The display name of a vertex's organisation or body.
  [[nodiscard]] std::string_view name(vertex_descriptor v) const {
    return is_body(v) ? std::string_view((*m_)[body_of(v)].name) : std::string_view((*m_)[organisation_of(v)].name);
  }

  /// @brief Readable property map: vertex → name.
  [[nodiscard]] auto name_map() const {
    return boost::make_function_property_map<vertex_descriptor>([this](vertex_descriptor v) { return name(v); });
  }
  /// @brief Readable property map: vertex → id.
  [[nodiscard]] auto id_map() const {
    return boost::make_function_property_map<vertex_descriptor>([this](vertex_descriptor v) { return id(v); });
  }
  /// @brief Readable property map over edges: any function of the relation index, as a weight.
  template <class Fn>
  [[nodiscard]] auto edge_map(Fn fn) const {
    return boost::make_function_property_map<edge_descriptor>([this, fn](edge_descriptor e) { return fn(g_[e].relation); });
  }
  /// @brief Escalation layer: days of preparation on each line.
  [[nodiscard]] auto preparation_days_map() const {
    ORGMODEL_ASSERT(layer_ == relation_layer::escalation);
    return edge_map([m = m_](std::uint32_t r) { return m->escalations()[r].preparation_days; });
  }
  /// @brief Ownership layer: equity share of each holding (midpoint of a range).
  [[nodiscard]] auto equity_map() const {
    ORGMODEL_ASSERT(layer_ == relation_layer::ownership);
    return edge_map([m = m_](std::uint32_t r) { return m->ownerships()[r].equity.mid(); });
  }
  /// @brief Governance layer: votes of each seat.
  [[nodiscard]] auto votes_map() const {
    ORGMODEL_ASSERT(layer_ == relation_layer::governance);
    return edge_map([m = m_](std::uint32_t r) { return m->seats()[r].votes; });
  }

 private:
  static void reserve(std::vector<std::pair<std::uint32_t, std::uint32_t>>& e, std::vector<layer_edge>& p, std::size_t n) {
    e.reserve(n);
    p.reserve(n);
  }
  const model* m_;
  relation_layer layer_;
  std::uint32_t n_orgs_ = 0;
  layer_csr g_;
};

}  // namespace orgmodel
