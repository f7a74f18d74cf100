#pragma once
// The one printer for messages about the run on stderr: notes, errors that stop
// the run, and the findings that make report and graph refuse to print.
#include <string_view>

#include "iooi/diag/finding.h"
#include "iooi/load/load_plan.h"
#include "iooi/util/color.h"
#include "iooi/util/run_error.h"

namespace iooi::cli {

// "iooi: note: TEXT", unless --quiet.
void print_notes(const Notes& notes, bool quiet);
void print_note(std::string_view text, bool quiet);

// "iooi: error: MESSAGE", or "iooi: internal error: MESSAGE" for a bug in iooi.
// Returns the exit status of a run that stops with `error`: 2 for every kind
// (docs/format.md, exit codes).
int print_error(const RunError& error);

// Findings as text lines, coloured as --color and stderr ask.
void print_findings(const Findings& findings, ColorMode color);

}  // namespace iooi::cli
