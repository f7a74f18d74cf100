#include "iooi/util/fd.h"

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace iooi {

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.release();
  }
  return *this;
}

Fd::~Fd() { close(); }

int Fd::release() noexcept {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

bool Fd::close() noexcept {
  if (fd_ < 0) return true;
  return ::close(release()) == 0;
}

bool write_all(int fd, std::string_view bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) {  // cannot happen for a non-empty regular write; never spin on it
      errno = EIO;
      return false;
    }
    written += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace iooi
