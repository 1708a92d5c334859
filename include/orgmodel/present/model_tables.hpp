#pragma once
/// @file
/// @brief A model's content as tables (organisations, bodies, seats, relations, one layer's edges)
/// and its size as counts: what `orgmodel validate`, `show` and `export` print, available to any
/// program as text, CSV or JSON.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/io/dot.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief How many of each element a model holds.
struct model_counts {
  std::size_t organisations = 0, bodies = 0, seats = 0, affiliations = 0, escalations = 0, ownerships = 0,
              funding_rules = 0, memberships = 0, representations = 0, budgets = 0;
  /// @brief Every relation (everything but organisations, bodies and seats).
  [[nodiscard]] std::size_t relations() const noexcept {
    return affiliations + escalations + ownerships + funding_rules + memberships + representations + budgets;
  }
};

/// @brief The counts of a model.
inline model_counts count_elements(const model& m) {
  return {m.organisations().size(), m.bodies().size(),      m.seats().size(),        m.affiliations().size(),
          m.escalations().size(),   m.ownerships().size(),  m.funding_rules().size(), m.memberships().size(),
          m.representations().size(), m.budgets().size()};
}

/// @brief The counts as a JSON object (British "organisations", as every output spells it).
inline nlohmann::ordered_json to_json(const model_counts& c) {
  return {{"organisations", c.organisations}, {"bodies", c.bodies},         {"seats", c.seats},
          {"affiliations", c.affiliations},   {"escalations", c.escalations}, {"ownerships", c.ownerships},
          {"funding_rules", c.funding_rules}, {"memberships", c.memberships}, {"representations", c.representations},
          {"budgets", c.budgets}};
}

/// @brief Any table as a JSON array of objects keyed by the columns' snake_case keys, with the
/// cells' machine forms: integers and numbers as JSON numbers, amounts as exact decimal strings,
/// unknown as null — so every table-shaped result has a JSON form by the same convention.
inline nlohmann::ordered_json table_to_json(const text_table& t) {
  auto a = nlohmann::ordered_json::array();
  const auto keys = t.column_keys();
  for (std::size_t i = 0; i < t.machine_rows().size(); ++i) {
    const auto& r = t.machine_rows()[i];
    const auto& k = t.kinds()[i];
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < keys.size(); ++c) {
      if (k[c] == cell_kind::text) o[keys[c]] = r[c];
      else if (r[c].empty()) o[keys[c]] = nullptr;
      else if (k[c] == cell_kind::amount) o[keys[c]] = r[c];
      else o[keys[c]] = nlohmann::ordered_json::parse(r[c]);  // a number orgmodel formatted itself
    }
    a.push_back(std::move(o));
  }
  return a;
}

/// @brief One row per organisation: id, name, kind, category, population (with its year), county, provenance.
inline text_table organisations_table(const model& m) {
  text_table t({"id", "name", "kind", "category", "population", "year", "county", "provenance"},
               {text_table::align::left, text_table::align::left, text_table::align::left, text_table::align::left,
                text_table::align::right});
  for (const auto& o : m.organisations())
    t.row({o.id, o.name, std::string(to_string(o.kind)), o.category ? std::string(to_string(*o.category)) : "",
           integer_cell(o.population), integer_cell(o.population_year), o.county, std::string(to_string(o.source))});
  return t;
}

/// @brief One row per body: its layer, organisation, cadence ("unknown" when not given), seats,
/// chair, mandates and staff.
inline text_table bodies_table(const model& m) {
  std::vector<std::size_t> seats(m.bodies().size(), 0);
  std::vector<std::string> chair(m.bodies().size());
  for (const auto& s : m.seats()) {
    ++seats[s.body.value];
    if (s.chair) chair[s.body.value] += (chair[s.body.value].empty() ? "" : ", ") + m[s.holder].id;
  }
  text_table t({"id", "name", "kind", "layer", "organisation", "meetings per year", "seats", "chair", "mandates", "staff"},
               {text_table::align::left, text_table::align::left, text_table::align::left, text_table::align::left,
                text_table::align::left, text_table::align::right, text_table::align::right});
  for (std::size_t i = 0; i < m.bodies().size(); ++i) {
    const auto& b = m.bodies()[i];
    t.row({b.id, b.name, std::string(to_string(b.kind)), std::string(to_string(b.layer)), m[b.organisation].id,
           format_cadence(b.meetings_per_year), integer_cell(static_cast<std::int64_t>(seats[i])), chair[i], format_classes(m, b.mandates),
           integer_cell(b.staff ? std::optional<std::int64_t>(*b.staff) : std::nullopt)});
  }
  return t;
}

