#pragma once
/// @file
/// @brief The bundled models of the Swedish benchmark study: nine investment-promotion
/// organisations, the counties without one and Business Sweden's partnership, shipped as canonical
/// JSON files in `data/models/` (installed to `share/orgmodel/models/`).
///
/// @code
/// auto bro = orgmodel::data::load_bundled_model("business-region-orebro");
/// for (const auto& m : orgmodel::data::load_benchmark()) std::cout << m.info().name << '\n';
/// @endcode

#include <array>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/error.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/model/validate.hpp"

namespace orgmodel::data {

namespace detail {
/// @brief The nine organisations of the study, in the study's order.
inline constexpr std::array<std::string_view, 9> study_ids{
    "business-region-orebro",      "business-region-skaraborg", "business-region-varmland",
    "invest-in-dalarna",           "east-sweden-business-region", "invest-in-halland",
    "invest-in-norrbotten",        "high-coast-invest",         "stockholm-business-alliance"};
/// @brief Every bundled model: the nine, then the two context models.
inline constexpr std::array<std::string_view, 11> bundled_ids{
    "business-region-orebro",      "business-region-skaraborg",   "business-region-varmland",
    "invest-in-dalarna",           "east-sweden-business-region", "invest-in-halland",
    "invest-in-norrbotten",        "high-coast-invest",           "stockholm-business-alliance",
    "counties-without-organisation", "business-sweden-partnership"};
}  // namespace detail

/// @brief The ids of every bundled model (the file name without `.json`), in a fixed order:
/// the nine organisations in the study's order, then "counties-without-organisation" and
/// "business-sweden-partnership".
inline std::span<const std::string_view> bundled_model_ids() noexcept { return detail::bundled_ids; }

/// @brief The ids of the nine organisations the study interviewed (a prefix of bundled_model_ids()).
inline std::span<const std::string_view> study_model_ids() noexcept { return detail::study_ids; }

/// @brief Whether `id` names a bundled model.
inline bool is_bundled_model(std::string_view id) noexcept {
  for (auto k : detail::bundled_ids)
    if (k == id) return true;
  return false;
}

/// @brief The directory holding `models/`: the environment variable ORGMODEL_DATA_DIR when set and
/// not empty, else the path compiled in by CMake (the source tree when built, share/ when installed).
inline std::string data_directory() {
  if (const char* env = std::getenv("ORGMODEL_DATA_DIR"); env && *env) return env;
#ifdef ORGMODEL_DATA_DIR
  return ORGMODEL_DATA_DIR;
#else
  return "data";
#endif
}

/// @brief The file of a bundled model. @throws lookup_error for an id that is not bundled, so a
/// name from the command line can never reach outside the data directory.
inline std::string bundled_model_path(std::string_view id) {
  if (!is_bundled_model(id)) {
    std::string known;
    for (auto k : detail::bundled_ids) known += (known.empty() ? "" : ", ") + std::string(k);
    throw lookup_error("no bundled model \"" + std::string(id) + "\" (known: " + known + ")");
  }
  return data_directory() + "/models/" + std::string(id) + ".json";
}

/// @brief Reads and validates one bundled model.
/// @throws lookup_error (unknown id, or the file is missing from the data directory),
/// parse_error or invalid_model (a damaged file).
/// (A template on the DOM type, as load_model_file: only a translation unit that calls it
/// instantiates the JSON reader and nlohmann's parser.)
template <class Json = nlohmann::ordered_json>
model load_bundled_model(std::string_view id) { return load_model_file<Json>(bundled_model_path(id)); }

/// @brief Every bundled model, in bundled_model_ids() order.
template <class Json = nlohmann::ordered_json>
std::vector<model> load_benchmark() {
  std::vector<model> v;
  v.reserve(detail::bundled_ids.size());
  for (auto id : detail::bundled_ids) v.push_back(load_bundled_model<Json>(id));
  return v;
}

}  // namespace orgmodel::data
