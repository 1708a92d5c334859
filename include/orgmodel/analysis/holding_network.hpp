#pragma once
/// @file
/// @brief Indirect ownership on a holdings network in CSR form: integrated (all-walk) ownership,
/// ultimate (Leontief) ownership and simple-path sums, with share ranges carried as bounds.
///
/// This is the numeric engine under `analysis/ownership.hpp`. It works on flat arrays only, so the
/// same code answers a model of thirty organisations and a registry of 10^7 companies.
///
/// Definitions. Let A be the holdings matrix over all vertices: A[i][j] is the share of j held
/// directly by i. Companies are the vertices with at least one owner; outside owners have none.
/// - Integrated ownership (Baldone, Brioschi & Paleari 1998, "Ownership measures among firms
///   connected by cross-shareholdings and a further analogy with input-output theory"; the
///   "integrated ownership" of Vitali, Glattfelder & Battiston 2011, PLoS ONE 6(10) e25995):
///   T = A + A² + A³ + … = A(I − A)⁻¹, the sum over every walk from i to j of the product of the
///   shares on it. On a cycle the same share is counted again on every turn, so T[i][j] may exceed
///   one: it measures exposure, not a claim on the equity.
/// - Ultimate ownership (Ellerman 1991, "Cross ownership of corporations: a new application of
///   input–output theory", Metroeconomica 42(1); Baldone et al. 1998 call it the "Leontief"
///   measure): with E the holdings of outside owners and W the holdings among companies,
///   U = E(I − W)⁻¹. Shares circulating in cross-holdings are handed back, in the limit, to the
///   outside owners, so every column of U sums to one when every company's shares are allocated.
///   U is the restriction of T to the rows of outside owners (they have no owners, so no walk
///   revisits them). Shares no-one is recorded as holding (1 − Σ in-shares) are attributed to a
///   pseudo-owner "unallocated", so the columns still sum to one.
/// - Simple-path ownership: Σ over simple paths (no repeated organisation) of the share products,
///   optionally limited by depth or a minimum path share. It equals T on acyclic networks.
///
/// Cycles. Strongly connected components are found with an iterative Tarjan on the owned → owner
/// CSR and solved in topological order (owners before what they own). A component of at most
/// `dense_limit` companies is solved exactly up to rounding by Gauss–Jordan on (I − W_C); a larger
/// one by Gauss–Seidel sweeps to `tolerance`. A component with no holder outside itself whose
/// members' shares are fully allocated inside it owns itself: I − W_C is singular. It is reported
/// as a closed group, and in ultimate ownership the group itself becomes a pseudo-owner of its
/// members (integrated ownership of its members is unbounded, +inf).
///
/// Ranges. Each holding is an interval [low, high]. Every measure above is non-decreasing in every
/// holding (a Neumann series of non-negative terms) and the unallocated remainder is non-increasing,
/// so the engine runs twice: with all lows (remainders 1 − Σ high, floored at 0) and with all highs
/// (remainders 1 − Σ low). The true value for every consistent choice of exact shares lies between
/// the two results, entry by entry. The bounds are not attained simultaneously (the highs may add
/// up to more than 100 %), and upper bounds of ultimate ownership are capped at one. Where the highs
/// make a cycle self-sustaining (spectral radius ≥ 1) the upper bound of every entry downstream is
/// "unknown" (at most 100 % for ultimate ownership, unbounded for integrated).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "orgmodel/analysis/detail/dense_inverse.hpp"
#include "orgmodel/analysis/detail/scc.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Which share of a holding an analysis reads.
enum class ownership_measure : std::uint8_t { equity, votes };
template <>
struct enum_names<ownership_measure> {
  static constexpr std::string_view what = "ownership measure";
  static constexpr std::array<std::string_view, 2> names{"equity", "votes"};
};

