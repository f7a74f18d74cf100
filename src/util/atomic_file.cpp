#include "iooi/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>

#include "iooi/util/fd.h"

namespace iooi {
namespace {

namespace fs = std::filesystem;

// The file a chain of symlinks ends at (which may not exist yet), so that the
// rename replaces that file and keeps the links. Empty after too many hops.
fs::path resolve_symlinks(fs::path path) {
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_type::symlink) return path;
    const fs::path next = fs::read_symlink(path, ec);
    if (ec) return path;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  return {};
}

// An unbuffered stream buffer over a file descriptor (writers hand it large
// chunks) that remembers the first failed write's errno.
class FdOutput : public std::streambuf {
 public:
  explicit FdOutput(int fd) : fd_(fd) {}
  int error() const { return error_; }

 protected:
  std::streamsize xsputn(const char* text, std::streamsize size) override {
    if (error_ != 0) return 0;
    if (!write_all(fd_, std::string_view(text, static_cast<size_t>(size)))) {
      error_ = errno;
      return 0;
    }
    return size;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char one = traits_type::to_char_type(c);
    return xsputn(&one, 1) == 1 ? c : traits_type::eof();
  }

 private:
  int fd_;
  int error_ = 0;
};

// Runs `write` into `fd`; false with errno set when a write failed. Anything
// `write` throws propagates.
bool stream_to(int fd, const StreamWriter& write) {
  FdOutput buffer(fd);
  std::ostream stream(&buffer);
  write(stream);
  if (buffer.error() != 0) {
    errno = buffer.error();
    return false;
  }
  return true;
}

std::string errno_reason(std::string_view what, const fs::path& path) {
  return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

// Devices, FIFOs and sockets cannot be replaced by a rename (and as root that
// would turn /dev/null into a file): they are written in place.
Result<Done> write_in_place(const fs::path& target, const StreamWriter& content) {
  Fd fd(open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
  if (!fd.valid()) return input_error(errno_reason("cannot open", target));
  if (!stream_to(fd.get(), content)) return input_error(errno_reason("cannot write", target));
  if (!fd.close()) return input_error(errno_reason("cannot close", target));
  return Done{};
}

// The mode of a file we replace; new files get the usual 0666 & ~umask.
mode_t mode_for(const fs::path& target) {
  struct stat existing;
  if (stat(target.c_str(), &existing) == 0) return existing.st_mode & 07777;
  const mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

// Fills the temporary file and renames it over `target`; `path` as the user wrote it.
Result<Done> replace_through(Fd fd, const std::string& temporary, const fs::path& target,
                             const std::string& path, const StreamWriter& content) {
  const auto fail = [&](const char* what) {
    RunError error = input_error(errno_reason(what, path));
    fd.close();
    unlink(temporary.c_str());
    return error;
  };
  bool written = false;
  try {
    written = stream_to(fd.get(), content);
  } catch (...) {
    unlink(temporary.c_str());  // the Fd closes itself
    throw;
  }
  if (!written) return fail("cannot write");
  if (fchmod(fd.get(), mode_for(target)) != 0) return fail("cannot set permissions of");
  if (fsync(fd.get()) != 0) return fail("cannot flush");
  if (!fd.close()) return fail("cannot close");
  if (rename(temporary.c_str(), target.c_str()) != 0) return fail("cannot replace");
  return Done{};
}

}  // namespace

Result<Done> write_file_atomically(const std::string& path, std::string_view content) {
  return write_file_atomically(path, [content](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

Result<Done> write_file_atomically(const std::string& path, const StreamWriter& content) {
  const fs::path target = resolve_symlinks(fs::path(path));
  if (target.empty()) return input_error("cannot write " + path + ": " + std::strerror(ELOOP));
  struct stat target_info;
  if (stat(target.c_str(), &target_info) == 0 && !S_ISREG(target_info.st_mode) &&
      !S_ISDIR(target_info.st_mode)) {
    return write_in_place(target, content);
  }
  std::error_code ec;
  if (fs::is_directory(target, ec))
    return input_error(path + " is a folder; name a file to write to");
  fs::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  std::string temporary = (folder / ("." + target.filename().string() + ".iooi-XXXXXX")).string();
  Fd fd(mkstemp(temporary.data()));
  if (!fd.valid()) return input_error(errno_reason("cannot create a file in", folder));
  return replace_through(std::move(fd), temporary, target, path, content);
}

}  // namespace iooi
