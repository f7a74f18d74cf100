#pragma once
// A POSIX file descriptor that closes itself, and the one loop that writes a
// whole buffer to one.
#include <string_view>

namespace iooi {

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) noexcept : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept;
  ~Fd();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() noexcept;
  // Closes now and says whether close() succeeded (errno set when not): after a
  // write, a failed close can mean lost data, which the destructor cannot report.
  bool close() noexcept;

 private:
  int fd_ = -1;
};

// Writes all of `bytes`, retrying short and interrupted writes; false with errno set.
bool write_all(int fd, std::string_view bytes);

}  // namespace iooi
