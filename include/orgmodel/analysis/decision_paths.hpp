#pragma once
/// @file
/// @brief Decision paths: who decides a matter of a given class raised at a body, through which
/// bodies it escalates, the bodies every path passes through, and how many days it takes.
///
/// A matter of class X raised at body s is decided by s when s's mandates contain X. Otherwise it
/// travels along escalation lines carrying X and stops at the *first* body whose mandates contain
/// X (a mandate holder never passes the matter on). The latency of a path counts the wait at
/// every body on it once — including the body where it is raised, which must take the matter up
/// before passing it on — plus every line's preparation days (analysis/latency.hpp).
///
/// @code
/// orgmodel::layer_graph esc(m, orgmodel::relation_layer::escalation);
/// auto r = orgmodel::decision_paths(esc, m.body_at("strategist"), orgmodel::decision_classes::strategy);
/// if (r.found()) std::cout << r.paths.front().days.expected << " days\n";
/// auto all = orgmodel::decision_latency_all(esc, orgmodel::decision_classes::budget);
/// @endcode

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <queue>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "orgmodel/analysis/detail/huge_pages.hpp"
#include "orgmodel/analysis/latency.hpp"
#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Why a matter has no decision path.
enum class no_path_reason : std::uint8_t {
  none,               ///< there is a path
  no_mandate_holder,  ///< no body of the model has the class in its mandates
  dead_end,           ///< the lines carrying the class end at bodies that may not decide it
  cycle,              ///< the lines carrying the class form a cycle (validation rejects this in a model)
};
template <>
struct enum_names<no_path_reason> {
  static constexpr std::string_view what = "no-path reason";
  static constexpr std::array<std::string_view, 4> names{"none", "no_mandate_holder", "dead_end", "cycle"};
};

/// @brief Marks "no escalation line" where a line index is expected.
inline constexpr std::uint32_t no_line = std::numeric_limits<std::uint32_t>::max();

/// @brief Whether the organisation of a deciding body can sign the agreement a matter needs, and
/// who signs when it cannot.
///
/// An organisation signs when `model::can_sign_agreements` says so (its explicit setting, else
/// whether its kind is a legal person). When it cannot — a partnership hosted by a municipality
/// and bound by the host's procurement rules, a unit of a region — the signatory is the nearest
/// organisation up its affiliations (part-of, host, business-area-of; breadth first, model order
/// among equals) that can.
struct signing_capacity {
  organisation_index organisation;         ///< the deciding body's organisation
  bool can_sign = false;                   ///< it can sign in its own name
  organisation_index signatory;            ///< who signs; invalid when no one up the affiliations can
  std::vector<organisation_index> via;     ///< organisation … signatory along the affiliations
};

/// @brief Who signs for organisation `o`.
[[nodiscard]] inline signing_capacity signing_capacity_of(const model& m, organisation_index o) {
  if (o.value >= m.organisations().size())
    throw lookup_error("no organisation #" + std::to_string(o.value) + " in model \"" + m.info().id + "\"");
  signing_capacity s;
  s.organisation = o;
  s.can_sign = m.can_sign_agreements(o);
  if (s.can_sign) {
    s.signatory = o;
    s.via = {o};
    return s;
  }
  const auto affs = m.affiliations();
  std::unordered_map<std::uint32_t, std::uint32_t> came_from{{o.value, o.value}};
  std::vector<std::uint32_t> queue{o.value};
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const auto v = queue[q];
    for (const auto& a : affs) {
      if (a.child.value != v || came_from.contains(a.parent.value)) continue;
      came_from.emplace(a.parent.value, v);
      if (m.can_sign_agreements(a.parent)) {
        for (auto x = a.parent.value;; x = came_from.at(x)) {
          s.via.push_back(organisation_index(x));
          if (x == o.value) break;
        }
        std::reverse(s.via.begin(), s.via.end());
        s.signatory = a.parent;
        return s;
      }
      queue.push_back(a.parent.value);
    }
  }
  s.via = {o};
  return s;
}

/// @brief One way a matter can travel from the body where it is raised to a body that decides it.
struct decision_path {
  std::vector<body_index> bodies;      ///< where it is raised first, the deciding body last
  std::vector<std::uint32_t> lines;    ///< the escalation lines taken (indices into model::escalations())
  std::vector<body_wait> waits;        ///< the wait at each body, in the order of `bodies`
  latency days;                        ///< expected, worst case, percentiles
  bool political = false;              ///< a political-layer body is on the path
  signing_capacity signing;            ///< of the deciding body's organisation
  [[nodiscard]] body_index decided_by() const { return bodies.back(); }
};

/// @brief Options of `decision_paths`.
struct decision_path_options {
  latency_options latency{};
  /// At most this many paths are listed (the fastest ones, in order); `path_count` says how many
  /// there are. Bounds the work on models where lines branch at many levels.
  std::size_t max_paths = 64;
};

