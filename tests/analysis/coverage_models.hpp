// Builder models of four organisations of the benchmark study, written from
// /work/shared/domain/facts.md for the coverage tests (independent of the bundled JSON models,
// which other tests check as well). Populations from SCB 2023 through data/population.hpp.
#pragma once

#include <string>
#include <vector>

#include "orgmodel/data/population.hpp"
#include "orgmodel/model/builder.hpp"

namespace coverage_models {

namespace om = orgmodel;

inline om::organisation_index add_municipality(om::model_builder& b, const std::string& name) {
  const auto& rec = om::data::municipality(name);
  return b.add_organisation({.id = om::data::slug(name),
                             .name = std::string(rec.name),
                             .kind = om::organisation_kind::municipality,
                             .population = rec.population,
                             .population_year = 2023,
                             .county = std::string(rec.county_code),
                             .code = std::string(rec.code),
                             .source = om::provenance::derived});
}

/// Business Region Örebro (1A): 12 members; steering group of the 12 KSOs chaired by a regional
/// councillor; management group of the 12 business managers with the region as owner; hosted by
/// Örebro kommun; yearly report to the region's growth committee.
inline om::model bro() {
  om::model_builder b("business-region-orebro", "Business Region Örebro");
  auto bro = b.add_organisation({.id = "business-region-orebro", .name = "Business Region Örebro",
                                 .kind = om::organisation_kind::partnership, .category = om::model_category::c1A});
  auto region = b.add_organisation({.id = "region-orebro", .name = "Region Örebro län", .kind = om::organisation_kind::region});
  std::vector<om::organisation_index> ms;
  for (const char* n : {"Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå", "Lekeberg",
                        "Lindesberg", "Ljusnarsberg", "Nora", "Örebro"})
    ms.push_back(add_municipality(b, n));
  const auto orebro = ms.back();
  b.add_affiliation({.child = bro, .parent = orebro, .kind = om::affiliation_kind::hosted_by});
  auto sg = b.add_body({.id = "bro-steering-group", .name = "Styrgrupp", .kind = om::body_kind::steering_group,
                        .layer = om::layer::political, .organisation = bro});
  auto mg = b.add_body({.id = "bro-management-group", .name = "Ledningsgrupp", .kind = om::body_kind::management_group,
                        .layer = om::layer::operative, .organisation = bro});
  auto team = b.add_body({.id = "bro-team", .name = "Arbetsteam", .kind = om::body_kind::operative_team,
                          .layer = om::layer::operative, .organisation = bro});
  auto growth = b.add_body({.id = "region-orebro-growth-committee", .name = "Regional tillväxtnämnd",
                            .kind = om::body_kind::committee, .layer = om::layer::political, .organisation = region});
  auto ks = b.add_body({.id = "orebro-executive-board", .name = "Kommunstyrelsen", .kind = om::body_kind::executive_board,
                        .layer = om::layer::political, .organisation = orebro});
  b.add_seat({.body = sg, .holder = region, .role = "regional_councillor", .chair = true});
  for (auto m : ms) {
    b.add_seat({.body = sg, .holder = m, .role = "executive_board_chair"});
    b.add_seat({.body = mg, .holder = m, .role = "business_development_manager"});
    b.add_membership({.member = m, .organisation = bro});
  }
  b.add_seat({.body = mg, .holder = region, .role = "owner"});
  b.add_seat({.body = team, .holder = orebro, .role = "staff"});
  b.add_seat({.body = growth, .holder = region, .role = "councillor"});
  b.add_seat({.body = ks, .holder = orebro, .role = "councillor"});
  b.add_escalation({.from = mg, .to = sg});
  b.add_escalation({.from = sg, .to = growth});
  for (auto m : ms)
    b.add_funding_rule({.id = "fee-" + b.data().organisations[m.value].id, .payer = m, .recipient = bro,
                        .basis = om::funding_basis::per_inhabitant, .rate = om::money::from_major(10), .group = "municipal-fees"});
  b.add_funding_rule({.id = "region-match", .payer = region, .recipient = bro, .basis = om::funding_basis::matching,
                      .matches = "municipal-fees"});
  return std::move(b).build();
}

/// Invest in Halland (2B): a unit of Region Halland's business department; the head of the
/// department decides; Region Halland alone pays; serves the 6 municipalities.
inline om::model iih() {
  om::model_builder b("invest-in-halland", "Invest in Halland");
  auto iih = b.add_organisation({.id = "invest-in-halland", .name = "Invest in Halland", .kind = om::organisation_kind::unit,
                                 .category = om::model_category::c2B});
  auto region = b.add_organisation({.id = "region-halland", .name = "Region Halland", .kind = om::organisation_kind::region});
  b.add_affiliation({.child = iih, .parent = region, .kind = om::affiliation_kind::part_of});
  for (const char* n : {"Halmstad", "Falkenberg", "Hylte", "Kungsbacka", "Laholm", "Varberg"})
    b.add_membership({.member = add_municipality(b, n), .organisation = iih, .kind = om::membership_kind::served});
  auto team = b.add_body({.id = "iih-team", .name = "Invest in Halland", .kind = om::body_kind::operative_team,
                          .layer = om::layer::operative, .organisation = iih});
  auto head = b.add_body({.id = "region-halland-head-of-business", .name = "Näringslivschef",
                          .kind = om::body_kind::official, .layer = om::layer::executive, .organisation = region});
  auto council = b.add_body({.id = "region-halland-council", .name = "Regionfullmäktige", .kind = om::body_kind::council,
                             .layer = om::layer::political, .organisation = region});
  b.add_seat({.body = team, .holder = region, .role = "staff"});
  b.add_seat({.body = head, .holder = region, .role = "head_of_business_department"});
  b.add_seat({.body = council, .holder = region, .role = "councillor"});
  b.add_escalation({.from = team, .to = head});
  b.add_funding_rule({.id = "region", .payer = region, .recipient = iih, .basis = om::funding_basis::fixed,
                      .amount = om::money::from_major(4000000), .source = om::provenance::assumed});
  return std::move(b).build();
}

/// Invest in Norrbotten AB (3A): Region Norrbotten 75 %, the 13 member municipalities 25 % (1/52
/// each); Kiruna served but not an owner.
inline om::model iin() {
  om::model_builder b("invest-in-norrbotten", "Invest in Norrbotten AB");
  auto iin = b.add_organisation({.id = "invest-in-norrbotten", .name = "Invest in Norrbotten AB",
                                 .kind = om::organisation_kind::company, .category = om::model_category::c3A});
  auto region = b.add_organisation({.id = "region-norrbotten", .name = "Region Norrbotten", .kind = om::organisation_kind::region});
  b.add_ownership({.owner = region, .owned = iin, .equity = om::share_range(*om::share::parse("75%")),
                   .votes = om::share_range(*om::share::parse("75%"))});
  auto board = b.add_body({.id = "iin-board", .name = "Styrelse", .kind = om::body_kind::board,
                           .layer = om::layer::executive, .organisation = iin});
  b.add_seat({.body = board, .holder = region, .role = "board_member"});
  for (const char* n : {"Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Luleå", "Pajala",
                        "Piteå", "Älvsbyn", "Överkalix", "Övertorneå"}) {
    auto m = add_municipality(b, n);
    b.add_membership({.member = m, .organisation = iin});
    b.add_ownership({.owner = m, .owned = iin, .equity = om::share_range(*om::share::parse("1/52")),
                     .votes = om::share_range(*om::share::parse("1/52"))});
  }
  b.add_membership({.member = add_municipality(b, "Kiruna"), .organisation = iin, .kind = om::membership_kind::served});
  return std::move(b).build();
}

/// The 26 known members of Stockholm Business Alliance (data/scb/sba_members_partial.csv).
inline const std::vector<std::string>& sba_known_members() {
  static const std::vector<std::string> v{"Ludvika", "Gävle", "Danderyd", "Ekerö", "Lidingö", "Nacka", "Nynäshamn",
                                          "Sigtuna", "Solna", "Stockholm", "Sundbyberg", "Upplands-Bro", "Österåker",
                                          "Eskilstuna", "Katrineholm", "Oxelösund", "Enköping", "Uppsala", "Karlstad",
                                          "Kungsör", "Sala", "Västerås", "Karlskoga", "Örebro", "Linköping", "Norrköping"};
  return v;
}

/// Stockholm Business Alliance (4A): the known members; the steering group of 13 chief
/// executives — nine named cities and four Stockholm-county municipalities chosen by StorSthlm,
/// who represent the other Stockholm-county members on it; the yearly meeting of all KSOs.
inline om::model sba() {
  om::model_builder b("stockholm-business-alliance", "Stockholm Business Alliance");
  auto sba = b.add_organisation({.id = "stockholm-business-alliance", .name = "Stockholm Business Alliance",
                                 .kind = om::organisation_kind::partnership, .category = om::model_category::c4A});
  auto sg = b.add_body({.id = "sba-steering-group", .name = "Operativ styrgrupp", .kind = om::body_kind::steering_group,
                        .layer = om::layer::executive, .organisation = sba});
  auto meeting = b.add_body({.id = "sba-kso-meeting", .name = "KSO-möte", .kind = om::body_kind::members_meeting,
                             .layer = om::layer::political, .organisation = sba});
  std::vector<om::organisation_index> chosen, stockholm_county_others;
  const std::vector<std::string> steering{"Gävle", "Uppsala", "Västerås", "Örebro", "Eskilstuna", "Linköping", "Karlstad",
                                          "Stockholm", "Norrköping", "Danderyd", "Nacka", "Sigtuna", "Solna"};
  const std::vector<std::string> storsthlm{"Danderyd", "Nacka", "Sigtuna", "Solna"};
  for (const auto& n : sba_known_members()) {
    auto m = add_municipality(b, n);
    b.add_membership({.member = m, .organisation = sba});
    b.add_seat({.body = meeting, .holder = m, .role = "executive_board_chair"});
    const bool on_sg = std::find(steering.begin(), steering.end(), n) != steering.end();
    if (on_sg) b.add_seat({.body = sg, .holder = m, .role = "chief_executive", .chair = n == "Stockholm"});
    if (std::find(storsthlm.begin(), storsthlm.end(), n) != storsthlm.end()) chosen.push_back(m);
    else if (!on_sg && om::data::municipality(n).county_code == "01") stockholm_county_others.push_back(m);
    b.add_funding_rule({.id = "fee-" + om::data::slug(n), .payer = m, .recipient = sba,
                        .basis = n == "Stockholm" ? om::funding_basis::fixed : om::funding_basis::per_inhabitant,
                        .amount = n == "Stockholm" ? om::money::from_major(7500000) : om::money{},
                        .rate = n == "Stockholm" ? om::money{} : om::money::from_major(4)});
  }
  for (auto r : stockholm_county_others)
    for (auto c : chosen) b.add_representation({.represented = r, .representative = c, .body = sg, .via = "StorSthlm"});
  return std::move(b).build();
}

}  // namespace coverage_models
