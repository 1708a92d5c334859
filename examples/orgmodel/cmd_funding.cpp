// orgmodel funding: a model's funding flows for a year, budget checks, tracing, fair shares.
#include "cli.hpp"
#include "orgmodel/present/funding.hpp"
#include "orgmodel/report/funding_section.hpp"

namespace cmd_funding {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 1) throw cli::usage_error("funding needs exactly one model file or bundled model id");
  const int year = cli::year_option(args, 2024);
  // CSV holds one table (docs/output-format.md): without --view it is the flows.
  const auto view = args.get_or("view", args.format() == cli::output_format::csv ? "flows" : "all");
  if (view != "all" && view != "flows" && view != "budget" && view != "trace" && view != "compare")
    throw cli::usage_error("--view must be all, flows, budget, trace or compare, not \"" + view + "\"");
  if (view == "all" && args.format() == cli::output_format::csv)
    throw cli::usage_error("CSV holds one table: choose it with --view flows|budget|trace|compare (flows when none is given)");
  funding_options fo;
  const auto mode = args.get_or("share-mode", "per_year");
  if (mode == "whole_period") fo.share_mode = share_of_total_mode::whole_period;
  else if (mode != "per_year") throw cli::usage_error("--share-mode must be per_year or whole_period, not \"" + mode + "\"");
  contribution_options co{.funding = fo};
  const auto rule = args.get_or("rule", "population");
  if (rule == "equal") co.rule = fair_share_rule::equal;
  else if (rule != "population") throw cli::usage_error("--rule must be population or equal, not \"" + rule + "\"");

  const model m = cli::load_model(args.positional()[0]);
  const auto ev = evaluate_funding(m, year, fo);
  const auto budgets = check_budgets(m, year, fo);
  const auto trace = trace_funding(m, ev);
  const auto compare = compare_contributions(m, year, co);
  if (args.format() == cli::output_format::json) {
    nlohmann::ordered_json j;
    j["model"] = m.info().id;
    j["year"] = year;
    if (view == "all" || view == "flows") {
      j["funding"] = to_json(m, ev);
      auto& t = j["per_inhabitant_totals"] = nlohmann::ordered_json::array();
      for (const auto& x : per_inhabitant_totals(m)) t.push_back(to_json(m, x));
    }
    if (view == "all" || view == "budget") {
      auto& b = j["budget_checks"] = nlohmann::ordered_json::array();
      for (const auto& c : budgets) b.push_back(to_json(m, c));
    }
    if (view == "all" || view == "trace") j["trace"] = to_json(m, trace);
    if (view == "all" || view == "compare") {
      auto& c = j["contributions"] = nlohmann::ordered_json::array();
      for (const auto& x : compare) c.push_back(to_json(m, x));
    }
    cli::print_json(j, out);
    return 0;
  }
  const bool text = args.format() == cli::output_format::table;
  if (text) out << m.info().name << " (" << m.info().id << "), funding " << year << "\n";
  if (view == "all" || view == "flows") {
    if (text) out << "\nflows:\n";
    cli::print_table(flows_table(m, ev), args.format(), out);
    if (text) {
      const auto tot = ev.total();
      out << "total " << format_amount(tot.known) << " SEK"
          << (tot.exact() ? "" : " + " + std::to_string(tot.unknown) + " unknown flow(s)") << '\n';
      for (const auto& x : per_inhabitant_totals(m)) out << "financed per inhabitant: " << per_inhabitant_total_text(m, x) << '\n';
      for (const auto& r : ev.requirements)
        out << "requirement: " << m[r.payer].id << " must show at least " << format_amount(r.minimum)
            << " SEK of own costs (" << m[r.rule].id << ")\n";
    }
  }
  if (view == "all" || view == "budget") {
    if (text) out << "\nbudget checks:\n";
    cli::print_table(budget_table(m, budgets), args.format(), out);
  }
  if (view == "all" || view == "trace") {
    if (text) out << "\nwho finances what (share of each activity's money by original source):\n";
    cli::print_table(trace_table(m, trace), args.format(), out);
    if (text)
      for (const auto& c : trace.graph.cycles) {
        out << "cycle:";
        for (auto v : c) out << ' ' << m.organisations()[v].id;
        out << '\n';
      }
  }
  if (view == "all" || view == "compare") {
    if (text) out << "\nactual contributions against a " << rule << " fair share (municipal payers):\n";
    cli::print_table(contribution_table(m, compare), args.format(), out);
  }
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "funding",
    "evaluate funding rules for a year: flows, budget gaps, who finances what, fair shares",
    "usage: orgmodel funding <model> [--year Y] [--view all|flows|budget|trace|compare]\n"
    "                        [--share-mode per_year|whole_period] [--rule population|equal]\n"
    "                        [--format table|json|csv]\n\n"
    "Evaluates every funding rule in force in year Y (default 2024, the study's year) into exact\n"
    "flows with their inputs (rate × population and its year, matched sums, shares of totals) and\n"
    "flags (unknown population, estimated/assumed, capped); checks each organisation's income\n"
    "against its stated budget (gap and the per-inhabitant rate that would close it); traces each\n"
    "activity's money back to its original sources; and compares each municipal payer's actual\n"
    "contribution with a fair share of the same total. CSV holds one table: --view flows (the\n"
    "default for CSV), budget, trace or compare; `orgmodel allocate` reads the flows and compare CSV.",
    {"year", "view", "share-mode", "rule"},
    run,
});

}  // namespace
