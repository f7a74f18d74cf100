// Runs the reader over the official YAML test suite (inputs only, in
// tests/yaml-test-suite): YAML nobody here wrote, including every kind of
// invalid input the YAML authors could think of.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "iooi/yaml/tree.h"

namespace {

namespace fs = std::filesystem;
using iooi::Findings;
using iooi::Rule;
using iooi::Severity;

// Invalid inputs that yaml-cpp 0.7.0 accepts without an error (measured). They
// give no error finding; the test below asserts that they still do, so that the
// list shrinks when yaml-cpp improves instead of going stale.
constexpr std::string_view yaml_cpp_accepts_invalid[] = {
    "236B",      // `foo:\n  bar\ninvalid`: a top-level line without ':' after a mapping
    "7MNF",      // `top2` without ':' after a mapping
    "9C9N",      // flow sequence continued at column 0
    "9CWY",      // plain line after a block sequence inside a mapping
    "9JBA",      // comment right after ']' without a space
    "9MAG",      // flow sequence starting with ','
    "CQ3W",      // double-quoted string not closed before the end of the file
    "CTN5",      // flow sequence with ', ,'
    "CVW2",      // comment right after ',' in a flow sequence
    "DK95/01",   // tab at the start of a double-quoted continuation line
    "G5U8",      // '-' as a plain scalar inside a flow sequence
    "G9HC",      // anchor at column 0 before a block sequence of a mapping value
    "H7J7",      // anchor and tag on separate lines before a mapping
    "HRE5",      // "\'" escape in a double-quoted string
    "QB6E",      // multi-line double-quoted string indented less than its key
    "S98Z",      // block scalar whose first lines are more indented than the text
    "SU5Z",      // comment right after a closing '"' without a space
    "X4QW",      // comment right after '>' without a space
    "Y79Y/003",  // tab as indentation inside a flow sequence
    "YJV2",      // '[-]'
};

// Further invalid inputs that yaml-cpp accepts, but only because the error is
// in a later document: a plan file holds one document, so the reader reports
// the second document (yaml-structure) and never parses the rest.
constexpr std::string_view invalid_only_past_first_document[] = {
    "3HFZ", "9HCY", "BD7L",    "BS4K", "EB22", "GT5M",
    "KS4U", "LHL4", "MUS6/01", "QLJ7", "RHX7", "TD5N",
};

// Valid inputs that yaml-cpp 0.7.0 rejects (measured): they give yaml-syntax.
constexpr std::string_view yaml_cpp_rejects_valid[] = {
    "4MUZ/00", "4MUZ/01", "4MUZ/02",  // flow mapping with the ':' on the next line
    "5MUD",                           // the same with a quoted key
    "652Z",                           // '?' and ':' as first characters of plain scalars in flow
    "8KB6",                           // multi-line plain flow mapping keys without values
    "9BXH",                           // single-pair implicit entries in a flow sequence
    "9SA2",                           // multi-line flow mapping key
    "DK95/04",                        // tab after indentation before a value
    "HM87/01",                        // ':' at the start of a plain scalar in flow
    "JR7V",                           // question marks and colons in plain scalars
    "K3WX",                           // comment between a flow key and its ':'
    "NJ66",                           // multi-line plain flow mapping key
    "UT92",                           // '...' inside a flow mapping spread over lines
    "VJP3/01",                        // flow mapping spread over lines with deeper indent
};

template <size_t N>
bool listed(const std::string_view (&ids)[N], const std::string& id) {
  return std::find(std::begin(ids), std::end(ids), id) != std::end(ids);
}

struct Case {
  std::string id;  // folder, e.g. "2G84/01"
  std::string bytes;
  bool invalid = false;
};

std::vector<Case> load_suite() {
  const fs::path root = fs::path(IOOI_SOURCE_DIR) / "tests" / "yaml-test-suite";
  std::vector<Case> cases;
  // Missing data must fail the run loudly, not throw from the directory walk.
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    FAIL("the YAML test suite is missing: expected its cases in ", root.string());
    return cases;
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().filename() != "in.yaml") continue;
    const fs::path folder = entry.path().parent_path();
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    cases.push_back(Case{fs::relative(folder, root).generic_string(), std::move(bytes).str(),
                         fs::exists(folder / "error")});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.id < b.id; });
  return cases;
}