/// @brief The decision paths of one matter.
struct decision_path_result {
  decision_class matter = 0;
  body_index raised_at;
  /// Ranked by expected latency, then fewer bodies, then body indices; at most `max_paths`.
  std::vector<decision_path> paths;
  std::uint64_t path_count = 0;  ///< all paths, saturating at 2^64 − 1
  bool truncated = false;        ///< `path_count` > paths listed
  /// The bodies every path passes through, in path order (the raising body first; the deciding
  /// body last when every path ends there). From the dominator tree of the reachable lines.
  std::vector<body_index> bottlenecks;
  bool political_on_every_path = false;
  bool political_on_some_path = false;
  no_path_reason reason = no_path_reason::none;
  /// Reachable bodies that may not decide the matter and have no line carrying it onwards.
  std::vector<body_index> dead_ends;
  [[nodiscard]] bool found() const noexcept { return !paths.empty(); }
};

namespace detail {

/// @brief @throws lookup_error when `c` is not one of the classes of `m`.
inline void require_class(const model& m, decision_class c) {
  if (c >= m.decision_class_names().size())
    throw lookup_error("no decision class #" + std::to_string(c) + " in model \"" + m.info().id + "\"");
}

/// @brief The escalation lines of one decision class over a layer graph, as the single-query
/// search sees them: holders, waits, and the lines carrying the class, read from the model on
/// demand so that one query costs only what it reaches.
class class_network {
 public:
  class_network(const layer_graph& g, decision_class c, const cadence_defaults& defaults)
      : g_(&g), m_(&g.source()), matter_(c), defaults_(defaults) {
    ORGMODEL_ASSERT(g.layer() == relation_layer::escalation);
  }
  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(m_->bodies().size()); }
  [[nodiscard]] bool holder(std::uint32_t v) const noexcept { return m_->bodies()[v].mandates.contains(matter_); }
  [[nodiscard]] bool any_holder() const noexcept {
    for (const auto& b : m_->bodies())
      if (b.mandates.contains(matter_)) return true;
    return false;
  }
  [[nodiscard]] bool political(std::uint32_t v) const noexcept { return m_->bodies()[v].layer == layer::political; }
  [[nodiscard]] body_wait wait(std::uint32_t v) const noexcept { return wait_at(m_->bodies()[v], defaults_); }
  /// f(line, target, preparation_days) for each line out of v carrying the class.
  template <class F>
  void for_each_out(std::uint32_t v, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, g_->graph()); it != end; ++it) {
      const auto r = g_->graph()[*it].relation;
      const auto& line = m_->escalations()[r];
      if (line.classes.contains(matter_)) f(r, static_cast<std::uint32_t>(boost::target(*it, g_->graph())), line.preparation_days);
    }
  }

 private:
  const layer_graph* g_;
  const model* m_;
  decision_class matter_;
  cadence_defaults defaults_;
};

inline constexpr double unreachable = std::numeric_limits<double>::infinity();

