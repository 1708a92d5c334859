// libFuzzer target: the JSON model loader. Any input either loads or raises an orgmodel::error;
// a model that loads is written, read back and written again with the same model and the same
// bytes (the format's lossless promise, docs/model-format.md).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "orgmodel/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<orgmodel::model> m;
  try {
    m.emplace(orgmodel::from_json(text));
  } catch (const orgmodel::error&) {
    return 0;  // refused with a typed error: fine. Anything else escapes and is reported.
  }
  // From here on every exception, orgmodel's too, breaks the round-trip promise.
  const std::string once = orgmodel::to_json(*m);
  const orgmodel::model again = orgmodel::from_json(once);
  const std::string twice = orgmodel::to_json(again);
  if (once != twice) __builtin_trap();
  if (!(again.data() == m->data())) __builtin_trap();
  return 0;
}