/// @brief One row per seat: body, holder, role, votes, chair, provenance.
inline text_table seats_table(const model& m) {
  text_table t({"body", "on_behalf_of", "role", "votes", "chair", "provenance"},
               {text_table::align::left, text_table::align::left, text_table::align::left, text_table::align::right});
  for (const auto& s : m.seats())
    t.row({m[s.body].id, m[s.holder].id, s.role, integer_cell(static_cast<std::int64_t>(s.votes)), s.chair ? "yes" : "",
           std::string(to_string(s.source))});
  return t;
}

/// @brief One row per relation of every kind: affiliation, escalation, ownership, funding rule,
/// membership, representation, budget figure.
inline text_table relations_table(const model& m) {
  text_table t({"relation", "from", "to", "detail", "provenance"});
  auto src = [](provenance p) { return std::string(to_string(p)); };
  for (const auto& a : m.affiliations()) t.row({"affiliation", m[a.child].id, m[a.parent].id, std::string(to_string(a.kind)), src(a.source)});
  for (const auto& e : m.escalations())
    t.row({"escalation", m[e.from].id, m[e.to].id, "classes: " + format_classes(m, e.classes), src(e.source)});
  for (const auto& o : m.ownerships())
    t.row({"ownership", m[o.owner].id, m[o.owned].id, "share " + format_share_range(o.equity), src(o.source)});
  for (const auto& r : m.funding_rules()) {
    std::string d(to_string(r.basis));
    d += ' ';
    switch (r.basis) {
      case funding_basis::fixed: d.append(format_amount(r.amount)).append(" SEK/yr"); break;
      case funding_basis::per_inhabitant: d.append(format_amount(r.rate)).append(" SEK/inhabitant"); break;
      case funding_basis::matching: d.append(r.ratio.str()).append(" × ").append(r.matches); break;
      case funding_basis::share_of_total:
        d.append(r.ratio.str()).append(" of ").append(format_amount(r.amount)).append(" SEK over ");
        d.append(std::to_string(r.period_years)).append(" yr");
        break;
    }
    if (r.year_from || r.year_to)
      d += ", " + (r.year_from ? std::to_string(*r.year_from) : std::string("…")) + "–" +
           (r.year_to ? std::to_string(*r.year_to) : std::string("…"));
    t.row({"funding:" + r.id, m[r.payer].id, m[r.recipient].id, d, src(r.source)});
  }
  for (const auto& x : m.memberships()) t.row({"membership", m[x.member].id, m[x.organisation].id, std::string(to_string(x.kind)), src(x.source)});
  for (const auto& r : m.representations())
    t.row({"representation", m[r.represented].id, m[r.representative].id,
           (r.body.valid() ? "on " + m[r.body].id : std::string("everywhere")) + (r.via.empty() ? "" : ", via " + r.via),
           src(r.source)});
  for (const auto& b : m.budgets())
    t.row({"budget", m[b.organisation].id, "", std::to_string(b.year) + " " + std::string(to_string(b.kind)) + " " +
                                                  format_amount(b.amount) + " SEK",
           src(b.source)});
  return t;
}

/// @brief The edges of one relation layer (as the layer graph sees them): source id, target id,
/// the index of the relation each edge stands for, and the label the DOT export gives it.
inline text_table layer_table(const model& m, relation_layer l) {
  layer_graph g(m, l);
  text_table t({"source", "target", "relation", "label"});
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) {
    const auto s = boost::source(*it, g.graph()), d = boost::target(*it, g.graph());
    t.row({std::string(g.id(s)), std::string(g.id(d)), std::to_string(g.relation(*it)),
           detail::edge_label(m, l, g.relation(*it))});
  }
  return t;
}

}  // namespace orgmodel
