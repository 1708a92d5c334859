// Exact voting power at scale: n = 200, 500, 1 000 players, weights uniform in 1..200 (seed 16),
// simple majority (quota ⌊T/2⌋ + 1). One run each; run each benchmark in its own process for its
// peak memory (VmHWM, the process's high-water mark of resident memory):
//
//   for b in Banzhaf/1000 PublicGood/1000 ...; do bench_voting_power_bench --benchmark_filter="^BM_$b\$"; done
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <string>

#include "orgmodel/analysis/composite_power.hpp"
#include "orgmodel/analysis/voting_power.hpp"
#include "peak_memory.hpp"

namespace {

orgmodel::weighted_game uniform_game(std::size_t n) {
  std::mt19937_64 rng(16);
  orgmodel::weighted_game g;
  for (std::size_t i = 0; i < n; ++i) g.weights.push_back(1 + static_cast<std::int64_t>(rng() % 200));
  g.quota = g.total() / 2 + 1;
  return g;
}

void finish(benchmark::State& state, const orgmodel::weighted_game& g, const orgmodel::detail::biguint& check) {
  state.counters["players"] = static_cast<double>(g.weights.size());
  state.counters["total_weight"] = static_cast<double>(g.total());
  state.counters["check_digits"] = static_cast<double>(check.str().size());
  state.counters["peak_MB"] = vm_hwm_mb();
}

void BM_Banzhaf(benchmark::State& state) {
  const auto g = uniform_game(static_cast<std::size_t>(state.range(0)));
  orgmodel::detail::biguint first;
  for (auto _ : state) {
    auto s = orgmodel::banzhaf_swings(g);
    first = s[0];
  }
  finish(state, g, first);
}
BENCHMARK(BM_Banzhaf)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ShapleyShubik(benchmark::State& state) {
  const auto g = uniform_game(static_cast<std::size_t>(state.range(0)));
  orgmodel::detail::biguint first;
  for (auto _ : state) first = orgmodel::detail::shapley_shubik_numerators(g)[0];
  finish(state, g, first);
}
BENCHMARK(BM_ShapleyShubik)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_PublicGood(benchmark::State& state) {
  const auto g = uniform_game(static_cast<std::size_t>(state.range(0)));
  orgmodel::detail::biguint total;
  for (auto _ : state) {
    const orgmodel::detail::weight_order wo(g.weights);
    total = orgmodel::detail::mwc_counts(g, wo, false, orgmodel::detail::biguint(1)).total;
  }
  finish(state, g, total);
}
BENCHMARK(BM_PublicGood)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_DeeganPackel(benchmark::State& state) {
  const auto g = uniform_game(static_cast<std::size_t>(state.range(0)));
  orgmodel::detail::biguint first;
  for (auto _ : state) {
    const orgmodel::detail::weight_order wo(g.weights);
    first = orgmodel::detail::mwc_counts(g, wo, true, orgmodel::detail::lcm_upto(g.weights.size())).per_class[0];
  }
  finish(state, g, first);
}
BENCHMARK(BM_DeeganPackel)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Johnston: the Deegan–Packel DP with a tail of non-critical members (`mwc_counts(..., true)`).
void BM_Johnston(benchmark::State& state) {
  const auto g = uniform_game(static_cast<std::size_t>(state.range(0)));
  orgmodel::detail::biguint first;
  for (auto _ : state) {
    const orgmodel::detail::weight_order wo(g.weights);
    first = orgmodel::detail::mwc_counts(g, wo, true, orgmodel::detail::lcm_upto(g.weights.size()), true).per_class[0];
  }
  finish(state, g, first);
}
BENCHMARK(BM_Johnston)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

// The public entry point with its default budgets: which route each index takes at each size is
// part of the figure (the counter exact_dp counts the indices of the five by DP: Banzhaf, SS, PGI,
// Deegan–Packel, Johnston).
void BM_VotingPower(benchmark::State& state) {
  const auto g = uniform_game(static_cast<std::size_t>(state.range(0)));
  orgmodel::voting_power_result r;
  for (auto _ : state) r = orgmodel::voting_power(g);
  int dp = 0;
  for (const auto* m : {&r.banzhaf_method, &r.shapley_shubik_method, &r.public_good_method, &r.deegan_packel_method, &r.johnston_method})
    dp += m->rfind("exact (DP)", 0) == 0;
  state.counters["exact_dp"] = dp;
  finish(state, g, orgmodel::detail::biguint(r.players[0].swings.size()));
}
BENCHMARK(BM_VotingPower)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

// A double majority of n members (the EU Council's rule): at least 55 % of the members with at
// least 65 % of the population, or n − 3 members; populations uniform in 1..1 000 (seed 16).
// Every index but Johnston exact by the DP over coalition size and population.
void BM_CompositeDoubleMajority(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(16);
  orgmodel::composite_game g;
  orgmodel::criterion members{"members", std::vector<std::int64_t>(n, 1), static_cast<std::int64_t>((55 * n + 99) / 100)};
  orgmodel::criterion population{"population", {}, 0};
  std::int64_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += population.weights.emplace_back(1 + static_cast<std::int64_t>(rng() % 1000));
  population.quota = (65 * total + 99) / 100;
  g.criteria = {members, population};
  g.members_suffice = static_cast<std::int64_t>(n) - 3;
  std::string check;
  for (auto _ : state) {
    const auto r = orgmodel::composite_voting_power(g, {.enumeration_limit = 0});
    check = r.players[0].shapley_shubik_exact + r.players[0].deegan_packel_exact;
  }
  state.counters["players"] = static_cast<double>(n);
  state.counters["total_weight"] = static_cast<double>(total);
  state.counters["check_digits"] = static_cast<double>(check.size());
  state.counters["peak_MB"] = vm_hwm_mb();
}
BENCHMARK(BM_CompositeDoubleMajority)->Arg(27)->Arg(40)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
