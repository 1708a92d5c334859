// orgmodel-mpi: ultimate ownership and decision latency across MPI processes
// (include/orgmodel/distributed/, docs/distributed.md).
//
//   mpirun -np N orgmodel-mpi ownership (--edges-dir D | --companies C [--seed S] [--cross-holding X])
//                                       [--epsilon E] [--out DIR] [--no-lines]
//   mpirun -np N orgmodel-mpi latency --edges-dir D --class NAME [--out DIR] [--no-lines]
//
// Each process writes its own results (<DIR>/<command>.rank-<r>.csv, the lines of
// distributed/result_lines.hpp); process 0 writes <DIR>/<command>.summary.json with the
// checksum, counts, and per process: seconds, CPU seconds, peak memory, bytes sent.
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/mpi/environment.hpp>
#include <nlohmann/json.hpp>

#include "orgmodel/distributed/decision_latency.hpp"
#include "orgmodel/distributed/holding_slice.hpp"
#include "orgmodel/distributed/result_lines.hpp"
#include "orgmodel/distributed/strong_components.hpp"
#include "orgmodel/distributed/ultimate_ownership.hpp"

namespace {

namespace om = orgmodel;
namespace dist = orgmodel::distributed;
namespace mpi = boost::mpi;

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr const char* usage =
    "usage: mpirun -np N orgmodel-mpi ownership (--edges-dir D | --companies C [--seed S] [--cross-holding X])\n"
    "                                  [--epsilon E] [--out DIR] [--no-lines]\n"
    "       mpirun -np N orgmodel-mpi latency --edges-dir D --class NAME [--out DIR] [--no-lines]\n"
    "ownership reads D/ownership.edges.csv (orgmodel synth --edges-dir) or generates the synthetic\n"
    "registry's companies per process; latency reads D/latency.NAME.bodies.csv and .lines.csv.\n";

struct options {
  std::string command;
  std::map<std::string, std::string> values;
  bool has(const std::string& k) const { return values.count(k) != 0; }
  std::string get(const std::string& k, std::string def = {}) const {
    auto it = values.find(k);
    return it == values.end() ? def : it->second;
  }
};

options parse(int argc, char** argv) {
  options o;
  if (argc < 2) throw usage_error("no command");
  o.command = argv[1];
  if (o.command != "ownership" && o.command != "latency") throw usage_error("unknown command \"" + o.command + "\"");
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) throw usage_error("unexpected argument \"" + a + "\"");
    a = a.substr(2);
    if (a == "no-lines") {
      o.values[a] = "1";
      continue;
    }
    if (a != "edges-dir" && a != "companies" && a != "seed" && a != "cross-holding" && a != "epsilon" && a != "out" && a != "class")
      throw usage_error("unknown option --" + a);
    if (i + 1 >= argc) throw usage_error("--" + a + " needs a value");
    o.values[a] = argv[++i];
  }
  return o;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}
long peak_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

/// Per-process figures gathered into the summary.
struct process_stats {
  double seconds, cpu, phase1, phase2, phase3;
  long peak_kib;
  std::uint64_t bytes_sent, bytes_read, kept, rounds;
};

/// Writes this process's lines and returns their checksum.
template <class EachLine>
dist::line_checksum write_lines(const options& o, const std::filesystem::path& dir, int rank, EachLine each) {
  dist::line_checksum sum;
  std::string buf;
  std::ofstream f;
  const bool lines = !o.has("no-lines");
  if (lines) f.open(dir / (o.command + ".rank-" + std::to_string(rank) + ".csv"), std::ios::binary);
  each([&](const std::string& line) {
    sum.add(line);
    if (!lines) return;
    buf += line;
    buf += '\n';
    if (buf.size() > (1 << 16)) f.write(buf.data(), static_cast<std::streamsize>(buf.size())), buf.clear();
  });
  if (lines) {
    f.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (!f) throw om::lookup_error("cannot write the results into \"" + dir.string() + "\"");
  }
  return sum;
}

void write_summary(const mpi::communicator& comm, const options& o, const std::filesystem::path& dir,
                   const dist::line_checksum& mine, const process_stats& st, nlohmann::ordered_json j) {
  const auto lines = mpi::all_reduce(comm, mine.lines(), std::plus<std::uint64_t>());
  const auto sum = mpi::all_reduce(comm, mine.sum(), std::plus<std::uint64_t>());
  std::vector<char> bytes;  // process_stats is trivially copyable: gathered as bytes
  mpi::gather(comm, reinterpret_cast<const char*>(&st), static_cast<int>(sizeof st), bytes, 0);
  if (comm.rank() != 0) return;
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum));
  j["lines"] = lines;
  j["checksum"] = hex;
  j["processes"] = comm.size();
  for (int p = 0; p < comm.size(); ++p) {
    process_stats s{};
    std::memcpy(&s, bytes.data() + sizeof s * static_cast<std::size_t>(p), sizeof s);
    j["per_process"].push_back({{"rank", p},
                                {"seconds", s.seconds},
                                {"cpu_seconds", s.cpu},
                                {"seconds_input", s.phase1},
                                {"seconds_components", s.phase2},
                                {"seconds_solve", s.phase3},
                                {"peak_memory_mib", static_cast<double>(s.peak_kib) / 1024.0},
                                {"bytes_sent", s.bytes_sent},
                                {"bytes_read", s.bytes_read},
                                {"kept", s.kept},
                                {"rounds", s.rounds}});
  }
  std::ofstream(dir / (o.command + ".summary.json")) << j.dump(2) << '\n';
  std::cout << j.dump(2) << '\n';
}