/// @brief Holdings by owned vertex: the owners of v are owner[offsets[v] .. offsets[v+1]) with
/// shares [low, high] (high empty: exact). Plain arrays so that generators can fill it directly.
struct holding_network {
  std::uint32_t vertices = 0;
  std::vector<std::uint64_t> offsets;   ///< vertices + 1 entries
  std::vector<std::uint32_t> owner;     ///< owning vertex of each holding
  std::vector<double> low;              ///< share, or its lower bound
  std::vector<double> high;             ///< upper bounds; empty when every share is exact
  std::vector<std::uint32_t> relation;  ///< index of the model's ownership per holding; may be empty

  [[nodiscard]] bool exact() const noexcept { return high.empty(); }
  [[nodiscard]] double share_high(std::uint64_t e) const noexcept { return high.empty() ? low[e] : high[e]; }
  [[nodiscard]] std::uint64_t edges() const noexcept { return owner.size(); }
  [[nodiscard]] bool is_company(std::uint32_t v) const noexcept { return offsets[v + 1] > offsets[v]; }
};

/// @brief The ownership layer of a model as a holding network (vertices = organisations),
/// read from the layer_graph CSR's in-edges.
inline holding_network make_holding_network(const model& m, ownership_measure measure = ownership_measure::equity) {
  layer_graph g(m, relation_layer::ownership);
  holding_network net;
  net.vertices = g.num_vertices();
  net.offsets.assign(net.vertices + std::size_t{1}, 0);
  bool exact = true;
  for (std::uint32_t v = 0; v < net.vertices; ++v) {
    for (auto [it, end] = boost::in_edges(v, g.graph()); it != end; ++it) {
      const auto& o = m.ownerships()[g.relation(*it)];
      const share_range& s = measure == ownership_measure::equity ? o.equity : o.votes;
      net.owner.push_back(static_cast<std::uint32_t>(boost::source(*it, g.graph())));
      net.low.push_back(s.low.value());
      net.high.push_back(s.high.value());
      net.relation.push_back(g.relation(*it));
      exact = exact && s.exact();
    }
    net.offsets[v + 1] = net.owner.size();
  }
  if (exact) net.high.clear();
  return net;
}

/// @brief Sparse columns, one per vertex, stored in one pool in the order they were solved.
struct sparse_columns {
  std::vector<std::uint64_t> start;   ///< per vertex
  std::vector<std::uint32_t> count;   ///< per vertex
  std::vector<std::uint32_t> holder;  ///< pool
  std::vector<double> value;          ///< pool

  [[nodiscard]] std::span<const std::uint32_t> holders(std::uint32_t v) const {
    return {holder.data() + start[v], count[v]};
  }
  [[nodiscard]] std::span<const double> values(std::uint32_t v) const { return {value.data() + start[v], count[v]}; }
  /// @brief The entry of `h` in column v, 0 when absent (columns are sorted by holder).
  [[nodiscard]] double get(std::uint32_t v, std::uint32_t h) const {
    auto hs = holders(v);
    auto it = std::lower_bound(hs.begin(), hs.end(), h);
    return it != hs.end() && *it == h ? value[start[v] + static_cast<std::uint64_t>(it - hs.begin())] : 0.0;
  }
  [[nodiscard]] std::uint64_t entries() const noexcept { return holder.size(); }
};

/// @brief Integrated (all-walk) or ultimate (Leontief) ownership.
enum class indirect_kind : std::uint8_t { integrated, ultimate };
template <>
struct enum_names<indirect_kind> {
  static constexpr std::string_view what = "indirect ownership kind";
  static constexpr std::array<std::string_view, 2> names{"integrated", "ultimate"};
};

/// @brief Tuning of the indirect-ownership sweep.
struct indirect_options {
  /// Entries below epsilon are dropped and their mass moved to the pseudo-holder "truncated",
  /// which propagates like any share: its value in a column bounds what any listed holder misses
  /// and what any unlisted holder holds. 0 keeps everything.
  double epsilon = 0.0;
  std::uint32_t dense_limit = 1024;  ///< larger cyclic components are solved iteratively
  double tolerance = 1e-13;          ///< Gauss–Seidel stop: total L1 change of the component's columns in a sweep
  std::uint32_t max_sweeps = 100000; ///< Gauss–Seidel gives up (upper bounds unknown) after this
};

