#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/io/bods.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
void expect_same_ownership(const om::model& a, const om::model& b) {
  ASSERT_EQ(a.ownerships().size(), b.ownerships().size());
  for (std::size_t i = 0; i < a.ownerships().size(); ++i) {
    const auto& x = a.ownerships()[i];
    const auto& y = b.ownerships()[i];
    EXPECT_EQ(a[x.owner].id, b[y.owner].id);
    EXPECT_EQ(a[x.owned].id, b[y.owned].id);
    EXPECT_EQ(x.equity, y.equity) << a[x.owner].id;
    EXPECT_EQ(x.votes, y.votes);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.note, y.note);
    EXPECT_EQ(a[x.owner].name, b[y.owner].name);
    EXPECT_EQ(a[x.owner].kind, b[y.owner].kind);
  }
}
}  // namespace

TEST(Bods, RoundTripOfTheBundledOwnershipModels) {
  for (const char* id : {"invest-in-norrbotten", "high-coast-invest"}) {
    auto m = om::data::load_bundled_model(id);
    auto statements = om::to_bods(m, {.publication_date = "2024-06-01"});
    auto back = om::from_bods(nlohmann::json::parse(statements.dump()));
    expect_same_ownership(m, back);
    // BODS 0.4 shape: required members of every statement
    for (const auto& s : statements) {
      for (const char* k : {"statementId", "declarationSubject", "recordId", "recordType", "recordDetails", "publicationDetails"})
        EXPECT_TRUE(s.contains(k)) << k;
      EXPECT_GE(s["statementId"].get<std::string>().size(), 32u);
      EXPECT_EQ(s["publicationDetails"]["bodsVersion"], "0.4");
      EXPECT_FALSE(s["recordDetails"]["isComponent"].get<bool>());
    }
  }
}

TEST(Bods, SharesInPercentExactOrRange) {
  auto m = om::data::load_bundled_model("high-coast-invest");
  auto s = om::to_bods(m);
  const nlohmann::ordered_json* rel = nullptr;
  for (const auto& x : s)
    if (x["recordType"] == "relationship") { rel = &x; break; }
  ASSERT_NE(rel, nullptr);
  const auto& in = (*rel)["recordDetails"]["interests"];
  EXPECT_EQ(in[0]["type"], "shareholding");
  EXPECT_EQ(in[1]["type"], "votingRights");
  EXPECT_EQ(in[0]["share"]["minimum"], 0.0);
  EXPECT_EQ(in[0]["share"]["maximum"], 100.0);
  auto iin = om::to_bods(om::data::load_bundled_model("invest-in-norrbotten"));
  bool region = false;
  for (const auto& x : iin)
    if (x["recordType"] == "relationship" && x["recordDetails"]["interestedParty"] == "region-norrbotten") {
      EXPECT_EQ(x["recordDetails"]["interests"][0]["share"]["exact"], 75.0);
      region = true;
    }
  EXPECT_TRUE(region);
}

TEST(Bods, ForeignStatementsFromNumbersOnly) {
  // A publisher that gives only numbers: 1.9230769230769231 % is read back as 1/52.
  auto doc = nlohmann::json::parse(R"([
    {"statementId": "00000000000000000000000000000001", "declarationSubject": "c", "recordId": "c", "recordType": "entity",
     "recordDetails": {"isComponent": false, "entityType": {"type": "registeredEntity"}, "name": "C AB"}},
    {"statementId": "00000000000000000000000000000002", "declarationSubject": "c", "recordId": "p", "recordType": "person",
     "recordDetails": {"isComponent": false, "names": [{"fullName": "A Person"}]}},
    {"statementId": "00000000000000000000000000000003", "declarationSubject": "c", "recordId": "r1", "recordType": "relationship",
     "recordDetails": {"isComponent": false, "subject": "c", "interestedParty": "p",
       "interests": [{"type": "shareholding", "share": {"exact": 1.9230769230769231}},
                     {"type": "votingRights", "share": {"minimum": 10, "maximum": 15}}]}}
  ])");
  auto m = om::from_bods(doc);
  ASSERT_EQ(m.ownerships().size(), 1u);
  EXPECT_EQ(m.ownerships()[0].equity.low, om::share(1, 52));
  EXPECT_EQ(m.ownerships()[0].votes, om::share_range(om::share::percent(10), om::share::percent(15)));
  EXPECT_EQ(m[m.ownerships()[0].owner].name, "A Person");
}

TEST(Bods, BadStatementsAreTypedErrors) {
  auto dangling = nlohmann::json::parse(R"([{"statementId": "x", "declarationSubject": "c", "recordId": "r", "recordType": "relationship",
     "recordDetails": {"isComponent": false, "subject": "c", "interestedParty": "p"}}])");
  try {
    (void)om::from_bods(dangling);
    FAIL();
  } catch (const om::parse_error& e) {
    EXPECT_EQ(e.pointer(), "/0/recordDetails/subject");
    EXPECT_EQ(e.code(), om::error_code::dangling_reference);
  }
  EXPECT_THROW((void)om::from_bods(nlohmann::json::parse(R"({"not": "an array"})")), om::parse_error);
  EXPECT_THROW((void)om::from_bods(nlohmann::json::parse(R"([{"recordType": "alien", "recordId": "x"}])")), om::parse_error);
}

