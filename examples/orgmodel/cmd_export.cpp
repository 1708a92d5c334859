// orgmodel export: the canonical JSON of a model, or one relation layer as DOT, JSON edges,
// GraphML or CSV.
#include "cli.hpp"
#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/io/graphml.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/present/model_tables.hpp"

namespace cmd_export {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 1) throw cli::usage_error("export needs exactly one model file or bundled model id");
  const auto to = args.get_or("to", "json");
  if (to != "json" && to != "dot" && to != "graphml" && to != "csv")
    throw cli::usage_error("--to must be json, dot, graphml or csv, not \"" + to + "\"");
  const auto part = args.get_or("part", "edges");
  if (part != "edges" && part != "vertices") throw cli::usage_error("--part must be edges or vertices, not \"" + part + "\"");
  if (args.has("part") && to != "csv") throw cli::usage_error("--part is for --to csv");
  std::optional<relation_layer> layer;
  if (auto l = args.get("layer")) {
    layer = parse_enum<relation_layer>(*l);
    if (!layer) throw cli::usage_error("--layer must be governance, escalation, ownership, funding, membership or affiliation, not \"" + *l + "\"");
  }
  const model m = cli::load_model(args.positional()[0]);
  if (to == "dot") {
    out << to_dot(m, layer.value_or(relation_layer::governance));
  } else if (to == "graphml") {
    write_graphml(out, layer_graph(m, layer.value_or(relation_layer::governance)));
  } else if (to == "csv") {
    const layer_graph g(m, layer.value_or(relation_layer::governance));
    if (part == "vertices") write_attributed_vertices(out, g);
    else write_attributed_edges(out, g);
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
    "write a model as canonical JSON, or one relation layer as DOT, JSON, GraphML or CSV",
    "usage: orgmodel export <model> [--to json|dot|graphml|csv] [--layer governance|escalation|ownership|funding|membership|affiliation]\n"
    "                       [--part edges|vertices]\n\n"
    "--to json (default) without --layer writes the model in canonical form (what the bundled files\n"
    "are stored in); with --layer, that layer's edges as one JSON document. --to dot writes one layer\n"
    "(default governance) as a Graphviz digraph. --to graphml writes one layer (default governance)\n"
    "as GraphML with names, kinds, layers, shares and amounts (networkx.read_graphml,\n"
    "igraph.Graph.Read_GraphML); --to csv the same as a CSV edge list (pandas.read_csv;\n"
    "networkx.read_edgelist after the header line), or with --part vertices the vertex table.\n"
    "Vertices are keyed org:<id> and body:<id>; unknown values are empty (docs/interchange.md).",
    {"to", "layer", "part"},
    run,
    {"json"},  // the output is chosen with --to
});

}  // namespace
