#include "iooi/load/load_plan.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "iooi/load/limits.h"
#include "iooi/model/decode.h"
#include "iooi/util/fd.h"
#include "iooi/util/glob.h"
#include "plan_files.h"

namespace iooi {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view config_name = "iooi.yaml";

// Absolute and lexically normal, without a trailing separator.
fs::path normal_absolute(const fs::path& path, const fs::path& base) {
  fs::path full = path.is_absolute() ? path : base / path;
  full = full.lexically_normal();
  if (!full.has_filename() && full.has_relative_path()) full = full.parent_path();
  return full;
}

bool has_plan_extension(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

std::string_view file_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISDIR(mode)) return "a folder";
  return "not a regular file";
}

std::string errno_text(int error) { return std::strerror(error); }

// realpath(3), or "" when the path cannot be resolved.
std::string real_path(const fs::path& path) {
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr),
                                                       &std::free);
  return resolved ? std::string(resolved.get()) : std::string();
}

// Whether `path` is `folder` or inside it; both from real_path. An unresolved
// path is outside.
bool is_within(const std::string& path, const std::string& folder) {
  if (path.empty() || folder.empty()) return false;
  if (path == folder || folder == "/") return true;
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         path[folder.size()] == '/';
}

std::string outside_note(const std::string& link, std::string_view folder) {
  return fmt::format("skipped {}: symlink to a place outside {} (--follow-outside-root reads it)",
                     link, folder);
}

// How file paths are shown: relative to the working folder, except that a path
// the user gave as absolute stays absolute when it lies outside that folder.
struct Display {
  fs::path working_dir;

  std::string operator()(const fs::path& absolute, bool given_absolute) const {
    fs::path relative = absolute.lexically_relative(working_dir);
    if (relative.empty()) return absolute.string();
    if (given_absolute && *relative.begin() == "..") return absolute.string();
    return relative.string();
  }
};

class Discovery {
 public:
  Discovery(const fs::path& root, const std::vector<std::string>& exclude, const Display& display,
            size_t max_files, bool follow_outside, Notes& notes)
      : root_(root),
        exclude_(exclude),
        display_(display),
        max_files_(max_files),
        follow_outside_(follow_outside),
        notes_(notes) {}

  std::vector<PlanFile>& files() { return files_; }
  // Why add_named_file() or walk() returned false.
  RunError& error() { return error_; }

  // A file named on the command line (or the config file): loaded whatever its name.
  bool add_named_file(const fs::path& absolute, const struct stat& info, bool given_absolute,
                      bool is_config = false) {
    return add_file(absolute, info, given_absolute, is_config);
  }

  // Walks a folder depth-first in name order, skipping hidden entries and
  // excluded paths, following symlinks but never into a folder seen before, nor
  // out of `start` (docs/security.md) unless follow_outside.
  bool walk(const fs::path& start, const struct stat& start_info, bool given_absolute,
            std::string_view start_name) {
    if (!visited_.insert({start_info.st_dev, start_info.st_ino}).second) return true;
    const WalkScope scope{real_path(start), start_name, given_absolute};
    std::vector<fs::path> stack{start};
    while (!stack.empty()) {
      const fs::path folder = std::move(stack.back());
      stack.pop_back();
      std::vector<std::string> names;
      if (!list_folder(folder, given_absolute, names)) return false;
      std::vector<fs::path> subfolders;
      for (const std::string& name : names) {
        if (!visit_entry(folder / name, name, scope, subfolders)) return false;
      }
      std::move(subfolders.rbegin(), subfolders.rend(), std::back_inserter(stack));
    }
    return true;
  }

 private:
  fs::path root_;
  const std::vector<std::string>& exclude_;
  const Display& display_;
  size_t max_files_;
  bool follow_outside_;
  Notes& notes_;
  RunError error_;
  std::vector<PlanFile> files_;
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::set<std::pair<dev_t, ino_t>> added_;  // files added so far, for max_files

  // What a walk carries from its start folder to every entry below it.
  struct WalkScope {
    std::string real_start;
    std::string_view start_name;
    bool given_absolute;
  };

  // The entry names of `folder`, sorted.
  bool list_folder(const fs::path& folder, bool given_absolute, std::vector<std::string>& names) {
    std::error_code error;
    fs::directory_iterator it(folder, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
      names.push_back(it->path().filename().string());
    }
    if (error) {
      error_ = input_error(fmt::format("cannot read folder {}: {}",
                                       display_(folder, given_absolute), error.message()));
      return false;
    }
    std::sort(names.begin(), names.end());
    return true;
  }

