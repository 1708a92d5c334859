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

/// @brief A lazy 4-ary min-heap of (days, body): half the levels of a binary heap and the four
/// children of a node side by side in memory, which is what the all-bodies search spends its
/// time on at 10^6 bodies. Lazy: a body may be in it more than once; stale entries are skipped.
class four_ary_heap {
 public:
  struct entry {
    double key;
    std::uint32_t v;
  };
  void reserve(std::size_t n) { reserve_fresh(h_, n); }
  [[nodiscard]] bool empty() const noexcept { return h_.empty(); }
  void push(double key, std::uint32_t v) {
    h_.push_back({key, v});
    auto i = h_.size() - 1;
    const entry x = h_[i];
    while (i > 0) {
      const auto parent = (i - 1) / 4;
      if (!(x.key < h_[parent].key)) break;
      h_[i] = h_[parent];
      i = parent;
    }
    h_[i] = x;
  }
  entry pop() {
    const entry top = h_.front();
    const entry x = h_.back();
    h_.pop_back();
    const auto n = h_.size();
    if (n == 0) return top;
    std::size_t i = 0;
    for (;;) {
      const auto first = 4 * i + 1;
      if (first >= n) break;
      auto best = first;
      const auto last = std::min(first + 4, n);
      for (auto c = first + 1; c < last; ++c)
        if (h_[c].key < h_[best].key) best = c;
      if (!(h_[best].key < x.key)) break;
      h_[i] = h_[best];
      i = best;
    }
    h_[i] = x;
    return top;
  }

 private:
  std::vector<entry> h_;
};

}  // namespace detail

