// All-bodies decision latency on a synthetic escalation structure of 10^3 … 10^7 bodies.
//
// Shape (a realistic region writ large): size/1 000 regions (1 000 at the nominal size 10^6), each with a regional committee (political,
// 10 meetings a year, decides budgets) fed by 100 small hierarchies of 10 bodies: 8 teams or
// officials (cadence unknown → defaults) → a management group (12/yr, decides contracts) → a
// steering group (2–4/yr, decides strategy) → the committee; plus 20 % random extra lines from a
// body to a higher level of another hierarchy in the same region (still acyclic). Preparation
// lags 0–20 days. 1 001 000 bodies, ≈ 1.2 × 10^6 lines at 10^6. Seed 42 at every size.
//
// Timed: BM_DecisionLatencyAll = decision_latency_all(layer graph, budget), the whole call — the
// bodies with lines in taken in the acyclic order of the lines (on a compact copy of the lines
// between them), then one pass in body order for the leaves, reading their lines in place (no
// latency_network is built; fresh pages on huge pages, docs/benchmarks.md);
// BM_DecisionLatencySearch = the search alone on a prepared network (what the peers time);
// BM_LatencyNetworkBuild = the preparation alone. Never timed: building the model and its layer
// graph (the loading).
//
// BM_ExportPaths/<size> (run by scripts/bench.sh once, before the timings) writes the same input as
// CSV for bench/peers/paths_peers.py into $ORGMODEL_BENCH_EXPORT/paths-<size>/: bodies.csv (body,
// expected wait, holder) and lines.csv (from, to, preparation days, only the lines carrying the
// budget class), plus cpp_result.txt (reachable count, sum).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "bench_sizes.hpp"
#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;
namespace dc = orgmodel::decision_classes;

