#include "iooi/load/load_plan.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace iooi {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed (without following
// symlinks) when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "iooi-load-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = fs::path(pattern);
  }
  ~TempDir() {
    std::error_code error;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, error);
    fs::remove_all(path, error);
  }
  fs::path write(const std::string& relative, const std::string& content) const {
    fs::path file = path / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  std::string str() const { return path.string(); }
};

std::string element(const std::string& id) {
  return "outputs:\n  - id: " + id + "\n    title: T\n";
}

// What one load_plan() call gives, side by side, so that a test can look at the
// plan, the error message and the notes alike.
struct LoadRun {
  Plan plan;
  Findings findings;
  FindingCounts omitted;
  std::string root;
  std::string error;  // empty when the load succeeded
  Notes notes;
};

LoadRun run_load(const LoadOptions& options) {
  LoadRun run;
  Result<LoadedPlan> loaded = load_plan(options, run.notes);
  if (!loaded) {
    run.error = loaded.error().message;
    return run;
  }
  run.plan = std::move(loaded->plan);
  run.findings = std::move(loaded->findings);
  run.omitted = loaded->omitted;
  run.root = std::move(loaded->root);
  return run;
}

LoadOptions options_in(const TempDir& dir) {
  LoadOptions options;
  options.working_dir = dir.str();
  options.jobs = 1;
  return options;
}

// Lists compared as one line, so that a failure shows both sides.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

std::vector<std::string> element_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const Element& e : plan.elements) ids.push_back(e.id);
  return ids;
}

TEST_CASE("find_plan_root: nearest folder upwards holding iooi.yaml, else the start") {
  TempDir dir;
  dir.write("plans/iooi.yaml", "plan: {name: x}\n");
  fs::create_directories(dir.path / "plans/a/b");
  CHECK(find_plan_root((dir.path / "plans/a/b").string()) == (dir.path / "plans").string());
  CHECK(find_plan_root((dir.path / "plans").string()) == (dir.path / "plans").string());
  CHECK(find_plan_root((dir.path / "plans/a/b/").string()) == (dir.path / "plans").string());
  // A folder named iooi.yaml does not make a root.
  fs::create_directories(dir.path / "other/iooi.yaml");
  fs::create_directories(dir.path / "other/x");
  std::string start = (dir.path / "other/x").string();
  CHECK(find_plan_root(start) == start);
}

TEST_CASE("load_plan: every yaml file below the root, sorted, hidden and excluded skipped") {
  TempDir dir;
  dir.write("iooi.yaml", "plan:\n  name: Test\n  exclude: [\"drafts/**\", \"**/*.skip.yaml\"]\n");
  dir.write("b.yaml", element("B"));
  dir.write("a.yml", element("A"));
  dir.write("sub/c.yaml", element("C"));
  dir.write("sub/deeper/d.yaml", element("D"));
  dir.write("notes.txt", "not yaml");
  dir.write(".hidden.yaml", element("HIDDEN"));
  dir.write(".git/config.yaml", element("GIT"));
  dir.write("drafts/e.yaml", element("DRAFT"));
  dir.write("sub/x.skip.yaml", element("SKIPPED"));
  dir.write("folder.yaml/f.yaml", element("F"));  // a directory named x.yaml is a folder

  LoadOptions options = options_in(dir);
  LoadRun result = run_load(options);
  REQUIRE(result.error.empty());
  CHECK(result.root == dir.str());
  CHECK(result.findings.empty());
  CHECK(joined(result.plan.files) == joined({"a.yml", "b.yaml", "folder.yaml/f.yaml", "iooi.yaml",
                                             "sub/c.yaml", "sub/deeper/d.yaml"}));
  CHECK(joined(element_ids(result.plan)) == joined({"A", "B", "F", "C", "D"}));
  CHECK(result.plan.config.present);
  CHECK(result.plan.config.name == "Test");
  // Loc::file indexes Plan::files.
  CHECK(result.plan.files.at(result.plan.elements[3].at.file) == "sub/c.yaml");
  CHECK(result.plan.config.at.file == 3);
}

