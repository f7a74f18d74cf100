#!/usr/bin/env bash
# iooi diff and --history on scripted repositories (docs/history.md): every commit
# has fixed author and committer dates, so short ids and dates are reproducible.
# The git CLI only builds the fixtures; iooi itself reads them through libgit2.
# Usage: history_test.sh IOOI_BINARY
set -u
iooi=$(realpath "$1")
command -v git >/dev/null || { echo "git not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect_in TEXT NEEDLE WHAT
expect_in() { grep -qF -- "$2" <<<"$1" || fail "$3: missing '$2' in:"$'\n'"$1"; }
expect_not_in() { grep -qF -- "$2" <<<"$1" && fail "$3: unexpected '$2' in:"$'\n'"$1"; }
expect_code() { [[ $1 == "$2" ]] || fail "$3: exit $1, expected $2"; }

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
commit() {  # commit DAY MESSAGE: everything staged, dated DAY at noon UTC
  GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" \
    git -C "$repo" commit -q -m "$2" || fail "git commit $2"
}

repo=$work/repo
mkdir -p "$repo/plan/okrs" "$repo/plan/chain"
git -C "$repo" init -q -b main
cat >"$repo/plan/iooi.yaml" <<'YAML'
plan:
  name: History test
teams:
  - {id: team, name: Team}
YAML
write_chain() {  # write_chain IND_TARGET
  cat >"$repo/plan/chain/chain.yaml" <<YAML
impacts:
  - id: IM-a
    title: Impact A
    indicators:
      - id: IND-x
        title: Indicator X
        baseline: 0
        target: $1
        baseline_date: 2026-01-01
        target_date: 2026-12-31
      - id: IND-undated
        title: Indicator without dates
        baseline: 0
        target: $1
outcomes:
  - id: OC-a
    title: Outcome A
    contributes_to: [IM-a]
YAML
}
write_okrs() {  # write_okrs FILE KR_A_TARGET AT_LEAST KR_C_BASELINE INTERIM EXTRA_KR CHECKIN
  cat >"$repo/plan/okrs/$1" <<YAML
objectives:
  - id: O-a
    title: Objective A
    period: 2026-Q1
    owner: team
    aligns_to: [OC-a]
    key_results:
      - id: KR-a
        title: Participants
        baseline: 0
        target: $2
        checkins:
          - {date: 2026-01-20, value: 30}
$7
      - id: KR-b
        title: Satisfaction
        target: {at_least: $3}
        checkins:
          - {date: 2026-01-20, value: 75}
      - id: KR-c
        title: Visits
        baseline: $4
        target: 50
        checkins:
          - {date: 2026-01-20, value: 25}
      - id: KR-d
        title: Members
        baseline: 0
        target: 100
        targets:
          - {date: 2026-02-01, value: $5}
        checkins:
          - {date: 2026-01-20, value: 20}
$6
YAML
}
gone_kr='      - id: KR-gone
        title: Dropped later
        baseline: 0
        target: 10
        checkins:
          - {date: 2026-01-20, value: 5}'
new_kr='      - id: KR-new
        title: Added after the period began
        baseline: 0
        target: 10
        checkins:
          - {date: 2026-02-05, value: 4}'
second_checkin='          - {date: 2026-02-10, value: 45}'

# Commit 1, before the period: the goal posts the quarter starts with.
write_chain 100
write_okrs q1.yaml 100 80 10 40 "$gone_kr" ""
git -C "$repo" add -A && commit 2025-12-20 "plan for 2026-Q1"
first=$(git -C "$repo" rev-parse --short=7 HEAD)
# Commit 2, in the period: targets lowered, a key result added and one removed,
# the file renamed, a check-in added.
write_chain 90
git -C "$repo" mv plan/okrs/q1.yaml plan/okrs/2026-Q1.yaml
write_okrs 2026-Q1.yaml 80 70 20 30 "$new_kr" "$second_checkin"
git -C "$repo" add -A && commit 2026-02-12 "lower targets"
second=$(git -C "$repo" rev-parse --short=7 HEAD)

run() {  # run FOLDER ARGS...: sets out, err, code
  local folder=$1
  shift
  out=$(cd "$folder" && "$iooi" "$@" 2>"$work/stderr")
  code=$?
  err=$(cat "$work/stderr")
}

# --- check --history ------------------------------------------------------------
run "$repo/plan" check --as-of 2026-02-15
plain_out=$out plain_code=$code
run "$repo/plan" check --as-of 2026-02-15 --history
expect_code "$code" "$plain_code" "check --history keeps the exit code"
expect_in "$out" "okrs/2026-Q1.yaml:11:17: warning: key result 'KR-a' changed since 2026-01-01: target was 100 (now 80) at commit $first of 2025-12-20" "changed target"
expect_in "$out" "key result 'KR-b' changed since 2026-01-01: threshold was >=80 (now >=70) at commit $first" "changed threshold"
expect_in "$out" "key result 'KR-c' changed since 2026-01-01: baseline was 10 (now 20) at commit $first" "changed baseline"
expect_in "$out" "key result 'KR-d' changed since 2026-01-01: interim targets were 2026-02-01: 40 (now 2026-02-01: 30)" "changed interim targets"
expect_in "$out" "indicator 'IND-x' changed since 2026-01-01: target was 100 (now 90) at commit $first" "changed indicator target"
expect_not_in "$out" "KR-new" "a key result added after the period began"
expect_not_in "$out" "IND-undated" "an indicator without dates"
[[ $(grep -c "target-changed" <<<"$out") == 5 ]] || fail "five target-changed findings:"$'\n'"$out"
expect_not_in "$plain_out" "target-changed" "check without --history"
run "$repo/plan" check --as-of 2026-02-15 --history --format json
python3 -c 'import json,sys; d=json.load(sys.stdin); assert sum(f["rule"]=="target-changed" for f in d["findings"])==5' <<<"$out" ||
  fail "check --history --format json"

# report --history: warnings only, so the report is printed, with the note.
run "$repo/plan" report --as-of 2026-02-15 --period 2026-Q1
warnings=$(grep -o 'has [0-9]* warning' <<<"$err" | grep -o '[0-9]*')
run "$repo/plan" report --as-of 2026-02-15 --history --period 2026-Q1
expect_code "$code" 0 "report --history"
expect_in "$err" "the plan has $((${warnings:-0} + 5)) warnings" "report --history counts the findings"

# --- diff --------------------------------------------------------------------------
run "$repo/plan" diff HEAD~1 HEAD --as-of 2026-02-15
expect_code "$code" 0 "diff HEAD~1 HEAD"
expect_in "$out" "Changes from HEAD~1 ($first, 2025-12-20) to HEAD ($second, 2026-02-12)" "diff heading"
expect_in "$out" "    target: 100 -> 80" "diff: changed target"
expect_in "$out" "    target: >=80 -> >=70" "diff: changed threshold"
expect_in "$out" "    baseline: 10 -> 20" "diff: changed baseline"
expect_in "$out" "    targets: 2026-02-01: 40 -> 2026-02-01: 30" "diff: changed interim targets"
expect_in "$out" "added    key result KR-new  Added after the period began  (O-a in okrs/2026-Q1.yaml)" "diff: added key result"
expect_in "$out" "removed  key result KR-gone  Dropped later  (O-a in okrs/q1.yaml)" "diff: removed key result"
expect_in "$out" "moved    objective O-a  Objective A  (okrs/q1.yaml -> okrs/2026-Q1.yaml)" "diff: renamed file"
expect_in "$out" "    check-in 2026-02-10 added: 45" "diff: added check-in"
expect_in "$out" "changed  indicator IND-x" "diff: changed indicator"
expect_in "$out" "Progress and status on 2026-02-15:" "diff: progress section"
expect_in "$out" "objective O-a  Objective A" "diff: objective progress changed"

# From a folder below the plan root the paths are shown from there.
run "$repo/plan/okrs" diff HEAD~1 HEAD --as-of 2026-02-15
expect_in "$out" "(O-a in 2026-Q1.yaml)" "diff from a subfolder"

run "$repo/plan" diff HEAD~1 HEAD --as-of 2026-02-15 --format json
python3 - "$first" <<PYEOF || fail "diff --format json:"$'\n'"$out"
import json, sys
doc = json.loads('''$out''')
assert doc["schema"] == "iooi-diff/1"
assert doc["before"]["commit"] == sys.argv[1] and doc["before"]["date"] == "2025-12-20"
items = {(i["kind"], i["id"]): i for i in doc["items"]}
kr = items[("key-result", "KR-a")]
assert {"field": "target", "before": "100", "after": "80"} in kr["fields"], kr
assert items[("key-result", "KR-new")]["change"] == "added"
assert items[("key-result", "KR-gone")]["change"] == "removed"
assert items[("objective", "O-a")]["change"] == "moved"
assert any(c["change"] == "added" and c["date"] == "2026-02-10" for c in kr["checkins"])
assert any(p["id"] == "O-a" for p in doc["progress"])
PYEOF
run "$repo/plan" diff HEAD~1 HEAD --as-of 2026-02-15 --format markdown
expect_in "$out" "## Changes from \`HEAD~1\` (\`$first\`, 2025-12-20) to \`HEAD\`" "diff --format markdown"
expect_in "$out" "  - \`target\`: 100 → 80" "diff markdown: changed field"

# Working tree against HEAD: an edit and an untracked file.
sed -i 's/title: Participants$/title: Participants reached/' "$repo/plan/okrs/2026-Q1.yaml"
cat >"$repo/plan/okrs/extra.yaml" <<'YAML'
objectives:
  - id: O-extra
    title: Not committed yet
    period: 2026-Q1
    owner: team
    aligns_to: [OC-a]
    key_results:
      - {id: KR-extra, title: Extra, baseline: 0, target: 5}
YAML
run "$repo/plan" diff --as-of 2026-02-15
expect_code "$code" 0 "diff (HEAD against the working tree)"
expect_in "$out" "to the working tree" "diff default sides"
expect_in "$out" "    title: Participants -> Participants reached" "diff: working tree edit"
expect_in "$out" "added    objective O-extra" "diff: untracked file"
run "$repo/plan" diff HEAD --as-of 2026-02-15
expect_in "$out" "added    objective O-extra" "diff HEAD"
git -C "$repo" checkout -q -- plan && rm "$repo/plan/okrs/extra.yaml"
run "$repo/plan" diff --as-of 2026-02-15
expect_in "$out" "No element, objective, key result or indicator changed." "diff of a clean tree"

# A side with error findings lists them and the diff goes on.
printf 'objectives: [\n' >"$repo/plan/okrs/broken.yaml"
run "$repo/plan" diff --as-of 2026-02-15
expect_code "$code" 0 "diff with a broken file"
expect_in "$out" "the working tree has 1 error finding" "diff lists the errors of a side"
rm "$repo/plan/okrs/broken.yaml"

# Unknown revision, not a repository: exit 2 with a clear message.
run "$repo/plan" diff no-such-rev --as-of 2026-02-15
expect_code "$code" 2 "unknown revision"
expect_in "$err" "unknown revision 'no-such-rev'" "unknown revision message"
run "$repo/plan" diff HEAD no-such-rev --as-of 2026-02-15
expect_code "$code" 2 "unknown second revision"
plain=$work/plain
mkdir -p "$plain" && cp -r "$repo/plan/." "$plain/"
run "$plain" diff --as-of 2026-02-15
expect_code "$code" 2 "diff outside a repository"
expect_in "$err" "is not inside a git repository" "not a repository message"

# --history where no history can be read: the findings and exit code of a run
# without it, and the note matching NOTE once on stderr.
expect_history_unavailable() {  # DIR WHERE NOTE
  local dir=$1 where=$2 note=$3
  run "$dir" check --as-of 2026-02-15
  local plain_out=$out plain_code=$code
  run "$dir" check --as-of 2026-02-15 --history
  expect_code "$code" "$plain_code" "--history $where: exit code"
  [[ $out == "$plain_out" ]] || fail "--history $where changes the findings"
  [[ $(grep -c -- "$note" <<<"$err") == 1 ]] || fail "one note $where:"$'\n'"$err"
}
expect_history_unavailable "$plain" "outside a repository" "^iooi: note: --history"

# --- shallow clone -----------------------------------------------------------------
git clone -q --depth 1 "file://$repo" "$work/shallow"
expect_history_unavailable "$work/shallow/plan" "in a shallow clone" "fetch-depth: 0"
run "$work/shallow/plan" check --as-of 2026-02-15 --history -q
[[ -z $err ]] || fail "-q silences the shallow-clone note"

# --- many commits, plan at the top of the repository ----------------------------------
# 200 commits made with git fast-import, one a day from 2025-12-01: each appends a
# comment line to the key results' file, and commit 120 (2026-03-30, in the last 150)
# lowers KR-a's target from 80 to 75.
top=$work/top
git -C "$work" init -q -b main top
python3 - "$repo/plan" >"$work/stream" <<'PYEOF' || fail "fast-import stream"
import datetime, os, sys
root = sys.argv[1]
files = {}
for folder, _, names in os.walk(root):
    for name in names:
        path = os.path.join(folder, name)
        files[os.path.relpath(path, root)] = open(path, "rb").read()
okrs = "okrs/2026-Q1.yaml"
out = sys.stdout.buffer
def data(content):
    out.write(b"data %d\n" % len(content) + content + b"\n")
day = datetime.datetime(2025, 12, 1, 12, tzinfo=datetime.timezone.utc)
for n in range(1, 201):
    when = int((day + datetime.timedelta(days=n - 1)).timestamp())
    out.write(b"commit refs/heads/main\nmark :%d\n" % n)
    out.write(b"author Test <test@example.org> %d +0000\n" % when)
    out.write(b"committer Test <test@example.org> %d +0000\n" % when)
    data(b"commit %d" % n)
    if n > 1:
        out.write(b"from :%d\n" % (n - 1))
    if n == 120:
        files[okrs] = files[okrs].replace(b"target: 80\n", b"target: 75\n", 1)
    files[okrs] += b"# %d\n" % n
    for path, content in (files.items() if n == 1 or n == 120 else [(okrs, files[okrs])]):
        out.write(b"M 100644 inline %s\n" % path.encode())
        data(content)
PYEOF
git -C "$top" fast-import --quiet <"$work/stream" || fail "git fast-import"
git -C "$top" checkout -q main
[[ $(git -C "$top" rev-list --count HEAD) == 200 ]] || fail "200 commits"
run "$top" diff HEAD~150 HEAD --as-of 2026-02-15
expect_code "$code" 0 "diff over many commits"
expect_in "$out" "    target: 80 -> 75" "diff HEAD~150 HEAD shows the change of commit 120"
run "$top" diff HEAD~50 HEAD --as-of 2026-02-15
expect_in "$out" "No element, objective, key result or indicator changed." "diff HEAD~50 HEAD: after commit 120"
# --history walks the first-parent line back to 2026-01-01 (commit 32) and finds the
# target that commit 120 lowered.
run "$top" check --history --as-of 2026-04-15
expect_in "$out" "key result 'KR-a' changed since 2026-01-01: target was 80 (now 75) at commit $(git -C "$top" rev-parse --short=7 HEAD~168) of 2026-01-01" "--history over many commits"
[[ $(grep -c "target-changed" <<<"$out") == 1 ]] || fail "one target-changed over many commits:"$'\n'"$out"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "history tests passed"
