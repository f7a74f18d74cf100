#!/usr/bin/env bash
# Runs the GitHub Action's script (ci/github-action.sh check) on a sample plan
# repository, as the runner would (GITHUB_ACTIONS, GITHUB_WORKSPACE,
# GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP, INPUT_*), then the GitLab
# template's script lines: exit codes, annotations, summary, SARIF, reports.
#   github_action.sh IOOI_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

mkdir -p "$work/bin" "$work/runner"
ln -s "$binary" "$work/bin/iooi"
export PATH="$work/bin:$PATH"

# A repository with the plan in a subfolder, as a plan repository might keep it.
repo=$work/repo
mkdir -p "$repo"
cp -r "$source_dir/examples/civic-coding" "$repo/plan"
if ! { git -C "$repo" init -q && git -C "$repo" add . &&
  git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qm plan; }; then
  fail "git repo"
fi

run_action() {  # NAME, then INPUT_* assignments
  local name=$1
  shift
  : >"$work/runner/$name-summary.md"
  : >"$work/runner/$name-output"
  env -i PATH="$PATH" HOME="$work" GITHUB_ACTIONS=true GITHUB_WORKSPACE="$repo" \
    GITHUB_STEP_SUMMARY="$work/runner/$name-summary.md" GITHUB_OUTPUT="$work/runner/$name-output" \
    RUNNER_TEMP="$work/runner" INPUT_PATH=plan INPUT_AS_OF=2026-03-20 "$@" \
    bash "$source_dir/ci/github-action.sh" check >"$work/runner/$name-stdout" 2>"$work/runner/$name-stderr"
}

# 1. The clean example: exit 0, the report in the summary, valid SARIF, outputs.
run_action clean INPUT_REPORT_PERIOD=2026-Q1 INPUT_SARIF=iooi.sarif INPUT_STRICT=true
status=$?
[[ $status == 0 ]] || fail "clean plan: exit $status: $(cat "$work/runner/clean-stderr")"
[[ ! -s $work/runner/clean-stdout ]] || fail "clean plan: annotations on stdout: $(head -3 "$work/runner/clean-stdout")"
grep -q 'Civic Coding' "$work/runner/clean-summary.md" || fail "clean plan: no report in the step summary"
grep -q '2026-Q1' "$work/runner/clean-summary.md" || fail "clean plan: summary is not for 2026-Q1"
grep -qx 'exit-code=0' "$work/runner/clean-output" || fail "clean plan: GITHUB_OUTPUT lacks exit-code=0"
grep -qx 'sarif-file=iooi.sarif' "$work/runner/clean-output" || fail "clean plan: GITHUB_OUTPUT lacks sarif-file"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0" and d["runs"][0]["results"]==[]' \
  "$repo/iooi.sarif" || fail "clean plan: SARIF is not valid JSON with no results"

# 2. A broken plan: annotations with repository-relative paths, exit 1, a summary
#    that says why there is no report, SARIF with one result per annotation.
printf 'outputs:\n  - id: OP-extra\n    title: Extra\n    titel: typo\n' >"$repo/plan/extra.yaml"
run_action broken INPUT_SARIF=out/iooi.sarif
status=$?
[[ $status == 1 ]] || fail "broken plan: exit $status, expected 1"
grep -q '^::error file=plan/extra.yaml,line=4,' "$work/runner/broken-stdout" ||
  fail "broken plan: no annotation for plan/extra.yaml:4: $(head -3 "$work/runner/broken-stdout")"
grep -q 'No report: the plan has errors' "$work/runner/broken-summary.md" || fail "broken plan: summary"
grep -qx 'exit-code=1' "$work/runner/broken-output" || fail "broken plan: GITHUB_OUTPUT lacks exit-code=1"
annotations=$(grep -c '^::' "$work/runner/broken-stdout")
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["runs"][0]["results"])==int(sys.argv[2]), len(d["runs"][0]["results"])' \
  "$repo/out/iooi.sarif" "$annotations" 2>/dev/null || fail "broken plan: SARIF results != $annotations annotations"

# 3. Warnings only: pass by default, fail with strict.
rm "$repo/plan/extra.yaml"
printf 'outputs:\n  - id: OP-lonely\n    title: Lonely output\n' >"$repo/plan/lonely.yaml"
run_action warn INPUT_SUMMARY=false
status=$?
[[ $status == 0 ]] || fail "warnings: exit $status without strict, expected 0"
grep -q '^::warning file=plan/lonely.yaml' "$work/runner/warn-stdout" || fail "warnings: no warning annotation"
[[ ! -s $work/runner/warn-summary.md ]] || fail "warnings: summary written although summary=false"
run_action strict INPUT_STRICT=true
status=$?
[[ $status == 1 ]] || fail "warnings: exit $status with strict, expected 1"

# 4. iooi cannot run (a path that does not exist): exit 2, never hidden.
run_action missing INPUT_PATH=no-such-plan INPUT_SARIF=x.sarif
status=$?
[[ $status == 2 ]] || fail "missing path: exit $status, expected 2"
rm "$repo/plan/lonely.yaml"

# 5. The GitLab template: its script lines, as the runner runs them (sh -e).
gitlab_script=$(python3 - "$source_dir/ci/iooi.gitlab-ci.yml" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
job = doc[".iooi-check"]
assert doc["iooi"]["extends"] == ".iooi-check"
assert job["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json", "junit": "iooi-junit.xml"}
print("\n".join(job["script"]))
PY
) || fail "GitLab template does not parse as expected"
run_gitlab() {  # NAME VARIABLES...
  local name=$1
  shift
  (cd "$repo" && env -i PATH="$PATH" HOME="$work" CI=true IOOI_PATH=plan IOOI_AS_OF=2026-03-20 "$@" \
    sh -ec "$gitlab_script" >"$work/runner/$name-stdout" 2>&1)
}
run_gitlab gl-clean || fail "GitLab, clean plan: exit $?: $(tail -3 "$work/runner/gl-clean-stdout")"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))==[]' "$repo/gl-code-quality-report.json" ||
  fail "GitLab, clean plan: Code Quality report is not an empty array"
grep -q '<testsuites' "$repo/iooi-junit.xml" || fail "GitLab, clean plan: no JUnit report"
grep -q 'Civic Coding' "$repo/plan-summary.md" || fail "GitLab, clean plan: no summary"
printf 'outputs:\n  - id: OP-extra\n    title: Extra\n    titel: typo\n' >"$repo/plan/extra.yaml"
run_gitlab gl-broken
status=$?
[[ $status == 1 ]] || fail "GitLab, broken plan: exit $status, expected 1"
python3 -c 'import json,sys; assert any(i["location"]["path"]=="plan/extra.yaml" for i in json.load(open(sys.argv[1])))' \
  "$repo/gl-code-quality-report.json" || fail "GitLab, broken plan: no Code Quality issue for plan/extra.yaml"
grep -q '<failure' "$repo/iooi-junit.xml" || fail "GitLab, broken plan: no JUnit failure"

((failures == 0)) && echo "ok: GitHub Action script and GitLab template" && exit 0
exit 1
