// `iooi report --format iati`: an IATI 2.03 iati-activities document (docs/format.md,
// "IATI export"). The content (which results, indicators and periods) is computed by
// iati_export; this only writes it, in the element order of the IATI schema, with all
// user text escaped.
#include <fmt/format.h>

#include <ostream>
#include <string>
#include <string_view>

#include "iooi/render/report_output.h"
#include "iooi/util/xml_escape.h"

namespace iooi {
namespace {

// IATI values are text in the schema; the ruleset wants numbers, written shortest.
std::string number(double value) { return fmt::format("{}", value); }

// <NAME><narrative>TEXT</narrative></NAME> at `indent`.
void narrative_element(std::ostream& out, std::string_view indent, std::string_view name,
                       std::string_view text) {
  out << indent << '<' << name << "><narrative>" << xml_escape(text) << "</narrative></" << name
      << ">\n";
}

void write_activity_header(std::ostream& out, const IatiActivity& activity) {
  out << "    <iati-identifier>" << xml_escape(activity.identifier) << "</iati-identifier>\n";
  const std::string org_attributes =
      fmt::format(R"(ref="{}" type="{}")", xml_escape(activity.reporting_org_ref),
                  xml_escape(activity.reporting_org_type));
  out << "    <reporting-org " << org_attributes << "><narrative>"
      << xml_escape(activity.reporting_org_name) << "</narrative></reporting-org>\n";
  narrative_element(out, "    ", "title", activity.title);
  narrative_element(out, "    ", "description", activity.description);
  // The schema asks for a participating organisation: the reporting one, implementing (4).
  out << "    <participating-org " << org_attributes << R"( role="4"><narrative>)"
      << xml_escape(activity.reporting_org_name) << "</narrative></participating-org>\n";
  out << "    <activity-status code=\"" << xml_escape(activity.activity_status) << "\"/>\n";
  // Planned start (1) and planned end (3).
  if (activity.start_date) {
    out << "    <activity-date type=\"1\" iso-date=\"" << activity.start_date->to_string()
        << "\"/>\n";
  }
  if (activity.end_date) {
    out << "    <activity-date type=\"3\" iso-date=\"" << activity.end_date->to_string()
        << "\"/>\n";
  }
  if (!activity.recipient_country.empty()) {
    out << "    <recipient-country code=\"" << xml_escape(activity.recipient_country) << "\"/>\n";
  }
  if (!activity.sector_code.empty()) {
    out << "    <sector";
    if (!activity.sector_vocabulary.empty()) {
      out << " vocabulary=\"" << xml_escape(activity.sector_vocabulary) << '"';
    }
    out << " code=\"" << xml_escape(activity.sector_code) << "\"/>\n";
  }
}

void write_period(std::ostream& out, const IatiPeriod& period) {
  out << "        <period>\n";
  out << "          <period-start iso-date=\"" << period.start.to_string() << "\"/>\n";
  out << "          <period-end iso-date=\"" << period.end.to_string() << "\"/>\n";
  for (double target : period.targets) {
    out << "          <target value=\"" << number(target) << "\"/>\n";
  }
  if (period.actual) {
    out << "          <actual value=\"" << number(*period.actual) << '"';
    if (period.comments.empty()) {
      out << "/>\n";
    } else {
      out << ">\n            <comment>\n";
      for (const std::string& comment : period.comments) {
        out << "              <narrative>" << xml_escape(comment) << "</narrative>\n";
      }
      out << "            </comment>\n          </actual>\n";
    }
  }
  out << "        </period>\n";
}

void write_indicator(std::ostream& out, const IatiIndicator& indicator) {
  out << "      <indicator measure=\"" << (indicator.percentage ? "2" : "1") << '"';
  if (indicator.ascending) out << " ascending=\"" << (*indicator.ascending ? "1" : "0") << '"';
  out << ">\n";
  narrative_element(out, "        ", "title", indicator.title);
  if (!indicator.description.empty()) {
    narrative_element(out, "        ", "description", indicator.description);
  }
  // The reference sits on the indicator, never also on its result (IATI ruleset):
  // vocabulary 99 is the reporting organisation's own, the iooi id.
  out << "        <reference vocabulary=\"99\" code=\"" << xml_escape(indicator.id) << "\"/>\n";
  if (indicator.baseline) {
    out << "        <baseline year=\"" << indicator.baseline_year << '"';
    if (indicator.baseline_date) {
      out << " iso-date=\"" << indicator.baseline_date->to_string() << '"';
    }
    out << " value=\"" << number(*indicator.baseline) << "\"/>\n";
  }
  for (const IatiPeriod& period : indicator.periods) write_period(out, period);
  out << "      </indicator>\n";
}

void write_result(std::ostream& out, const IatiResult& result) {
  out << "    <result type=\"" << result.type << "\">\n";
  narrative_element(out, "      ", "title", result.title);
  if (!result.description.empty()) {
    narrative_element(out, "      ", "description", result.description);
  }
  for (const IatiIndicator& indicator : result.indicators) write_indicator(out, indicator);
  out << "    </result>\n";
}

void write_activity(std::ostream& out, const IatiExport& iati) {
  const IatiActivity& activity = iati.activity;
  out << "  <iati-activity";
  if (!activity.language.empty()) out << " xml:lang=\"" << xml_escape(activity.language) << '"';
  if (!activity.default_currency.empty()) {
    out << " default-currency=\"" << xml_escape(activity.default_currency) << '"';
  }
  out << ">\n";
  write_activity_header(out, activity);
  for (const IatiResult& result : iati.results) write_result(out, result);
  out << "  </iati-activity>\n";
}

}  // namespace

void render_report_iati(const Report& report, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<!-- Written by iooi report (format iati) as of " << report.as_of.to_string() << " -->\n";
  out << "<iati-activities version=\"2.03\">\n";
  if (report.iati) write_activity(out, *report.iati);
  out << "</iati-activities>\n";
}

}  // namespace iooi
