// The orgmodel program's dispatch: the command registry, argument parsing (CLI11, one parser per
// command built from its declared options) and exit codes, as a function (cli::run) so that tests
// and the fuzz target call it without a process.
#include <algorithm>
#include <charconv>
#include <iostream>
#include <span>
#include <system_error>

#include <CLI/CLI.hpp>

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
         "usage: orgmodel <command> [arguments] [-f|--format table|json|csv] [-h|--help]\n"
         "       orgmodel --version\n\n"
         "commands:\n";
  for (const auto& [name, c] : orgmodel::cli::commands()) {
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c.summary << '\n';
  }
  out << "\nA model is a JSON file (docs/model-format.md), the id of a bundled model, or - for standard input.\n"
         "Options and arguments may come in any order; `--` ends the options.\n"
         "Run `orgmodel <command> --help` for a command's arguments.\n"
         "Exit codes: 0 success, 2 bad data (an orgmodel error), 64 wrong use of the command line,\n"
         "70 internal error (docs/error-contract.md).\n";
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i == 0 ? "" : i + 1 == v.size() ? " or " : ", ") + v[i];
  return s;
}

/// Parses the arguments after the command's name with a CLI11 parser built from its declarations.
/// Returns nothing when --help was asked for (and printed).
std::optional<orgmodel::cli::arguments> parse(const orgmodel::cli::command& c, std::span<const std::string> args,
                                               std::ostream& out) {
  using orgmodel::cli::usage_error;
  CLI::App app(c.summary, "orgmodel " + c.name);
  app.set_help_flag("-h,--help", "print this help and exit");
  app.footer("\n" + c.usage);
  std::vector<std::string> positional;
  app.add_option("arguments", positional, "models, files or values, as the usage below says");
  std::vector<std::pair<orgmodel::cli::option_spec, CLI::Option*>> declared;
  std::string format;
  declared.emplace_back("format", app.add_option("-f,--format", format, "output format: " + joined(c.formats))->take_last());
  for (const auto& o : c.options) {
    std::string names = (o.short_name ? std::string("-") + o.short_name + "," : std::string()) + "--" + o.name;
    declared.emplace_back(o, o.flag ? app.add_flag(names) : app.add_option(names)->take_last());
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    throw usage_error(e.what());
  }
  std::map<std::string, std::string, std::less<>> options;
  for (const auto& [o, opt] : declared)
    if (opt->count() > 0) options[o.name] = o.flag || opt->results().empty() ? std::string() : opt->results().back();
  if (auto f = options.find("format"); f != options.end() && std::find(c.formats.begin(), c.formats.end(), f->second) == c.formats.end())
    throw usage_error("--format for `orgmodel " + c.name + "` must be " + joined(c.formats) + ", not \"" + f->second + "\"");
  return orgmodel::cli::arguments(std::move(positional), std::move(options));
}

}  // namespace

namespace orgmodel::cli {

int run(std::span<const std::string> argv, std::ostream& out, std::ostream& err) {
  const std::size_t argc = argv.size();
  if (argc < 2 || argv[1] == "--help" || argv[1] == "-h" || argv[1] == "help") {
    print_help(out);
    return argc < 2 ? 64 : 0;
  }
  if (argv[1] == "--version" || argv[1] == "-V") {
    out << "orgmodel " << orgmodel::version_string << '\n';
    return 0;
  }
  auto it = commands().find(argv[1]);
  if (it == commands().end()) {
    err << "orgmodel: unknown command \"" << argv[1] << "\" (see orgmodel --help)\n";
    return 64;
  }
  const command& c = it->second;
  try {
    const auto args = parse(c, argv.subspan(2), out);
    if (!args) return 0;
    return c.run(*args, out);
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