/// @brief The decision paths from `s` on any network offering size(), holder(v), any_holder(),
/// political(v), wait(v) and for_each_out(v, f(line, target, prep)). Signing is left empty.
///
/// 1. Collect the lines reachable from s (not past holders) into a local CSR; Kahn's algorithm
///    gives a topological order or finds a cycle.
/// 2. h(v) = least expected days from v to a decision (reverse topological order), and the
///    number of paths.
/// 3. Best-first search over path prefixes with h as an exact heuristic: complete paths come out
///    in order of expected latency, so the k fastest cost O(k · L · d · log) — no exhaustive search.
/// 4. Bottlenecks: dominators of a virtual sink joined to every reachable holder (one
///    Cooper–Harvey–Kennedy pass in topological order, exact on the acyclic lines).
template <class Net>
decision_path_result find_decision_paths(const Net& net, std::uint32_t s, decision_class c,
                                         const decision_path_options& opt) {
  decision_path_result r;
  r.matter = c;
  r.raised_at = body_index(s);
  if (!net.any_holder()) {
    r.reason = no_path_reason::no_mandate_holder;
    return r;
  }
  // 1. Reachable subgraph as a local CSR.
  std::unordered_map<std::uint32_t, std::uint32_t> local;
  std::vector<std::uint32_t> verts{s};
  local.emplace(s, 0);
  struct local_edge {
    std::uint32_t from, to, line;
    double prep;
  };
  std::vector<local_edge> edges;
  for (std::size_t q = 0; q < verts.size(); ++q) {
    const auto v = verts[q];
    if (net.holder(v)) continue;
    net.for_each_out(v, [&](std::uint32_t line, std::uint32_t w, double prep) {
      auto [it, fresh] = local.emplace(w, static_cast<std::uint32_t>(verts.size()));
      if (fresh) verts.push_back(w);
      edges.push_back({static_cast<std::uint32_t>(q), it->second, line, prep});
    });
  }
  const auto n = static_cast<std::uint32_t>(verts.size());
  std::vector<std::uint32_t> start(n + 1, 0), indeg(n, 0);
  for (const auto& e : edges) ++start[e.from + 1], ++indeg[e.to];
  for (std::uint32_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<std::uint32_t> order_edges(edges.size());
  {
    auto fill = start;
    for (std::uint32_t k = 0; k < edges.size(); ++k) order_edges[fill[edges[k].from]++] = k;
  }
  std::vector<std::uint32_t> topo;
  topo.reserve(n);
  for (std::uint32_t v = 0; v < n; ++v)
    if (indeg[v] == 0) topo.push_back(v);
  for (std::size_t q = 0; q < topo.size(); ++q)
    for (auto k = start[topo[q]]; k < start[topo[q] + 1]; ++k)
      if (--indeg[edges[order_edges[k]].to] == 0) topo.push_back(edges[order_edges[k]].to);
  if (topo.size() != n) {
    r.reason = no_path_reason::cycle;
    return r;
  }
  // 2. Least expected days to a decision, and path counts.
  std::vector<double> h(n, unreachable);
  std::vector<std::uint64_t> count(n, 0);
  constexpr auto max_count = std::numeric_limits<std::uint64_t>::max();
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    const auto v = *it;
    const auto w = net.wait(verts[v]);
    if (net.holder(verts[v])) {
      h[v] = w.expected;
      count[v] = 1;
      continue;
    }
    if (start[v] == start[v + 1]) r.dead_ends.push_back(body_index(verts[v]));
    double best = unreachable;
    for (auto k = start[v]; k < start[v + 1]; ++k) {
      const auto& e = edges[order_edges[k]];
      best = std::min(best, e.prep + h[e.to]);
      count[v] = count[e.to] > max_count - count[v] ? max_count : count[v] + count[e.to];
    }
    h[v] = best + w.expected;
  }
  std::sort(r.dead_ends.begin(), r.dead_ends.end());
  r.path_count = count[0];
  if (h[0] == unreachable) {
    r.reason = no_path_reason::dead_end;
    return r;
  }
  // 3. Best-first enumeration of path prefixes; f = g + h is exact, so paths complete in order.
  struct prefix {
    std::uint32_t v, edge, parent;
    double g;  // expected days before v's own wait
  };
  std::vector<prefix> nodes{{0, no_line, no_line, 0.0}};
  using entry = std::pair<double, std::uint32_t>;
  std::priority_queue<entry, std::vector<entry>, std::greater<>> open;
  open.emplace(h[0], 0);
  std::vector<std::uint32_t> complete;
  while (!open.empty() && complete.size() < opt.max_paths) {
    const auto id = open.top().second;
    open.pop();
    const auto p = nodes[id];
    if (net.holder(verts[p.v])) {
      complete.push_back(id);
      continue;
    }
    const double g = p.g + net.wait(verts[p.v]).expected;
    for (auto k = start[p.v]; k < start[p.v + 1]; ++k) {
      const auto& e = edges[order_edges[k]];
      if (h[e.to] == unreachable) continue;
      nodes.push_back({e.to, order_edges[k], id, g + e.prep});
      open.emplace(g + e.prep + h[e.to], static_cast<std::uint32_t>(nodes.size() - 1));
    }
  }
  for (auto id : complete) {
    decision_path path;
    double prep = 0;
    for (auto x = id; x != no_line; x = nodes[x].parent) {
      const auto v = verts[nodes[x].v];
      path.bodies.push_back(body_index(v));
      path.waits.push_back(net.wait(v));
      path.political = path.political || net.political(v);
      if (nodes[x].edge != no_line) {
        path.lines.push_back(edges[nodes[x].edge].line);
        prep += edges[nodes[x].edge].prep;
      }
    }
    std::reverse(path.bodies.begin(), path.bodies.end());
    std::reverse(path.waits.begin(), path.waits.end());
    std::reverse(path.lines.begin(), path.lines.end());
    path.days = path_latency(path.waits, prep, opt.latency);
    r.paths.push_back(std::move(path));
  }
  std::stable_sort(r.paths.begin(), r.paths.end(), [](const decision_path& a, const decision_path& b) {
    if (a.days.expected != b.days.expected) return a.days.expected < b.days.expected;
    if (a.bodies.size() != b.bodies.size()) return a.bodies.size() < b.bodies.size();
    return a.bodies < b.bodies;
  });
  r.truncated = r.path_count > r.paths.size();
  r.political_on_some_path = std::any_of(r.paths.begin(), r.paths.end(), [](const auto& p) { return p.political; });
  // Political on every path: no path avoids political bodies — a search over the non-political
  // useful vertices (the listed paths may be truncated).
  {
    std::vector<std::uint8_t> seen(n, 0);
    std::vector<std::uint32_t> stack;
    bool avoidable = false;
    if (!net.political(verts[0])) stack.push_back(0), seen[0] = 1;
    while (!stack.empty() && !avoidable) {
      const auto v = stack.back();
      stack.pop_back();
      if (net.holder(verts[v])) {
        avoidable = true;
        break;
      }
      for (auto k = start[v]; k < start[v + 1]; ++k) {
        const auto w = edges[order_edges[k]].to;
        if (seen[w] || h[w] == unreachable || net.political(verts[w])) continue;
        seen[w] = 1;
        stack.push_back(w);
      }
    }
    r.political_on_every_path = !avoidable;
  }
  // 4. Bottlenecks: immediate dominators of a virtual sink joined to every reachable holder.
  // The useful subgraph is acyclic and `topo` orders it, so one pass of Cooper–Harvey–Kennedy
  // ("a simple, fast dominance algorithm") is exact: idom(v) is the meet of v's predecessors'
  // idoms, walking up by topological position.
  {
    const std::uint32_t sink = n;
    std::vector<std::uint32_t> pos(n + 1, 0), idom(n + 1, no_line);
    for (std::uint32_t i = 0; i < n; ++i) pos[topo[i]] = i;
    pos[sink] = n;
    auto meet = [&](std::uint32_t a, std::uint32_t b) {
      while (a != b) {
        while (pos[a] > pos[b]) a = idom[a];
        while (pos[b] > pos[a]) b = idom[b];
      }
      return a;
    };
    // Predecessors through the local lines: reuse the edge list (u → w with both useful).
    std::vector<std::uint32_t> in_start(n + 2, 0);
    for (const auto& e : edges)
      if (h[e.from] != unreachable && h[e.to] != unreachable) ++in_start[e.to + 1];
    for (std::uint32_t v = 0; v < n; ++v)
      if (h[v] != unreachable && net.holder(verts[v])) ++in_start[sink + 1];
    for (std::uint32_t v = 0; v <= n; ++v) in_start[v + 1] += in_start[v];
    std::vector<std::uint32_t> preds(in_start[n + 1]);
    {
      auto fill = in_start;
      for (const auto& e : edges)
        if (h[e.from] != unreachable && h[e.to] != unreachable) preds[fill[e.to]++] = e.from;
      for (std::uint32_t v = 0; v < n; ++v)
        if (h[v] != unreachable && net.holder(verts[v])) preds[fill[sink]++] = v;
    }
    idom[0] = 0;  // local 0 is s, first in topological order (nothing reachable leads back to it)
    auto settle = [&](std::uint32_t v) {
      std::uint32_t d = no_line;
      for (auto k = in_start[v]; k < in_start[v + 1]; ++k) {
        const auto u = preds[k];
        if (idom[u] == no_line) continue;
        d = d == no_line ? u : meet(u, d);
      }
      idom[v] = d;
    };
    for (std::uint32_t i = 0; i < n; ++i)
      if (topo[i] != 0 && h[topo[i]] != unreachable) settle(topo[i]);
    settle(sink);
    for (auto v = idom[sink];; v = idom[v]) {
      r.bottlenecks.push_back(body_index(verts[v]));
      if (v == 0) break;
    }
    std::reverse(r.bottlenecks.begin(), r.bottlenecks.end());
  }
  return r;
}

}  // namespace detail

