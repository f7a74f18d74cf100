// The loader's defences of docs/security.md: symlinks out of the plan root, the
// config search ending at the repository root, plan.limits only lowering, and
// the run-wide node budget.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "iooi/load/limits.h"
#include "iooi/load/load_plan.h"

namespace iooi {
namespace {

namespace fs = std::filesystem;

struct Sandbox {
  fs::path path;
  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "iooi-contain-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = fs::path(pattern);
  }
  ~Sandbox() {
    std::error_code error;
    fs::remove_all(path, error);
  }
  void write(const std::string& relative, const std::string& content) const {
    const fs::path file = path / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  void link(const std::string& target, const std::string& relative) const {
    fs::create_symlink(target, path / relative);
  }
  LoadOptions options(const std::string& folder) const {
    LoadOptions options;
    options.working_dir = (path / folder).string();
    options.jobs = 1;
    return options;
  }
};

// The outcome of one load: the plan (when it loaded), the error and the notes.
struct Loaded {
  LoadedPlan plan_result;
  std::string error;
  Notes notes;
  const Plan& plan_ref() const { return plan_result.plan; }
};

Loaded load(const LoadOptions& options) {
  Loaded loaded;
  Result<LoadedPlan> result = load_plan(options, loaded.notes);
  if (result) {
    loaded.plan_result = std::move(*result);
  } else {
    loaded.error = result.error().message;
  }
  return loaded;
}

std::string all_notes(const Loaded& result) {
  std::string text;
  for (const std::string& note : result.notes) text += note + "\n";
  return text;
}

bool mentions(const Loaded& result, const std::string& word) {
  return std::any_of(result.plan_result.findings.begin(), result.plan_result.findings.end(),
                     [&](const Finding& f) { return f.message.find(word) != std::string::npos; });
}

TEST_CASE("load_plan: symlinks out of the plan root are skipped with a note naming the link") {
  Sandbox box;
  box.write("secret/credentials.yaml", "token: SECRET-CONTENT\n");
  box.write("plan/iooi.yaml", "plan: {name: x}\n");
  box.write("plan/inside/a.yaml", "teams: [{id: t, name: T}]\n");
  box.link((box.path / "secret/credentials.yaml").string(), "plan/creds.yaml");
  box.link((box.path / "secret").string(), "plan/folder");
  box.link("inside/a.yaml", "plan/alias.yaml");  // stays inside: followed

  Loaded result = load(box.options("plan"));
  REQUIRE(result.error.empty());
  const std::string notes = all_notes(result);
  CHECK(notes.find("skipped creds.yaml: symlink to a place outside the plan root") !=
        std::string::npos);
  CHECK(notes.find("skipped folder: symlink to a place outside the plan root") !=
        std::string::npos);
  CHECK(notes.find("secret") == std::string::npos);  // never the target
  CHECK(!mentions(result, "token"));
  CHECK(result.plan_ref().files.size() == 2);  // iooi.yaml and inside/a.yaml (once)

  LoadOptions follow = box.options("plan");
  follow.follow_outside_root = true;
  Loaded followed = load(follow);
  REQUIRE(followed.error.empty());
  CHECK(mentions(followed, "token"));  // unknown-key in the linked file
}

TEST_CASE("load_plan: a PATH outside the root is read; links in it stay inside it") {
  Sandbox box;
  box.write("plan/iooi.yaml", "plan: {name: x}\n");
  box.write("other/b.yaml", "teams: [{id: b, name: B}]\n");
  box.write("elsewhere/c.yaml", "teams: [{id: c, name: C}]\n");
  box.link((box.path / "elsewhere/c.yaml").string(), "other/c.yaml");
  LoadOptions options = box.options("plan");
  options.paths = {(box.path / "other").string()};
  Loaded result = load(options);
  REQUIRE(result.error.empty());
  CHECK(result.plan_ref().files.size() == 1);  // other/b.yaml (other/ has no iooi.yaml above it)
  CHECK(all_notes(result).find("c.yaml: symlink to a place outside") != std::string::npos);
}

TEST_CASE("find_plan_root: the search stops at the repository root") {
  Sandbox box;
  box.write("iooi.yaml", "plan: {rules: {unknown-key: off}}\n");
  box.write("repo/plans/a.yaml", "x: 1\n");
  fs::create_directory(box.path / "repo/.git");
  const std::string start = (box.path / "repo/plans").string();
  CHECK(find_plan_root(start) == start);
  // A worktree or submodule has a .git file: the same.
  fs::remove(box.path / "repo/.git");
  box.write("repo/.git", "gitdir: elsewhere\n");
  CHECK(find_plan_root(start) == start);
  // An iooi.yaml in the repository root itself is still found.
  box.write("repo/iooi.yaml", "plan: {name: x}\n");
  CHECK(find_plan_root(start) == (box.path / "repo").string());
  // Without a repository the search goes on upwards.
  fs::remove(box.path / "repo/.git");
  fs::remove(box.path / "repo/iooi.yaml");
  CHECK(find_plan_root(start) == box.path.string());
}

TEST_CASE("plan.limits lowers limits; raising one is a type finding, --limit raises it") {
  Sandbox box;
  box.write("iooi.yaml", "plan:\n  limits: {files: 250000, value_size_kib: 2}\n");
  box.write("a.yaml", "teams: [{id: a, name: " + std::string(3000, 'x') + "}]\n");
  Loaded result = load(box.options(""));
  REQUIRE(result.error.empty());
  const auto raised =
      std::find_if(result.plan_result.findings.begin(), result.plan_result.findings.end(),
                   [](const Finding& f) { return f.rule == Rule::type; });
  REQUIRE(raised != result.plan_result.findings.end());
  CHECK(raised->path == "iooi.yaml");
  CHECK(raised->line == 2);
  CHECK(raised->message ==
        "`files: 250000` would raise the limit of 100000; iooi.yaml can only lower limits — "
        "raise it on the command line with --limit files=250000 (docs/limits.md)");
  CHECK(mentions(result, "limit of 2048 bytes"));  // lowered: applies

  LoadOptions options = box.options("");
  CHECK(set_limit_option(options, "files=300000").empty());
  CHECK(options.max_files == 300000);
  Loaded allowed = load(options);
  CHECK(std::none_of(allowed.plan_result.findings.begin(), allowed.plan_result.findings.end(),
                     [](const Finding& f) { return f.rule == Rule::type; }));

  CHECK(set_limit_option(options, "file_size_mib=2").empty());
  CHECK(options.limits.max_file_bytes == 2u << 20);
  CHECK(set_limit_option(options, "filez=2").find("NAME one of file_size_mib") !=
        std::string::npos);
  for (const char* bad :
       {"files", "files=", "files=0", "files=-1", "files=1e3", "files=2000000000"}) {
    CAPTURE(bad);
    CHECK(set_limit_option(options, bad).find("whole number from 1 to 1000000000") !=
          std::string::npos);
  }
}

TEST_CASE("load_plan: the expanded nodes of all files together are bounded") {
  Sandbox box;
  box.write("iooi.yaml", "plan: {name: x}\n");
  box.write("a.yaml", "teams: [{id: a, name: A}]\n");
  box.write("b.yaml", "teams: [{id: b, name: B}]\n");
  LoadOptions options = box.options("");
  options.max_total_nodes = 30;  // iooi.yaml has 5 nodes, each team file 8
  CHECK(load(options).error.empty());
  options.max_total_nodes = 20;
  CHECK(load(options).error.find("more than 20 YAML nodes") != std::string::npos);
}

}  // namespace
}  // namespace iooi
