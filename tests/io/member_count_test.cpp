// `member_count` is a typed field of an organisation (it was an extension member read two ways).
#include <gtest/gtest.h>

#include <string>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
std::string member_count_model(const std::string& value) {
  return R"({"id": "m", "format": "orgmodel/1", "name": "M", "organizations": [
    {"id": "g", "name": "Unnamed partners", "classification": "unknown_group", "member_count": )" + value + R"(}]})";
}
}  // namespace

// A file written before the field was typed (the bundled Business Sweden partnership: "20
// partnership agreements − 7 partners the study names = 13") reads into the field, not the extensions.
TEST(MemberCount, BundledFileReadsIntoTheField) {
  const auto m = om::data::load_bundled_model("business-sweden-partnership");
  const auto& g = m[m.organisation_at("business-sweden-other-partners")];
  ASSERT_TRUE(g.member_count.has_value());
  EXPECT_EQ(*g.member_count, 13);
  EXPECT_EQ(g.stands_for(), 13);
  EXPECT_TRUE(g.extra.empty());
  // Written canonically it stays where the file has it: the file reads back unchanged.
  EXPECT_EQ(om::to_json(m), om::read_text_file(om::data::bundled_model_path("business-sweden-partnership")));
}

TEST(MemberCount, ZeroOrTextIsAParseErrorWithItsPointer) {
  for (const std::string bad : {"0", "\"13\"", "-2"}) {
    try {
      (void)om::from_json(member_count_model(bad));
      FAIL() << bad;
    } catch (const om::parse_error& e) {
      EXPECT_EQ(e.pointer(), "/organizations/0/member_count") << bad << ": " << e.what();
    }
  }
  EXPECT_EQ(om::from_json(member_count_model("29")).organisations()[0].stands_for(), 29);
}
