// orgmodel: the command-line front end of the orgmodel library (dispatch in dispatch.cpp).
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv, argv + argc);
  return orgmodel::cli::run(args, std::cout, std::cerr);
}
