// Every statement orgmodel exports, checked against the BODS 0.4 rules the export implements
// (openownership data-standard 0.4: schema/statement.json, entity-record.json,
// person-record.json, relationship-record.json, codelists/*.csv). The checker below is written
// from those rules, independently of the exporter.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/io/bods.hpp"
#include "orgmodel/model/builder.hpp"
#include "orgmodel/synth/nation.hpp"

namespace om = orgmodel;
using oj = nlohmann::ordered_json;

namespace {

bool in(const oj& v, std::initializer_list<const char*> codes) {
  if (!v.is_string()) return false;
  for (const char* c : codes)
    if (v == c) return true;
  return false;
}

// RFC 3339 full-date or date-time (JSON Schema 2020-12 "date" / "date-time"). Regexes are built
// once; matching 50 000 statements with std::regex in a debug build takes seconds, so the
// dates the exporter writes (always YYYY-MM-DD here) are first compared with a cache.
bool is_date(const oj& v) {
  static const std::regex re(R"(^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d\d:\d\d)?)?$)");
  static std::set<std::string> good;
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  if (good.count(s)) return true;
  if (!std::regex_match(s, re)) return false;
  good.insert(s);
  return true;
}

// RFC 4122 text form, version 5 (name-based, SHA-1), variant 10xx: 8-4-4-4-12 lower-case hex
// digits, '5' first in the third group, one of 8 9 a b first in the fourth.
bool is_uuid5(const oj& v) {
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < 36; ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
  }
  return s[14] == '5' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
}

const oj& get(const oj& j, const char* k) {
  static const oj none;
  auto it = j.find(k);
  return it == j.end() ? none : *it;
}

void check_share(const oj& s, const std::string& where, std::vector<std::string>& errors) {
  if (!s.is_object()) return errors.push_back(where + ": share is not an object");
  for (auto& [k, v] : s.items()) {
    if (!in(oj(k), {"exact", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})) errors.push_back(where + ": share member " + k);
    else if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 100) errors.push_back(where + "/" + k + ": not a number in [0, 100]");
  }
  if (s.contains("minimum") && s.contains("maximum") && s["minimum"].get<double>() > s["maximum"].get<double>())
    errors.push_back(where + ": minimum above maximum");
}