TEST_CASE("load_plan: display paths are relative to the working folder") {
  TempDir dir;
  dir.write("iooi.yaml", "plan: {name: x}\n");
  dir.write("top.yaml", element("TOP"));
  dir.write("team/mine.yaml", "outputs:\n  - {id: M, title: T, bogus: 1}\n");
  LoadOptions options;
  options.working_dir = (dir.path / "team").string();  // root is found upwards
  LoadRun result = run_load(options);
  REQUIRE(result.error.empty());
  CHECK(result.root == dir.str());
  CHECK(joined(result.plan.files) == joined({"../iooi.yaml", "../top.yaml", "mine.yaml"}));
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].path == "mine.yaml");
  CHECK(result.findings[0].rule == Rule::unknown_key);
  CHECK(result.findings[0].line == 2);
}

TEST_CASE("load_plan: PATHs name files and folders; the config is found from the first PATH") {
  TempDir dir;
  dir.write("plans/iooi.yaml", "plan:\n  name: P\n  exclude: [\"q2/old.yaml\"]\n");
  dir.write("plans/q1/a.yaml", element("A"));
  dir.write("plans/q2/b.yaml", element("B"));
  dir.write("plans/q2/old.yaml", element("OLD"));
  dir.write("plans/q2/.hidden.yaml", element("HIDDEN"));
  dir.write("plans/q3/c.yaml", element("C"));
  LoadOptions options = options_in(dir);
  options.paths = {"plans/q2", "plans/q1/a.yaml"};
  LoadRun result = run_load(options);
  REQUIRE(result.error.empty());
  CHECK(result.root == (dir.path / "plans").string());
  CHECK(joined(result.plan.files) ==
        joined({"plans/iooi.yaml", "plans/q1/a.yaml", "plans/q2/b.yaml"}));
  CHECK(result.plan.config.name == "P");

  SUBCASE("an explicitly named file is loaded even when excluded or hidden") {
    options.paths = {"plans/q2/old.yaml", "plans/q2/.hidden.yaml"};
    LoadRun named = run_load(options);
    REQUIRE(named.error.empty());
    CHECK(joined(element_ids(named.plan)) == joined({"HIDDEN", "OLD"}));
  }
  SUBCASE("a file reached twice is loaded once") {
    options.paths = {"plans/q1", "plans/q1/a.yaml", "plans/./q1/../q1/a.yaml"};
    LoadRun twice = run_load(options);
    REQUIRE(twice.error.empty());
    CHECK(joined(element_ids(twice.plan)) == joined({"A"}));
  }
  SUBCASE("absolute PATHs outside the working folder stay absolute") {
    options.working_dir = (dir.path / "plans/q3").string();
    options.paths = {(dir.path / "plans/q1").string()};
    LoadRun absolute = run_load(options);
    REQUIRE(absolute.error.empty());
    CHECK(joined(absolute.plan.files) == joined({(dir.path / "plans/iooi.yaml").string(),
                                                 (dir.path / "plans/q1/a.yaml").string()}));
  }
}

TEST_CASE("load_plan: --config names the config file directly") {
  TempDir dir;
  dir.write("settings/custom.yaml", "plan:\n  name: Custom\n");
  dir.write("work/a.yaml", element("A"));
  LoadOptions options = options_in(dir);
  options.paths = {"work"};
  options.config_file = "settings/custom.yaml";
  LoadRun result = run_load(options);
  REQUIRE(result.error.empty());
  CHECK(result.plan.config.name == "Custom");
  CHECK(joined(result.plan.files) == joined({"settings/custom.yaml", "work/a.yaml"}));
  CHECK(result.findings.empty());  // `plan` is allowed in the named config file

  options.config_file = "settings/missing.yaml";
  LoadRun missing = run_load(options);
  CHECK(missing.error == "config file settings/missing.yaml does not exist");
}

TEST_CASE("load_plan: `plan` outside the config file is a finding") {
  TempDir dir;
  dir.write("iooi.yaml", "plan: {name: Root}\n");
  dir.write("sub/iooi.yaml", "plan: {name: Nested}\n");
  LoadRun result = run_load(options_in(dir));
  REQUIRE(result.error.empty());
  CHECK(result.plan.config.name == "Root");
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].path == "sub/iooi.yaml");
  CHECK(result.findings[0].rule == Rule::unknown_key);
}

