#pragma once
/// @file
/// @brief The model: a validated, immutable store of organisations, bodies, seats and relations.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/entities.hpp"
#include "orgmodel/model/extensions.hpp"
#include "orgmodel/model/relations.hpp"

namespace orgmodel {

/// @brief What describes a model as a whole.
struct model_info {
  std::string id;           ///< e.g. "business-region-orebro"
  std::string name;         ///< e.g. "Business Region Örebro"
  std::string currency = "SEK";
  std::string description;
  std::string source;       ///< citation of where the facts come from
  std::vector<std::string> extra_decision_classes;  ///< classes beyond the defaults
  extensions extra;
  friend bool operator==(const model_info&, const model_info&) = default;
};

/// @brief The raw content of a model, before validation. Every input path (JSON, builder,
/// templates, synthetic regions) fills one of these and hands it to `model`'s constructor.
///
/// Seats are kept in the order they were given; the JSON form nests them in their bodies.
struct model_data {
  model_info info;
  std::vector<organisation> organisations;
  std::vector<body> bodies;
  std::vector<seat> seats;
  std::vector<affiliation> affiliations;
  std::vector<escalation> escalations;
  std::vector<ownership> ownerships;
  std::vector<funding_rule> funding_rules;
  std::vector<membership> memberships;
  std::vector<representation> representations;
  std::vector<budget_figure> budgets;
  friend bool operator==(const model_data&, const model_data&) = default;
};

namespace detail {
/// Names paired with their positions, sorted by name then position: equal names are adjacent and
/// the first of a run is the earliest. The validator's id checks sort them, and the same order is
/// the model's id index, so a translation unit that holds a model instantiates no hash table.
using named_positions = std::vector<std::pair<std::string_view, std::uint32_t>>;
inline void sort_by_name(named_positions& v) { std::sort(v.begin(), v.end()); }

/// The position (in `all`) of the element whose id is `id`, given positions sorted by id.
template <class Element>
std::optional<std::uint32_t> find_by_id(const std::vector<Element>& all, const std::vector<std::uint32_t>& by_id,
                                        std::string_view id) {
  std::size_t lo = 0, hi = by_id.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (std::string_view(all[by_id[mid]].id) < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo < by_id.size() && all[by_id[lo]].id == id) return by_id[lo];
  return std::nullopt;
}

}  // namespace detail

/// @brief Checks every rule of a model and throws `invalid_model` naming the first offender by
/// its JSON Pointer. Defined in validate.hpp.
void validate(const model_data& d);

namespace detail {
/// The positions of the organisations and of the bodies sorted by id, as the validator's id checks
/// sort them: the model's id index, so that building a model sorts its ids once.
struct id_order {
  std::vector<std::uint32_t> organisations, bodies;
};
/// `validate`, returning that order. Defined in validate.hpp; the model's constructor calls it.
inline id_order validate_and_order(const model_data& d);
}  // namespace detail

/// @brief A validated, immutable organisation model. Cheap to share by const reference; every
/// analysis takes one and keeps no state, so analyses may run concurrently on one model.
class model {
 public:
  /// @brief An empty model.
  model() { index(); }
  /// @brief Validates `d` and takes it over.
  /// @throws invalid_model naming the first offending element by JSON Pointer.
  explicit model(model_data d) : d_(std::move(d)) { index(detail::validate_and_order(d_)); }

  [[nodiscard]] const model_info& info() const noexcept { return d_.info; }
  /// @brief All the content, for code that converts or copies the model.
  [[nodiscard]] const model_data& data() const noexcept { return d_; }

  [[nodiscard]] std::span<const organisation> organisations() const noexcept { return {d_.organisations.data(), d_.organisations.size()}; }
  [[nodiscard]] std::span<const body> bodies() const noexcept { return {d_.bodies.data(), d_.bodies.size()}; }
  [[nodiscard]] std::span<const seat> seats() const noexcept { return {d_.seats.data(), d_.seats.size()}; }
  [[nodiscard]] std::span<const affiliation> affiliations() const noexcept { return {d_.affiliations.data(), d_.affiliations.size()}; }
  [[nodiscard]] std::span<const escalation> escalations() const noexcept { return {d_.escalations.data(), d_.escalations.size()}; }
  [[nodiscard]] std::span<const ownership> ownerships() const noexcept { return {d_.ownerships.data(), d_.ownerships.size()}; }
  [[nodiscard]] std::span<const funding_rule> funding_rules() const noexcept { return {d_.funding_rules.data(), d_.funding_rules.size()}; }
  [[nodiscard]] std::span<const membership> memberships() const noexcept { return {d_.memberships.data(), d_.memberships.size()}; }
  [[nodiscard]] std::span<const representation> representations() const noexcept { return {d_.representations.data(), d_.representations.size()}; }
  [[nodiscard]] std::span<const budget_figure> budgets() const noexcept { return {d_.budgets.data(), d_.budgets.size()}; }

