#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "html_parts.h"
#include "i18n.h"
#include "iooi/render/graph_output.h"
#include "iooi/render/report_output.h"
#include "iooi/util/utf8.h"
#include "report_test_support.h"

namespace iooi {
namespace {

using namespace test_support;

Value flag(bool b) { return Value{Value::Kind::boolean, 0.0, b}; }

// The plan of the worked example in docs/progress.md, with titles that exercise escaping and
// display width.
Plan sample_plan(std::string objective_title = "Community wächst") {
  Plan plan;
  plan.config.name = "Civic Coding";
  plan.teams.push_back(Team{"community", "Größere Community", {}});
  Objective o;
  o.id = "O-1";
  o.title = std::move(objective_title);
  o.period = "2026-Q1";
  o.owner = "community";
  o.aligns_to.push_back(Link{"OC-network", 1.0, {}});
  Measure a;
  a.id = "KR-a";
  a.title = "Teilnehmende, \"neu\"";
  a.unit = "people";
  a.baseline = 0;
  a.target = 800;
  a.checkins = {checkin(day(2026, 1, 31), number(210), 7), checkin(day(2026, 2, 28), number(430))};
  Measure b;
  b.id = "KR-b";
  b.title = "漢字ポータル live";
  b.type = MeasureType::milestone;
  b.checkins = {checkin(day(2026, 2, 20), flag(true))};
  o.key_results = {a, b};
  plan.objectives.push_back(o);

  Element oc;
  oc.id = "OC-network";
  oc.title = "Netz <wächst> #1 [\"gut\"] & `mehr` | a\\b";
  oc.level = Level::outcome;
  oc.contributes_to.push_back(Link{"I-good", 2.0, {}});
  Measure ind;
  ind.id = "IND";
  ind.title = "Anteil";
  ind.unit = "%";
  ind.baseline = 0;
  ind.target = 10;
  ind.current = number(4);
  oc.indicators.push_back(ind);
  Element impact;
  impact.id = "I-good";
  impact.title = "Gemeinwohl";
  impact.level = Level::impact;
  Element input;
  input.id = "IN-money";
  input.title = "Geld";
  input.level = Level::input;
  input.contributes_to.push_back(Link{"OC-network", 1.0, {}});
  plan.elements = {impact, oc, input};
  return plan;
}

// The renderers stream; these give their whole text.
std::string table_of(const Report& report, const ReportOptions& options) {
  std::ostringstream out;
  render_report_table(report, options, out);
  return out.str();
}
std::string markdown_of(const Report& report, const ReportOptions& options) {
  std::ostringstream out;
  render_report_markdown(report, options, out);
  return out.str();
}

std::string html_of(const Report& report, const ReportOptions& options) {
  std::ostringstream out;
  render_report_html(report, options, out);
  return out.str();
}

// The number after `"key": ` following the first occurrence of `anchor`.
double json_number_after(const std::string& json, std::string_view anchor, std::string_view key) {
  size_t at = json.find(anchor);
  REQUIRE(at != std::string::npos);
  at = json.find("\"" + std::string(key) + "\":", at);
  REQUIRE(at != std::string::npos);
  at += key.size() + 3;
  return std::strtod(json.c_str() + at, nullptr);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("report json: iooi-report/1 shape, 12 significant digits and nulls") {
  const Plan plan = sample_plan();
  const std::string json = json_of(sample_report(plan));
  CHECK(json.find("\"schema\": \"iooi-report/1\"") != std::string::npos);
  CHECK(json.find("\"period\": {") != std::string::npos);
  CHECK(json.find("\"as_of\": \"2026-02-15\"") != std::string::npos);
  CHECK(std::abs(json_number_after(json, "\"id\": \"O-1\"", "progress") - 0.13125) < 1e-9);
  CHECK(std::abs(json_number_after(json, "\"id\": \"OC-network\"", "progress") - 0.265625) < 1e-9);
  // 45/89 = 0.50561797752808988..., rounded to 12 significant digits: no float noise.
  CHECK(json.find("\"expected\": 0.505617977528,") != std::string::npos);
  CHECK(json.find("\"status\": \"off-track\"") != std::string::npos);
  CHECK(json.find("\"status\": \"at-risk\"") != std::string::npos);
  // The milestone: not reached at as_of, no baseline, no check-in that counts yet.
  const size_t b = json.find("\"id\": \"KR-b\"");
  REQUIRE(b != std::string::npos);
  const std::string kr_b = json.substr(b, json.find('}', b) - b);
  CHECK(kr_b.find("\"unit\": null") != std::string::npos);
  CHECK(kr_b.find("\"baseline\": null") != std::string::npos);
  CHECK(kr_b.find("\"value\": null") != std::string::npos);
  CHECK(kr_b.find("\"confidence\": null") != std::string::npos);
  CHECK(kr_b.find("\"last_checkin\": null") != std::string::npos);
  CHECK(json.find("\"kind\": \"indicator\"") != std::string::npos);
  CHECK(json.find("\"kind\": \"objective\"") != std::string::npos);
  CHECK(json.find("\"kind\": \"element\"") != std::string::npos);  // OC-network -> I-good
  CHECK(json.find("\"aligns_to\": [\n        \"OC-network\"") != std::string::npos);

  Report all = sample_report(plan);
  all.period.reset();
  CHECK(json_of(all).find("\"period\": null") != std::string::npos);
}

TEST_CASE("report csv: RFC 4180 quoting, BOM, CRLF, separator by language") {
  const Plan plan = sample_plan("=HYPERLINK(\"x\")");
  const Report report = sample_report(plan);
  ReportOptions en;
  const std::string csv = csv_of(report, en);
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const std::vector<std::string> lines = lines_of(csv.substr(3));
  REQUIRE(lines.size() == 4);  // header, 2 key results, 1 indicator
  for (const std::string& line : lines) CHECK(line.back() == '\r');
  CHECK(lines[0].rfind("Kind,ID,Title,", 0) == 0);
  CHECK(lines[1].find("\"Teilnehmende, \"\"neu\"\"\"") != std::string::npos);
  CHECK(lines[1].find(",0.2625,") != std::string::npos);
  CHECK(lines[3].rfind("indicator,IND,Anteil,OC-network,", 0) == 0);

  ReportOptions de;
  de.language = "de";
  const std::vector<std::string> german = lines_of(csv_of(report, de).substr(3));
  CHECK(german[0].rfind("Art;ID;Titel;", 0) == 0);
  CHECK(german[1].find(";0,2625;") != std::string::npos);
  CHECK(german[1].find("Teilnehmende, \"\"neu\"\"") != std::string::npos);  // quoted: has "
  CHECK(german[1].find(";gefährdet;") != std::string::npos);
  CHECK(german[2].find(";nein;") == std::string::npos);  // no value yet: empty, not "nein"
}

TEST_CASE("report csv: user text that a spreadsheet would run as a formula is defused") {
  Plan plan = sample_plan();
  plan.objectives[0].key_results[0].title = "=1+2";
  const std::string csv = csv_of(sample_report(plan), ReportOptions{});
  CHECK(csv.find(",'=1+2,") != std::string::npos);
  CHECK(csv.find(",=1+2,") == std::string::npos);
}

TEST_CASE("report table: columns align by display width with umlauts and CJK") {
  const Plan plan = sample_plan();
  const Report report = sample_report(plan);
  const std::string table = table_of(report, ReportOptions{});
  CHECK(table.find('\x1b') == std::string::npos);
  const std::vector<std::string> lines = lines_of(table);
  // The Status column starts at the same display column in the header and each KR row.
  std::vector<size_t> columns;
  for (const std::string& line : lines) {
    for (std::string_view marker : {"Status", "at risk", "off track", "no data"}) {
      const size_t at = line.find(marker);
      if (at == std::string::npos) continue;
      if (line.find("KR-") == std::string::npos && marker != "Status") continue;
      columns.push_back(display_width(line.substr(0, at)));
      break;
    }
  }
  REQUIRE(columns.size() == 3);
  CHECK(columns[0] == columns[1]);
  CHECK(columns[1] == columns[2]);
  CHECK(table.find("漢字ポータル live") != std::string::npos);
  CHECK(table.find("210 / 800 people") != std::string::npos);
  CHECK(table.find("Größere Community · community") != std::string::npos);

  ReportOptions colored;
  colored.color = true;
  const std::string ansi = table_of(report, colored);
  CHECK(ansi.find("\x1b[33m") != std::string::npos);  // at risk: yellow
  CHECK(ansi.find("\x1b[31m") != std::string::npos);  // off track: red
}

// Display width of a line without its ANSI colour codes.
size_t visible_width(const std::string& line) {
  std::string plain;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      i = line.find('m', i);
      REQUIRE(i != std::string::npos);
      continue;
    }
    plain += line[i];
  }
  return display_width(plain);
}

TEST_CASE("report table: fits the given width, titles take the room left, no row wraps") {
  const std::string long_title =
      "Größere Teilhabe für alle Nachbarschaften der Stadt, 漢字ポータル und noch mehr Text";
  const Plan plan = sample_plan(long_title);
  const Report report = sample_report(plan);
  for (size_t width : {size_t{60}, size_t{100}, size_t{200}}) {
    for (const char* language : {"en", "de"}) {
      for (bool color : {false, true}) {
        CAPTURE(width);
        CAPTURE(language);
        CAPTURE(color);
        ReportOptions options;
        options.width = width;
        options.language = language;
        options.color = color;
        const std::string table = table_of(report, options);
        size_t widest = 0;
        for (const std::string& line : lines_of(table)) {
          CHECK(visible_width(line) <= width);
          widest = std::max(widest, visible_width(line));
        }
        if (width == 200) {
          CHECK(table.find(long_title) != std::string::npos);  // room enough: never cut
        } else {
          CHECK(table.find(long_title) == std::string::npos);
          CHECK(table.find("Größere Teil") != std::string::npos);
          CHECK(table.find("…") != std::string::npos);
          CHECK(widest == width);  // the title takes all the room that is left
        }
      }
    }
  }
  // No width known (piped, no COLUMNS): titles are cut at 40 columns, whatever the length.
  const std::string piped = table_of(report, ReportOptions{});
  CHECK(piped.find(truncate_to_width(long_title, 40)) != std::string::npos);
  CHECK(piped.find(long_title) == std::string::npos);
}

TEST_CASE("report table: narrow widths drop columns in order, the progress header moves") {
  const Plan plan = sample_plan();
  const Report report = sample_report(plan);
  ReportOptions options;
  options.width = 70;
  const std::vector<std::string> lines = lines_of(table_of(report, options));
  const auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.find("Title") != std::string::npos;
  });
  REQUIRE(header != lines.end());
  CHECK(header->find("Confidence") == std::string::npos);
  CHECK(header->find("Last check-in") == std::string::npos);
  CHECK(header->find("Progress") != std::string::npos);
  CHECK(header->find("Status") != std::string::npos);
  for (auto line = header; line != lines.end(); ++line) {
    CHECK(line->find("░") == std::string::npos);  // no bars at this width
    CHECK(display_width(*line) <= 70);
  }
  options.width = 12;  // less than any row needs: every line is cut, none wraps
  for (const std::string& line : lines_of(table_of(report, options))) {
    CHECK(display_width(line) <= 12);
  }
}