TEST_CASE("load_plan: missing PATHs are errors that name the path") {
  TempDir dir;
  LoadOptions options = options_in(dir);
  options.paths = {"nowhere/plan.yaml"};
  LoadRun result = run_load(options);
  CHECK(result.error == "path nowhere/plan.yaml does not exist");
}

TEST_CASE("load_plan: unreadable files and folders are errors") {
  if (::geteuid() == 0) return;  // root reads everything: nothing to test
  TempDir dir;
  fs::path secret = dir.write("secret.yaml", element("S"));
  fs::permissions(secret, fs::perms::none);
  LoadRun file = run_load(options_in(dir));
  CHECK(file.error == "cannot read secret.yaml: Permission denied");
  fs::permissions(secret, fs::perms::owner_read);
  dir.write("locked/x.yaml", element("X"));
  fs::permissions(dir.path / "locked", fs::perms::none);
  LoadRun folder = run_load(options_in(dir));
  CHECK(folder.error.find("cannot read folder locked") == 0);
  fs::permissions(dir.path / "locked", fs::perms::owner_all);
}

TEST_CASE("load_plan: symlink loops end; dangling links and FIFOs are skipped with a note") {
  TempDir dir;
  dir.write("a/plan.yaml", element("A"));
  fs::create_directory_symlink("..", dir.path / "a/up");         // a/up -> its parent: a loop
  fs::create_directory_symlink(dir.path / "a", dir.path / "b");  // a second way into a
  fs::create_symlink("missing.yaml", dir.path / "dangling.yaml");
  fs::create_symlink("a/plan.yaml", dir.path / "alias.yaml");  // same file as a/plan.yaml
  REQUIRE(::mkfifo((dir.path / "pipe.yaml").c_str(), 0600) == 0);
  LoadRun result = run_load(options_in(dir));
  REQUIRE(result.error.empty());
  CHECK(joined(element_ids(result.plan)) == joined({"A"}));
  REQUIRE(result.plan.files.size() == 1);
  CHECK(result.plan.files[0] == "a/plan.yaml");
  std::string notes;
  for (const std::string& note : result.notes) notes += note + "\n";
  INFO(notes);
  CHECK(notes.find("a/up: symlink to a folder already visited") != std::string::npos);
  CHECK(notes.find("b: symlink to a folder already visited") != std::string::npos);
  CHECK(notes.find("dangling.yaml: dangling symlink") != std::string::npos);
  CHECK(notes.find("pipe.yaml: a FIFO, not a plan file") != std::string::npos);
}

TEST_CASE("load_plan: more files than max_files is an error") {
  TempDir dir;
  for (int i = 0; i < 4; ++i) dir.write("f" + std::to_string(i) + ".yaml", element("E"));
  LoadOptions options = options_in(dir);
  options.max_files = 3;
  CHECK(run_load(options).error.find("more than 3 plan files") == 0);
  options.max_files = 4;
  CHECK(run_load(options).error.empty());
}

TEST_CASE("load_plan: a file over the size limit is a yaml-structure finding, not read") {
  TempDir dir;
  dir.write("big.yaml", element("BIG") + std::string(2000, '#') + "\n");
  dir.write("small.yaml", element("SMALL"));
  LoadOptions options = options_in(dir);
  options.limits.max_file_bytes = 1024;
  LoadRun result = run_load(options);
  REQUIRE(result.error.empty());
  CHECK(joined(element_ids(result.plan)) == joined({"SMALL"}));
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == Rule::yaml_structure);
  CHECK(result.findings[0].path == "big.yaml");
  CHECK(result.findings[0].message.find("over the limit of 1.0 KiB") != std::string::npos);
}

TEST_CASE("load_plan: YAML problems are findings of the file, the run goes on") {
  TempDir dir;
  dir.write("broken.yaml", "outputs: [\n");
  dir.write("empty.yaml", "");
  dir.write("ok.yaml", element("OK"));
  LoadRun result = run_load(options_in(dir));
  REQUIRE(result.error.empty());
  CHECK(joined(element_ids(result.plan)) == joined({"OK"}));
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].path == "broken.yaml");
  CHECK(result.findings[0].rule == Rule::yaml_syntax);
  CHECK(result.findings[1].path == "empty.yaml");
  CHECK(result.findings[1].rule == Rule::empty_file);
}

