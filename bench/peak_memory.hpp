#pragma once
// Peak resident memory of this process: VmHWM from /proc/self/status (its high-water mark), in MB.
#include <fstream>
#include <string>

inline double vm_hwm_mb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}
