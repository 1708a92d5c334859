// CSV of holding networks and latency lists (io/network_csv.hpp): byte ranges that tile a file
// see every line once, a holding network survives a round trip bit for bit, malformed lines give
// a parse_error naming the byte.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "orgmodel/io/network_csv.hpp"
#include "orgmodel/synth/ownership_registry.hpp"

namespace om = orgmodel;

namespace {
std::string csv_temp_file(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("orgmodel-network-csv-" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}
}  // namespace

TEST(NetworkCsv, ByteRangesTileTheFile) {
  // Header (21 bytes) + lines of 8, 9 and 10 bytes; every cut point must hand each line to
  // exactly one range — the one holding its first byte.
  const std::string text = "source,target,weight\n1,2,0.5\n3,4,0.25\n10,4,0.25\n";
  const auto path = csv_temp_file("tile.csv", text);
  for (std::uint64_t cut = 0; cut <= text.size(); ++cut) {
    std::vector<std::uint64_t> seen;
    for (auto [b, e] : {std::pair<std::uint64_t, std::uint64_t>{0, cut}, {cut, text.size()}})
      om::for_each_csv_record(path, b, e, [&](const om::csv_record& r) { seen.push_back(r.offset); });
    EXPECT_EQ(seen, (std::vector<std::uint64_t>{21, 29, 38})) << "cut at byte " << cut;
  }
}

TEST(NetworkCsv, HoldingNetworkRoundTrip) {
  om::synth::ownership_registry_options o;
  o.companies = 500;
  o.cross_holding = 0.2;
  const auto net = om::synth::make_ownership_registry(o);
  std::ostringstream out;
  om::write_holding_edge_list(out, net);
  const auto back = om::read_holding_edge_list(csv_temp_file("registry.csv", out.str()));
  // The largest index that appears is an outside owner near the end; vertices = it + 1.
  std::uint32_t top = 0;
  for (auto m : net.owner) top = std::max(top, m);
  EXPECT_EQ(back.vertices, top + 1);
  for (std::uint32_t v = 0; v < o.companies; ++v) {
    ASSERT_EQ(back.offsets[v + 1] - back.offsets[v], net.offsets[v + 1] - net.offsets[v]) << v;
    for (auto e = net.offsets[v], f = back.offsets[v]; e < net.offsets[v + 1]; ++e, ++f) {
      EXPECT_EQ(back.owner[f], net.owner[e]);
      EXPECT_EQ(back.low[f], net.low[e]);  // shortest round-trip text: the same double
    }
  }
}

TEST(NetworkCsv, MalformedLineNamesTheByte) {
  const auto path = csv_temp_file("bad.csv", "source,target,weight\n1,2,0.5\n3,x,0.5\n");
  try {
    (void)om::read_holding_edge_list(path);
    FAIL() << "no exception";
  } catch (const om::parse_error& e) {
    EXPECT_EQ(e.code(), om::error_code::wrong_type);
    EXPECT_EQ(e.byte(), 29u);  // "3,x,0.5" starts after the header (21) and "1,2,0.5\n" (8)
    EXPECT_NE(std::string(e.what()).find("(\"x\")"), std::string::npos) << e.what();
  }
  const auto share = csv_temp_file("share.csv", "source,target,weight\n1,2,1.5\n");
  EXPECT_THROW((void)om::read_holding_edge_list(share), om::parse_error);
  EXPECT_THROW((void)om::read_holding_edge_list(share + ".missing"), om::lookup_error);
}