namespace detail {

/// @brief Multi-source Dijkstra on the reversed lines of a class into `t` (its storage is
/// reused), on any network offering size(), body(v) (a `latency_network::body_info`-like record
/// of waits and holder), has_in(v) and for_each_in(w, f(source, line, prep[, waits of source]))
/// (with the waits, the search reads no body record): the sources are
/// the mandate holders at their own wait; a line u → w relaxes u with d(w) + preparation +
/// wait(u). Every weight is ≥ 0 and each body's wait is added once, when the search enters it,
/// so d(u) is the least expected latency of a path from u.
/// Lazy 4-ary heap: O((V + E) log V), no allocation per edge; bodies without incoming lines
/// never enter the heap.
///
/// A network that also offers for_each_out(u, f(target, line, prep)) over the same lines gets
/// those leaves (no line in, not a holder; most bodies of a real structure) out of the heap's way:
/// the search settles the other bodies alone, numbering them in the order it settles them, and
/// then each leaf takes its least candidate over its lines out in one pass in body order —
/// memory order instead of the heap's random order. Among equal candidates the leaf keeps the
/// one of the body settled first and, between parallel lines into it, the first line: the choice
/// the one-phase search makes by relaxing in settle order and in-line order (Boost's CSR lists a
/// body's in-edges by source, then by line, as its out-edges by line), so every column is the same.
template <class Net>
void latency_search(const Net& net, decision_class matter, decision_latency_table& t) {
  constexpr bool defer_leaves =
      requires(const Net& x, void (*f)(std::uint32_t, std::uint32_t, double)) { x.for_each_out(std::uint32_t{}, f); };
  const auto n = net.size();
  t.matter = matter;
  // Fresh result storage on huge pages: at 10^6 bodies its 25 MB of 4 KiB faults cost more than
  // the search (detail/huge_pages.hpp).
  assign_fresh(t.expected, n, unreachable);
  assign_fresh(t.worst, n, unreachable);
  assign_fresh(t.next_line, n, no_line);
  assign_fresh(t.decided_by, n, body_index{});
  assign_fresh(t.assumed, n, std::uint8_t{0});
  four_ary_heap heap;
  heap.reserve(n);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!net.holder(v)) continue;
    const auto b = net.body(v);
    t.expected[v] = b.expected;
    t.worst[v] = b.worst;
    t.decided_by[v] = body_index(v);
    t.assumed[v] = b.assumed ? 1 : 0;
    if (net.has_in(v)) heap.push(t.expected[v], v);
  }
  std::vector<std::uint32_t> rank;  // settle order of the bodies the heap handles (leaves deferred)
  if constexpr (defer_leaves) assign_fresh(rank, n, no_line);
  std::uint32_t settled = 0;
  while (!heap.empty()) {
    // Plain variables, not a structured binding: clang before 16 cannot capture bindings in a lambda.
    const auto top = heap.pop();
    const double d = top.key;
    const std::uint32_t v = top.v;
    if (d > t.expected[v]) continue;
    if constexpr (defer_leaves) rank[v] = settled++;
    // A network may pass the source's waits along (`info`) instead of having them looked up.
    net.for_each_in(v, [&](std::uint32_t source, std::uint32_t line, double prep, const auto&... info) {
      const auto u = [&] {
        if constexpr (sizeof...(info) == 1) return (info, ...);
        else return net.body(source);
      }();
      const double cand = d + prep + u.expected;
      if (cand < t.expected[source]) {
        t.expected[source] = cand;
        t.worst[source] = t.worst[v] + prep + u.worst;
        t.next_line[source] = line;
        t.decided_by[source] = t.decided_by[v];
        t.assumed[source] = (t.assumed[v] || u.assumed) ? 1 : 0;
        // A body no line leads into (a team, an official where matters start) has nothing to
        // relax: its value is final once every line out of it has been seen, so it never
        // needs the heap. Most bodies of a real structure are such leaves.
        if (net.has_in(source)) heap.push(cand, source);
      }
    });
  }
  if constexpr (defer_leaves) {
    for (std::uint32_t u = 0; u < n; ++u) {
      if (net.holder(u) || net.has_in(u)) continue;
      const auto b = net.body(u);
      double best = unreachable;
      std::uint32_t best_w = no_line, best_line = no_line, best_rank = no_line;
      double best_prep = 0;
      net.for_each_out(u, [&](std::uint32_t w, std::uint32_t line, double prep) {
        if (rank[w] == no_line) return;  // never settled: no decision reachable through w
        const double cand = t.expected[w] + prep + b.expected;
        if (cand < best || (cand == best && rank[w] < best_rank)) {
          best = cand;
          best_w = w, best_line = line, best_rank = rank[w], best_prep = prep;
        }
      });
      if (best_w == no_line) continue;
      t.expected[u] = best;
      t.worst[u] = t.worst[best_w] + best_prep + b.worst;
      t.next_line[u] = best_line;
      t.decided_by[u] = t.decided_by[best_w];
      t.assumed[u] = (t.assumed[best_w] || b.assumed) ? 1 : 0;
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

  /// @brief Multi-source Dijkstra on the reversed lines into `t` (its storage is reused); see
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

/// @brief The lines of one class as `latency_search` sees them, read from the layer graph and the
/// model as the search reaches them instead of copied into a `latency_network` first: a single
/// all-bodies query then touches no memory but its result's (at 10^6 bodies the copy is ≈ 47 MB,
/// and first-touching fresh pages cost more than the search). The lines out of bodies with lines
/// in, as the network orders them, and every line by source (`for_each_out`): the search defers
/// the leaves to one pass in body order; the same results, ties included.
class lazy_latency_lines {
 public:
  lazy_latency_lines(const layer_graph& g, decision_class c, const cadence_defaults& defaults)
      : g_(&g.graph()), bodies_(g.source().bodies()), lines_(g.source().escalations()), matter_(c), defaults_(defaults) {
    assign_fresh(flags_, bodies_.size(), std::uint8_t{0});
    for (std::size_t v = 0; v < bodies_.size(); ++v)
      if (bodies_[v].mandates.contains(c)) flags_[v] = holder_bit;
    for (std::uint32_t w = 0; w < flags_.size(); ++w)
      each_in(w, [&](std::uint32_t, std::uint32_t, double) { flags_[w] |= has_in_bit; return false; });
    // The lines the heap phase follows — out of bodies with lines in — copied in one pass in body
    // order: a few per cent of all lines, so the search's random order reads a small array
    // instead of three scattered ones (in-edge, edge property, escalation record) per line.
    // Each carries its source's waits, so that the heap phase reads no body record either.
    assign_fresh(inner_start_, bodies_.size() + 1, std::uint32_t{0});
    reserve_fresh(inner_, boost::num_edges(*g_));  // address space only: pages come as lines are added
    for (std::uint32_t w = 0; w < flags_.size(); ++w) {
      inner_start_[w] = static_cast<std::uint32_t>(inner_.size());
      if (!has_in(w)) continue;
      each_in(w, [&](std::uint32_t u, std::uint32_t r, double prep) {
        if (has_in(u)) inner_.push_back({u, r, prep, body(u)});
        return true;
      });
    }
    inner_start_[bodies_.size()] = static_cast<std::uint32_t>(inner_.size());
  }
  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(bodies_.size()); }
  [[nodiscard]] bool holder(std::uint32_t v) const noexcept { return (flags_[v] & holder_bit) != 0; }
  [[nodiscard]] latency_network::body_info body(std::uint32_t v) const noexcept {
    const auto w = wait_at(bodies_[v], defaults_);
    return {w.expected, w.worst, holder(v), w.assumed};
  }
  [[nodiscard]] bool has_in(std::uint32_t w) const noexcept { return (flags_[w] & has_in_bit) != 0; }
  /// @brief f(source, line, prep) for each line into `w` out of a body with lines in, in in-edge
  /// order; the lines out of leaves come by `for_each_out` (the search defers leaves).
  template <class F>
  void for_each_in(std::uint32_t w, F&& f) const {
    for (auto k = inner_start_[w]; k < inner_start_[w + 1]; ++k)
      f(inner_[k].source, inner_[k].line, inner_[k].prep, inner_[k].waits);
  }
  /// @brief f(target, line, prep) for each line of the class out of `u` (a non-holder), by line.
  template <class F>
  void for_each_out(std::uint32_t u, F&& f) const {
    for (auto [it, end] = boost::out_edges(u, *g_); it != end; ++it) {
      const auto r = (*g_)[*it].relation;
      if (lines_[r].classes.contains(matter_))
        f(static_cast<std::uint32_t>(boost::target(*it, *g_)), r, lines_[r].preparation_days);
    }
  }

 private:
  // f(source, line, prep) → continue?, over the in-edges carrying the class from non-holders.
  template <class F>
  void each_in(std::uint32_t w, F&& f) const {
    for (auto [it, end] = boost::in_edges(w, *g_); it != end; ++it) {
      const auto r = (*g_)[*it].relation;
      const auto u = static_cast<std::uint32_t>(boost::source(*it, *g_));
      if (!lines_[r].classes.contains(matter_) || holder(u)) continue;
      if (!f(u, r, lines_[r].preparation_days)) return;
    }
  }
  const layer_csr* g_;
  std::span<const orgmodel::body> bodies_;
  std::span<const escalation> lines_;
  decision_class matter_;
  cadence_defaults defaults_;
  static constexpr std::uint8_t holder_bit = 1, has_in_bit = 2;
  std::vector<std::uint8_t> flags_;  // one byte a body: 1 MB at 10^6, against 47 for the network
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