TEST_CASE("report table and markdown: control characters in user text never reach the output") {
  Plan plan = sample_plan("Ziel\x1b]0;owned\x07 \x1b[2J\u202Egnirts");
  plan.config.name = "Plan\x1b[31m";
  plan.teams[0].name = "Team\x9b";
  const Report report = sample_report(plan);
  for (size_t width : {size_t{0}, size_t{80}}) {
    ReportOptions options;
    options.width = width;
    const std::string table = table_of(report, options);
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find('\x07') == std::string::npos);
    CHECK(table.find("\u202E") == std::string::npos);
    CHECK(table.find("\u009b") == std::string::npos);
    CHECK(table.find(width == 0 ? "Ziel\uFFFD]0;owned\uFFFD \uFFFD[2J\uFFFDgnirts"
                                : "Ziel\uFFFD]0;owned") != std::string::npos);
  }
  const std::string markdown = markdown_of(report, ReportOptions{});
  CHECK(markdown.find('\x1b') == std::string::npos);
  CHECK(markdown.find('\x07') == std::string::npos);
  CHECK(markdown.find("\u202E") == std::string::npos);
  CHECK(markdown.find("Ziel\uFFFD\\]0;owned\uFFFD") != std::string::npos);
}

// An element with the indicators of results frameworks: a ceiling that is missed, a
// range, a monitor with two check-ins and a number target without any check-in.
Plan framework_plan() {
  Plan plan = sample_plan();
  Objective& o = plan.objectives[0];
  Measure& floor = o.key_results[0];
  floor.baseline = 99;
  floor.target.reset();
  floor.unit = "%";
  floor.threshold = Threshold{97.5, 0.0, ThresholdKind::at_least, {}, {}};
  floor.checkins = {checkin(day(2026, 2, 1), number(98))};
  floor.description = "Projekte im Zeitplan";
  floor.source = "Projektliste";
  floor.method = "Stichtag Monatsende";
  o.description = "Warum das zählt";
  Element& oc = plan.elements[1];
  Measure ceiling;
  ceiling.id = "IND-vacancy";
  ceiling.title = "Leerstand";
  ceiling.unit = "%";
  ceiling.threshold = Threshold{0.0, 3.0, ThresholdKind::at_most, {}, {}};
  ceiling.baseline_date = day(2026, 1, 1);
  ceiling.target_date = day(2026, 12, 31);
  ceiling.checkins = {checkin(day(2026, 1, 31), number(2.5)),
                      checkin(day(2026, 2, 10), number(3.3))};
  Measure range = ceiling;
  range.id = "IND-range";
  range.title = "Spanne";
  range.threshold = Threshold{0.0, 2.5, ThresholdKind::between, {}, {}};
  range.checkins = {checkin(day(2026, 2, 1), number(1))};
  Measure monitor;
  monitor.id = "IND-energy";
  monitor.title = "Energie";
  monitor.type = MeasureType::monitor;
  monitor.unit = "kWh/m²";
  monitor.checkins = {checkin(day(2026, 1, 31), number(112)),
                      checkin(day(2026, 2, 12), number(108))};
  monitor.source = "Zähler";
  Measure gap;
  gap.id = "IND-gap";
  gap.title = "Ohne Daten";
  gap.baseline = 0;
  gap.target = 50;
  gap.baseline_date = day(2026, 1, 1);
  gap.target_date = day(2026, 12, 31);
  oc.indicators = {oc.indicators[0], ceiling, range, monitor, gap};
  return plan;
}

