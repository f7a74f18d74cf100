#include "iooi/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

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

// Writes all of `content`, retrying short and interrupted writes; false with errno set.
bool write_all(int fd, std::string_view content) {
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<size_t>(n);
  }
  return true;
}

// Devices, FIFOs and sockets cannot be replaced by a rename (and as root that
// would turn /dev/null into a file): they are written in place.
bool write_in_place(const fs::path& target, std::string_view content, std::string& error) {
  const int fd = open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = "cannot open " + target.string() + ": " + std::strerror(errno);
    return false;
  }
  if (!write_all(fd, content)) {
    error = "cannot write " + target.string() + ": " + std::strerror(errno);
    close(fd);
    return false;
  }
  if (close(fd) != 0) {
    error = "cannot close " + target.string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
  const fs::path target = resolve_symlinks(fs::path(path));
  if (target.empty()) {
    error = "cannot write " + path + ": " + std::strerror(ELOOP);
    return false;
  }
  struct stat target_info;
  if (stat(target.c_str(), &target_info) == 0 && !S_ISREG(target_info.st_mode) &&
      !S_ISDIR(target_info.st_mode)) {
    return write_in_place(target, content, error);
  }
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    error = path + " is a folder; name a file to write to";
    return false;
  }
  fs::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  std::string temporary = (folder / ("." + target.filename().string() + ".iooi-XXXXXX")).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    error = "cannot create a file in " + folder.string() + ": " + std::strerror(errno);
    return false;
  }
  const auto fail = [&](const char* what) {
    error = std::string(what) + " " + path + ": " + std::strerror(errno);
    close(fd);
    unlink(temporary.c_str());
    return false;
  };
  if (!write_all(fd, content)) return fail("cannot write");
  // Keep the permissions of a file we replace; new files get the usual 0666 & ~umask.
  struct stat existing;
  mode_t mode;
  if (stat(target.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  if (fchmod(fd, mode) != 0) return fail("cannot set permissions of");
  if (fsync(fd) != 0) return fail("cannot flush");
  if (close(fd) != 0) {
    unlink(temporary.c_str());
    error = "cannot close " + path + ": " + std::strerror(errno);
    return false;
  }
  if (rename(temporary.c_str(), target.c_str()) != 0) {
    error = "cannot replace " + path + ": " + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace iooi