  // One entry of a walked folder: skipped (with a note where that is news), queued
  // as a subfolder, or added as a plan file. False only when adding failed.
  bool visit_entry(fs::path child, const std::string& name, const WalkScope& scope,
                   std::vector<fs::path>& subfolders) {
    if (name.empty() || name[0] == '.' || is_excluded(child)) return true;
    struct stat info {};
    bool is_link = false;
    if (!stat_entry(child, scope.given_absolute, info, is_link)) return true;
    if (is_link && !follow_outside_ && !is_within(real_path(child), scope.real_start)) {
      notes_.push_back(outside_note(display_(child, scope.given_absolute), scope.start_name));
      return true;
    }
    if (S_ISDIR(info.st_mode)) {
      if (visited_.insert({info.st_dev, info.st_ino}).second) {
        subfolders.push_back(std::move(child));
      } else {
        notes_.push_back(fmt::format("skipped {}: {} a folder already visited (symlink loop?)",
                                     display_(child, scope.given_absolute),
                                     is_link ? "symlink to" : "bind mount of"));
      }
      return true;
    }
    if (!has_plan_extension(name)) return true;
    if (!S_ISREG(info.st_mode)) {
      notes_.push_back(fmt::format("skipped {}: {}, not a plan file",
                                   display_(child, scope.given_absolute), file_kind(info.st_mode)));
      return true;
    }
    return add_file(child, info, scope.given_absolute, false);
  }

  // lstat, then stat through a symlink. False when the entry cannot be looked at;
  // a vanished entry (ENOENT) is no news, anything else (a dangling link, a path
  // over PATH_MAX) gets a note.
  bool stat_entry(const fs::path& child, bool given_absolute, struct stat& info, bool& is_link) {
    if (::lstat(child.c_str(), &info) != 0) {
      const int lstat_error = errno;
      if (lstat_error != ENOENT) {
        notes_.push_back(fmt::format("skipped {}: {}", display_(child, given_absolute),
                                     errno_text(lstat_error)));
      }
      return false;
    }
    is_link = S_ISLNK(info.st_mode);
    if (is_link && ::stat(child.c_str(), &info) != 0) {
      const int stat_error = errno;
      notes_.push_back(fmt::format("skipped {}: {}", display_(child, given_absolute),
                                   stat_error == ENOENT  ? "dangling symlink"
                                   : stat_error == ELOOP ? "symlink loop"
                                                         : errno_text(stat_error)));
      return false;
    }
    return true;
  }

  bool is_excluded(const fs::path& path) const {
    if (exclude_.empty()) return false;
    fs::path relative = path.lexically_relative(root_);
    if (relative.empty() || *relative.begin() == "..") return false;
    const std::string generic = relative.generic_string();
    return std::ranges::any_of(
        exclude_, [&generic](const std::string& pattern) { return glob_match(pattern, generic); });
  }

  bool add_file(const fs::path& absolute, const struct stat& info, bool given_absolute,
                bool is_config) {
    // Count files, not paths: iooi.yaml is added both as the config and by the
    // walk, and symlinks may reach a file twice (duplicates are dropped later).
    const bool new_file = added_.insert({info.st_dev, info.st_ino}).second;
    if (new_file && added_.size() > max_files_) {
      error_ =
          input_error(fmt::format("more than {} plan files; name fewer PATHs, skip folders with "
                                  "plan.exclude or raise the limit with --limit files=N",
                                  max_files_));
      return false;
    }
    files_.push_back(PlanFile{absolute.string(), display_(absolute, given_absolute), info.st_dev,
                              info.st_ino, is_config});
    return true;
  }
};

// Reads until end of file; the file may have grown since fstat, so up to one
// byte over `max_bytes`, which says it is too large. False with errno set.
bool read_up_to(int fd, size_t max_bytes, std::string& bytes) {
  size_t filled = 0;
  while (true) {
    if (filled == bytes.size()) {
      if (bytes.size() > max_bytes) break;
      bytes.resize(std::min(max_bytes + 1, std::max<size_t>(4096, filled * 2)));
    }
    const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  bytes.resize(filled);
  return true;
}

}  // namespace

