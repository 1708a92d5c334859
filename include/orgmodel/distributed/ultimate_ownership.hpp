#pragma once
/// @file
/// @brief Ultimate (Leontief) ownership on a holding network spread over processes — the same
/// definition, the same arithmetic and the same ε-truncation certificate as the single-process
/// `orgmodel::ultimate_ownership` (analysis/holding_network.hpp), for exact shares.
///
/// Algorithm (bulk-synchronous rounds on Boost.MPI, docs/distributed.md):
/// 1. components across processes (distributed/strong_components.hpp);
/// 2. a company whose holders outside its component all have their columns is solved where it is
///    kept: the unallocated remainder, then each holder's column times the share, in holding
///    order, then the ε-truncation — the single-process sweep's steps in the same order, so
///    acyclic columns agree to the last bit;
/// 3. its column is sent once to every process keeping a company it holds (the boundary
///    contribution); a process keeps the columns of remote holders until its last company that
///    needs them is solved;
/// 4. a cyclic component is solved at its root's process: each member, once its outside holders
///    are known, sends its holdings and their columns there; the root solves (I − W_C)⁻¹ exactly
///    (Gauss–Jordan, as the single-process engine) or recognises a closed group, and sends each
///    member its column back.
/// Rounds repeat until no process has anything to send. No process ever holds the whole network.
///
/// Holder ids: vertices; `vertices` = unallocated; `vertices + 1` = truncated; closed groups are
/// `vertices + 2 + least member` (the single-process engine numbers them in solve order).

#include <algorithm>
#include <cstdint>
#include <string>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/mpi/collectives/all_reduce.hpp>

#include "orgmodel/analysis/detail/dense_inverse.hpp"
#include "orgmodel/analysis/holding_network.hpp"
#include "orgmodel/distributed/exchange.hpp"
#include "orgmodel/distributed/holding_slice.hpp"
#include "orgmodel/distributed/strong_components.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::distributed {

/// @brief The columns of the companies one process keeps.
struct ownership_slice {
  partition part;
  sparse_columns columns;             ///< indexed by local vertex; empty for outside owners
  std::vector<std::uint8_t> unknown;  ///< per local vertex
  std::vector<std::uint8_t> company;  ///< per local vertex
  std::uint64_t components = 0, cyclic_components = 0, largest = 0;  ///< this process's roots
  std::uint64_t rounds = 0;
};

namespace detail {

using entry = std::pair<std::uint32_t, double>;

/// Accumulates contributions per holder; `column()` sums each holder's contributions in the order
/// they were added (as the single-process accumulator does) and applies the truncation.
class accumulator {
 public:
  accumulator(std::uint32_t vertices, double epsilon) : n_(vertices), eps_(epsilon) {}
  void add(std::uint32_t h, double x) { c_.push_back({h, static_cast<std::uint32_t>(c_.size()), x}); }
  void clear() { c_.clear(); }
  /// Each holder's sum, sorted by holder, nothing dropped (the b vectors of a component).
  void sums(std::vector<entry>& out) {
    order();
    out.clear();
    for (std::size_t i = 0; i < c_.size();) {
      const auto h = c_[i].h;
      double x = 0;
      for (; i < c_.size() && c_[i].h == h; ++i) x += c_[i].x;
      out.emplace_back(h, x);
    }
    c_.clear();
  }
  /// The column, sorted by holder, entries below ε moved to "truncated" (never "unallocated").
  void column(std::vector<entry>& out) {
    order();
    out.clear();
    const std::uint32_t trunc = n_ + 1;
    double dropped = 0;
    for (std::size_t i = 0; i < c_.size();) {
      const auto h = c_[i].h;
      double x = 0;
      for (; i < c_.size() && c_[i].h == h; ++i) x += c_[i].x;
      if (h == trunc) {
        dropped += x;
        continue;
      }
      if (x == 0.0) continue;
      if (eps_ > 0 && x < eps_ && h != n_) {
        dropped += x;
        continue;
      }
      out.emplace_back(h, x);
    }
    if (dropped > 0) {
      auto it = std::lower_bound(out.begin(), out.end(), trunc, [](const entry& e, std::uint32_t h) { return e.first < h; });
      out.insert(it, {trunc, dropped});
    }
    c_.clear();
  }

