#pragma once
/// @file
/// @brief A synthetic company registry as a holding network in CSR form, generated directly into
/// flat arrays (no model, no string ids), for benchmarks of indirect ownership at 10^7 companies.
///
/// Shape, chosen to look like a business register rather than a random graph:
/// - vertices 0 .. companies−1 are companies, companies .. companies+outside−1 are outside owners
///   (people, municipalities, foreign parents) who own but are not owned;
/// - company j has 1–5 holdings (3 on average); each is held with probability `company_owner_share`
///   by a company with a higher index within `window` (a parent or sister company: groups are
///   local and the parent relation is acyclic), otherwise by an outside owner;
/// - pairs (2m, 2m+1) cross-hold each other with probability `cross_holding` — the 2-cycles the
///   sweep must solve exactly;
/// - shares are random weights that add up to one, or for `partly_allocated` of the companies to
///   0.8–1 (the rest unallocated, as registers with small holdings omitted).
/// Deterministic for a seed (splitmix64 per company, so any slice can be regenerated alone).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "orgmodel/analysis/holding_network.hpp"

namespace orgmodel::synth {

/// @brief Parameters of the synthetic registry.
struct ownership_registry_options {
  std::uint32_t companies = 1'000'000;
  std::uint32_t outside = 0;                  ///< 0: companies / 10
  double company_owner_share = 0.25;          ///< holdings held by another company
  std::uint32_t window = 10'000;              ///< how far up the index a parent company is drawn
  double cross_holding = 0.002;               ///< pairs that hold each other
  double partly_allocated = 0.1;              ///< companies with 0–20 % unallocated
  std::uint64_t seed = 42;
};

namespace detail {
inline std::uint64_t splitmix64(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
inline double unit(std::uint64_t& s) { return static_cast<double>(splitmix64(s) >> 11) * 0x1.0p-53; }
}  // namespace detail

/// @brief Upper bound on the holdings of one company (5 drawn plus a cross-holding).
inline constexpr int max_registry_holdings = 6;

/// @brief The holdings of company `j` alone, as `make_ownership_registry` generates them: writes
/// owners and shares (in holding order) and returns how many. Depends only on the options and
/// `j`, so a process can generate its own slice of the registry (distributed/registry_slice.hpp).
inline int registry_holdings(const ownership_registry_options& o, std::uint32_t outside, std::uint32_t j,
                             std::uint32_t (&owners)[max_registry_holdings], double (&shares)[max_registry_holdings]) {
  std::uint64_t s = o.seed * 0x100000001b3ULL + j;
  std::uint64_t pair_s = o.seed * 0x51ed27ULL + (j / 2);
  const bool cross = j / 2 * 2 + 1 < o.companies && detail::unit(pair_s) < o.cross_holding;
  int k = 1 + static_cast<int>(detail::splitmix64(s) % 5);
  int n = 0;
  for (int i = 0; i < k; ++i) {
    if (detail::unit(s) < o.company_owner_share && j + 1 < o.companies) {
      std::uint32_t span = std::min<std::uint32_t>(o.window, o.companies - 1 - j);
      owners[n++] = j + 1 + static_cast<std::uint32_t>(detail::splitmix64(s) % span);
    } else {
      owners[n++] = o.companies + static_cast<std::uint32_t>(detail::splitmix64(s) % outside);
    }
  }
  if (cross) owners[n++] = (j % 2 == 0) ? j + 1 : j - 1;  // the odd one holds the even one and back
  double allocated = detail::unit(s) < o.partly_allocated ? 0.8 + 0.2 * detail::unit(s) : 1.0;
  double w[max_registry_holdings];
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += (w[i] = 0.05 + detail::unit(s));
  for (int i = 0; i < n; ++i) shares[i] = w[i] / sum * allocated;
  return n;
}

/// @brief Outside owners of a registry with these options.
inline std::uint32_t registry_outside(const ownership_registry_options& o) {
  return o.outside ? o.outside : std::max<std::uint32_t>(1, o.companies / 10);
}

/// @brief Generates the registry: about 3 × companies holdings.
inline holding_network make_ownership_registry(const ownership_registry_options& o) {
  const std::uint32_t outside = registry_outside(o);
  holding_network net;
  net.vertices = o.companies + outside;
  net.offsets.assign(std::size_t{net.vertices} + 1, 0);
  const std::size_t expect = std::size_t{o.companies} * 3 + std::size_t{o.companies} / 100;
  net.owner.reserve(expect);
  net.low.reserve(expect);
  std::uint32_t owners[max_registry_holdings];
  double shares[max_registry_holdings];
  for (std::uint32_t j = 0; j < o.companies; ++j) {
    const int n = registry_holdings(o, outside, j, owners, shares);
    for (int i = 0; i < n; ++i) {
      net.owner.push_back(owners[i]);
      net.low.push_back(shares[i]);
    }
    net.offsets[j + 1] = net.owner.size();
  }
  for (std::uint32_t v = o.companies; v < net.vertices; ++v) net.offsets[v + 1] = net.owner.size();
  return net;
}

}  // namespace orgmodel::synth
