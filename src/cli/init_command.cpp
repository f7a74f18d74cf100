// `iooi init [DIR]`: writes the starter plan. It never overwrites anything: when
// any of its files exists, it writes none and names the ones in the way.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "common.h"
#include "iooi/render/starter_plan.h"
#include "iooi/util/fd.h"

namespace iooi::cli {
namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string dir = ".";
  std::string as_of;  // the day the starter plan's quarter and check-ins are based on
  bool quiet = false;
};

bool path_taken(const fs::path& path) {
  std::error_code error;
  // symlink_status: a dangling symlink is in the way as well.
  return fs::symlink_status(path, error).type() != fs::file_type::not_found;
}

// Creates `path` with `content` unless something already exists there: O_EXCL
// fails rather than replace a file (or follow a symlink) that appeared meanwhile.
Result<Done> create_new_file(const fs::path& path, const std::string& content) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
  if (!fd.valid()) {
    return input_error(
        errno == EEXIST ? fmt::format("{} already exists; it was left as it is", path.string())
                        : fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
  }
  if (!write_all(fd.get(), content) || ::fsync(fd.get()) != 0) {
    RunError error =
        input_error(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    fd.close();
    ::unlink(path.c_str());  // ours: created above
    return error;
  }
  return Done{};
}

int run_init(const InitOptions& options) {
  const Date day = parse_as_of(options.as_of).value_or(today());
  const std::vector<StarterFile> files = starter_plan(day);
  // "iooi.yaml" rather than "./iooi.yaml" for the current folder.
  const fs::path dir = options.dir == "." ? fs::path() : fs::path(options.dir);

  std::vector<std::string> taken;
  for (const StarterFile& file : files) {
    const fs::path target = dir / file.path;
    if (path_taken(target)) taken.push_back(target.string());
  }
  if (!taken.empty()) {
    for (const std::string& path : taken)
      fmt::print(stderr, "iooi init: {} already exists\n", path);
    fmt::print(stderr, "iooi init: nothing written; remove {} or choose another folder\n",
               taken.size() == 1 ? "it" : "them");
    return exit_usage;
  }

  std::vector<fs::path> created;
  // On a failure, take back what this run created, so that a second try starts clean.
  const auto fail = [&](const std::string& message) {
    for (const fs::path& path : created) fs::remove(path);
    fmt::print(stderr, "iooi init: {}; nothing written\n", message);
    return exit_usage;
  };
  for (const StarterFile& file : files) {
    const fs::path target = dir / file.path;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) {
      return fail(fmt::format("cannot create the folder {}: {}", target.parent_path().string(),
                              error.message()));
    }
    const Result<Done> created_file = create_new_file(target, file.content);
    if (!created_file) return fail(created_file.error().message);
    created.push_back(target);
  }

  if (!options.quiet) {
    fmt::print("Wrote a starter plan:\n");
    for (const fs::path& path : created) fmt::print("  {}\n", path.string());
    std::string check_path;
    if (options.dir != ".") {
      const bool plain = options.dir.find_first_of(" '\"$`\\;&|<>()*?[]{}~!#") == std::string::npos;
      check_path = plain ? " " + options.dir : fmt::format(" '{}'", options.dir);
    }
    fmt::print(
        "Next: edit the files, then run `iooi check{0}` and `iooi report{0}`.\n"
        "Editors complete and validate plan files with `iooi schema` (see docs/editor.md).\n",
        check_path);
  }
  return exit_ok;
}

}  // namespace

void add_init_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app.add_subcommand(
      "init",
      "Write a small starter plan into DIR (default: the current folder); never overwrites");
  command->add_option("DIR", options->dir, "Folder of the new plan (created when missing)");
  command
      ->add_option("--as-of", options->as_of,
                   "The day the plan starts from (default: today): its quarter gets the "
                   "objectives, and the first check-ins are dated that day")
      ->option_text("YYYY-MM-DD");
  command->add_flag("-q,--quiet", options->quiet, "Do not list the files written");
  command->callback([options, &exit_code] { exit_code = run_init(*options); });
}

}  // namespace iooi::cli
