#pragma once
/// @file
/// @brief The library version.

#define ORGMODEL_VERSION_MAJOR 0
#define ORGMODEL_VERSION_MINOR 1
#define ORGMODEL_VERSION_PATCH 0

namespace orgmodel {
/// @brief The version as "major.minor.patch".
inline constexpr const char* version_string = "0.1.0";
}  // namespace orgmodel
