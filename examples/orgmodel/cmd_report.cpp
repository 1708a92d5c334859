// orgmodel report: the report on the bundled benchmark, or on one model.
#include "cli.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/render/html_report.hpp"
#include "orgmodel/report/benchmark_report.hpp"

#include <fstream>
#include <iostream>

namespace cmd_report {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  std::vector<model> models;
  if (args.positional().empty()) models = data::load_benchmark();
  else
    for (const auto& a : args.positional()) models.push_back(cli::load_model(a));
  if (args.get_or("format", "") == "html") {
    const auto page = html_report(models);
    const auto path = args.get_or("output", "");
    if (path.empty() || path == "-") {
      out << page;
      return 0;
    }
    std::ofstream f(path, std::ios::binary);
    if (!(f << page) || !f.flush()) {
      std::cerr << "orgmodel report: cannot write \"" << path << "\"\n";
      return 74;  // EX_IOERR
    }
    out << "wrote " << path << " (" << page.size() << " bytes)\n";
    return 0;
  }
  if (args.has("output")) throw cli::usage_error("-o/--output is for --format html");
  switch (args.format()) {
    case cli::output_format::json: cli::print_json(to_json(make_report(models)), out); break;
    case cli::output_format::csv: cli::print_table(overview_table(models), cli::output_format::csv, out); break;
    case cli::output_format::table: out << to_text(make_report(models)); break;
  }
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "report",
    "the report on the bundled benchmark (default) or on the models given",
    "usage: orgmodel report [<model>...] [--format table|json|csv|html] [-o <file>]\n\n"
    "Without a model: the report on the bundled benchmark (the nine organisations of the Swedish\n"
    "study, the counties without an organisation and Business Sweden's partnership). With models\n"
    "(JSON files or bundled ids): the report on those. For every organisation: category, host and\n"
    "owners, members with their population (SCB, 31 Dec 2023), governance layers with seats and\n"
    "cadence, funding rules per year with their basis, team size, and the gaps in what is known;\n"
    "then the analyses' sections. Text by default; --format json prints one JSON document;\n"
    "--format csv prints the overview table; --format html writes one self-contained page (inline\n"
    "SVG org charts, decision timelines, funding flows, the national picture; no script, no network)\n"
    "to the file given with -o (or to standard output).",
    {{"output", 'o'}},
    run,
    {"table", "json", "csv", "html"},
});

}  // namespace
