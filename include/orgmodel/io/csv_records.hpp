#pragma once
/// @file
/// @brief The numeric CSV files of io/network_csv.hpp read by byte ranges: records with typed
/// fields that name file and byte when malformed, and a reader of the lines whose first byte lies
/// in a range, so that the processes of a distributed run each read only their own part of a file
/// (docs/distributed.md). Apart from the networks' formats so that a reader of records needs no
/// analysis or graph headers.

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "orgmodel/error.hpp"

namespace orgmodel {

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

}  // namespace orgmodel
