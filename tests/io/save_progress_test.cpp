// save_model_file reports its progress (elements converted, serialisation, bytes written), as the
// generators do, so `orgmodel synth --out` can show where a gigabyte-sized write is.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
struct save_report {
  std::string phase;
  std::uint64_t done, total;
};
}  // namespace

TEST(SaveProgress, ReportsEveryElementAndEveryByte) {
  const std::string id = "stockholm-business-alliance";
  const auto m = om::data::load_bundled_model(id);
  const auto path = (std::filesystem::temp_directory_path() / ("orgmodel-save-progress-" + id + ".json")).string();
  std::vector<save_report> seen;
  om::save_model_file(m, path, [&](const om::save_progress& p) { seen.push_back({std::string(p.phase), p.done, p.total}); });

  // The elements, counted from the bundled file itself: every entry of the top-level arrays, and
  // every seat nested in a body.
  const auto doc = nlohmann::json::parse(om::read_text_file(om::data::bundled_model_path(id)));
  std::uint64_t elements = 0;
  for (const auto& [k, v] : doc.items())
    if (v.is_array() && k != "decision_classes") elements += v.size();
  for (const auto& b : doc["bodies"])
    if (b.contains("seats")) elements += b["seats"].size();
  const auto bytes = std::filesystem::file_size(path);

  ASSERT_FALSE(seen.empty());
  std::uint64_t last_elements = 0, last_bytes = 0;
  bool serialised = false;
  for (const auto& r : seen) {
    if (r.phase == "elements") {
      EXPECT_EQ(r.total, elements);
      EXPECT_GE(r.done, last_elements);
      last_elements = r.done;
    } else if (r.phase == "serialising") {
      serialised = serialised || r.done == 1;
    } else {
      ASSERT_EQ(r.phase, "bytes");
      EXPECT_EQ(r.total, bytes);
      EXPECT_GE(r.done, last_bytes);
      last_bytes = r.done;
    }
  }
  EXPECT_EQ(last_elements, elements);
  EXPECT_TRUE(serialised);
  EXPECT_EQ(last_bytes, bytes);
  EXPECT_EQ(seen.back().phase, "bytes");
  // The bytes are the canonical text, as without a callback.
  EXPECT_EQ(om::read_text_file(path), om::to_json(m));
  std::filesystem::remove(path);
}
