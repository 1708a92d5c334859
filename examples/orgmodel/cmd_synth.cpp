// orgmodel synth: generates a synthetic nation (JSON model, optional CSV edge lists per layer).
#include <fstream>

#include "cli.hpp"
#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/synth/nation.hpp"

namespace cmd_synth {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (!args.positional().empty()) throw cli::usage_error("no positional arguments");
  synth::synth_options o;
  o.seed = cli::count_option(args, "seed", o.seed);
  if (args.has("entities")) {
    if (args.has("municipalities")) throw cli::usage_error("give --municipalities or --entities, not both");
    o.municipalities = synth::municipalities_for_entities(cli::count_option(args, "entities", 0, 1), o);
  } else {
    o.municipalities = cli::count_option(args, "municipalities", o.municipalities, 1);
  }
  // From here to the end of writing: the time reported covers the whole job.
  cli::progress_reporter progress("synth", args.has("quiet"));
  o.progress = [&](const synth::synth_progress& p) { progress.update(p.phase, p.done, p.total); };
  model_data d = synth::generate_data(o);
  const auto counts = synth::count(d);
  progress.step("validating " + std::to_string(counts.entities()) + " entities");
  const model m(std::move(d));
  if (auto path = args.get("out")) {
    progress.step("writing " + *path);
    save_model_file(m, *path, [&](const save_progress& p) { progress.update(p.phase, p.done, p.total); });
  }
  std::array<edge_list_counts, 6> layers{};
  const bool edges = args.has("edges-dir");
  if (edges) {
    progress.step("writing edge lists to " + *args.get("edges-dir"));
    layers = write_edge_lists(m, *args.get("edges-dir"));
    // A manifest of the counts, for peers that check what they read.
    nlohmann::ordered_json man;
    man["model"] = m.info().id;
    for (const auto& l : layers) man["layers"][std::string(to_string(l.layer))] = {{"vertices", l.vertices}, {"edges", l.edges}};
    std::ofstream f(std::filesystem::path(*args.get("edges-dir")) / "manifest.json");
    f << man.dump(2) << '\n';
  }
  const double seconds = progress.finish("generated " + std::to_string(counts.entities()) + " entities (" +
                                         std::to_string(counts.municipalities) + " municipalities)");
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
  if (args.format() == cli::output_format::csv) {  // one row, a column per count: numeric columns for tools
    std::vector<std::string> head, row;
    for (const auto& [k, v] : j.items())
      if (k != "layers") head.push_back(k), row.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    if (edges)
      for (const auto& l : layers)
        for (const auto& [what, n] : {std::pair{"vertices", l.vertices}, std::pair{"edges", l.edges}})
          head.push_back(std::string(to_string(l.layer)) + "_" + what), row.push_back(std::to_string(n));
    text_table t(head);
    t.row(row);
    cli::print_table(t, args.format(), out);
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
    "  --quiet         nothing on stderr (else: progress with rate and time left on a terminal,\n"
    "                  one summary line otherwise)\n"
    "Prints the counts of what was generated and the seconds the whole job took (writing included).",
    {"municipalities", "entities", "seed", "out", "edges-dir", orgmodel::cli::flag("quiet")},
    run,
});

}  // namespace
