#include "iooi/load/git_repository.h"

#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <utility>

#include "iooi/util/glob.h"
#include "plan_files.h"

namespace iooi {
namespace {

namespace fs = std::filesystem;

constexpr int max_symlink_hops = 8;

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* object) const { Free(object); }
};
using Repository = std::unique_ptr<git_repository, Freer<git_repository, git_repository_free>>;
using Object = std::unique_ptr<git_object, Freer<git_object, git_object_free>>;
using Tree = std::unique_ptr<git_tree, Freer<git_tree, git_tree_free>>;
using TreeEntry = std::unique_ptr<git_tree_entry, Freer<git_tree_entry, git_tree_entry_free>>;
using Blob = std::unique_ptr<git_blob, Freer<git_blob, git_blob_free>>;
using Odb = std::unique_ptr<git_odb, Freer<git_odb, git_odb_free>>;
using Walk = std::unique_ptr<git_revwalk, Freer<git_revwalk, git_revwalk_free>>;
using Commit = std::unique_ptr<git_commit, Freer<git_commit, git_commit_free>>;

std::string last_error_text() {
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? std::string(error->message)
                                                       : std::string("unknown libgit2 error");
}

bool has_plan_extension(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

std::string real_folder(const std::string& folder) {
  std::error_code error;
  fs::path real = fs::weakly_canonical(fs::absolute(folder, error), error);
  std::string text = real.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

CommitInfo commit_info(const git_commit* commit) {
  CommitInfo info;
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
  info.id = hex;
  info.short_id = info.id.substr(0, 7);
  const git_time_t seconds = git_commit_time(commit);
  // Days since 1970-01-01 in UTC, rounded down also before 1970.
  const git_time_t day = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  info.date = Date{static_cast<int32_t>(day)};
  return info;
}

// Reads blobs of one commit's tree. libgit2 objects are not shared between
// threads, so reads (called from the loader's threads) take turns.
class TreeSource final : public FileSource {
 public:
  TreeSource(git_repository* repository, const git_tree* tree)
      : repository_(repository), tree_(tree) {}

  SourceBytes read(const std::string& location, size_t max_bytes) const override {
    const std::lock_guard<std::mutex> lock(mutex_);
    SourceBytes outcome;
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, tree_, location.c_str()) != 0) {
      outcome.error = last_error_text();
      return outcome;
    }
    const TreeEntry entry(raw_entry);
    git_odb* raw_odb = nullptr;
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_repository_odb(&raw_odb, repository_) != 0) {
      outcome.error = last_error_text();
      return outcome;
    }
    const Odb odb(raw_odb);
    // The size first: a blob over the limit is never inflated.
    if (git_odb_read_header(&size, &type, odb.get(), git_tree_entry_id(entry.get())) != 0) {
      outcome.error = last_error_text();
      return outcome;
    }
    if (size > max_bytes) {
      outcome.too_large = true;
      outcome.size = size;
      return outcome;
    }
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, repository_, git_tree_entry_id(entry.get())) != 0) {
      outcome.error = last_error_text();
      return outcome;
    }
    const Blob blob(raw_blob);
    const auto* content = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    outcome.bytes.assign(content, static_cast<size_t>(git_blob_rawsize(blob.get())));
    return outcome;
  }

 private:
  git_repository* repository_;
  const git_tree* tree_;
  mutable std::mutex mutex_;
};

// "a/b/../c" -> "a/c"; nullopt when it climbs above the top.
std::optional<std::string> normal_tree_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "/") + part;
  return joined;
}

bool is_below(const std::string& path, const std::string& folder) {
  return folder.empty() || path == folder ||
         (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
          path[folder.size()] == '/');
}

// The walk of one commit's tree below the plan root: the same choices as the walk
// on disk (hidden entries, plan.exclude, *.yaml/*.yml), with git's symlinks
// resolved by path inside the tree.
class TreeDiscovery {
 public:
  struct Setup {
    git_repository* repository;
    const git_tree* top;               // the commit's whole tree
    std::string root;                  // the plan root's path in the tree ("" = top)
    std::string real_root;             // the plan root folder on disk (a real path)
    std::string working_dir;           // display paths are relative to this (a real path)
    std::vector<std::string> exclude;  // set from iooi.yaml once it is read
    size_t max_files;
    bool follow_outside;
  };

