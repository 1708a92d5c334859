// orgmodel report: the report on the bundled benchmark, or on one model.
#include "cli.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/benchmark_report.hpp"

namespace {

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  std::vector<model> models;
  if (args.positional().empty()) models = data::load_benchmark();
  else
    for (const auto& a : args.positional()) models.push_back(cli::load_model(a));
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
    "usage: orgmodel report [<model>...] [--format table|json|csv]\n\n"
    "Without a model: the report on the bundled benchmark (the nine organisations of the Swedish\n"
    "study, the counties without an organisation and Business Sweden's partnership). With models\n"
    "(JSON files or bundled ids): the report on those. For every organisation: category, host and\n"
    "owners, members with their population (SCB, 31 Dec 2023), governance layers with seats and\n"
    "cadence, funding rules per year with their basis, team size, and the gaps in what is known;\n"
    "then the analyses' sections. Text by default; --format json prints one JSON document;\n"
    "--format csv prints the overview table.",
    {},
    run,
});

}  // namespace
