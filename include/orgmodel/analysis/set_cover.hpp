#pragma once
/// @file
/// @brief Minimum set cover on a set system in compressed-row form: exact branch and bound for
/// small universes, greedy with a bucket queue (and its H(d) guarantee) for large ones.
///
/// Coverage uses it to find the fewest bodies through which every stakeholder is reached
/// (analysis/coverage.hpp, `minimum_cover`), but it knows nothing of models: sets are rows of
/// element indices, so tests can compare it with a brute force over all subsets.
///
/// @code
/// orgmodel::set_system s{.elements = 4, .offsets = {0, 2, 4, 7}, .members = {0, 1, 2, 3, 0, 1, 2}};
/// auto r = orgmodel::solve_set_cover(s);   // r.sets == {0, 1}, r.exact
/// @endcode

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "orgmodel/error.hpp"

namespace orgmodel {

/// @brief Sets over elements 0 … elements−1: set i holds members[offsets[i] … offsets[i+1]).
struct set_system {
  std::uint32_t elements = 0;
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> members;
  [[nodiscard]] std::uint32_t sets() const noexcept { return static_cast<std::uint32_t>(offsets.size() - 1); }
};

/// @brief How a cover was found.
enum class cover_method : std::uint8_t {
  exact,   ///< branch and bound, optimal
  greedy,  ///< greedy set cover, within `approximation_bound` of optimal
};

/// @brief Limits of the exact search. Beyond them the greedy algorithm runs and says so.
struct set_cover_options {
  /// Exact search only when the universe (the coverable elements) has at most this many
  /// elements: the search keeps one 64-bit mask per set, and 64 stakeholders is more than any
  /// real joint organisation has (SBA, the largest in the study, has 55 members).
  std::uint32_t exact_max_elements = 64;
  /// Nodes the branch and bound may visit before it gives up and the greedy answer stands.
  std::uint64_t exact_node_budget = 2'000'000;
  /// Force the greedy algorithm (for comparisons and benchmarks).
  bool greedy_only = false;
};

/// @brief A cover: the chosen sets, the elements no set contains, and how good the answer is.
struct set_cover_result {
  std::vector<std::uint32_t> sets;         ///< chosen set indices, in the order chosen
  std::vector<std::uint32_t> uncoverable;  ///< elements in no set (excluded from the universe)
  cover_method method = cover_method::exact;
  /// Ratio the answer is guaranteed within: 1 when exact, else H(d) = 1 + 1/2 + … + 1/d
  /// (≤ ln d + 1) with d the largest set size (Johnson 1974, Lovász 1975, Chvátal 1979).
  double approximation_bound = 1.0;
  /// A proven lower bound on the optimum: the size itself when exact, else
  /// max(⌈|U| / d⌉, ⌈greedy size / H(d)⌉).
  std::size_t lower_bound = 0;
  std::uint64_t nodes = 0;                 ///< branch-and-bound nodes visited (0 for greedy)
  bool budget_exhausted = false;           ///< the exact search ran out of nodes; greedy stands
};

/// @brief H(d) = Σ_{k=1..d} 1/k, the greedy algorithm's approximation ratio for sets of size ≤ d.
inline double harmonic(std::size_t d) noexcept {
  double h = 0;
  for (std::size_t k = d; k >= 1; --k) h += 1.0 / static_cast<double>(k);
  return h;
}

namespace detail {

/// @brief Greedy set cover in O(Σ|S_i|): a bucket queue of sets by their last known gain; a
/// popped set whose gain has dropped is re-filed lower (gains only fall), so every member is
/// looked at a bounded number of times per set and no heap is needed.
inline std::vector<std::uint32_t> greedy_cover(const set_system& s, const std::vector<char>& coverable) {
  const std::uint32_t n = s.sets();
  std::vector<char> covered(s.elements, 0);
  std::size_t left = 0;
  for (std::uint32_t e = 0; e < s.elements; ++e) left += coverable[e] ? 1 : 0;
  std::uint32_t max_size = 0;
  for (std::uint32_t i = 0; i < n; ++i) max_size = std::max(max_size, s.offsets[i + 1] - s.offsets[i]);
  // Intrusive singly linked buckets: head[g] → next[i] …; no allocation per move.
  constexpr std::uint32_t none = 0xFFFFFFFFu;
  std::vector<std::uint32_t> head(max_size + 1, none), next(n, none), gain(n);
  for (std::uint32_t i = n; i-- > 0;) {
    gain[i] = s.offsets[i + 1] - s.offsets[i];
    next[i] = head[gain[i]];
    head[gain[i]] = i;
  }
  std::vector<std::uint32_t> chosen;
  std::uint32_t g = max_size;
  while (left > 0 && g > 0) {
    const std::uint32_t i = head[g];
    if (i == none) {
      --g;
      continue;
    }
    head[g] = next[i];
    std::uint32_t fresh = 0;
    for (auto k = s.offsets[i]; k < s.offsets[i + 1]; ++k) fresh += covered[s.members[k]] ? 0 : 1;
    if (fresh < g) {  // stale: re-file under its true gain
      gain[i] = fresh;
      if (fresh > 0) {
        next[i] = head[fresh];
        head[fresh] = i;
      }
      continue;
    }
    chosen.push_back(i);
    for (auto k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
      auto& c = covered[s.members[k]];
      if (!c) {
        c = 1;
        --left;
      }
    }
  }
  return chosen;
}

/// @brief Branch and bound over 64-bit masks: branch on the uncovered element with the fewest
/// candidate sets, bound by ⌈uncovered / largest remaining set⌉. Sets are first reduced to the
/// non-dominated ones (a set inside another is never needed).
class exact_cover {
 public:
  exact_cover(std::vector<std::uint64_t> masks, std::vector<std::uint32_t> ids, std::uint64_t full, std::uint64_t budget)
      : full_(full), budget_(budget) {
    // Drop empty, duplicate and dominated sets; larger first so dominance is checked against bigger sets.
    std::vector<std::size_t> order(masks.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::popcount(masks[a]) > std::popcount(masks[b]);
    });
    for (auto i : order) {
      if (masks[i] == 0) continue;
      bool dominated = false;
      for (auto m : masks_) dominated = dominated || (masks[i] & ~m) == 0;
      if (dominated) continue;
      masks_.push_back(masks[i]);
      ids_.push_back(ids[i]);
    }
    for (int e = 0; e < 64; ++e) {
      if (!((full_ >> e) & 1)) continue;
      for (std::size_t j = 0; j < masks_.size(); ++j)
        if ((masks_[j] >> e) & 1) by_element_[static_cast<std::size_t>(e)].push_back(static_cast<std::uint32_t>(j));
    }
  }