/// @brief What the sweep met: components, cycles and how they were solved.
struct scc_summary {
  std::uint64_t components = 0;
  std::uint64_t cyclic_components = 0;  ///< components with a cycle (cross-holdings)
  std::uint64_t largest = 0;            ///< companies in the largest component
  std::uint64_t solved_dense = 0;
  std::uint64_t solved_iteratively = 0;
};

/// @brief Indirect ownership: per company a sparse column of holders with lower and upper bounds.
///
/// Holder ids below `vertices` are vertices; `unallocated_holder()` stands for shares no-one is
/// recorded as holding, `truncated_holder()` for mass dropped by `epsilon`, and
/// `closed_group_holder(g)` for closed group g (ultimate ownership only).
struct indirect_ownership_result {
  indirect_kind kind = indirect_kind::ultimate;
  std::uint32_t vertices = 0;
  bool exact = true;          ///< every share exact: `high` is empty and equals `low`
  sparse_columns low;         ///< lower bounds (the values, when exact)
  sparse_columns high;        ///< upper bounds (uncapped); empty when exact
  std::vector<std::uint8_t> high_unknown;  ///< per vertex: the upper bounds of the column are unknown
  std::vector<std::vector<std::uint32_t>> closed_groups;  ///< groups that own themselves, for certain
  scc_summary sccs;

  [[nodiscard]] std::uint32_t unallocated_holder() const noexcept { return vertices; }
  [[nodiscard]] std::uint32_t truncated_holder() const noexcept { return vertices + 1; }
  [[nodiscard]] std::uint32_t closed_group_holder(std::size_t g) const noexcept {
    return vertices + 2 + static_cast<std::uint32_t>(g);
  }
  [[nodiscard]] bool is_pseudo(std::uint32_t h) const noexcept { return h >= vertices; }
  /// @brief Lower bound of the share of holder h in company v.
  [[nodiscard]] double value_low(std::uint32_t v, std::uint32_t h) const { return low.get(v, h); }
  /// @brief Upper bound of the share of holder h in company v: capped at one for ultimate
  /// ownership; 1 (ultimate) or +inf (integrated) where the bound is unknown.
  [[nodiscard]] double value_high(std::uint32_t v, std::uint32_t h) const {
    if (!high_unknown.empty() && high_unknown[v])
      return kind == indirect_kind::ultimate ? 1.0 : std::numeric_limits<double>::infinity();
    double x = exact ? low.get(v, h) : high.get(v, h);
    return kind == indirect_kind::ultimate ? std::min(1.0, x) : x;
  }
  /// @brief Every holder that appears in column v under either bound, ascending.
  [[nodiscard]] std::vector<std::uint32_t> holders(std::uint32_t v) const {
    auto a = low.holders(v);
    std::vector<std::uint32_t> r(a.begin(), a.end());
    if (!exact) {
      auto b = high.holders(v);
      std::vector<std::uint32_t> u;
      std::set_union(r.begin(), r.end(), b.begin(), b.end(), std::back_inserter(u));
      r = std::move(u);
    }
    return r;
  }
};

namespace detail {

/// @brief One bound's sweep over the components in topological order.
class indirect_sweep {
 public:
  indirect_sweep(const holding_network& net, const scc_decomposition& scc, indirect_kind kind, bool upper,
                 const indirect_options& opt)
      : net_(net), scc_(scc), kind_(kind), upper_(upper), opt_(opt) {}

