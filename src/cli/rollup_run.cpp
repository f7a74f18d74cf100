#include "rollup_run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace iooi::cli {

void add_period_option(CLI::App& command, std::string& period) {
  command
      .add_option("--period", period,
                  "Objectives of this period (an id such as 2026-Q1, or all); default: the "
                  "quarter containing --as-of")
      ->option_text("ID|all");
}

std::optional<RollupRun> run_rollup(const CommonOptions& options, const std::string& period,
                                    std::string_view what, int& exit_code) {
  const Date clock = today();
  const std::optional<Date> as_of = parse_as_of(options.as_of);
  // The checks run at the day the user named, else today: the state of the
  // files now. The roll-up itself works at the report's as_of (below).
  std::optional<CheckedPlan> checked = load_and_check(options, as_of.value_or(clock));
  if (!checked) {
    exit_code = exit_usage;
    return std::nullopt;
  }
  // A check-in after as_of simply does not count yet in a report (docs/rules.md, checkin-future).
  std::erase_if(checked->findings,
                [](const Finding& finding) { return finding.rule == Rule::checkin_future; });
  const FindingCounts counts = count_findings(checked->findings);
  if (counts.errors > 0) {
    ColorEnvironment env{std::getenv("FORCE_COLOR"), std::getenv("NO_COLOR"),
                         std::getenv("CLICOLOR_FORCE"), std::getenv("TERM"),
                         isatty(STDERR_FILENO) == 1};
    Findings errors;
    std::copy_if(checked->findings.begin(), checked->findings.end(), std::back_inserter(errors),
                 [](const Finding& f) { return f.severity == Severity::error; });
    print_findings_to_stderr(errors, use_color(options.color, env));
    fmt::print(stderr, "iooi: no {}: the plan has {} {}; `iooi check` lists every finding\n", what,
               counts.errors, counts.errors == 1 ? "error" : "errors");
    exit_code = exit_findings;
    return std::nullopt;
  }
  const Plan& plan = checked->load.plan;
  std::string error;
  const std::optional<Scope> scope =
      resolve_scope(ScopeRequest{period.empty() ? std::nullopt : std::optional<std::string>(period),
                                 as_of, clock},
                    plan.config, error);
  if (!scope) {
    fmt::print(stderr, "iooi: error: {}\n", error);
    exit_code = exit_usage;
    return std::nullopt;
  }
  if (counts.warnings > 0 && !options.quiet) {
    fmt::print(stderr, "iooi: note: the plan has {} {}; `iooi check` lists them\n", counts.warnings,
               counts.warnings == 1 ? "warning" : "warnings");
  }
  exit_code = exit_ok;
  return RollupRun{compute_report(plan, *scope), effective_language(options, plan), counts};
}

}  // namespace iooi::cli
