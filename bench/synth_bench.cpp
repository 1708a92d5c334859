// Generation and model building of synthetic nations at 10^3 … 10^7 entities
// (organisations + bodies + seats): entities per second and peak memory (VmHWM).
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <string>

#include "orgmodel/synth/nation.hpp"

namespace {

/// Peak resident set size of this process in MiB (VmHWM of /proc/self/status), 0 when unknown.
double peak_rss_mib() {
  std::ifstream f("/proc/self/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // kB
  return 0;
}
/// Resets the peak to the current RSS (Linux ≥ 4.0: "5" to clear_refs), so each size reports its own.
void reset_peak_rss() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
}

orgmodel::synth::synth_options options_for(std::int64_t entities) {
  static std::map<std::int64_t, std::uint64_t> cache;  // calibration, outside the timed loops
  orgmodel::synth::synth_options o;
  o.seed = 2024;
  auto it = cache.find(entities);
  if (it == cache.end())
    it = cache.emplace(entities, orgmodel::synth::municipalities_for_entities(static_cast<std::uint64_t>(entities), o)).first;
  o.municipalities = it->second;
  return o;
}

void counters(benchmark::State& state, const orgmodel::synth::synth_counts& c) {
  const auto e = static_cast<double>(c.entities());
  state.counters["entities"] = e;
  state.counters["municipalities"] = static_cast<double>(c.municipalities);
  state.counters["entities_per_second"] = benchmark::Counter(e, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_rss_mib"] = peak_rss_mib();
}

// Generating a nation into memory (model_data, unvalidated).
void BM_SynthGenerate(benchmark::State& state) {
  const auto o = options_for(state.range(0));
  reset_peak_rss();
  orgmodel::synth::synth_counts c;
  for (auto _ : state) {
    auto d = orgmodel::synth::generate_data(o);
    c = orgmodel::synth::count(d);
    benchmark::DoNotOptimize(d.seats.data());
  }
  counters(state, c);
}

// Building the model: validation of every rule and the id indices (generation untimed).
void BM_SynthBuildModel(benchmark::State& state) {
  const auto o = options_for(state.range(0));
  reset_peak_rss();
  orgmodel::synth::synth_counts c;
  for (auto _ : state) {
    state.PauseTiming();
    auto d = orgmodel::synth::generate_data(o);
    c = orgmodel::synth::count(d);
    state.ResumeTiming();
    orgmodel::model m(std::move(d));
    benchmark::DoNotOptimize(m.organisations().data());
    state.PauseTiming();
    { auto gone = std::move(m); }  // freeing is not part of building
    state.ResumeTiming();
  }
  counters(state, c);
}

// Both, as a user sees it: `orgmodel synth` without output.
void BM_SynthGenerateAndBuild(benchmark::State& state) {
  const auto o = options_for(state.range(0));
  reset_peak_rss();
  orgmodel::synth::synth_counts c;
  for (auto _ : state) {
    auto d = orgmodel::synth::generate_data(o);
    c = orgmodel::synth::count(d);
    orgmodel::model m(std::move(d));
    benchmark::DoNotOptimize(m.seats().data());
  }
  counters(state, c);
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kMillisecond)->UseRealTime();
  for (std::int64_t e : {1'000, 10'000, 100'000}) b->Arg(e);
}
void large(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
  for (std::int64_t e : {1'000'000, 10'000'000}) b->Arg(e);
}

}  // namespace

BENCHMARK(BM_SynthGenerate)->Apply(sizes);
BENCHMARK(BM_SynthGenerate)->Apply(large);
BENCHMARK(BM_SynthBuildModel)->Apply(sizes);
BENCHMARK(BM_SynthBuildModel)->Apply(large);
BENCHMARK(BM_SynthGenerateAndBuild)->Apply(sizes);
BENCHMARK(BM_SynthGenerateAndBuild)->Apply(large);
