// Coverage of every stakeholder of a synthetic nation of 10^3 … 10^7 bodies (nominal size; at
// 10^6: 10^5 municipalities, 1 000 200 bodies).
//
// The nation (generated here; orgmodel::synth had not landed when this was written): size/200
// counties (5 000 at 10^6) of 20 municipalities. Each municipality has 9 bodies of its own (council, executive
// board, 5 committees, chief executive, business office), each with its own seat. Each county has
// a region (14 bodies) and a joint organisation (6 bodies: steering group of 15 KSOs + the region,
// management group of all 20 + the region, working group of 10, owners' meeting of 18 + the
// region, reference group, team); every third joint organisation is part of its region and
// escalates to the region's growth committee; every second is a company owned by its region and
// 18 municipalities. The 5 municipalities off the steering group are represented on it by the
// first of the 15. counties/50 cross-county alliances (100 at 10^6) of 50 members each add a steering
// group of 10 that represents the other 40, and a members' meeting — 1 000 200 bodies in all at 10^6.
// Seed 42 at every size.
//
// Timed: BM_CoverageOfAll = coverage_of_all(model), the whole call, building the coverage index
// inside; BM_CoverageOfAllPrepared = coverage_of_all on a coverage_network built before the clock
// starts (what the peers time: they build their graph first). Never timed: building the nation.
//
// BM_ExportCoverage/<size> (run by scripts/bench.sh once, before the timings) writes the same
// nation as a typed edge list for bench/peers/coverage_peers.py to
// $ORGMODEL_BENCH_EXPORT/coverage-<size>/nation.csv.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>

#include "bench_sizes.hpp"
#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {

constexpr std::uint32_t per_county = 20, alliance_size = 50;

om::model synthetic_nation(std::uint32_t counties) {
  const std::uint32_t alliances = std::max<std::uint32_t>(1, counties / 50);
  om::model_builder b("nation", "Synthetic nation");
  const std::size_t n_mun = std::size_t{counties} * per_county;
  b.reserve(n_mun + 2 * counties + alliances, std::size_t{counties} * 200 + 2 * alliances, std::size_t{counties} * 280);
  std::mt19937 rng(42);
  auto org = [&](std::string id, om::organisation_kind k, std::optional<std::int64_t> pop) {
    return b.add_organisation({.id = std::move(id), .name = "", .kind = k, .population = pop});
  };
  auto body = [&](std::string id, om::body_kind k, om::layer l, om::organisation_index o) {
    return b.add_body({.id = std::move(id), .name = "", .kind = k, .layer = l, .organisation = o});
  };
  std::vector<om::organisation_index> mun(n_mun);
  std::uniform_int_distribution<std::int64_t> pop(2'000, 200'000);
  for (std::size_t i = 0; i < n_mun; ++i) {
    mun[i] = org("m" + std::to_string(i), om::organisation_kind::municipality, pop(rng));
    const std::string p = "m" + std::to_string(i) + "-";
    const std::array<std::pair<om::body_kind, om::layer>, 9> own{{{om::body_kind::council, om::layer::political},
                                                                 {om::body_kind::executive_board, om::layer::political},
                                                                 {om::body_kind::committee, om::layer::political},
                                                                 {om::body_kind::committee, om::layer::political},
                                                                 {om::body_kind::committee, om::layer::political},
                                                                 {om::body_kind::committee, om::layer::political},
                                                                 {om::body_kind::committee, om::layer::political},
                                                                 {om::body_kind::official, om::layer::executive},
                                                                 {om::body_kind::operative_team, om::layer::operative}}};
    for (std::size_t k = 0; k < own.size(); ++k)
      b.add_seat({.body = body(p + std::to_string(k), own[k].first, own[k].second, mun[i]), .holder = mun[i]});
  }
  for (std::uint32_t c = 0; c < counties; ++c) {
    const std::string cs = std::to_string(c);
    auto region = org("r" + cs, om::organisation_kind::region, std::nullopt);
    auto joint = org("j" + cs, c % 2 == 0 ? om::organisation_kind::company : om::organisation_kind::partnership, std::nullopt);
    om::body_index growth;
    for (int k = 0; k < 14; ++k) {
      auto x = body("r" + cs + "-" + std::to_string(k), k == 0 ? om::body_kind::committee : om::body_kind::council,
                    om::layer::political, region);
      if (k == 0) growth = x;
      b.add_seat({.body = x, .holder = region});
    }
    auto sg = body("j" + cs + "-sg", om::body_kind::steering_group, om::layer::political, joint);
    auto mg = body("j" + cs + "-mg", om::body_kind::management_group, om::layer::executive, joint);
    auto wg = body("j" + cs + "-wg", om::body_kind::working_group, om::layer::operative, joint);
    auto ow = body("j" + cs + "-ow", om::body_kind::owners_meeting, om::layer::owner, joint);
    auto rg = body("j" + cs + "-rg", om::body_kind::reference_group, om::layer::operative, joint);
    auto team = body("j" + cs + "-team", om::body_kind::operative_team, om::layer::operative, joint);
    for (auto x : {sg, mg, ow, team}) b.add_seat({.body = x, .holder = region});
    for (std::uint32_t k = 0; k < per_county; ++k) {
      const auto m = mun[std::size_t{c} * per_county + k];
      b.add_membership({.member = m, .organisation = joint});
      if (k < 15) b.add_seat({.body = sg, .holder = m});
      else b.add_representation({.represented = m, .representative = mun[std::size_t{c} * per_county], .body = sg});
      b.add_seat({.body = mg, .holder = m});
      if (k % 2 == 0) b.add_seat({.body = wg, .holder = m});
      if (k < 18) b.add_seat({.body = ow, .holder = m});
      if (k % 4 == 0) b.add_seat({.body = rg, .holder = m, .votes = 0});
      if (c % 2 == 0 && k < 18) b.add_ownership({.owner = m, .owned = joint, .equity = om::share_range(*om::share::parse("1/40"))});
    }
    if (c % 2 == 0) b.add_ownership({.owner = region, .owned = joint, .equity = om::share_range(*om::share::parse("11/20"))});
    if (c % 3 == 0) {
      b.add_affiliation({.child = joint, .parent = region, .kind = om::affiliation_kind::part_of});
      b.add_escalation({.from = sg, .to = growth});
    }
  }
  std::uniform_int_distribution<std::size_t> any_mun(0, n_mun - 1);
  for (std::uint32_t a = 0; a < alliances; ++a) {
    auto al = org("a" + std::to_string(a), om::organisation_kind::partnership, std::nullopt);
    auto sg = body("a" + std::to_string(a) + "-sg", om::body_kind::steering_group, om::layer::executive, al);
    auto mm = body("a" + std::to_string(a) + "-mm", om::body_kind::members_meeting, om::layer::political, al);
    std::vector<om::organisation_index> members;
    while (members.size() < alliance_size) {
      auto m = mun[any_mun(rng)];
      if (std::find(members.begin(), members.end(), m) == members.end()) members.push_back(m);
    }
    for (std::size_t k = 0; k < members.size(); ++k) {
      b.add_membership({.member = members[k], .organisation = al});
      b.add_seat({.body = mm, .holder = members[k]});
      if (k < 10) b.add_seat({.body = sg, .holder = members[k]});
      else b.add_representation({.represented = members[k], .representative = members[k % 10], .body = sg, .via = "alliance"});
    }
  }
  return std::move(b).build();
}

