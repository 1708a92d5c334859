#pragma once
/// @file
/// @brief Strongly connected components of a holding network spread over processes, on Boost.MPI
/// (Parallel BGL's distributed strong_components does not compile with Boost 1.74 and g++ 12;
/// docs/distributed.md).
///
/// Two phases, each a sequence of bulk-synchronous rounds (local work, one exchange):
/// 1. Trimming: a vertex with no remaining holding into it or none out of it (self-holdings
///    aside) is a component of its own; removing it may expose more. On a registry, where almost
///    every holding points up a group hierarchy, this settles nearly every vertex.
/// 2. Colouring (Orzan 2004; the forward–backward colouring of McLendon et al. and Slota et al.,
///    "BFS and coloring-based parallel algorithms for strongly connected components", IPDPS 2014):
///    every remaining vertex takes the largest index that reaches it (max propagated along
///    holdings); a vertex whose colour is its own index is a root, and the vertices of its colour
///    that reach it backwards form its component. Components found are removed and the rest
///    recoloured until none is left.
/// A component is named by its largest member (its root); processes learn the roots of the
/// vertices they keep and, for each root they keep, the component's size.

#include <cstdint>
#include <functional>
#include <vector>

#include <boost/mpi/collectives/all_reduce.hpp>

#include "orgmodel/distributed/exchange.hpp"
#include "orgmodel/distributed/holding_slice.hpp"

namespace orgmodel::distributed {

/// @brief Components of the vertices one process keeps.
struct component_slice {
  std::vector<std::uint32_t> root;   ///< per local vertex: the largest member of its component
  std::vector<std::uint32_t> size;   ///< per local vertex that is a root: members (0 otherwise)
  std::vector<std::uint8_t> self_loop;  ///< per local vertex: holds some of its own shares
  std::uint64_t trimmed = 0;         ///< vertices settled by trimming (this process)
  std::uint64_t colour_rounds = 0;   ///< colouring iterations (global)

