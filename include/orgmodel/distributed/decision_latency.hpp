#pragma once
/// @file
/// @brief Decision latency for every body on escalation lines spread over processes: the
/// multi-source shortest paths of `latency_network::search` (analysis/decision_paths.hpp) —
/// sources the mandate holders at their own wait, a line u → w relaxing u with
/// d(w) + preparation + wait(u) — as a distributed label-correcting search on Boost.MPI.
///
/// Each process keeps the bodies `partition` gives it and the lines into them. In a round it runs
/// Dijkstra over what it keeps (a lazy 4-ary heap: unlike the single-process search, which takes
/// bodies in the acyclic order of the lines, a process cannot know when a body's latency is final,
/// as a message may still improve it); a line whose source is kept elsewhere becomes a message
/// (source, d(w), worst, preparation, line, decided_by, assumed) to that process, which relaxes
/// the source with the same arithmetic. Rounds repeat until no process sends anything; distances
/// then equal the single-process ones (each is the least, over paths, of the same sums in the same
/// order). Between equally fast lines a body keeps the first that reached it, which need not be
/// the single-process search's choice (the first in the model's order).
///
/// Input: the latency lists of one decision class (io/network_csv.hpp), read by byte ranges.

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/operations.hpp>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/distributed/exchange.hpp"
#include "orgmodel/io/csv_records.hpp"

namespace orgmodel::distributed {

/// @brief One process's part of a latency network.
struct latency_slice {
  partition part;
  std::vector<latency_network::body_info> info;  ///< per local body
  std::vector<std::uint64_t> in_offsets;         ///< per local body + 1
  std::vector<latency_network::in_line> in;      ///< lines into local bodies, in file order
  std::uint64_t bytes_read = 0;
};

/// @brief The latency of the bodies one process keeps.
struct latency_result_slice {
  partition part;
  std::vector<double> expected, worst;  ///< +infinity without a path
  std::vector<std::uint32_t> next_line, decided_by;  ///< `no_line` / UINT32_MAX without a path
  std::vector<std::uint8_t> assumed;
  std::uint64_t rounds = 0;
};

namespace detail {
inline std::pair<std::uint64_t, std::uint64_t> byte_range(const std::string& path, int rank, int size) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f) throw lookup_error("cannot read file \"" + path + "\"");
  const auto n = static_cast<std::uint64_t>(f.tellg());
  const auto p = static_cast<std::uint64_t>(size), r = static_cast<std::uint64_t>(rank);
  return {n * r / p, n * (r + 1) / p};
}
}  // namespace detail

/// @brief Reads this process's byte ranges of the bodies and lines files and routes each record
/// to the process keeping its body (a line: its target). Collective.
/// @throws lookup_error when unreadable; parse_error naming the byte of a malformed line.
inline latency_slice read_latency_slice(exchanger& ex, const std::string& bodies, const std::string& lines) {
  const auto& comm = ex.comm();
  struct body_rec {
    std::uint32_t v;
    latency_network::body_info i;
  };
  struct line_rec {
    std::uint32_t target;
    latency_network::in_line l;
    std::uint64_t key;
  };
  latency_slice s;
  std::vector<body_rec> br;
  std::vector<line_rec> lr;
  std::uint32_t n = 0;
  auto [b0, b1] = detail::byte_range(bodies, comm.rank(), comm.size());
  for_each_csv_record(bodies, b0, b1, [&](const csv_record& c) {
    const auto v = c.uint(0, bodies);
    if (v >= UINT32_MAX / 2) throw parse_error(error_code::out_of_range, "/" + bodies, "body index beyond 2^31 − 2", c.offset);
    br.push_back({static_cast<std::uint32_t>(v), {c.number(1, bodies), c.number(2, bodies), c.uint(3, bodies) != 0, c.uint(4, bodies) != 0}});
    n = std::max(n, static_cast<std::uint32_t>(v + 1));
  });
  auto [l0, l1] = detail::byte_range(lines, comm.rank(), comm.size());
  for_each_csv_record(lines, l0, l1, [&](const csv_record& c) {
    const auto u = c.uint(0, lines), w = c.uint(1, lines), line = c.uint(2, lines);
    if (u >= UINT32_MAX / 2 || w >= UINT32_MAX / 2 || line >= UINT32_MAX)
      throw parse_error(error_code::out_of_range, "/" + lines, "index beyond 2^31 − 2", c.offset);
    lr.push_back({static_cast<std::uint32_t>(w), {static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(line), c.number(3, lines)}, c.offset});
  });
  s.bytes_read = (b1 - b0) + (l1 - l0);
  s.part = {comm.rank(), comm.size(), boost::mpi::all_reduce(comm, n, boost::mpi::maximum<std::uint32_t>())};
  const auto nl = s.part.local_count();
  for (const auto& b : br) put(ex.to(s.part.owner(b.v)), b);
  for (const auto& l : lr)
    if (l.target >= s.part.vertices || l.l.source >= s.part.vertices)
      throw parse_error(error_code::dangling_reference, "/" + lines,
                        "line at byte " + std::to_string(l.key) + " names a body not in " + bodies, l.key);
  ex.exchange();
  s.info.assign(nl, {0, 0, false, false});
  std::vector<std::uint8_t> seen(nl, 0);
  for (int p = 0; p < ex.size(); ++p)
    for (reader rd(ex.from(p)); !rd.done();) {
      const auto b = rd.get<body_rec>();
      s.info[s.part.local(b.v)] = b.i;
      seen[s.part.local(b.v)] = 1;
    }
  ex.release();
  for (std::uint32_t l = 0; l < nl; ++l)
    if (!seen[l])
      throw parse_error(error_code::missing_member, "/" + bodies, "no line for body " + std::to_string(s.part.global(l)));
  for (const auto& l : lr) put(ex.to(s.part.owner(l.target)), l);
  std::vector<line_rec>().swap(lr);
  ex.exchange();
  std::vector<line_rec> in;
  for (int p = 0; p < ex.size(); ++p)
    for (reader rd(ex.from(p)); !rd.done();) in.push_back(rd.get<line_rec>());
  ex.release();
  std::sort(in.begin(), in.end(), [](const line_rec& a, const line_rec& b) {
    return a.target != b.target ? a.target < b.target : a.key < b.key;
  });
  s.in_offsets.assign(std::size_t{nl} + 1, 0);
  for (const auto& l : in) {
    ++s.in_offsets[s.part.local(l.target) + std::size_t{1}];
    s.in.push_back(l.l);
  }
  for (std::size_t l = 0; l < nl; ++l) s.in_offsets[l + 1] += s.in_offsets[l];
  return s;
}

