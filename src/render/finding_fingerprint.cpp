#include "finding_fingerprint.h"

#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <tuple>

namespace iooi {
namespace {

uint64_t fnv1a_64(std::string_view text, uint64_t seed) {
  uint64_t hash = seed;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::string stable_hash_hex(std::string_view text) {
  // The second lane starts from a different offset basis, so the two halves are
  // independent enough to make accidental collisions of 128 bits negligible.
  return fmt::format("{:016x}{:016x}", fnv1a_64(text, 0xcbf29ce484222325ULL),
                     fnv1a_64(text, 0x84222325cbf29ce4ULL));
}

std::vector<std::string> finding_fingerprints(const Findings& findings) {
  std::map<std::tuple<Rule, std::string, std::string>, int> occurrences;
  std::vector<std::string> fingerprints;
  fingerprints.reserve(findings.size());
  for (const Finding& finding : findings) {
    const int occurrence = ++occurrences[{finding.rule, finding.path, finding.message}];
    // NUL separators keep ("a","bc") and ("ab","c") apart.
    std::string key;
    key += rule_info(finding.rule).id;
    key += '\0';
    key += finding.path;
    key += '\0';
    key += finding.message;
    key += '\0';
    key += std::to_string(occurrence);
    fingerprints.push_back(stable_hash_hex(key));
  }
  return fingerprints;
}

}  // namespace iooi
