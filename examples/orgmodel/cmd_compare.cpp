// orgmodel compare [county]: the seven organisation models applied to one county, side by side.
#include <sstream>

#include "cli.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/report/compare_section.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/present/compare.hpp"
#include "orgmodel/present/sba_overlap.hpp"

namespace cmd_compare {  // named, not anonymous: the commands share unity batches

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() > 1) throw cli::usage_error("at most one county");
  const std::string county = args.positional().empty() ? "Västmanlands län" : args.positional()[0];
  std::vector<std::string> exclude;
  if (auto e = args.get("exclude")) {
    std::stringstream ss(*e);
    for (std::string item; std::getline(ss, item, ',');)
      if (!item.empty()) exclude.push_back(item);
  }
  const auto in = scenario::template_input::from_county(county, exclude);
  const auto c = scenario::compare_templates(in);
  const auto sba = scenario::sba_overlap(c, data::load_bundled_model("stockholm-business-alliance"));
  const auto f = args.format();
  if (f == cli::output_format::json) {
    auto j = scenario::to_json(c);
    if (scenario::has_named_members(sba)) j["sba_overlap"] = scenario::to_json(sba);
    j["study_findings"] = study_findings_json();
    cli::print_json(j, out);
    return 0;
  }
  if (f != cli::output_format::table) {
    cli::print_table(scenario::to_table(c, true), f, out);
    return 0;
  }
  out << in.county_name << ": " << in.municipalities.size() << " municipalities, "
      << group_thousands(in.member_population()) << " inhabitants, " << in.region_name << "\n"
      << "Population: " << data::population_source << "\n\n";
  scenario::print_text(c, out);
  out << "\n" << scenario::funding_note << "\n\n";
  if (scenario::has_named_members(sba)) {
    scenario::print_text(sba, out);
    out << "\n";
  }
  print_study_findings(out);
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "compare",
    "the seven organisation models (1A–4A) applied to one county, side by side",
    "usage: orgmodel compare [county] [--exclude A,B] [--format table|json|csv]\n\n"
    "Applies the templates of the seven organisation models of the benchmark study to a county\n"
    "(default: Västmanlands län, its municipalities and region, SCB 2023) and prints members,\n"
    "population, bodies by layer, seats, staff and funding per year side by side.\n"
    "  county       a county name or code: \"Örebro län\", \"18\"\n"
    "  --exclude    municipalities to leave out, comma-separated (e.g. --exclude Kiruna)",
    {"exclude"},
    run,
});

}  // namespace