/// @brief The decision paths of a matter of class `c` raised at body `from`.
/// @param g the escalation layer of the model (`relation_layer::escalation`)
/// @throws lookup_error when `from` or `c` is not in the model
[[nodiscard]] inline decision_path_result decision_paths(const layer_graph& g, body_index from, decision_class c,
                                                         const decision_path_options& opt = {}) {
  ORGMODEL_ASSERT(g.layer() == relation_layer::escalation);
  const model& m = g.source();
  if (from.value >= m.bodies().size())
    throw lookup_error("no body #" + std::to_string(from.value) + " in model \"" + m.info().id + "\"");
  detail::require_class(m, c);
  detail::class_network net(g, c, opt.latency.defaults);
  auto r = detail::find_decision_paths(net, from.value, c, opt);
  for (auto& p : r.paths) p.signing = signing_capacity_of(m, m[p.decided_by()].organisation);
  return r;
}

/// @brief The same, by the ids of the body and the class.
/// @throws lookup_error naming the body or class that is not in the model
[[nodiscard]] inline decision_path_result decision_paths(const model& m, std::string_view from_body,
                                                         std::string_view decision_class_name,
                                                         const decision_path_options& opt = {}) {
  const auto b = m.body_at(from_body);
  const auto c = m.find_decision_class(decision_class_name);
  if (!c)
    throw lookup_error("no decision class \"" + std::string(decision_class_name) + "\" in model \"" + m.info().id + "\"");
  layer_graph g(m, relation_layer::escalation);
  return decision_paths(g, b, *c, opt);
}

/// @brief The least expected latency to a decision of class `matter` from every body at once.
struct decision_latency_table {
  decision_class matter = 0;
  std::vector<double> expected;             ///< per body; +infinity when no path leads to a decision
  std::vector<double> worst;                ///< worst case along the same (fastest expected) path
  std::vector<std::uint32_t> next_line;     ///< first line of that path; `no_line` at holders and without a path
  std::vector<body_index> decided_by;       ///< where that path ends; invalid without a path
  std::vector<std::uint8_t> assumed;        ///< the path rests on a default cadence
  [[nodiscard]] bool reachable(body_index b) const { return std::isfinite(expected.at(b.value)); }
  [[nodiscard]] std::size_t size() const noexcept { return expected.size(); }
};


