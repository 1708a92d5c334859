// Every analysis on one const model from four threads at once: under ThreadSanitizer
// (scripts/tsan.sh) a data race fails the run; in any build, every thread must get the same
// results as a single-threaded run. The model's promise (model.hpp): "every analysis takes one
// and keeps no state, so analyses may run concurrently on one model".
#include <cstdio>
#include <cstdint>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/present/control.hpp"
#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/analysis/funding_trace.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/present/coverage.hpp"
#include "orgmodel/present/funding.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/report/compare_section.hpp"
#include "orgmodel/report/coverage_section.hpp"
#include "orgmodel/report/funding_section.hpp"
#include "orgmodel/report/ownership_section.hpp"
#include "orgmodel/report/paths_section.hpp"

namespace om = orgmodel;

namespace {

// One string holding every result, so that threads can be compared byte for byte.
std::string run_all(const om::model& m) {
  const std::span<const om::model> one(&m, 1);
  std::string s;
  // Decision paths and latency; funding, budgets, trace and fair shares; ownership, control and
  // voting power of the steering bodies; coverage; the seven templates compared (scenario).
  for (const auto& sec : {om::paths_section(one), om::funding_section(one), om::ownership_section(one),
                          om::coverage_section(one), om::compare_section()})
    s += sec.id + '\n' + sec.content.dump() + '\n' + sec.text;
  // The same analyses called directly, as a library user would.
  const auto ev = om::evaluate_funding(m, 2024);
  s += om::to_json(m, ev).dump();
  s += om::to_json(m, om::trace_funding(m, ev)).dump();
  s += om::to_json(om::analyse_control(m)).dump();
  s += om::to_json(m, om::coverage(m)).dump();
  std::vector<std::int64_t> pop;
  for (const auto& o : m.organisations())
    if (o.kind == om::organisation_kind::municipality && o.population) pop.push_back(*o.population);
  for (auto part : om::allocate_proportional(om::money::from_major(8'000'000), pop)) s += part.str() + ',';
  s += om::to_json(m);
  return s;
}

}  // namespace

int main() {
  // Norrbotten has every relation the analyses read: escalations, ownerships, funding rules,
  // memberships, budgets (data/models/README.md).
  const om::model m = om::data::load_bundled_model("invest-in-norrbotten");
  const std::string expected = run_all(m);
  constexpr int threads = 4;
  std::vector<std::string> got(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back([&, t] { got[static_cast<std::size_t>(t)] = run_all(m); });
  for (auto& t : pool) t.join();
  int failures = 0;
  for (int t = 0; t < threads; ++t)
    if (got[static_cast<std::size_t>(t)] != expected) {
      std::fprintf(stderr, "thread %d: results differ from the single-threaded run\n", t);
      ++failures;
    }
  std::printf("%d threads, %zu bytes of results each: %s\n", threads, expected.size(), failures ? "DIFFERENT" : "equal");
  return failures ? 1 : 0;
}
