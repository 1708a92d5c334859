// BODS 0.4 import: record updates and closures, indirect interests, unspecified and anonymous
// parties, ranges, annotations, and malformed statements. The files under
// tests/fixtures/bods/ were written for these tests after the 0.4 documentation (schema
// reference, "Representing ownership and control" and "Updating statements"); the expected values
// below are read off those files by hand.
#include <gtest/gtest.h>

#include <string>

#include "orgmodel/io/bods.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
std::string bods_fixture(const char* name) { return std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/bods/" + name; }

const om::organisation& org(const om::model& m, std::string_view id) {
  for (const auto& o : m.organisations())
    if (o.id == id) return o;
  throw std::runtime_error("no organisation " + std::string(id));
}

nlohmann::json ext(const om::extensions& e) {
  for (const auto& [k, v] : e)
    if (k == "bods") return nlohmann::json::parse(v);
  return nullptr;
}

void expect_parse_error(const char* text, om::error_code code, const std::string& pointer) {
  try {
    (void)om::import_bods(nlohmann::json::parse(text));
    ADD_FAILURE() << "no error for " << text;
  } catch (const om::parse_error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.pointer(), pointer) << e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "foreign exception for " << text << ": " << e.what();
  }
}
}  // namespace

TEST(BodsImport, UpdatesAndClosuresGiveTheLatestStateAndKeepHistory) {
  // Nine statements about five records. Latest state: Norrverket renamed in 2022; Eva Lind's
  // 60 % updated to 100 % (votes 50–75 %); Holding AB's 40 % closed with Holding AB itself.
  // Without closures the 2022 state would be 100 % + 40 % = 140 % (over-allocated).
  const auto r = om::load_bods_file(bods_fixture("updates-and-closures.bods.json"));
  const auto& m = r.result;
  EXPECT_EQ(m.info().id, "updates-and-closures");
  ASSERT_EQ(m.organisations().size(), 2u);  // the closed Holding AB is no longer referenced
  EXPECT_EQ(org(m, "ab-norr").name, "Norrverket Energi AB");
  EXPECT_EQ(org(m, "ab-norr").code, "556000-0001");
  EXPECT_EQ(org(m, "person-lind").name, "Eva Lind");  // givenName + familyName
  ASSERT_EQ(m.ownerships().size(), 1u);
  const auto& o = m.ownerships()[0];
  EXPECT_EQ(m[o.owner].id, "person-lind");
  EXPECT_EQ(o.equity, om::share_range(om::share::one()));
  EXPECT_EQ(o.votes, om::share_range(om::share(1, 2), om::share(3, 4)));
  // history: every statement in input order, with the status it declared
  ASSERT_EQ(r.history.size(), 9u);
  EXPECT_EQ(r.history[6].record_id, "rel-holding");
  EXPECT_EQ(r.history[6].record_status, "closed");
  EXPECT_EQ(r.history[6].statement_date, "2022-06-30");
  EXPECT_EQ(r.closed_records, (std::vector<std::string>{"ab-holding", "rel-holding"}));
  const auto e = ext(o.extra);
  EXPECT_EQ(e["recordId"], "rel-lind");
  EXPECT_EQ(e["statementIds"], nlohmann::json::array({"1f0c2a5e-0000-4000-8000-000000000004", "1f0c2a5e-0000-4000-8000-000000000009"}));
  EXPECT_EQ(ext(org(m, "person-lind").extra)["recordType"], "person");
  // kept through the model format: save and load give the same model
  EXPECT_EQ(om::from_json(om::to_json(m)).data(), m.data());
}

TEST(BodsImport, AnOlderStatementDoesNotReplaceANewerOne) {
  // The 2022 update given before the 2020 statement: the 2022 name stays.
  const char* text = R"([
    {"statementDate": "2022-01-01", "recordId": "a", "recordType": "entity", "recordStatus": "updated",
     "recordDetails": {"isComponent": false, "entityType": {"type": "registeredEntity"}, "name": "New"}},
    {"statementDate": "2020-01-01", "recordId": "a", "recordType": "entity", "recordStatus": "new",
     "recordDetails": {"isComponent": false, "entityType": {"type": "registeredEntity"}, "name": "Old"}}])";
  const auto r = om::import_bods(nlohmann::json::parse(text));
  EXPECT_EQ(r.result.organisations()[0].name, "New");
  EXPECT_EQ(r.history.size(), 2u);
}

