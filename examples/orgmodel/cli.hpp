#pragma once
// The orgmodel program's frame: argument parsing, the command registry and output helpers.
// Commands live one per file (cmd_*.cpp) and register themselves; each only parses its
// arguments, calls the library and prints.

#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/present/table.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel::cli {

/// How a command prints its result.
enum class output_format { table, json, csv };

/// A command line after the command name, as parsed (by CLI11, in dispatch.cpp): positional
/// arguments and the options given, by long name ("" for a flag).
class arguments {
 public:
  arguments(std::vector<std::string> positional, std::map<std::string, std::string, std::less<>> options)
      : positional_(std::move(positional)), options_(std::move(options)) {}
  [[nodiscard]] const std::vector<std::string>& positional() const noexcept { return positional_; }
  [[nodiscard]] bool has(std::string_view name) const { return options_.find(name) != options_.end(); }
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const {
    auto it = options_.find(name);
    return it == options_.end() ? std::nullopt : std::optional(it->second);
  }
  [[nodiscard]] std::string get_or(std::string_view name, std::string fallback) const {
    return get(name).value_or(std::move(fallback));
  }
  [[nodiscard]] output_format format() const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> options_;
};

/// Wrong use of the command line (exit code 64, like sysexits' EX_USAGE).
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An option a command accepts: `--name VALUE` (or `--name=VALUE`), or a flag `--name` without a
/// value; `short_name` adds `-c` (e.g. -o for --output). Every command also takes -f/--format and -h/--help.
struct option_spec {
  std::string name;
  char short_name = 0;
  bool flag = false;
  option_spec(const char* n, char s = 0) : name(n), short_name(s) {}  // NOLINT: implicit, for {"a", "b"} lists
};
/// A flag: an option without a value (`--per-seat`).
inline option_spec flag(const char* name) {
  option_spec o(name);
  o.flag = true;
  return o;
}

/// One subcommand.
struct command {
  std::string name;
  std::string summary;  ///< one line for `orgmodel --help`
  std::string usage;    ///< the text of `orgmodel <name> --help`, after the generated option list
  std::vector<option_spec> options;  ///< the options it accepts (besides --format and --help)
  std::function<int(const arguments&, std::ostream&)> run;
  /// The values --format accepts; any other is refused before the command runs (exit 64).
  std::vector<std::string> formats = {"table", "json", "csv"};
};

/// Runs the program on `argv` (argv[0] is the program's name): prints to `out` and `err` and
/// returns the exit code (docs/error-contract.md) — 0 success, 2 an orgmodel::error (bad data),
/// 64 usage, 70 any other exception (a bug).
int run(std::span<const std::string> argv, std::ostream& out, std::ostream& err);

/// The four-digit --year option (1000…9999, as the model format), `fallback` when absent.
/// @throws usage_error naming the bad text.
int year_option(const arguments& args, int fallback);
/// A whole-number option in [lo, hi], `fallback` when absent. @throws usage_error
std::uint64_t count_option(const arguments& args, std::string_view name, std::uint64_t fallback,
                           std::uint64_t lo = 0, std::uint64_t hi = UINT64_MAX);

/// Progress of long work on standard error: on a terminal, one line rewritten in place (`\r`) with
/// the rate and the time left; otherwise nothing until `finish`, which prints one summary line
/// (also on a terminal). Time runs from construction, so the summary covers the whole job.
class progress_reporter {
 public:
  /// `what` starts every line ("synth"); `quiet` prints nothing at all.
  progress_reporter(std::string what, bool quiet);
  progress_reporter(std::string what, bool quiet, bool terminal);  ///< `terminal` as given (tests)
  /// `done` of `total` units of `phase` (e.g. "municipalities").
  void update(std::string_view phase, std::uint64_t done, std::uint64_t total);
  /// A step without a count ("writing model.json"): its own line on a terminal, else nothing.
  void step(std::string_view text);
  /// Ends the progress line and prints "<what>: <summary> in S s"; returns the seconds since construction.
  double finish(std::string_view summary);
  [[nodiscard]] double seconds() const;

 private:
  std::string what_, phase_;
  bool quiet_, terminal_, open_line_ = false;
  std::int64_t start_ns_, phase_start_ns_, last_ns_ = 0;
};

/// Registers a command; call from a namespace-scope initialiser in the command's file.
bool register_command(command c);
/// The registered commands, by name.
const std::map<std::string, command>& commands();

/// A model named on the command line: a file path, or the id of a bundled model.
model load_model(const std::string& file_or_name);

/// Prints a table as text or CSV; JSON output is the command's own.
void print_table(const text_table& t, output_format f, std::ostream& out);
/// Prints one JSON document with two-space indent and a trailing newline.
void print_json(const nlohmann::ordered_json& j, std::ostream& out);

}  // namespace orgmodel::cli
