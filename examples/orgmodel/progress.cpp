// The progress reporter of long commands (cli::progress_reporter): a live line on a terminal only.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli.hpp"

namespace orgmodel::cli {

namespace {
std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
constexpr std::int64_t redraw_ns = 200'000'000;  // a terminal line is redrawn at most 5 times a second
}  // namespace

progress_reporter::progress_reporter(std::string what, bool quiet)
    : progress_reporter(std::move(what), quiet, ::isatty(STDERR_FILENO) == 1) {}

progress_reporter::progress_reporter(std::string what, bool quiet, bool terminal)
    : what_(std::move(what)), quiet_(quiet), terminal_(terminal), start_ns_(now_ns()) {}

double progress_reporter::seconds() const { return static_cast<double>(now_ns() - start_ns_) / 1e9; }

void progress_reporter::update(std::string_view phase, std::uint64_t done, std::uint64_t total) {
  if (quiet_ || !terminal_) return;
  const auto now = now_ns();
  if (done != total && now - last_ns_ < redraw_ns) return;
  last_ns_ = now;
  const double s = static_cast<double>(now - start_ns_) / 1e9;
  const double rate = s > 0 ? static_cast<double>(done) / s : 0;
  const int pct = total ? static_cast<int>(100 * done / total) : 100;
  char left[32] = "";
  if (rate > 0 && done < total) std::snprintf(left, sizeof left, ", %.0f s left", static_cast<double>(total - done) / rate);
  // "\x1b[K" clears what a longer previous line left behind.
  std::fprintf(stderr, "\r%s: %-15.*s %3d %%  %llu / %llu  (%.0f/s%s)\x1b[K", what_.c_str(), static_cast<int>(phase.size()),
               phase.data(), pct, static_cast<unsigned long long>(done), static_cast<unsigned long long>(total), rate, left);
  open_line_ = done != total;
  if (!open_line_) std::fputc('\n', stderr);
}

void progress_reporter::step(std::string_view text) {
  if (quiet_ || !terminal_) return;
  if (open_line_) std::fputc('\n', stderr);
  open_line_ = false;
  std::fprintf(stderr, "%s: %.*s\n", what_.c_str(), static_cast<int>(text.size()), text.data());
}

double progress_reporter::finish(std::string_view summary) {
  const double s = seconds();
  if (quiet_) return s;
  if (open_line_) std::fputc('\n', stderr);
  open_line_ = false;
  std::fprintf(stderr, "%s: %.*s in %.2f s\n", what_.c_str(), static_cast<int>(summary.size()), summary.data(), s);
  return s;
}

}  // namespace orgmodel::cli
