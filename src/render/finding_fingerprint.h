#pragma once
// Identities of findings for CI systems that track them across runs (SARIF
// partialFingerprints, GitLab Code Quality fingerprints). Private to src/render.
#include <string>
#include <vector>

#include "iooi/diag/finding.h"

namespace iooi {

// One 32-hex-digit fingerprint per finding, in the same order. It hashes the rule
// id, the path, the message and an occurrence counter (the n-th finding with that
// same rule, path and message in the given order), so identical findings get
// distinct fingerprints and the value does not change when unrelated lines move.
std::vector<std::string> finding_fingerprints(const Findings& findings);

// A stable 128-bit hash (two FNV-1a 64 lanes) as 32 lower-case hex digits.
std::string stable_hash_hex(std::string_view text);

}  // namespace iooi
