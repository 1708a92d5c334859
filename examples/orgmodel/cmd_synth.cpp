// orgmodel synth: generates a synthetic nation (JSON model, optional CSV edge lists per layer).
#include <fstream>

#include "cli.hpp"
#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/present/synth_summary.hpp"
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
  synth_summary summary{m.info().id, o.seed, counts, 0, {}};
  if (auto dir = args.get("edges-dir")) {
    progress.step("writing edge lists to " + *dir);
    const auto layers = write_edge_lists(m, *dir);
    summary.layers.assign(layers.begin(), layers.end());
    std::ofstream f(std::filesystem::path(*dir) / "manifest.json");
    f << edge_list_manifest(summary.model, summary.layers).dump(2) << '\n';
  }
  summary.seconds = progress.finish("generated " + std::to_string(counts.entities()) + " entities (" +
                                    std::to_string(counts.municipalities) + " municipalities)");
  if (args.format() == cli::output_format::json) cli::print_json(to_json(summary), out);
  else if (args.format() == cli::output_format::csv) cli::print_table(synth_summary_row(summary), args.format(), out);
  else cli::print_table(synth_summary_table(summary), args.format(), out);
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
