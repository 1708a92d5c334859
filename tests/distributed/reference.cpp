// The single-process side of the distributed tests: inputs in the formats the distributed program
// reads, and the single-process engine's results printed as the distributed program prints them
// (distributed/result_lines.hpp), for tests/distributed/compare.cmake.
//
//   distributed_reference registry <companies> <seed> <cross-holding> <edges.csv>
//   distributed_reference nation <municipalities> <seed> <class> <dir>
//   distributed_reference ownership <edges.csv> <epsilon> <out-prefix>
//   distributed_reference latency <dir> <class> <municipalities> <seed> <out-prefix>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "orgmodel/distributed/result_lines.hpp"
#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/io/network_csv.hpp"
#include "orgmodel/synth/nation.hpp"
#include "orgmodel/synth/ownership_registry.hpp"

namespace {

using namespace orgmodel;

void write_result(const std::string& prefix, const distributed::line_checksum& sum, nlohmann::ordered_json j,
                   const std::string& lines) {
  std::ofstream(prefix + ".csv", std::ios::binary) << lines;
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum.sum()));
  j["lines"] = sum.lines();
  j["checksum"] = hex;
  std::ofstream(prefix + ".json") << j.dump(2) << '\n';
}

model make_nation(const std::string& municipalities, const std::string& seed) {
  synth::synth_options o;
  o.municipalities = std::stoull(municipalities);
  o.seed = std::stoull(seed);
  return synth::generate(o);
}

int run(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "registry" && argc == 6) {
    synth::ownership_registry_options o;
    o.companies = static_cast<std::uint32_t>(std::stoul(argv[2]));
    o.seed = std::stoull(argv[3]);
    o.cross_holding = std::stod(argv[4]);
    std::filesystem::create_directories(std::filesystem::path(argv[5]).parent_path());
    std::ofstream f(argv[5], std::ios::binary);
    write_holding_edge_list(f, synth::make_ownership_registry(o));
    return f ? 0 : 2;
  }
  if (cmd == "nation" && argc == 6) {
    const model m = make_nation(argv[2], argv[3]);
    write_edge_lists(m, argv[5]);  // what `orgmodel synth --edges-dir` writes
    const auto c = m.find_decision_class(argv[4]);
    if (!c) throw lookup_error(std::string("no decision class ") + argv[4]);
    const layer_graph g(m, relation_layer::escalation);
    const latency_network net(g, *c);
    const std::string dir = argv[5], cls = argv[4];
    std::ofstream b(dir + "/latency." + cls + ".bodies.csv", std::ios::binary), l(dir + "/latency." + cls + ".lines.csv", std::ios::binary);
    write_latency_lists(net, b, l);
    return b && l ? 0 : 2;
  }
  if (cmd == "ownership" && argc == 5) {
    const auto net = read_holding_edge_list(argv[2]);
    indirect_options opt;
    opt.epsilon = std::stod(argv[3]);
    const auto r = ultimate_ownership(net, opt);
    distributed::line_checksum sum;
    std::string lines;
    double truncated = 0;
    std::uint64_t companies = 0;
    for (std::uint32_t v = 0; v < net.vertices; ++v) {
      companies += net.is_company(v);
      truncated = std::max(truncated, r.low.get(v, r.truncated_holder()));
    }
    distributed::ownership_lines(net, r, [&](const std::string& line) {
      sum.add(line);
      lines += line;
      lines += '\n';
    });
    nlohmann::ordered_json j;
    j["vertices"] = net.vertices;
    j["companies"] = companies;
    j["components"] = r.sccs.components;
    j["cyclic_components"] = r.sccs.cyclic_components;
    j["largest_component"] = r.sccs.largest;
    std::string t;
    distributed::put_value(t, truncated);
    j["truncated_max"] = t;
    write_result(argv[4], sum, j, lines);
    return 0;
  }
  if (cmd == "latency" && argc == 7) {
    const model m = make_nation(argv[4], argv[5]);
    const auto c = m.find_decision_class(argv[3]);
    if (!c) throw lookup_error(std::string("no decision class ") + argv[3]);
    const auto t = decision_latency_all(layer_graph(m, relation_layer::escalation), *c);
    distributed::line_checksum sum;
    std::string lines;
    std::uint64_t reachable = 0;
    for (double d : t.expected) reachable += std::isfinite(d);
    distributed::latency_lines(t, [&](const std::string& line) {
      sum.add(line);
      lines += line;
      lines += '\n';
    });
    nlohmann::ordered_json j;
    j["bodies"] = t.size();
    j["reachable"] = reachable;
    write_result(argv[6], sum, j, lines);
    return 0;
  }
  std::cerr << "usage: see the comment at the top of tests/distributed/reference.cpp\n";
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
}