namespace detail {

/// @brief The least expected latency to a decision from every body into `t` (its storage is
/// reused), searched back from the mandate holders over the nodes of a network: size() nodes, each
/// with holder(i), has_in(i), body(i) (a `latency_network::body_info`-like record of waits and
/// holder) and for_each_in(i, f(source node, line, prep[, waits of the source])) (with the waits,
/// the search reads no body record). A holder's latency is its own wait; a line u → w offers u
/// d(w) + preparation + wait(u).
///
/// The lines of one class form an acyclic graph (the model rejects a cycle of one class), so no
/// priority queue is needed: a body's latency is final once every line out of it has been offered,
/// and the search takes bodies in that order (Kahn's, first in first out) — O(V + E), a queue read
/// in order instead of a heap's random one. Among equally fast lines onwards a body takes the one
/// first in the model's order (the lowest line index): a rule of the result, not of the order the
/// search meets the lines in, so the prepared network, the in-place search and any future one give
/// the same columns. A `latency_network`'s nodes are its bodies.
///
/// A network may leave the leaves out of its nodes (bodies with no line in that hold no mandate:
/// most bodies of a real structure) and offer bodies(), vertex(i) (the body of node i), node_of(v)
/// (`no_line` for a leaf), leaf_body(v) and for_each_out(v, f(target node, line, prep)) over the
/// same lines. The search then handles the other bodies alone, in a dense numbering whose records
/// stay in cache, and each leaf takes its least candidate over its lines out in the one pass in
/// body order that writes the table.
template <class Net>
void latency_search(const Net& net, decision_class matter, decision_latency_table& t) {
  constexpr bool defer_leaves =
      requires(const Net& x, void (*f)(std::uint32_t, std::uint32_t, double)) { x.for_each_out(std::uint32_t{}, f); };
  const auto nodes = net.size();
  t.matter = matter;
  // While the search runs, a node's five results and the count of its lines not yet offered lie
  // side by side in one 32-byte record, so that reaching a body costs one cache miss instead of
  // six; the table's columns are written from them in one pass at the end. Fresh storage on huge
  // pages (detail/huge_pages.hpp): at 10^6 bodies, 4 KiB faults cost more than the search.
  struct node_state {
    double expected, worst;
    std::uint32_t next_line;
    body_index decided_by;
    std::uint32_t waiting;  // lines out of the node whose target is not final yet
    std::uint8_t assumed;
  };
  std::vector<node_state> state;
  assign_fresh(state, nodes, node_state{unreachable, unreachable, no_line, body_index{}, 0, 0});
  for (std::uint32_t i = 0; i < nodes; ++i)
    net.for_each_in(i, [&](std::uint32_t source, auto&&...) { ++state[source].waiting; });
  std::vector<std::uint32_t> ready;  // nodes whose latency is final, in the order they became so
  reserve_fresh(ready, nodes);
  for (std::uint32_t i = 0; i < nodes; ++i) {
    if (state[i].waiting != 0) continue;
    if (net.holder(i)) {
      const auto b = net.body(i);
      std::uint32_t v = i;
      if constexpr (defer_leaves) v = net.vertex(i);
      state[i] = {b.expected, b.worst, no_line, body_index(v), 0, std::uint8_t{b.assumed}};
    }
    if (net.has_in(i)) ready.push_back(i);
  }
  // Whether a line onwards beats the body's best so far: faster, or as fast and first in the model.
  auto better = [](double cand, std::uint32_t line, double best, std::uint32_t best_line) {
    return cand < best || (cand == best && line < best_line);
  };
  for (std::size_t k = 0; k < ready.size(); ++k) {
    const std::uint32_t w = ready[k];
    const node_state at_w = state[w];
    const bool reachable = at_w.expected != unreachable;
    // A network may pass the source's waits along (`info`) instead of having them looked up.
    net.for_each_in(w, [&](std::uint32_t source, std::uint32_t line, double prep, const auto&... info) {
      auto& s = state[source];
      if (reachable) {
        const auto u = [&] {
          if constexpr (sizeof...(info) == 1) return (info, ...);
          else return net.body(source);
        }();
        const double cand = at_w.expected + prep + u.expected;
        if (better(cand, line, s.expected, s.next_line)) {
          s.expected = cand;
          s.worst = at_w.worst + prep + u.worst;
          s.next_line = line;
          s.decided_by = at_w.decided_by;
          s.assumed = (at_w.assumed || u.assumed) ? 1 : 0;
        }
      }
      // A body no line leads into (a team, an official where matters start) has nothing to
      // offer onwards: it never needs to be taken up.
      if (--s.waiting == 0 && net.has_in(source)) ready.push_back(source);
    });
  }
  std::uint32_t bodies = nodes;
  if constexpr (defer_leaves) bodies = net.bodies();
  assign_fresh(t.expected, bodies, unreachable);
  assign_fresh(t.worst, bodies, unreachable);
  assign_fresh(t.next_line, bodies, no_line);
  assign_fresh(t.decided_by, bodies, body_index{});
  assign_fresh(t.assumed, bodies, std::uint8_t{0});
  auto put = [&t](std::uint32_t v, const node_state& s) {
    t.expected[v] = s.expected;
    t.worst[v] = s.worst;
    t.next_line[v] = s.next_line;
    t.decided_by[v] = s.decided_by;
    t.assumed[v] = s.assumed;
  };
  for (std::uint32_t v = 0; v < bodies; ++v) {
    if constexpr (!defer_leaves) {
      put(v, state[v]);
    } else {
      if (const auto i = net.node_of(v); i != no_line) {
        put(v, state[i]);
        continue;
      }
      const auto b = net.leaf_body(v);
      double best = unreachable;
      std::uint32_t best_w = no_line, best_line = no_line;
      double best_prep = 0;
      net.for_each_out(v, [&](std::uint32_t w, std::uint32_t line, double prep) {
        const double d = state[w].expected;
        if (d == unreachable) return;  // no decision reachable through w
        if (const double cand = d + prep + b.expected; better(cand, line, best, best_line)) {
          best = cand;
          best_w = w, best_line = line, best_prep = prep;
        }
      });
      if (best_w == no_line) continue;
      const auto& via = state[best_w];
      put(v, {best, via.worst + best_prep + b.worst, best_line, via.decided_by, 0,
              std::uint8_t{via.assumed || b.assumed}});
    }
  }
}

}  // namespace detail