  TreeDiscovery(Setup setup, Notes& notes) : setup_(std::move(setup)), notes_(notes) {}

  std::vector<PlanFile>& files() { return files_; }
  RunError& error() { return error_; }
  void apply(const LoadSettings& settings) {
    setup_.exclude = settings.exclude;
    setup_.max_files = settings.in_force.max_files;
  }

  bool walk(const git_tree* tree, const std::string& path) {
    const size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      const std::string name = git_tree_entry_name(entry);
      if (name.empty() || name[0] == '.') continue;
      std::string child = path;
      if (!child.empty()) child += '/';
      child += name;
      if (is_excluded(child)) continue;
      if (!visit(entry, name, child)) return false;
    }
    return true;
  }

  // iooi.yaml at the plan root, a plain blob, or nothing.
  std::optional<PlanFile> config_file() {
    const std::string path = setup_.root.empty() ? "iooi.yaml" : setup_.root + "/iooi.yaml";
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, setup_.top, path.c_str()) != 0) return std::nullopt;
    const TreeEntry entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB ||
        git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK) {
      return std::nullopt;
    }
    return PlanFile{path, shown(path), 0, identity(path), true};
  }

  // The display path of a tree path: as the file at that place of the work tree shows.
  std::string shown(const std::string& tree_path) const {
    const std::string below =
        setup_.root.empty() ? tree_path
                            : tree_path.substr(std::min(tree_path.size(), setup_.root.size() + 1));
    const fs::path absolute = fs::path(setup_.real_root) / below;
    const fs::path relative = absolute.lexically_relative(setup_.working_dir);
    return relative.empty() ? absolute.string() : relative.string();
  }

 private:
  Setup setup_;
  Notes& notes_;
  RunError error_;
  std::vector<PlanFile> files_;
  std::map<std::string, ino_t> identities_;

  ino_t identity(const std::string& resolved) {
    return identities_.try_emplace(resolved, static_cast<ino_t>(identities_.size() + 1))
        .first->second;
  }

  bool is_excluded(const std::string& tree_path) const {
    if (setup_.exclude.empty()) return false;
    const std::string relative =
        setup_.root.empty() ? tree_path : tree_path.substr(setup_.root.size() + 1);
    return std::ranges::any_of(setup_.exclude, [&relative](const std::string& pattern) {
      return glob_match(pattern, relative);
    });
  }

  bool visit(const git_tree_entry* entry, const std::string& name, const std::string& child) {
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE) {
      git_tree* raw = nullptr;
      if (git_tree_lookup(&raw, setup_.repository, git_tree_entry_id(entry)) != 0) {
        error_ = input_error(
            fmt::format("cannot read folder {} from git: {}", shown(child), last_error_text()));
        return false;
      }
      const Tree tree(raw);
      return walk(tree.get(), child);
    }
    if (mode == GIT_FILEMODE_COMMIT || !has_plan_extension(name)) return true;  // a submodule
    if (mode == GIT_FILEMODE_LINK) return visit_link(child);
    return add(child, child);
  }

  bool visit_link(const std::string& link) {
    std::string at = link;
    for (int hop = 0; hop < max_symlink_hops; ++hop) {
      const std::optional<std::string> target = link_target(at);
      if (!target || (!setup_.follow_outside && !is_below(*target, setup_.root))) {
        notes_.push_back(fmt::format(
            "skipped {}: symlink to a place outside the plan root (--follow-outside-root reads "
            "it when it stays inside the repository)",
            shown(link)));
        return true;
      }
      git_tree_entry* raw = nullptr;
      if (git_tree_entry_bypath(&raw, setup_.top, target->c_str()) != 0) {
        notes_.push_back(fmt::format("skipped {}: dangling symlink", shown(link)));
        return true;
      }
      const TreeEntry entry(raw);
      const git_filemode_t mode = git_tree_entry_filemode(entry.get());
      if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
        return add(*target, link);
      }
      if (mode != GIT_FILEMODE_LINK) {
        notes_.push_back(fmt::format(
            "skipped {}: symlink to a folder, not followed in a committed tree", shown(link)));
        return true;
      }
      at = *target;
    }
    notes_.push_back(fmt::format("skipped {}: symlink loop", shown(link)));
    return true;
  }

  // Where the symlink at `link` points, as a path in the tree; nullopt for an
  // absolute target or one above the top.
  std::optional<std::string> link_target(const std::string& link) const {
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, setup_.top, link.c_str()) != 0) return std::nullopt;
    const TreeEntry entry(raw);
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, setup_.repository, git_tree_entry_id(entry.get())) != 0) {
      return std::nullopt;
    }
    const Blob blob(raw_blob);
    const std::string target(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                             static_cast<size_t>(git_blob_rawsize(blob.get())));
    if (target.empty() || target[0] == '/' || target.find('\0') != std::string::npos) {
      return std::nullopt;
    }
    const size_t slash = link.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : link.substr(0, slash + 1);
    return normal_tree_path(folder + target);
  }

  bool add(const std::string& resolved, const std::string& path) {
    const size_t before = identities_.size();
    const ino_t id = identity(resolved);
    if (identities_.size() > before && identities_.size() > setup_.max_files) {
      error_ =
          input_error(fmt::format("more than {} plan files; name fewer PATHs, skip folders with "
                                  "plan.exclude or raise the limit with --limit files=N",
                                  setup_.max_files));
      return false;
    }
    files_.push_back(PlanFile{resolved, shown(path), 0, id, false});
    return true;
  }
};

}  // namespace

