// orgmodel show: a model's organisations, bodies (layer, cadence, seats) and relations.
#include "cli.hpp"
#include "orgmodel/present/model_tables.hpp"

namespace cmd_show {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 1) throw cli::usage_error("show needs exactly one model file or bundled model id");
  const auto part = args.get_or("part", "all");
  if (part != "all" && part != "organisations" && part != "bodies" && part != "seats" && part != "relations")
    throw cli::usage_error("--part must be all, organisations, bodies, seats or relations, not \"" + part + "\"");
  if (part == "all" && args.format() == cli::output_format::csv)
    throw cli::usage_error("CSV holds one table: choose it with --part organisations|bodies|seats|relations");
  const model m = cli::load_model(args.positional()[0]);
  const std::pair<const char*, text_table (*)(const model&)> parts[] = {
      {"organisations", organisations_table}, {"bodies", bodies_table}, {"seats", seats_table}, {"relations", relations_table}};
  if (args.format() == cli::output_format::json) {
    nlohmann::ordered_json j;
    j["model"] = m.info().id;
    j["name"] = m.info().name;
    j["counts"] = to_json(count_elements(m));
    for (const auto& [name, fn] : parts)
      if (part == "all" || part == name) j[name] = table_to_json(fn(m));
    cli::print_json(j, out);
    return 0;
  }
  if (args.format() == cli::output_format::table) out << m.info().name << " (" << m.info().id << ")\n";
  for (const auto& [name, fn] : parts) {
    if (part != "all" && part != name) continue;
    if (args.format() == cli::output_format::table) out << '\n' << name << ":\n";
    cli::print_table(fn(m), args.format(), out);
  }
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "show",
    "list a model's organisations, bodies (layer, cadence, seats) and relations",
    "usage: orgmodel show <model> [--part all|organisations|bodies|seats|relations] [--format table|json|csv]\n\n"
    "Prints the organisations (kind, category, population), the governance bodies (layer, meetings\n"
    "per year, seats, chair, mandates, staff), the seats and every relation of a model (a JSON file or\n"
    "a bundled model id). CSV needs a single --part.",
    {"part"},
    run,
});

}  // namespace
