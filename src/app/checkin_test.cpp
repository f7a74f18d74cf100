#include "iooi/app/checkin.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace iooi {
namespace {

namespace fs = std::filesystem;

// A plan in a fresh folder under the system temp dir, removed (without
// following symlinks) when the test ends.
struct TempPlan {
  fs::path path;
  TempPlan() {
    std::string pattern = (fs::temp_directory_path() / "iooi-checkin-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = fs::path(pattern);
    write("iooi.yaml", "plan:\n  name: T\n");
  }
  ~TempPlan() {
    std::error_code error;
    fs::remove_all(path, error);
  }
  TempPlan(const TempPlan&) = delete;
  TempPlan& operator=(const TempPlan&) = delete;

  void write(const std::string& relative, const std::string& content) const {
    std::ofstream(path / relative, std::ios::binary) << content;
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(path / relative, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  CheckinRequest request(std::vector<TypedCheckin> checkins) const {
    CheckinRequest request;
    request.plan.config_file = (path / "iooi.yaml").string();
    request.plan.working_dir = path.string();
    request.plan.reference_date = *Date::parse("2026-03-31");
    request.checkins = std::move(checkins);
    return request;
  }
};

std::string objective(const std::string& id, const std::string& key_results) {
  return "objectives:\n  - id: " + id + "\n    title: T\n    period: 2026-Q1\n    key_results:\n" +
         key_results;
}

std::string measure(const std::string& id, const std::string& extra = "") {
  return "      - id: " + id + "\n        title: T\n        baseline: 0\n        target: 10\n" +
         extra;
}

TypedCheckin typed(const std::string& id, const std::string& value) {
  return TypedCheckin{0, id, value, std::string("2026-03-20"), "", std::nullopt};
}

// checkin_plan reads plan files by the paths the plan names them with, which
// are relative to the working folder.
struct InFolder {
  fs::path before = fs::current_path();
  explicit InFolder(const fs::path& path) { fs::current_path(path); }
  ~InFolder() { fs::current_path(before); }
  InFolder(const InFolder&) = delete;
  InFolder& operator=(const InFolder&) = delete;
};

}  // namespace

TEST_CASE("checkin_plan: rows of one file become one edit; nothing is written until asked") {
  TempPlan plan;
  plan.write("a.yaml", objective("O-1", measure("KR-1") + measure("KR-2")));
  plan.write("b.yaml", objective("O-2", measure("KR-3")));
  const InFolder in(plan.path);
  Notes notes;
  const Result<CheckinOutcome> outcome = checkin_plan(
      plan.request({typed("KR-1", "3"), typed("KR-3", "4"), typed("KR-2", "5")}), notes);
  REQUIRE(outcome.ok());
  CHECK(outcome->refusal == "");
  CHECK(outcome->checkins == 3);
  REQUIRE(outcome->edits.size() == 2);
  CHECK(outcome->edits[0].path == "a.yaml");
  CHECK(outcome->edits[1].path == "b.yaml");
  CHECK(plan.read("a.yaml") == outcome->edits[0].old_bytes);
  REQUIRE(write_checkins(*outcome).ok());
  CHECK(plan.read("a.yaml") ==
        objective("O-1", measure("KR-1",
                                 "        checkins:\n"
                                 "          - {date: 2026-03-20, value: 3}\n") +
                             measure("KR-2",
                                     "        checkins:\n"
                                     "          - {date: 2026-03-20, value: "
                                     "5}\n")));
  CHECK(plan.read("b.yaml") == outcome->edits[1].new_bytes);
}

TEST_CASE("checkin_plan: refusals name the reason and change no file") {
  TempPlan plan;
  const std::string text = objective(
      "O-1", measure("KR-1") + measure("KR-current", "        current: 4\n") + measure("KR-1"));
  plan.write("a.yaml", text);
  const InFolder in(plan.path);
  Notes notes;
  SUBCASE("an id defined twice") {
    const Result<CheckinOutcome> outcome = checkin_plan(plan.request({typed("KR-1", "3")}), notes);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().kind == ErrorKind::usage);
    CHECK(outcome.error().message.find("is defined 2 times") != std::string::npos);
  }
  SUBCASE("a measure with current: exit 1, no edits") {
    const Result<CheckinOutcome> outcome =
        checkin_plan(plan.request({typed("KR-current", "3")}), notes);
    REQUIRE(outcome.ok());
    CHECK(outcome->refusal.find("has `current`") != std::string::npos);
    CHECK(outcome->edits.empty());
  }
  SUBCASE("an unknown id, with did-you-mean") {
    const Result<CheckinOutcome> outcome =
        checkin_plan(plan.request({typed("KR-curent", "3")}), notes);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().message.find("did you mean 'KR-current'?") != std::string::npos);
  }
  CHECK(plan.read("a.yaml") == text);
}

TEST_CASE("checkin_plan: a plan file that is a symlink is not replaced") {
  TempPlan plan;
  const std::string text = objective("O-1", measure("KR-1"));
  // The walk skips the hidden folder, so the link is the plan file.
  fs::create_directory(plan.path / ".shared");
  plan.write(".shared/a.yaml", text);
  fs::create_symlink(".shared/a.yaml", plan.path / "link.yaml");
  const InFolder in(plan.path);
  Notes notes;
  const Result<CheckinOutcome> outcome = checkin_plan(plan.request({typed("KR-1", "3")}), notes);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().kind == ErrorKind::usage);
  CHECK(outcome.error().message.find("link.yaml is a symbolic link") != std::string::npos);
  CHECK(fs::is_symlink(plan.path / "link.yaml"));
  CHECK(plan.read(".shared/a.yaml") == text);
}

TEST_CASE("write_checkins: a file changed since it was read is not replaced, nor any other") {
  TempPlan plan;
  plan.write("a.yaml", objective("O-1", measure("KR-1")));
  plan.write("b.yaml", objective("O-2", measure("KR-2")));
  const InFolder in(plan.path);
  Notes notes;
  const Result<CheckinOutcome> outcome =
      checkin_plan(plan.request({typed("KR-1", "3"), typed("KR-2", "4")}), notes);
  REQUIRE(outcome.ok());
  REQUIRE(outcome->edits.size() == 2);
  plan.write("b.yaml", objective("O-2", measure("KR-2")) + "# edited meanwhile\n");
  const Result<Done> written = write_checkins(*outcome);
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().message.find("b.yaml changed") != std::string::npos);
  CHECK(plan.read("a.yaml") == objective("O-1", measure("KR-1")));
}

}  // namespace iooi
