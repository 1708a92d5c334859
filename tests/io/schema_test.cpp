// data/model.schema.json against the reader: a valid draft-07 document that names every member the
// reader accepts, in the right definition, with the same enumeration names.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
nlohmann::json schema() {
  return nlohmann::json::parse(om::read_text_file(std::string(ORGMODEL_SOURCE_DIR) + "/data/model.schema.json"));
}

// The members json_reader accepts, object by object, read off include/orgmodel/io/json.hpp
// (read_document, read_organisation, read_body, read_seat, …, common(), fraction_range()).
const std::map<std::string, std::vector<std::string>> reader_members = {
    {"", {"format", "id", "name", "currency", "description", "source", "decision_classes", "organizations", "bodies",
          "affiliations", "escalations", "ownerships", "funding_rules", "memberships", "representations", "budgets"}},
    {"organization", {"id", "name", "classification", "population", "population_year", "county", "code", "model_category",
                      "can_sign_agreements", "member_count", "unknown", "provenance", "note"}},
    {"body", {"id", "name", "classification", "layer", "organization_id", "meetings_per_year", "mandates", "decision_rule",
              "quota", "majorities", "blocking_minority", "staff", "seats", "unknown", "provenance", "note"}},
    {"required_majority", {"of", "at_least"}},
    {"seat", {"on_behalf_of_id", "role", "votes", "chair", "provenance", "note"}},
    {"affiliation", {"organization_id", "parent_id", "classification", "provenance", "note"}},
    {"escalation", {"from_id", "to_id", "decision_classes", "preparation_days", "provenance", "note"}},
    {"ownership", {"owner_id", "organization_id", "share", "voting_share", "provenance", "note"}},
    {"funding_rule", {"id", "payer_id", "recipient_id", "basis", "amount", "rate", "ratio", "group", "matches", "year_from",
                      "year_to", "period_years", "cap", "floor", "co_funding_min", "purpose", "unknown", "provenance", "note"}},
    {"membership", {"member_id", "organization_id", "classification", "since", "provenance", "note"}},
    {"representation", {"represented_id", "representative_id", "body_id", "via", "provenance", "note"}},
    {"budget", {"organization_id", "year", "classification", "amount", "provenance", "note"}},
};

template <class Enum>
std::vector<std::string> names() {
  std::vector<std::string> out;
  for (auto n : om::enum_names<Enum>::names) out.emplace_back(n);
  return out;
}
std::vector<std::string> schema_enum(const nlohmann::json& s, const std::string& def, const std::string& member) {
  return s.at("definitions").at(def).at("properties").at(member).at("enum").get<std::vector<std::string>>();
}
}  // namespace

TEST(Schema, IsDraft07AndRequiresWhatTheReaderRequires) {
  const auto s = schema();
  EXPECT_EQ(s.at("$schema"), "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(s.at("properties").at("format").at("const"), std::string(om::model_format_tag));
  EXPECT_EQ(s.at("required"), nlohmann::json::array({"id"}));
  const auto& d = s.at("definitions");
  EXPECT_EQ(d.at("organization").at("required"), nlohmann::json::array({"id", "name", "classification"}));
  EXPECT_EQ(d.at("body").at("required"), nlohmann::json::array({"id", "name", "classification", "layer", "organization_id"}));
  EXPECT_EQ(d.at("seat").at("required"), nlohmann::json::array({"on_behalf_of_id"}));
  EXPECT_EQ(d.at("ownership").at("required"), nlohmann::json::array({"owner_id", "organization_id", "share"}));
  EXPECT_EQ(d.at("funding_rule").at("required"), nlohmann::json::array({"id", "payer_id", "recipient_id", "basis"}));
  EXPECT_EQ(d.at("budget").at("required"), nlohmann::json::array({"organization_id", "year", "amount"}));
  // Unknown members are allowed (and preserved by the reader) everywhere but in share ranges.
  EXPECT_EQ(s.at("additionalProperties"), true);
  EXPECT_EQ(d.at("share_range").at("oneOf").at(1).at("additionalProperties"), false);
}

TEST(Schema, NamesEveryMemberTheReaderAccepts) {
  const auto s = schema();
  for (const auto& [def, members] : reader_members) {
    const auto& props = def.empty() ? s.at("properties") : s.at("definitions").at(def).at("properties");
    std::set<std::string> in_schema;
    for (const auto& [k, v] : props.items()) in_schema.insert(k);
    EXPECT_EQ(in_schema, std::set<std::string>(members.begin(), members.end())) << "definition \"" << def << "\"";
  }
}

TEST(Schema, MemberListMatchesTheReaderSource) {
  // Every `k == "…"` comparison in json.hpp names a member of the list above, and vice versa,
  // so that a member added to the reader without the schema (or this list) fails here.
  const std::string src = om::read_text_file(std::string(ORGMODEL_SOURCE_DIR) + "/include/orgmodel/io/json.hpp");
  std::set<std::string> in_source;
  // A plain scan rather than std::regex: GCC 12 warns falsely inside <regex> at -O1 with sanitizers.
  const std::string needle = "k == \"";
  for (auto at = src.find(needle); at != std::string::npos; at = src.find(needle, at + 1)) {
    const auto begin = at + needle.size(), end = src.find('"', begin);
    in_source.insert(src.substr(begin, end - begin));
  }
  std::set<std::string> listed;
  for (const auto& [def, members] : reader_members) listed.insert(members.begin(), members.end());
  listed.insert({"minimum", "maximum"});  // the members of a share range
  EXPECT_EQ(in_source, listed);
}

TEST(Schema, EnumerationsMatchTheLibrary) {
  const auto s = schema();
  EXPECT_EQ(schema_enum(s, "organization", "classification"), names<om::organisation_kind>());
  EXPECT_EQ(schema_enum(s, "organization", "model_category"), names<om::model_category>());
  EXPECT_EQ(schema_enum(s, "body", "classification"), names<om::body_kind>());
  EXPECT_EQ(schema_enum(s, "body", "layer"), names<om::layer>());
  EXPECT_EQ(schema_enum(s, "body", "decision_rule"), names<om::decision_rule>());
  EXPECT_EQ(schema_enum(s, "affiliation", "classification"), names<om::affiliation_kind>());
  EXPECT_EQ(schema_enum(s, "funding_rule", "basis"), names<om::funding_basis>());
  EXPECT_EQ(schema_enum(s, "membership", "classification"), names<om::membership_kind>());
  EXPECT_EQ(schema_enum(s, "budget", "classification"), names<om::budget_kind>());
  EXPECT_EQ(s.at("definitions").at("provenance").at("enum").get<std::vector<std::string>>(), names<om::provenance>());
  std::vector<std::string> defaults(om::default_decision_classes.begin(), om::default_decision_classes.end());
  EXPECT_EQ(s.at("properties").at("decision_classes").at("items").at("not").at("enum").get<std::vector<std::string>>(), defaults);
}
