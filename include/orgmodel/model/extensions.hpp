#pragma once
/// @file
/// @brief Members of a JSON object that the model format does not know, kept so that nothing is lost.

#include <string>
#include <utility>
#include <vector>

namespace orgmodel {

/// @brief Unknown members in input order: (name, compact JSON text of the value).
/// Kept as text so that the vocabulary headers need no JSON library.
using extensions = std::vector<std::pair<std::string, std::string>>;

}  // namespace orgmodel
