#include "iooi/util/output_target.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace iooi {
namespace {

namespace fs = std::filesystem;

bool is_special(const struct stat& info) {
  return S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) || S_ISFIFO(info.st_mode) ||
         S_ISSOCK(info.st_mode);
}

// realpath(3), or "" when the path cannot be resolved.
std::string real_path(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr),
                                                       &std::free);
  return resolved ? std::string(resolved.get()) : std::string();
}

bool is_within(const std::string& path, const std::string& folder) {
  if (path == folder) return true;
  if (folder == "/") return true;
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         path[folder.size()] == '/';
}

// /dev/stdout, /dev/fd/1, /proc/self/fd/1: links the system provides, not
// content of a checked-out repository.
bool is_system_link(const std::string& path) {
  return path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
}

}  // namespace

std::string output_target_refusal(const std::string& path, const std::string& working_dir) {
  const std::string hint = "; pass --force-output to write there anyway, or redirect stdout";
  struct stat link_info {};
  const bool exists = ::lstat(path.c_str(), &link_info) == 0;
  struct stat target_info {};
  const bool target_exists = exists && ::stat(path.c_str(), &target_info) == 0;
  if (target_exists && is_special(target_info)) return "";
  if (exists && S_ISLNK(link_info.st_mode) && !is_system_link(path)) {
    return "refusing to write " + path +
           ": it is a symlink, and a link in a checked-out repository may point anywhere (such "
           "as ~/.ssh/authorized_keys); remove the link or name the file it stands for" +
           hint;
  }
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  const std::string real_output_dir = real_path(folder.string());
  const std::string real_working_dir = real_path(working_dir);
  if (real_output_dir.empty() || real_working_dir.empty()) return "";
  if (!is_within(real_output_dir, real_working_dir)) {
    return "refusing to write " + path +
           ": it lies outside the current folder (symlinks followed), and -o writes only "
           "below the folder iooi runs in" +
           hint;
  }
  return "";
}

}  // namespace iooi
