#pragma once
/// @file
/// @brief Bulk-synchronous message exchange between the processes of a distributed run, on
/// Boost.MPI: each process appends fixed-layout records to one byte buffer per destination, then
/// `exchange()` moves every buffer at once (sizes by `all_to_all`, payloads by non-blocking
/// point-to-point messages) and counts the bytes that crossed between processes.

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/all_to_all.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/nonblocking.hpp>
#include <boost/mpi/request.hpp>

namespace orgmodel::distributed {

/// @brief Which process holds vertex v: round robin, v mod P, so that neighbouring indices (a
/// company and its group) land on different processes and every process gets a fair share.
struct partition {
  int rank = 0;
  int size = 1;
  std::uint32_t vertices = 0;  ///< in the whole network

  [[nodiscard]] int owner(std::uint32_t v) const noexcept { return static_cast<int>(v % static_cast<std::uint32_t>(size)); }
  [[nodiscard]] std::uint32_t local(std::uint32_t v) const noexcept { return v / static_cast<std::uint32_t>(size); }
  [[nodiscard]] std::uint32_t global(std::uint32_t l) const noexcept {
    return l * static_cast<std::uint32_t>(size) + static_cast<std::uint32_t>(rank);
  }
  [[nodiscard]] std::uint32_t local_count() const noexcept {
    const auto r = static_cast<std::uint32_t>(rank), p = static_cast<std::uint32_t>(size);
    return vertices > r ? (vertices - r + p - 1) / p : 0;
  }
};

/// @brief Appends the bytes of a trivially copyable value.
template <class T>
void put(std::string& buf, const T& x) {
  static_assert(std::is_trivially_copyable_v<T>);
  buf.append(reinterpret_cast<const char*>(&x), sizeof x);
}

/// @brief Reads values back in the order they were put.
class reader {
 public:
  explicit reader(const std::string& buf) : p_(buf.data()), end_(buf.data() + buf.size()) {}
  [[nodiscard]] bool done() const noexcept { return p_ >= end_; }
  template <class T>
  T get() {
    T x;
    std::memcpy(&x, p_, sizeof x);
    p_ += sizeof x;
    return x;
  }

 private:
  const char* p_;
  const char* end_;
};

/// @brief One buffer per destination; `exchange()` delivers them all.
class exchanger {
 public:
  explicit exchanger(const boost::mpi::communicator& comm)
      : comm_(comm), out_(static_cast<std::size_t>(comm.size())), in_(static_cast<std::size_t>(comm.size())) {}

  [[nodiscard]] std::string& to(int rank) { return out_[static_cast<std::size_t>(rank)]; }
  [[nodiscard]] const std::string& from(int rank) const { return in_[static_cast<std::size_t>(rank)]; }
  [[nodiscard]] int size() const noexcept { return comm_.size(); }

  /// @brief Delivers every buffer (collective: every process must call it) and returns the
  /// number of bytes sent by all processes together in this round, self-deliveries included,
  /// so that 0 means "nothing left to say" everywhere.
  std::uint64_t exchange() {
    const int p = comm_.size(), me = comm_.rank();
    std::vector<std::uint64_t> send(static_cast<std::size_t>(p)), recv;
    std::uint64_t mine = 0;
    for (int r = 0; r < p; ++r) {
      send[static_cast<std::size_t>(r)] = out_[static_cast<std::size_t>(r)].size();
      mine += out_[static_cast<std::size_t>(r)].size();
      if (r != me) bytes_sent_ += out_[static_cast<std::size_t>(r)].size();
    }
    boost::mpi::all_to_all(comm_, send, recv);
    std::vector<boost::mpi::request> reqs;
    constexpr std::uint64_t chunk = std::uint64_t{1} << 30;  // MPI counts are ints
    for (int r = 0; r < p; ++r) {
      auto& in = in_[static_cast<std::size_t>(r)];
      if (r == me) {
        in.swap(out_[static_cast<std::size_t>(r)]);
        continue;
      }
      in.resize(recv[static_cast<std::size_t>(r)]);
      for (std::uint64_t off = 0, tag = 0; off < in.size(); off += chunk, ++tag)
        reqs.push_back(comm_.irecv(r, static_cast<int>(tag), in.data() + off, static_cast<int>(std::min(chunk, in.size() - off))));
    }
    for (int r = 0; r < p; ++r) {
      if (r == me) continue;
      const auto& out = out_[static_cast<std::size_t>(r)];
      for (std::uint64_t off = 0, tag = 0; off < out.size(); off += chunk, ++tag)
        reqs.push_back(comm_.isend(r, static_cast<int>(tag), out.data() + off, static_cast<int>(std::min(chunk, out.size() - off))));
    }
    boost::mpi::wait_all(reqs.begin(), reqs.end());
    for (auto& o : out_) o.clear();
    ++rounds_;
    return boost::mpi::all_reduce(comm_, mine, std::plus<std::uint64_t>());
  }
  /// @brief Frees the received buffers once they have been read.
  void release() {
    for (auto& i : in_) std::string().swap(i);
  }

  [[nodiscard]] std::uint64_t bytes_sent() const noexcept { return bytes_sent_; }  ///< to other processes
  [[nodiscard]] std::uint64_t rounds() const noexcept { return rounds_; }
  [[nodiscard]] const boost::mpi::communicator& comm() const noexcept { return comm_; }

 private:
  boost::mpi::communicator comm_;
  std::vector<std::string> out_, in_;
  std::uint64_t bytes_sent_ = 0;
  std::uint64_t rounds_ = 0;
};

}  // namespace orgmodel::distributed
