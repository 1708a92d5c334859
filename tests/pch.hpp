// Precompiled header of the test executables: the heavy, stable headers only.
#pragma once
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "orgmodel/model/model.hpp"