SourceBytes DiskSource::read(const std::string& location, size_t max_bytes) const {
  SourceBytes outcome;
  const Fd fd(::open(location.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  struct stat info {};
  if (!fd.valid() || ::fstat(fd.get(), &info) != 0) {
    outcome.error = errno_text(errno);
    return outcome;
  }
  if (!S_ISREG(info.st_mode)) {
    outcome.error = fmt::format("it is {}, not a plan file", file_kind(info.st_mode));
    return outcome;
  }
  if (static_cast<uintmax_t>(info.st_size) > max_bytes) {
    outcome.too_large = true;
    outcome.size = static_cast<size_t>(info.st_size);
    return outcome;
  }
  outcome.bytes.resize(static_cast<size_t>(info.st_size));
  if (!read_up_to(fd.get(), max_bytes, outcome.bytes)) {
    outcome.error = errno_text(errno);
    outcome.bytes = std::string();
  } else if (outcome.bytes.size() > max_bytes) {
    outcome.too_large = true;
    outcome.size = outcome.bytes.size();
    outcome.bytes = std::string();
  }
  return outcome;
}

namespace {

struct FileOutcome {
  PlanFragment fragment;
  Findings findings;
  FindingCounts omitted;  // past the run's cap: counted, not kept (FindingsBudget)
  std::optional<RunError> error;
};

std::string size_text(size_t bytes) {
  const auto as_double = static_cast<double>(bytes);
  if (bytes >= (1U << 20)) return fmt::format("{:.1f} MiB", as_double / double(1U << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", as_double / 1024.0);
  return fmt::format("{} bytes", bytes);
}

Finding too_large_finding(const std::string& display, size_t bytes, size_t max_bytes) {
  std::string size = size_text(bytes);
  std::string limit = size_text(max_bytes);
  if (size == limit) {  // just over: rounding would hide the difference
    size = fmt::format("{} bytes", bytes);
    limit = fmt::format("{} bytes", max_bytes);
  }
  return make_finding(
      Rule::yaml_structure, display, 0, 0,
      fmt::format("the file is {}, over the limit of {} for one plan file; split it into "
                  "several files or raise the limit with --limit file_size_mib=N",
                  size, limit));
}

// Expanded YAML nodes of all files of a run together (docs/limits.md, total_nodes):
// files are read in parallel, so the count is shared.
struct RunBudget {
  std::atomic<size_t> nodes{0};
  size_t max_nodes = 0;

  // Counts a file's nodes; false once the run is over the budget.
  bool spend(size_t n) { return nodes.fetch_add(n) + n <= max_nodes; }
};

// A run shows at most max_findings_shown findings, of every kind (docs/limits.md): the
// others are counted by the severity plan.rules gives them and not kept, so that many
// files full of findings cannot fill the memory. Files are decoded in parallel, but
// every finding of a file comes after those of the files before it in the order users
// see (by path, as the files are sorted), so a file keeps only what the finished files
// before it leave of the cap. What it drops could never be shown, whatever order the
// files finish in: the result does not depend on --jobs. Cumulative kept counts per
// file in a Fenwick tree, so each file asks in O(log files).
class FindingsBudget {
 public:
  FindingsBudget(size_t files, const std::vector<RuleOverride>& rules)
      : kept_before_(files + 1, 0) {
    // A later entry for the same rule wins, as in apply_severities (src/check).
    for (const RuleOverride& entry : rules)
      if (const auto rule = rule_from_id(entry.rule)) severities_[*rule] = entry.severity;
  }

  // Applies plan.rules to file `index`'s findings (an `off` one is neither shown nor
  // counted) and keeps the first ones of them the cap leaves; returns the rest's count.
  FindingCounts keep(size_t index, Findings& findings) {
    if (!severities_.empty()) {
      for (Finding& finding : findings) {
        const auto found = severities_.find(finding.rule);
        if (found != severities_.end()) finding.severity = found->second;
      }
      std::erase_if(findings, [](const Finding& f) { return f.severity == Severity::off; });
    }
    FindingCounts omitted;
    const size_t before = kept_before(index);
    const size_t allowance = before < max_findings_shown ? max_findings_shown - before : 0;
    if (findings.size() > allowance) {
      sort_findings(findings);
      const auto first_omitted = findings.begin() + static_cast<std::ptrdiff_t>(allowance);
      for (auto it = first_omitted; it != findings.end(); ++it) omitted.add(it->severity);
      findings.erase(first_omitted, findings.end());
      findings.shrink_to_fit();
    }
    add_kept(index, findings.size());
    return omitted;
  }

 private:
  size_t kept_before(size_t index) {
    const std::lock_guard lock(mutex_);
    size_t sum = 0;
    for (size_t i = index; i > 0; i -= i & (~i + 1)) sum += kept_before_[i];
    return sum;
  }
  void add_kept(size_t index, size_t count) {
    const std::lock_guard lock(mutex_);
    for (size_t i = index + 1; i < kept_before_.size(); i += i & (~i + 1)) kept_before_[i] += count;
  }

  std::mutex mutex_;
  std::vector<size_t> kept_before_;  // Fenwick tree over the files' kept counts
  std::unordered_map<Rule, Severity> severities_;
};

FileOutcome load_file(const FileSource& source, const PlanFile& file, uint32_t index,
                      const yaml::ReadLimits& limits, RunBudget* budget,
                      FindingsBudget* findings_budget) {
  FileOutcome outcome;
  try {
    SourceBytes read = source.read(file.location, limits.max_file_bytes);
    if (!read.error.empty()) {
      outcome.error = input_error(fmt::format("cannot read {}: {}", file.display, read.error));
      return outcome;
    }
    if (read.too_large) {
      outcome.findings.push_back(too_large_finding(file.display, read.size, limits.max_file_bytes));
      return outcome;
    }
    // The tree lives only while this file is decoded.
    yaml::Document document = yaml::read_yaml(read.bytes, file.display, limits, outcome.findings);
    std::string().swap(read.bytes);
    if (budget != nullptr && !budget->spend(document.expanded_nodes)) {
      outcome.error = input_error(fmt::format(
          "the plan files together have more than {} YAML nodes (aliases expanded); name "
          "fewer PATHs, split the plan, or raise the limit with --limit total_nodes=N",
          budget->max_nodes));
      return outcome;
    }
    outcome.fragment =
        decode_document(document.root, index, file.display, file.is_config, outcome.findings);
    if (findings_budget != nullptr)
      outcome.omitted = findings_budget->keep(index, outcome.findings);
  } catch (const std::bad_alloc&) {
    // Not a bug: the file needs more memory than there is (docs/limits.md).
    outcome = FileOutcome();
    outcome.error = input_error(fmt::format(
        "out of memory while reading {}; make it smaller, use fewer aliases, or lower the "
        "limits in plan.limits (docs/limits.md)",
        file.display));
  } catch (const std::exception& error) {
    outcome.error = internal_error(fmt::format("while loading {}: {}", file.display, error.what()));
  }
  return outcome;
}

// stat() that turns a failure into a message naming the path as the user wrote it.
Result<struct stat> stat_path(const fs::path& absolute, const std::string& shown,
                              std::string_view what) {
  struct stat info {};
  if (::stat(absolute.c_str(), &info) == 0) return info;
  const int code = errno;
  if (code == ENOENT || code == ENOTDIR) {
    return input_error(fmt::format("{} {} does not exist", what, shown));
  }
  return input_error(fmt::format("cannot access {} {}: {}", what, shown, errno_text(code)));
}

// Phase 1: the plan root, and iooi.yaml when there is one.
struct RootChoice {
  fs::path root;
  std::optional<fs::path> config_path;
  bool config_given_absolute = false;
};

Result<RootChoice> root_of_config_option(const std::string& config_file,
                                         const fs::path& working_dir) {
  const fs::path absolute = normal_absolute(config_file, working_dir);
  Result<struct stat> info = stat_path(absolute, config_file, "config file");
  if (!info) return info.error();
  if (!S_ISREG(info->st_mode)) {
    return input_error(
        fmt::format("config file {} is {}, not a file", config_file, file_kind(info->st_mode)));
  }
  return RootChoice{absolute.parent_path(), absolute, fs::path(config_file).is_absolute()};
}

// Without --config: iooi.yaml is searched upwards from the first PATH (its
// folder, for a file), else from the working folder.
RootChoice root_by_search(const LoadOptions& options, const fs::path& working_dir,
                          const Display& display, Notes& notes) {
  const std::vector<std::string>& paths = options.paths;
  RootChoice choice;
  fs::path start = working_dir;
  if (!paths.empty()) {
    start = normal_absolute(paths.front(), working_dir);
    struct stat info {};
    if (::stat(start.c_str(), &info) == 0 && !S_ISDIR(info.st_mode)) start = start.parent_path();
    choice.config_given_absolute = fs::path(paths.front()).is_absolute();
  }
  choice.root = fs::path(find_plan_root(start.string()));
  const fs::path candidate = choice.root / config_name;
  struct stat info {};
  if (::stat(candidate.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return choice;
  // A found iooi.yaml is plan content: it may not lead out of the root either.
  if (options.follow_outside_root || is_within(real_path(candidate), real_path(choice.root))) {
    choice.config_path = candidate;
  } else if (!paths.empty()) {  // else the walk of the root notes it
    notes.push_back(outside_note(display(candidate, false), "the plan root"));
  }
  return choice;
}

// Phase 2 on disk: iooi.yaml, when there is one.
Result<LoadSettings> read_settings(const LoadOptions& options, const RootChoice& choice,
                                   const Display& display) {
  std::optional<PlanFile> config;
  if (choice.config_path) {
    config = PlanFile{choice.config_path->string(),
                      display(*choice.config_path, choice.config_given_absolute), 0, 0, true};
  }
  return settings_from_config(DiskSource(), options, config);
}

std::vector<PlanFile> unique_in_display_order(std::vector<PlanFile> files) {
  std::stable_sort(files.begin(), files.end(),
                   [](const PlanFile& a, const PlanFile& b) { return a.display < b.display; });
  std::set<std::pair<dev_t, ino_t>> seen;
  std::vector<PlanFile> unique;
  unique.reserve(files.size());
  for (PlanFile& file : files) {
    if (seen.insert({file.device, file.inode}).second) {
      unique.push_back(std::move(file));
    } else if (file.is_config) {
      // Reached both as iooi.yaml and through a folder: keep the config flag.
      for (PlanFile& kept : unique) {
        if (kept.device == file.device && kept.inode == file.inode) kept.is_config = true;
      }
    }
  }
  return unique;
}

// The PATHs named on the command line: folders are walked, files taken whatever
// their name, anything else refused.
bool add_given_paths(const LoadOptions& options, const fs::path& working_dir,
                     Discovery& discovery) {
  for (const std::string& given : options.paths) {
    const fs::path absolute = normal_absolute(given, working_dir);
    const bool given_absolute = fs::path(given).is_absolute();
    Result<struct stat> info = stat_path(absolute, given, "path");
    if (!info) {
      discovery.error() = info.error();
      return false;
    }
    if (S_ISDIR(info->st_mode)) {
      if (!discovery.walk(absolute, *info, given_absolute, given)) return false;
    } else if (S_ISREG(info->st_mode)) {
      if (!discovery.add_named_file(absolute, *info, given_absolute)) return false;
    } else {
      // Named by the user, so not skippable like an odd entry met in a folder.
      discovery.error() =
          input_error(fmt::format("{} is {}, not a plan file; name YAML files or folders", given,
                                  file_kind(info->st_mode)));
      return false;
    }
  }
  return true;
}

Result<std::vector<PlanFile>> discover_files(const LoadOptions& options, const RootChoice& choice,
                                             const LoadSettings& settings, const Display& display,
                                             Notes& notes) {
  Discovery discovery(choice.root, settings.exclude, display, settings.in_force.max_files,
                      options.follow_outside_root, notes);
  if (choice.config_path) {
    Result<struct stat> info =
        stat_path(*choice.config_path, choice.config_path->string(), "config file");
    if (!info) return info.error();
    if (!discovery.add_named_file(*choice.config_path, *info, choice.config_given_absolute, true)) {
      return std::move(discovery.error());
    }
  }
  if (options.paths.empty()) {
    Result<struct stat> info = stat_path(choice.root, choice.root.string(), "plan root");
    if (!info) return info.error();
    if (!discovery.walk(choice.root, *info, false, "the plan root")) {
      return std::move(discovery.error());
    }
  }
  if (!add_given_paths(options, display.working_dir, discovery)) {
    return std::move(discovery.error());
  }
  return unique_in_display_order(std::move(discovery.files()));
}

// Phase 4: reads and decodes the files on `jobs` threads; outcome i is file i's.
// After an error no further file is started: the first error in path order
// still stops the run, as every file before it has been started already.
std::vector<FileOutcome> load_in_parallel(const FileSource& source,
                                          const std::vector<PlanFile>& files,
                                          const LoadSettings& settings, unsigned jobs) {
  const LoadOptions& in_force = settings.in_force;
  std::vector<FileOutcome> outcomes(files.size());
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, files.size()));
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  RunBudget budget;
  budget.max_nodes = in_force.max_total_nodes;
  FindingsBudget findings_budget(files.size(), settings.rules);
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < files.size() && !stop; i = next.fetch_add(1)) {
      outcomes[i] = load_file(source, files[i], static_cast<uint32_t>(i), in_force.limits, &budget,
                              &findings_budget);
      if (outcomes[i].error) stop = true;
    }
  };
  std::vector<std::thread> workers;
  try {
    for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads available: the ones started and this one do the work.
  }
  work();
  for (std::thread& worker : workers) worker.join();
  return outcomes;
}

// Phase 5: merges in path order, so every --jobs value gives the same plan. The
// first file (in path order) that could not be read stops the run.
Result<LoadedPlan> merge_in_order(std::vector<PlanFile> files, std::vector<FileOutcome> outcomes,
                                  const std::string& root, Findings settings_findings) {
  for (FileOutcome& outcome : outcomes) {
    if (outcome.error) return std::move(*outcome.error);
  }
  LoadedPlan loaded;
  loaded.root = root;
  loaded.plan.files.reserve(files.size());
  size_t finding_count = 0;
  for (const FileOutcome& outcome : outcomes) finding_count += outcome.findings.size();
  loaded.findings = std::move(settings_findings);
  loaded.findings.reserve(loaded.findings.size() + finding_count);
  for (size_t i = 0; i < files.size(); ++i) {
    loaded.plan.files.push_back(std::move(files[i].display));
    merge_fragment(loaded.plan, std::move(outcomes[i].fragment));
    std::move(outcomes[i].findings.begin(), outcomes[i].findings.end(),
              std::back_inserter(loaded.findings));
    loaded.omitted += outcomes[i].omitted;
    outcomes[i] = FileOutcome();
  }
  return loaded;
}

}  // namespace

Result<LoadSettings> settings_from_config(const FileSource& source, const LoadOptions& options,
                                          const std::optional<PlanFile>& config) {
  LoadSettings settings{{}, options, {}, {}};
  if (!config) return settings;
  FileOutcome outcome = load_file(source, *config, 0, options.limits, nullptr, nullptr);
  if (outcome.error) return std::move(*outcome.error);
  if (outcome.fragment.config) {
    settings.exclude = std::move(outcome.fragment.config->exclude);
    settings.rules = std::move(outcome.fragment.config->rules);
    apply_plan_limits(outcome.fragment.config->limits, config->display, settings.in_force,
                      settings.findings);
  }
  return settings;
}

std::vector<PlanFile> plan_files_in_order(std::vector<PlanFile> files) {
  return unique_in_display_order(std::move(files));
}

Result<LoadedPlan> load_plan_files(const FileSource& source, std::vector<PlanFile> files,
                                   LoadSettings settings, const std::string& root, unsigned jobs) {
  std::vector<FileOutcome> outcomes = load_in_parallel(source, files, settings, jobs);
  return merge_in_order(std::move(files), std::move(outcomes), root, std::move(settings.findings));
}

std::string find_plan_root(const std::string& start) {
  std::error_code error;
  fs::path folder = normal_absolute(start, fs::current_path(error));
  while (true) {
    struct stat info {};
    fs::path candidate = folder / config_name;
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode)) return folder.string();
    // The repository root ends the search (docs/security.md): an ancestor's
    // iooi.yaml must not switch rules off or widen the walk. `.git` is a folder,
    // or a file in worktrees and submodules.
    const fs::path git = folder / ".git";
    if (::lstat(git.c_str(), &info) == 0) break;
    fs::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) break;
    folder = std::move(parent);
  }
  return start;
}

Result<LoadedPlan> load_plan(const LoadOptions& options, Notes& notes) {
  std::error_code cwd_error;
  fs::path working_dir =
      options.working_dir.empty() ? fs::current_path(cwd_error) : fs::path(options.working_dir);
  working_dir = normal_absolute(working_dir, fs::current_path(cwd_error));
  const Display display{working_dir};

  Result<RootChoice> choice =
      options.config_file
          ? root_of_config_option(*options.config_file, working_dir)
          : Result<RootChoice>(root_by_search(options, working_dir, display, notes));
  if (!choice) return choice.error();
  Result<LoadSettings> settings = read_settings(options, *choice, display);
  if (!settings) return settings.error();
  Result<std::vector<PlanFile>> files = discover_files(options, *choice, *settings, display, notes);
  if (!files) return files.error();
  return load_plan_files(DiskSource(), std::move(*files), std::move(*settings),
                         choice->root.string(), options.jobs);
}

}  // namespace iooi