std::uint32_t counties_for(std::int64_t size) { return static_cast<std::uint32_t>(std::max<std::int64_t>(3, size / 200)); }

// The nation of nominal size `size` (bodies ≈ size): one at a time, so that a process's memory is
// that of its largest size.
const om::model& nation(std::int64_t size) {
  static std::unique_ptr<om::model> m;
  static std::int64_t current = -1;
  if (current != size) {
    m.reset();
    m = std::make_unique<om::model>(synthetic_nation(counties_for(size)));
    current = size;
  }
  return *m;
}

void export_csv(const om::model& x, const std::string& path) {
  // kind,source,target,extra — organisations are 0…n−1, bodies n…n+B−1 (the governance layer's numbering).
  std::ofstream out(path);
  const auto n = x.organisations().size();
  out << "kind,source,target,extra\n";
  for (std::size_t i = 0; i < n; ++i)
    out << "org," << i << ',' << i << ',' << x.organisations()[i].population.value_or(-1) << '\n';
  for (std::size_t i = 0; i < x.bodies().size(); ++i) {
    const auto& bd = x.bodies()[i];
    out << "body," << bd.organisation.value << ',' << n + i << ','
        << static_cast<int>(bd.layer) + (om::is_decision_body(bd) ? 16 : 0) << '\n';
  }
  for (const auto& s : x.seats()) out << "seat," << s.holder.value << ',' << n + s.body.value << ',' << s.votes << '\n';
  for (const auto& ms : x.memberships()) out << "member," << ms.member.value << ',' << ms.organisation.value << ",0\n";
  for (const auto& r : x.representations())
    out << "rep," << r.represented.value << ',' << r.representative.value << ','
        << (r.body.valid() ? static_cast<std::int64_t>(n + r.body.value) : -1) << '\n';
  for (const auto& a : x.affiliations())
    out << "part_of," << a.child.value << ',' << a.parent.value << ',' << static_cast<int>(a.kind) << '\n';
  for (const auto& e : x.escalations()) out << "esc," << n + e.from.value << ',' << n + e.to.value << ",0\n";
  for (const auto& o : x.ownerships()) out << "own," << o.owner.value << ',' << o.owned.value << ",1\n";
}

