// decision_class_set, the default decision classes, enumeration names, strong indices, errors.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <unordered_set>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/ids.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/error.hpp"

namespace om = orgmodel;

TEST(DecisionClassSet, InsertContainsAndSetAlgebra) {
  om::decision_class_set s;
  EXPECT_TRUE(s.empty());
  s.insert(om::decision_classes::budget).insert(om::decision_classes::strategy).insert(63);
  EXPECT_EQ(s.size(), 3);
  EXPECT_TRUE(s.contains(om::decision_classes::budget));
  EXPECT_TRUE(s.contains(63));
  EXPECT_FALSE(s.contains(om::decision_classes::contract));
  // budget = bit 1, strategy = bit 3, 63 = bit 63: 2 + 8 + 2^63.
  EXPECT_EQ(s.bits(), 2u + 8u + (std::uint64_t{1} << 63));
  om::decision_class_set t = om::decision_class_set().insert(om::decision_classes::budget).insert(0);
  EXPECT_EQ((s & t).bits(), 2u);
  EXPECT_EQ((s | t).size(), 4);
  EXPECT_TRUE(om::decision_class_set::all().is_all());
  EXPECT_EQ(om::decision_class_set::all().size(), 64);
  EXPECT_FALSE(s.is_all());
  EXPECT_EQ(om::decision_class_set(10), om::decision_class_set().insert(1).insert(3));
}

TEST(DecisionClassSet, DefaultClassesAreInTheirDocumentedOrder) {
  ASSERT_EQ(om::default_decision_classes.size(), 7u);
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::daily_operations], "daily_operations");
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::budget], "budget");
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::operational_plan], "operational_plan");
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::strategy], "strategy");
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::contract], "contract");
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::membership], "membership");
  EXPECT_EQ(om::default_decision_classes[om::decision_classes::ownership], "ownership");
}

namespace {
/// Every name of an enumeration maps back to its enumerator, and names are unique.
template <class Enum>
void expect_names_round_trip(std::size_t expected_count) {
  const auto& names = om::enum_names<Enum>::names;
  EXPECT_EQ(names.size(), expected_count) << om::enum_names<Enum>::what;
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_TRUE(seen.insert(names[i]).second) << names[i];
    auto e = om::parse_enum<Enum>(names[i]);
    ASSERT_TRUE(e.has_value()) << names[i];
    EXPECT_EQ(static_cast<std::size_t>(*e), i);
    EXPECT_EQ(om::to_string(*e), names[i]);
  }
  EXPECT_FALSE(om::parse_enum<Enum>("no_such_name").has_value());
  EXPECT_FALSE(om::parse_enum<Enum>("").has_value());
  // Out-of-range values print as "?" instead of reading past the table.
  EXPECT_EQ(om::to_string(static_cast<Enum>(200)), "?");
}
}  // namespace

TEST(EnumNames, EveryEnumerationRoundTrips) {
  // Counts from kinds.hpp, enumerator by enumerator.
  expect_names_round_trip<om::organisation_kind>(14);
  expect_names_round_trip<om::body_kind>(14);
  expect_names_round_trip<om::layer>(4);
  expect_names_round_trip<om::decision_rule>(5);
  expect_names_round_trip<om::affiliation_kind>(3);
  expect_names_round_trip<om::membership_kind>(2);
  expect_names_round_trip<om::funding_basis>(4);
  expect_names_round_trip<om::budget_kind>(3);
  expect_names_round_trip<om::provenance>(4);
  expect_names_round_trip<om::model_category>(7);
}

TEST(EnumNames, SpecificNames) {
  EXPECT_EQ(om::to_string(om::organisation_kind::chamber_of_commerce), "chamber_of_commerce");
  EXPECT_EQ(om::to_string(om::body_kind::management_group), "management_group");
  EXPECT_EQ(om::to_string(om::model_category::c2B), "2B");
  EXPECT_EQ(om::parse_enum<om::funding_basis>("per_inhabitant"), om::funding_basis::per_inhabitant);
  EXPECT_EQ(om::parse_enum<om::layer>("Political"), std::nullopt);  // names are case-sensitive
}

TEST(Kinds, LegalPersonsCanSignAgreements) {
  EXPECT_TRUE(om::is_legal_person(om::organisation_kind::municipality));
  EXPECT_TRUE(om::is_legal_person(om::organisation_kind::company));
  EXPECT_TRUE(om::is_legal_person(om::organisation_kind::municipal_association));
  EXPECT_FALSE(om::is_legal_person(om::organisation_kind::partnership));
  EXPECT_FALSE(om::is_legal_person(om::organisation_kind::business_area));
  EXPECT_FALSE(om::is_legal_person(om::organisation_kind::unit));
}

TEST(StrongIndex, DefaultIsInvalidAndIndicesCompare) {
  om::organisation_index none;
  EXPECT_FALSE(none.valid());
  om::organisation_index a(3), b(5);
  EXPECT_TRUE(a.valid());
  EXPECT_LT(a, b);
  EXPECT_EQ(a, om::organisation_index(3));
  EXPECT_EQ(std::hash<om::organisation_index>{}(a), std::hash<std::uint32_t>{}(3));
  // A body index is a different type: this must not compile, so it is only documented here:
  // om::body_index x = a;
  static_assert(!std::is_convertible_v<om::organisation_index, om::body_index>);
}

TEST(Errors, MessagesCarryTagPointerAndCode) {
  om::invalid_model e(om::error_code::dangling_reference, "/bodies/3/seats/0", "unknown organisation \"kiruna\"");
  EXPECT_STREQ(e.what(), "[orgmodel.invalid_model.dangling_reference] /bodies/3/seats/0: unknown organisation \"kiruna\"");
  EXPECT_EQ(e.pointer(), "/bodies/3/seats/0");
  om::parse_error p(om::error_code::syntax, "", "not JSON", 7);
  EXPECT_STREQ(p.what(), "[orgmodel.parse_error.syntax] not JSON");
  EXPECT_EQ(p.byte(), 7u);
  om::lookup_error l("no model \"x\"");
  EXPECT_EQ(l.code(), om::error_code::not_found);
  const om::error& base = l;
  EXPECT_STREQ(base.what(), "[orgmodel.lookup_error.not_found] no model \"x\"");
  // Every code has a distinct tag.
  std::unordered_set<std::string_view> tags;
  for (int c = 0; c <= static_cast<int>(om::error_code::empty_input); ++c)
    EXPECT_TRUE(tags.insert(om::to_string(static_cast<om::error_code>(c))).second);
  EXPECT_EQ(tags.size(), 16u);
  EXPECT_EQ(tags.count("unknown"), 0u);
}
