// libFuzzer target: the BODS 0.4 importer (io/bods.hpp from_bods). Any JSON document either
// imports or raises an orgmodel::error; an imported model can be written as JSON and as BODS.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "orgmodel/io/bods.hpp"
#include "orgmodel/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;  // not JSON: the JSON parser's business, not the importer's
  std::optional<orgmodel::model> m;
  try {
    m.emplace(orgmodel::from_bods(doc));
  } catch (const orgmodel::error&) {
    return 0;
  }
  (void)orgmodel::to_json(*m);
  (void)orgmodel::to_bods(*m).dump();
  return 0;
}