TEST_CASE("load_plan: past the run's findings cap, reader and decoder findings are counted only") {
  TempDir dir;
  // plan.rules counts what is left out too: unknown-key as a warning.
  dir.write("iooi.yaml", "plan: {name: Many, rules: {unknown-key: warning}}\n");
  for (const char* name : {"a.yaml", "b.yaml", "c.yaml"}) {
    std::string text = "teams:\n  - id: t\n    name: n\n";
    for (int key = 0; key < 6000; ++key) text += "    k" + std::to_string(key) + ": 1\n";
    dir.write(name, text);
  }
  LoadOptions options = options_in(dir);
  LoadRun one = run_load(options);
  REQUIRE(one.error.empty());
  // In path order: a.yaml's 6,000, then 4,000 of b.yaml; the other 8,000 are counted.
  CHECK(one.findings.size() == max_findings_shown);
  CHECK(one.omitted.warnings == 8000);
  CHECK(one.omitted.errors == 0);
  CHECK(one.findings.back().path == "b.yaml");
  CHECK(one.findings.back().severity == Severity::warning);
  sort_findings(one.findings);
  // In parallel a file may keep more while the files before it are still read, never
  // fewer: the first 10,000 in the order users see are the same.
  options.jobs = 3;
  LoadRun many = run_load(options);
  REQUIRE(many.error.empty());
  CHECK(many.findings.size() >= max_findings_shown);
  CHECK(many.findings.size() + many.omitted.total() == 18000);
  sort_findings(many.findings);
  for (size_t i = 0; i < max_findings_shown; ++i) {
    REQUIRE(many.findings[i].path == one.findings[i].path);
    REQUIRE(many.findings[i].line == one.findings[i].line);
  }
}

bool same_loc(const Loc& a, const Loc& b) {
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

TEST_CASE("load_plan: the result is the same for any number of jobs") {
  TempDir dir;
  dir.write("iooi.yaml", "plan: {name: Parallel}\n");
  for (int i = 0; i < 60; ++i) {
    std::string n = std::to_string(i);
    // Every file has elements and findings, some a syntax error, so that order shows.
    std::string text = "outputs:\n  - {id: E" + n + ", title: T, bogus" + n +
                       ": 1}\nobjectives:\n  - {id: O" + n + ", title: T, period: 2026-Q1}\n";
    if (i % 7 == 3) text = "outputs: [\n";
    dir.write("d" + std::to_string(i % 5) + "/f" + n + ".yaml", text);
  }
  LoadOptions options = options_in(dir);
  options.jobs = 1;
  LoadRun one = run_load(options);
  for (unsigned jobs : {4u, 0u}) {
    CAPTURE(jobs);
    options.jobs = jobs;
    LoadRun many = run_load(options);
    REQUIRE(many.error.empty());
    CHECK(many.plan.files == one.plan.files);
    REQUIRE(many.findings.size() == one.findings.size());
    for (size_t i = 0; i < one.findings.size(); ++i) {
      CHECK(many.findings[i].path == one.findings[i].path);
      CHECK(many.findings[i].line == one.findings[i].line);
      CHECK(many.findings[i].column == one.findings[i].column);
      CHECK(many.findings[i].message == one.findings[i].message);
    }
    REQUIRE(many.plan.elements.size() == one.plan.elements.size());
    for (size_t i = 0; i < one.plan.elements.size(); ++i) {
      CHECK(many.plan.elements[i].id == one.plan.elements[i].id);
      CHECK(same_loc(many.plan.elements[i].at, one.plan.elements[i].at));
    }
    REQUIRE(many.plan.objectives.size() == one.plan.objectives.size());
    for (size_t i = 0; i < one.plan.objectives.size(); ++i) {
      CHECK(many.plan.objectives[i].id == one.plan.objectives[i].id);
    }
  }
  // The files and findings really are in path order.
  CHECK(std::is_sorted(one.plan.files.begin(), one.plan.files.end()));
  CHECK(one.plan.files.size() == 61);
  CHECK(one.findings.size() == 60);  // 51 unknown keys + 9 syntax errors
  CHECK(one.plan.elements.size() == 51);
}

}  // namespace
}  // namespace iooi
