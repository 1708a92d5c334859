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

/// A command line after the command name: positional arguments and --name[=value] options.
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
  /// Options the command has not asked about are reported as errors by the dispatcher.
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& options() const noexcept { return options_; }

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> options_;
};

/// Wrong use of the command line (exit code 64, like sysexits' EX_USAGE).
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One subcommand.
struct command {
  std::string name;
  std::string summary;  ///< one line for `orgmodel --help`
  std::string usage;    ///< the text of `orgmodel <name> --help`
  std::vector<std::string> options;  ///< the --options it accepts (besides --format and --help)
  std::function<int(const arguments&, std::ostream&)> run;
  bool html = false;  ///< accepts --format html (checked by the command itself, not by format())
};

/// Runs the program on `argv` (argv[0] is the program's name): prints to `out` and `err` and
/// returns the exit code — 0 success, 2 an orgmodel::error, 64 usage, 70 any other exception.
int run(std::span<const std::string> argv, std::ostream& out, std::ostream& err);

/// The four-digit --year option (1000…9999, as the model format), `fallback` when absent.
/// @throws usage_error naming the bad text.
int year_option(const arguments& args, int fallback);
/// A whole-number option in [lo, hi], `fallback` when absent. @throws usage_error
std::uint64_t count_option(const arguments& args, std::string_view name, std::uint64_t fallback,
                           std::uint64_t lo = 0, std::uint64_t hi = UINT64_MAX);

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
