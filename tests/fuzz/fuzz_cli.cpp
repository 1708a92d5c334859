// libFuzzer target: the orgmodel program's argument handling, through cli::run (dispatch.cpp).
// The input is argv after the program name, arguments separated by NUL bytes. Every run ends in
// a documented exit code (0, 2, 64); 70 — a foreign exception reaching the dispatcher — is a bug.
// `synth` is not linked in (tests/fuzz/CMakeLists.txt): it writes files (--out, --edges-dir).
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "../../examples/orgmodel/cli.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> argv{"orgmodel"};
  std::string cur;
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      argv.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += static_cast<char>(data[i]);
    }
  }
  if (!cur.empty() || size == 0) argv.push_back(std::move(cur));
  if (argv.size() > 16) return 0;
  std::ostringstream out, err;
  std::cin.setstate(std::ios::failbit);  // "-" (standard input) reads nothing instead of waiting on the terminal
  const int rc = orgmodel::cli::run(argv, out, err);
  if (rc != 0 && rc != 2 && rc != 64) __builtin_trap();
  return 0;
}
