#pragma once
/// @file
/// @brief A builder for C++ users: add entities, get typed indices back, build a validated model.
///
/// @code
/// orgmodel::model_builder b("bro", "Business Region Örebro");
/// auto region = b.add_organisation({.id = "region-orebro", .name = "Region Örebro län",
///                                   .kind = orgmodel::organisation_kind::region});
/// auto sg = b.add_body({.id = "sg", .name = "Styrgrupp", .organisation = region});
/// b.add_seat({.body = sg, .holder = region, .role = "regional_councillor", .chair = true});
/// orgmodel::model m = std::move(b).build();   // validates
/// @endcode

#include <string>
#include <utility>

#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Collects a model's content; `build()` validates it through the same checks as JSON input.
class model_builder {
 public:
  model_builder() = default;
  model_builder(std::string id, std::string name) {
    d_.info.id = std::move(id);
    d_.info.name = std::move(name);
  }

  /// @brief The model-level description, to set currency, source, extra decision classes.
  model_info& info() noexcept { return d_.info; }

  /// @brief Adds a decision class beyond the defaults and returns its index.
  decision_class add_decision_class(std::string name) {
    d_.info.extra_decision_classes.push_back(std::move(name));
    return static_cast<decision_class>(default_decision_classes.size() + d_.info.extra_decision_classes.size() - 1);
  }

  organisation_index add_organisation(organisation o) { return push<organisation_index>(d_.organisations, std::move(o)); }
  body_index add_body(body b) { return push<body_index>(d_.bodies, std::move(b)); }
  seat_index add_seat(seat s) { return push<seat_index>(d_.seats, std::move(s)); }
  funding_rule_index add_funding_rule(funding_rule r) { return push<funding_rule_index>(d_.funding_rules, std::move(r)); }
  void add_affiliation(affiliation a) { d_.affiliations.push_back(std::move(a)); }
  void add_escalation(escalation e) { d_.escalations.push_back(std::move(e)); }
  void add_ownership(ownership o) { d_.ownerships.push_back(std::move(o)); }
  void add_membership(membership m) { d_.memberships.push_back(std::move(m)); }
  void add_representation(representation r) { d_.representations.push_back(std::move(r)); }
  void add_budget(budget_figure b) { d_.budgets.push_back(std::move(b)); }

  /// @brief Reserves room when the sizes are known (synthetic regions of millions of entities).
  void reserve(std::size_t organisations, std::size_t bodies, std::size_t seats) {
    d_.organisations.reserve(organisations);
    d_.bodies.reserve(bodies);
    d_.seats.reserve(seats);
  }

  /// @brief The content added so far, e.g. to look up an organisation added earlier.
  [[nodiscard]] const model_data& data() const noexcept { return d_; }
  /// @brief Mutable access, for generators that fix up what they added.
  model_data& data() noexcept { return d_; }

  /// @brief Validates and returns the model. @throws invalid_model
  [[nodiscard]] model build() && { return model(std::move(d_)); }

 private:
  template <class Index, class T>
  static Index push(std::vector<T>& v, T&& x) {
    v.push_back(std::move(x));
    return Index(static_cast<typename Index::value_type>(v.size() - 1));
  }
  model_data d_;
};

}  // namespace orgmodel
