// Small models of the study's funding rules, built with model_builder from SCB 2023 populations
// (docs: /work/shared/domain/facts.md). They stand in for the bundled models in the tests that
// must not depend on another helper's data files, and check the same figures.
#pragma once
#include <string>

#include "orgmodel/data/population.hpp"
#include "orgmodel/model/builder.hpp"

namespace funding_models {

namespace om = orgmodel;

inline om::organisation_index add_municipality(om::model_builder& b, const om::data::municipality_record& r) {
  return b.add_organisation({.id = om::data::slug(r.name), .name = std::string(r.name),
                             .kind = om::organisation_kind::municipality, .population = r.population,
                             .population_year = om::data::population_year, .county = std::string(r.county_code),
                             .code = std::string(r.code), .source = om::provenance::derived});
}

inline om::organisation_index add_region(om::model_builder& b, const std::string& id, const char* county) {
  const auto& c = om::data::county(county);
  return b.add_organisation({.id = id, .name = "Region " + std::string(c.name), .kind = om::organisation_kind::region,
                             .population = c.population, .population_year = om::data::population_year,
                             .county = std::string(c.code), .source = om::provenance::derived});
}

/// Business Region Örebro: each of the 12 municipalities pays 10 SEK per inhabitant, the region
/// matches the same sum.
inline om::model business_region_orebro() {
  om::model_builder b("business-region-orebro", "Business Region Örebro");
  auto region = add_region(b, "region-orebro", "18");
  auto bro = b.add_organisation({.id = "bro", .name = "Business Region Örebro", .kind = om::organisation_kind::partnership});
  for (const auto* mu : om::data::municipalities_of("18")) {
    auto o = add_municipality(b, *mu);
    b.add_funding_rule({.id = "fee-" + b.data().organisations[o.value].id, .payer = o, .recipient = bro,
                        .basis = om::funding_basis::per_inhabitant, .rate = *om::money::parse("10"),
                        .group = "municipal-fees", .purpose = "base"});
  }
  b.add_funding_rule({.id = "region-match", .payer = region, .recipient = bro, .basis = om::funding_basis::matching,
                      .ratio = om::share::one(), .matches = "municipal-fees", .purpose = "base"});
  return std::move(b).build();
}

/// Invest in Norrbotten: region ≈4 MSEK base, 13 municipalities (not Kiruna) 1.6 SEK per
/// inhabitant; EU project 20 MSEK over 3 years, 40 % Tillväxtverket, 40 % region, 20 % municipalities.
inline om::model invest_in_norrbotten() {
  om::model_builder b("invest-in-norrbotten", "Invest in Norrbotten AB");
  auto region = add_region(b, "region-norrbotten", "25");
  auto iin = b.add_organisation({.id = "iin", .name = "Invest in Norrbotten AB", .kind = om::organisation_kind::company});
  auto tvv = b.add_organisation({.id = "tillvaxtverket", .name = "Tillväxtverket", .kind = om::organisation_kind::agency});
  auto optin = b.add_organisation({.id = "norrbotten-opt-in", .name = "Municipalities that opt in",
                                   .kind = om::organisation_kind::unknown_group});
  b.add_funding_rule({.id = "region-base", .payer = region, .recipient = iin, .basis = om::funding_basis::fixed,
                      .amount = om::money::from_major(4'000'000), .purpose = "base", .source = om::provenance::estimated});
  for (const auto* mu : om::data::municipalities_of("25")) {
    if (mu->name == "Kiruna") continue;
    auto o = add_municipality(b, *mu);
    b.add_funding_rule({.id = "fee-" + b.data().organisations[o.value].id, .payer = o, .recipient = iin,
                        .basis = om::funding_basis::per_inhabitant, .rate = *om::money::parse("1.6"),
                        .group = "municipal-fees", .purpose = "base"});
  }
  auto project = [&](const std::string& id, om::organisation_index payer, std::int64_t pct) {
    b.add_funding_rule({.id = id, .payer = payer, .recipient = iin, .basis = om::funding_basis::share_of_total,
                        .amount = om::money::from_major(20'000'000), .ratio = om::share::percent(pct),
                        .year_from = 2022, .period_years = 3, .purpose = "project:eu-2022",
                        .source = om::provenance::estimated});
  };
  project("project-tillvaxtverket", tvv, 40);
  project("project-region", region, 40);
  project("project-municipalities", optin, 20);
  return std::move(b).build();
}

/// Business Region Värmland: municipalities pay 4, 6, 8 SEK per inhabitant in 2023, 2024, 2025
/// (yearly schedule = one rule per year), Region Värmland matches; budget 2024 4.5 MSEK.
inline om::model business_region_varmland() {
  om::model_builder b("business-region-varmland", "Business Region Värmland");
  auto region = add_region(b, "region-varmland", "17");
  auto brv = b.add_organisation({.id = "brv", .name = "Business Region Värmland", .kind = om::organisation_kind::partnership});
  for (const auto* mu : om::data::municipalities_of("17")) {
    auto o = add_municipality(b, *mu);
    const auto& id = b.data().organisations[o.value].id;
    int year = 2023;
    for (const char* rate : {"4", "6", "8"}) {
      b.add_funding_rule({.id = "fee-" + id + "-" + std::to_string(year), .payer = o, .recipient = brv,
                          .basis = om::funding_basis::per_inhabitant, .rate = *om::money::parse(rate),
                          .group = "municipal-fees", .year_from = year, .year_to = year, .purpose = "base"});
      ++year;
    }
  }
  b.add_funding_rule({.id = "region-half", .payer = region, .recipient = brv, .basis = om::funding_basis::matching,
                      .ratio = om::share::one(), .matches = "municipal-fees", .purpose = "base"});
  b.add_budget({.organisation = brv, .year = 2024, .kind = om::budget_kind::budget,
                .amount = om::money::from_major(4'500'000)});
  return std::move(b).build();
}

}  // namespace funding_models

namespace funding_models {

/// A Stockholm Business Alliance in miniature: Stockholm pays a fixed 7.5 MSEK, the other
/// members 4 SEK per inhabitant (here Uppsala, Västerås, Örebro, Karlstad).
inline om::model sba_sample() {
  om::model_builder b("sba-sample", "SBA sample");
  auto sbr = b.add_organisation({.id = "sbr", .name = "Stockholm Business Region", .kind = om::organisation_kind::company});
  auto sthlm = add_municipality(b, om::data::municipality("Stockholm"));
  b.add_funding_rule({.id = "stockholm", .payer = sthlm, .recipient = sbr, .basis = om::funding_basis::fixed,
                      .amount = om::money::from_major(7'500'000)});
  for (const char* name : {"Uppsala", "Västerås", "Örebro", "Karlstad"}) {
    auto o = add_municipality(b, om::data::municipality(name));
    b.add_funding_rule({.id = "fee-" + om::data::slug(name), .payer = o, .recipient = sbr,
                        .basis = om::funding_basis::per_inhabitant, .rate = om::money::from_major(4)});
  }
  return std::move(b).build();
}

}  // namespace funding_models
