// orgmodel coverage: which stakeholders sit at an organisation's tables, directly or through a
// representative; mismatches; minimum cover; and the national view over several models.
#include <sstream>

#include "cli.hpp"
#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/coverage_mismatches.hpp"
#include "orgmodel/analysis/national_view.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/present/coverage.hpp"

namespace cmd_coverage {  // named, not anonymous: the commands share unity batches

using namespace orgmodel;

int run_national(const cli::arguments& args, std::ostream& out) {
  std::vector<std::string> files = args.positional();
  if (auto v = args.get("national"); v && !v->empty()) files.insert(files.begin(), *v);
  std::vector<model> models;
  if (files.empty()) models = data::load_benchmark();
  else
    for (const auto& f : files) models.push_back(cli::load_model(f));
  const auto v = national_view(models);
  const auto part = args.get_or("part", args.format() == cli::output_format::csv ? "municipalities" : "all");
  if (part != "all" && part != "municipalities" && part != "counties")
    throw cli::usage_error("--part for --national must be all, municipalities or counties, not \"" + part + "\"");
  if (args.format() == cli::output_format::json) {
    cli::print_json(to_json(v), out);
    return 0;
  }
  if (args.format() == cli::output_format::csv) {
    if (part == "all") throw cli::usage_error("CSV holds one table: choose --part municipalities or counties");
    cli::print_table(part == "counties" ? national_counties_table(v) : national_municipalities_table(v), args.format(), out);
    return 0;
  }
  out << "National view of " << models.size() << " models (" << data::population_source << ")\n\n";
  text_table cls({"class", "municipalities", "population"}, {text_table::align::left, text_table::align::right, text_table::align::right});
  for (std::size_t c = 0; c < 3; ++c)
    cls.row({std::string(to_string(static_cast<service_class>(c))), std::to_string(v.classes[c].municipalities),
             group_thousands(v.classes[c].population)});
  cls.print(out);
  out << "\ncounties without an organisation" << (v.declared ? " (as the source states):" : " among these models:");
  for (auto c : v.counties_without_organisation) out << ' ' << data::county(c).name << " (" << c << ")";
  if (!v.counties_not_modelled.empty()) {
    out << "\ncounties that have an organisation, not modelled here:";
    for (auto c : v.counties_not_modelled) out << ' ' << data::county(c).name << " (" << c << ")";
  }
  out << "\n";
  if (part == "all" || part == "counties") {
    out << "\ncounties:\n";
    national_counties_table(v).print(out);
  }
  if (part == "all" || part == "municipalities") {
    out << "\nmunicipalities:\n";
    national_municipalities_table(v).print(out);
  }
  if (!v.unknown_groups.empty()) {
    out << "\nmembers no source names (not placed on the map):\n";
    for (const auto& u : v.unknown_groups)
      out << "  " << u.model_id << ": " << u.name << " (" << u.organisation_id << ")"
          << (u.member_count ? ", a group of " + std::to_string(*u.member_count) : std::string()) << "\n";
  }
  for (const auto& u : v.unmatched) out << "warning: " << u << " matches no SCB municipality\n";
  return 0;
}

int run(const cli::arguments& args, std::ostream& out) {
  if (args.has("national")) return run_national(args, out);
  if (args.positional().size() != 1) throw cli::usage_error("coverage needs exactly one model file or bundled model id (or --national)");
  const model m = cli::load_model(args.positional()[0]);
  coverage_options opt;
  if (auto o = args.get("organisation")) opt.subject = m.organisation_at(*o);
  if (auto s = args.get("stakeholders")) parse_stakeholders(m, *s, opt);
  if (auto s = args.get("scope")) {
    auto k = parse_enum<governance_scope>(*s);
    if (!k) throw cli::usage_error("--scope must be own, escalation or ancestors, not \"" + *s + "\"");
    opt.scope = *k;
  }
  const auto part = args.get_or("part", args.format() == cli::output_format::csv ? "stakeholders" : "all");
  if (part != "all" && part != "layers" && part != "stakeholders" && part != "mismatches" && part != "cover")
    throw cli::usage_error("--part must be all, layers, stakeholders, mismatches or cover, not \"" + part + "\"");
  const auto r = coverage(m, opt);
  mismatch_options mo;
  mo.year = cli::year_option(args, mo.year);
  const auto mm = mismatches(m, r, mo);
  const auto cov = minimum_cover(m, r);
  if (args.format() == cli::output_format::json) {
    auto j = to_json(m, r);
    j["mismatches"] = to_json(m, mm);
    j["minimum_cover"] = to_json(m, cov);
    cli::print_json(j, out);
    return 0;
  }
  if (args.format() == cli::output_format::csv) {
    if (part == "layers") cli::print_table(coverage_layers_table(r), args.format(), out);
    else if (part == "stakeholders" || part == "all") cli::print_table(coverage_stakeholders_table(m, r), args.format(), out);
    else throw cli::usage_error("CSV holds one table: --part layers or stakeholders");
    return 0;
  }
  out << m.info().name << ": coverage of " << m[r.subject].name << " (" << to_string(r.source) << ", scope "
      << to_string(r.scope) << ")\n";
  if (part == "all" || part == "layers") {
    out << "\nlayers:\n";
    coverage_layers_table(r).print(out);
    for (const auto& g : r.delegates) {
      out << "represented on " << m[g.body].id << " through";
      for (auto x : g.representatives) out << ' ' << m[x].id;
      out << (g.via.empty() ? "" : " (chosen by " + g.via + ")") << ": " << g.represented.size() << " stakeholders, "
          << group_thousands(g.population) << " inhabitants\n";
    }
  }
  if (part == "all" || part == "stakeholders") {
    out << "\nstakeholders:\n";
    coverage_stakeholders_table(m, r).print(out);
  }
  if (part == "all" || part == "mismatches") {
    auto list = [&](const char* what, const std::vector<organisation_index>& v) {
      out << "  " << what << ": ";
      if (v.empty()) out << "none";
      for (std::size_t i = 0; i < v.size(); ++i) out << (i ? ", " : "") << m[v[i]].id;
      out << '\n';
    };
    out << "\nmismatches:\n";
    list("funders without a seat", mm.funders_without_seat);
    list("seats without funding", mm.seats_without_funding);
    list("stakeholders without a vote", mm.members_without_vote);
    list("  of which represented", mm.members_without_vote_represented);
    std::ostringstream idx;
    idx.precision(3);
    idx << mm.vote_population_index << " (seats " << mm.seat_population_index << ")";
    out << "  votes against population (Loosemore–Hanby, 0 = proportional): " << idx.str() << '\n';
    std::ostringstream money_idx;
    money_idx.precision(3);
    money_idx << mm.vote_money_index << " (population against money " << mm.population_money_index << ")";
    out << "  votes against money paid in " << mm.year << " (" << format_amount(mm.paid_by_stakeholders)
        << " SEK by the stakeholders): " << money_idx.str() << '\n';
    out << "  money: " << mm.money_status << '\n';
  }
  if (part == "all" || part == "cover") {
    out << "\nminimum cover (decision bodies): " << cov.bodies.size() << " bod" << (cov.bodies.size() == 1 ? "y" : "ies");
    for (auto b : cov.bodies) out << ' ' << m[b].id;
    out << (cov.search.method == cover_method::exact ? " (exact)" : " (greedy, within " + format_number(cov.search.approximation_bound) + " × optimum)");
    if (!cov.unreachable.empty()) out << "; " << cov.unreachable.size() << " stakeholders on no decision body";
    out << '\n';
  }
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "coverage",
    "which stakeholders sit on an organisation's bodies; mismatches; national view",
    "usage: orgmodel coverage <model> [--stakeholders members|funders|served|municipalities|ID,ID…]\n"
    "                         [--organisation ID] [--scope own|escalation|ancestors] [--year 2024]\n"
    "                         [--part all|layers|stakeholders|mismatches|cover] [--format table|json|csv]\n"
    "       orgmodel coverage --national [model …] [--part all|municipalities|counties] [--format …]\n\n"
    "For an organisation (default: the one the model is about) and a stakeholder set (default: its\n"
    "members), counts who holds a seat on its political, executive, operative and owner bodies —\n"
    "directly or through a representative (with the chain) — by number and population; lists funders\n"
    "without a seat, seats without funding, stakeholders without a vote, the balance of votes against\n"
    "population, and the fewest decision bodies that reach every stakeholder. --national maps every\n"
    "Swedish municipality (SCB 2023) to the organisations of the given models (default: the bundled\n"
    "benchmark) that serve it. See docs/coverage.md.",
    {"stakeholders", "organisation", "scope", "part", orgmodel::cli::flag("national"), "year"},
    run,
});

}  // namespace