  void run(sparse_columns& out, std::vector<std::uint8_t>& unknown, std::vector<std::vector<std::uint32_t>>* groups,
           scc_summary* stats) {
    const std::uint32_t n = net_.vertices;
    out.start.assign(n, 0);
    out.count.assign(n, 0);
    unknown.assign(n, 0);
    acc_.assign(std::size_t{n} + 2, 0.0);
    flag_.assign(std::size_t{n} + 2, 0);
    pos_.assign(n, 0);
    out_ = &out;
    unknown_ = &unknown;
    std::uint32_t group_count = 0;
    for (std::size_t c = 0; c < scc_.size(); ++c) {
      const std::uint32_t* mem = scc_.members.data() + scc_.offsets[c];
      const std::size_t k = scc_.offsets[c + 1] - scc_.offsets[c];
      bool cyclic = k > 1 || self_loop(mem[0]);
      if (stats) {
        ++stats->components;
        if (cyclic) ++stats->cyclic_components;
        if (net_.is_company(mem[0])) stats->largest = std::max<std::uint64_t>(stats->largest, k);
      }
      if (!cyclic) {
        solve_single(mem[0]);
        continue;
      }
      if (k > 1) {
        // Members in ascending index order: the solve's rounding then depends on the component
        // alone, not on the order Tarjan met it, so engines that order them so too (the
        // distributed one, distributed/ultimate_ownership.hpp) get the same bits.
        sorted_.assign(mem, mem + k);
        std::sort(sorted_.begin(), sorted_.end());
        mem = sorted_.data();
      }
      for (std::size_t i = 0; i < k; ++i) pos_[mem[i]] = static_cast<std::uint32_t>(i);
      auto closure = closed(mem, k);
      if (closure == closure_kind::certain) {
        std::uint32_t g = group_count++;
        if (groups) groups->emplace_back(mem, mem + k);
        solve_closed(mem, k, g);
      } else if (closure == closure_kind::possible && upper_) {
        for (std::size_t i = 0; i < k; ++i) mark_unknown(mem[i]);
      } else if (k <= opt_.dense_limit) {
        if (stats) ++stats->solved_dense;
        solve_dense(mem, k);
      } else {
        if (stats) ++stats->solved_iteratively;
        solve_iterative(mem, k);
      }
    }
  }

 private:
  enum class closure_kind { none, possible, certain };

  double share(std::uint64_t e) const noexcept { return upper_ ? net_.share_high(e) : net_.low[e]; }
  /// Shares no-one is recorded as holding: non-increasing in the holdings, so the lower-bound run
  /// takes 1 − Σ high and the upper-bound run 1 − Σ low.
  double remainder(std::uint32_t v) const noexcept {
    double s = 0;
    for (auto e = net_.offsets[v]; e < net_.offsets[v + 1]; ++e) s += upper_ ? net_.low[e] : net_.share_high(e);
    return std::max(0.0, 1.0 - s);
  }
  bool self_loop(std::uint32_t v) const noexcept {
    for (auto e = net_.offsets[v]; e < net_.offsets[v + 1]; ++e)
      if (net_.owner[e] == v) return true;
    return false;
  }
  closure_kind closed(const std::uint32_t* mem, std::size_t k) const {
    bool certain = true, possible = true;
    for (std::size_t i = 0; i < k; ++i) {
      double lo = 0, hi = 0;
      for (auto e = net_.offsets[mem[i]]; e < net_.offsets[mem[i] + 1]; ++e) {
        if (scc_.component[net_.owner[e]] != scc_.component[mem[i]]) return closure_kind::none;
        lo += net_.low[e];
        hi += net_.share_high(e);
      }
      certain = certain && lo >= 1.0 - 1e-12;
      possible = possible && hi >= 1.0 - 1e-12;
    }
    return certain ? closure_kind::certain : possible ? closure_kind::possible : closure_kind::none;
  }