namespace {

// Whether the work tree's file at `tree_path` holds exactly the bytes of the blob at
// that path in `tree`. Only a regular file (no symlink, so nothing outside the work
// tree is read) of at most `max_bytes` is hashed; anything else counts as changed.
bool same_in_work_tree(const git_tree* tree, const std::string& tree_path,
                       const std::string& work_tree, size_t max_bytes) {
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree, tree_path.c_str()) != 0) return false;
  const TreeEntry entry(raw_entry);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return false;
  const std::string path = work_tree + "/" + tree_path;
  std::error_code error;
  if (!fs::is_regular_file(fs::symlink_status(path, error))) return false;
  const SourceBytes read = DiskSource().read(path, max_bytes);
  if (!read.error.empty() || read.too_large) return false;
  git_oid on_disk;
  if (git_odb_hash(&on_disk, read.bytes.data(), read.bytes.size(), GIT_OBJECT_BLOB) != 0)
    return false;
  return git_oid_equal(&on_disk, git_tree_entry_id(entry.get())) != 0;
}

}  // namespace

struct GitRepository::State {
  Repository repository;
  std::string work_tree;

  State() { git_libgit2_init(); }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  State(State&&) = delete;
  State& operator=(State&&) = delete;
  ~State() {
    repository.reset();
    git_libgit2_shutdown();
  }
};

GitRepository::GitRepository(std::unique_ptr<State> state) : state_(std::move(state)) {}
GitRepository::GitRepository(GitRepository&& other) noexcept = default;
GitRepository& GitRepository::operator=(GitRepository&& other) noexcept = default;
GitRepository::~GitRepository() = default;

Result<GitRepository> GitRepository::open(const std::string& folder) {
  auto state = std::make_unique<State>();
  git_repository* raw = nullptr;
  const int code = git_repository_open_ext(&raw, folder.c_str(), 0, nullptr);
  if (code != 0) {
    if (code == GIT_ENOTFOUND) {
      return input_error(fmt::format(
          "{} is not inside a git repository; run iooi diff and --history in a clone of the "
          "plan's repository",
          folder));
    }
    return input_error(
        fmt::format("cannot open the git repository at {}: {}", folder, last_error_text()));
  }
  state->repository.reset(raw);
  const char* work_tree = git_repository_workdir(raw);
  if (work_tree == nullptr) {
    return input_error(fmt::format(
        "the git repository at {} is bare (it has no work tree); run iooi in a clone", folder));
  }
  state->work_tree = real_folder(work_tree);
  return GitRepository(std::move(state));
}

const std::string& GitRepository::work_tree() const { return state_->work_tree; }

bool GitRepository::is_shallow() const {
  return git_repository_is_shallow(state_->repository.get()) == 1;
}