  /// @brief Whether local vertex l lies on a cycle (component of two or more, or a self-holding).
  [[nodiscard]] bool cyclic(std::uint32_t l, std::uint32_t v) const noexcept {
    return root[l] != v || size[l] > 1 || self_loop[l];
  }
};

namespace detail {
/// Runs `step` (local work that may post messages) and `receive` (reads one sender's buffer)
/// in rounds until a round in which no process sent anything.
template <class Step, class Receive>
void until_quiet(exchanger& ex, Step step, Receive receive) {
  for (;;) {
    step();
    const auto sent = ex.exchange();
    for (int p = 0; p < ex.size(); ++p) receive(ex.from(p));
    ex.release();
    if (sent == 0) break;
  }
}
}  // namespace detail

/// @brief The strongly connected components of the holdings (collective).
inline component_slice strong_components(exchanger& ex, const holding_slice& s) {
  const auto& part = s.part;
  const std::uint32_t n = part.local_count();
  component_slice c;
  c.root.assign(n, 0);
  c.size.assign(n, 0);
  c.self_loop.assign(n, 0);
  std::vector<std::uint32_t> indeg(n, 0), outdeg(n, 0);
  std::vector<std::uint8_t> active(n, 1);
  for (std::uint32_t l = 0; l < n; ++l) {
    const auto v = part.global(l);
    for (auto e = s.in_offsets[l]; e < s.in_offsets[l + 1]; ++e) {
      if (s.in_owner[e] == v) c.self_loop[l] = 1;
      else ++indeg[l];
    }
    for (auto e = s.out_offsets[l]; e < s.out_offsets[l + 1]; ++e)
      if (s.out_owned[e] != v) ++outdeg[l];
  }

  // 1. Trimming. Message: vertex << 1 | (0: lost an in-holding, 1: lost an out-holding).
  std::vector<std::uint32_t> work;
  for (std::uint32_t l = 0; l < n; ++l)
    if (indeg[l] == 0 || outdeg[l] == 0) work.push_back(l);
  auto lose = [&](std::uint32_t l, bool out) {
    auto& d = out ? outdeg[l] : indeg[l];
    if (active[l] && d > 0 && --d == 0) work.push_back(l);
  };
  detail::until_quiet(
      ex,
      [&] {
        while (!work.empty()) {
          const auto l = work.back();
          work.pop_back();
          if (!active[l]) continue;
          active[l] = 0;
          ++c.trimmed;
          const auto v = part.global(l);
          c.root[l] = v;
          c.size[l] = 1;
          for (auto e = s.out_offsets[l]; e < s.out_offsets[l + 1]; ++e) {
            const auto j = s.out_owned[e];
            if (j == v) continue;
            if (part.owner(j) == part.rank) lose(part.local(j), false);
            else put(ex.to(part.owner(j)), std::uint64_t{j} << 1);
          }
          for (auto e = s.in_offsets[l]; e < s.in_offsets[l + 1]; ++e) {
            const auto m = s.in_owner[e];
            if (m == v) continue;
            if (part.owner(m) == part.rank) lose(part.local(m), true);
            else put(ex.to(part.owner(m)), std::uint64_t{m} << 1 | 1);
          }
        }
      },
      [&](const std::string& buf) {
        for (reader rd(buf); !rd.done();) {
          const auto x = rd.get<std::uint64_t>();
          lose(part.local(static_cast<std::uint32_t>(x >> 1)), x & 1);
        }
      });

  // 2. Colouring of what is left. Messages: (vertex, colour) pairs.
  std::vector<std::uint32_t> colour(n, 0);
  std::vector<std::uint8_t> marked(n, 0);
  for (;;) {
    std::uint64_t left = 0;
    for (std::uint32_t l = 0; l < n; ++l) left += active[l];
    if (boost::mpi::all_reduce(ex.comm(), left, std::plus<std::uint64_t>()) == 0) break;
    ++c.colour_rounds;
    for (std::uint32_t l = 0; l < n; ++l)
      if (active[l]) colour[l] = part.global(l), work.push_back(l);
    // Passes colour[l] of every queued vertex along `next` (holdings out: forwards; in:
    // backwards) until no process sends; accept(local vertex, colour) may queue it in turn.
    auto spread = [&](const std::vector<std::uint64_t>& offsets, const std::vector<std::uint32_t>& next, auto accept) {
      detail::until_quiet(
          ex,
          [&] {
            while (!work.empty()) {
              const auto l = work.back();
              work.pop_back();
              const auto v = part.global(l);
              for (auto e = offsets[l]; e < offsets[l + 1]; ++e) {
                const auto j = next[e];
                if (j == v) continue;
                if (part.owner(j) == part.rank) {
                  accept(part.local(j), colour[l]);
                } else {
                  put(ex.to(part.owner(j)), j);
                  put(ex.to(part.owner(j)), colour[l]);
                }
              }
            }
          },
          [&](const std::string& buf) {
            for (reader rd(buf); !rd.done();) {
              const auto j = rd.get<std::uint32_t>();
              accept(part.local(j), rd.get<std::uint32_t>());
            }
          });
    };
    spread(s.out_offsets, s.out_owned, [&](std::uint32_t l, std::uint32_t col) {
      if (active[l] && colour[l] < col) colour[l] = col, work.push_back(l);
    });
    // Backwards from each root within its colour.
    auto mark = [&](std::uint32_t l, std::uint32_t col) {
      if (active[l] && !marked[l] && colour[l] == col) marked[l] = 1, work.push_back(l);
    };
    for (std::uint32_t l = 0; l < n; ++l)
      if (active[l] && colour[l] == part.global(l)) mark(l, colour[l]);
    spread(s.in_offsets, s.in_owner, mark);
    // Found components leave; their sizes are counted at the root's process.
    for (std::uint32_t l = 0; l < n; ++l) {
      if (!marked[l]) continue;
      marked[l] = active[l] = 0;
      c.root[l] = colour[l];
      put(ex.to(part.owner(colour[l])), colour[l]);
    }
    ex.exchange();
    for (int p = 0; p < ex.size(); ++p)
      for (reader rd(ex.from(p)); !rd.done();) ++c.size[part.local(rd.get<std::uint32_t>())];
    ex.release();
  }
  return c;
}

}  // namespace orgmodel::distributed
