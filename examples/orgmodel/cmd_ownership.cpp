// orgmodel ownership: direct holdings, ultimate owners above a threshold, control, BODS export.
#include <cstdlib>

#include "cli.hpp"
#include "orgmodel/present/control.hpp"
#include "orgmodel/present/ownership.hpp"
#include "orgmodel/io/bods.hpp"

namespace cmd_ownership {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 1) throw cli::usage_error("ownership needs exactly one model file or bundled model id");
  ownership_options opt;
  const auto t = args.get_or("threshold", "0.25");
  auto th = share::parse(t);
  if (!th || share::one() < *th || *th < share::zero()) throw cli::usage_error("--threshold must be a share in [0, 1] (\"0.25\", \"25%\"), not \"" + t + "\"");
  opt.threshold = th->value();
  const auto measure = args.get_or("measure", "equity");
  if (auto mm = parse_enum<ownership_measure>(measure)) opt.measure = *mm;
  else throw cli::usage_error("--measure must be equity or votes, not \"" + measure + "\"");
  const auto part = args.get_or("part", "all");
  if (part != "all" && part != "direct" && part != "ultimate" && part != "control" && part != "bods")
    throw cli::usage_error("--part must be all, direct, ultimate, control or bods, not \"" + part + "\"");
  if (part == "all" && args.format() == cli::output_format::csv)
    throw cli::usage_error("CSV holds one table: choose it with --part direct|ultimate|control");
  const model m = cli::load_model(args.positional()[0]);
  if (part == "bods") {
    if (args.has("format") && args.format() != cli::output_format::json)
      throw cli::usage_error("--part bods writes JSON (BODS statements) only: --format json, or no --format");
    bods_options bo;
    bo.publication_date = args.get_or("publication-date", "");
    bo.statement_date = args.get_or("statement-date", "");
    bo.publisher = args.get_or("publisher", bo.publisher);
    bo.publisher_url = args.get_or("publisher-url", "");
    cli::print_json(to_bods(m, bo), out);
    return 0;
  }
  const auto a = analyse_ownership(m, opt);
  const auto c = analyse_control(m);
  if (args.format() == cli::output_format::json) {
    nlohmann::ordered_json j{{"model", m.info().id}};
    if (part == "all" || part == "direct") j["direct"] = to_json(a.direct);
    if (part == "all" || part == "ultimate") {
      auto u = to_json(a);
      j["ultimate"] = u["ultimate"];
      j["closed_groups"] = u["closed_groups"];
      j["bounds"] = u["bounds"];
    }
    if (part == "all" || part == "control") j["control"] = to_json(c);
    cli::print_json(j, out);
    return 0;
  }
  const bool text = args.format() == cli::output_format::table;
  if (text) out << m.info().name << " (" << m.info().id << ")\n";
  if (part == "all" || part == "direct") {
    if (text) out << "\ndirect ownership (" << to_string(opt.measure) << " and votes):\n";
    cli::print_table(to_table(a.direct, &m), args.format(), out);
  }
  if (part == "all" || part == "ultimate") {
    if (text) out << "\nultimate owners at or above " << format_percent(opt.threshold) << " (" << to_string(opt.measure) << "):\n";
    cli::print_table(to_table(a), args.format(), out);
    if (text && !a.closed_groups.empty()) {
      out << "\ncompanies that own themselves (no outside owner):\n";
      for (const auto& g : a.closed_groups) {
        for (std::size_t i = 0; i < g.size(); ++i) out << (i ? ", " : "  ") << g[i];
        out << '\n';
      }
    }
  }
  if (part == "all" || part == "control") {
    if (text) out << "\nmajority control (more than 50 % of the votes, through controlled companies):\n";
    cli::print_table(to_table(c), args.format(), out);
  }
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "ownership",
    "direct and ultimate owners, control chains, BODS 0.4 export",
    "usage: orgmodel ownership <model> [--threshold 0.25] [--measure equity|votes]\n"
    "                          [--part all|direct|ultimate|control|bods] [--format table|json|csv]\n"
    "                          [--statement-date D] [--publication-date D] [--publisher NAME] [--publisher-url URL]\n\n"
    "Direct owners of every owned organisation with exact totals and unallocated remainders; the\n"
    "ultimate (Leontief) owners at or above the threshold (25 % by default), each with the chains\n"
    "that carry its share; majority control (least fixpoint) with the controlling chain. Shares\n"
    "known only as ranges are carried as [low, high] bounds. --part bods prints the ownership as\n"
    "Beneficial Ownership Data Standard 0.4 statements: dates are YYYY-MM-DD or RFC 3339 date-times,\n"
    "the publication date defaults to today (UTC), the statement date to the publication date, the\n"
    "publisher to \"orgmodel\"; statement ids are name-based UUIDs of model, record and statement date.\n"
    "The model may also be a BODS file (a JSON array of statements, e.g. register.bods.json).",
    {"threshold", "measure", "part", "statement-date", "publication-date", "publisher", "publisher-url"},
    run,
});

}  // namespace
