#!/usr/bin/env bash
# The logic of the iooi GitHub Action (action.yml), kept here so that it can be
# run and tested outside GitHub:
#   ci/github-action.sh install   install iooi (INPUT_DEB_URL, else build this checkout)
#   ci/github-action.sh check     check the plan, write the summary and SARIF
# Inputs come as INPUT_* variables (action.yml passes them), the runner's own
# variables (GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_PATH,
# RUNNER_TEMP) are used when set. `check` exits like `iooi check`: 0 clean,
# 1 failing findings, 2 when iooi could not run.
set -uo pipefail

action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
iooi=${IOOI:-iooi}

run_as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

install_iooi() {
  if [[ -n ${INPUT_DEB_URL:-} ]]; then
    local deb="${RUNNER_TEMP:-/tmp}/iooi.deb"
    curl --fail --silent --show-error --location --output "$deb" "$INPUT_DEB_URL" || return 2
    run_as_root apt-get update -qq && run_as_root apt-get install -y -qq "$deb" || return 2
  else
    make -C "$action_dir" build || return 2
    echo "$action_dir/build/release" >>"${GITHUB_PATH:-/dev/null}"
  fi
}

# The Markdown report of the period; while the plan has errors there is no
# report, and the summary says so instead of failing this step.
write_summary() {
  local args=(report --format markdown --quiet)
  [[ -n ${INPUT_REPORT_PERIOD:-} ]] && args+=(--period "$INPUT_REPORT_PERIOD")
  [[ -n ${INPUT_AS_OF:-} ]] && args+=(--as-of "$INPUT_AS_OF")
  local report
  if report=$("$iooi" "${args[@]}" "$plan_path" 2>/dev/null); then
    printf '%s\n' "$report" >>"$GITHUB_STEP_SUMMARY"
  else
    # shellcheck disable=SC2016 # the backticks are Markdown
    printf '## iooi\n\nNo report: the plan has errors (see the annotations of `iooi check`).\n' \
      >>"$GITHUB_STEP_SUMMARY"
  fi
}

check_plan() {
  cd "${GITHUB_WORKSPACE:-.}" || return 2
  plan_path=${INPUT_PATH:-.}
  local common=()
  [[ -n ${INPUT_AS_OF:-} ]] && common+=(--as-of "$INPUT_AS_OF")
  [[ ${INPUT_STRICT:-false} == true ]] && common+=(--strict)

  if [[ -n ${INPUT_SARIF:-} ]]; then
    mkdir -p "$(dirname "$INPUT_SARIF")" || return 2
    "$iooi" check --format sarif --quiet -o "$INPUT_SARIF" "${common[@]}" "$plan_path"
    (($? <= 1)) || return 2
    echo "sarif-file=$INPUT_SARIF" >>"${GITHUB_OUTPUT:-/dev/null}"
  fi
  if [[ ${INPUT_SUMMARY:-true} == true && -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    write_summary
  fi
  "$iooi" check --format github "${common[@]}" "$plan_path"
  local status=$?
  echo "exit-code=$status" >>"${GITHUB_OUTPUT:-/dev/null}"
  return "$status"
}

case ${1:-} in
  install) install_iooi ;;
  check) check_plan ;;
  *)
    echo "usage: $0 install|check" >&2
    exit 2
    ;;
esac