TEST_CASE("report table: each element's indicators under it, thresholds, monitors, data gaps") {
  const Plan plan = framework_plan();
  const Report report = sample_report(plan);
  ReportOptions options;
  const std::string table = table_of(report, options);
  const std::vector<std::string> lines = lines_of(table);
  const auto line_with = [&lines](std::string_view text) {
    const auto at = std::find_if(lines.begin(), lines.end(), [text](const std::string& line) {
      return line.find(text) != std::string::npos;
    });
    REQUIRE(at != lines.end());
    return static_cast<size_t>(at - lines.begin());
  };
  // Under the outcome, indented below it, in plan order.
  const size_t outcome = line_with("  OC-network  ");
  CHECK(line_with("    IND  ") == outcome + 1);
  CHECK(line_with("    IND-vacancy  ") == outcome + 2);
  CHECK(line_with("    IND-gap  ") == outcome + 5);
  CHECK(lines[line_with("IND-vacancy")].find("3.3 / ≤ 3 %") != std::string::npos);
  CHECK(lines[line_with("IND-vacancy")].find("off track") != std::string::npos);
  CHECK(lines[line_with("IND-range")].find("1 / 0–2.5 %") != std::string::npos);
  CHECK(lines[line_with("IND-energy")].find("108 kWh/m² (-4 kWh/m²)") != std::string::npos);
  CHECK(lines[line_with("IND-energy")].find("monitor") != std::string::npos);
  CHECK(lines[line_with("IND-gap")].find("no data") != std::string::npos);
  CHECK(lines[line_with("IND-gap")].find("0%") == std::string::npos);  // no value, no verdict
  CHECK(lines[line_with("KR-a")].find("98 / ≥ 97.5 %") != std::string::npos);

  options.language = "de";
  const std::string german = table_of(report, options);
  CHECK(german.find("3,3 / ≤ 3 %") != std::string::npos);
  CHECK(german.find("1 / 0–2,5 %") != std::string::npos);
  CHECK(german.find("98 / ≥ 97,5 %") != std::string::npos);
  CHECK(german.find("keine Daten") != std::string::npos);
  options.color = true;
  CHECK(table_of(report, options).find("\x1b[2mkeine Daten") != std::string::npos);  // grey
}

