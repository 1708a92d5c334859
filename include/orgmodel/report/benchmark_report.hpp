#pragma once
/// @file
/// @brief The report on a set of models — by default the bundled benchmark of the Swedish study:
/// an overview table, then one profile per model (category, host and owners, members with their
/// SCB population, governance layers with seats and cadence, funding rules per year with their
/// basis, stated budgets, team size, gaps in what is known), then the analyses' sections.
///
/// @code
/// auto models = orgmodel::data::load_benchmark();
/// orgmodel::report r = orgmodel::make_report(models);
/// std::cout << orgmodel::to_text(r);            // or to_json(r).dump(2)
/// @endcode
///
/// Adding an analysis section: write `report_section <analysis>_section(std::span<const model>)`
/// in `include/orgmodel/report/<analysis>_section.hpp`, include it below and add one
/// `append(r, <analysis>_section(models));` line in make_report(), after the existing ones.

#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "orgmodel/data/population.hpp"
#include "orgmodel/present/model_tables.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/report/organisation_profile.hpp"
#include "orgmodel/report/paths_section.hpp"
#include "orgmodel/report/ownership_section.hpp"
#include "orgmodel/report/report_section.hpp"
#include "orgmodel/report/funding_section.hpp"
#include "orgmodel/report/compare_section.hpp"
#include "orgmodel/report/coverage_section.hpp"

namespace orgmodel {

/// @brief One row per model: its organisation, category, host, owners, members, population, team,
/// bodies and the number of gaps — the comparison at a glance.
inline text_table overview_table(std::span<const model> models) {
  using a = text_table::align;
  text_table t({"model", "organisation", "category", "host", "owners", "members", "population", "team", "bodies", "gaps",
                "signs agreements"},
               {a::left, a::left, a::left, a::left, a::right, a::right, a::right, a::right, a::right, a::right, a::left});
  for (const auto& m : models) {
    const auto mp = profile_model(m);
    std::size_t gaps = 0;
    for (const auto& g : mp.gaps) gaps += g.elements.size();
    if (mp.organisations.empty()) {
      std::int64_t munis = 0;
      std::optional<std::int64_t> pop = 0;  // unknown when any region's is
      for (const auto& e : mp.territory) {
        munis += e.municipalities;
        pop = pop && e.population ? std::optional<std::int64_t>(*pop + *e.population) : std::nullopt;
      }
      const table_cell none = integer_cell(std::optional<std::int64_t>{});  // no organisation: no owners, no team (null)
      // Not members of anything: the municipalities of the counties, and their inhabitants.
      t.row({mp.model_id, "(no organisation)", "", "", none,
             table_cell{std::to_string(munis) + " municipalities", std::to_string(munis), cell_kind::integer},
             pop ? table_cell{group_thousands(*pop), std::to_string(*pop), cell_kind::integer} : integer_cell(pop), none,
             integer_cell(mp.bodies), integer_cell(static_cast<std::int64_t>(gaps)), ""});
    }
    for (const auto& p : mp.organisations) {
      // Names for the reader, ids for CSV and JSON (docs/output-format.md: ids in JSON, names in text).
      std::string host_names, host_ids;
      for (const auto& h : p.hosts) {
        host_names += (host_names.empty() ? "" : ", ") + h.name;
        host_ids += (host_ids.empty() ? "" : ";") + h.id;
      }
      t.row({mp.model_id, p.name, p.category ? std::string(to_string(*p.category)) : "", table_cell{host_names, host_ids},
             integer_cell(static_cast<std::int64_t>(p.owners.size())), integer_cell(p.members.count),
             // '+': some members' population unknown, so the sum is a lower bound: no number in CSV or JSON.
             // A population worked out for unnamed members is shown apart from the SCB part (SBA, L1986-1989).
             table_cell{group_thousands(p.members.known_population - p.members.group_population) +
                            (p.members.group_population ? " + ≈ " + group_thousands(p.members.group_population) : std::string()) +
                            (p.members.population_complete ? "" : "+"),
                        p.members.population() ? std::to_string(*p.members.population()) : std::string(), cell_kind::integer},
             p.team_size ? integer_cell(*p.team_size) : table_cell{"unknown", "", cell_kind::integer},
             integer_cell(mp.bodies), integer_cell(static_cast<std::int64_t>(gaps)),
             signing_cell(m, m.organisation_at(p.id))});
    }
  }
  return t;
}

/// @brief The overview section: overview_table() as JSON rows and as aligned text.
inline report_section overview_section(std::span<const model> models) {
  const auto t = overview_table(models);
  std::ostringstream s;
  t.print(s);
  s << "(population: members' inhabitants, SCB 31 Dec 2023; '+ ≈' = derived for members not named, not SCB; '+' = some members' "
       "population unknown)\n";
  return {"overview", "Overview", table_to_json(t), s.str()};
}

/// @brief The report header for `models`, without sections.
inline report report_header(std::span<const model> models) {
  report r;
  r.title = models.size() == 1 ? "orgmodel report: " + models[0].info().name : "orgmodel report: benchmark of organisation models";
  for (const auto& m : models) {
    r.model_ids.push_back(m.info().id);
    r.model_names.push_back(m.info().name);
  }
  r.population_source = std::string(data::population_source);
  r.population_reference_date = std::to_string(data::population_year) + "-12-31";
  return r;
}

/// @brief The whole report on `models`: header, then the sections in order.
inline report make_report(std::span<const model> models) {
  report r = report_header(models);
  append(r, overview_section(models));
  append(r, organisations_section(models));
  append(r, funding_section(models));
  // Analysis sections follow here, one `append(r, <analysis>_section(models));` each, in the
  // order they landed.
  append(r, paths_section(models));
  append(r, compare_section("Västmanlands län"));
  append(r, coverage_section(models));
  append(r, ownership_section(models));
  return r;
}

}  // namespace orgmodel
