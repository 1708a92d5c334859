#pragma once
// Runs the built `orgmodel` program (ORGMODEL_CLI_PROGRAM) with arguments through the shell and
// captures its exit code, standard output and standard error.
#include <gtest/gtest.h>

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
/// `tag_prefix` keeps the temporary file names of concurrent test processes apart.
inline cli_result run_cli(const std::string& arguments, const std::string& tag_prefix = "r") {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path();
  const auto tag = std::to_string(::getpid()) + "-" + tag_prefix + std::to_string(++counter);
  const auto out = dir / ("orgmodel-" + tag + ".out"), err = dir / ("orgmodel-" + tag + ".err");
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
#define ORGMODEL_REQUIRE_CLI_PROGRAM() (void)0
#else
inline cli_result run_cli(const std::string&, const std::string& = "r") { return {}; }
#define ORGMODEL_REQUIRE_CLI_PROGRAM() GTEST_SKIP() << "built without the orgmodel program"
#endif

}  // namespace orgmodel_test
