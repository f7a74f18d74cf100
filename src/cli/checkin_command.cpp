// `iooi checkin`: records check-ins by inserting text into the plan files, after
// proving the result (docs/checkins.md). Nothing is written unless every file
// of the run is prepared and proven.
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "common.h"
#include "iooi/edit/checkin_csv.h"
#include "iooi/edit/checkin_edit.h"
#include "iooi/edit/checkin_plan.h"
#include "iooi/edit/unified_diff.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/suggest.h"
#include "iooi/util/utf8.h"

namespace iooi::cli {
namespace {

using edit::shown;

struct CheckinOptions {
  std::string id, value, date, confidence, from, config_file, as_of;
  std::optional<std::string> note;
  bool dry_run = false, quiet = false;
  unsigned jobs = 0;
};

// A check-in as typed: on the command line (line 0) or in a CSV row.
struct TypedCheckin {
  int line = 0;
  std::string id, date, value, confidence;
  std::optional<std::string> note;
};

struct Refusal {
  int exit_code;
  std::string message;
};

struct Request {
  uint32_t file = 0;
  edit::ExpectedCheckin checkin;
};

std::string where(int line) { return line > 0 ? fmt::format("line {}: ", line) : ""; }

std::optional<Refusal> validate_fields(const TypedCheckin& typed, bool milestone,
                                       edit::CheckinEntry& entry) {
  const std::optional<Date> date = Date::parse(typed.date);
  if (!date) {
    return Refusal{exit_usage, fmt::format("{}the date '{}' is not a real calendar day; write "
                                           "YYYY-MM-DD",
                                           where(typed.line), shown(typed.date))};
  }
  entry.date = *date;
  std::string reason;
  const std::optional<std::string> value =
      edit::parse_checkin_value(typed.value, milestone, reason);
  if (!value) return Refusal{exit_usage, where(typed.line) + reason};
  entry.value = *value;
  if (!typed.confidence.empty()) {
    int confidence = 0;
    const bool digits = typed.confidence.size() <= 2 &&
                        typed.confidence.find_first_not_of("0123456789") == std::string::npos;
    if (digits) confidence = std::stoi(typed.confidence);
    if (!digits || confidence < 1 || confidence > 10) {
      return Refusal{exit_usage, fmt::format("{}confidence must be a whole number from 1 to 10, "
                                             "got '{}'",
                                             where(typed.line), shown(typed.confidence))};
    }
    entry.confidence = confidence;
  }
  if (typed.note && !typed.note->empty()) {
    if (find_invalid_utf8(*typed.note) != std::string::npos) {
      return Refusal{exit_usage, where(typed.line) + "the note is not UTF-8 text"};
    }
    entry.note = *typed.note;
  }
  return std::nullopt;
}

std::optional<Refusal> resolve(const Plan& plan, const TypedCheckin& typed, Request& request) {
  const std::vector<edit::MeasureRef> found = edit::find_measures(plan, typed.id);
  if (found.empty()) {
    const auto suggestion = closest_match(typed.id, edit::measure_ids(plan));
    return Refusal{
        exit_usage,
        fmt::format("{}no key result or indicator has the id '{}'{}", where(typed.line),
                    shown(typed.id),
                    suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : "")};
  }
  if (found.size() > 1) {
    return Refusal{exit_usage, fmt::format("{}the id '{}' is defined {} times; `iooi check` shows "
                                           "where — give each measure its own id",
                                           where(typed.line), shown(typed.id), found.size())};
  }
  const Measure& measure = *found.front().measure;
  if (measure.current.kind != Value::Kind::none) {
    return Refusal{exit_findings,
                   fmt::format("{}'{}' has `current` ({}:{}); replace `current: ...` by a first "
                               "check-in (checkins: [{{date: ..., value: ...}}]), then record "
                               "check-ins",
                               where(typed.line), shown(typed.id),
                               shown(plan.files[measure.at.file]), measure.current_at.line)};
  }
  request.file = measure.at.file;
  request.checkin.measure_id = typed.id;
  return validate_fields(typed, measure.type == MeasureType::milestone, request.checkin.entry);
}

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

// Inserts the file's check-ins one after another and proves the result.
std::optional<Refusal> prepare(const Plan& plan, const std::vector<Request>& requests,
                               edit::FileChange& change) {
  const std::string& path = plan.files[change.file];
  const std::optional<std::string> bytes = read_bytes(path);
  if (!bytes) return Refusal{exit_usage, fmt::format("cannot read {}", shown(path))};
  change.old_bytes = change.new_bytes = *bytes;
  for (const Request& request : requests) {
    if (request.file != change.file) continue;
    const edit::InsertionResult result = edit::plan_checkin_insertion(
        change.new_bytes, request.checkin.measure_id, request.checkin.entry);
    if (!result.insertion) {
      return Refusal{exit_usage,
                     fmt::format("cannot record a check-in for '{}' in {}: {}",
                                 shown(request.checkin.measure_id), shown(path), result.reason)};
    }
    change.new_bytes = edit::apply_insertion(change.new_bytes, *result.insertion);
    change.added.push_back(request.checkin);
  }
  const std::string problem =
      edit::prove_same_data_plus(change.old_bytes, change.new_bytes, change.added);
  if (!problem.empty()) {
    return Refusal{exit_findings, fmt::format("nothing written: {} ({}); please report this with "
                                              "the file",
                                              problem, shown(path))};
  }
  return std::nullopt;
}

std::optional<Refusal> write_all(const Plan& plan, const std::vector<edit::FileChange>& changes) {
  for (const edit::FileChange& change : changes) {
    const std::string& path = plan.files[change.file];
    if (read_bytes(path) != change.old_bytes) {
      return Refusal{exit_findings, fmt::format("nothing written: {} changed while the check-ins "
                                                "were prepared; run the command again",
                                                shown(path))};
    }
  }
  for (size_t i = 0; i < changes.size(); ++i) {
    const Result<Done> written =
        write_file_atomically(plan.files[changes[i].file], changes[i].new_bytes);
    if (!written) {
      return Refusal{exit_usage, fmt::format("{} ({} of {} files written)",
                                             shown(written.error().message), i, changes.size())};
    }
  }
  return std::nullopt;
}

std::optional<Refusal> record(const Plan& plan, const std::vector<TypedCheckin>& typed,
                              const CheckinOptions& options, Date as_of) {
  std::vector<Request> requests(typed.size());
  for (size_t i = 0; i < typed.size(); ++i) {
    if (auto refusal = resolve(plan, typed[i], requests[i])) return refusal;
  }
  std::map<uint32_t, edit::FileChange> by_file;
  for (const Request& request : requests) by_file[request.file].file = request.file;
  std::vector<edit::FileChange> changes;
  for (auto& [file, change] : by_file) {
    if (auto refusal = prepare(plan, requests, change)) return refusal;
    changes.push_back(std::move(change));
  }
  const std::string new_error = edit::prove_no_new_errors(plan, changes, as_of);
  if (!new_error.empty()) {
    return Refusal{exit_findings,
                   fmt::format("nothing written: the plan would get a new error: {}", new_error)};
  }
  if (options.dry_run) {
    for (const edit::FileChange& change : changes) {
      fmt::print("{}",
                 edit::unified_diff(change.old_bytes, change.new_bytes, plan.files[change.file]));
    }
    if (!options.quiet) fmt::print(stderr, "iooi: dry run: nothing written\n");
    return std::nullopt;
  }
  if (auto refusal = write_all(plan, changes)) return refusal;
  if (!options.quiet) {
    fmt::print(stderr, "iooi: recorded {} {} in {} {}\n", typed.size(),
               typed.size() == 1 ? "check-in" : "check-ins", changes.size(),
               changes.size() == 1 ? "file" : "files");
  }
  return std::nullopt;
}

std::optional<std::vector<TypedCheckin>> typed_checkins(const CheckinOptions& options, Date as_of,
                                                        Refusal& refusal) {
  if (options.from.empty()) {
    if (options.id.empty() || options.value.empty()) {
      refusal = {exit_usage,
                 "name a measure and a value (iooi checkin ID VALUE) or a file "
                 "(iooi checkin --from FILE.csv)"};
      return std::nullopt;
    }
    return std::vector<TypedCheckin>{
        TypedCheckin{0, options.id, options.date.empty() ? as_of.to_string() : options.date,
                     options.value, options.confidence, options.note}};
  }
  if (!options.id.empty() || !options.date.empty() || !options.confidence.empty() || options.note) {
    refusal = {exit_usage,
               "--from takes everything from the file; leave out ID, VALUE, --date, "
               "--confidence and --note"};
    return std::nullopt;
  }
  const std::optional<std::string> bytes = read_bytes(options.from);
  if (!bytes) {
    refusal = {exit_usage, fmt::format("cannot read {}", shown(options.from))};
    return std::nullopt;
  }
  const edit::CsvCheckins csv = edit::read_checkin_csv(*bytes);
  if (!csv.error.empty() || csv.rows.empty()) {
    refusal = {exit_usage, fmt::format("{}: {}", shown(options.from),
                                       csv.error.empty() ? "no check-ins in the file" : csv.error)};
    return std::nullopt;
  }
  std::vector<TypedCheckin> typed;
  for (const edit::CsvCheckin& row : csv.rows) {
    std::string value = row.value;
    // A semicolon-separated export writes decimals with a comma (German locale).
    if (csv.semicolons && std::count(value.begin(), value.end(), ',') == 1 &&
        value.find('.') == std::string::npos) {
      value[value.find(',')] = '.';
    }
    typed.push_back(TypedCheckin{row.line, row.id, row.date.empty() ? as_of.to_string() : row.date,
                                 value, row.confidence,
                                 row.note.empty() ? std::nullopt : std::optional(row.note)});
  }
  return typed;
}

int run_checkin(const CheckinOptions& options) {
  const Date as_of = parse_as_of(options.as_of).value_or(today());
  Refusal refusal{exit_ok, {}};
  std::optional<std::vector<TypedCheckin>> typed = typed_checkins(options, as_of, refusal);
  if (typed) {
    CommonOptions common;
    common.config_file = options.config_file;
    common.quiet = options.quiet;
    common.jobs = options.jobs;
    std::optional<CheckedPlan> checked = load_and_check(common, as_of);
    if (!checked) return exit_usage;
    if (auto refused = record(checked->load.plan, *typed, options, as_of)) refusal = *refused;
  }
  if (refusal.exit_code != exit_ok) {
    fmt::print(stderr, "iooi: error: {}\n", refusal.message);
    if (!options.from.empty() && refusal.message.rfind("line ", 0) == 0) {
      fmt::print(stderr, "iooi: nothing written ({})\n", shown(options.from));
    }
  }
  return refusal.exit_code;
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
  command->add_option("--config", options->config_file, "The iooi.yaml to use")
      ->option_text("FILE");
  command->add_option("--as-of", options->as_of, "Evaluation day (default: today)")
      ->option_text("YYYY-MM-DD")
      ->check([](const std::string& text) {
        return Date::parse(text) ? std::string{}
                                 : "needs a real calendar day as YYYY-MM-DD, got '" + text + "'";
      });
  command->add_flag("-q,--quiet", options->quiet, "No messages about the run on stderr");
  command->add_option("-j,--jobs", options->jobs, "Files parsed in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command->callback([options, &exit_code] { exit_code = run_checkin(*options); });
}

}  // namespace iooi::cli
