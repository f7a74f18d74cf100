#pragma once
// `iooi schema`: the JSON Schema (draft 2020-12) of plan files, for editors that
// complete and validate YAML through yaml-language-server.
#include <string>

namespace iooi {

// The schema mirrors the decoder (src/model/decode.cpp): it accepts what the
// decoder accepts without a structural finding (unknown-key, missing-field, type,
// invalid-id, invalid-date, stage-mismatch, confidence-range, unknown-rule) and
// rejects those mistakes. Cross-file rules (references, duplicates) are beyond it.
std::string render_plan_schema();  // plan_schema.cpp

}  // namespace iooi