TEST_CASE("report markdown: indicators of the chain, notes, data gaps apart from verdicts") {
  const Plan plan = framework_plan();
  const Report report = sample_report(plan);
  const std::string md = markdown_of(report, ReportOptions{});
  const size_t section = md.find("\n## Indicators of the impact chain\n");
  REQUIRE(section != std::string::npos);
  CHECK(section < md.find("\n## Objectives by owner\n"));
  // Each with its trend: a sparkline of its values (docs/history.md).
  CHECK(md.find("| Leerstand (`IND-vacancy`) | 3.3% | ≤ 3 % | ▁█ | 0% | – | 🔴 off track |") !=
        std::string::npos);
  CHECK(
      md.find("| Energie (`IND-energy`) | 108 kWh/m² (-4 kWh/m²) |  | █▁ | – | – | ⚪ monitor |") !=
      std::string::npos);
  CHECK(md.find("| Ohne Daten (`IND-gap`) | – | 50 | – | – |") != std::string::npos);
  CHECK(md.find("| 98% | ≥ 97.5 % | ▄ | 100% |") != std::string::npos);
  CHECK(md.find("- `IND-energy`: Source: Zähler\n") != std::string::npos);
  CHECK(md.find("- `O-1`: Warum das zählt\n- `KR-a`: Projekte im Zeitplan · Source: Projektliste · "
                "Method: Stichtag Monatsende\n") != std::string::npos);
  // Verdicts first, then the data gaps in a group of their own.
  const size_t attention = md.find("## Needs attention");
  const size_t off_track = md.find("🔴 **off track**: Leerstand (`IND-vacancy`) — 3.3 / ≤ 3 %");
  const size_t gaps = md.find("**Data gaps");
  const size_t gap = md.find("- ⚪ **no data**: Ohne Daten (`IND-gap`) · `OC-network`");
  CHECK(attention < off_track);
  CHECK(off_track < gaps);
  CHECK(gaps < gap);
  CHECK(gap != std::string::npos);
  ReportOptions german;
  german.language = "de";
  const std::string de = markdown_of(report, german);
  CHECK(de.find("## Indikatoren der Wirkungskette") != std::string::npos);
  CHECK(de.find("| 3,3 % | ≤ 3 % |") != std::string::npos);
  CHECK(de.find("- ⚪ **keine Daten**: Ohne Daten (`IND-gap`)") != std::string::npos);
  CHECK(de.find("Quelle: Projektliste · Methode: Stichtag Monatsende") != std::string::npos);
}

