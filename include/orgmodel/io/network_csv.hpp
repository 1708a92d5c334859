#pragma once
/// @file
/// @brief The analysis engines' flat networks as CSV, read whole or by byte ranges: holdings in
/// the format `orgmodel synth --edges-dir` writes for the ownership layer (`source,target,weight`
/// = owner, owned, share), and the escalation lines of one decision class as the all-bodies
/// latency search sees them. The byte-range reader lets each process of a distributed run read
/// only its own part of a file (docs/distributed.md).
///
/// Latency lists, two files:
/// - bodies: `vertex,expected,worst,holder,assumed` (waits in days, holder and assumed 0/1);
/// - lines:  `source,target,line,preparation` (a line the search follows, source → target).
/// Numbers are written in their shortest exact form, so a file reads back as the same doubles.

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/analysis/holding_network.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/io/csv_records.hpp"
#include "orgmodel/io/edge_list.hpp"

namespace orgmodel {

/// @brief Writes a holding network as `source,target,weight` (owner, owned, share), owned vertex
/// by owned vertex in holding order; lower bounds when shares are ranges.
inline void write_holding_edge_list(std::ostream& out, const holding_network& net) {
  std::string buf = "source,target,weight\n";
  for (std::uint32_t v = 0; v < net.vertices; ++v) {
    for (auto e = net.offsets[v]; e < net.offsets[v + 1]; ++e) {
      detail::put_uint(buf, net.owner[e]);
      buf += ',';
      detail::put_uint(buf, v);
      buf += ',';
      detail::put_double(buf, net.low[e]);
      buf += '\n';
    }
    if (buf.size() > (1 << 16)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

/// @brief Writes the bodies and lines of a prepared latency network (see the file comment).
inline void write_latency_lists(const latency_network& net, std::ostream& bodies, std::ostream& lines) {
  std::string b = "vertex,expected,worst,holder,assumed\n", l = "source,target,line,preparation\n";
  for (std::uint32_t v = 0; v < net.size(); ++v) {
    const auto& i = net.body(v);
    detail::put_uint(b, v);
    b += ',';
    detail::put_double(b, i.expected);
    b += ',';
    detail::put_double(b, i.worst);
    b += i.holder ? ",1," : ",0,";
    b += i.assumed ? "1\n" : "0\n";
    for (const auto& e : net.lines_into(v)) {
      detail::put_uint(l, e.source);
      l += ',';
      detail::put_uint(l, v);
      l += ',';
      detail::put_uint(l, e.line);
      l += ',';
      detail::put_double(l, e.prep);
      l += '\n';
    }
  }
  bodies.write(b.data(), static_cast<std::streamsize>(b.size()));
  lines.write(l.data(), static_cast<std::streamsize>(l.size()));
}

/// @brief Reads a whole `source,target,weight` file as a holding network (owner → owned, share);
/// vertices = largest index + 1, each company's holdings in file order.
/// @throws lookup_error when unreadable; parse_error naming the byte of a malformed line or a
/// share outside [0, 1].
inline holding_network read_holding_edge_list(const std::string& path) {
  struct row {
    std::uint32_t owner, owned;
    double share;
  };
  std::vector<row> rows;
  std::uint32_t n = 0;
  for_each_csv_record(path, 0, UINT64_MAX, [&](const csv_record& r) {
    const auto s = r.uint(0, path), t = r.uint(1, path);
    const double w = r.number(2, path);
    if (s >= UINT32_MAX || t >= UINT32_MAX || !(w >= 0 && w <= 1))
      throw parse_error(error_code::out_of_range, "/" + path,
                        "line at byte " + std::to_string(r.offset) + ": vertex beyond 2^32 − 2 or share outside [0, 1]", r.offset);
    rows.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t), w});
    n = std::max({n, static_cast<std::uint32_t>(s + 1), static_cast<std::uint32_t>(t + 1)});
  });
  std::stable_sort(rows.begin(), rows.end(), [](const row& a, const row& b) { return a.owned < b.owned; });
  holding_network net;
  net.vertices = n;
  net.offsets.assign(std::size_t{n} + 1, 0);
  for (const auto& r : rows) {
    ++net.offsets[r.owned + std::size_t{1}];
    net.owner.push_back(r.owner);
    net.low.push_back(r.share);
  }
  for (std::size_t v = 0; v < n; ++v) net.offsets[v + 1] += net.offsets[v];
  return net;
}

}  // namespace orgmodel
