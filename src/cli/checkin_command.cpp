// `iooi checkin`: records check-ins by inserting text into the plan files, after
// proving the result (docs/checkins.md). The work is checkin_plan's; this file
// parses the options and prints.
#include <fmt/format.h>

#include <memory>

#include "common.h"
#include "iooi/app/checkin.h"
#include "iooi/util/utf8.h"
#include "messages.h"

namespace iooi::cli {
namespace {

struct CheckinOptions {
  CommonOptions common;  // only --config, --as-of, -q and -j are offered
  std::string id, value, date, confidence, from;
  std::optional<std::string> note;
  bool dry_run = false;
};

// The check-in of the command line, or the CSV file; a usage error when the
// command line mixes both or names neither.
Result<CheckinRequest> request_of(const CheckinOptions& options, Date as_of) {
  CheckinRequest request;
  request.plan = plan_request(options.common, as_of);
  if (!options.from.empty()) {
    if (!options.id.empty() || !options.date.empty() || !options.confidence.empty() ||
        options.note) {
      return usage_error(
          "--from takes everything from the file; leave out ID, VALUE, --date, --confidence "
          "and --note");
    }
    request.csv_file = options.from;
    return request;
  }
  if (options.id.empty() || options.value.empty()) {
    return usage_error(
        "name a measure and a value (iooi checkin ID VALUE) or a file (iooi checkin --from "
        "FILE.csv)");
  }
  request.checkins.push_back(
      TypedCheckin{0, options.id, options.value,
                   options.date.empty() ? std::nullopt : std::optional(options.date),
                   options.confidence, options.note});
  return request;
}

int run_checkin(const CheckinOptions& options) {
  const bool quiet = options.common.quiet;
  const Date as_of = parse_as_of(options.common.as_of).value_or(today());
  const Result<CheckinRequest> request = request_of(options, as_of);
  if (!request) return print_error(request.error());
  Notes notes;
  const Result<CheckinOutcome> outcome = checkin_plan(*request, notes);
  print_notes(notes, quiet);
  const auto failed = [&](const RunError& error) {
    const int status = print_error(error);
    if (request->csv_file) {
      fmt::print(stderr, "iooi: nothing written ({})\n", terminal_text(*request->csv_file));
    }
    return status;
  };
  if (!outcome) return failed(outcome.error());
  if (!outcome->refusal.empty()) {
    // Not a RunError: the plan is fine, the check-in cannot be proven (exit 1).
    print_error(usage_error(outcome->refusal));
    return exit_findings;
  }
  if (options.dry_run) {
    fmt::print("{}", checkin_diff(*outcome));
    if (!quiet) fmt::print(stderr, "iooi: dry run: nothing written\n");
    return exit_ok;
  }
  if (const Result<Done> written = write_checkins(*outcome); !written) {
    return failed(written.error());
  }
  if (!quiet) {
    const size_t files = outcome->edits.size();
    fmt::print(stderr, "iooi: recorded {} {} in {} {}\n", outcome->checkins,
               outcome->checkins == 1 ? "check-in" : "check-ins", files,
               files == 1 ? "file" : "files");
  }
  return exit_ok;
}

}  // namespace

void add_checkin_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckinOptions>();
  CLI::App* command =
      app.add_subcommand("checkin", "Record a check-in without touching anything else in the file");
  command->add_option("id", options->id, "The key result or indicator");
  command->add_option("value", options->value,
                      "A number (the increment for an accumulating measure), or true/false for "
                      "a milestone");
  command->add_option("--date", options->date, "Day of the check-in (default: --as-of)")
      ->option_text("YYYY-MM-DD");
  command->add_option("--confidence", options->confidence, "Confidence from 1 to 10")
      ->option_text("N");
  command->add_option("--note", options->note, "A note on the figure")->option_text("TEXT");
  command->add_flag("--dry-run", options->dry_run, "Print the change as a diff; write nothing");
  command->add_option("--from", options->from, "Record every row of a CSV file (all or none)")
      ->option_text("FILE.csv");
  command->add_option("--config", options->common.config_file, "The iooi.yaml to use")
      ->option_text("FILE");
  command->add_option("--as-of", options->common.as_of, "Evaluation day (default: today)")
      ->option_text("YYYY-MM-DD")
      ->check([](const std::string& text) {
        return Date::parse(text) ? std::string{}
                                 : "needs a real calendar day as YYYY-MM-DD, got '" + text + "'";
      });
  command->add_flag("-q,--quiet", options->common.quiet, "No messages about the run on stderr");
  command
      ->add_option("-j,--jobs", options->common.jobs,
                   "Files parsed in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command->callback([options, &exit_code] { exit_code = run_checkin(*options); });
}

}  // namespace iooi::cli