TEST_CASE("report markdown: German labels, escaping, attention and plan quality") {
  Plan plan = sample_plan("Netz <wächst> #1 [\"gut\"] & `mehr` | a\\b");
  plan.config.stale_days = 10;
  const Report report = sample_report(plan);
  ReportOptions de;
  de.language = "de";
  de.findings = FindingCounts{0, 2, 1};
  const std::string md = markdown_of(report, de);
  CHECK(md.rfind("# Civic Coding — Fortschrittsbericht 2026-Q1\n", 0) == 0);
  CHECK(md.find("Stand: 15.02.2026") != std::string::npos);
  CHECK(md.find("## Wirkungsziele (Impact)") != std::string::npos);
  CHECK(md.find("```mermaid\nflowchart BT\n") != std::string::npos);
  CHECK(md.find("🔴 kritisch") != std::string::npos);
  CHECK(md.find("🟡 gefährdet") != std::string::npos);
  CHECK(md.find("## Handlungsbedarf") != std::string::npos);
  CHECK(md.find("seit 15 Tagen kein Check-in") != std::string::npos);  // KR-a, Jan 31
  CHECK(md.find("noch kein Check-in, 45 Tage") != std::string::npos);  // KR-b counts none yet
  CHECK(md.find("`iooi check` meldet 0 Fehler, 2 Warnungen und 1 Hinweis.") != std::string::npos);
  CHECK(md.find("210 people") != std::string::npos);
  CHECK(md.find("0,5") == std::string::npos);  // no raw fractions
  // Title with markup characters: escaped so they cannot break a table or inject HTML.
  CHECK(md.find("#### Netz \\<wächst\\> \\#1 \\[\"gut\"\\] \\& \\`mehr\\` \\| a\\\\b") !=
        std::string::npos);
  for (std::string_view english : {"on track", "at risk", "off track", "Progress", "Objectives by"})
    CHECK(md.find(english) == std::string::npos);
}

namespace {

// A plan whose objectives interleave owners: b, a, b, (none), a, then `extra`
// objectives each with an owner of its own.
Plan interleaved_owners_plan(size_t extra) {
  Plan plan = sample_plan();
  plan.teams.push_back(Team{"a", "Team A", {}});
  const Objective model = plan.objectives[0];
  plan.objectives.clear();
  const char* owners[] = {"b", "a", "b", "", "a"};
  for (size_t i = 0; i < 5 + extra; ++i) {
    Objective o = model;
    o.id = "O-" + std::to_string(i);
    o.title = "Objective " + std::to_string(i);
    o.owner = i < 5 ? owners[i] : "solo-" + std::to_string(i);
    for (Measure& m : o.key_results) m.id += "-" + std::to_string(i);
    plan.objectives.push_back(std::move(o));
  }
  return plan;
}

// Lines starting with `prefix`, in order.
std::vector<std::string> lines_starting(const std::string& text, std::string_view prefix) {
  std::vector<std::string> found;
  for (const std::string& line : lines_of(text)) {
    if (line.rfind(prefix, 0) == 0) found.push_back(line);
  }
  return found;
}

// The Markdown from the objectives' section on (the chain's indicators have headings too).
std::string objectives_part(const std::string& markdown) {
  const size_t at = markdown.find("\n## Objective");
  REQUIRE(at != std::string::npos);
  return markdown.substr(at);
}

// Counts the writes a stream receives and remembers the largest.
class WriteCounter : public std::streambuf {
 public:
  size_t writes = 0, largest = 0, total = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize size) override {
    ++writes;
    largest = std::max(largest, static_cast<size_t>(size));
    total += static_cast<size_t>(size);
    return size;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) xsputn(nullptr, 1);
    return traits_type::not_eof(c);
  }
};

}  // namespace