int run(const mpi::communicator& comm, const options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  auto since = [&](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  const std::filesystem::path dir = o.get("out", ".");
  if (comm.rank() == 0) std::filesystem::create_directories(dir);
  comm.barrier();
  dist::exchanger ex(comm);
  process_stats st{};
  nlohmann::ordered_json j;
  j["command"] = o.command;
  dist::line_checksum sum;
  if (o.command == "ownership") {
    dist::holding_slice s;
    if (o.has("edges-dir")) {
      if (o.has("companies")) throw usage_error("give --edges-dir or --companies, not both");
      s = dist::read_holding_slice(ex, (std::filesystem::path(o.get("edges-dir")) / "ownership.edges.csv").string());
      j["input"] = o.get("edges-dir");
    } else if (o.has("companies")) {
      om::synth::ownership_registry_options r;
      r.companies = static_cast<std::uint32_t>(std::stoul(o.get("companies")));
      r.seed = std::stoull(o.get("seed", "42"));
      r.cross_holding = std::stod(o.get("cross-holding", "0.002"));
      s = dist::generate_registry_slice(ex, r);
      j["input"] = "synthetic registry, " + o.get("companies") + " companies, seed " + std::to_string(r.seed);
    } else {
      throw usage_error("ownership needs --edges-dir or --companies");
    }
    st.phase1 = since(t0);
    const auto t1 = std::chrono::steady_clock::now();
    const auto comp = dist::strong_components(ex, s);
    st.phase2 = since(t1);
    const auto t2 = std::chrono::steady_clock::now();
    om::indirect_options opt;
    opt.epsilon = std::stod(o.get("epsilon", "0"));
    const auto r = dist::ultimate_ownership(ex, s, comp, opt);
    st.phase3 = since(t2);
    const auto n = s.part.local_count();
    std::uint64_t companies = 0;
    double truncated = 0;
    for (std::uint32_t l = 0; l < n; ++l) {
      companies += r.company[l];
      truncated = std::max(truncated, r.columns.get(l, s.part.vertices + 1));
    }
    sum = write_lines(o, dir, comm.rank(), [&](auto emit) {
      for (std::uint32_t l = 0; l < n; ++l) {
        if (!r.company[l]) continue;
        dist::ownership_column_lines(s.part.global(l), r.unknown[l], r.columns.holders(l), r.columns.values(l),
                                     s.part.vertices, [&](std::uint32_t h) { return h - s.part.vertices - 2; }, emit);
      }
    });
    st.kept = s.holdings_in();
    st.bytes_read = s.bytes_read;
    st.rounds = r.rounds;
    j["vertices"] = s.part.vertices;
    j["companies"] = mpi::all_reduce(comm, companies, std::plus<std::uint64_t>());
    j["components"] = mpi::all_reduce(comm, r.components, std::plus<std::uint64_t>());
    j["cyclic_components"] = mpi::all_reduce(comm, r.cyclic_components, std::plus<std::uint64_t>());
    j["largest_component"] = mpi::all_reduce(comm, r.largest, mpi::maximum<std::uint64_t>());
    std::string tm;
    dist::put_value(tm, mpi::all_reduce(comm, truncated, mpi::maximum<double>()));
    j["truncated_max"] = tm;
    j["epsilon"] = opt.epsilon;
    j["trimmed"] = mpi::all_reduce(comm, comp.trimmed, std::plus<std::uint64_t>());
    j["colour_rounds"] = comp.colour_rounds;
  } else {
    if (!o.has("edges-dir") || !o.has("class")) throw usage_error("latency needs --edges-dir and --class");
    const std::filesystem::path d = o.get("edges-dir");
    const auto cls = o.get("class");
    const auto s = dist::read_latency_slice(ex, (d / ("latency." + cls + ".bodies.csv")).string(),
                                            (d / ("latency." + cls + ".lines.csv")).string());
    st.phase1 = since(t0);
    const auto t2 = std::chrono::steady_clock::now();
    const auto t = dist::decision_latency_all(ex, s);
    st.phase3 = since(t2);
    const auto n = s.part.local_count();
    std::uint64_t reachable = 0;
    for (double x : t.expected) reachable += std::isfinite(x);
    sum = write_lines(o, dir, comm.rank(), [&](auto emit) {
      for (std::uint32_t l = 0; l < n; ++l) emit(dist::latency_line(s.part.global(l), t.expected[l]));
    });
    st.kept = s.in.size();
    st.bytes_read = s.bytes_read;
    st.rounds = t.rounds;
    j["input"] = o.get("edges-dir");
    j["class"] = cls;
    j["bodies"] = s.part.vertices;
    j["reachable"] = mpi::all_reduce(comm, reachable, std::plus<std::uint64_t>());
  }
  st.seconds = since(t0);
  st.cpu = cpu_seconds();
  st.peak_kib = peak_kib();
  st.bytes_sent = ex.bytes_sent();
  write_summary(comm, o, dir, sum, st, std::move(j));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  mpi::environment env(argc, argv);
  mpi::communicator comm;
  try {
    return run(comm, parse(argc, argv));
  } catch (const usage_error& e) {
    if (comm.rank() == 0) std::cerr << "orgmodel-mpi: " << e.what() << "\n" << usage;
    return 64;
  } catch (const std::exception& e) {
    // A library error on one process: report it and end every process (the others may be
    // waiting in a collective).
    std::cerr << "orgmodel-mpi (process " << comm.rank() << "): " << e.what() << '\n';
    env.abort(2);
  }
}