  [[nodiscard]] const organisation& operator[](organisation_index i) const { return d_.organisations.at(i.value); }
  [[nodiscard]] const body& operator[](body_index i) const { return d_.bodies.at(i.value); }
  [[nodiscard]] const seat& operator[](seat_index i) const { return d_.seats.at(i.value); }
  [[nodiscard]] const funding_rule& operator[](funding_rule_index i) const { return d_.funding_rules.at(i.value); }

  /// @brief The organisation with this id, or nothing.
  [[nodiscard]] std::optional<organisation_index> find_organisation(std::string_view id) const {
    if (auto i = detail::find_by_id(d_.organisations, org_by_id_, id)) return organisation_index(*i);
    return std::nullopt;
  }
  /// @brief The organisation with this id. @throws lookup_error when there is none.
  [[nodiscard]] organisation_index organisation_at(std::string_view id) const {
    if (auto i = find_organisation(id)) return *i;
    throw lookup_error("no organisation with id \"" + std::string(id) + "\" in model \"" + d_.info.id + "\"");
  }
  /// @brief The body with this id, or nothing.
  [[nodiscard]] std::optional<body_index> find_body(std::string_view id) const {
    if (auto i = detail::find_by_id(d_.bodies, body_by_id_, id)) return body_index(*i);
    return std::nullopt;
  }
  /// @brief The body with this id. @throws lookup_error when there is none.
  [[nodiscard]] body_index body_at(std::string_view id) const {
    if (auto i = find_body(id)) return *i;
    throw lookup_error("no body with id \"" + std::string(id) + "\" in model \"" + d_.info.id + "\"");
  }
  /// @brief The funding rule with this id, or nothing.
  [[nodiscard]] std::optional<funding_rule_index> find_funding_rule(std::string_view id) const {
    for (std::size_t i = 0; i < d_.funding_rules.size(); ++i)
      if (d_.funding_rules[i].id == id) return funding_rule_index(static_cast<std::uint32_t>(i));
    return std::nullopt;
  }

  /// @brief Names of the model's decision classes: the defaults, then the model's own.
  [[nodiscard]] const std::vector<std::string>& decision_class_names() const noexcept { return classes_; }
  /// @brief The class with this name, or nothing.
  [[nodiscard]] std::optional<decision_class> find_decision_class(std::string_view name) const {
    for (std::size_t i = 0; i < classes_.size(); ++i)
      if (classes_[i] == name) return static_cast<decision_class>(i);
    return std::nullopt;
  }
  /// @brief Every class the model knows, as a set.
  [[nodiscard]] decision_class_set all_decision_classes() const noexcept {
    return classes_.size() >= 64 ? decision_class_set::all()
                                 : decision_class_set((std::uint64_t{1} << classes_.size()) - 1);
  }

  /// @brief Whether an organisation can sign agreements (incl. NDAs) in its own name: its
  /// explicit setting, else whether its kind is a legal person.
  [[nodiscard]] bool can_sign_agreements(organisation_index i) const {
    const auto& o = (*this)[i];
    return o.can_sign_agreements.value_or(is_legal_person(o.kind));
  }

  /// Equal content (the rest is derived from it).
  friend bool operator==(const model&, const model&) = default;

 private:
  void index(detail::id_order order = {}) {
    classes_.assign(default_decision_classes.begin(), default_decision_classes.end());
    classes_.insert(classes_.end(), d_.info.extra_decision_classes.begin(), d_.info.extra_decision_classes.end());
    org_by_id_ = std::move(order.organisations);
    body_by_id_ = std::move(order.bodies);
  }

  model_data d_;
  std::vector<std::string> classes_;
  std::vector<std::uint32_t> org_by_id_;   ///< organisation positions sorted by id
  std::vector<std::uint32_t> body_by_id_;  ///< body positions sorted by id
};

}  // namespace orgmodel

#include "orgmodel/model/validate.hpp"