TEST_CASE("report markdown and table: objectives by owner, owners in order of first objective") {
  const Plan plan = interleaved_owners_plan(0);
  const Report report = sample_report(plan);
  const std::string md = markdown_of(report, ReportOptions{});
  CHECK(lines_starting(objectives_part(md), "### ") ==
        std::vector<std::string>{"### `b`", "### Team A (`a`)", "### No owner"});
  CHECK(lines_starting(md, "#### ") ==
        std::vector<std::string>{"#### Objective 0", "#### Objective 2", "#### Objective 1",
                                 "#### Objective 4", "#### Objective 3"});
  const std::string table = table_of(report, ReportOptions{});
  std::vector<std::string> objective_ids;
  for (const std::string& line : lines_starting(table, "  O-")) {
    objective_ids.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  CHECK(objective_ids == std::vector<std::string>{"O-0", "O-2", "O-1", "O-4", "O-3"});
  // Headings follow an empty line and are not indented; owners come after "Objectives".
  const std::vector<std::string> lines = lines_of(table);
  std::vector<std::string> headings;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i - 1].empty() && lines[i].rfind("  ", 0) != 0) headings.push_back(lines[i]);
  }
  REQUIRE(headings.size() >= 4);
  CHECK(std::vector<std::string>(headings.end() - 4, headings.end()) ==
        std::vector<std::string>{"Objectives", "b", "Team A · a", "No owner"});
  // Objectives without an owner get a heading of their own in German too.
  ReportOptions german;
  german.language = "de";
  CHECK(lines_starting(markdown_of(report, german), "### ").back() == "### Ohne Verantwortliche");
  CHECK(table_of(report, german).find("\nOhne Verantwortliche\n") != std::string::npos);
}

TEST_CASE("report markdown and table: tens of thousands of owners, each once") {
  constexpr size_t extra = 30000;
  const Plan plan = interleaved_owners_plan(extra);
  const Report report = sample_report(plan);
  REQUIRE(report.owners.size() == 3 + extra);
  const std::vector<std::string> headings =
      lines_starting(objectives_part(markdown_of(report, ReportOptions{})), "### ");
  REQUIRE(headings.size() == 3 + extra);
  CHECK(headings[3] == "### `solo-5`");
  CHECK(headings.back() == "### `solo-" + std::to_string(4 + extra) + "`");
  const std::string table = table_of(report, ReportOptions{});
  CHECK(lines_starting(table, "solo-").size() == extra);
}

TEST_CASE("report html: the same page for any number of threads, objectives and charts in order") {
  const Plan plan = interleaved_owners_plan(300);
  const Report report = sample_report(plan);
  const auto page = [&](unsigned jobs) {
    ReportOptions options;
    options.jobs = jobs;
    return html_of(report, options);
  };
  const std::string one_thread = page(1);
  CHECK(page(2) == one_thread);
  CHECK(page(7) == one_thread);
  CHECK(page(0) == one_thread);  // all cores
  // Objectives in owner order, each owner's heading once before its first objective.
  const std::vector<std::string> headings = lines_starting(one_thread, "<h4>");
  REQUIRE(headings.size() == 305);
  CHECK(headings[0] == "<h4>Objective 0</h4>");
  CHECK(headings[1] == "<h4>Objective 2</h4>");
  CHECK(headings.back() == "<h4>Objective 304</h4>");
  CHECK(lines_starting(one_thread, "<h3><code>solo-").size() == 300);
  // Chart ids rise through the page, never repeated (a measure without a chart skips one).
  size_t expected = 1;
  bool in_order = true;
  for (size_t at = one_thread.find("<figcaption id=\"chart-"); at != std::string::npos;
       at = one_thread.find("<figcaption id=\"chart-", at + 1)) {
    const size_t number = std::stoul(one_thread.substr(at + 22));
    in_order = in_order && number >= expected;
    expected = number + 1;
  }
  CHECK(in_order);
  CHECK(expected > 305);
}

std::string html_page(const Report& report, const std::string& language) {
  ReportOptions options;
  options.language = language;
  return html_of(report, options);
}

