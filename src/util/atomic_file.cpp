#include "iooi/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

namespace iooi {

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
  namespace fs = std::filesystem;
  const fs::path target(path);
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
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<size_t>(n);
  }
  // Keep the permissions of a file we replace; new files get the usual 0666 & ~umask.
  struct stat existing;
  mode_t mode;
  if (stat(path.c_str(), &existing) == 0) {
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
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    error = "cannot replace " + path + ": " + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace iooi
