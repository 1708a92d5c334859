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
    : what_(std::move(what)), quiet_(quiet), terminal_(terminal), start_ns_(now_ns()), phase_start_ns_(start_ns_) {}

double progress_reporter::seconds() const { return static_cast<double>(now_ns() - start_ns_) / 1e9; }

void progress_reporter::update(std::string_view phase, std::uint64_t done, std::uint64_t total) {
  if (quiet_ || !terminal_) return;
  const auto now = now_ns();
  if (phase != phase_) {  // the rate and the time left are the phase's own
    phase_ = phase;
    phase_start_ns_ = now;
  }
  if (done != total && now - last_ns_ < redraw_ns) return;
  last_ns_ = now;
  const double s = static_cast<double>(now - phase_start_ns_) / 1e9;
  const double rate = s > 0 ? static_cast<double>(done) / s : 0;
  const int pct = total ? static_cast<int>(100 * done / total) : 100;
  char rate_left[64] = "";  // none until there is a rate to tell
  if (rate > 0 && done < total)
    std::snprintf(rate_left, sizeof rate_left, "  (%.0f/s, %.0f s left)", rate, static_cast<double>(total - done) / rate);
  else if (rate > 0)
    std::snprintf(rate_left, sizeof rate_left, "  (%.0f/s)", rate);
  // "\x1b[K" clears what a longer previous line left behind.
  std::fprintf(stderr, "\r%s: %-15.*s %3d %%  %llu / %llu%s\x1b[K", what_.c_str(), static_cast<int>(phase.size()), phase.data(),
               pct, static_cast<unsigned long long>(done), static_cast<unsigned long long>(total), rate_left);
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