TEST_CASE("report html: a chain too big for a legible diagram gets a sentence instead") {
  Plan plan = sample_plan();
  const size_t drawn = plan.elements.size();
  for (size_t i = drawn; i <= html::chain_diagram_max_elements; ++i) {
    Element input;
    input.id = "IN-" + std::to_string(i);
    input.title = "Input " + std::to_string(i);
    plan.elements.push_back(std::move(input));
  }
  const Report many = sample_report(plan);
  REQUIRE(many.elements.size() == html::chain_diagram_max_elements + 1);
  const std::string page = html_page(many, "en");
  CHECK(page.find("<svg class=\"chain\"") == std::string::npos);
  CHECK(page.find(fmt::format("The chain has {} elements and", many.elements.size())) !=
        std::string::npos);
  CHECK(page.find("<code>IN-1000</code>") != std::string::npos);  // the tables list it
  CHECK(html_page(many, "de").find("zu viele für ein lesbares Diagramm") != std::string::npos);

  // Arrows count too: a few elements with more contributions than a diagram shows.
  Plan linked = sample_plan();
  REQUIRE(linked.elements.size() >= 2);
  const std::string target = linked.elements[0].id;
  linked.elements[1].contributes_to.assign(html::chain_diagram_max_arrows + 1,
                                           Link{target, 1.0, Loc{}});
  const Report arrows = sample_report(linked);
  CHECK(html::chain_arrows(arrows) > html::chain_diagram_max_arrows);
  const std::string arrow_page = html_page(arrows, "en");
  CHECK(arrow_page.find("<svg class=\"chain\"") == std::string::npos);
  CHECK(arrow_page.find("too many for a legible diagram") != std::string::npos);
  // Up to the bounds the chain is drawn.
  const Plan small = sample_plan();
  CHECK(html_page(sample_report(small), "en").find("<svg class=\"chain\"") != std::string::npos);
}

TEST_CASE("report renderers write a big report in pieces, never as one string") {
  const Plan plan = interleaved_owners_plan(5000);
  const Report report = sample_report(plan);
  ReportOptions options;
  const auto check_pieces = [](const std::string& format, const auto& render) {
    CAPTURE(format);
    WriteCounter counter;
    std::ostream out(&counter);
    render(out);
    CHECK(counter.total > 1024 * 1024);
    CHECK(counter.writes > 10);
    CHECK(counter.largest < 256 * 1024);
  };
  check_pieces("json", [&](std::ostream& out) { render_report_json(report, out); });
  check_pieces("csv", [&](std::ostream& out) { render_report_csv(report, options, out); });
  check_pieces("table", [&](std::ostream& out) { render_report_table(report, options, out); });
  check_pieces("markdown",
               [&](std::ostream& out) { render_report_markdown(report, options, out); });
}

TEST_CASE("i18n: statuses, numbers and dates") {
  CHECK(i18n::status_label(Status::on_track, "de") == "im Plan");
  CHECK(i18n::status_label(Status::at_risk, "de") == "gefährdet");
  CHECK(i18n::status_label(Status::off_track, "de") == "kritisch");
  CHECK(i18n::status_label(Status::done, "de") == "erreicht");
  CHECK(i18n::status_label(Status::none, "de") == "kein Status");
  CHECK(i18n::number(0.5, "de") == "0,5");
  CHECK(i18n::number(800, "en") == "800");
  CHECK(i18n::percent(0.265625, "en") == "27%");
  CHECK(i18n::percent(0.265625, "de") == "27 %");
  CHECK(i18n::percent(std::nullopt, "de") == "–");
  CHECK(i18n::with_unit(31, "%", "en") == "31%");
  CHECK(i18n::with_unit(31, "%", "de") == "31 %");
  CHECK(i18n::date(day(2026, 2, 5), "de") == "05.02.2026");
  CHECK(i18n::date(day(2026, 2, 5), "en") == "2026-02-05");
}

TEST_CASE("i18n: thresholds and changes") {
  CHECK(i18n::threshold(Threshold{85, 0, ThresholdKind::at_least, {}, {}}, "%", "en") == "≥ 85 %");
  CHECK(i18n::threshold(Threshold{0, 3, ThresholdKind::at_most, {}, {}}, "%", "de") == "≤ 3 %");
  CHECK(i18n::threshold(Threshold{0, 2.5, ThresholdKind::between, {}, {}}, "%", "de") == "0–2,5 %");
  CHECK(i18n::threshold(Threshold{1.5, 0, ThresholdKind::at_least, {}, {}}, "", "de") == "≥ 1,5");
  CHECK(i18n::threshold(Threshold{}, "%", "en").empty());
  CHECK(i18n::signed_change(2, "%", "en") == "+2 pp");
  CHECK(i18n::signed_change(2, "%", "de") == "+2 Pp.");
  CHECK(i18n::signed_change(-1.5, "ha/Tag", "de") == "-1,5 ha/Tag");
  CHECK(i18n::signed_change(2.8 - 3.4, "%", "de") == "-0,6 Pp.");  // no float noise
  CHECK(i18n::signed_change(0, "GW", "en") == "±0 GW");
}

