// Runs the built `orgmodel` program with arguments through the shell; stdout, stderr, exit code.
// (cli_errors_test.cpp and funding_cli_test.cpp still carry their own copies.)
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace orgmodel_test {

struct cli_result {
  int exit_code = -1;
  std::string out, err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#ifdef ORGMODEL_CLI_PROGRAM
inline cli_result run_cli(const std::string& arguments) {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path();
  const auto tag = std::to_string(::getpid()) + "-r" + std::to_string(++counter);
  const auto out = dir / ("orgmodel-run-" + tag + ".out"), err = dir / ("orgmodel-run-" + tag + ".err");
  const std::string cmd = std::string("'") + ORGMODEL_CLI_PROGRAM + "' " + arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  cli_result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}
#endif

}  // namespace orgmodel_test