  void add(std::uint32_t h, double x) {
    if (h >= acc_.size()) {
      acc_.resize(h + std::size_t{1}, 0.0);
      flag_.resize(h + std::size_t{1}, 0);
    }
    if (!flag_[h]) {
      flag_[h] = 1;
      touched_.push_back(h);
    }
    acc_[h] += x;
  }
  /// Adds a·(what holder m passes on) to the accumulator: for ultimate ownership m's own column
  /// (an outside owner passes itself on); for integrated ownership m itself plus m's column.
  /// Returns false when m's column has unknown upper bounds.
  bool add_carried(std::uint32_t m, double a) {
    if ((*unknown_)[m]) return false;
    const bool company = net_.is_company(m);
    if (kind_ == indirect_kind::integrated || !company) add(m, a);
    if (company) {
      auto hs = out_->holders(m);
      auto vs = out_->values(m);
      for (std::size_t i = 0; i < hs.size(); ++i) add(hs[i], a * vs[i]);
    }
    return true;
  }
  void add_base(std::uint32_t v) {
    if (kind_ == indirect_kind::ultimate) {
      double r = remainder(v);
      if (r > 1e-15) add(net_.vertices, r);
    }
  }
  /// Writes the accumulator as column v (sorted, epsilon-truncated) and clears it.
  void emit(std::uint32_t v) {
    std::sort(touched_.begin(), touched_.end());
    auto& o = *out_;
    o.start[v] = o.holder.size();
    double dropped = 0;
    const std::uint32_t trunc = net_.vertices + 1;
    for (std::uint32_t h : touched_) {
      double x = acc_[h];
      acc_[h] = 0;
      flag_[h] = 0;
      if (h == trunc) {
        dropped += x;
        continue;
      }
      if (x == 0.0) continue;
      if (opt_.epsilon > 0 && x < opt_.epsilon && h != net_.vertices) {
        dropped += x;
        continue;
      }
      o.holder.push_back(h);
      o.value.push_back(x);
    }
    if (dropped > 0) {
      // keep the pool sorted by holder: trunc = vertices + 1 sorts after every vertex and after
      // "unallocated", before the closed groups.
      auto first = o.holder.begin() + static_cast<std::ptrdiff_t>(o.start[v]);
      auto it = std::lower_bound(first, o.holder.end(), trunc);
      auto at = it - o.holder.begin();
      o.holder.insert(it, trunc);
      o.value.insert(o.value.begin() + at, dropped);
    }
    o.count[v] = static_cast<std::uint32_t>(o.holder.size() - o.start[v]);
    touched_.clear();
  }
  void clear_acc() {
    for (std::uint32_t h : touched_) acc_[h] = 0, flag_[h] = 0;
    touched_.clear();
  }
  void mark_unknown(std::uint32_t v) {
    (*unknown_)[v] = 1;
    out_->start[v] = out_->holder.size();
    out_->count[v] = 0;
  }

  void solve_single(std::uint32_t v) {
    if (!net_.is_company(v)) {
      out_->start[v] = out_->holder.size();
      return;
    }
    add_base(v);
    for (auto e = net_.offsets[v]; e < net_.offsets[v + 1]; ++e) {
      if (!add_carried(net_.owner[e], share(e))) {
        clear_acc();
        mark_unknown(v);
        return;
      }
    }
    emit(v);
  }

  void solve_closed(const std::uint32_t* mem, std::size_t k, std::uint32_t g) {
    const std::uint32_t group = net_.vertices + 2 + g;
    for (std::size_t i = 0; i < k; ++i) {
      if (kind_ == indirect_kind::ultimate) {
        add(group, 1.0);
      } else {
        for (std::size_t j = 0; j < k; ++j) add(mem[j], std::numeric_limits<double>::infinity());
      }
      emit(mem[i]);
    }
  }

  /// b_l: everything company l receives from outside its component (plus, for integrated
  /// ownership, its direct holders inside it), as sparse vectors in a scratch pool.
  bool gather_b(const std::uint32_t* mem, std::size_t k) {
    b_off_.assign(1, 0);
    b_h_.clear();
    b_v_.clear();
    const auto comp = scc_.component[mem[0]];
    for (std::size_t l = 0; l < k; ++l) {
      add_base(mem[l]);
      for (auto e = net_.offsets[mem[l]]; e < net_.offsets[mem[l] + 1]; ++e) {
        std::uint32_t m = net_.owner[e];
        if (scc_.component[m] == comp) {
          if (kind_ == indirect_kind::integrated) add(m, share(e));
        } else if (!add_carried(m, share(e))) {
          clear_acc();
          return false;
        }
      }
      for (std::uint32_t h : touched_) {
        b_h_.push_back(h);
        b_v_.push_back(acc_[h]);
        acc_[h] = 0;
        flag_[h] = 0;
      }
      touched_.clear();
      b_off_.push_back(b_h_.size());
    }
    return true;
  }