namespace {

om::model synthetic(std::uint32_t regions, std::uint32_t hierarchies, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  om::model_builder b("synthetic-escalation", "Synthetic escalation structure");
  const std::size_t n = std::size_t{regions} * (std::size_t{hierarchies} * 10 + 1);
  b.reserve(regions, n, 0);
  b.data().escalations.reserve(n + n / 4);
  auto cls = [](std::initializer_list<om::decision_class> cs) {
    om::decision_class_set s;
    for (auto c : cs) s.insert(c);
    return s;
  };
  const om::decision_class_set budget_and_more = cls({dc::budget, dc::strategy, dc::contract, dc::operational_plan});
  std::uniform_int_distribution<int> lag(0, 20);
  auto prep = [&lag](std::mt19937_64& g) { return static_cast<double>(lag(g)); };
  std::uniform_real_distribution<double> u(0, 1);
  std::uint32_t next = 0;
  auto add = [&](om::organisation_index o, om::body_kind k, om::layer l, std::optional<om::cadence> c, om::decision_class_set mandates) {
    char id[16];
    std::snprintf(id, sizeof id, "b%u", next);
    b.add_body({.id = id, .name = "b", .kind = k, .layer = l, .organisation = o,
                .meetings_per_year = c, .mandates = mandates});
    return om::body_index(next++);
  };
  for (std::uint32_t r = 0; r < regions; ++r) {
    char id[24];
    std::snprintf(id, sizeof id, "region-%u", r);
    auto org = b.add_organisation({.id = id, .name = "Region", .kind = om::organisation_kind::region});
    const auto committee = add(org, om::body_kind::committee, om::layer::political, om::cadence{10, 10}, cls({dc::budget}));
    const std::uint32_t first = next;  // hierarchy h occupies first + 10h … first + 10h + 9
    for (std::uint32_t h = 0; h < hierarchies; ++h) {
      const double lo = 2 + std::floor(u(rng) * 3);
      const auto sg = add(org, om::body_kind::steering_group, om::layer::political, om::cadence{lo, std::min(4.0, lo + 1)},
                          cls({dc::strategy}));
      const auto mg = add(org, om::body_kind::management_group, om::layer::executive, om::cadence{12, 12}, cls({dc::contract}));
      b.add_escalation({.from = sg, .to = committee, .classes = budget_and_more, .preparation_days = prep(rng)});
      b.add_escalation({.from = mg, .to = sg, .classes = budget_and_more, .preparation_days = prep(rng)});
      for (int t = 0; t < 8; ++t) {
        const auto team = add(org, t % 2 ? om::body_kind::official : om::body_kind::operative_team, om::layer::operative,
                              std::nullopt, cls({dc::daily_operations}));
        b.add_escalation({.from = team, .to = mg, .classes = budget_and_more, .preparation_days = prep(rng)});
      }
    }
    // Extra lines: from a team to another hierarchy's management or steering group, or from a
    // management group to another hierarchy's steering group — always upwards, so acyclic.
    std::uniform_int_distribution<std::uint32_t> pick_h(0, hierarchies - 1);
    for (std::uint32_t k = 0; k < hierarchies * 2; ++k) {
      const auto h1 = pick_h(rng), h2 = pick_h(rng);
      const bool from_team = u(rng) < 0.8;
      const auto from = first + 10 * h1 + (from_team ? 2 + static_cast<std::uint32_t>(u(rng) * 8) : 1);
      const auto to = first + 10 * h2 + (from_team && u(rng) < 0.5 ? 1 : 0);
      if (h1 == h2) continue;
      b.add_escalation({.from = om::body_index(from), .to = om::body_index(to), .classes = cls({dc::budget}),
                        .preparation_days = prep(rng)});
    }
  }
  return std::move(b).build();
}

struct fixture {
  om::model m;
  om::layer_graph g;
  explicit fixture(std::uint32_t regions) : m(synthetic(regions, 100, 42)), g(m, om::relation_layer::escalation) {}
};

// The input of nominal size `size` (bodies ≈ size): one at a time, so that a process's memory is
// that of its largest size.
const fixture& shared(std::int64_t size) {
  static std::unique_ptr<fixture> f;
  static std::int64_t current = -1;
  if (current != size) {
    f.reset();
    f = std::make_unique<fixture>(static_cast<std::uint32_t>(std::max<std::int64_t>(1, size / 1000)));
    current = size;
  }
  return *f;
}

// Nominal sizes (bodies): 10^3 … 10^7.

// What the peers must reproduce: bodies reaching a decision and the sum of their expected days.
void checksum(benchmark::State& state, const om::decision_latency_table& t) {
  std::size_t reachable = 0;
  double sum = 0;
  for (double d : t.expected)
    if (std::isfinite(d)) ++reachable, sum += d;
  state.counters["reachable"] = static_cast<double>(reachable);
  state.counters["sum_expected_days"] = sum;
}

void export_csv(const fixture& f, const std::string& dir) {
  const auto& m = f.m;
  std::ofstream bodies(dir + "/bodies.csv"), lines(dir + "/lines.csv"), res(dir + "/cpp_result.txt");
  bodies << "body,wait,holder\n";
  char buf[64];
  for (std::size_t i = 0; i < m.bodies().size(); ++i) {
    const auto w = om::wait_at(m.bodies()[i]);
    std::snprintf(buf, sizeof buf, "%.17g", w.expected);
    bodies << i << ',' << buf << ',' << (m.bodies()[i].mandates.contains(dc::budget) ? 1 : 0) << '\n';
  }
  lines << "from,to,prep\n";
  for (const auto& e : m.escalations())
    if (e.classes.contains(dc::budget)) lines << e.from.value << ',' << e.to.value << ',' << e.preparation_days << '\n';
  const auto t = om::decision_latency_all(f.g, dc::budget);
  std::size_t reachable = 0;
  double sum = 0;
  for (double d : t.expected)
    if (std::isfinite(d)) ++reachable, sum += d;
  std::snprintf(buf, sizeof buf, "%.6f", sum);
  res << "bodies " << m.bodies().size() << "\nlines " << m.escalations().size() << "\nreachable " << reachable
      << "\nsum_expected_days " << buf << '\n';
}

// Writes the input of this size for the peers (not a timing: scripts/bench.sh runs it alone).
void BM_ExportPaths(benchmark::State& state) {
  const auto& f = shared(state.range(0));
  const auto dir = bench_export_dir("paths", state.range(0));
  for (auto _ : state)
    if (!dir.empty()) export_csv(f, dir);
  state.counters["bodies"] = static_cast<double>(f.m.bodies().size());
}
BENCHMARK(BM_ExportPaths)->Apply(bench_sizes)->Iterations(1);

void BM_DecisionLatencyAll(benchmark::State& state) {
  const auto& f = shared(state.range(0));
  om::decision_latency_table t;
  for (auto _ : state) {
    t = om::decision_latency_all(f.g, dc::budget);
    benchmark::DoNotOptimize(t.expected.data());
  }
  state.counters["bodies"] = static_cast<double>(f.m.bodies().size());
  state.counters["lines"] = static_cast<double>(f.m.escalations().size());
  checksum(state, t);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.m.bodies().size()));
}
BENCHMARK(BM_DecisionLatencyAll)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->MinTime(0.5);

// The search alone on a prepared network, output storage reused: the same part the peers time
// (they too get their weighted graph built before the clock starts).
void BM_DecisionLatencySearch(benchmark::State& state) {
  const auto& f = shared(state.range(0));
  const om::latency_network net(f.g, dc::budget);
  om::decision_latency_table t;
  for (auto _ : state) {
    net.search(t);
    benchmark::DoNotOptimize(t.expected.data());
  }
  state.counters["bodies"] = static_cast<double>(f.m.bodies().size());
  checksum(state, t);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.m.bodies().size()));
}
BENCHMARK(BM_DecisionLatencySearch)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->MinTime(0.5);

// Preparing the network alone (per class: filter the lines, fold in the waits).
void BM_LatencyNetworkBuild(benchmark::State& state) {
  const auto& f = shared(state.range(0));
  for (auto _ : state) {
    om::latency_network net(f.g, dc::budget);
    benchmark::DoNotOptimize(&net);
  }
  state.counters["bodies"] = static_cast<double>(f.m.bodies().size());
}
BENCHMARK(BM_LatencyNetworkBuild)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->MinTime(0.5);

void BM_DecisionPathsOneBody(benchmark::State& state) {
  const auto& f = shared(1'000'000);
  const om::body_index team(3);  // a team in the first region
  for (auto _ : state) {
    auto r = om::decision_paths(f.g, team, dc::budget);
    benchmark::DoNotOptimize(r.paths.data());
  }
}
BENCHMARK(BM_DecisionPathsOneBody)->Unit(benchmark::kMicrosecond);

}  // namespace
