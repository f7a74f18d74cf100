#include "iooi/render/starter_plan.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "iooi/app/commands.h"

using namespace iooi;
namespace fs = std::filesystem;

namespace {

// Writes the starter plan into a fresh folder and runs the whole pipeline on it.
Findings check_starter(Date day, LoadedPlan& load, std::string& error) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("iooi-starter-{}", day.to_string());
  fs::remove_all(dir);
  for (const StarterFile& file : starter_plan(day)) {
    fs::create_directories((dir / file.path).parent_path());
    std::ofstream(dir / file.path, std::ios::binary) << file.content;
  }
  PlanRequest request;
  request.paths = {dir.string()};
  request.working_dir = dir.string();
  request.reference_date = day;
  Notes notes;
  Result<CheckedPlan> checked = check_plan(request, notes);
  fs::remove_all(dir);
  if (!checked) {
    error = checked.error().message;
    return {};
  }
  load = std::move(checked->load);
  return std::move(checked->findings);
}

}  // namespace

TEST_CASE("the starter plan has no finding at all on the day it is made") {
  for (const char* text :
       {"2026-01-01", "2026-03-31", "2026-04-01", "2026-07-15", "2028-02-29", "2026-12-31"}) {
    CAPTURE(text);
    const Date day = *Date::parse(text);
    LoadedPlan load;
    std::string error;
    const Findings findings = check_starter(day, load, error);
    CHECK(error.empty());
    for (const Finding& finding : findings) {
      CAPTURE(finding.path);
      CAPTURE(finding.line);
      CAPTURE(finding.message);
      CHECK(rule_info(finding.rule).id == "no finding expected");
    }
    CHECK(load.plan.files.size() == 3);
    CHECK(load.plan.elements.size() == 4);
    REQUIRE(load.plan.objectives.size() == 1);
    CHECK(load.plan.objectives[0].key_results.size() == 2);
  }
}

TEST_CASE("the starter plan's objectives belong to the quarter of the day") {
  const std::vector<StarterFile> files = starter_plan(*Date::parse("2026-05-20"));
  REQUIRE(files.size() == 3);
  CHECK(files[0].path == "iooi.yaml");
  CHECK(files[1].path == "chain.yaml");
  CHECK(files[2].path == "okrs/2026-Q2.yaml");
  CHECK(files[2].content.find("period: 2026-Q2") != std::string::npos);
  CHECK(files[2].content.find("{date: 2026-05-20, value: 0") != std::string::npos);
  CHECK(files[2].content.find("id: KR-2026Q2-participants") != std::string::npos);
}