bool has_error(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const auto& f) { return f.severity == Severity::error; });
}

bool has_rule(const Findings& findings, Rule rule) {
  return std::any_of(findings.begin(), findings.end(),
                     [rule](const auto& f) { return f.rule == rule; });
}

// Reads one case (a hang is stopped by ctest's TIMEOUT on the unit tests).
Findings read_case(const Case& c, const iooi::yaml::ReadLimits& limits) {
  Findings findings;
  const iooi::yaml::Document document = iooi::yaml::read_yaml(c.bytes, c.id, limits, findings);
  for (const auto& f : findings) CHECK(f.path == c.id);
  // A syntax error leaves no tree; only the one-document rule, duplicate keys and
  // a bad merge value (neither stops the read) keep one next to an error.
  if (has_error(findings) && document.root != nullptr) {
    const bool keeps_tree =
        has_rule(findings, Rule::yaml_structure) || has_rule(findings, Rule::yaml_duplicate_key);
    CHECK(keeps_tree);
  }
  return findings;
}

}  // namespace

TEST_CASE("yaml test suite: the reader ends every case in a tree or a finding") {
  const std::vector<Case> cases = load_suite();
  // The suite's README: 402 cases, 94 of them invalid.
  REQUIRE(cases.size() == 402);
  CHECK(std::count_if(cases.begin(), cases.end(), [](const Case& c) { return c.invalid; }) == 94);

  size_t invalid_caught = 0, invalid_accepted = 0, valid_rejected = 0;
  for (const Case& c : cases) {
    CAPTURE(c.id);
    const Findings findings = read_case(c, iooi::yaml::ReadLimits{});
    CHECK_FALSE(has_rule(findings, Rule::encoding));
    if (c.invalid) {
      if (listed(yaml_cpp_accepts_invalid, c.id)) {
        CHECK_MESSAGE(!has_error(findings), c.id, " is now rejected: remove it from the list");
        ++invalid_accepted;
      } else {
        CHECK_MESSAGE(has_error(findings), c.id, " is invalid YAML but gave no error");
        const bool syntax_or_structure =
            has_rule(findings, Rule::yaml_syntax) || has_rule(findings, Rule::yaml_structure);
        CHECK(syntax_or_structure);
        ++invalid_caught;
      }
    } else {
      const bool rejected = has_rule(findings, Rule::yaml_syntax);
      CHECK_MESSAGE(rejected == listed(yaml_cpp_rejects_valid, c.id), c.id,
                    rejected ? " is valid YAML but gave yaml-syntax" : " is now accepted");
      valid_rejected += rejected;
    }
  }
  MESSAGE("invalid: ", invalid_caught, " caught, ", invalid_accepted,
          " accepted by yaml-cpp; valid: ", valid_rejected, " rejected by yaml-cpp");
  CHECK(invalid_accepted == std::size(yaml_cpp_accepts_invalid));
  CHECK(valid_rejected == std::size(yaml_cpp_rejects_valid));
}

TEST_CASE("yaml test suite: with every document read, yaml-cpp alone misses a few more") {
  iooi::yaml::ReadLimits all_documents;
  all_documents.max_documents = SIZE_MAX;
  for (const Case& c : load_suite()) {
    if (!c.invalid) continue;
    CAPTURE(c.id);
    const Findings findings = read_case(c, all_documents);
    const bool accepted = !has_error(findings);
    const bool expected =
        listed(yaml_cpp_accepts_invalid, c.id) || listed(invalid_only_past_first_document, c.id);
    CHECK_MESSAGE(accepted == expected, c.id, accepted ? " accepted" : " rejected");
  }
}
