#pragma once
/// @file
/// @brief Compile-time configuration of orgmodel.

#include <cassert>

/// Checks a precondition: broken preconditions are programmer errors, not user-data errors.
#ifndef ORGMODEL_ASSERT
#define ORGMODEL_ASSERT(cond) assert(cond)
#endif
