// Funding at scale: rule evaluation and proportional tracing on a synthetic region with 10^3 …
// 10^7 funding rules (nominal size), Shapley sampling for 1 000 players, exact Shapley and the
// nucleolus on small games. BM_ExportFunding/<size> (run by scripts/bench.sh once, before the
// timings) writes the evaluated flows as the edge list that bench/peers/funding_peers.py traces
// with NetworkX (sources: nodes 0..9, the funds) to $ORGMODEL_BENCH_EXPORT/funding-<size>/edges.csv.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>

#include "bench_sizes.hpp"
#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/analysis/funding_trace.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {

constexpr std::uint32_t funds = 10, agencies = 100, regions = 100;

// Layered synthetic region (a DAG): funds → agencies (fixed), agencies → projects (share of a
// total), municipalities → projects (per inhabitant, grouped per project), regions → projects
// (matching that project's municipal group), projects → recipients (fixed). 100 rules per project
// and size/100 projects (10 000 at 10^6: 1 000 200 rules), 20 municipalities and 5 recipients per
// project. Seed 2024 at every size. One region at a time, so that a process's memory is that of
// its largest size.
const om::model& region(std::int64_t size) {
  static std::unique_ptr<om::model> cached;
  static std::int64_t current = -1;
  if (current == size) return *cached;
  cached.reset();
  current = size;
  const auto projects = static_cast<std::uint32_t>(std::max<std::int64_t>(1, size / 100));
  const std::uint32_t payers = 20 * projects, recipients = 5 * projects;
  cached = [&] {
    std::mt19937_64 rng(2024);
    om::model_builder b("synthetic-region", "Synthetic region");
    auto& d = b.data();
    const std::uint32_t n = funds + agencies + regions + projects + payers + recipients;
    d.organisations.reserve(n);
    auto org = [&](const char* prefix, std::uint32_t i, om::organisation_kind k, std::optional<std::int64_t> pop) {
      std::string id(prefix);
      id.append(std::to_string(i));  // (append, not +: GCC 12 warns -Wrestrict on the temporary)
      return b.add_organisation({.id = id, .name = id,
                                 .kind = k, .population = pop, .population_year = pop ? std::optional<int>(2023) : std::nullopt});
    };
    const std::uint32_t f0 = 0, a0 = f0 + funds, r0 = a0 + agencies, p0 = r0 + regions, m0 = p0 + projects, q0 = m0 + payers;
    for (std::uint32_t i = 0; i < funds; ++i) org("fund-", i, om::organisation_kind::fund, std::nullopt);
    for (std::uint32_t i = 0; i < agencies; ++i) org("agency-", i, om::organisation_kind::agency, std::nullopt);
    for (std::uint32_t i = 0; i < regions; ++i) org("region-", i, om::organisation_kind::region, 1'000'000);
    for (std::uint32_t i = 0; i < projects; ++i) org("project-", i, om::organisation_kind::partnership, std::nullopt);
    for (std::uint32_t i = 0; i < payers; ++i)
      org("municipality-", i, om::organisation_kind::municipality, 2'000 + static_cast<std::int64_t>(rng() % 200'000));
    for (std::uint32_t i = 0; i < recipients; ++i) org("recipient-", i, om::organisation_kind::company, std::nullopt);
    d.funding_rules.reserve(std::size_t{projects} * 100 + 2 * agencies);
    std::uint64_t rid = 0;
    auto rule = [&](om::funding_rule r) {
      r.id.assign(1, 'r');
      r.id.append(std::to_string(rid++));
      d.funding_rules.push_back(std::move(r));
    };
    auto oi = [](std::uint32_t v) { return om::organisation_index(v); };
    for (std::uint32_t a = 0; a < agencies; ++a)
      for (int k = 0; k < 2; ++k)
        rule({.payer = oi(f0 + static_cast<std::uint32_t>(rng() % funds)), .recipient = oi(a0 + a),
              .basis = om::funding_basis::fixed, .amount = om::money::from_major(50'000'000 + static_cast<std::int64_t>(rng() % 10'000'000))});
    for (std::uint32_t p = 0; p < projects; ++p) {
      std::string group(1, 'g');
      group.append(std::to_string(p));
      for (int k = 0; k < 2; ++k)
        rule({.payer = oi(a0 + static_cast<std::uint32_t>(rng() % agencies)), .recipient = oi(p0 + p),
              .basis = om::funding_basis::share_of_total, .amount = om::money::from_major(3'000'000),
              .ratio = om::share::percent(20), .year_from = 2023, .period_years = 3});
      for (int k = 0; k < 80; ++k)
        rule({.payer = oi(m0 + static_cast<std::uint32_t>(rng() % payers)), .recipient = oi(p0 + p),
              .basis = om::funding_basis::per_inhabitant, .rate = om::money::from_minor(100 + static_cast<std::int64_t>(rng() % 900)),
              .group = group});
      rule({.payer = oi(r0 + static_cast<std::uint32_t>(rng() % regions)), .recipient = oi(p0 + p),
            .basis = om::funding_basis::matching, .ratio = om::share(1, 2), .matches = group});
      for (int k = 0; k < 17; ++k)
        rule({.payer = oi(p0 + p), .recipient = oi(q0 + static_cast<std::uint32_t>(rng() % recipients)),
              .basis = om::funding_basis::fixed, .amount = om::money::from_major(100'000 + static_cast<std::int64_t>(rng() % 200'000))});
    }
    return std::make_unique<om::model>(std::move(b).build());
  }();
  return *cached;
}

