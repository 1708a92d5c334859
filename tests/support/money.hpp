// Money literals for tests: sek("4361675.20") is the exact amount the study writes.
#pragma once
#include "orgmodel/core/money.hpp"

namespace test_support {
inline orgmodel::money sek(const char* s) { return *orgmodel::money::parse(s); }
}  // namespace test_support
