// Resolves a model argument: "-" is standard input; an existing file is read as a model, or as
// BODS 0.4 statements when its JSON is an array; anything else is a bundled model id.
#include <filesystem>
#include <fstream>
#include <system_error>

#include "cli.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/io/bods.hpp"
#include "orgmodel/io/json.hpp"

namespace orgmodel::cli {

model load_model(const std::string& file_or_name) {
  if (file_or_name == "-") {  // at most max_text_file_bytes, as a file
    const std::string text = read_text_stream(std::cin, "standard input");
    const auto first = text.find_first_not_of(" \n\r\t");
    if (first != std::string::npos && text[first] == '[') return parse_bods(text, "stdin").result;
    return from_json(text);
  }
  std::error_code ec;  // a name too long for a path is no file (found by fuzz_cli), not an internal error
  if (std::filesystem::exists(file_or_name, ec)) {
    std::ifstream in(file_or_name, std::ios::binary);
    char c = 0;
    while (in.get(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
    }
    if (c == '[') return load_bods_file(file_or_name).result;
    return load_model_file(file_or_name);
  }
  if (file_or_name.find('/') != std::string::npos || file_or_name.ends_with(".json"))
    throw lookup_error("no such file \"" + file_or_name + "\"");
  if (data::is_bundled_model(file_or_name)) return data::load_bundled_model(file_or_name);
  std::string known;
  for (auto k : data::bundled_model_ids()) known += (known.empty() ? "" : ", ") + std::string(k);
  throw lookup_error("no such file or bundled model \"" + file_or_name + "\" (bundled models: " + known + ")");
}

}  // namespace orgmodel::cli
