#pragma once
/// @file
/// @brief Iterative Tarjan strongly connected components on flat CSR arrays (no recursion, so
/// chains of millions of companies cannot overflow the stack; no per-vertex heap allocation).

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace orgmodel::detail {

/// @brief Strongly connected components in Tarjan's emission order.
///
/// Tarjan emits a component only after every component reachable from it. Run on the owned →
/// owner direction (the in-edges of the ownership layer) this means every owner's component comes
/// before the companies it owns: exactly the order in which indirect shares can be swept.
struct scc_decomposition {
  std::vector<std::uint32_t> members;  ///< vertices grouped by component, components in emission order
  std::vector<std::uint64_t> offsets;  ///< component c is members[offsets[c], offsets[c+1])
  std::vector<std::uint32_t> component;  ///< vertex → component
  [[nodiscard]] std::size_t size() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
};

/// @brief Tarjan's algorithm on a CSR graph: the successors of v are targets[offsets[v] .. offsets[v+1]).
/// O(V + E) time, 3·V words of scratch besides the result.
template <class Offset>
scc_decomposition tarjan_scc(std::uint32_t n, const std::vector<Offset>& offsets, const std::vector<std::uint32_t>& targets) {
  constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  scc_decomposition r;
  r.component.assign(n, none);
  r.members.reserve(n);
  r.offsets.push_back(0);
  std::vector<std::uint32_t> index(n, none), low(n, 0), stack;
  std::vector<std::pair<std::uint32_t, Offset>> frames;  // (vertex, next edge)
  std::uint32_t counter = 0, comps = 0;
  for (std::uint32_t s = 0; s < n; ++s) {
    if (index[s] != none) continue;
    auto open = [&](std::uint32_t v) {
      index[v] = low[v] = counter++;
      stack.push_back(v);
      frames.emplace_back(v, offsets[v]);
    };
    open(s);
    while (!frames.empty()) {
      auto& [v, e] = frames.back();
      if (e < offsets[v + 1]) {
        std::uint32_t w = targets[e];
        ++e;
        if (index[w] == none) open(w);  // invalidates v/e references; loop re-reads
        else if (r.component[w] == none && index[w] < low[v]) low[v] = index[w];  // w on the stack
        continue;
      }
      std::uint32_t done = v;
      frames.pop_back();
      if (low[done] == index[done]) {
        std::uint32_t w = none;
        do {
          w = stack.back();
          stack.pop_back();
          r.component[w] = comps;
          r.members.push_back(w);
        } while (w != done);
        ++comps;
        r.offsets.push_back(r.members.size());
      }
      if (!frames.empty()) {
        std::uint32_t p = frames.back().first;
        if (low[done] < low[p]) low[p] = low[done];
      }
    }
  }
  return r;
}

}  // namespace orgmodel::detail
