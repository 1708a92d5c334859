// The explicit "unknown" lists of organisations, bodies and funding rules are typed fields (the
// organisation profile read them as untyped extension text before); files keep their bytes.
#include <gtest/gtest.h>

#include <string>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
std::string unknown_list_model(const std::string& body_unknown) {
  return R"({"id": "m", "format": "orgmodel/1", "name": "M", "organizations": [{"id": "o", "name": "O", "classification": "partnership"}],
    "bodies": [{"id": "b", "name": "Board", "classification": "board", "layer": "executive", "organization_id": "o", "unknown": )" +
         body_unknown + "}]}";
}
}  // namespace

// Invest in Norrbotten's board: the study names it but gives no seats (L1399-1401), so the file
// says "unknown": ["seats", …]; it reads into the field and writes back byte for byte.
TEST(UnknownList, BundledFileReadsIntoTheFieldAndBack) {
  const auto m = om::data::load_bundled_model("invest-in-norrbotten");
  const auto& b = m.bodies()[m.find_body("iin-board")->value];
  ASSERT_FALSE(b.unknown.empty());
  EXPECT_EQ(b.unknown.front(), "seats");
  for (const auto& [k, v] : b.extra) EXPECT_NE(k, "unknown");
  EXPECT_EQ(om::to_json(m), om::read_text_file(om::data::bundled_model_path("invest-in-norrbotten")));
}

TEST(UnknownList, NotAListOfStringsIsAParseErrorWithItsPointer) {
  for (const auto& [bad, pointer] : {std::pair<std::string, std::string>{"\"seats\"", "/bodies/0/unknown"},
                                     {"[\"seats\", 4]", "/bodies/0/unknown/1"}}) {
    try {
      (void)om::from_json(unknown_list_model(bad));
      FAIL() << bad;
    } catch (const om::parse_error& e) {
      EXPECT_EQ(e.pointer(), pointer) << bad << ": " << e.what();
    }
  }
  EXPECT_EQ(om::from_json(unknown_list_model("[\"seats\"]")).bodies()[0].unknown, (std::vector<std::string>{"seats"}));
}