// Returns every rule broken, as "<statement index>/<member>: what".
std::vector<std::string> check_bods(const oj& statements) {
  std::vector<std::string> errors;
  if (!statements.is_array()) return {"not an array"};
  std::set<std::string> ids, parties;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const oj& s = statements[i];
    const std::string at = "/" + std::to_string(i);
    auto err = [&](const std::string& what) { errors.push_back(at + what); };
    if (!s.is_object()) {
      err(": not an object");
      continue;
    }
    // statement.json: required members and their types
    for (const char* k : {"statementId", "statementDate", "declarationSubject", "recordId", "recordType", "recordStatus", "recordDetails",
                          "publicationDetails"})
      if (!s.contains(k)) err(std::string("/") + k + ": missing");
    if (!is_uuid5(s.value("statementId", oj()))) err("/statementId: not a version-5 UUID");
    const auto id = s.value("statementId", std::string());
    if (id.size() < 32 || id.size() > 64) err("/statementId: length outside 32..64");
    if (!ids.insert(id).second) err("/statementId: not unique");
    if (!is_date(s.value("statementDate", oj()))) err("/statementDate: not a date");
    if (!s.value("declarationSubject", oj()).is_string()) err("/declarationSubject: not a string");
    if (!s.value("recordId", oj()).is_string()) err("/recordId: not a string");
    if (!in(s.value("recordType", oj()), {"entity", "person", "relationship"})) err("/recordType: not in the codelist");
    if (!in(s.value("recordStatus", oj()), {"new", "updated", "closed"})) err("/recordStatus: not in the codelist");
    const oj& pub = get(s, "publicationDetails");
    if (!pub.is_object() || !is_date(pub.value("publicationDate", oj()))) err("/publicationDetails/publicationDate: not a date");
    else {
      if (pub.value("bodsVersion", oj()) != "0.4") err("/publicationDetails/bodsVersion: not 0.4");
      const oj& who = get(pub, "publisher");
      if (!who.is_object() || (!who.value("name", oj()).is_string() && !who.value("url", oj()).is_string()))
        err("/publicationDetails/publisher: needs a name or url");
    }
    if (s.contains("annotations")) {
      if (!s["annotations"].is_array()) err("/annotations: not an array");
      else
        for (const auto& a : s["annotations"]) {
          if (!a.is_object() || !a.value("statementPointerTarget", oj()).is_string()) err("/annotations: statementPointerTarget missing");
          else if (!in(a.value("motivation", oj()), {"commenting", "correcting", "identifying", "linking", "transformation"}))
            err("/annotations: motivation not in the codelist");
          else if (a["motivation"] == "linking" && !a.contains("url")) err("/annotations: linking without url");
        }
    }
    const oj& d = get(s, "recordDetails");
    if (!d.is_object()) continue;
    if (!d.value("isComponent", oj()).is_boolean()) err("/recordDetails/isComponent: not a boolean");
    const std::string type = s.value("recordType", "");
    if (type == "entity") {
      const oj& et = get(d, "entityType");
      if (!et.is_object() || !in(et.value("type", oj()),
                                  {"registeredEntity", "legalEntity", "arrangement", "anonymousEntity", "unknownEntity", "state", "stateBody"}))
        err("/recordDetails/entityType/type: not in the codelist");
      if (d.contains("name") && !d["name"].is_string()) err("/recordDetails/name: not a string");
      parties.insert(s.value("recordId", ""));
    } else if (type == "person") {
      if (!in(d.value("personType", oj()), {"anonymousPerson", "unknownPerson", "knownPerson"})) err("/recordDetails/personType: not in the codelist");
      if (d.contains("names"))
        for (const auto& n : d["names"])
          if (!n.is_object() || !n.value("fullName", oj()).is_string() ||
              (n.contains("type") && !in(n["type"], {"individual", "translation", "transliteration", "former", "alternative", "birth"})))
            err("/recordDetails/names: bad name");
      parties.insert(s.value("recordId", ""));
    } else if (type == "relationship") {
      for (const char* k : {"subject", "interestedParty"}) {
        const oj& p = get(d, k);
        // A record id stated earlier in the package (0.4 ordering rule), or an unspecified record.
        if (p.is_string()) {
          if (!parties.count(p.get<std::string>())) err(std::string("/recordDetails/") + k + ": no earlier entity or person statement");
        } else if (!p.is_object() || !p.contains("reason")) {
          err(std::string("/recordDetails/") + k + ": neither a record id nor an unspecified record");
        }
      }
      const oj& interests = get(d, "interests");
      if (!interests.is_array()) err("/recordDetails/interests: not an array");
      else
        for (std::size_t k = 0; k < interests.size(); ++k) {
          const oj& x = interests[k];
          const std::string w = at + "/recordDetails/interests/" + std::to_string(k);
          if (!in(x.value("type", oj()), {"shareholding", "votingRights", "appointmentOfBoard", "otherInfluenceOrControl",
                                          "seniorManagingOfficial", "settlor", "trustee", "protector", "beneficiaryOfLegalArrangement",
                                          "rightsToSurplusAssetsOnDissolution", "rightsToProfitOrIncome", "rightsGrantedByContract",
                                          "conditionalRightsGrantedByContract", "controlViaCompanyRulesOrArticles",
                                          "controlByLegalFramework", "boardMember", "boardChair", "unknownInterest",
                                          "unpublishedInterest", "enjoymentAndUseOfAssets", "rightToProfitOrIncomeFromAssets"}))
            errors.push_back(w + "/type: not in the codelist");
          if (x.contains("directOrIndirect") && !in(x["directOrIndirect"], {"direct", "indirect", "unknown"}))
            errors.push_back(w + "/directOrIndirect: not in the codelist");
          if (x.contains("beneficialOwnershipOrControl") && !x["beneficialOwnershipOrControl"].is_boolean())
            errors.push_back(w + "/beneficialOwnershipOrControl: not a boolean");
          if (x.contains("share")) check_share(x["share"], w + "/share", errors);
        }
    }
  }
  return errors;
}

const om::bods_options dated{.publication_date = "2026-01-15", .statement_date = "2025-12-31", .publisher = "orgmodel tests"};

}  // namespace

TEST(BodsExportRules, EveryBundledModel) {
  for (auto id : om::data::bundled_model_ids()) {
    const auto m = om::data::load_bundled_model(id);
    const auto s = om::to_bods(m, dated);
    const auto errors = check_bods(s);
    EXPECT_TRUE(errors.empty()) << id << ": " << errors.size() << " broken rules, first " << errors.front();
    // one entity statement per organisation in an ownership, one relationship per ownership
    std::set<std::uint32_t> involved;
    for (const auto& o : m.ownerships()) involved.insert(o.owner.value), involved.insert(o.owned.value);
    EXPECT_EQ(s.size(), involved.size() + m.ownerships().size()) << id;
  }
}

