#pragma once
/// @file
/// @brief One process's part of a holding network: the holdings into the vertices it owns (in
/// holding order) and the holdings out of them. Built from a byte range of a CSV edge list or by
/// generating the process's own companies of a synthetic registry; no process ever holds the
/// whole network.

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/operations.hpp>

#include "orgmodel/distributed/exchange.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/io/csv_records.hpp"
#include "orgmodel/synth/ownership_registry.hpp"

namespace orgmodel::distributed {

/// @brief The holdings a process keeps, indexed by local vertex (`partition::local`).
struct holding_slice {
  partition part;
  std::vector<std::uint64_t> in_offsets;  ///< local vertices + 1
  std::vector<std::uint32_t> in_owner;    ///< owner of each holding into a local vertex
  std::vector<double> in_share;
  std::vector<std::uint64_t> out_offsets;  ///< local vertices + 1
  std::vector<std::uint32_t> out_owned;    ///< owned vertex of each holding out of a local vertex
  std::uint64_t bytes_read = 0;            ///< input bytes this process parsed (CSV)

  [[nodiscard]] bool is_company(std::uint32_t l) const noexcept { return in_offsets[l + 1] > in_offsets[l]; }
  [[nodiscard]] std::uint64_t holdings_in() const noexcept { return in_owner.size(); }
};

/// @brief A holding as read or generated, before it reaches the processes that keep it.
struct holding_record {
  std::uint32_t owner, owned;
  double share;
  std::uint64_t key;  ///< holding order: byte offset in the file, or index in the company's list
};

/// @brief Sends every record to the owner of its owned vertex (in-holdings, one round) and to the
/// owner of its owner vertex (out-holdings, a second round), then builds the slice. Collective.
inline holding_slice route_holdings(exchanger& ex, std::uint32_t vertices, std::vector<holding_record> recs) {
  const auto& comm = ex.comm();
  holding_slice s;
  s.part = {comm.rank(), comm.size(), vertices};
  const auto n = s.part.local_count();
  for (const auto& r : recs) put(ex.to(s.part.owner(r.owned)), r);
  ex.exchange();
  std::vector<holding_record> in;
  for (int p = 0; p < ex.size(); ++p)
    for (reader rd(ex.from(p)); !rd.done();) in.push_back(rd.get<holding_record>());
  ex.release();
  for (const auto& r : recs) {
    put(ex.to(s.part.owner(r.owner)), r.owner);
    put(ex.to(s.part.owner(r.owner)), r.owned);
  }
  std::vector<holding_record>().swap(recs);
  ex.exchange();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (int p = 0; p < ex.size(); ++p)
    for (reader rd(ex.from(p)); !rd.done();) {
      const auto a = rd.get<std::uint32_t>();
      out.emplace_back(a, rd.get<std::uint32_t>());
    }
  ex.release();
  std::sort(in.begin(), in.end(), [](const holding_record& a, const holding_record& b) {
    return a.owned != b.owned ? a.owned < b.owned : a.key < b.key;
  });
  std::sort(out.begin(), out.end());
  s.in_offsets.assign(std::size_t{n} + 1, 0);
  s.in_owner.reserve(in.size());
  s.in_share.reserve(in.size());
  for (const auto& r : in) {
    ++s.in_offsets[s.part.local(r.owned) + std::size_t{1}];
    s.in_owner.push_back(r.owner);
    s.in_share.push_back(r.share);
  }
  s.out_offsets.assign(std::size_t{n} + 1, 0);
  s.out_owned.reserve(out.size());
  for (const auto& [a, b] : out) {
    ++s.out_offsets[s.part.local(a) + std::size_t{1}];
    s.out_owned.push_back(b);
  }
  for (std::size_t l = 0; l < n; ++l) {
    s.in_offsets[l + 1] += s.in_offsets[l];
    s.out_offsets[l + 1] += s.out_offsets[l];
  }
  return s;
}

/// @brief Reads this process's byte range of a `source,target,weight` file (owner, owned, share;
/// the format `orgmodel synth --edges-dir` writes as ownership.edges.csv): the file is cut into
/// P equal ranges and each line belongs to the range holding its first byte. Vertices = largest
/// index + 1 over the whole file, as `read_holding_edge_list`. Collective.
/// @throws lookup_error when unreadable; parse_error naming the byte of a malformed line.
inline holding_slice read_holding_slice(exchanger& ex, const std::string& path) {
  const auto& comm = ex.comm();
  std::uint64_t size = 0;
  {
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) throw lookup_error("cannot read file \"" + path + "\"");
    size = static_cast<std::uint64_t>(f.tellg());
  }
  const auto p = static_cast<std::uint64_t>(comm.size()), r = static_cast<std::uint64_t>(comm.rank());
  const std::uint64_t begin = size * r / p, end = size * (r + 1) / p;
  std::vector<holding_record> recs;
  std::uint32_t n = 0;
  for_each_csv_record(path, begin, end, [&](const csv_record& c) {
    const auto s = c.uint(0, path), t = c.uint(1, path);
    const double w = c.number(2, path);
    if (s >= UINT32_MAX / 2 || t >= UINT32_MAX / 2 || !(w >= 0 && w <= 1))
      throw parse_error(error_code::out_of_range, "/" + path,
                        "line at byte " + std::to_string(c.offset) + ": vertex beyond 2^31 − 2 or share outside [0, 1]", c.offset);
    recs.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t), w, c.offset});
    n = std::max({n, static_cast<std::uint32_t>(s + 1), static_cast<std::uint32_t>(t + 1)});
  });
  const std::uint32_t vertices = boost::mpi::all_reduce(comm, n, boost::mpi::maximum<std::uint32_t>());
  auto s = route_holdings(ex, vertices, std::move(recs));
  s.bytes_read = end - begin;
  return s;
}

/// @brief Generates this process's companies of the synthetic registry
/// (`synth::make_ownership_registry`, same options, same holdings in the same order) and routes
/// the holdings out of them to the owners' processes. Collective.
inline holding_slice generate_registry_slice(exchanger& ex, const synth::ownership_registry_options& o) {
  const auto& comm = ex.comm();
  const std::uint32_t outside = synth::registry_outside(o);
  const partition part{comm.rank(), comm.size(), o.companies + outside};
  std::vector<holding_record> recs;
  recs.reserve(std::size_t{o.companies} / static_cast<std::size_t>(comm.size()) * 3 + 16);
  std::uint32_t owners[synth::max_registry_holdings];
  double shares[synth::max_registry_holdings];
  for (std::uint32_t j = static_cast<std::uint32_t>(comm.rank()); j < o.companies; j += static_cast<std::uint32_t>(comm.size())) {
    const int k = synth::registry_holdings(o, outside, j, owners, shares);
    for (int i = 0; i < k; ++i) recs.push_back({owners[i], j, shares[i], static_cast<std::uint64_t>(i)});
  }
  return route_holdings(ex, part.vertices, std::move(recs));
}

}  // namespace orgmodel::distributed
