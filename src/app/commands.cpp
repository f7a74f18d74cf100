#include "iooi/app/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>

#include "iooi/app/history.h"
#include "iooi/check/check.h"
#include "iooi/load/limits.h"

namespace iooi {
namespace {

// The checked plan's roll-up, or its error findings when it has any.
struct RolledUp {
  // The report views the plan's texts and check-ins (compute_report): they live together.
  struct Shared {
    Plan plan;
    Report report;
  };
  std::shared_ptr<Shared> shared = std::make_shared<Shared>();
  Language language = Language::en;
  RollupOutput output;  // errors and counts; text still empty
};

// `with_iati`: the report is an IATI export, which needs the plan's plan.iati block.
Result<RolledUp> roll_up(const RollupRequest& request, Notes& notes, bool with_iati = false) {
  Result<CheckedPlan> checked = check_plan(request.plan, notes);
  if (!checked) return checked.error();
  if (with_iati && !checked->load.plan.config.iati) {
    return usage_error(
        "--format iati needs the IATI activity of the plan: add an `iati:` block to the `plan:` "
        "section of iooi.yaml (identifier, reporting_org, title, description, activity_status, "
        "start_date; see docs/format.md, \"IATI export\")");
  }
  // A check-in after as_of simply does not count yet in a report (docs/rules.md, checkin-future).
  std::erase_if(checked->findings,
                [](const Finding& finding) { return finding.rule == Rule::checkin_future; });
  RolledUp rolled;
  rolled.output.counts = count_findings(checked->findings);
  rolled.output.counts += checked->omitted;
  if (rolled.output.counts.errors > 0) {
    std::copy_if(checked->findings.begin(), checked->findings.end(),
                 std::back_inserter(rolled.output.errors),
                 [](const Finding& f) { return f.severity == Severity::error; });
    return rolled;
  }
  // Moved before anything views it; it is not moved again.
  rolled.shared->plan = std::move(checked->load.plan);
  const Plan& plan = rolled.shared->plan;
  Result<Scope> scope =
      resolve_scope(ScopeRequest{request.period, request.as_of, request.today}, plan.config);
  if (!scope) return scope.error();
  std::optional<Date> since;
  if (request.since) {
    Result<Date> day = resolve_since(*request.since, plan.config, scope->as_of);
    if (!day) return day.error();
    since = *day;
  }
  Report& report = rolled.shared->report;
  report = compute_report(plan, *scope);
  // The same files and the same objectives, evaluated at the since-day.
  if (since) attach_since(report, compute_report(plan, Scope{scope->period, *since}));
  if (with_iati) report.iati = iati_export(plan, *plan.config.iati, scope->as_of);
  rolled.language = effective_language(request.language, plan);
  return rolled;
}

// Figures dated after as_of (an endline after the period, say) do not count yet;
// leaving them out silently would look like missing data (docs/progress.md).
void note_late_checkins(const Report& report, Notes& notes) {
  if (report.late_checkins == 0) return;
  notes.push_back(
      fmt::format("the report leaves out {} {} dated after its as_of ({})", report.late_checkins,
                  report.late_checkins == 1 ? "check-in" : "check-ins", report.as_of.to_string()));
}

}  // namespace

CheckedPlan check_loaded(LoadedPlan loaded, Date reference_date, PlanHistory history) {
  CheckedPlan checked{std::move(loaded), {}, {}};
  checked.findings = std::move(checked.load.findings);
  Findings rule_findings = run_checks(
      checked.load.plan, CheckContext{reference_date, std::move(history)}, checked.omitted);
  checked.omitted += checked.load.omitted;
  checked.findings.insert(checked.findings.end(), std::make_move_iterator(rule_findings.begin()),
                          std::make_move_iterator(rule_findings.end()));
  apply_severities(checked.findings, checked.load.plan.config);
  sort_findings(checked.findings);
  if (checked.findings.size() > max_findings_shown) {
    const auto first_omitted = checked.findings.begin() + max_findings_shown;
    for (auto it = first_omitted; it != checked.findings.end(); ++it)
      checked.omitted.add(it->severity);
    checked.findings.erase(first_omitted, checked.findings.end());
  }
  return checked;
}

Result<LoadOptions> load_options_of(const PlanRequest& request) {
  LoadOptions options;
  options.paths = request.paths;
  options.config_file = request.config_file;
  options.working_dir = request.working_dir;
  options.jobs = request.jobs;
  options.follow_outside_root = request.follow_outside_root;
  for (const std::string& assignment : request.limits) {
    const std::string error = set_limit_option(options, assignment);
    if (!error.empty()) return usage_error(error);
  }
  return options;
}

Result<CheckedPlan> check_plan(const PlanRequest& request, Notes& notes) {
  Result<LoadOptions> options = load_options_of(request);
  if (!options) return options.error();
  Result<LoadedPlan> loaded = load_plan(*options, notes);
  if (!loaded) return loaded.error();
  PlanHistory history;
  if (request.history) history = plan_history(loaded->root, *options, notes);
  return check_loaded(std::move(*loaded), request.reference_date, std::move(history));
}

Result<RollupOutput> report_plan(const RollupRequest& request, ReportFormat format, TableLook look,
                                 Notes& notes) {
  Result<RolledUp> rolled = roll_up(request, notes, format == ReportFormat::iati);
  if (!rolled) return rolled.error();
  if (!rolled->output.errors.empty()) return std::move(rolled->output);
  note_late_checkins(rolled->shared->report, notes);
  ReportOptions options;
  if (format == ReportFormat::table) {
    options.color = look.color;
    options.width = look.width;
  }
  options.findings = rolled->output.counts;
  options.jobs = request.plan.jobs;
  // The report is rendered while it is written out, the plan it views kept with it.
  std::shared_ptr<const RolledUp::Shared> shared = rolled->shared;
  const Language language = rolled->language;
  rolled->output.write = [shared, format, options, language](std::ostream& out) {
    render_report(format, shared->report, options, language, out);
  };
  return std::move(rolled->output);
}

Result<RollupOutput> graph_plan(const RollupRequest& request, GraphFormat format, Notes& notes) {
  Result<RolledUp> rolled = roll_up(request, notes);
  if (!rolled) return rolled.error();
  if (!rolled->output.errors.empty()) return std::move(rolled->output);
  auto text = std::make_shared<const std::string>(
      render_graph(format, rolled->shared->report, rolled->language));
  rolled->output.write = [text](std::ostream& out) { out << *text; };
  return std::move(rolled->output);
}

}  // namespace iooi
