#pragma once
/// @file
/// @brief A county's models beside Stockholm Business Alliance (scenario/sba_overlap.hpp) as text
/// and JSON (amounts as exact decimal strings, unknown as null: docs/output-format.md).

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "orgmodel/core/role_titles.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/scenario/sba_overlap.hpp"

namespace orgmodel::scenario {

/// @brief "model body = alliance: alliance body (who on both, as post)": up to three
/// municipalities by name, more by their number; the post by its Swedish title (L1801).
inline std::string to_text(const alliance_overlap& r, const duplicated_body& d) {
  std::string who;
  if (d.shared.empty()) {
    who = "both promote the same municipalities";
  } else {
    if (d.shared.size() > 3) who = std::to_string(d.shared.size()) + " municipalities";
    else
      for (std::size_t i = 0; i < d.shared.size(); ++i) who += (i ? ", " : "") + d.shared[i];
    who += " on both, as " + role_title(d.post);
  }
  return d.body + " = " + r.alliance_name + ": " + d.alliance_body + " (" + who + ")";
}

/// @brief As JSON: ids and numbers (money as "764632.00", unknown as null).
inline nlohmann::ordered_json to_json(const alliance_overlap& r) {
  nlohmann::ordered_json j;
  j["alliance"] = r.alliance_id;
  j["year"] = r.year;
  j["rate_per_inhabitant"] = r.rate.str();
  auto ms = nlohmann::ordered_json::array();
  for (const auto& m : r.municipalities)
    ms.push_back({{"id", m.id},
                  {"population", m.population},
                  {"status", to_string(m.status)},
                  {"pays", m.pays ? nlohmann::ordered_json(m.pays->str()) : nlohmann::ordered_json(nullptr)},
                  {"would_pay", m.would_pay.str()}});
  j["municipalities"] = std::move(ms);
  j["members_pay"] = r.members_pay.exact() ? nlohmann::ordered_json(r.members_pay.known.str()) : nlohmann::ordered_json(nullptr);
  j["all_would_pay"] = r.all_would_pay.str();
  j["membership_unknown"] = r.unknown_count;
  j["member_seats"] = r.member_seats;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& o : r.models) {
    auto duplicated = nlohmann::ordered_json::array();
    for (const auto& d : o.duplicated_bodies) duplicated.push_back(to_text(r, d));
    rows.push_back({{"category", to_string(o.category)},
                    {"model_municipal_per_year", o.model_municipal.exact() ? nlohmann::ordered_json(o.model_municipal.known.str()) : nlohmann::ordered_json(nullptr)},
                    {"alliance_fees_per_year", o.alliance_fees.str()},
                    {"both_per_year", o.both.exact() ? nlohmann::ordered_json(o.both.known.str()) : nlohmann::ordered_json(nullptr)},
                    {"model_municipal_seats", o.model_seats},
                    {"alliance_seats", o.alliance_seats},
                    {"duplicated_seats", o.duplicated_seats},
                    {"duplicated_bodies", std::move(duplicated)},
                    {"added_bodies", o.added_bodies}});
  }
  j["models"] = std::move(rows);
  return j;
}

/// @brief As text: the municipalities with status and fees, then one row per model.
inline void print_text(const alliance_overlap& r, std::ostream& out) {
  out << r.county_name << " and " << r.alliance_name << " (" << format_amount(r.rate) << " SEK per inhabitant and year; population "
      << r.year << "):\n";
  text_table t({"municipality", "population", "in " + r.alliance_name, "pays SEK/yr", "would pay SEK/yr"},
               {text_table::align::left, text_table::align::right, text_table::align::left, text_table::align::right,
                text_table::align::right});
  for (const auto& m : r.municipalities)
    t.row({m.name, group_thousands(m.population),
           m.status == alliance_status::member ? (m.evidence == provenance::stated ? "member" : "member (" + std::string(to_string(m.evidence)) + ")")
                                               : "unknown (not named)",
           m.pays ? format_amount(*m.pays) : m.status == alliance_status::member ? "unknown" : "—", format_amount(m.would_pay)});
  t.print(out);
  out << "Named members pay " << (r.members_pay.exact() ? format_amount(r.members_pay.known) : "unknown") << " SEK a year; all "
      << r.municipalities.size() << " would pay " << format_amount(r.all_would_pay) << ". " << r.unknown_count
      << " are not named by the sources: they may be among the alliance's unnamed members.\n\n"
      << "Each model with every municipality also in " << r.alliance_name << ":\n";
  text_table m({"model", "municipalities pay it SEK/yr", "+ alliance fees", "together", "their seats in it", "in the alliance",
                "same seat twice"},
               {text_table::align::left, text_table::align::right, text_table::align::right, text_table::align::right,
                text_table::align::right, text_table::align::right, text_table::align::right});
  for (const auto& o : r.models)
    m.row({std::string(to_string(o.category)), o.model_municipal.exact() ? format_amount(o.model_municipal.known) : "unknown",
           format_amount(o.alliance_fees), o.both.exact() ? format_amount(o.both.known) : "unknown", std::to_string(o.model_seats),
           std::to_string(o.alliance_seats), std::to_string(o.duplicated_seats)});
  m.print(out);
  for (const auto& o : r.models) {
    out << to_string(o.category) << ": duplicates ";
    if (o.duplicated_bodies.empty()) out << "no body";
    for (std::size_t i = 0; i < o.duplicated_bodies.size(); ++i) out << (i ? "; " : "") << to_text(r, o.duplicated_bodies[i]);
    out << "; adds ";
    if (o.added_bodies.empty()) out << "no body";
    for (std::size_t i = 0; i < o.added_bodies.size(); ++i) out << (i ? ", " : "") << o.added_bodies[i];
    out << ".\n";
  }
}

}  // namespace orgmodel::scenario