TEST_CASE("graph mermaid: generated node ids, entity-escaped labels, classes by status") {
  const Plan plan = sample_plan();
  const std::string mermaid = render_graph_mermaid(sample_report(plan), "en");
  CHECK(mermaid.rfind("flowchart BT\n", 0) == 0);
  // Elements top-down: I-good n0, OC-network n1, IN-money n2.
  CHECK(mermaid.find("  n1[\"Netz #60;wächst#62; #35;1 [#quot;gut#quot;] #38; #96;mehr#96; | "
                     "a\\b<br/>27% · off track\"]\n") != std::string::npos);
  CHECK(mermaid.find("  n1 -->|\"×2\"| n0\n") != std::string::npos);
  CHECK(mermaid.find("  n2 --> n1\n") != std::string::npos);
  CHECK(mermaid.find("n2[\"Geld<br/>no status\"]") != std::string::npos);
  CHECK(mermaid.find("classDef offTrack") != std::string::npos);
  CHECK(mermaid.find("class n0,n1 offTrack") != std::string::npos);
  CHECK(mermaid.find("class n2 noStatus") != std::string::npos);
}

TEST_CASE("graph dot: escaped labels, ranks per level, edges upwards") {
  const Plan plan = sample_plan();
  const std::string dot = render_graph_dot(sample_report(plan), "de");
  CHECK(dot.rfind("digraph iooi {\n  rankdir=BT;\n", 0) == 0);
  CHECK(dot.find("label=\"Netz <wächst> #1 [\\\"gut\\\"] & `mehr` | a\\\\b\\n27 % · kritisch\"") !=
        std::string::npos);
  CHECK(dot.find("n1 -> n0 [label=\"×2\"];") != std::string::npos);
  CHECK(dot.find("{ rank=same; n0; }") != std::string::npos);
  CHECK(dot.back() == '\n');
}

// The hostile strings of docs/security.md: a line break with a workflow command,
// terminal escapes, a Mermaid directive, HTML and Markdown markup, table pipes.
TEST_CASE("every report and graph format escapes hostile user text for its own syntax") {
  const std::string inject = "\n::add-mask::x\x1b]0;owned\x07";
  Plan plan = sample_plan("T" + inject + " %%{init: {'theme':'dark'}}%% |x|");
  plan.elements[1].title = "C" + inject + " %%{init: {'themeCSS': 'x'}}%%";
  plan.objectives[0].id = "O-1|\n`x`";
  plan.objectives[0].owner = "team\n<img src=x><!-- [l](http://x)";
  plan.teams.clear();
  const Report report = sample_report(plan);
  const auto no_control = [](const std::string& text) {
    return text.find('\x1b') == std::string::npos && text.find('\x07') == std::string::npos;
  };
  const auto no_injected_line = [](const std::string& text) {
    return text.find("\n::") == std::string::npos && text.find("\r::") == std::string::npos;
  };

  const std::string mermaid = render_graph_mermaid(report, "en");
  CHECK(no_control(mermaid));
  CHECK(no_injected_line(mermaid));
  CHECK(mermaid.find("%%") == std::string::npos);
  CHECK(mermaid.find('{') == std::string::npos);
  CHECK(mermaid.find("#37;#37;#123;init: #123;'themeCSS': 'x'#125;#125;#37;#37;") !=
        std::string::npos);

  const std::string dot = render_graph_dot(report, "en");
  CHECK(no_control(dot));
  CHECK(no_injected_line(dot));

  const std::string markdown = markdown_of(report, ReportOptions{});
  CHECK(no_control(markdown));
  CHECK(no_injected_line(markdown));
  // The owner: one code span on the heading's line, so its markup stays literal text.
  CHECK(markdown.find("\n### `team <img src=x><!-- [l](http://x)`\n") != std::string::npos);
  CHECK(markdown.find("<img") == markdown.find("`team <img") + 6);
  CHECK(markdown.find("O-1\\|") != std::string::npos);  // the id: escaped text, no raw pipe
  CHECK(markdown.find("O-1|") == std::string::npos);

  const std::string csv = csv_of(report, ReportOptions{});
  CHECK(no_control(csv));
  CHECK(no_injected_line(csv));
  CHECK(csv.find(",O-1| `x`,") != std::string::npos);

  for (size_t width : {size_t{0}, size_t{100}}) {
    ReportOptions options;
    options.width = width;
    const std::string table = table_of(report, options);
    CHECK(no_control(table));
    CHECK(no_injected_line(table));
  }
}

}  // namespace iooi