  void solve_dense(const std::uint32_t* mem, std::size_t k) {
    if (!gather_b(mem, k)) {
      for (std::size_t i = 0; i < k; ++i) mark_unknown(mem[i]);
      return;
    }
    std::vector<double> w(k * k, 0.0);
    const auto comp = scc_.component[mem[0]];
    for (std::size_t j = 0; j < k; ++j)
      for (auto e = net_.offsets[mem[j]]; e < net_.offsets[mem[j] + 1]; ++e)
        if (scc_.component[net_.owner[e]] == comp) w[pos_[net_.owner[e]] * k + j] += share(e);
    if (!invert_i_minus_w(k, w)) {
      for (std::size_t i = 0; i < k; ++i) mark_unknown(mem[i]);
      return;
    }
    for (std::size_t j = 0; j < k; ++j) {
      for (std::size_t l = 0; l < k; ++l) {
        const double mlj = w[l * k + j];
        if (mlj == 0.0) continue;
        for (auto x = b_off_[l]; x < b_off_[l + 1]; ++x) add(b_h_[x], mlj * b_v_[x]);
      }
      emit(mem[j]);
    }
  }

  /// Gauss–Seidel on x_j = b_j + Σ_{m in C} A[m][j] x_m for components too large to invert densely.
  void solve_iterative(const std::uint32_t* mem, std::size_t k) {
    if (!gather_b(mem, k)) {
      for (std::size_t i = 0; i < k; ++i) mark_unknown(mem[i]);
      return;
    }
    const auto comp = scc_.component[mem[0]];
    std::vector<std::vector<std::pair<std::uint32_t, double>>> x(k);
    for (std::size_t l = 0; l < k; ++l) {
      for (auto i = b_off_[l]; i < b_off_[l + 1]; ++i) x[l].emplace_back(b_h_[i], b_v_[i]);
      std::sort(x[l].begin(), x[l].end());
    }
    bool converged = false;
    for (std::uint32_t sweep = 0; sweep < opt_.max_sweeps && !converged; ++sweep) {
      double change = 0;
      for (std::size_t j = 0; j < k; ++j) {
        for (auto i = b_off_[j]; i < b_off_[j + 1]; ++i) add(b_h_[i], b_v_[i]);
        for (auto e = net_.offsets[mem[j]]; e < net_.offsets[mem[j] + 1]; ++e) {
          std::uint32_t m = net_.owner[e];
          if (scc_.component[m] != comp) continue;
          for (auto [h, v] : x[pos_[m]]) add(h, share(e) * v);
        }
        std::vector<std::pair<std::uint32_t, double>> next;
        for (std::uint32_t h : touched_) {
          next.emplace_back(h, acc_[h]);
          acc_[h] = 0;
          flag_[h] = 0;
        }
        touched_.clear();
        std::sort(next.begin(), next.end());
        // L1 distance between the sorted old and new columns
        std::size_t a = 0, b = 0;
        const auto& old = x[j];
        while (a < old.size() || b < next.size()) {
          if (b == next.size() || (a < old.size() && old[a].first < next[b].first)) change += std::fabs(old[a++].second);
          else if (a == old.size() || next[b].first < old[a].first) change += std::fabs(next[b++].second);
          else change += std::fabs(old[a++].second - next[b++].second);
        }
        x[j] = std::move(next);
        if (!std::isfinite(change)) break;
      }
      converged = change < opt_.tolerance;
    }
    if (!converged) {
      for (std::size_t i = 0; i < k; ++i) mark_unknown(mem[i]);
      return;
    }
    for (std::size_t j = 0; j < k; ++j) {
      for (auto [h, v] : x[j]) add(h, v);
      emit(mem[j]);
    }
  }

