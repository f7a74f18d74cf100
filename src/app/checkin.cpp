// `iooi checkin` (docs/checkins.md): nothing is written unless every file of the
// run is prepared and proven, and then only by write_checkins.
#include "iooi/app/checkin.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "iooi/edit/checkin_csv.h"
#include "iooi/edit/checkin_edit.h"
#include "iooi/edit/checkin_plan.h"
#include "iooi/edit/unified_diff.h"
#include "iooi/util/suggest.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

// A check-in with its measure's file, validated.
struct Request {
  uint32_t file = 0;
  edit::ExpectedCheckin checkin;
};

std::string where(int line) { return line > 0 ? fmt::format("line {}: ", line) : ""; }

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

Result<int> parse_confidence(const TypedCheckin& typed) {
  const std::string& text = typed.confidence;
  const bool digits = !text.empty() && text.size() <= 2 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  const int confidence = digits ? std::stoi(text) : 0;
  if (confidence < 1 || confidence > 10) {
    return usage_error(fmt::format("{}confidence must be a whole number from 1 to 10, got '{}'",
                                   where(typed.line), message_excerpt(text)));
  }
  return confidence;
}

Result<edit::CheckinEntry> validate_fields(const TypedCheckin& typed, Date as_of, bool milestone) {
  edit::CheckinEntry entry;
  const std::optional<Date> date = typed.date ? Date::parse(*typed.date) : as_of;
  if (!date) {
    return usage_error(fmt::format("{}the date '{}' is not a real calendar day; write YYYY-MM-DD",
                                   where(typed.line), message_excerpt(*typed.date)));
  }
  entry.date = *date;
  std::string reason;
  const std::optional<std::string> value =
      edit::parse_checkin_value(typed.value, milestone, reason);
  if (!value) return usage_error(where(typed.line) + reason);
  entry.value = *value;
  if (!typed.confidence.empty()) {
    const Result<int> confidence = parse_confidence(typed);
    if (!confidence) return confidence.error();
    entry.confidence = *confidence;
  }
  if (typed.note && !typed.note->empty()) {
    if (find_invalid_utf8(*typed.note) != std::string::npos) {
      return usage_error(where(typed.line) + "the note is not UTF-8 text");
    }
    entry.note = *typed.note;
  }
  return entry;
}

// The measure `typed` names, or why not. A measure with `current` gets its
// exit-1 reason in `refusal` (and an empty request).
Result<Request> resolve(const Plan& plan, const TypedCheckin& typed, Date as_of,
                        std::string& refusal) {
  const std::vector<edit::MeasureRef> found = edit::find_measures(plan, typed.id);
  if (found.empty()) {
    const auto suggestion = closest_match(typed.id, edit::measure_ids(plan));
    return usage_error(
        fmt::format("{}no key result or indicator has the id '{}'{}", where(typed.line),
                    message_excerpt(typed.id),
                    suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : ""));
  }
  if (found.size() > 1) {
    return usage_error(
        fmt::format("{}the id '{}' is defined {} times; `iooi check` shows where "
                    "— give each measure its own id",
                    where(typed.line), message_excerpt(typed.id), found.size()));
  }
  const Measure& measure = *found.front().measure;
  if (measure.current.kind != Value::Kind::none) {
    refusal = fmt::format(
        "{}'{}' has `current` ({}:{}); replace `current: ...` by a first check-in "
        "(checkins: [{{date: ..., value: ...}}]), then record check-ins",
        where(typed.line), message_excerpt(typed.id), message_excerpt(plan.files[measure.at.file]),
        measure.current_at.line);
    return Request{};
  }
  Result<edit::CheckinEntry> entry =
      validate_fields(typed, as_of, measure.type == MeasureType::milestone);
  if (!entry) return entry.error();
  return Request{measure.at.file, edit::ExpectedCheckin{typed.id, std::move(*entry)}};
}

// Only a regular file is replaced: renaming over a symlink would replace the
// link, not the file it points to, which is then no plan file of this plan.
Result<Done> editable_file(const std::string& path) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0) {
    return input_error(fmt::format("cannot read {}", message_excerpt(path)));
  }
  if (S_ISLNK(status.st_mode)) {
    return usage_error(fmt::format(
        "{} is a symbolic link; iooi replaces only plan files themselves, so add the check-in "
        "where the link points, or by hand",
        message_excerpt(path)));
  }
  if (!S_ISREG(status.st_mode))
    return usage_error(fmt::format("{} is not a file", message_excerpt(path)));
  return Done{};
}

