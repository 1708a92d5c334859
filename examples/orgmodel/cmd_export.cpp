// orgmodel export: the canonical JSON of a model, or one relation layer as DOT or JSON edges.
#include "cli.hpp"
#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/io/model_tables.hpp"

namespace {

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 1) throw cli::usage_error("export needs exactly one model file or bundled model id");
  const auto to = args.get_or("to", "json");
  if (to != "json" && to != "dot") throw cli::usage_error("--to must be json or dot, not \"" + to + "\"");
  std::optional<relation_layer> layer;
  if (auto l = args.get("layer")) {
    layer = parse_enum<relation_layer>(*l);
    if (!layer) throw cli::usage_error("--layer must be governance, escalation, ownership, funding, membership or affiliation, not \"" + *l + "\"");
  }
  const model m = cli::load_model(args.positional()[0]);
  if (to == "dot") {
    out << to_dot(m, layer.value_or(relation_layer::governance));
  } else if (layer) {
    nlohmann::ordered_json j;
    j["model"] = m.info().id;
    j["layer"] = to_string(*layer);
    j["edges"] = table_to_json(layer_table(m, *layer));
    cli::print_json(j, out);
  } else {
    out << to_json(m);
  }
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "export",
    "write a model as canonical JSON, or one relation layer as DOT or JSON",
    "usage: orgmodel export <model> [--to json|dot] [--layer governance|escalation|ownership|funding|membership|affiliation]\n\n"
    "--to json (default) without --layer writes the model in canonical form (what the bundled files\n"
    "are stored in); with --layer, that layer's edges as one JSON document. --to dot writes one layer\n"
    "(default governance) as a Graphviz digraph.",
    {"to", "layer"},
    run,
});

}  // namespace