/// @brief The lines of one decision class prepared for all-bodies searches: the layer graph's
/// in-edges carrying the class, minus the lines out of mandate holders (a holder decides, never
/// passes a matter on), copied once into a compact reversed CSR with each body's waits beside
/// it. Build once per class; search as often as needed (`decision_latency_all`).
class latency_network {
 public:
  /// @param g the escalation layer of the model
  /// @throws lookup_error when `c` is not one of the model's classes
  latency_network(const layer_graph& g, decision_class c, const latency_options& opt = {}) : matter_(c) {
    ORGMODEL_ASSERT(g.layer() == relation_layer::escalation);
    const model& m = g.source();
    detail::require_class(m, c);
    const auto bodies = m.bodies();
    const auto lines = m.escalations();
    info_.resize(bodies.size());
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      const auto w = wait_at(bodies[i], opt.defaults);
      info_[i] = {w.expected, w.worst, bodies[i].mandates.contains(c), w.assumed};
    }
    start_.resize(bodies.size() + 1);
    in_.reserve(lines.size());
    for (std::uint32_t w = 0; w < bodies.size(); ++w) {
      start_[w] = static_cast<std::uint32_t>(in_.size());
      for (auto [it, end] = boost::in_edges(w, g.graph()); it != end; ++it) {
        const auto r = g.graph()[*it].relation;
        const auto u = static_cast<std::uint32_t>(boost::source(*it, g.graph()));
        if (!lines[r].classes.contains(c) || info_[u].holder) continue;
        in_.push_back({u, r, lines[r].preparation_days});
      }
    }
    start_[bodies.size()] = static_cast<std::uint32_t>(in_.size());
  }
  [[nodiscard]] decision_class matter() const noexcept { return matter_; }
  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(info_.size()); }

  /// @brief The least expected latency from every body into `t` (its storage is reused); see
  /// `detail::latency_search`.
  void search(decision_latency_table& t) const { detail::latency_search(*this, matter_, t); }

  /// @brief Whether `v` holds the mandate.
  [[nodiscard]] bool holder(std::uint32_t v) const noexcept { return info_[v].holder; }
  /// @brief Whether any line the search follows leads into `v`.
  [[nodiscard]] bool has_in(std::uint32_t v) const noexcept { return start_[v] != start_[v + 1]; }
  /// @brief f(source, line, preparation) for each line the search follows into `w`.
  template <class F>
  void for_each_in(std::uint32_t w, F&& f) const {
    for (auto k = start_[w]; k < start_[w + 1]; ++k) f(in_[k].source, in_[k].line, in_[k].prep);
  }

  /// @brief A body's waits and whether it holds the mandate.
  struct body_info {
    double expected, worst;
    bool holder, assumed;
  };
  /// @brief A line into a body: from `source`, model line `line`, `prep` days of preparation.
  struct in_line {
    std::uint32_t source, line;
    double prep;
  };
  /// @brief What the search knows of body `v` (for exports such as io/network_csv.hpp).
  [[nodiscard]] const body_info& body(std::uint32_t v) const { return info_[v]; }
  /// @brief The lines the search follows into body `w`, in the layer graph's order.
  [[nodiscard]] std::span<const in_line> lines_into(std::uint32_t w) const {
    return {in_.data() + start_[w], in_.data() + start_[w + 1]};
  }

 private:
  decision_class matter_;
  std::vector<body_info> info_;
  std::vector<std::uint32_t> start_;
  std::vector<in_line> in_;
};

/// @brief Latency to a decision for every body at once, on a prepared network.
[[nodiscard]] inline decision_latency_table decision_latency_all(const latency_network& net) {
  decision_latency_table t;
  net.search(t);
  return t;
}

