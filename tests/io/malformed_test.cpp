// Every file in tests/fixtures/malformed/ is rejected with the exception type, error code, JSON
// Pointer and message fragment that expected.json lists for it, and no file is left unlisted.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
const std::string dir = std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/malformed";

nlohmann::json manifest() { return nlohmann::json::parse(om::read_text_file(dir + "/expected.json")); }
}  // namespace

TEST(Malformed, AtLeastTwentyFiveFilesAllListed) {
  std::set<std::string> on_disk, listed;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().filename() != "expected.json") on_disk.insert(e.path().filename().string());
  for (const auto& entry : manifest()) EXPECT_TRUE(listed.insert(entry.at("file").get<std::string>()).second);
  EXPECT_EQ(on_disk, listed);
  EXPECT_GE(listed.size(), 25u);
}

TEST(Malformed, EachIsRejectedWithItsTypeCodePointerAndMessage) {
  for (const auto& entry : manifest()) {
    const auto file = entry.at("file").get<std::string>();
    SCOPED_TRACE(file + ": " + entry.at("what").get<std::string>());
    const auto kind = entry.at("exception").get<std::string>();
    const auto code = entry.at("error_code").get<std::string>();
    const auto pointer = entry.at("pointer").get<std::string>();
    const auto fragment = entry.at("message").get<std::string>();
    try {
      (void)om::load_model_file(dir + "/" + file);
      ADD_FAILURE() << "accepted";
    } catch (const om::parse_error& e) {
      EXPECT_EQ(kind, "parse_error") << e.what();
      // The message is valid UTF-8 even when the input was not, so it can go into JSON output.
      EXPECT_NO_THROW((void)nlohmann::json(std::string(e.what())).dump());
      EXPECT_EQ(om::to_string(e.code()), code) << e.what();
      EXPECT_EQ(e.pointer(), pointer) << e.what();
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).rfind("[orgmodel.parse_error." + code + "]", 0), 0u) << e.what();
    } catch (const om::invalid_model& e) {
      EXPECT_EQ(kind, "invalid_model") << e.what();
      EXPECT_EQ(om::to_string(e.code()), code) << e.what();
      EXPECT_EQ(e.pointer(), pointer) << e.what();
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).rfind("[orgmodel.invalid_model." + code + "]", 0), 0u) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not an orgmodel::parse_error or invalid_model: " << e.what();
    }
  }
}

TEST(Malformed, SyntaxErrorsGiveLineColumnAndByte) {
  try {
    (void)om::from_json("{\n  \"id\": \"x\",\n  \"name\": tru\n}");
    FAIL();
  } catch (const om::parse_error& e) {
    EXPECT_EQ(e.code(), om::error_code::syntax);
    EXPECT_EQ(e.pointer(), "/name");
    // Line 1 "{\n" is bytes 0–1, line 2 "  \"id\": \"x\",\n" bytes 2–14, line 3 starts at byte 15;
    // "  \"name\": tru" is 13 bytes, so the newline that ends the bad literal is byte 28, column 14.
    EXPECT_NE(std::string(e.what()).find("line 3, column 14"), std::string::npos) << e.what();
    EXPECT_EQ(e.byte(), 28u);
  }
}

TEST(Malformed, EveryTruncationOfAValidFileIsAnError) {
  // Cutting a valid model at every byte must give a typed error (or, at the very end, the model).
  const std::string text = om::read_text_file(std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/every-field.json");
  std::size_t errors = 0;
  for (std::size_t n = 0; n + 2 < text.size(); n += 7) {
    try {
      (void)om::from_json(std::string_view(text).substr(0, n));
      ADD_FAILURE() << "a prefix of " << n << " bytes was accepted";
    } catch (const om::error&) {
      ++errors;
    }
  }
  EXPECT_GT(errors, 100u);
}