  /// @brief Searches from `incumbent` (a known cover, e.g. greedy's); true when proven optimal.
  bool run(std::vector<std::uint32_t> incumbent_ids) {
    best_ = std::move(incumbent_ids);
    std::vector<std::uint32_t> stack;
    search(0, stack);
    return nodes_ <= budget_;
  }
  [[nodiscard]] const std::vector<std::uint32_t>& best() const noexcept { return best_; }
  [[nodiscard]] std::uint64_t nodes() const noexcept { return nodes_; }

 private:
  void search(std::uint64_t covered, std::vector<std::uint32_t>& stack) {
    if (++nodes_ > budget_) return;
    const std::uint64_t open = full_ & ~covered;
    if (open == 0) {
      if (stack.size() < best_.size()) {
        best_.clear();
        for (auto j : stack) best_.push_back(ids_[j]);
      }
      return;
    }
    // Bound: every further set adds at most `largest` new elements.
    int largest = 0;
    int pick = -1;
    std::size_t fewest = static_cast<std::size_t>(-1);
    for (int e = 0; e < 64; ++e) {
      if (!((open >> e) & 1)) continue;
      const auto& cand = by_element_[static_cast<std::size_t>(e)];
      if (cand.size() < fewest) fewest = cand.size(), pick = e;
    }
    for (auto m : masks_) largest = std::max(largest, std::popcount(m & open));
    const auto need = static_cast<std::size_t>((std::popcount(open) + largest - 1) / largest);
    if (stack.size() + need >= best_.size()) return;
    for (auto j : by_element_[static_cast<std::size_t>(pick)]) {
      stack.push_back(j);
      search(covered | masks_[j], stack);
      stack.pop_back();
      if (nodes_ > budget_) return;
    }
  }

