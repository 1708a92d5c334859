// orgmodel paths: decision paths and decision latency (include/orgmodel/analysis/decision_paths.hpp).
#include <string>
#include <vector>

#include "cli.hpp"
#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/present/decision_paths.hpp"

namespace cmd_paths {  // named, not anonymous: the commands share unity batches

using namespace orgmodel;

int run(const cli::arguments& args, std::ostream& out) {
  if (args.positional().size() != 1) throw cli::usage_error("expected one model (a file or a bundled model id)");
  const model m = cli::load_model(args.positional()[0]);
  std::vector<decision_class> classes;
  if (auto c = args.get("class")) {
    auto found = m.find_decision_class(*c);
    if (!found) {
      std::string known;
      for (const auto& n : m.decision_class_names()) known += (known.empty() ? "" : ", ") + n;
      throw cli::usage_error("no decision class \"" + *c + "\" in model \"" + m.info().id + "\" (known: " + known + ")");
    }
    classes.push_back(*found);
  } else {
    for (std::size_t i = 0; i < m.decision_class_names().size(); ++i) classes.push_back(static_cast<decision_class>(i));
  }
  decision_path_options opt;
  opt.max_paths = static_cast<std::size_t>(cli::count_option(args, "limit", opt.max_paths, 1, SIZE_MAX));
  const layer_graph g(m, relation_layer::escalation);
  const auto format = args.format();
  if (auto from = args.get("from")) {
    const auto b = m.body_at(*from);
    nlohmann::ordered_json j;
    j["model"] = m.info().id;
    j["results"] = nlohmann::ordered_json::array();
    std::optional<text_table> table;
    for (auto c : classes) {
      const auto r = decision_paths(g, b, c, opt);
      if (format == cli::output_format::json) {
        j["results"].push_back(to_json(m, r));
        continue;
      }
      auto t = to_table(m, r);
      if (!table) table.emplace(std::move(t));
      else
        for (const auto& row : t.rows()) table->row(row);
    }
    if (format == cli::output_format::json) cli::print_json(j, out);
    else cli::print_table(*table, format, out);
    return 0;
  }
  nlohmann::ordered_json j;
  j["model"] = m.info().id;
  j["classes"] = nlohmann::ordered_json::array();
  auto table = latency_table_header();
  for (auto c : classes) {
    const auto t = decision_latency_all(g, c, opt.latency);
    if (format == cli::output_format::json) j["classes"].push_back(to_json(m, t));
    else append_rows(m, t, table);
  }
  if (format == cli::output_format::json) cli::print_json(j, out);
  else cli::print_table(table, format, out);
  return 0;
}

const bool registered = cli::register_command({
    .name = "paths",
    .summary = "decision paths and decision latency (days) per decision class",
    .usage = "usage: orgmodel paths <model> [--class <name>] [--from <body-id>] [--limit N] [--format table|json|csv]\n\n"
             "Without --from: for every body, the least expected days until a matter of the class is decided,\n"
             "the worst case along that path, the next body and the deciding body (all classes unless --class).\n"
             "With --from: every escalation path of a matter raised at that body, fastest first (at most --limit,\n"
             "default 64), with expected, worst, median and 90th-percentile days, whether a political body is\n"
             "on it and who can sign the agreement. Waits: 365/(2f) expected, 365/f worst for f meetings a\n"
             "year; unknown cadences use defaults by body kind, flagged \"assumed cadence\" (docs/decision-paths.md).",
    .options = {"class", "from", "limit"},
    .run = run,
});

}  // namespace