namespace detail {

/// @brief The distinct waits of a model's bodies, each computed once: a body refers to its wait
/// by a 32-bit number, so that the search reads 4 bytes a body instead of the body's record (a few
/// hundred bytes with its strings) and divides once per distinct cadence. Unstated cadences take
/// the numbers 0 … kinds − 1 (the default of each kind); stated ones are numbered as they come.
class wait_numbering {
 public:
  explicit wait_numbering(const cadence_defaults& defaults) {
    for (std::size_t k = 0; k < enum_names<body_kind>::names.size(); ++k)
      waits_.push_back(to_info(wait_for(std::nullopt, static_cast<body_kind>(k), defaults)));
  }
  [[nodiscard]] std::uint32_t number(const orgmodel::body& b) {
    if (!b.meetings_per_year) return static_cast<std::uint32_t>(b.kind);
    const cadence c = *b.meetings_per_year;
    auto [it, added] = stated_.try_emplace(key{std::bit_cast<std::uint64_t>(c.low), std::bit_cast<std::uint64_t>(c.high)},
                                           static_cast<std::uint32_t>(waits_.size()));
    if (added) waits_.push_back(to_info(wait_for(c, b.kind)));
    return it->second;
  }
  /// @brief Wait number → waits (holder unset).
  [[nodiscard]] std::vector<latency_network::body_info> release() && { return std::move(waits_); }

 private:
  static latency_network::body_info to_info(const body_wait& w) { return {w.expected, w.worst, false, w.assumed}; }
  using key = std::pair<std::uint64_t, std::uint64_t>;
  struct key_hash {
    std::size_t operator()(const key& k) const noexcept { return std::hash<std::uint64_t>{}(k.first * 0x9e3779b97f4a7c15ULL ^ k.second); }
  };
  std::vector<latency_network::body_info> waits_;
  std::unordered_map<key, std::uint32_t, key_hash> stated_;
};

/// @brief The lines of one class as `latency_search` sees them, read from the layer graph and the
/// model as the search reaches them instead of copied into a `latency_network` first: a single
/// all-bodies query then touches little memory but its result's (at 10^6 bodies the copy is ≈ 47
/// MB, and first-touching fresh pages cost more than the search). The lines out of bodies with
/// lines in, as the network orders them, and every line by source (`for_each_out`): the search
/// defers the leaves to one pass in body order; the same results, ties included.
///
/// Memory order is what it is about: one pass over the body records in body order reads each once
/// (holder, wait number, and its lines out), and a bitmap of the lines the search follows (class
/// carried, not out of a holder) spares the later passes the line records.
class lazy_latency_lines {
 public:
  lazy_latency_lines(const layer_graph& g, decision_class c, const cadence_defaults& defaults)
      : g_(&g.graph()), lines_(g.source().escalations()) {
    const auto bodies = g.source().bodies();
    const auto n = static_cast<std::uint32_t>(bodies.size());
    assign_fresh(flags_, n, std::uint8_t{0});
    assign_fresh(wait_number_, n, std::uint32_t{0});
    followed_.assign((lines_.size() + 63) / 64, 0);
    wait_numbering numbering(defaults);
    for (std::uint32_t u = 0; u < n; ++u) {
      const auto& b = bodies[u];
      wait_number_[u] = numbering.number(b);
      if (b.mandates.contains(c)) {
        flags_[u] |= holder_bit;  // a holder decides, never passes a matter on
        continue;
      }
      for (auto [it, end] = boost::out_edges(u, *g_); it != end; ++it) {
        const auto r = (*g_)[*it].relation;
        if (!lines_[r].classes.contains(c)) continue;
        followed_[r / 64] |= std::uint64_t{1} << (r % 64);
        flags_[boost::target(*it, *g_)] |= has_in_bit;
      }
    }
    waits_ = std::move(numbering).release();
    // The nodes of the search: the bodies with lines in and the holders, numbered in body order
    // (a region's bodies stay side by side), each with its holder and has-in flags.
    assign_fresh(node_of_, n, no_line);
    reserve_fresh(vertex_, n);  // address space only, as for inner_ below
    reserve_fresh(node_flags_, n);
    for (std::uint32_t v = 0; v < n; ++v) {
      if (flags_[v] == 0) continue;  // a leaf
      node_of_[v] = static_cast<std::uint32_t>(vertex_.size());
      vertex_.push_back(v);
      node_flags_.push_back(flags_[v]);
    }
    // The lines between nodes — out of bodies with lines in — copied in one pass in node order: a
    // few per cent of all lines, so the search reads a small array instead of three scattered ones
    // (in-edge, edge property, escalation record) per line. Each carries its source's waits, so
    // that the search reads no body record either.
    const auto nodes = static_cast<std::uint32_t>(vertex_.size());
    assign_fresh(inner_start_, std::size_t{nodes} + 1, std::uint32_t{0});
    reserve_fresh(inner_, boost::num_edges(*g_));  // address space only: pages come as lines are added
    for (std::uint32_t i = 0; i < nodes; ++i) {
      inner_start_[i] = static_cast<std::uint32_t>(inner_.size());
      const auto w = vertex_[i];
      if (!has_in_flag(w)) continue;
      for (auto [it, end] = boost::in_edges(w, *g_); it != end; ++it) {
        const auto r = (*g_)[*it].relation;
        const auto u = static_cast<std::uint32_t>(boost::source(*it, *g_));
        if (follows(r) && has_in_flag(u)) inner_.push_back({node_of_[u], r, lines_[r].preparation_days, leaf_body(u)});
      }
    }
    inner_start_[nodes] = static_cast<std::uint32_t>(inner_.size());
  }
  /// @brief The search's nodes: the bodies with lines in and the holders.
  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(vertex_.size()); }
  [[nodiscard]] std::uint32_t bodies() const noexcept { return static_cast<std::uint32_t>(node_of_.size()); }
  [[nodiscard]] std::uint32_t vertex(std::uint32_t i) const noexcept { return vertex_[i]; }
  [[nodiscard]] std::uint32_t node_of(std::uint32_t v) const noexcept { return node_of_[v]; }
  [[nodiscard]] bool holder(std::uint32_t i) const noexcept { return (node_flags_[i] & holder_bit) != 0; }
  [[nodiscard]] bool has_in(std::uint32_t i) const noexcept { return (node_flags_[i] & has_in_bit) != 0; }
  [[nodiscard]] latency_network::body_info body(std::uint32_t i) const noexcept { return leaf_body(vertex_[i]); }
  /// @brief The waits of body `v` (any body, though the search asks only for its leaves').
  [[nodiscard]] latency_network::body_info leaf_body(std::uint32_t v) const noexcept {
    auto b = waits_[wait_number_[v]];
    b.holder = (flags_[v] & holder_bit) != 0;
    return b;
  }
  /// @brief f(source node, line, prep, waits of the source) for each line into node `i` out of a
  /// body with lines in, in in-edge order; the lines out of leaves come by `for_each_out`.
  template <class F>
  void for_each_in(std::uint32_t i, F&& f) const {
    for (auto k = inner_start_[i]; k < inner_start_[i + 1]; ++k)
      f(inner_[k].source, inner_[k].line, inner_[k].prep, inner_[k].waits);
  }
  /// @brief f(target node, line, prep) for each line the search follows out of body `v`, by line.
  template <class F>
  void for_each_out(std::uint32_t v, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, *g_); it != end; ++it) {
      const auto r = (*g_)[*it].relation;
      if (follows(r)) f(node_of_[boost::target(*it, *g_)], r, lines_[r].preparation_days);
    }
  }

 private:
  [[nodiscard]] bool has_in_flag(std::uint32_t v) const noexcept { return (flags_[v] & has_in_bit) != 0; }
  /// Whether the search follows line r: it carries the class and does not leave a holder.
  [[nodiscard]] bool follows(std::uint32_t r) const noexcept { return (followed_[r / 64] >> (r % 64)) & 1U; }
  const layer_csr* g_;
  std::span<const escalation> lines_;
  static constexpr std::uint8_t holder_bit = 1, has_in_bit = 2;
  std::vector<std::uint8_t> flags_;  // one byte a body: 1 MB at 10^6, against 47 for the network
  std::vector<std::uint32_t> wait_number_;
  std::vector<std::uint32_t> node_of_;  // by body; no_line for a leaf
  std::vector<std::uint32_t> vertex_;   // by node
  std::vector<std::uint8_t> node_flags_;
  std::vector<latency_network::body_info> waits_;  // by wait number
  std::vector<std::uint64_t> followed_;            // one bit a line
  struct inner_line {
    std::uint32_t source, line;
    double prep;
    latency_network::body_info waits;  // of the source
  };
  std::vector<std::uint32_t> inner_start_;
  std::vector<inner_line> inner_;
};

}  // namespace detail

