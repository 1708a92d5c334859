// The promises of docs/error-contract.md for the library's input paths: every bad input raises a
// typed orgmodel::error naming where (JSON Pointer, or "line N" in a CSV) — never a foreign
// exception — and files that are not regular files, or are too large, are refused before reading.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/io/stakeholder_csv.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {

const std::string fixtures = ORGMODEL_TEST_FIXTURES_DIR;

/// Runs `fn`, expects an orgmodel error of type E and returns it (fails on any other exception).
template <class E, class Fn>
E expect_error(Fn fn) {
  try {
    fn();
  } catch (const E& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong exception type: " << e.what();
    throw;
  }
  ADD_FAILURE() << "no exception";
  throw std::logic_error("no exception");
}

om::model_builder minimal() {
  om::model_builder b("m", "M");
  b.add_organisation({.id = "a", .name = "A", .kind = om::organisation_kind::municipality});
  return b;
}

struct temp_file {
  std::filesystem::path path;
  explicit temp_file(const std::string& name, const std::string& content)
      : path(std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path, std::ios::binary) << content;
  }
  ~temp_file() { std::filesystem::remove(path); }
};

}  // namespace

TEST(ErrorContract, DirectoryIsRefusedAsNotARegularFile) {
  // On main this read the directory as empty text and reported a JSON syntax error at "/".
  const auto e = expect_error<om::lookup_error>([] { (void)om::load_model_file(fixtures); });
  EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
  EXPECT_EQ(e.code(), om::error_code::not_found);
}

