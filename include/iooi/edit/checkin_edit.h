#pragma once
// Recording a check-in by inserting text, never by writing a document back
// (docs/checkins.md): find the measure in one file's bytes, compute the one run
// of bytes that appends the check-in in the style of its neighbours, then prove
// by reading the edited text again that it holds exactly the old data plus the
// new check-ins.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/util/date.h"

namespace iooi::edit {

// A check-in as the user typed it, already validated (see parse_checkin_value).
struct CheckinEntry {
  Date date;
  std::string value;  // a number or true/false, written into the file as typed
  std::optional<int> confidence;
  std::optional<std::string> note;
};

struct Insertion {
  size_t offset = 0;  // into the file's bytes (a BOM included)
  std::string text;
};

enum class EditProblem : unsigned char {
  none,
  unknown_measure,  // the id is not a measure in this file
  shared_text,      // anchor, alias or merge key: the text is not where the data comes from
  not_editable,     // e.g. `checkins: ~`, or a file the reader cannot read
};

struct InsertionResult {
  std::optional<Insertion> insertion;
  EditProblem problem = EditProblem::none;
  std::string reason;  // why not, for the user
};

// Where and what to insert into `bytes` (one plan file) so that measure
// `measure_id` gets `entry` as its last check-in.
InsertionResult plan_checkin_insertion(std::string_view bytes, std::string_view measure_id,
                                       const CheckinEntry& entry);

std::string apply_insertion(std::string_view bytes, const Insertion& insertion);

// One check-in expected in the new text, in the order it was appended.
struct ExpectedCheckin {
  std::string measure_id;
  CheckinEntry entry;
};

// Reads both texts and compares their data: the new one must be the old one
// with exactly `added` appended to the check-in lists of their measures (a list
// created where there was none). Returns an empty string when it holds, else why not.
std::string prove_same_data_plus(std::string_view old_bytes, std::string_view new_bytes,
                                 const std::vector<ExpectedCheckin>& added);

// A value as typed on the command line or in a spreadsheet, for a measure of
// kind `milestone` or numeric. Returns the text to write, or nullopt with the
// reason (a decimal comma gets the corrected number in the reason).
std::optional<std::string> parse_checkin_value(std::string_view typed, bool milestone,
                                               std::string& reason);

}  // namespace iooi::edit
