#!/usr/bin/env bash
# Validates the IATI export (iooi report --format iati) of every example plan that has
# a plan.iati block, and of a plan full of hostile titles, against the official IATI
# 2.03 schema in tests/iati-2.03 with xmllint (Debian libxml2-utils). Exit 77
# (skipped) without xmllint, a failure under IOOI_REQUIRE_TOOLS=1.
set -euo pipefail
binary=$1
source_dir=$2
if ! command -v xmllint >/dev/null; then
  echo "skipped: xmllint (libxml2-utils) is not installed"
  [[ ${IOOI_REQUIRE_TOOLS:-} == 1 ]] && exit 1
  exit 77
fi
schema=$source_dir/tests/iati-2.03/iati-activities-schema.xsd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
validate() {
  local name=$1
  shift
  if ! "$binary" report "$@" --format iati -q >"$work/$name.xml" 2>"$work/$name.err"; then
    echo "FAIL $name: iooi report failed:"
    cat "$work/$name.err"
    failed=1
    return
  fi
  if xmllint --noout --schema "$schema" "$work/$name.xml" 2>"$work/$name.err"; then
    echo "ok $name ($(grep -c '<indicator ' "$work/$name.xml") indicators)"
  else
    echo "FAIL $name:"
    cat "$work/$name.err"
    failed=1
  fi
}
examples=0
for config in "$source_dir"/examples/*/iooi.yaml; do
  if ! grep -q '^  iati:' "$config"; then
    echo "skipped $(basename "$(dirname "$config")"): no plan.iati block"
    continue
  fi
  examples=$((examples + 1))
  validate "$(basename "$(dirname "$config")")" "$(dirname "$config")" --as-of 2026-03-20
done
if ((examples == 0)); then
  echo "FAIL: no example plan has a plan.iati block"
  failed=1
fi
# The hostile-titles plan with an IATI block of hostile text: everything escaped.
mkdir "$work/hostile"
hostile_config=$source_dir/tests/e2e/cases/report-markdown-hostile/plan/iooi.yaml
{
  sed -n '1,/^plan:$/p' "$hostile_config"
  cat <<'YAML'
  iati:
    identifier: "XX-<&>-\"1\""
    reporting_org: {ref: "XX-<&>", type: "22", name: "Org <b>&amp; 'q'"}
    title: "Title ]]> <!-- -->"
    description: "Line one\nline two & <tags>"
    activity_status: 2
    start_date: 2026-01-01
    end_date: 2026-12-31
    language: en
YAML
  sed '1,/^plan:$/d' "$hostile_config"
} >"$work/hostile/iooi.yaml"
validate hostile-titles "$work/hostile" --as-of 2026-03-01
exit $failed