 private:
  struct contribution {
    std::uint32_t h, seq;
    double x;
  };
  void order() {
    std::sort(c_.begin(), c_.end(), [](const contribution& a, const contribution& b) { return a.h != b.h ? a.h < b.h : a.seq < b.seq; });
  }
  std::vector<contribution> c_;
  std::uint32_t n_;
  double eps_;
};

/// What a holder passes on: its column, or itself for an outside owner.
struct holder_column {
  bool company = false, unknown = false;
  std::vector<entry> col;
};

inline void put_column(std::string& b, std::uint32_t v, bool company, bool unknown, std::span<const std::uint32_t> hs,
                       std::span<const double> vs) {
  put(b, v);
  put(b, static_cast<std::uint8_t>((company ? 1 : 0) | (unknown ? 2 : 0)));
  put(b, static_cast<std::uint32_t>(hs.size()));
  for (std::size_t i = 0; i < hs.size(); ++i) put(b, hs[i]), put(b, vs[i]);
}
inline std::uint32_t get_column(reader& rd, holder_column& c) {
  const auto v = rd.get<std::uint32_t>();
  const auto f = rd.get<std::uint8_t>();
  c.company = f & 1;
  c.unknown = f & 2;
  c.col.resize(rd.get<std::uint32_t>());
  for (auto& [h, x] : c.col) h = rd.get<std::uint32_t>(), x = rd.get<double>();
  return v;
}

/// Adds a·(what m passes on); false when m's column is unknown.
inline bool add_carried(accumulator& acc, std::uint32_t m, const holder_column& c, double a) {
  if (c.unknown) return false;
  if (!c.company) acc.add(m, a);
  for (const auto& [h, x] : c.col) acc.add(h, a * x);
  return true;
}
inline bool add_carried(accumulator& acc, std::uint32_t m, bool company, bool unknown, std::span<const std::uint32_t> hs,
                        std::span<const double> vs, double a) {
  if (unknown) return false;
  if (!company) acc.add(m, a);
  for (std::size_t i = 0; i < hs.size(); ++i) acc.add(hs[i], a * vs[i]);
  return true;
}

/// 1 − Σ shares, floored at 0, added as "unallocated" when above 1e-15 (exact shares).
template <class Shares>
void add_remainder(accumulator& acc, std::uint32_t vertices, const Shares& shares) {
  double s = 0;
  for (double x : shares) s += x;
  const double r = std::max(0.0, 1.0 - s);
  if (r > 1e-15) acc.add(vertices, r);
}

/// A member of a cyclic component as its root's process receives it.
struct member_package {
  std::uint32_t v = 0;
  std::vector<std::uint32_t> owner;
  std::vector<double> share;
  std::unordered_map<std::uint32_t, holder_column> outside;  ///< columns of holders outside the component
};

}  // namespace detail

