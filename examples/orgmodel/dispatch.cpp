// The orgmodel program's dispatch: the command registry, argument parsing and exit codes, as a
// function (cli::run) so that tests and the fuzz target call it without a process.
#include <charconv>
#include <iostream>
#include <span>
#include <system_error>

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

int year_option(const arguments& args, int fallback) {
  const auto text = args.get("year");
  if (!text) return fallback;
  return static_cast<int>(count_option(args, "year", 0, 1000, 9999));
}

std::uint64_t count_option(const arguments& args, std::string_view name, std::uint64_t fallback, std::uint64_t lo,
                           std::uint64_t hi) {
  const auto text = args.get(name);
  if (!text) return fallback;
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc{} || p != text->data() + text->size() || v < lo || v > hi)
    throw usage_error("--" + std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi) + ", not \"" + *text + "\"");
  return v;
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

orgmodel::cli::arguments parse(std::span<const std::string> argv, std::size_t first) {
  const std::size_t argc = argv.size();
  std::vector<std::string> positional;
  std::map<std::string, std::string, std::less<>> options;
  for (std::size_t i = first; i < argc; ++i) {
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

namespace orgmodel::cli {

int run(std::span<const std::string> argv, std::ostream& out, std::ostream& err) {
  const std::size_t argc = argv.size();
  if (argc < 2 || argv[1] == "--help" || argv[1] == "-h" || argv[1] == "help") {
    print_help(out);
    return argc < 2 ? 64 : 0;
  }
  if (argv[1] == "--version") {
    out << orgmodel::version_string << '\n';
    return 0;
  }
  auto it = commands().find(argv[1]);
  if (it == commands().end()) {
    err << "orgmodel: unknown command \"" << argv[1] << "\" (see orgmodel --help)\n";
    return 64;
  }
  const command& c = it->second;
  try {
    auto args = parse(argv, 2);
    if (args.has("help")) {
      out << c.usage << '\n';
      return 0;
    }
    for (const auto& [name, value] : args.options()) {
      if (name == "format") continue;
      bool known = false;
      for (const auto& o : c.options) known = known || o == name;
      if (!known) throw usage_error("unknown option --" + name + " for `orgmodel " + c.name + "`");
    }
    if (!(c.html && args.get_or("format", "") == "html")) (void)args.format();
    return c.run(args, out);
  } catch (const usage_error& e) {
    err << "orgmodel " << c.name << ": " << e.what() << "\n\n" << c.usage << '\n';
    return 64;
  } catch (const orgmodel::error& e) {
    err << "orgmodel " << c.name << ": " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    err << "orgmodel " << c.name << ": internal error: " << e.what() << '\n';
    return 70;
  }
}

}  // namespace orgmodel::cli
