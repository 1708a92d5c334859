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
#include <charconv>
#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/analysis/holding_network.hpp"
#include "orgmodel/error.hpp"
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

/// @brief One record of a numeric CSV file: its fields and the byte offset where its line starts
/// (a key that orders records as the file does, across byte ranges).
struct csv_record {
  std::uint64_t offset = 0;
  std::vector<std::string_view> fields;

  /// @brief Field i as an unsigned integer. @throws parse_error naming file and byte.
  [[nodiscard]] std::uint64_t uint(std::size_t i, const std::string& file) const {
    std::uint64_t x = 0;
    const auto f = field(i, file);
    auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), x);
    if (ec != std::errc{} || p != f.data() + f.size()) fail(i, file, "a whole number");
    return x;
  }
  /// @brief Field i as a double. @throws parse_error naming file and byte.
  [[nodiscard]] double number(std::size_t i, const std::string& file) const {
    double x = 0;
    const auto f = field(i, file);
    auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), x);
    if (ec != std::errc{} || p != f.data() + f.size()) fail(i, file, "a number");
    return x;
  }

 private:
  std::string_view field(std::size_t i, const std::string& file) const {
    if (i >= fields.size())
      throw parse_error(error_code::missing_member, "/" + file, "line at byte " + std::to_string(offset) + " has " +
                        std::to_string(fields.size()) + " fields, needs " + std::to_string(i + 1), offset);
    return fields[i];
  }
  [[noreturn]] void fail(std::size_t i, const std::string& file, std::string_view what) const {
    throw parse_error(error_code::wrong_type, "/" + file,
                      "field " + std::to_string(i + 1) + " of the line at byte " + std::to_string(offset) + " (\"" +
                          std::string(fields[i]) + "\") is not " + std::string(what),
                      offset);
  }
};

/// @brief Calls f(record) for every data line of a CSV file whose first byte lies in
/// [begin, end) — the header line excluded — so ranges that tile the file see every line once.
/// Fields are split at commas (the numeric files here have no quoting).
/// @throws lookup_error when the file cannot be read.
template <class F>
void for_each_csv_record(const std::string& path, std::uint64_t begin, std::uint64_t end, F f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw lookup_error("cannot read file \"" + path + "\"");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  end = std::min(end, size);
  // A line belongs to the range holding its first byte: start after the first newline at or
  // past begin − 1 (the header is skipped the same way from 0).
  std::uint64_t pos = begin == 0 ? 0 : begin - 1;
  in.seekg(static_cast<std::streamoff>(pos));
  std::string line;
  std::getline(in, line);
  pos += line.size() + 1;
  csv_record r;
  while (pos < end && std::getline(in, line)) {
    r.offset = pos;
    pos += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    r.fields.clear();
    std::string_view s(line);
    for (;;) {
      const auto c = s.find(',');
      r.fields.push_back(s.substr(0, c));
      if (c == std::string_view::npos) break;
      s.remove_prefix(c + 1);
    }
    f(r);
  }
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