/// @brief Latency to a decision of class `c` for every body of the model, in O((V + E) log V):
/// the search of `latency_network::search` on the lines read in place (no network is built).
/// @param g the escalation layer of the model
/// @throws lookup_error when `c` is not one of the model's classes
[[nodiscard]] inline decision_latency_table decision_latency_all(const layer_graph& g, decision_class c,
                                                                 const latency_options& opt = {}) {
  ORGMODEL_ASSERT(g.layer() == relation_layer::escalation);
  const model& m = g.source();
  detail::require_class(m, c);
  decision_latency_table t;
  detail::latency_search(detail::lazy_latency_lines(g, c, opt.defaults), c, t);
  return t;
}

/// @brief The body a matter is raised at when none is named: the first operative team, else the
/// first operative-layer body, else the first body no escalation line leads to, else the first body.
/// Nothing for a model without bodies.
[[nodiscard]] inline std::optional<body_index> default_raising_body(const model& m) {
  const auto bodies = m.bodies();
  for (std::size_t i = 0; i < bodies.size(); ++i)
    if (bodies[i].kind == body_kind::operative_team) return body_index(static_cast<std::uint32_t>(i));
  for (std::size_t i = 0; i < bodies.size(); ++i)
    if (bodies[i].layer == layer::operative) return body_index(static_cast<std::uint32_t>(i));
  std::vector<std::uint8_t> has_in(bodies.size(), 0);
  for (const auto& e : m.escalations()) has_in[e.to.value] = 1;
  for (std::size_t i = 0; i < bodies.size(); ++i)
    if (!has_in[i]) return body_index(static_cast<std::uint32_t>(i));
  if (!bodies.empty()) return body_index(0);
  return std::nullopt;
}

}  // namespace orgmodel