// Inserts the file's check-ins one after another and proves the result.
Result<edit::FileChange> prepare(const Plan& plan, uint32_t file,
                                 const std::vector<Request>& requests, std::string& refusal) {
  const std::string& path = plan.files[file];
  if (Result<Done> editable = editable_file(path); !editable) return editable.error();
  const std::optional<std::string> bytes = read_bytes(path);
  if (!bytes) return input_error(fmt::format("cannot read {}", message_excerpt(path)));
  edit::FileChange change{file, *bytes, *bytes, {}};
  for (const Request& request : requests) {
    if (request.file != file) continue;
    const edit::InsertionResult inserted = edit::plan_checkin_insertion(
        change.new_bytes, request.checkin.measure_id, request.checkin.entry);
    if (!inserted.insertion) {
      return usage_error(fmt::format("cannot record a check-in for '{}' in {}: {}",
                                     message_excerpt(request.checkin.measure_id),
                                     message_excerpt(path), inserted.reason));
    }
    change.new_bytes = edit::apply_insertion(change.new_bytes, *inserted.insertion);
    change.added.push_back(request.checkin);
  }
  const std::string problem =
      edit::prove_same_data_plus(change.old_bytes, change.new_bytes, change.added);
  if (!problem.empty()) {
    refusal = fmt::format("nothing written: {} ({}); please report this with the file", problem,
                          message_excerpt(path));
  }
  return change;
}

Result<std::vector<TypedCheckin>> csv_checkins(const std::string& csv_file) {
  const std::optional<std::string> bytes = read_bytes(csv_file);
  if (!bytes) return input_error(fmt::format("cannot read {}", message_excerpt(csv_file)));
  const edit::CsvCheckins csv = edit::read_checkin_csv(*bytes);
  if (!csv.error.empty() || csv.rows.empty()) {
    return usage_error(fmt::format("{}: {}", message_excerpt(csv_file),
                                   csv.error.empty() ? "no check-ins in the file" : csv.error));
  }
  std::vector<TypedCheckin> typed;
  for (const edit::CsvCheckin& row : csv.rows) {
    std::string value = row.value;
    // A semicolon-separated export writes decimals with a comma (German locale).
    if (csv.semicolons && std::count(value.begin(), value.end(), ',') == 1 &&
        value.find('.') == std::string::npos) {
      value[value.find(',')] = '.';
    }
    typed.push_back(TypedCheckin{
        row.line, row.id, value, row.date.empty() ? std::nullopt : std::optional(row.date),
        row.confidence, row.note.empty() ? std::nullopt : std::optional(row.note)});
  }
  return typed;
}

// Every check-in resolved, then every file prepared: the first error stops all.
Result<CheckinOutcome> record(const Plan& plan, const std::vector<TypedCheckin>& typed,
                              Date as_of) {
  CheckinOutcome outcome;
  std::vector<Request> requests;
  for (const TypedCheckin& checkin : typed) {
    Result<Request> request = resolve(plan, checkin, as_of, outcome.refusal);
    if (!request) return request.error();
    if (!outcome.refusal.empty()) return outcome;
    requests.push_back(std::move(*request));
  }
  std::set<uint32_t> files;
  for (const Request& request : requests) files.insert(request.file);
  std::vector<edit::FileChange> changes;
  for (const uint32_t file : files) {
    Result<edit::FileChange> change = prepare(plan, file, requests, outcome.refusal);
    if (!change) return change.error();
    if (!outcome.refusal.empty()) return outcome;
    changes.push_back(std::move(*change));
  }
  const std::string new_error = edit::prove_no_new_errors(plan, changes, as_of);
  if (!new_error.empty()) {
    outcome.refusal = "nothing written: the plan would get a new error: " + new_error;
    return outcome;
  }
  for (edit::FileChange& change : changes) {
    outcome.edits.push_back(CheckinEdit{plan.files[change.file], std::move(change.old_bytes),
                                        std::move(change.new_bytes)});
  }
  outcome.checkins = typed.size();
  return outcome;
}

}  // namespace

Result<CheckinOutcome> checkin_plan(const CheckinRequest& request, Notes& notes) {
  std::vector<TypedCheckin> typed = request.checkins;
  if (request.csv_file) {
    Result<std::vector<TypedCheckin>> rows = csv_checkins(*request.csv_file);
    if (!rows) return rows.error();
    typed = std::move(*rows);
  }
  if (typed.empty()) return usage_error("no check-in to record");
  Result<CheckedPlan> checked = check_plan(request.plan, notes);
  if (!checked) return checked.error();
  return record(checked->load.plan, typed, request.plan.reference_date);
}

std::string checkin_diff(const CheckinOutcome& outcome) {
  std::string diff;
  for (const CheckinEdit& edit : outcome.edits) {
    diff += edit::unified_diff(edit.old_bytes, edit.new_bytes, edit.path);
  }
  return diff;
}

Result<Done> write_checkins(const CheckinOutcome& outcome) {
  for (const CheckinEdit& edit : outcome.edits) {
    if (read_bytes(edit.path) != edit.old_bytes) {
      return input_error(fmt::format(
          "nothing written: {} changed while the check-ins were prepared; run the command again",
          message_excerpt(edit.path)));
    }
  }
  for (size_t i = 0; i < outcome.edits.size(); ++i) {
    const Result<Done> written =
        write_file_atomically(outcome.edits[i].path, outcome.edits[i].new_bytes);
    if (!written) {
      return input_error(fmt::format("{} ({} of {} files written)",
                                     message_excerpt(written.error().message), i,
                                     outcome.edits.size()));
    }
  }
  return Done{};
}

}  // namespace iooi
