// orgmodel: the command-line front end of the orgmodel library.
#include <filesystem>
#include <iostream>

#include "cli.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/version.hpp"

namespace orgmodel::cli {

output_format arguments::format() const {
  auto f = get_or("format", "table");
  if (f == "table") return output_format::table;
  if (f == "json") return output_format::json;
  if (f == "csv") return output_format::csv;
  throw usage_error("--format must be table, json or csv, not \"" + f + "\"");
}

namespace {
std::map<std::string, command>& registry() {
  static std::map<std::string, command> r;
  return r;
}
}  // namespace

bool register_command(command c) {
  auto name = c.name;
  return registry().emplace(std::move(name), std::move(c)).second;
}
const std::map<std::string, command>& commands() { return registry(); }

void print_table(const text_table& t, output_format f, std::ostream& out) {
  if (f == output_format::csv) t.print_csv(out);
  else t.print(out);
}
void print_json(const nlohmann::ordered_json& j, std::ostream& out) { out << j.dump(2, ' ', false) << '\n'; }

}  // namespace orgmodel::cli

namespace {

void print_help(std::ostream& out) {
  out << "orgmodel " << orgmodel::version_string
      << " — analyses of joint public organisations\n\n"
         "usage: orgmodel <command> [arguments] [--format table|json|csv] [--help]\n\n"
         "commands:\n";
  for (const auto& [name, c] : orgmodel::cli::commands()) {
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c.summary << '\n';
  }
  out << "\nA model is a JSON file (docs/model-format.md) or the id of a bundled model.\n"
         "Run `orgmodel <command> --help` for a command's arguments.\n";
}

orgmodel::cli::arguments parse(int argc, char** argv, int first) {
  std::vector<std::string> positional;
  std::map<std::string, std::string, std::less<>> options;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      auto eq = a.find('=');
      if (eq != std::string::npos) options[a.substr(2, eq - 2)] = a.substr(eq + 1);
      else if (a == "--help") options["help"] = "";
      else if (i + 1 < argc && std::string_view(argv[i + 1]).rfind("--", 0) != 0) options[a.substr(2)] = argv[++i];
      else options[a.substr(2)] = "";
    } else if (a == "-o" && i + 1 < argc) {
      options["output"] = argv[++i];  // the one short option: -o FILE for --output FILE
    } else {
      positional.push_back(std::move(a));
    }
  }
  return {std::move(positional), std::move(options)};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace orgmodel::cli;
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h" ||
      std::string_view(argv[1]) == "help") {
    print_help(std::cout);
    return argc < 2 ? 64 : 0;
  }
  if (std::string_view(argv[1]) == "--version") {
    std::cout << orgmodel::version_string << '\n';
    return 0;
  }
  auto it = commands().find(argv[1]);
  if (it == commands().end()) {
    std::cerr << "orgmodel: unknown command \"" << argv[1] << "\" (see orgmodel --help)\n";
    return 64;
  }
  const command& c = it->second;
  try {
    auto args = parse(argc, argv, 2);
    if (args.has("help")) {
      std::cout << c.usage << '\n';
      return 0;
    }
    for (const auto& [name, value] : args.options()) {
      if (name == "format") continue;
      bool known = false;
      for (const auto& o : c.options) known = known || o == name;
      if (!known) throw usage_error("unknown option --" + name + " for `orgmodel " + c.name + "`");
    }
    if (!(c.html && args.get_or("format", "") == "html")) (void)args.format();
    return c.run(args, std::cout);
  } catch (const usage_error& e) {
    std::cerr << "orgmodel " << c.name << ": " << e.what() << "\n\n" << c.usage << '\n';
    return 64;
  } catch (const orgmodel::error& e) {
    std::cerr << "orgmodel " << c.name << ": " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "orgmodel " << c.name << ": internal error: " << e.what() << '\n';
    return 70;
  }
}