/// @brief Options: the single-process engine's `indirect_options` (epsilon, dense_limit).
/// Components larger than `dense_limit` are refused (`unsupported`): the single-process engine
/// switches to Gauss–Seidel there, whose iterates would not agree to the printed digit.
inline ownership_slice ultimate_ownership(exchanger& ex, const holding_slice& s, const component_slice& comp,
                                          const indirect_options& opt = {}) {
  using namespace detail;
  const auto& part = s.part;
  const std::uint32_t n = part.local_count(), N = part.vertices;
  if (N >= UINT32_MAX / 2) throw invalid_model(error_code::out_of_range, "", "holding network beyond 2^31 vertices");
  ownership_slice r;
  r.part = part;
  r.columns.start.assign(n, 0);
  r.columns.count.assign(n, 0);
  r.unknown.assign(n, 0);
  r.company.assign(n, 0);
  for (std::uint32_t l = 0; l < n; ++l) {
    r.company[l] = s.is_company(l);
    if (comp.root[l] == part.global(l)) {
      ++r.components;
      if (comp.cyclic(l, part.global(l))) ++r.cyclic_components;
      if (r.company[l]) r.largest = std::max<std::uint64_t>(r.largest, comp.size[l]);
    }
  }

  // Roots of remote holders on cycles (others are their own root).
  for (std::uint32_t l = 0; l < n; ++l) {
    const auto v = part.global(l);
    if (comp.root[l] == v) continue;
    for (auto e = s.out_offsets[l]; e < s.out_offsets[l + 1]; ++e)
      if (part.owner(s.out_owned[e]) != part.rank) put(ex.to(part.owner(s.out_owned[e])), v), put(ex.to(part.owner(s.out_owned[e])), comp.root[l]);
  }
  ex.exchange();
  std::unordered_map<std::uint32_t, std::uint32_t> remote_root;
  for (int p = 0; p < ex.size(); ++p)
    for (reader rd(ex.from(p)); !rd.done();) {
      const auto m = rd.get<std::uint32_t>();
      remote_root[m] = rd.get<std::uint32_t>();
    }
  ex.release();
  auto root_of = [&](std::uint32_t m) {
    if (part.owner(m) == part.rank) return comp.root[part.local(m)];
    auto it = remote_root.find(m);
    return it == remote_root.end() ? m : it->second;
  };

  // Pending outside holdings per local company; remote holders' columns awaited.
  struct ghost {
    holder_column c;
    std::vector<std::uint32_t> waiting;  ///< local vertices, one entry per holding
    std::uint32_t refs = 0;
    bool arrived = false;
  };
  std::unordered_map<std::uint32_t, ghost> ghosts;
  std::vector<std::uint32_t> pending(n, 0);
  std::vector<std::uint8_t> done(n, 0);
  for (std::uint32_t l = 0; l < n; ++l) {
    for (auto e = s.in_offsets[l]; e < s.in_offsets[l + 1]; ++e) {
      const auto m = s.in_owner[e];
      if (root_of(m) == comp.root[l]) continue;
      ++pending[l];
      if (part.owner(m) != part.rank) {
        auto& g = ghosts[m];
        g.waiting.push_back(l);
        ++g.refs;
      }
    }
  }

  std::vector<std::uint32_t> ready;
  for (std::uint32_t l = 0; l < n; ++l)
    if (pending[l] == 0) ready.push_back(l);

  accumulator acc(N, opt.epsilon);
  std::vector<entry> col;
  holder_column local_holder;
  // The column of holder m as seen from this process.
  auto column_of = [&](std::uint32_t m) -> const holder_column& {
    if (part.owner(m) != part.rank) return ghosts.at(m).c;
    const auto l = part.local(m);
    local_holder.company = r.company[l];
    local_holder.unknown = r.unknown[l];
    local_holder.col.clear();
    auto hs = r.columns.holders(l);
    auto vs = r.columns.values(l);
    for (std::size_t i = 0; i < hs.size(); ++i) local_holder.col.emplace_back(hs[i], vs[i]);
    return local_holder;
  };
  auto release_ghosts = [&](std::uint32_t l) {
    for (auto e = s.in_offsets[l]; e < s.in_offsets[l + 1]; ++e) {
      const auto m = s.in_owner[e];
      if (part.owner(m) == part.rank || root_of(m) == comp.root[l]) continue;
      auto it = ghosts.find(m);
      if (it != ghosts.end() && --it->second.refs == 0) ghosts.erase(it);
    }
  };
  std::vector<std::uint8_t> sent_to(static_cast<std::size_t>(part.size), 0);
  // Stores l's column and tells whoever waits for it.
  auto finish = [&](std::uint32_t l, bool unknown, const std::vector<entry>& c) {
    auto& out = r.columns;
    out.start[l] = out.holder.size();
    for (const auto& [h, x] : c) out.holder.push_back(h), out.value.push_back(x);
    out.count[l] = static_cast<std::uint32_t>(c.size());
    r.unknown[l] = unknown;
    done[l] = 1;
    const auto v = part.global(l);
    std::fill(sent_to.begin(), sent_to.end(), 0);
    for (auto e = s.out_offsets[l]; e < s.out_offsets[l + 1]; ++e) {
      const auto j = s.out_owned[e];
      const int p = part.owner(j);
      if (p == part.rank) {
        const auto lj = part.local(j);
        if (comp.root[lj] != comp.root[l] && --pending[lj] == 0) ready.push_back(lj);
      } else if (!sent_to[static_cast<std::size_t>(p)]) {
        sent_to[static_cast<std::size_t>(p)] = 1;
        auto& b = ex.to(p);
        put(b, std::uint8_t{1});
        put_column(b, v, r.company[l], unknown, r.columns.holders(l), r.columns.values(l));
      }
    }
  };

  // Components being solved at this process (it keeps their roots).
  std::unordered_map<std::uint32_t, std::vector<member_package>> gathering;
  auto solve_component = [&](std::uint32_t root, std::vector<member_package>& mem) {
    std::sort(mem.begin(), mem.end(), [](const member_package& a, const member_package& b) { return a.v < b.v; });
    const std::size_t k = mem.size();
    if (k > opt.dense_limit)
      throw invalid_model(error_code::unsupported, "",
                          "a cyclic component of " + std::to_string(k) + " companies (root " + std::to_string(root) +
                              ") exceeds dense_limit; the distributed engine solves components exactly only");
    std::unordered_map<std::uint32_t, std::uint32_t> pos;
    for (std::size_t i = 0; i < k; ++i) pos[mem[i].v] = static_cast<std::uint32_t>(i);
    auto send_back = [&](const member_package& m, bool unknown, const std::vector<entry>& c) {
      auto& b = ex.to(part.owner(m.v));
      put(b, std::uint8_t{3});
      std::vector<std::uint32_t> hs;
      std::vector<double> vs;
      for (const auto& [h, x] : c) hs.push_back(h), vs.push_back(x);
      put_column(b, m.v, true, unknown, hs, vs);
    };
    // A closed group: every member's shares held inside the component, fully allocated.
    bool closed = true;
    for (const auto& m : mem) {
      double lo = 0;
      for (std::size_t e = 0; e < m.owner.size(); ++e) {
        if (!pos.count(m.owner[e])) closed = false;
        lo += m.share[e];
      }
      closed = closed && lo >= 1.0 - 1e-12;
    }
    if (closed) {
      for (const auto& m : mem) {
        acc.add(N + 2 + mem.front().v, 1.0);
        acc.column(col);
        send_back(m, false, col);
      }
      return;
    }
    // b_l: what member l receives from outside the component.
    std::vector<std::vector<entry>> b(k);
    bool unknown = false;
    for (std::size_t l = 0; l < k && !unknown; ++l) {
      add_remainder(acc, N, mem[l].share);
      for (std::size_t e = 0; e < mem[l].owner.size(); ++e) {
        const auto o = mem[l].owner[e];
        if (pos.count(o)) continue;
        if (!add_carried(acc, o, mem[l].outside.at(o), mem[l].share[e])) unknown = true;
      }
      acc.sums(b[l]);  // ε applies to the final columns only, as in the single-process engine
    }
    std::vector<double> w(k * k, 0.0);
    for (std::size_t j = 0; j < k; ++j)
      for (std::size_t e = 0; e < mem[j].owner.size(); ++e)
        if (auto it = pos.find(mem[j].owner[e]); it != pos.end()) w[it->second * k + j] += mem[j].share[e];
    if (unknown || !orgmodel::detail::invert_i_minus_w(k, w)) {
      acc.clear();
      for (const auto& m : mem) send_back(m, true, {});
      return;
    }
    for (std::size_t j = 0; j < k; ++j) {
      for (std::size_t l = 0; l < k; ++l) {
        const double mlj = w[l * k + j];
        if (mlj == 0.0) continue;
        for (const auto& [h, x] : b[l]) acc.add(h, mlj * x);
      }
      acc.column(col);
      send_back(mem[j], false, col);
    }
  };

  auto step = [&] {
    while (!ready.empty()) {
      const auto l = ready.back();
      ready.pop_back();
      const auto v = part.global(l);
      if (!r.company[l]) {
        col.clear();
        finish(l, false, col);
        continue;
      }
      if (comp.cyclic(l, v)) {  // to the root's process, with the columns of outside holders
        auto& b = ex.to(part.owner(comp.root[l]));
        put(b, std::uint8_t{2});
        put(b, comp.root[l]);
        put(b, v);
        const auto first = s.in_offsets[l], last = s.in_offsets[l + 1];
        put(b, static_cast<std::uint32_t>(last - first));
        for (auto e = first; e < last; ++e) put(b, s.in_owner[e]), put(b, s.in_share[e]);
        std::vector<std::uint32_t> outside;
        for (auto e = first; e < last; ++e)
          if (root_of(s.in_owner[e]) != comp.root[l]) outside.push_back(s.in_owner[e]);
        std::sort(outside.begin(), outside.end());
        outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
        put(b, static_cast<std::uint32_t>(outside.size()));
        for (auto m : outside) {
          const auto& c = column_of(m);
          std::vector<std::uint32_t> hs;
          std::vector<double> vs;
          for (const auto& [h, x] : c.col) hs.push_back(h), vs.push_back(x);
          put_column(b, m, c.company, c.unknown, hs, vs);
        }
        release_ghosts(l);
        continue;
      }
      // A company on no cycle: the single-process sweep's solve_single.
      add_remainder(acc, N, std::span<const double>(s.in_share.data() + s.in_offsets[l], s.in_offsets[l + 1] - s.in_offsets[l]));
      bool unknown = false;
      for (auto e = s.in_offsets[l]; e < s.in_offsets[l + 1] && !unknown; ++e) {
        const auto m = s.in_owner[e];
        if (part.owner(m) == part.rank) {
          const auto lm = part.local(m);
          unknown = !add_carried(acc, m, r.company[lm], r.unknown[lm], r.columns.holders(lm), r.columns.values(lm), s.in_share[e]);
        } else {
          unknown = !add_carried(acc, m, ghosts.at(m).c, s.in_share[e]);
        }
      }
      if (unknown) {
        acc.clear();
        col.clear();
      } else {
        acc.column(col);
      }
      release_ghosts(l);
      finish(l, unknown, col);
    }
  };
  auto receive = [&](const std::string& buf) {
    for (reader rd(buf); !rd.done();) {
      const auto type = rd.get<std::uint8_t>();
      if (type == 1) {  // a remote holder's column
        holder_column c;
        const auto m = get_column(rd, c);
        auto it = ghosts.find(m);
        if (it == ghosts.end() || it->second.arrived) continue;
        it->second.c = std::move(c);
        it->second.arrived = true;
        for (auto l : it->second.waiting)
          if (--pending[l] == 0) ready.push_back(l);
        std::vector<std::uint32_t>().swap(it->second.waiting);
      } else if (type == 2) {  // a member for a component rooted here
        const auto root = rd.get<std::uint32_t>();
        member_package m;
        m.v = rd.get<std::uint32_t>();
        const auto k = rd.get<std::uint32_t>();
        for (std::uint32_t i = 0; i < k; ++i) m.owner.push_back(rd.get<std::uint32_t>()), m.share.push_back(rd.get<double>());
        const auto cols = rd.get<std::uint32_t>();
        for (std::uint32_t i = 0; i < cols; ++i) {
          holder_column c;
          const auto h = get_column(rd, c);
          m.outside.emplace(h, std::move(c));
        }
        auto& g = gathering[root];
        g.push_back(std::move(m));
        if (g.size() == comp.size[part.local(root)]) {
          solve_component(root, g);
          gathering.erase(root);
        }
      } else {  // a member's solved column
        holder_column c;
        const auto v = get_column(rd, c);
        finish(part.local(v), c.unknown, c.col);
      }
    }
  };
  for (;;) {
    step();
    const auto sent = ex.exchange();
    for (int p = 0; p < ex.size(); ++p) receive(ex.from(p));
    ex.release();
    ++r.rounds;
    if (sent == 0 && boost::mpi::all_reduce(ex.comm(), static_cast<std::uint64_t>(ready.size()), std::plus<std::uint64_t>()) == 0)
      break;
  }
  for (std::uint32_t l = 0; l < n; ++l)
    if (!done[l])
      throw invalid_model(error_code::cycle, "", "vertex " + std::to_string(part.global(l)) + " was never solved");
  return r;
}

}  // namespace orgmodel::distributed
