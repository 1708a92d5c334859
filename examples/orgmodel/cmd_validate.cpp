// orgmodel validate: reads and checks models (files or bundled ids); the library's message on error.
#include "cli.hpp"
#include "orgmodel/present/model_tables.hpp"

namespace cmd_validate {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().empty()) throw cli::usage_error("validate needs a model file or a bundled model id");
  text_table t({"model", "status", "organisations", "bodies", "seats", "relations"},
               {text_table::align::left, text_table::align::left, text_table::align::right, text_table::align::right,
                text_table::align::right, text_table::align::right});
  auto results = nlohmann::ordered_json::array();
  for (const auto& a : args.positional()) {
    const model m = cli::load_model(a);  // throws the library's error: exit 2
    const auto c = count_elements(m);
    t.row({m.info().id, "OK", std::to_string(c.organisations), std::to_string(c.bodies), std::to_string(c.seats),
           std::to_string(c.relations())});
    nlohmann::ordered_json j;
    j["model"] = m.info().id;
    j["source"] = a;
    j["valid"] = true;
    j["counts"] = to_json(c);
    results.push_back(std::move(j));
  }
  if (args.format() == cli::output_format::json) cli::print_json(results.size() == 1 ? results[0] : results, out);
  else cli::print_table(t, args.format(), out);
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "validate",
    "check models against every rule; prints OK with counts",
    "usage: orgmodel validate <model>... [--format table|json|csv]\n\n"
    "Reads each model (a JSON file, or the id of a bundled model such as business-region-orebro) and\n"
    "checks every rule. Prints OK with the counts of organisations, bodies, seats and relations.\n"
    "On the first error: the library's message (with the JSON Pointer of the offending value) on\n"
    "stderr and exit code 2.",
    {},
    run,
});

}  // namespace
