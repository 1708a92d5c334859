// Ultimate owners of every company of a synthetic registry, and exact Banzhaf for 1 000 players.
//
//   ORGMODEL_REGISTRY_COMPANIES=10000000 bench_ownership_bench --benchmark_filter=Registry
//   ORGMODEL_REGISTRY_DUMP=/tmp/reg  … also writes the edge list for bench/peers/ownership_peers.py
//
// Peak memory is the process's VmHWM from /proc/self/status (high-water mark of resident memory).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "orgmodel/analysis/holding_network.hpp"
#include "orgmodel/analysis/voting_power.hpp"
#include "peak_memory.hpp"
#include "orgmodel/synth/ownership_registry.hpp"

namespace {

std::uint32_t registry_size() {
  const char* e = std::getenv("ORGMODEL_REGISTRY_COMPANIES");
  return e ? static_cast<std::uint32_t>(std::stoul(e)) : 1'000'000u;
}

template <class T>
void dump(const std::string& path, const std::vector<T>& v) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

void BM_UltimateOwnersRegistry(benchmark::State& state) {
  const std::uint32_t n = registry_size();
  auto t0 = std::chrono::steady_clock::now();
  auto net = orgmodel::synth::make_ownership_registry({.companies = n});
  const double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (const char* d = std::getenv("ORGMODEL_REGISTRY_DUMP")) {
    dump(std::string(d) + "/offsets.u64", net.offsets);
    dump(std::string(d) + "/owner.u32", net.owner);
    dump(std::string(d) + "/share.f64", net.low);
    std::ofstream(std::string(d) + "/meta.txt") << net.vertices << ' ' << n << ' ' << net.edges() << '\n';
  }
  const double threshold = 0.01, epsilon = 1e-4;
  std::uint64_t pairs = 0, entries = 0;
  double sum = 0, worst_truncated = 0;
  orgmodel::scc_summary sccs;
  for (auto _ : state) {
    auto u = orgmodel::ultimate_ownership(net, {.epsilon = epsilon});
    pairs = 0;
    sum = 0;
    worst_truncated = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      auto hs = u.low.holders(v);
      auto vs = u.low.values(v);
      for (std::size_t i = 0; i < hs.size(); ++i) {
        if (hs[i] == u.truncated_holder()) worst_truncated = std::max(worst_truncated, vs[i]);
        else if (hs[i] < u.vertices && vs[i] >= threshold) ++pairs, sum += vs[i];
      }
    }
    entries = u.low.entries();
    sccs = u.sccs;
    benchmark::DoNotOptimize(pairs);
  }
  state.counters["companies"] = n;
  state.counters["edges"] = static_cast<double>(net.edges());
  state.counters["generate_s"] = gen_s;
  state.counters["pairs_ge_1pct"] = static_cast<double>(pairs);
  state.counters["sum_of_pairs"] = sum;
  state.counters["stored_entries"] = static_cast<double>(entries);
  state.counters["cyclic_sccs"] = static_cast<double>(sccs.cyclic_components);
  state.counters["largest_scc"] = static_cast<double>(sccs.largest);
  state.counters["max_truncated_mass"] = worst_truncated;
  state.counters["peak_MB"] = vm_hwm_mb();
  std::printf("checksum: pairs>=1%% %llu  sum %.9f  max truncated %.3g\n", static_cast<unsigned long long>(pairs), sum, worst_truncated);
}
BENCHMARK(BM_UltimateOwnersRegistry)->Unit(benchmark::kSecond)->Iterations(1);

void BM_BanzhafExact1000(benchmark::State& state) {
  // 1 000 players, weights 1..199 adjusted so that they add up to exactly 100 000; simple majority.
  std::mt19937_64 rng(1);
  orgmodel::weighted_game g;
  std::int64_t total = 0;
  for (int i = 0; i < 1000; ++i) total += g.weights.emplace_back(1 + static_cast<std::int64_t>(rng() % 199));
  for (std::size_t i = 0; total != 100'000; i = (i + 1) % 1000) {
    if (total < 100'000) ++g.weights[i], ++total;
    else if (g.weights[i] > 1) --g.weights[i], --total;
  }
  g.quota = total / 2 + 1;
  std::size_t digits = 0;
  for (auto _ : state) {
    auto s = orgmodel::banzhaf_swings(g);
    digits = s[0].str().size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["players"] = 1000;
  state.counters["total_weight"] = static_cast<double>(total);
  state.counters["swing_digits"] = static_cast<double>(digits);
  state.counters["peak_MB"] = vm_hwm_mb();
}
BENCHMARK(BM_BanzhafExact1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