TEST(BodsImport, IndirectInterestsAreDeclaredNotAddedToDirectEquity) {
  // kommun → 100 % moder → 100 % dotter, and kommun's declared indirect 100 % of dotter. Added to
  // dotter's direct equity this would make 200 %.
  const auto r = om::load_bods_file(bods_fixture("indirect-interests.bods.json"));
  const auto& m = r.result;
  ASSERT_EQ(m.ownerships().size(), 2u);
  EXPECT_EQ(m[m.ownerships()[0].owner].id, "moder");
  EXPECT_EQ(m[m.ownerships()[1].owner].id, "kommun");
  EXPECT_EQ(m.ownerships()[1].votes, om::share_range(om::share::one()));  // votes follow equity when not stated
  EXPECT_EQ(org(m, "kommun").kind, om::organisation_kind::municipality);  // entityType details
  ASSERT_EQ(r.declared_interests.size(), 3u);
  const auto& ind = r.declared_interests[0];
  EXPECT_EQ(ind.record_id, "kommun-controls-dotter");
  EXPECT_EQ(ind.subject, "dotter");
  EXPECT_EQ(ind.interested_party, "kommun");
  EXPECT_EQ(ind.type, "shareholding");
  EXPECT_EQ(ind.direct_or_indirect, "indirect");
  EXPECT_EQ(ind.share, om::share_range(om::share::one()));
  EXPECT_EQ(ind.details, "through Moderbolaget AB");
  // directness unknown: declared too; 50 % to (exclusive) 100 % kept as the closed range
  EXPECT_EQ(r.declared_interests[1].direct_or_indirect, "unknown");
  EXPECT_EQ(r.declared_interests[1].share, om::share_range(om::share(1, 2), om::share::one()));
  EXPECT_EQ(r.declared_interests[2].type, "appointmentOfBoard");
  EXPECT_FALSE(r.declared_interests[2].share.has_value());
  // and in the model file
  const auto info = ext(m.info().extra);
  ASSERT_EQ(info["declaredInterests"].size(), 3u);
  EXPECT_EQ(info["declaredInterests"][0]["directOrIndirect"], "indirect");
  EXPECT_EQ(info["declaredInterests"][1]["share"], "0.5..1");  // share text as the model format writes it
}