std::vector<std::uint32_t> fund_sources() {
  std::vector<std::uint32_t> s(funds);
  for (std::uint32_t i = 0; i < funds; ++i) s[i] = i;
  return s;
}

void BM_EvaluateFunding(benchmark::State& state) {
  const auto& m = region(state.range(0));
  std::size_t flows = 0;
  double total = 0;
  for (auto _ : state) {
    auto ev = om::evaluate_funding(m, 2024);
    flows = ev.flows.size();
    total = static_cast<double>(ev.total().known.minor());
    benchmark::DoNotOptimize(ev);
  }
  state.counters["rules"] = static_cast<double>(m.funding_rules().size());
  state.counters["flows"] = static_cast<double>(flows);
  state.counters["total_ore"] = total;
}
BENCHMARK(BM_EvaluateFunding)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->Iterations(3);

std::vector<om::trace_edge> trace_edges(const om::model& m) {
  const auto ev = om::evaluate_funding(m, 2024);
  std::vector<om::trace_edge> edges;
  edges.reserve(ev.flows.size());
  for (const auto& f : ev.flows) edges.push_back({f.payer.value, f.recipient.value, f.amount->minor()});
  return edges;
}

// Writes the input of this size for the peers (not a timing: scripts/bench.sh runs it alone).
void BM_ExportFunding(benchmark::State& state) {
  const auto& m = region(state.range(0));
  const auto dir = bench_export_dir("funding", state.range(0));
  for (auto _ : state)
    if (!dir.empty()) {
      std::ofstream out(dir + "/edges.csv");
      out << "from,to,amount\n";
      for (const auto& e : trace_edges(m)) out << e.from << ',' << e.to << ',' << e.amount << '\n';
    }
  state.counters["rules"] = static_cast<double>(m.funding_rules().size());
}
BENCHMARK(BM_ExportFunding)->Apply(bench_sizes)->Iterations(1);

void BM_TraceFlows(benchmark::State& state) {
  const auto& m = region(state.range(0));
  const auto edges = trace_edges(m);
  const auto sources = fund_sources();
  double checksum = 0;
  for (auto _ : state) {
    auto t = om::trace_funding(static_cast<std::uint32_t>(m.organisations().size()), edges, {.sources = sources});
    checksum = 0;
    for (std::uint32_t v = 0; v < t.num_nodes; ++v) checksum += t.share(v, 0);
    benchmark::DoNotOptimize(t.shares.data());
  }
  state.counters["edges"] = static_cast<double>(edges.size());
  state.counters["sources"] = static_cast<double>(sources.size());
  state.counters["checksum_fund0"] = checksum;
}
BENCHMARK(BM_TraceFlows)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_EvaluateAndTrace(benchmark::State& state) {
  const auto& m = region(state.range(0));
  const auto sources = fund_sources();
  for (auto _ : state) {
    auto ev = om::evaluate_funding(m, 2024);
    auto t = om::trace_funding(m, ev, {.sources = sources});
    benchmark::DoNotOptimize(t.activities.data());
  }
}
BENCHMARK(BM_EvaluateAndTrace)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ShapleySample1000(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::vector<om::money> c(1000);
  for (auto& x : c) x = om::money::from_minor(static_cast<std::int64_t>(rng() % 100'000'000));
  om::airport_game g(c);
  const auto perms = static_cast<std::size_t>(state.range(0));
  double worst = 0;
  for (auto _ : state) {
    auto e = om::shapley_sample(c.size(), g, g.total(), {.permutations = perms, .seed = 3});
    worst = 0;
    for (double h : e.half_width) worst = std::max(worst, h);
    benchmark::DoNotOptimize(e.mean.data());
  }
  state.counters["players"] = 1000;
  state.counters["max_half_width_sek"] = worst / 100;
}
BENCHMARK(BM_ShapleySample1000)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ShapleyAirportClosedForm1000(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::vector<om::money> c(1000);
  for (auto& x : c) x = om::money::from_minor(static_cast<std::int64_t>(rng() % 100'000'000));
  for (auto _ : state) benchmark::DoNotOptimize(om::shapley_airport(c).allocation.data());
}
BENCHMARK(BM_ShapleyAirportClosedForm1000)->Unit(benchmark::kMicrosecond);

void BM_ShapleyExact(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(1);
  auto g = om::tabular_cost_game::from(n, [&](std::uint64_t) { return om::money::from_minor(static_cast<std::int64_t>(rng() % 1'000'000)); });
  for (auto _ : state) benchmark::DoNotOptimize(om::shapley_exact(g).allocation.data());
}
BENCHMARK(BM_ShapleyExact)->Arg(10)->Arg(16)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_Nucleolus(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(1);
  std::vector<om::money> c(n);
  for (auto& x : c) x = om::money::from_minor(static_cast<std::int64_t>(rng() % 1'000'000));
  auto g = om::tabular_cost_game::airport(c);
  std::size_t lps = 0;
  for (auto _ : state) lps = om::nucleolus(g).linear_programs;
  state.counters["LPs"] = static_cast<double>(lps);
}
BENCHMARK(BM_Nucleolus)->Arg(4)->Arg(6)->Unit(benchmark::kMillisecond);

}  // namespace