TEST(BodsExportRules, SyntheticRegistryOfTenThousandCompanies) {
  om::synth::synth_options o;
  o.municipalities = 4300;
  o.seed = 7;
  const auto data = om::synth::generate_data(o);
  const auto counts = om::synth::count(data);
  ASSERT_GE(counts.companies, 10'000u);
  const om::model m(data);
  const auto s = om::to_bods(m, dated);
  const auto errors = check_bods(s);
  EXPECT_TRUE(errors.empty()) << errors.size() << " broken rules, first " << errors.front();
  std::size_t relationships = 0;
  for (const auto& x : s) relationships += x["recordType"] == "relationship";
  EXPECT_EQ(relationships, counts.ownerships);
}

TEST(BodsExportRules, TheCheckerCatchesBrokenStatements) {
  // The checker must fail on what the rules forbid, or the tests above prove nothing.
  auto s = om::to_bods(om::data::load_bundled_model("invest-in-norrbotten"), dated);
  ASSERT_TRUE(check_bods(s).empty());
  auto broken = s;
  broken[0].erase("statementDate");
  EXPECT_FALSE(check_bods(broken).empty());
  broken = s;
  broken[0]["statementId"] = std::string(32, 'a');
  EXPECT_FALSE(check_bods(broken).empty());
  broken = s;
  broken[0]["recordDetails"]["entityType"]["type"] = "company";
  EXPECT_FALSE(check_bods(broken).empty());
  broken = s;
  broken.back()["recordDetails"]["interests"][0]["share"]["exact"] = 120;
  EXPECT_FALSE(check_bods(broken).empty());
  broken = s;
  broken[0]["publicationDetails"]["publicationDate"] = "2026-13-01";
  EXPECT_FALSE(check_bods(broken).empty());
}

TEST(BodsExport, DatesPublisherAndIdsFromOptions) {
  const auto m = om::data::load_bundled_model("invest-in-norrbotten");
  const auto a = om::to_bods(m, dated);
  EXPECT_EQ(a[0]["statementDate"], "2025-12-31");
  EXPECT_EQ(a[0]["publicationDetails"]["publicationDate"], "2026-01-15");
  EXPECT_EQ(a[0]["publicationDetails"]["publisher"]["name"], "orgmodel tests");
  // Deterministic: the same model and date give the same ids; another date gives other ids.
  EXPECT_EQ(om::to_bods(m, dated), a);
  auto later = dated;
  later.statement_date = "2026-01-01";
  EXPECT_NE(om::to_bods(m, later)[0]["statementId"], a[0]["statementId"]);
  // Default: statement date = publication date = today (UTC), both valid dates.
  const auto today = om::to_bods(m);
  EXPECT_EQ(today[0]["statementDate"], today[0]["publicationDetails"]["publicationDate"]);
  EXPECT_TRUE(is_date(today[0]["statementDate"]));
  EXPECT_THROW((void)om::to_bods(m, {.publication_date = "15/01/2026"}), om::parse_error);
  EXPECT_THROW((void)om::to_bods(m, {.publication_date = "2026-01-15", .statement_date = "2026-02-30T25:00:00"}), om::parse_error);
}

TEST(BodsExport, UuidIsTheRfc4122NameBasedSha1) {
  // RFC 4122 §4.3 / appendix: the SHA-1 name-based UUID of "python.org" in the DNS namespace is
  // 886313e1-3b8a-5372-9b90-0c9aee199e5d (the value Python's uuid.uuid5 documentation prints).
  // Boost's generator with that namespace must give it; orgmodel's ids use the same generator.
  boost::uuids::name_generator_sha1 gen(boost::uuids::ns::dns());
  EXPECT_EQ(boost::uuids::to_string(gen("python.org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(BodsExport, PersonsUnknownSharesAndAssumptions) {
  // A person owning 2/5 of a company, an assumed holding known only as 10–30 %.
  om::model_builder b("t", "T");
  auto c = b.add_organisation({.id = "c", .name = "C AB", .kind = om::organisation_kind::company});
  auto p = b.add_organisation({.id = "p", .name = "Anna Berg", .kind = om::organisation_kind::other,
                               .extra = {{"bods", R"({"recordType":"person","personType":"knownPerson"})"}}});
  auto k = b.add_organisation({.id = "k", .name = "K kommun", .kind = om::organisation_kind::municipality});
  b.add_ownership({.owner = p, .owned = c, .equity = om::share(2, 5), .votes = om::share(2, 5)});
  b.add_ownership({.owner = k, .owned = c, .equity = om::share_range(om::share::percent(10), om::share::percent(30)),
                   .votes = om::share_range(om::share::percent(10), om::share::percent(30)), .source = om::provenance::assumed,
                   .note = "the register gives a band"});
  const auto s = om::to_bods(std::move(b).build(), dated);
  ASSERT_TRUE(check_bods(s).empty()) << check_bods(s).front();
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[1]["recordType"], "person");
  EXPECT_EQ(s[1]["recordDetails"]["names"][0]["fullName"], "Anna Berg");
  EXPECT_EQ(s[3]["recordDetails"]["interests"][0]["share"]["exact"], 40.0);  // 2/5 = 40 %
  const auto& band = s[4];
  EXPECT_EQ(band["recordDetails"]["interests"][0]["share"]["minimum"], 10.0);
  EXPECT_EQ(band["recordDetails"]["interests"][0]["share"]["maximum"], 30.0);
  EXPECT_EQ(band["annotations"][0]["description"], "assumed: the register gives a band");
  EXPECT_EQ(band["annotations"][0]["motivation"], "commenting");
}