Result<CommitInfo> GitRepository::resolve(const std::string& revision) const {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, state_->repository.get(), revision.c_str()) != 0) {
    return usage_error(
        fmt::format("unknown revision '{}': {}; name a commit, branch or tag of "
                    "this repository (e.g. HEAD~1)",
                    revision, last_error_text()));
  }
  const Object object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) {
    return usage_error(fmt::format(
        "revision '{}' does not name a commit; name a commit, branch or tag", revision));
  }
  const Commit commit(reinterpret_cast<git_commit*>(peeled));
  return commit_info(commit.get());
}

Result<std::vector<CommitInfo>> GitRepository::first_parent_history() const {
  std::vector<CommitInfo> commits;
  git_repository* repository = state_->repository.get();
  if (git_repository_head_unborn(repository) == 1) return commits;
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repository) != 0) return input_error(last_error_text());
  const Walk walk(raw);
  git_revwalk_simplify_first_parent(walk.get());
  if (git_revwalk_push_head(walk.get()) != 0) {
    return input_error(fmt::format("cannot read the history: {}", last_error_text()));
  }
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repository, &oid) != 0) break;  // cut off (shallow)
    const Commit owned(commit);
    commits.push_back(commit_info(owned.get()));
  }
  return commits;
}

Result<LoadedPlan> GitRepository::load_plan_at(const CommitInfo& commit,
                                               const std::string& plan_root,
                                               const LoadOptions& options, Notes& notes,
                                               bool only_changed) const {
  git_repository* repository = state_->repository.get();
  git_oid oid;
  git_commit* raw_commit = nullptr;
  if (git_oid_fromstr(&oid, commit.id.c_str()) != 0 ||
      git_commit_lookup(&raw_commit, repository, &oid) != 0) {
    return input_error(
        fmt::format("cannot read commit {}: {}", commit.short_id, last_error_text()));
  }
  const Commit owned(raw_commit);
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, owned.get()) != 0) {
    return input_error(
        fmt::format("cannot read commit {}: {}", commit.short_id, last_error_text()));
  }
  const Tree top(raw_tree);

  const std::string real_root = real_folder(plan_root);
  const fs::path inside = fs::path(real_root).lexically_relative(state_->work_tree);
  if (inside.empty() || *inside.begin() == "..") {
    return input_error(fmt::format("the plan root {} is outside the git work tree {}", plan_root,
                                   state_->work_tree));
  }
  const std::string root = inside == "." ? std::string() : inside.generic_string();
  std::error_code error;
  const std::string working = real_folder(
      options.working_dir.empty() ? fs::current_path(error).string() : options.working_dir);
  TreeDiscovery walker(TreeDiscovery::Setup{repository,
                                            top.get(),
                                            root,
                                            real_root,
                                            working,
                                            {},
                                            options.max_files,
                                            options.follow_outside_root},
                       notes);
  const TreeSource source(repository, top.get());
  const std::optional<PlanFile> config = walker.config_file();
  Result<LoadSettings> settings = settings_from_config(source, options, config);
  if (!settings) return settings.error();
  walker.apply(*settings);
  if (config) walker.files().push_back(*config);
  const git_tree* start = top.get();
  Tree subtree;
  if (!root.empty()) {
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, top.get(), root.c_str()) != 0) {
      return load_plan_files(source, {}, std::move(*settings), real_root, options.jobs);
    }
    const TreeEntry entry(raw_entry);
    git_tree* raw_sub = nullptr;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE ||
        git_tree_lookup(&raw_sub, repository, git_tree_entry_id(entry.get())) != 0) {
      return load_plan_files(source, {}, std::move(*settings), real_root, options.jobs);
    }
    subtree.reset(raw_sub);
    start = subtree.get();
  }
  if (!walker.walk(start, root)) return std::move(walker.error());
  if (only_changed) {
    std::erase_if(walker.files(), [&](const PlanFile& file) {
      return !file.is_config && same_in_work_tree(top.get(), file.location, state_->work_tree,
                                                  options.limits.max_file_bytes);
    });
  }
  return load_plan_files(source, plan_files_in_order(std::move(walker.files())),
                         std::move(*settings), real_root, options.jobs);
}

}  // namespace iooi
