// orgmodel synth: generates a synthetic nation (JSON model, optional CSV edge lists per layer).
#include <chrono>
#include <cstdio>
#include <fstream>

#include "cli.hpp"
#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/synth/nation.hpp"

namespace cmd_synth {  // named, not anonymous: the commands share unity batches

std::uint64_t to_count(const std::string& name, const std::string& s) {
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) throw orgmodel::cli::usage_error("--" + name + " needs a whole number, not \"" + s + "\"");
  return v;
}

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (!args.positional().empty()) throw cli::usage_error("no positional arguments");
  synth::synth_options o;
  if (auto s = args.get("seed")) o.seed = to_count("seed", *s);
  if (auto e = args.get("entities")) {
    if (args.has("municipalities")) throw cli::usage_error("give --municipalities or --entities, not both");
    o.municipalities = synth::municipalities_for_entities(to_count("entities", *e), o);
  } else if (auto n = args.get("municipalities")) {
    o.municipalities = to_count("municipalities", *n);
  }
  const bool quiet = args.has("quiet");
  const auto t0 = std::chrono::steady_clock::now();
  int last_pct = -1;
  std::string_view last_phase;
  o.progress = [&](const synth::synth_progress& p) {
    if (quiet) return;
    const int pct = p.total ? static_cast<int>(100 * p.done / p.total) : 100;
    if (pct == last_pct && p.phase == last_phase && p.done != p.total) return;
    last_pct = pct;
    last_phase = p.phase;
    std::fprintf(stderr, "\rsynth: %-15s %3d %%  (%llu / %llu)", std::string(p.phase).c_str(), pct, static_cast<unsigned long long>(p.done),
                 static_cast<unsigned long long>(p.total));
    if (p.done == p.total) std::fputc('\n', stderr);
  };
  model_data d = synth::generate_data(o);
  const auto counts = synth::count(d);
  if (!quiet) std::fprintf(stderr, "synth: validating %llu entities\n", static_cast<unsigned long long>(counts.entities()));
  const model m(std::move(d));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (auto path = args.get("out")) {
    if (!quiet) std::fprintf(stderr, "synth: writing %s\n", path->c_str());
    save_model_file(m, *path);
  }
  std::array<edge_list_counts, 6> layers{};
  const bool edges = args.has("edges-dir");
  if (edges) {
    if (!quiet) std::fprintf(stderr, "synth: writing edge lists to %s\n", args.get("edges-dir")->c_str());
    layers = write_edge_lists(m, *args.get("edges-dir"));
    // A manifest of the counts, for peers that check what they read.
    nlohmann::ordered_json man;
    man["model"] = m.info().id;
    for (const auto& l : layers) man["layers"][std::string(to_string(l.layer))] = {{"vertices", l.vertices}, {"edges", l.edges}};
    std::ofstream f(std::filesystem::path(*args.get("edges-dir")) / "manifest.json");
    f << man.dump(2) << '\n';
  }
  nlohmann::ordered_json j;
  j["model"] = m.info().id;
  j["seed"] = o.seed;
  j["municipalities"] = counts.municipalities;
  j["counties"] = counts.counties;
  j["partnerships"] = counts.partnerships;
  j["companies"] = counts.companies;
  j["organisations"] = counts.organisations;
  j["bodies"] = counts.bodies;
  j["seats"] = counts.seats;
  j["entities"] = counts.entities();
  j["ownerships"] = counts.ownerships;
  j["funding_rules"] = counts.funding_rules;
  j["memberships"] = counts.memberships;
  j["escalations"] = counts.escalations;
  j["seconds"] = seconds;
  if (edges)
    for (const auto& l : layers) j["layers"][std::string(to_string(l.layer))] = {{"vertices", l.vertices}, {"edges", l.edges}};
  if (args.format() == cli::output_format::json) {
    cli::print_json(j, out);
    return 0;
  }
  text_table t({"what", "count"}, {text_table::align::left, text_table::align::right});
  for (const auto& [k, v] : j.items())
    if (k != "layers") t.row({k, v.is_string() ? v.get<std::string>() : v.dump()});
  if (edges)
    for (const auto& l : layers) {
      t.row({std::string(to_string(l.layer)) + " vertices", std::to_string(l.vertices)});
      t.row({std::string(to_string(l.layer)) + " edges", std::to_string(l.edges)});
    }
  cli::print_table(t, args.format(), out);
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "synth",
    "generate a synthetic nation (JSON model, CSV edge lists)",
    "usage: orgmodel synth [--municipalities N | --entities E] [--seed S] [--out file.json]\n"
    "                      [--edges-dir DIR] [--quiet] [--format table|json|csv]\n\n"
    "Generates a synthetic nation (docs/synthetic-regions.md): N municipalities (default 290) with\n"
    "log-normal populations fitted to SCB 2023, counties organised by the seven templates,\n"
    "cross-county alliances, public companies. The same seed gives the same bytes.\n"
    "  --entities E    choose N to give about E organisations + bodies + seats\n"
    "  --out FILE      write the model as JSON (canonical format)\n"
    "  --edges-dir DIR write <layer>.vertices.csv, <layer>.edges.csv and manifest.json per layer\n"
    "  --quiet         no progress on stderr\n"
    "Prints the counts of what was generated.",
    {"municipalities", "entities", "seed", "out", "edges-dir", "quiet"},
    run,
});

}  // namespace