namespace detail {

/// @brief A lazy 4-ary min-heap of (days, body): half the levels of a binary heap and the four
/// children of a node side by side in memory. Lazy: a body may be in it more than once; stale
/// entries are skipped.
class four_ary_heap {
 public:
  struct entry {
    double key;
    std::uint32_t v;
  };
  void reserve(std::size_t n) { h_.reserve(n); }
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

/// @brief Latency to a decision for every body (collective).
inline latency_result_slice decision_latency_all(exchanger& ex, const latency_slice& s) {
  const auto& part = s.part;
  const auto n = part.local_count();
  latency_result_slice t;
  t.part = part;
  t.expected.assign(n, orgmodel::detail::unreachable);
  t.worst.assign(n, orgmodel::detail::unreachable);
  t.next_line.assign(n, no_line);
  t.decided_by.assign(n, UINT32_MAX);
  t.assumed.assign(n, 0);
  struct relax_msg {
    std::uint32_t source, line, decided_by;
    std::uint8_t assumed;
    double d, worst, prep;
  };
  detail::four_ary_heap heap;
  auto has_in = [&](std::uint32_t l) { return s.in_offsets[l] != s.in_offsets[l + 1]; };
  for (std::uint32_t l = 0; l < n; ++l) {
    if (!s.info[l].holder) continue;
    t.expected[l] = s.info[l].expected;
    t.worst[l] = s.info[l].worst;
    t.decided_by[l] = part.global(l);
    t.assumed[l] = s.info[l].assumed ? 1 : 0;
    if (has_in(l)) heap.push(t.expected[l], l);
  }
  auto relax = [&](const relax_msg& m) {
    const auto l = part.local(m.source);
    const auto& u = s.info[l];
    const double cand = m.d + m.prep + u.expected;
    if (cand < t.expected[l]) {
      t.expected[l] = cand;
      t.worst[l] = m.worst + m.prep + u.worst;
      t.next_line[l] = m.line;
      t.decided_by[l] = m.decided_by;
      t.assumed[l] = (m.assumed || u.assumed) ? 1 : 0;
      if (has_in(l)) heap.push(cand, l);
    }
  };
  for (;;) {
    while (!heap.empty()) {
      const auto [d, l] = heap.pop();
      if (d > t.expected[l]) continue;
      for (auto k = s.in_offsets[l]; k < s.in_offsets[l + 1]; ++k) {
        const auto& e = s.in[k];
        const relax_msg m{e.source, e.line, t.decided_by[l], t.assumed[l], d, t.worst[l], e.prep};
        if (part.owner(e.source) == part.rank) relax(m);
        else put(ex.to(part.owner(e.source)), m);
      }
    }
    const auto sent = ex.exchange();
    for (int p = 0; p < ex.size(); ++p)
      for (reader rd(ex.from(p)); !rd.done();) relax(rd.get<relax_msg>());
    ex.release();
    ++t.rounds;
    if (sent == 0) break;
  }
  return t;
}

}  // namespace orgmodel::distributed
