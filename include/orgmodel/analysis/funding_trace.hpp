#pragma once
/// @file
/// @brief Who finances what: the share of every organisation's (and activity's) money that comes
/// from each original source, through any number of levels (EU fund → national agency →
/// project → organisation), by proportional tracing on the graph of evaluated flows.
///
/// Proportional tracing (the "proportional sharing" principle of flow tracing): money that
/// reaches a node is pooled, and every flow leaving it carries the pool's mix. A node that pays
/// out more than it receives adds the difference as its own money, so it is itself a source for
/// that part. With T_v = in_v + own_v, own_v = max(0, out_v − in_v):
///
///   mix_v(s) = ( Σ_{u→v} w_uv · mix_u(s) + own_v · [v = s] ) / T_v
///
/// evaluated once per node in topological order, so the cost is O(V + E·S) for S sources of
/// interest, with flat arrays only (compressed sparse rows, no per-edge allocation).
///
/// Cycles (A funds B funds A) are found as strongly connected components (Tarjan, iterative) and
/// reported, never iterated: the members of a cycle are pooled into one node whose mix is that of
/// the money entering the cycle from outside plus the members' own money, and every member is
/// given that mix (flagged `in_cycle`).

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel {

/// @brief One flow of money between two nodes, in öre (non-negative).
struct trace_edge {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::int64_t amount = 0;
};

/// @brief Options of the tracing.
struct funding_trace_options {
  /// @brief The sources whose shares are computed (node ids). Empty: every node with money of its
  /// own (pays out more than it receives). The rest of a node's money is reported as `other`.
  std::vector<std::uint32_t> sources;
};

/// @brief The result of a tracing: for every node, its share from each source of interest.
struct funding_trace {
  std::uint32_t num_nodes = 0;
  std::vector<std::uint32_t> sources;  ///< the sources of interest: the columns of `shares`
  std::vector<double> shares;          ///< row-major num_nodes × sources.size()
  std::vector<double> other;           ///< per node: the share from sources not of interest
  std::vector<std::int64_t> inflow;    ///< per node: öre received
  std::vector<std::int64_t> own;       ///< per node: öre paid out beyond what it received
  std::vector<std::uint32_t> component;          ///< per node: its strongly connected component
  std::vector<std::vector<std::uint32_t>> cycles; ///< the components with a cycle, each sorted
  std::vector<char> in_cycle;                    ///< per node: part of a cycle (pooled)
  /// @brief Per node: part of a cycle that no money enters from outside and that has no money
  /// of its own: the money only circulates, has no origin, and the node's shares are all zero.
  std::vector<char> closed_circulation;

  /// @brief The share of node v's money that comes from the k-th source of interest.
  [[nodiscard]] double share(std::uint32_t v, std::size_t k) const noexcept { return shares[v * sources.size() + k]; }
  /// @brief Whether any money reaches or leaves node v (otherwise its shares are all zero).
  [[nodiscard]] bool has_money(std::uint32_t v) const noexcept { return inflow[v] + own[v] > 0; }
  /// @brief Whether node v's shares (with `other`) sum to one: it has money with an origin.
  [[nodiscard]] bool traced(std::uint32_t v) const noexcept { return has_money(v) && !closed_circulation[v]; }
};

/// @brief Traces money from sources to every node of a flow graph of `n` nodes.
/// @throws arithmetic_error when an edge is negative or names a node ≥ n.
inline funding_trace trace_funding(std::uint32_t n, std::span<const trace_edge> edges,
                                   const funding_trace_options& opt = {}) {
  funding_trace t;
  t.num_nodes = n;
  t.inflow.assign(n, 0);
  t.own.assign(n, 0);
  std::vector<std::int64_t> out(n, 0);
  std::vector<std::uint32_t> ooff(n + 1, 0), ioff(n + 1, 0);
  for (const auto& e : edges) {
    if (e.from >= n || e.to >= n) throw arithmetic_error("a traced flow names a node outside the graph");
    if (e.amount < 0) throw arithmetic_error("a traced flow is negative");
    t.inflow[e.to] = checked_add(t.inflow[e.to], e.amount, "inflow");
    out[e.from] = checked_add(out[e.from], e.amount, "outflow");
    ++ooff[e.from + 1];
    ++ioff[e.to + 1];
  }
  for (std::uint32_t v = 0; v < n; ++v) {
    ooff[v + 1] += ooff[v];
    ioff[v + 1] += ioff[v];
    t.own[v] = std::max<std::int64_t>(0, out[v] - t.inflow[v]);
  }
  // CSR: out-neighbours and in-edges (source node and amount).
  const std::size_t m = edges.size();
  std::vector<std::uint32_t> oadj(m), isrc(m);
  std::vector<std::int64_t> iamt(m);
  {
    std::vector<std::uint32_t> op(ooff.begin(), ooff.end() - 1), ip(ioff.begin(), ioff.end() - 1);
    for (const auto& e : edges) {
      oadj[op[e.from]++] = e.to;
      const std::uint32_t k = ip[e.to]++;
      isrc[k] = e.from;
      iamt[k] = e.amount;
    }
  }
  if (opt.sources.empty()) {
    for (std::uint32_t v = 0; v < n; ++v)
      if (t.own[v] > 0) t.sources.push_back(v);
  } else {
    t.sources = opt.sources;
    for (auto s : t.sources)
      if (s >= n) throw arithmetic_error("a source of interest is outside the graph");
  }
  const std::size_t S = t.sources.size();
  constexpr std::uint32_t none = 0xffffffffu;
  std::vector<std::uint32_t> column(n, none);
  for (std::size_t k = 0; k < S; ++k) column[t.sources[k]] = static_cast<std::uint32_t>(k);

  // Tarjan's strongly connected components, iteratively. Components come out sinks first.
  t.component.assign(n, none);
  std::vector<std::uint32_t> index(n, none), low(n, 0), stack, order;  // order: component emission order
  std::vector<char> on_stack(n, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> call;  // (node, next out-edge)
  std::vector<std::uint32_t> comp_off{0}, comp_nodes;
  comp_nodes.reserve(n);
  std::uint32_t counter = 0, ncomp = 0;
  for (std::uint32_t r = 0; r < n; ++r) {
    if (index[r] != none) continue;
    call.emplace_back(r, ooff[r]);
    index[r] = low[r] = counter++;
    stack.push_back(r);
    on_stack[r] = 1;
    while (!call.empty()) {
      auto& [v, next] = call.back();
      if (next < ooff[v + 1]) {
        const std::uint32_t w = oadj[next++];
        if (index[w] == none) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = 1;
          call.emplace_back(w, ooff[w]);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::uint32_t done = v;
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
      if (low[done] == index[done]) {
        std::uint32_t w = 0;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          t.component[w] = ncomp;
          comp_nodes.push_back(w);
        } while (w != done);
        comp_off.push_back(static_cast<std::uint32_t>(comp_nodes.size()));
        ++ncomp;
      }
    }
  }
  t.in_cycle.assign(n, 0);
  for (std::uint32_t c = 0; c < ncomp; ++c) {
    const std::uint32_t b = comp_off[c], e = comp_off[c + 1];
    bool cyclic = e - b > 1;
    if (!cyclic) {
      const std::uint32_t v = comp_nodes[b];
      for (std::uint32_t k = ooff[v]; k < ooff[v + 1]; ++k) cyclic = cyclic || oadj[k] == v;
    }
    if (!cyclic) continue;
    std::vector<std::uint32_t> members(comp_nodes.begin() + b, comp_nodes.begin() + e);
    std::sort(members.begin(), members.end());
    for (auto v : members) t.in_cycle[v] = 1;
    t.cycles.push_back(std::move(members));
  }

  // Mixes in topological order: the last component emitted has no incoming component.
  t.shares.assign(static_cast<std::size_t>(n) * S, 0.0);
  t.other.assign(n, 0.0);
  t.closed_circulation.assign(n, 0);
  std::vector<double> row(S);
  for (std::uint32_t c = ncomp; c-- > 0;) {
    const std::uint32_t b = comp_off[c], e = comp_off[c + 1];
    std::fill(row.begin(), row.end(), 0.0);
    double in_ext = 0, own_total = 0, excess_sum = 0;
    bool pooled = t.in_cycle[comp_nodes[b]] != 0;
    for (std::uint32_t i = b; i < e; ++i) {
      const std::uint32_t v = comp_nodes[i];
      for (std::uint32_t k = ioff[v]; k < ioff[v + 1]; ++k) {
        const std::uint32_t u = isrc[k];
        if (t.component[u] == c) continue;  // money circulating inside the cycle
        const double w = static_cast<double>(iamt[k]);
        in_ext += w;
        const double* mu = &t.shares[static_cast<std::size_t>(u) * S];
        for (std::size_t s = 0; s < S; ++s) row[s] += w * mu[s];
      }
      excess_sum += static_cast<double>(t.own[v]);
    }
    if (pooled) {
      // Outflow leaving the cycle = the members' total outflow − the flow staying inside.
      double inside = 0, out_all = 0;
      for (std::uint32_t i = b; i < e; ++i) {
        const std::uint32_t v = comp_nodes[i];
        out_all += static_cast<double>(out[v]);
        for (std::uint32_t k = ioff[v]; k < ioff[v + 1]; ++k)
          if (t.component[isrc[k]] == c) inside += static_cast<double>(iamt[k]);
      }
      const double out_ext = out_all - inside;
      own_total = std::max(0.0, out_ext - in_ext);
    } else {
      own_total = static_cast<double>(t.own[comp_nodes[b]]);
    }
    const double total = in_ext + own_total;
    if (total <= 0) {  // no money with an origin: shares stay zero
      if (pooled)
        for (std::uint32_t i = b; i < e; ++i) t.closed_circulation[comp_nodes[i]] = 1;
      continue;
    }
    for (std::uint32_t i = b; i < e; ++i) {
      const std::uint32_t v = comp_nodes[i];
      if (column[v] == none || t.own[v] == 0) continue;
      row[column[v]] += pooled ? own_total * static_cast<double>(t.own[v]) / excess_sum : own_total;
    }
    double sum = 0;
    for (std::size_t s = 0; s < S; ++s) sum += (row[s] /= total);
    const double rest = std::max(0.0, 1.0 - sum);
    for (std::uint32_t i = b; i < e; ++i) {
      const std::uint32_t v = comp_nodes[i];
      std::copy(row.begin(), row.end(), t.shares.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(v) * S));
      t.other[v] = rest;
    }
  }
  return t;
}

/// @brief The money of one activity: what a recipient receives for one purpose, and its sources.
struct activity_trace {
  organisation_index recipient;
  std::string purpose;          ///< the rules' purpose ("base", "project:eu-2022"); empty when none
  money amount;                 ///< known flows for this purpose
  std::vector<double> shares;   ///< per source of interest of the model trace
  double other = 0;             ///< from sources not of interest
};

/// @brief The tracing of one year's evaluated flows of a model: per organisation and per activity.
struct model_funding_trace {
  int year = 0;
  funding_trace graph;                   ///< nodes are the model's organisations
  std::vector<activity_trace> activities; ///< (recipient, purpose) pairs in first-flow order
  std::size_t unknown_flows = 0;         ///< flows left out because their amount is unknown
};

/// @brief Traces the known flows of `ev` over the model's organisations, then splits each
/// recipient's income by purpose (activity) with the payers' mixes.
inline model_funding_trace trace_funding(const model& m, const funding_evaluation& ev,
                                         const funding_trace_options& opt = {}) {
  model_funding_trace r;
  r.year = ev.year;
  std::vector<trace_edge> edges;
  edges.reserve(ev.flows.size());
  for (const auto& f : ev.flows) {
    if (!f.amount) {
      ++r.unknown_flows;
      continue;
    }
    if (f.amount->minor() > 0) edges.push_back({f.payer.value, f.recipient.value, f.amount->minor()});
  }
  r.graph = trace_funding(static_cast<std::uint32_t>(m.organisations().size()), edges, opt);
  const std::size_t S = r.graph.sources.size();
  // (recipient, purpose) → activity, through a dense purpose id: no allocation per flow.
  std::unordered_map<std::string_view, std::uint32_t> purpose_id;
  std::unordered_map<std::uint64_t, std::size_t> activity_of;
  for (const auto& f : ev.flows) {
    if (!f.amount || f.amount->minor() <= 0) continue;
    const std::string& purpose = m[f.rule].purpose;
    const std::uint64_t pid = purpose_id.try_emplace(purpose, static_cast<std::uint32_t>(purpose_id.size())).first->second;
    const std::uint64_t key = (static_cast<std::uint64_t>(f.recipient.value) << 32) | pid;
    auto [it, fresh] = activity_of.try_emplace(key, r.activities.size());
    if (fresh) r.activities.push_back({f.recipient, purpose, money{}, std::vector<double>(S, 0.0), 0.0});
    activity_trace& a = r.activities[it->second];
    a.amount += *f.amount;
    const double w = static_cast<double>(f.amount->minor());
    for (std::size_t s = 0; s < S; ++s) a.shares[s] += w * r.graph.share(f.payer.value, s);
    a.other += w * r.graph.other[f.payer.value];
  }
  for (auto& a : r.activities) {
    const double w = static_cast<double>(a.amount.minor());
    for (auto& s : a.shares) s /= w;
    a.other /= w;
  }
  return r;
}

}  // namespace orgmodel