TEST(ErrorContract, DeviceIsRefusedWithoutReading) {
  // /dev/zero never ends: refused from its file type, before a byte is read (on main, 1 GB in 8.5 s).
  const auto t0 = std::chrono::steady_clock::now();
  const auto e = expect_error<om::lookup_error>([] { (void)om::read_text_file("/dev/zero"); });
  EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
  // Not a timing test of speed, a guard against reading: 5 s would be ~600 MB at main's rate.
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

TEST(ErrorContract, FileAboveTheLimitIsRefusedNamingTheLimit) {
  temp_file f("limit.json", std::string(1000, ' '));
  const auto e = expect_error<om::parse_error>([&] { (void)om::read_text_file(f.path.string(), 999); });
  EXPECT_EQ(e.code(), om::error_code::out_of_range);
  EXPECT_NE(std::string(e.what()).find("larger than the limit of 999 bytes"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("max_text_file_bytes"), std::string::npos) << e.what();
  EXPECT_EQ(om::read_text_file(f.path.string(), 1000).size(), 1000u);  // the limit itself is allowed
  EXPECT_EQ(om::max_text_file_bytes, 256u * 1024 * 1024);
}

TEST(ErrorContract, ReadErrorIsReportedNotTruncated) {
  // /proc/self/mem is a regular file whose first page is unmapped: read(2) fails with EIO.
  // On main the error went unnoticed and an empty text was returned.
  if (!std::filesystem::is_regular_file("/proc/self/mem")) GTEST_SKIP() << "no /proc";
  const auto e = expect_error<om::lookup_error>([] { (void)om::read_text_file("/proc/self/mem"); });
  EXPECT_NE(std::string(e.what()).find("cannot read file"), std::string::npos) << e.what();
}

TEST(ErrorContract, DuplicateTopLevelMemberPointsAtSlashName) {
  // RFC 6901: the member "name" of the document is "/name"; main said "//name".
  const auto e = expect_error<om::parse_error>([] { (void)om::from_json(R"({"id": "x", "name": "a", "name": "b"})"); });
  EXPECT_EQ(e.pointer(), "/name");
  EXPECT_EQ(e.code(), om::error_code::duplicate_id);
  // Nested members keep their full pointer.
  const auto n = expect_error<om::parse_error>(
      [] { (void)om::from_json(R"({"id": "x", "organizations": [{"id": "a", "id": "b"}]})"); });
  EXPECT_EQ(n.pointer(), "/organizations/0/id");
}

TEST(ErrorContract, BuilderTextMustBeUtf8) {
  // "\xC3\x28" is an invalid two-byte sequence (RFC 3629: 0x28 is no continuation byte).
  auto b = minimal();
  b.add_organisation({.id = "b", .name = "bad \xC3\x28", .kind = om::organisation_kind::region});
  const auto e = expect_error<om::invalid_model>([&] { (void)std::move(b).build(); });
  EXPECT_EQ(e.code(), om::error_code::bad_encoding);
  EXPECT_EQ(e.pointer(), "/organizations/1/name");
  EXPECT_TRUE(om::is_valid_utf8(e.what()));  // the bad text is not echoed
  // A seat role, nested in its body in the JSON form.
  auto s = minimal();
  auto body = s.add_body({.id = "g", .name = "G", .kind = om::body_kind::steering_group, .layer = om::layer::owner,
                          .organisation = om::organisation_index(0)});
  s.add_seat({.body = body, .holder = om::organisation_index(0), .role = "ok"});
  s.add_seat({.body = body, .holder = om::organisation_index(0), .role = "\xED\xA0\x80"});  // a UTF-16 surrogate
  EXPECT_EQ(expect_error<om::invalid_model>([&] { (void)std::move(s).build(); }).pointer(), "/bodies/0/seats/1/role");
}

TEST(ErrorContract, Utf8CheckFollowsRfc3629) {
  EXPECT_TRUE(om::is_valid_utf8("Örebro län – €𝄞"));
  EXPECT_FALSE(om::is_valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(om::is_valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  EXPECT_FALSE(om::is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(om::is_valid_utf8("\xE2\x82"));          // truncated €
  EXPECT_FALSE(om::is_valid_utf8("\x80"));              // lone continuation byte
}

TEST(ErrorContract, BuilderYearsAreFourDigit) {
  // A budget of year 0 was accepted on main; the JSON format reads years 1000…9999.
  auto b = minimal();
  b.add_budget({.organisation = om::organisation_index(0), .year = 0, .amount = om::money::from_major(1)});
  const auto e = expect_error<om::invalid_model>([&] { (void)std::move(b).build(); });
  EXPECT_EQ(e.pointer(), "/budgets/0/year");
  EXPECT_EQ(e.code(), om::error_code::out_of_range);
  auto r = minimal();
  r.add_organisation({.id = "b", .name = "B", .kind = om::organisation_kind::region, .population_year = 10000});
  EXPECT_EQ(expect_error<om::invalid_model>([&] { (void)std::move(r).build(); }).pointer(), "/organizations/1/population_year");
}

TEST(ErrorContract, ToJsonThrowsOnlyOrgmodelErrors) {
  // An unknown member whose value a builder set to text that is not JSON.
  auto b = minimal();
  om::model_data d = std::move(b).data();
  d.info.extra.emplace_back("x-note", "not json");
  const om::model m(d);
  const auto e = expect_error<om::invalid_model>([&] { (void)om::to_json(m); });
  EXPECT_NE(std::string(e.what()).find("\"x-note\""), std::string::npos) << e.what();
}

TEST(ErrorContract, StakeholderCsvNamesDuplicatesAndEmptyInput) {
  const auto dup = expect_error<om::parse_error>([] { (void)om::parse_stakeholder_csv("name,weight\na,1\nb,2\na,3\n"); });
  EXPECT_EQ(dup.code(), om::error_code::duplicate_id);
  EXPECT_EQ(dup.pointer(), "line 4");
  EXPECT_NE(std::string(dup.what()).find("\"a\" is listed twice (first on line 2)"), std::string::npos) << dup.what();
  for (const char* text : {"", "\n", "name,weight\n", "name,weight\n\n\r\n"}) {
    SCOPED_TRACE(text);
    const auto e = expect_error<om::parse_error>([&] { (void)om::parse_stakeholder_csv(text, {}, "x.csv"); });
    EXPECT_EQ(e.code(), om::error_code::empty_input);
    EXPECT_NE(std::string(e.what()).find("empty input"), std::string::npos) << e.what();
  }
  // Quoted names: "a,b" is one name; "a" and "a " are two.
  const auto t = om::parse_stakeholder_csv("name,weight\n\"a,b\",1\na,2\na ,3\n");
  EXPECT_EQ(t.names, (std::vector<std::string>{"a,b", "a", "a "}));
  EXPECT_EQ(t.weights, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(ErrorContract, AllocationOfNothingIsEmptyInputNotOverflow) {
  const auto e = expect_error<om::arithmetic_error>([] { (void)om::allocate_proportional(om::money::from_major(10), {}); });
  EXPECT_EQ(e.code(), om::error_code::empty_input);
  EXPECT_NE(std::string(e.what()).find("empty input"), std::string::npos) << e.what();
  EXPECT_EQ(expect_error<om::arithmetic_error>([] { (void)om::allocate_equal(om::money::from_major(1), 0); }).code(),
            om::error_code::empty_input);
  const std::vector<std::int64_t> zeros{0, 0};
  EXPECT_EQ(expect_error<om::arithmetic_error>([&] { (void)om::allocate_proportional(om::money::from_major(1), zeros); }).code(),
            om::error_code::out_of_range);
  EXPECT_TRUE(om::allocate_proportional(om::money{}, {}).empty());  // nothing to split among nobody
}
