// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers): the whole
// rule catalogue in tool.driver.rules, one result per finding.
#include <algorithm>
#include <set>
#include <string_view>

#include "finding_fingerprint.h"
#include "iooi/render/check_output.h"
#include "iooi/util/json_writer.h"

#ifndef IOOI_VERSION
#define IOOI_VERSION "0.0.0"
#endif

namespace iooi {
namespace {

// No informationUri or helpUri: both are optional in SARIF 2.1.0, and iooi has no
// public address to point at; every rule carries its help text instead.

// A display path as a URI reference: unreserved characters and '/' stay, everything
// else (spaces, umlauts as UTF-8 bytes, '%', '#', '?') is percent-encoded.
// Absolute paths become file:// URIs; relative ones stay relative to %SRCROOT%.
std::string path_to_uri(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri;
  if (!path.empty() && path.front() == '/') uri = "file://";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                      c == '~' || c == '/';
    if (keep) {
      uri += c;
    } else {
      uri += '%';
      uri += hex[byte >> 4];
      uri += hex[byte & 0xF];
    }
  }
  return uri;
}

bool is_absolute(std::string_view path) { return !path.empty() && path.front() == '/'; }

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
    case Severity::off:
      return "none";
  }
  return "none";
}

// "chain-orphan" -> "ChainOrphan": SARIF's reportingDescriptor.name is meant to be
// an identifier-like name, distinct from the opaque id.
std::string rule_name(std::string_view id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

std::string sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') out.front() -= 'a' - 'A';
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

void write_rules(JsonWriter& json) {
  json.key("rules").begin_array();
  for (const RuleInfo& info : all_rules()) {
    const std::string summary = sentence(info.summary);
    json.begin_object();
    json.field("id", info.id);
    // The validator rejects a name equal to the id; one-word ids keep none.
    if (info.id.find('-') != std::string_view::npos) json.field("name", rule_name(info.id));
    json.key("shortDescription").begin_object().field("text", summary).end_object();
    json.key("fullDescription")
        .begin_object()
        .field("text", summary + " " + sentence(info.help))
        .end_object();
    json.key("help")
        .begin_object()
        .field("text", sentence(info.help))
        .field("markdown", "**" + std::string(info.id) +
                               "** (default: " + std::string(severity_name(info.default_severity)) +
                               "): " + sentence(info.help))
        .end_object();
    json.key("defaultConfiguration")
        .begin_object()
        .field("level", sarif_level(info.default_severity))
        .end_object();
    json.end_object();
  }
  json.end_array();
}

size_t rule_index(Rule rule) {
  const auto rules = all_rules();
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].rule == rule) return i;
  return 0;
}

// The run's base folder and every artifact, in `artifacts` order.
void write_artifacts(JsonWriter& json, const std::vector<std::string>& artifacts) {
  // Relative paths are relative to the folder iooi ran in, which CI runs at the
  // repository root; code scanning resolves %SRCROOT% to its checkout.
  json.key("originalUriBaseIds").begin_object();
  json.key("%SRCROOT%").begin_object();
  json.key("description").begin_object().field("text", "The folder iooi ran in.").end_object();
  json.end_object();
  json.end_object();

  json.key("artifacts").begin_array();
  for (const std::string& path : artifacts) {
    json.begin_object();
    json.key("location").begin_object().field("uri", path_to_uri(path));
    if (!is_absolute(path)) json.field("uriBaseId", "%SRCROOT%");
    json.end_object();
    json.field("mimeType", "application/yaml");
    json.end_object();
  }
  json.end_array();
}

}  // namespace

std::string render_check_sarif(const Findings& findings, const CheckRun& run) {
  // Every file read is an artifact, plus any path a finding names that was not read
  // (e.g. an unreadable file), in sorted order so that indexes are stable.
  std::set<std::string> paths(run.files.begin(), run.files.end());
  for (const Finding& finding : findings)
    if (!finding.path.empty()) paths.insert(finding.path);
  const std::vector<std::string> artifacts(paths.begin(), paths.end());
  const auto artifact_index = [&](const std::string& path) {
    return static_cast<size_t>(std::lower_bound(artifacts.begin(), artifacts.end(), path) -
                               artifacts.begin());
  };
  const auto write_artifact_location = [&](JsonWriter& json, const std::string& path) {
    json.key("artifactLocation").begin_object();
    json.field("uri", path_to_uri(path));
    if (!is_absolute(path)) json.field("uriBaseId", "%SRCROOT%");
    json.field("index", artifact_index(path));
    json.end_object();
  };

  JsonWriter json;
  json.begin_object();
  json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  json.field("version", "2.1.0");
  json.key("runs").begin_array().begin_object();

  json.key("tool").begin_object().key("driver").begin_object();
  json.field("name", "iooi");
  json.field("version", IOOI_VERSION);
  json.field("semanticVersion", IOOI_VERSION);
  write_rules(json);
  json.end_object().end_object();

  write_artifacts(json, artifacts);

  const std::vector<std::string> fingerprints = finding_fingerprints(findings);
  json.key("results").begin_array();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    json.begin_object();
    json.field("ruleId", rule_info(finding.rule).id);
    json.field("ruleIndex", rule_index(finding.rule));
    json.field("level", sarif_level(finding.severity));
    json.key("message").begin_object().field("text", finding.message).end_object();
    if (!finding.path.empty()) {
      json.key("locations").begin_array().begin_object();
      json.key("physicalLocation").begin_object();
      write_artifact_location(json, finding.path);
      // Code scanning shows a result at a line; one about the whole file (line 0)
      // is shown at its first line.
      json.key("region").begin_object().field("startLine", finding.line > 0 ? finding.line : 1);
      if (finding.line > 0 && finding.column > 0) json.field("startColumn", finding.column);
      json.end_object();
      json.end_object();
      json.end_object().end_array();
    }
    json.key("partialFingerprints")
        .begin_object()
        .field("iooiFindingHash/v1", fingerprints[i])
        .end_object();
    json.end_object();
  }
  json.end_array();
  if (run.omitted.total() > 0) {
    // Where SARIF puts what the tool has to say about the run itself.
    json.key("invocations").begin_array().begin_object();
    json.field("executionSuccessful", true);
    json.key("toolExecutionNotifications").begin_array().begin_object();
    json.field("level", "warning");
    json.key("message")
        .begin_object()
        .field("text", omitted_findings_text(run.omitted))
        .end_object();
    json.end_object().end_array();
    json.end_object().end_array();
  }

  json.field("columnKind", "unicodeCodePoints");
  json.end_object().end_array();
  json.end_object();
  return json.finish();
}

}  // namespace iooi