  const holding_network& net_;
  const scc_decomposition& scc_;
  indirect_kind kind_;
  bool upper_;
  indirect_options opt_;
  sparse_columns* out_ = nullptr;
  std::vector<std::uint8_t>* unknown_ = nullptr;
  std::vector<double> acc_;
  std::vector<std::uint8_t> flag_;
  std::vector<std::uint32_t> touched_, pos_, sorted_;
  std::vector<std::uint64_t> b_off_;
  std::vector<std::uint32_t> b_h_;
  std::vector<double> b_v_;
};

inline void check_network(const holding_network& net) {
  if (net.offsets.size() != std::size_t{net.vertices} + 1 || net.offsets.back() != net.owner.size() ||
      net.low.size() != net.owner.size() || (!net.high.empty() && net.high.size() != net.owner.size()))
    throw invalid_model(error_code::out_of_range, "", "holding network arrays have inconsistent sizes");
  for (std::size_t e = 0; e < net.owner.size(); ++e) {
    if (net.owner[e] >= net.vertices)
      throw invalid_model(error_code::dangling_reference, "", "holding " + std::to_string(e) + " names owner vertex " +
                                                                  std::to_string(net.owner[e]) + " beyond the network");
    if (!(net.low[e] >= 0) || !(net.share_high(e) >= net.low[e]) || !(net.share_high(e) <= 1))
      throw invalid_model(error_code::out_of_range, "",
                          "holding " + std::to_string(e) + " has a share outside 0 ≤ low ≤ high ≤ 1");
  }
}

inline indirect_ownership_result indirect(const holding_network& net, indirect_kind kind, const indirect_options& opt) {
  check_network(net);
  indirect_ownership_result r;
  r.kind = kind;
  r.vertices = net.vertices;
  r.exact = net.exact();
  auto scc = tarjan_scc(net.vertices, net.offsets, net.owner);
  std::vector<std::uint8_t> unknown_low;
  indirect_sweep(net, scc, kind, false, opt).run(r.low, unknown_low, &r.closed_groups, &r.sccs);
  if (r.exact) {
    r.high_unknown = std::move(unknown_low);
  } else {
    indirect_sweep(net, scc, kind, true, opt).run(r.high, r.high_unknown, nullptr, nullptr);
  }
  return r;
}

}  // namespace detail

/// @brief Integrated (all-walk) ownership T = A(I − A)⁻¹: every holder's exposure to every company
/// through every walk, counted again on each turn of a cycle (so values may exceed one).
/// @throws invalid_model when the network's arrays are inconsistent or a share is outside [0, 1].
inline indirect_ownership_result integrated_ownership(const holding_network& net, const indirect_options& opt = {}) {
  return detail::indirect(net, indirect_kind::integrated, opt);
}

/// @brief Ultimate (Leontief) ownership U = E(I − W)⁻¹: each company's equity attributed to the
/// outside owners (and the pseudo-owners "unallocated" and closed groups); each column sums to one.
/// @throws invalid_model when the network's arrays are inconsistent or a share is outside [0, 1].
inline indirect_ownership_result ultimate_ownership(const holding_network& net, const indirect_options& opt = {}) {
  return detail::indirect(net, indirect_kind::ultimate, opt);
}

/// @brief Limits of a simple-path enumeration (exponential in the worst case, hence the limits).
struct path_limits {
  std::uint32_t max_depth = 16;           ///< holdings on a path
  double min_share = 0.0;                 ///< paths whose upper-bound share falls below are cut
  std::uint64_t max_paths = 1'000'000;    ///< enumeration budget
};

/// @brief One holder's sum over simple paths, both bounds.
struct path_sum {
  std::uint32_t holder = 0;
  double low = 0;
  double high = 0;
  std::uint64_t paths = 0;
};

/// @brief Simple-path ownership of `target`: per holder, Σ over simple paths of share products.
struct simple_path_result {
  std::uint32_t target = 0;
  std::vector<path_sum> holders;  ///< ascending by holder
  bool truncated = false;         ///< a limit cut some path: the sums are lower bounds
};

/// @brief A chain of holdings: vertices from the holder to the company, with the share it carries.
struct ownership_chain {
  std::vector<std::uint32_t> path;  ///< holder first, target last
  double low = 0;
  double high = 0;
};