// Writes the input of this size for the peers (not a timing: scripts/bench.sh runs it alone).
void BM_ExportCoverage(benchmark::State& state) {
  const auto& m = nation(state.range(0));
  const auto dir = bench_export_dir("coverage", state.range(0));
  for (auto _ : state)
    if (!dir.empty()) {
      export_csv(m, dir + "/nation.csv");
    }
  state.counters["bodies"] = static_cast<double>(m.bodies().size());
}
BENCHMARK(BM_ExportCoverage)->Apply(bench_sizes)->Iterations(1);

void BM_CoverageOfAll(benchmark::State& state) {
  const auto& m = nation(state.range(0));
  om::coverage_all_result r;
  for (auto _ : state) {
    r = om::coverage_of_all(m);
    benchmark::DoNotOptimize(r.direct.data());
  }
  state.counters["municipalities"] = static_cast<double>(counties_for(state.range(0)) * per_county);
  state.counters["bodies"] = static_cast<double>(m.bodies().size());
  state.counters["seats"] = static_cast<double>(m.seats().size());
  state.counters["pairs"] = static_cast<double>(r.stakeholders.size());
  for (std::size_t l = 0; l < om::layer_count; ++l) {
    state.counters["direct_" + std::string(om::to_string(static_cast<om::layer>(l)))] = static_cast<double>(r.direct_count[l]);
    state.counters["delegated_" + std::string(om::to_string(static_cast<om::layer>(l)))] = static_cast<double>(r.delegated_count[l]);
  }
}
BENCHMARK(BM_CoverageOfAll)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->Iterations(3);

// The computation alone on a network prepared before the clock starts: what the peers time
// (they too get their graph built first).
void BM_CoverageOfAllPrepared(benchmark::State& state) {
  const auto& m = nation(state.range(0));
  const om::coverage_network net(m);
  om::coverage_all_result r;
  for (auto _ : state) {
    r = om::coverage_of_all(net);
    benchmark::DoNotOptimize(r.direct.data());
  }
  state.counters["pairs"] = static_cast<double>(r.stakeholders.size());
  for (std::size_t l = 0; l < om::layer_count; ++l) {
    state.counters["direct_" + std::string(om::to_string(static_cast<om::layer>(l)))] = static_cast<double>(r.direct_count[l]);
    state.counters["delegated_" + std::string(om::to_string(static_cast<om::layer>(l)))] = static_cast<double>(r.delegated_count[l]);
  }
}
BENCHMARK(BM_CoverageOfAllPrepared)->Apply(bench_sizes)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_CoverageOneAlliance(benchmark::State& state) {
  const auto& m = nation(state.range(0));
  const auto subject = m.organisation_at("a0");
  for (auto _ : state) {
    auto r = om::coverage(m, {.subject = subject});
    benchmark::DoNotOptimize(r.by_layer.data());
  }
}
BENCHMARK(BM_CoverageOneAlliance)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_MinimumCoverGreedyNation(benchmark::State& state) {
  // Set cover over the whole nation: every decision body of every joint organisation as a set of
  // its member seat holders — 10^5 elements, the greedy bucket queue.
  const auto& m = nation(state.range(0));
  const auto n = static_cast<std::uint32_t>(m.organisations().size());
  om::set_system s;
  s.elements = n;
  std::vector<std::uint32_t> stamp(n, 0xFFFFFFFFu);
  // Bodies in order, seats grouped by body via a counting pass.
  std::vector<std::uint32_t> first(m.bodies().size() + 1, 0);
  for (const auto& x : m.seats()) ++first[x.body.value + 1];
  for (std::size_t b = 0; b < m.bodies().size(); ++b) first[b + 1] += first[b];
  std::vector<std::uint32_t> holders(m.seats().size());
  auto fill = first;
  for (const auto& x : m.seats()) holders[fill[x.body.value]++] = x.holder.value;
  for (std::uint32_t b = 0; b < m.bodies().size(); ++b) {
    const auto& bd = m.bodies()[b];
    if (m[bd.organisation].kind == om::organisation_kind::municipality || !om::is_decision_body(bd)) continue;
    for (auto k = first[b]; k < first[b + 1]; ++k)
      if (m[om::organisation_index(holders[k])].kind == om::organisation_kind::municipality && stamp[holders[k]] != b)
        stamp[holders[k]] = b, s.members.push_back(holders[k]);
    s.offsets.push_back(static_cast<std::uint32_t>(s.members.size()));
  }
  om::set_cover_result r;
  for (auto _ : state) {
    r = om::solve_set_cover(s);
    benchmark::DoNotOptimize(r.sets.data());
  }
  state.counters["sets"] = static_cast<double>(s.sets());
  state.counters["cover"] = static_cast<double>(r.sets.size());
  state.counters["lower_bound"] = static_cast<double>(r.lower_bound);
  state.counters["bound_H_d"] = r.approximation_bound;
}
BENCHMARK(BM_MinimumCoverGreedyNation)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
