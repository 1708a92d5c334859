#pragma once
/// @file
/// @brief Does a template agree with the organisation it comes from? For every decision class,
/// the fastest route from the body where a matter is raised (`default_raising_body`) to the body
/// that decides it, with its expected days, in the template and in the organisation's model, and
/// for each figure that differs the reason: a different deciding body, a step one has and the
/// other lacks, or a different cadence at a body of the same kind (with where each comes from).
/// The reasons are typed; present/fidelity.hpp words them.
///
/// @code
/// auto t = orgmodel::scenario::build_template(orgmodel::model_category::c1A,
///                                             orgmodel::scenario::template_input::from_county("Örebro län"));
/// auto d = orgmodel::scenario::compare_routes(t, orgmodel::data::load_bundled_model("business-region-orebro"));
/// @endcode

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgmodel/analysis/decision_paths.hpp"
#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel::scenario {

/// @brief One body on a route.
struct route_step {
  std::string name;
  body_kind kind = body_kind::operative_team;
  body_wait wait;  ///< cadence used, expected and worst wait, whether the cadence is a default
  provenance source = provenance::stated;  ///< the body's: a template's assumed cadence is `assumed`
};

/// @brief The fastest route of one matter in one model.
struct decision_route {
  std::vector<route_step> steps;  ///< raised at first, deciding body last; empty: no body decides
  std::optional<double> expected_days, worst_days;
  std::string no_route;  ///< why there is none ("no body holds the mandate", …)
};

/// @brief One difference between the two routes of a matter.
struct route_difference {
  enum class kind : std::uint8_t {
    no_route_in_template,      ///< the organisation has a route, the template none
    no_route_in_organisation,  ///< the template has a route, the organisation none
    different_route,           ///< both have one, through different kinds of body
    different_cadence,         ///< bodies of the same kind at `step` on both routes meet at other cadences
    preparation_only,          ///< nothing above: the days differ by the lines' preparation times
  };
  kind what = kind::different_route;
  std::size_t step = 0;  ///< for `different_cadence`: the position on both routes
  friend bool operator==(const route_difference&, const route_difference&) = default;
};

/// @brief One decision class in the template and in the organisation.
struct route_comparison {
  std::string matter;
  decision_route in_template, in_organisation;
  bool same_route = false;  ///< the same kinds of body in the same order
  bool same_days = false;   ///< expected days within 0.05 of each other
  std::vector<route_difference> differences;  ///< one per difference; empty when both agree
};

namespace detail {

inline decision_route fastest_route(const model& m, decision_class c) {
  decision_route r;
  const auto from = default_raising_body(m);
  if (!from) {
    r.no_route = "the model has no bodies";
    return r;
  }
  const layer_graph g(m, relation_layer::escalation);
  const auto p = decision_paths(g, *from, c);
  if (!p.found()) {
    r.no_route = std::string(to_string(p.reason));
    return r;
  }
  const auto& best = p.paths.front();
  for (std::size_t i = 0; i < best.bodies.size(); ++i)
    r.steps.push_back({m[best.bodies[i]].name, m[best.bodies[i]].kind, best.waits[i], m[best.bodies[i]].source});
  r.expected_days = best.days.expected;
  r.worst_days = best.days.worst;
  return r;
}

}  // namespace detail

/// @brief Every decision class of the template, in both models (a class the organisation's model
/// does not know is compared as "no route"), with what differs.
inline std::vector<route_comparison> compare_routes(const model& tmpl, const model& organisation) {
  using what = route_difference::kind;
  std::vector<route_comparison> out;
  for (std::size_t k = 0; k < tmpl.decision_class_names().size(); ++k) {
    const auto c = static_cast<decision_class>(k);
    route_comparison rc;
    rc.matter = tmpl.decision_class_names()[k];
    rc.in_template = detail::fastest_route(tmpl, c);
    if (const auto oc = organisation.find_decision_class(rc.matter)) rc.in_organisation = detail::fastest_route(organisation, *oc);
    else rc.in_organisation.no_route = "the model has no such decision class";
    const auto& a = rc.in_template.steps;
    const auto& b = rc.in_organisation.steps;
    rc.same_route = a.size() == b.size();
    for (std::size_t i = 0; rc.same_route && i < a.size(); ++i) rc.same_route = a[i].kind == b[i].kind;
    const auto& ea = rc.in_template.expected_days;
    const auto& eb = rc.in_organisation.expected_days;
    rc.same_days = (!ea && !eb) || (ea && eb && std::fabs(*ea - *eb) < 0.05);
    if (a.empty() != b.empty()) rc.differences.push_back({a.empty() ? what::no_route_in_template : what::no_route_in_organisation});
    else if (!rc.same_route) rc.differences.push_back({what::different_route});
    // Cadences of bodies of the same kind at the same place on both routes.
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      if (a[i].kind != b[i].kind) continue;
      if (std::fabs(a[i].wait.expected - b[i].wait.expected) < 0.05) continue;
      rc.differences.push_back({what::different_cadence, i});
    }
    if (!rc.same_days && rc.differences.empty()) rc.differences.push_back({what::preparation_only});
    out.push_back(std::move(rc));
  }
  return out;
}

}  // namespace orgmodel::scenario