namespace detail {
/// Depth-first over simple paths ending at `target`, walking owners backwards; calls
/// visit(path_reversed, low, high) for every path of at least one holding.
template <class Visit>
bool for_each_simple_path(const holding_network& net, std::uint32_t target, const path_limits& lim, Visit visit) {
  struct frame {
    std::uint32_t v;
    std::uint64_t e;
    double low, high;
  };
  std::vector<std::uint8_t> on_path(net.vertices, 0);
  std::vector<frame> st;
  std::vector<std::uint32_t> path{target};
  st.push_back({target, net.offsets[target], 1.0, 1.0});
  on_path[target] = 1;
  std::uint64_t count = 0;
  bool truncated = false;
  while (!st.empty()) {
    frame& f = st.back();
    if (f.e == net.offsets[f.v + 1]) {
      on_path[f.v] = 0;
      st.pop_back();
      path.pop_back();
      continue;
    }
    const auto e = f.e++;
    const std::uint32_t m = net.owner[e];
    if (on_path[m]) continue;
    const double lo = f.low * net.low[e], hi = f.high * net.share_high(e);
    if (hi < lim.min_share || hi == 0.0) {
      truncated = truncated || hi > 0.0;
      continue;
    }
    if (++count > lim.max_paths) return true;
    path.push_back(m);
    visit(path, lo, hi);
    if (st.size() >= lim.max_depth) {
      truncated = truncated || net.is_company(m);
      path.pop_back();
      continue;
    }
    on_path[m] = 1;
    st.push_back({m, net.offsets[m], lo, hi});
  }
  return truncated;
}
}  // namespace detail

/// @brief Σ over simple paths into `target` of share products, per holder, within `limits`.
/// Equals integrated ownership on acyclic networks; on cycles it counts each path once.
inline simple_path_result simple_path_ownership(const holding_network& net, std::uint32_t target,
                                                const path_limits& limits = {}) {
  detail::check_network(net);
  if (target >= net.vertices) throw lookup_error("no vertex " + std::to_string(target) + " in the holding network");
  std::vector<path_sum> sums;
  std::vector<std::uint32_t> slot(net.vertices, std::numeric_limits<std::uint32_t>::max());
  simple_path_result r;
  r.target = target;
  r.truncated = detail::for_each_simple_path(net, target, limits, [&](const std::vector<std::uint32_t>& p, double lo, double hi) {
    std::uint32_t h = p.back();
    if (slot[h] == std::numeric_limits<std::uint32_t>::max()) {
      slot[h] = static_cast<std::uint32_t>(sums.size());
      sums.push_back({h, 0, 0, 0});
    }
    auto& s = sums[slot[h]];
    s.low += lo;
    s.high += hi;
    ++s.paths;
  });
  std::sort(sums.begin(), sums.end(), [](const path_sum& a, const path_sum& b) { return a.holder < b.holder; });
  r.holders = std::move(sums);
  return r;
}

/// @brief The `k` simple chains from `holder` to `target` carrying the largest share (ranked by
/// lower bound, then upper bound): the evidence behind an indirect holding.
inline std::vector<ownership_chain> top_chains(const holding_network& net, std::uint32_t holder, std::uint32_t target,
                                               std::size_t k, const path_limits& limits = {}) {
  detail::check_network(net);
  std::vector<ownership_chain> best;
  auto better = [](const ownership_chain& a, const ownership_chain& b) {
    return a.low != b.low ? a.low > b.low : a.high > b.high;
  };
  if (k == 0) return best;
  detail::for_each_simple_path(net, target, limits, [&](const std::vector<std::uint32_t>& p, double lo, double hi) {
    if (p.back() != holder) return;
    ownership_chain c{{p.rbegin(), p.rend()}, lo, hi};
    if (best.size() < k) {
      best.push_back(std::move(c));
      std::push_heap(best.begin(), best.end(), better);
    } else if (better(c, best.front())) {
      std::pop_heap(best.begin(), best.end(), better);
      best.back() = std::move(c);
      std::push_heap(best.begin(), best.end(), better);
    }
  });
  std::sort(best.begin(), best.end(), better);
  return best;
}

}  // namespace orgmodel
