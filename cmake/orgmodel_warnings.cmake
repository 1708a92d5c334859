# Warnings and sanitizers for the project's own targets (never for consumers of the INTERFACE target).
add_library(orgmodel_warnings INTERFACE)
target_compile_options(orgmodel_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
  # Deprecation notes come from Boost headers, not from our code.
  -Wno-error=deprecated-declarations
  # Designated initializers (the builder API) leave members at their defaults on purpose.
  -Wno-missing-field-initializers
  # GCC 12 reports false -Wrestrict, -Wstringop-overflow/-overread and -Warray-bounds positives on
  # std::string copies at -O2/-O3 (GCC bugs 105329, 105651), e.g. in the orgmodel program's
  # Release unity batches.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-stringop-overflow>
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-stringop-overread>
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-array-bounds>)

set(ORGMODEL_SANITIZE "" CACHE STRING "Sanitizers for the project's own targets, e.g. address,undefined")
if(ORGMODEL_SANITIZE)
  # Position-dependent executables: an instrumented program's globals hold 1.3 M pointers, and a
  # PIE relocates every one at start-up — half the start of `orgmodel --help` (0.39 s → 0.22 s),
  # paid again by every process ctest starts (one per test case) and every run of the program.
  target_compile_options(orgmodel_warnings INTERFACE -fsanitize=${ORGMODEL_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all
                                                     -fno-pie)
  target_link_options(orgmodel_warnings INTERFACE -fsanitize=${ORGMODEL_SANITIZE} -no-pie)
endif()
