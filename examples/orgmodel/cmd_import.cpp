// orgmodel import: a model from another format (BODS 0.4 statements), written as canonical JSON.
#include "cli.hpp"
#include "orgmodel/io/bods.hpp"
#include "orgmodel/io/json.hpp"

namespace cmd_import {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 2) throw cli::usage_error("import needs a format and a file: orgmodel import bods FILE");
  if (args.positional()[0] != "bods") throw cli::usage_error("the only import format is bods, not \"" + args.positional()[0] + "\"");
  const auto& file = args.positional()[1];
  auto r = file == "-" ? parse_bods(read_text_stream(std::cin, "standard input"), "stdin") : load_bods_file(file);
  if (auto id = args.get("id")) {
    model_data d = r.result.data();
    d.info.id = *id;
    r.result = model(std::move(d));
  }
  const auto output = args.get_or("output", "");
  if (output.empty() || output == "-") out << to_json(r.result);
  else save_model_file(r.result, output);
  if (!output.empty() && output != "-")
    std::cerr << "orgmodel import: " << r.history.size() << " statements, " << r.result.organisations().size() << " organisations, "
              << r.result.ownerships().size() << " ownerships, " << r.declared_interests.size() << " declared interests, "
              << r.closed_records.size() << " closed records -> " << output << '\n';
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "import",
    "read BODS 0.4 statements into a model file",
    "usage: orgmodel import bods <file or -> [-o|--output model.json] [--id ID]\n\n"
    "Reads Beneficial Ownership Data Standard 0.4 statements (a JSON array) and writes the latest\n"
    "state as a canonical model (to standard output without -o): entities and persons become\n"
    "organisations, direct shareholding and voting-rights interests become ownerships; indirect and\n"
    "other interests, closed records and statement ids are kept under the member \"bods\"\n"
    "(docs/interchange.md). The model id is the file name without .bods.json, or --id.",
    {{"output", 'o'}, "id"},
    run,
    {"json"},  // it writes a canonical model
});

}  // namespace
