#pragma once
// What the sized bench programs share: the nominal sizes 10^3 … 10^7 and where an export
// benchmark writes the input of one size for the peers (bench/run.py sets ORGMODEL_BENCH_EXPORT).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

/// Registers one Arg per nominal size.
inline void bench_sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t n = 1000; n <= 10'000'000; n *= 10) b->Arg(n);
}

/// $ORGMODEL_BENCH_EXPORT/<analysis>-<size>, created; empty when the variable is not set.
inline std::string bench_export_dir(const char* analysis, std::int64_t size) {
  const char* root = std::getenv("ORGMODEL_BENCH_EXPORT");
  if (!root || !*root) return {};
  const auto dir = std::string(root) + "/" + analysis + "-" + std::to_string(size);
  std::filesystem::create_directories(dir);
  return dir;
}