TEST(BodsImport, UnspecifiedAndAnonymousPartiesRangesAndAnnotations) {
  const auto r = om::load_bods_file(bods_fixture("unspecified-parties.bods.json"));
  const auto& m = r.result;
  ASSERT_EQ(m.ownerships().size(), 3u);
  // anonymous person: 12.5 % = 1/8, named by its unspecified details
  const auto& anon = org(m, "anonym");
  EXPECT_EQ(anon.kind, om::organisation_kind::unknown_group);
  EXPECT_EQ(anon.name, "protected identity");
  EXPECT_EQ(m.ownerships()[0].equity, om::share_range(om::share(1, 8)));
  // unknown entity with a shareholding of no stated size: unknown (0–100 %), never 0
  EXPECT_EQ(org(m, "okand").name, "unknown entity (informationUnknownToPublisher)");
  EXPECT_EQ(m.ownerships()[1].equity, om::share_range(om::share::zero(), om::share::one()));
  // unspecified interested party: an unknown_group of its own with the 25–50 % range
  const auto& un = m[m.ownerships()[2].owner];
  EXPECT_EQ(un.id, "rel-unspecified#interestedParty");
  EXPECT_EQ(un.kind, om::organisation_kind::unknown_group);
  EXPECT_EQ(un.name, "owners abroad not identified");
  EXPECT_EQ(m.ownerships()[2].equity, om::share_range(om::share(1, 4), om::share(1, 2)));
  // "estimated: …" becomes the provenance; the other two annotations are kept
  EXPECT_EQ(m.ownerships()[2].source, om::provenance::estimated);
  EXPECT_EQ(m.ownerships()[2].note, "from the annual report");
  EXPECT_EQ(ext(m.ownerships()[2].extra)["annotations"].size(), 2u);
  // re-export: the unspecified party is an object again, the annotations are back
  const auto s = om::to_bods(m, {.publication_date = "2024-01-01"});
  const auto& rel = s.back();
  EXPECT_EQ(rel["recordId"], "rel-unspecified");
  EXPECT_EQ(rel["recordDetails"]["interestedParty"]["reason"], "subjectUnableToConfirmOrIdentifyBeneficialOwner");
  ASSERT_EQ(rel["annotations"].size(), 3u);
  EXPECT_EQ(rel["annotations"][0]["description"], "estimated: from the annual report");
  EXPECT_EQ(rel["annotations"][2]["url"], "https://register.example/bolaget");
  std::size_t persons = 0;
  for (const auto& x : s) persons += x["recordType"] == "person";
  EXPECT_EQ(persons, 1u);
  // and back once more: the same ownerships
  const auto again = om::import_bods(nlohmann::json::parse(s.dump())).result;
  ASSERT_EQ(again.ownerships().size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(again.ownerships()[i].equity, m.ownerships()[i].equity);
}

TEST(BodsImport, TheFiveMalformedInputsOfIssue15AreParseErrors) {
  using om::error_code;
  expect_parse_error(R"([{"recordId":"a","recordType":"entity","recordDetails":{"entityType":{"type":5}}}])", error_code::wrong_type,
                     "/0/recordDetails/entityType/type");
  expect_parse_error(R"([{"recordId":"p","recordType":"person","recordDetails":{"names":[{"fullName":5}]}}])", error_code::wrong_type,
                     "/0/recordDetails/names/0/fullName");
  const std::string two = R"({"recordId":"c","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"}}},
                             {"recordId":"o","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"}}},)";
  expect_parse_error(("[" + two + R"({"recordId":"r","recordType":"relationship","recordDetails":{"subject":"c","interestedParty":"o","interests":[{"type":5}]}}])").c_str(),
                     error_code::wrong_type, "/2/recordDetails/interests/0/type");
  expect_parse_error(("[" + two + R"({"recordId":"r","recordType":"relationship","annotations":[5],"recordDetails":{"subject":"c","interestedParty":"o"}}])").c_str(),
                     error_code::wrong_type, "/2/annotations/0");
  // An annotation without its required statementPointerTarget and motivation.
  expect_parse_error(("[" + two + R"({"recordId":"r","recordType":"relationship","annotations":[{"description":"stated:"}],"recordDetails":{"subject":"c","interestedParty":"o"}}])").c_str(),
                     error_code::missing_member, "/2/annotations/0/statementPointerTarget");
  // With them, "stated:" is a stated holding with an empty note.
  const auto ok = om::import_bods(nlohmann::json::parse(
      "[" + two + R"({"recordId":"r","recordType":"relationship","annotations":[{"statementPointerTarget":"/","motivation":"commenting","description":"stated:"}],
        "recordDetails":{"subject":"c","interestedParty":"o","interests":[{"type":"shareholding","share":{"exact":10}}]}}])"));
  ASSERT_EQ(ok.result.ownerships().size(), 1u);
  EXPECT_EQ(ok.result.ownerships()[0].source, om::provenance::stated);
  EXPECT_EQ(ok.result.ownerships()[0].note, "");
}

TEST(BodsImport, OtherMalformedStatements) {
  using om::error_code;
  expect_parse_error(R"([{"recordId":"a","recordType":"entity","recordStatus":"deleted","recordDetails":{}}])", error_code::unknown_value,
                     "/0/recordStatus");
  expect_parse_error(R"([{"recordId":"a","recordType":"entity","statementDate":"2024-13-01","recordDetails":{}}])", error_code::out_of_range,
                     "/0/statementDate");
  expect_parse_error(R"([{"recordId":"a","recordType":"entity"}])", error_code::missing_member, "/0/recordDetails");
  expect_parse_error(R"([{"recordId":"a","recordType":"person","recordDetails":{"personType":"robot"}}])", error_code::unknown_value,
                     "/0/recordDetails/personType");
  expect_parse_error(R"([{"recordId":"a","recordType":"entity","recordDetails":{}},
                        {"recordId":"a","recordType":"person","recordDetails":{}}])", error_code::duplicate_id, "/1/recordId");
  expect_parse_error(R"([{"recordId":"a","recordType":"entity","recordDetails":{}},
                        {"recordId":"r","recordType":"relationship","recordDetails":{"subject":"a","interestedParty":7}}])",
                     error_code::wrong_type, "/1/recordDetails/interestedParty");
  expect_parse_error(R"([{"recordId":"a","recordType":"entity","recordDetails":{}},
                        {"recordId":"r","recordType":"relationship","recordDetails":{"subject":"a","interestedParty":"a",
                         "interests":[{"type":"shareholding","directOrIndirect":"sideways"}]}}])",
                     error_code::unknown_value, "/1/recordDetails/interests/0/directOrIndirect");
  EXPECT_THROW((void)om::load_bods_file(std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/malformed_syntax.json"), om::parse_error);
}