  std::uint64_t full_;
  std::uint64_t budget_;
  std::uint64_t nodes_ = 0;
  std::vector<std::uint64_t> masks_;
  std::vector<std::uint32_t> ids_;
  std::vector<std::uint32_t> best_;
  std::vector<std::uint32_t> by_element_[64];
};

}  // namespace detail

/// @brief The smallest (exact) or a small (greedy, within H(d)) family of sets covering every
/// element that some set contains; elements in no set are listed as uncoverable.
/// @throws invalid_model when the set system is malformed (offsets not ascending, element out of
/// range, an element listed twice in one set).
inline set_cover_result solve_set_cover(const set_system& s, const set_cover_options& opt = {}) {
  if (s.offsets.empty() || s.offsets.front() != 0 || s.offsets.back() != s.members.size())
    throw invalid_model(error_code::out_of_range, "/offsets", "set system offsets must start at 0 and end at the member count");
  for (std::size_t i = 0; i + 1 < s.offsets.size(); ++i)
    if (s.offsets[i + 1] < s.offsets[i])
      throw invalid_model(error_code::out_of_range, "/offsets/" + std::to_string(i + 1), "set system offsets must not decrease");
  std::vector<char> coverable(s.elements, 0);
  for (std::size_t k = 0; k < s.members.size(); ++k) {
    if (s.members[k] >= s.elements)
      throw invalid_model(error_code::out_of_range, "/members/" + std::to_string(k), "element beyond the universe");
    coverable[s.members[k]] = 1;
  }
  set_cover_result r;
  std::size_t universe = 0;
  for (std::uint32_t e = 0; e < s.elements; ++e) {
    if (coverable[e]) ++universe;
    else r.uncoverable.push_back(e);
  }
  // Gains and the bound H(d) assume each set lists an element once.
  std::uint32_t d = 0;
  {
    std::vector<std::uint32_t> stamp(s.elements, 0xFFFFFFFFu);
    for (std::uint32_t i = 0; i < s.sets(); ++i) {
      for (auto k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
        if (stamp[s.members[k]] == i)
          throw invalid_model(error_code::duplicate_id, "/members/" + std::to_string(k),
                              "set " + std::to_string(i) + " lists element " + std::to_string(s.members[k]) + " twice");
        stamp[s.members[k]] = i;
      }
      d = std::max(d, s.offsets[i + 1] - s.offsets[i]);
    }
  }
  r.sets = detail::greedy_cover(s, coverable);
  if (universe == 0) {
    r.method = cover_method::exact;
    r.lower_bound = 0;
    return r;
  }
  r.method = cover_method::greedy;
  r.approximation_bound = harmonic(d);
  r.lower_bound = std::max<std::size_t>((universe + d - 1) / d,
                                        static_cast<std::size_t>(std::ceil(static_cast<double>(r.sets.size()) / r.approximation_bound - 1e-9)));
  if (opt.greedy_only || universe > opt.exact_max_elements || universe > 64) return r;
  // Exact: renumber the coverable elements 0 … universe−1 into 64-bit masks.
  std::vector<std::uint32_t> bit(s.elements, 0);
  std::uint32_t next_bit = 0;
  for (std::uint32_t e = 0; e < s.elements; ++e)
    if (coverable[e]) bit[e] = next_bit++;
  std::vector<std::uint64_t> masks(s.sets(), 0);
  std::vector<std::uint32_t> ids(s.sets());
  for (std::uint32_t i = 0; i < s.sets(); ++i) {
    ids[i] = i;
    for (auto k = s.offsets[i]; k < s.offsets[i + 1]; ++k) masks[i] |= std::uint64_t{1} << bit[s.members[k]];
  }
  const std::uint64_t full = universe == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << universe) - 1;
  detail::exact_cover bb(std::move(masks), std::move(ids), full, opt.exact_node_budget);
  const bool proven = bb.run(r.sets);
  r.nodes = bb.nodes();
  if (!proven) {
    r.budget_exhausted = true;
    return r;
  }
  r.sets = bb.best();
  std::sort(r.sets.begin(), r.sets.end());
  r.method = cover_method::exact;
  r.approximation_bound = 1.0;
  r.lower_bound = r.sets.size();
  return r;
}

}  // namespace orgmodel
