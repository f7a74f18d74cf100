# The cases of the hostile-input suite, sourced by run_hostile.sh. Each
# case_NAME runs in a fresh empty temporary folder that is the plan root, builds
# its inputs there (big ones at test time, never committed) and asserts with
# run_iooi / expect_exit / expect_out / expect_err (see run_hostile.sh).
# shellcheck shell=bash
# shellcheck disable=SC2154  # out, err, code, case_dir and here are set by run_hostile.sh

AS_OF=(--as-of 2026-03-20)

# A plan root holding only a config, so that the upward search for iooi.yaml
# stops here and no finding comes from outside the case.
plan_root() { printf 'plan:\n  name: hostile\n' >iooi.yaml; }

# A valid plan file with no findings at the default severities.
valid_teams() { printf 'teams:\n  - {id: team, name: Team}\n'; }

# Writes N bytes of YAML comment lines (so the file is valid and cheap to parse).
comment_padding() {
  local bytes=$1
  yes '# padding padding padding padding padding padding padding padding padding pad' |
    head -c "$bytes" | sed '$s/.*/#/'
}

case_invalid_yaml() {
  plan_root
  printf 'teams:\n  - {id: a, name: [unclosed\n' >broken.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^broken\.yaml:[0-9]+:[0-9]+: error: .*\[yaml-syntax\]$'
  expect_err 'in 2 files'

  # A mapping value where a plain scalar goes on with ': '.
  printf 'teams:\n  - id: a\n     name: b: c\n' >broken.yaml
  run_iooi check "${AS_OF[@]}" broken.yaml
  expect_exit 1
  expect_out '^broken\.yaml:3:[0-9]+: error: .*\[yaml-syntax\]$'

  # Duplicate keys are a finding, not a crash, and name the first place.
  printf 'teams:\n  - {id: a, name: b}\nteams: []\n' >dup.yaml
  run_iooi check "${AS_OF[@]}" dup.yaml
  expect_exit 1
  expect_out "^dup\.yaml:3:1: error: key 'teams' appears twice \(first at line 1\).*\[yaml-duplicate-key\]$"
}

case_binary_file() {
  plan_root
  { printf 'teams:\n'; head -c 65536 /dev/urandom; printf '\0\0\0'; } >blob.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^blob\.yaml:[0-9]+:[0-9]+: error: .*(NUL|UTF-8).*\[encoding\]$'
  # One finding for the file, not one per bad byte.
  [[ $(grep -c 'blob\.yaml' "$out") == 1 ]] || fail "expected exactly one finding for blob.yaml"

  # UTF-16 (with its byte order mark) is named as such.
  printf '\xff\xfet\0e\0a\0m\0s\0:\0\n\0' >utf16.yaml
  run_iooi check "${AS_OF[@]}" utf16.yaml
  expect_exit 1
  expect_out '^utf16\.yaml:1:1: error: .*UTF-16.*\[encoding\]$'
}

case_non_utf8_bytes() {
  plan_root
  printf 'teams:\n  - {id: a, name: "Gr\xfc\xdfe"}\n' >latin1.yaml
  run_iooi check "${AS_OF[@]}" latin1.yaml
  expect_exit 1
  # Line 2, column 22: the first bad byte, counted in characters.
  expect_out '^latin1\.yaml:2:22: error: .*0xFC.*\[encoding\]$'

  # Overlong encodings and UTF-16 surrogates are not UTF-8 either.
  printf 'teams:\n  - {id: a, name: "\xc0\xaf"}\n' >overlong.yaml
  printf 'teams:\n  - {id: a, name: "\xed\xa0\x80"}\n' >surrogate.yaml
  printf 'teams:\n  - {id: a, name: "\xe2\x82"}\n' >truncated.yaml
  run_iooi check "${AS_OF[@]}" overlong.yaml surrogate.yaml truncated.yaml
  expect_exit 1
  expect_out '^overlong\.yaml:2:[0-9]+: error: .*\[encoding\]$'
  expect_out '^surrogate\.yaml:2:[0-9]+: error: .*\[encoding\]$'
  expect_out '^truncated\.yaml:2:[0-9]+: error: .*\[encoding\]$'

  # Valid multi-byte UTF-8 (umlauts, CJK, emoji) is fine.
  printf 'teams:\n  - {id: a, name: "Größe 計画 🚀"}\n' >utf8.yaml
  run_iooi check "${AS_OF[@]}" utf8.yaml
  expect_exit 0
}

case_utf8_bom() {
  plan_root
  { printf '\xef\xbb\xbf'; valid_teams; } >bom.yaml
  run_iooi check "${AS_OF[@]}" bom.yaml
  expect_exit 0
  expect_no_out 'bom\.yaml'

  # Positions on the first line do not count the BOM.
  printf '\xef\xbb\xbfteamz: []\n' >bom-typo.yaml
  run_iooi check "${AS_OF[@]}" bom-typo.yaml
  expect_exit 1
  expect_out '^bom-typo\.yaml:1:1: error: .*\[unknown-key\]$'
}

case_crlf_line_ends() {
  plan_root
  valid_teams | sed 's/$/\r/' >crlf.yaml
  run_iooi check "${AS_OF[@]}" crlf.yaml
  expect_exit 0

  printf 'teams:\r\n  - {id: a, name: b}\r\nteamz: []\r\n' >crlf-typo.yaml
  run_iooi check "${AS_OF[@]}" crlf-typo.yaml
  expect_exit 1
  expect_out '^crlf-typo\.yaml:3:1: error: .*\[unknown-key\]$'
  ! grep -q $'\r' "$out" || fail "a carriage return leaked into the output"

  # Old Mac line ends (CR only) do not hang or crash either.
  printf 'teams:\r  - {id: a, name: b}\r' >cr.yaml
  run_iooi check "${AS_OF[@]}" cr.yaml
  [[ $code == 0 || $code == 1 ]] || fail "exit $code for CR-only line ends"
}

case_tabs() {
  plan_root
  printf 'teams:\n\t- {id: a, name: b}\n' >tabs.yaml
  run_iooi check "${AS_OF[@]}" tabs.yaml
  expect_exit 1
  expect_out '^tabs\.yaml:2:[0-9]+: error: .*tab.*\[yaml-syntax\]$'

  # A tab inside a value or before a comment is fine.
  printf 'teams:\n  - {id: a, name: "a\tb"}\t# comment\n' >tab-in-value.yaml
  run_iooi check "${AS_OF[@]}" tab-in-value.yaml
  expect_exit 0
}

case_deep_nesting() {
  plan_root
  # Flow style: 100 000 '[' would overflow a recursive parser's stack.
  { printf 'teams: '; head -c 100000 /dev/zero | tr '\0' '['; printf '\n'; } >deep-flow.yaml
  run_iooi check "${AS_OF[@]}" deep-flow.yaml
  expect_exit 1
  expect_out '^deep-flow\.yaml:1:[0-9]+: error: .*(nesting|deeper).*\[yaml-structure\]$'

  # Block style: 2 000 nested mappings.
  awk 'BEGIN { for (i = 0; i < 2000; i++) printf "%*sk%d:\n", i, "", i }' >deep-block.yaml
  run_iooi check "${AS_OF[@]}" deep-block.yaml
  expect_exit 1
  expect_out '^deep-block\.yaml:[0-9]+:[0-9]+: error: .*(nesting|deeper).*\[yaml-structure\]$'

  # Depth through aliases: each anchor nests the previous one.
  awk 'BEGIN { print "a0: &a0 [x]"; for (i = 1; i < 100; i++) printf "a%d: &a%d [*a%d]\n", i, i, i - 1 }' \
    >deep-alias.yaml
  run_iooi check "${AS_OF[@]}" deep-alias.yaml
  expect_exit 1
  expect_out '^deep-alias\.yaml:[0-9]+:[0-9]+: error: .*(nest|deeper).*\[yaml-structure\]$'
}

case_alias_bomb() {
  plan_root
  # "Billion laughs": 10^9 nodes when expanded, a few hundred bytes on disk.
  {
    echo 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
    for i in 1 2 3 4 5 6 7 8 9; do
      p=$((i - 1))
      echo "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"
    done
  } >bomb.yaml
  run_iooi check "${AS_OF[@]}" bomb.yaml
  expect_exit 1
  expect_out '^bomb\.yaml:[0-9]+:[0-9]+: error: .*alias expansion exceeds 1000000 nodes.*\[yaml-structure\]$'

  # The same through merge keys.
  {
    printf 'base: &m0 {'
    for k in $(seq 1 1000); do printf 'k%d: %d, ' "$k" "$k"; done
    printf 'end: 0}\nuses:\n'
    for i in $(seq 1 2000); do printf '  - {<<: *m0, id: x%d}\n' "$i"; done
  } >merge-bomb.yaml
  run_iooi check "${AS_OF[@]}" merge-bomb.yaml
  expect_exit 1
  expect_out '^merge-bomb\.yaml:[0-9]+:[0-9]+: error: .*exceeds.*\[yaml-structure\]$'

  # Anchors, aliases and merge keys within the limits work as in other YAML tools.
  cat >merge-ok.yaml <<'EOF'
defaults: &kr {unit: people, baseline: 0, target: 10}
EOF
  cat >objectives.yaml <<'EOF'
impacts:
  - {id: I-1, title: Impact}
outcomes:
  - {id: OC-1, title: Outcome, contributes_to: [I-1]}
objectives:
  - id: O-1
    title: Objective
    period: 2026-Q1
    aligns_to: [OC-1]
    key_results:
      - &kr {id: KR-1, title: One, unit: people, baseline: 0, target: 10, current: 5}
      - {<<: *kr, id: KR-2, title: Two}
EOF
  run_iooi check "${AS_OF[@]}" objectives.yaml
  expect_exit 0
  expect_no_out 'error'
}

case_alias_cycle() {
  plan_root
  printf 'a: &a [1, *a]\n' >cycle.yaml
  run_iooi check "${AS_OF[@]}" cycle.yaml
  expect_exit 1
  expect_out '^cycle\.yaml:1:11: error: .*cycle.*\[yaml-structure\]$'

  printf 'a: &a {b: *a}\n' >cycle-map.yaml
  run_iooi check "${AS_OF[@]}" cycle-map.yaml
  expect_exit 1
  expect_out '^cycle-map\.yaml:1:[0-9]+: error: .*cycle.*\[yaml-structure\]$'

  printf 'a: &a\n  <<: *a\n  b: 1\n' >cycle-merge.yaml
  run_iooi check "${AS_OF[@]}" cycle-merge.yaml
  expect_exit 1
  expect_out '^cycle-merge\.yaml:2:7: error: .*cycle.*\[yaml-structure\]$'

  printf 'a: *nowhere\n' >undefined.yaml
  run_iooi check "${AS_OF[@]}" undefined.yaml
  expect_exit 1
  expect_out '^undefined\.yaml:1:4: error: .*not defined.*\[yaml-syntax\]$'
}

case_many_documents() {
  plan_root
  { valid_teams; for i in $(seq 1 20000); do printf -- '---\nteams: [{id: t%d, name: x}]\n' "$i"; done; } \
    >docs.yaml
  run_iooi check "${AS_OF[@]}" docs.yaml
  expect_exit 1
  expect_out '^docs\.yaml:3:1: error: more than one YAML document.*\[yaml-structure\]$'
  [[ $(grep -c 'docs\.yaml' "$out") == 1 ]] || fail "expected exactly one finding for docs.yaml"

  # An explicit end marker followed by nothing is one document.
  { printf -- '---\n'; valid_teams; printf '...\n'; } >one-doc.yaml
  run_iooi check "${AS_OF[@]}" one-doc.yaml
  expect_exit 0
}

# A key result whose numbers are given by $1 (baseline), $2 (target), $3 (value).
numbers_plan() {
  cat <<EOF
impacts:
  - {id: I-1, title: Impact}
outcomes:
  - id: OC-1
    title: Outcome
    contributes_to: [I-1]
    indicators:
      - {id: IND-1, title: Indicator, baseline: $1, target: $2, current: $3}
EOF
}

case_huge_numbers() {
  plan_root
  numbers_plan 1e400 -1e400 1e-400 >overflow.yaml
  run_iooi check "${AS_OF[@]}" overflow.yaml
  expect_exit 1
  expect_out '^overflow\.yaml:8:[0-9]+: error: .*\[type\]$'

  # Finite but beyond what the roll-up computes with (1e15): a finding, not inf/NaN later.
  numbers_plan 0 99999999999999999999999999999999999999 1.7976931348623157e308 >big.yaml
  run_iooi check "${AS_OF[@]}" big.yaml
  expect_exit 1
  expect_out '^big\.yaml:8:[0-9]+: error: `target` is too large a number .*\[type\]$'
  expect_out '^big\.yaml:8:[0-9]+: error: `current` is too large a number .*\[type\]$'

  # A target a hair's breadth from the baseline: the report stays finite.
  numbers_plan 0 1e-300 1e15 >tiny.yaml
  run_iooi report "${AS_OF[@]}" --format csv tiny.yaml
  expect_exit 0
  grep -qiE 'nan|inf' "$out" && fail "non-finite number in the CSV report"

  # Integers that do not fit any machine integer where an integer is expected.
  cat >big-int.yaml <<'EOF'
outcomes:
  - id: OC-1
    title: Outcome
    stage: 99999999999999999999999
    indicators:
      - id: IND-1
        title: Indicator
        baseline: 0
        target: 1
        checkins:
          - {date: 2026-01-01, value: 1, confidence: -99999999999999999999999}
EOF
  printf 'plan:\n  name: x\n  stale_days: 99999999999999999999\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^big-int\.yaml:4:[0-9]+: error: .*\[(type|stage-mismatch)\]$'
  expect_out '^big-int\.yaml:11:[0-9]+: error: .*\[(type|confidence-range)\]$'
  expect_out '^iooi\.yaml:3:[0-9]+: error: .*\[type\]$'

  # Dates far outside the calendar's usual range.
  cat >far-dates.yaml <<'EOF'
objectives:
  - id: O-1
    title: Objective
    period: 99999-Q1
    key_results:
      - id: KR-1
        title: KR
        baseline: 0
        target: 1
        checkins:
          - {date: 9999-12-31, value: 1}
          - {date: 0000-01-01, value: 1}
          - {date: 2147483647-01-01, value: 1}
EOF
  plan_root
  run_iooi check "${AS_OF[@]}" far-dates.yaml
  expect_exit 1
  expect_out '^far-dates\.yaml:4:[0-9]+: error: .*\[(unknown-period|invalid-date|type)\]$'
  expect_out '^far-dates\.yaml:13:[0-9]+: error: .*\[(invalid-date|type)\]$'
}

case_nan_and_infinity() {
  plan_root
  numbers_plan .nan .inf -.inf >nonfinite.yaml
  run_iooi check "${AS_OF[@]}" nonfinite.yaml
  expect_exit 1
  expect_out '^nonfinite\.yaml:8:[0-9]+: error: .*\[type\]$'
  [[ $(grep -c '^nonfinite\.yaml:8:.*\[type\]$' "$out") -ge 3 ]] ||
    fail "expected a type finding for each of baseline, target and current"

  numbers_plan .NaN .Inf +.inf | sed 's/current: +.inf/current: 1, weight: .nan/' >weight.yaml
  run_iooi check "${AS_OF[@]}" weight.yaml
  expect_exit 1
  [[ $(grep -c '^weight\.yaml:8:.*\[type\]$' "$out") -ge 3 ]] ||
    fail "expected a type finding for each of baseline, target and weight"

  # The JSON output stays valid JSON (no NaN literal).
  run_iooi check "${AS_OF[@]}" --format json nonfinite.yaml
  expect_exit 1
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" || fail "check --format json is not valid JSON"
}

case_long_lines_and_strings() {
  plan_root
  # One value of 2 MiB: over the 1 MiB scalar limit.
  { printf 'teams:\n  - id: a\n    name: '; head -c $((2 << 20)) /dev/zero | tr '\0' 'x'; printf '\n'; } >long.yaml
  run_iooi check "${AS_OF[@]}" long.yaml
  expect_exit 1
  expect_out '^long\.yaml:3:[0-9]+: error: .*2097152 bytes.*limit of 1048576.*\[yaml-structure\]$'
  [[ $(stat -c %s "$out") -lt 10000 ]] || fail "the finding repeats the long value"

  # Just under the limit: accepted, and the message does not repeat it.
  { printf 'teams:\n  - id: a\n    name: "'; head -c $((1 << 20)) /dev/zero | tr '\0' 'y' | head -c $(((1 << 20) - 100)); printf '"\n'; } >almost.yaml
  run_iooi check "${AS_OF[@]}" almost.yaml
  expect_exit 0

  # A long key that is unknown: the finding shortens it.
  { printf 'objectives:\n  - id: O-1\n    '; head -c 1000 /dev/zero | tr '\0' 'k'; printf ': 1\n'; } >long-key.yaml
  run_iooi check "${AS_OF[@]}" long-key.yaml
  expect_exit 1
  expect_out '^long-key\.yaml:3:5: error: .*\[unknown-key\]$'
  [[ $(stat -c %s "$out") -lt 900 ]] || fail "the finding repeats the 1000-byte key"
  # YAML allows implicit keys of at most 1024 characters: a longer one is a syntax error.
  { printf 'objectives:\n  - id: O-1\n    '; head -c 500000 /dev/zero | tr '\0' 'k'; printf ': 1\n'; } >longer-key.yaml
  run_iooi check "${AS_OF[@]}" longer-key.yaml
  expect_exit 1
  expect_out '^longer-key\.yaml:3:[0-9]+: error: .*\[yaml-syntax\]$'
  [[ $(stat -c %s "$out") -lt 2000 ]] || fail "the finding repeats the 500 000-byte key"

  # One line of 4 MiB holding a flow list of 2 million items: over the node limit.
  { printf 'teams: ['; yes '1,' | head -n 2000000 | tr -d '\n'; printf '1]\n'; } >wide.yaml
  run_iooi check "${AS_OF[@]}" wide.yaml
  expect_exit 1
  expect_out '^wide\.yaml:1:[0-9]+: error: .*more than 1000000 nodes.*\[yaml-structure\]$'

  # A mapping of 100 000 keys, each a finding: no quadratic slowdown.
  awk 'BEGIN { print "teams:"; print "  - id: a"; print "    name: b"; for (i = 0; i < 100000; i++) printf "    k%d: %d\n", i, i }' >keys.yaml
  run_iooi check "${AS_OF[@]}" keys.yaml
  expect_exit 1
  expect_out '^keys\.yaml:4:5: error: .*\[unknown-key\]$'
  expect_err '^100000 errors'
}

case_big_files() {
  plan_root
  local limit=$((64 << 20))
  # One byte over the limit (sparse, so it costs no disk): refused before it is parsed.
  valid_teams >over.yaml
  truncate -s $((limit + 1)) over.yaml
  run_iooi check "${AS_OF[@]}" over.yaml
  expect_exit 1
  # Exact byte counts: rounded to MiB both would read "64.0 MiB".
  expect_out '^over\.yaml: error: .*67108865 bytes.*limit of 67108864 bytes.*\[yaml-structure\]$'

  # Many gigabytes (sparse): refused just as quickly, never read into memory.
  truncate -s 20G huge.yaml
  run_iooi check "${AS_OF[@]}" huge.yaml
  expect_exit 1
  expect_out '^huge\.yaml: error: .*(21474836480 bytes|20(\.0)? GiB|20480(\.0)? MiB).*limit.*\[yaml-structure\]$'

  # Just under the limit: read and checked like any other file.
  { valid_teams; comment_padding $((limit - 200)); printf '\nteamz: []\n'; } >under.yaml
  local size
  size=$(stat -c %s under.yaml)
  ((size <= limit && size > limit - 1000)) || fail "under.yaml has $size bytes, wanted just under $limit"
  run_iooi check "${AS_OF[@]}" under.yaml
  expect_exit 1
  expect_out '^under\.yaml:[0-9]+:1: error: .*teamz.*\[unknown-key\]$'
}

case_unreadable_file() {
  plan_root
  valid_teams >secret.yaml
  chmod 000 secret.yaml
  run_as_unprivileged
  run_iooi check "${AS_OF[@]}"
  expect_exit 2
  expect_err 'secret\.yaml'
  run_iooi check "${AS_OF[@]}" secret.yaml
  expect_exit 2
  expect_err '^iooi: error: cannot read secret\.yaml: Permission denied$'
}

case_unreadable_folder() {
  plan_root
  mkdir locked
  valid_teams >locked/a.yaml
  chmod 000 locked
  run_as_unprivileged
  run_iooi check "${AS_OF[@]}"
  expect_exit 2
  expect_err '^iooi: error: cannot read folder locked: Permission denied$'
}

case_directory_named_yaml() {
  plan_root
  mkdir -p folder.yaml/inner.yml
  printf 'teamz: []\n' >folder.yaml/inner.yml/plan.yaml
  valid_teams >folder.yaml/ok.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^folder\.yaml/inner\.yml/plan\.yaml:1:1: error: .*\[unknown-key\]$'
  expect_err 'in 3 files'

  run_iooi check "${AS_OF[@]}" folder.yaml
  expect_exit 1
  expect_out '^folder\.yaml/inner\.yml/plan\.yaml:1:1: error: .*\[unknown-key\]$'
}

case_symlink_loops() {
  plan_root
  mkdir -p plans/sub
  valid_teams >plans/sub/a.yaml
  ln -s .. plans/sub/up          # a loop through a parent
  ln -s . plans/self             # a loop onto itself
  ln -s loop-b.yaml plans/loop-a.yaml  # a two-link cycle (ELOOP)
  ln -s loop-a.yaml plans/loop-b.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_no_out 'up/|self/'
  expect_err 'loop-a\.yaml'
  # The links into loops are not followed: iooi.yaml and plans/sub/a.yaml, each once.
  expect_err ' in 2 files$'

  run_iooi check "${AS_OF[@]}" plans/loop-a.yaml
  expect_exit 2
  expect_err 'loop-a\.yaml'
}

case_dangling_symlink() {
  plan_root
  valid_teams >a.yaml
  ln -s does-not-exist.yaml dangling.yaml
  run_iooi check "${AS_OF[@]}"
  [[ $code == 0 ]] || fail "exit $code, expected 0: a dangling link in a folder is skipped with a note"
  expect_err 'dangling\.yaml'

  run_iooi check "${AS_OF[@]}" dangling.yaml
  expect_exit 2
  expect_err 'dangling\.yaml'

  run_iooi check "${AS_OF[@]}" no-such-file.yaml
  expect_exit 2
  expect_err 'no-such-file\.yaml'
}

case_fifo_and_devices() {
  plan_root
  valid_teams >a.yaml
  mkfifo pipe.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_err 'pipe\.yaml'

  # Named on the command line: an input error (exit 2), never read.
  run_iooi check "${AS_OF[@]}" pipe.yaml a.yaml
  expect_exit 2
  expect_err '^iooi: error: pipe\.yaml is a FIFO, not a plan file; name YAML files or folders$'

  # Endless character devices must not be read until memory runs out.
  ln -s /dev/zero zero.yaml
  ln -s /dev/urandom random.yml
  run_iooi check "${AS_OF[@]}" /dev/zero a.yaml
  expect_exit 2
  expect_err '^iooi: error: /dev/zero is a .*device, not a plan file'
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  # Links out of the plan root are not followed at all (docs/security.md) ...
  expect_err '^iooi: note: skipped zero\.yaml: symlink to a place outside the plan root'
  expect_err '^iooi: note: skipped random\.yml: symlink to a place outside the plan root'
  # ... and where they are allowed, a device is still never opened.
  run_iooi check "${AS_OF[@]}" --follow-outside-root
  expect_exit 0
  expect_err 'zero\.yaml.*device'
  expect_err 'random\.yml.*device'
}

case_non_utf8_names() {
  plan_root
  valid_teams >$'caf\xe9.yaml'
  printf 'teamz: []\n' >$'bad\xff\xfe.yaml'
  for format in text json sarif junit gitlab github; do
    run_iooi check "${AS_OF[@]}" --format "$format"
    expect_exit 1
    case $format in
      json | sarif | gitlab)
        python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$out" ||
          fail "check --format $format with a non-UTF-8 file name is not valid UTF-8 JSON"
        ;;
      junit)
        python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$out" ||
          fail "check --format junit with a non-UTF-8 file name is not valid XML"
        ;;
      github)
        expect_out '^::error file=bad.*\.yaml,line=1,col=1,title=unknown-key::'
        ;;
      text)
        expect_out '^bad.*\.yaml:1:1: error: .*\[unknown-key\]$'
        ;;
    esac
  done
}

case_many_files() {
  plan_root
  # 100 001 files, one more than the default limit: refused, not read one by one.
  # Made in memory (tmpfs) when there is one: creating them on disk can take a minute.
  local many=many
  if [[ -d /dev/shm && -w /dev/shm ]]; then
    many=$(mktemp -d /dev/shm/iooi-hostile-many.XXXXXX)
    cleanup_dirs+=("$many")
  else
    mkdir many
  fi
  (cd "$many" && seq -f 'f%06g.yaml' 0 100000 | xargs touch)
  run_iooi check "${AS_OF[@]}" "$many"
  expect_exit 2
  expect_err 'more than 100000 plan files'
}

case_empty_and_blank_files() {
  plan_root
  : >empty.yaml
  printf '\n\n   \n# only a comment\n' >blank.yaml
  printf -- '---\n...\n' >markers.yaml
  printf '~\n' >null.yaml
  run_iooi check "${AS_OF[@]}" empty.yaml blank.yaml markers.yaml null.yaml
  expect_exit 0
  expect_out '^empty\.yaml:1:1: warning: .*\[empty-file\]$'
  expect_out '^blank\.yaml:1:1: warning: .*\[empty-file\]$'
  expect_out '^markers\.yaml:1:1: warning: .*\[empty-file\]$'
  expect_out '^null\.yaml:1:1: warning: .*\[empty-file\]$'

  # A root that is not a mapping.
  printf -- '- a\n- b\n' >list.yaml
  printf 'just text\n' >scalar.yaml
  run_iooi check "${AS_OF[@]}" list.yaml scalar.yaml
  expect_exit 1
  expect_out '^list\.yaml:1:1: error: .*\[yaml-structure\]$'
  expect_out '^scalar\.yaml:1:1: error: .*\[yaml-structure\]$'
}

case_output_is_atomic() {
  plan_root
  valid_teams >a.yaml
  printf 'previous result\n' >result.txt
  chmod 640 result.txt

  # A failing run (missing PATH): the existing file is untouched, no temporary file is left.
  run_iooi check "${AS_OF[@]}" -o result.txt no-such-folder
  expect_exit 2
  [[ $(cat result.txt) == 'previous result' ]] || fail "a failing run changed result.txt"
  [[ -z $(find . -name '.result.txt*' -o -name '*.tmp' -o -name '*iooi-*') ]] || fail "a temporary file was left behind"

  # A bad config: the same.
  run_iooi check "${AS_OF[@]}" -o result.txt --config missing.yaml
  expect_exit 2
  [[ $(cat result.txt) == 'previous result' ]] || fail "a failing run (bad --config) changed result.txt"

  # Writing into a folder that does not exist, or onto a folder: an error, nothing created.
  run_iooi check "${AS_OF[@]}" -o no-such-dir/result.txt
  expect_exit 2
  expect_err 'no-such-dir'
  [[ ! -e no-such-dir ]] || fail "no-such-dir was created"
  mkdir out.d
  run_iooi check "${AS_OF[@]}" -o out.d
  expect_exit 2
  [[ -z $(ls -A out.d) ]] || fail "something was written into out.d"

  # A successful run replaces the file whole and keeps its permissions.
  run_iooi check "${AS_OF[@]}" --format json -o result.txt
  expect_exit 0
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' result.txt || fail "result.txt is not the JSON result"
  [[ $(stat -c %a result.txt) == 640 ]] || fail "permissions of result.txt changed to $(stat -c %a result.txt)"
  [[ -z $(find . -name '.result.txt*') ]] || fail "a temporary file was left behind after success"

  # report refuses to print a plan with errors: the file stays as it was.
  printf 'previous report\n' >report.md
  printf 'teamz: []\n' >bad.yaml
  run_iooi report "${AS_OF[@]}" --format markdown -o report.md
  expect_exit 1
  [[ $(cat report.md) == 'previous report' ]] || fail "a refused report changed report.md"
  [[ -z $(find . -name '.report.md*') ]] || fail "a temporary file was left behind by report"
}

case_limits_from_config() {
  # plan.limits in iooi.yaml raises or lowers the limits for the plan's files.
  printf 'plan:\n  name: x\n  limits: {files: 2, file_size_mib: 1, value_size_kib: 2, expanded_nodes: 100}\n' >iooi.yaml
  valid_teams >a.yaml
  # Exactly at the file limit (iooi.yaml and a.yaml, each counted once).
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_err ' in 2 files$'
  valid_teams | sed 's/id: team/id: other/' >b.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 2
  expect_err 'more than 2 plan files.*--limit files=N'
  rm b.yaml

  # A value over 2 KiB, a file over 1 MiB, more than 100 nodes.
  { printf 'teams:\n  - id: b\n    name: '; head -c 3000 /dev/zero | tr '\0' x; printf '\n'; } >long.yaml
  { valid_teams | sed 's/id: team/id: big/'; comment_padding $((2 << 20)); } >big.yaml
  awk 'BEGIN { print "teams:"; for (i = 0; i < 60; i++) printf "  - {id: t%d, name: n}\n", i }' >nodes.yaml
  rm a.yaml
  printf 'plan:\n  name: x\n  limits: {files: 10, file_size_mib: 1, value_size_kib: 2, expanded_nodes: 100}\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^long\.yaml:3:[0-9]+: error: .*limit of 2048 bytes.*\[yaml-structure\]$'
  expect_out '^big\.yaml: error: .*limit of 1(\.0)? MiB.*--limit file_size_mib=N.*\[yaml-structure\]$'
  expect_out '^nodes\.yaml:[0-9]+:[0-9]+: error: .*more than 100 nodes.*\[yaml-structure\]$'

  # Raised in iooi.yaml (which a pull request may edit): refused with a type
  # finding at the value, the built-in limit stays. --limit raises it.
  printf 'plan:\n  name: x\n  limits: {file_size_mib: 100, expanded_nodes: 2000000}\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^iooi\.yaml:3:[0-9]+: error: `file_size_mib: 100` would raise the limit of 64; iooi\.yaml can only lower limits .*--limit file_size_mib=100.*\[type\]$'
  expect_out '^iooi\.yaml:3:[0-9]+: error: `expanded_nodes: 2000000` would raise the limit of 1000000.*\[type\]$'
  run_iooi check "${AS_OF[@]}" --limit file_size_mib=100 --limit expanded_nodes=2000000
  expect_exit 0
  run_iooi check "${AS_OF[@]}" --limit filez=3
  expect_exit 2
  expect_err '^iooi: error: --limit needs NAME=VALUE with NAME one of file_size_mib, '
  run_iooi check "${AS_OF[@]}" --limit files=0
  expect_exit 2
  expect_err 'whole number from 1 to 1000000000'

  # Lowered in iooi.yaml under a raised --limit: the lower value applies.
  printf 'plan:\n  name: x\n  limits: {file_size_mib: 3, value_size_kib: 4, expanded_nodes: 1000}\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}" --limit file_size_mib=100
  expect_exit 0

  # An alias bomb behind a raised limit in iooi.yaml (plan.limits only lowers): still refused.
  printf 'plan:\n  name: x\n  limits: {expanded_nodes: 1000000000}\n' >iooi.yaml
  {
    echo 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
    for i in 1 2 3 4 5 6 7 8 9; do
      p=$((i - 1))
      echo "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"
    done
  } >bomb.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^bomb\.yaml:[0-9]+:[0-9]+: error: .*alias expansion exceeds 1000000 nodes.*\[yaml-structure\]$'
  rm bomb.yaml

  # Bad values are findings in iooi.yaml, and the defaults stay.
  printf 'plan:\n  limits: {files: 0, filez: 2, value_size_kib: 99999999999, expanded_nodes: .inf}\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}" iooi.yaml
  expect_exit 1
  expect_out '^iooi\.yaml:2:[0-9]+: error: `files` must be 1 or more.*\[type\]$'
  expect_out "^iooi\.yaml:2:[0-9]+: error: .*filez.*did you mean .files.*\[unknown-key\]$"
  expect_out '^iooi\.yaml:2:[0-9]+: error: `value_size_kib` must be a whole number.*\[type\]$'
  expect_out '^iooi\.yaml:2:[0-9]+: error: `expanded_nodes` must be a whole number.*\[type\]$'
}

case_alias_amplification() {
  plan_root
  # Under the node limit, aliases still multiply what the decoder and the checks
  # see: 601 objectives x 100 key results from two lines. It must stay a finding
  # per copy, in bounded time and memory.
  python3 - <<'PY'
krs = ", ".join(["&k {id: K, title: t, baseline: 0, target: 1, checkins: [{date: 2026-01-01, value: 1}]}"] + ["*k"] * 99)
lines = ["objectives:", "  - &o {id: O-1, title: t, period: 2026-Q1, owner: me, key_results: [%s]}" % krs]
lines += ["  - *o"] * 600
open("amp.yaml", "w").write("\n".join(lines) + "\n")
PY
  run_iooi check "${AS_OF[@]}" amp.yaml
  expect_exit 1
  expect_out "^amp\.yaml:2:[0-9]+: error: key result id 'K' is also defined.*\[duplicate-id\]$"
  expect_err '^[0-9]+ errors, [0-9]+ warnings in 2 files$'

  run_iooi report "${AS_OF[@]}" --format json amp.yaml
  expect_exit 1
  [[ ! -s $out ]] || fail "report printed a plan with errors"
}

case_exclude_glob_blowup() {
  # plan.exclude patterns with many '**' against deep paths: a backtracking
  # matcher takes time exponential in the number of '**' (found by this suite:
  # 14 '**' and 40 folders ran for minutes).
  printf 'plan:\n  name: x\n  exclude: ["**/**/**/**/**/**/**/**/**/**/**/**/**/**/nomatch", "**/d3*/**/d3*/**/d3*/**/d3*/**/d3*/**/x"]\n' >iooi.yaml
  local deep=.
  for i in $(seq 1 40); do deep=$deep/d$i; done
  mkdir -p "$deep"
  printf 'teamz: []\n' >"$deep/a.yaml"
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^d1/d2/.*/d40/a\.yaml:1:1: error: .*\[unknown-key\]$'

  # The patterns still exclude what they match.
  printf 'plan:\n  name: x\n  exclude: ["**/**/**/**/**/**/**/**/**/**/**/**/**/**/d40"]\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_err ' in 1 file$'
}

case_paths_too_long() {
  plan_root
  # Folders nested until the path passes PATH_MAX (4096 bytes): what cannot be
  # reached is skipped with a reason, never silently. Made with *at() calls,
  # since the full path is too long for mkdir.
  python3 - <<'PY'
import os
fd = os.open(".", os.O_RDONLY)
for i in range(300):
    name = "folder_%014d" % i
    os.mkdir(name, dir_fd=fd)
    child = os.open(name, os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = child
    if i in (100, 299):
        out = os.open("a.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, b"teamz: []\n")
        os.close(out)
PY
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  # The file at depth 100 (about 2 200 bytes of path) is read ...
  expect_out '^folder_00000000000000/.*/folder_00000000000100/a\.yaml:1:1: error: .*\[unknown-key\]$'
  # ... the folder where the path grows too long is skipped with a note saying why.
  expect_err '^iooi: note: skipped folder_00000000000000/.*: File name too long$'

  # A symlink cycle is called what it is, not "dangling".
  ln -s loop-b.yaml loop-a.yaml
  ln -s loop-a.yaml loop-b.yaml
  run_iooi check "${AS_OF[@]}"
  expect_err '^iooi: note: skipped loop-a\.yaml: symlink loop'
}

case_extreme_finite_numbers() {
  plan_root
  # The largest accepted magnitudes (1e15), a denormal target and big weights:
  # the roll-up stays finite and no output shows nan or inf.
  cat >plan.yaml <<'EOF'
impacts:
  - {id: I-1, title: Impact}
outcomes:
  - id: OC-1
    title: Outcome
    contributes_to: [{id: I-1, weight: 1e15}]
    indicators:
      - {id: IND-1, title: Indicator, baseline: -1e15, target: 1e15, current: 1e15, weight: 1e15}
      - {id: IND-2, title: Indicator2, baseline: 0, target: 5e-324, current: 1e15, weight: 1e15}
objectives:
  - id: O-1
    title: Objective
    period: 2026-Q1
    aligns_to: [{id: OC-1, weight: 1e15}]
    key_results:
      - {id: KR-1, title: One, baseline: 0, target: 1e-300, current: 1e15, weight: 1e15}
      - {id: KR-2, title: Two, baseline: 1e15, target: -1e15, current: 1e15, weight: 1e15}
EOF
  run_iooi report "${AS_OF[@]}" --format json
  expect_exit 0
  python3 -c '
import json, math, sys
report = json.load(open(sys.argv[1]), parse_constant=lambda c: float("nan"))
def numbers(x):
    if isinstance(x, dict):
        for v in x.values(): yield from numbers(v)
    elif isinstance(x, list):
        for v in x: yield from numbers(v)
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        yield x
assert all(math.isfinite(n) for n in numbers(report))
items = report["elements"] + report["objectives"]
items += [m for e in report["elements"] for m in e["indicators"]]
items += [m for o in report["objectives"] for m in o["key_results"]]
assert all(i["progress"] is None or 0 <= i["progress"] <= 1 for i in items)
assert report["objectives"][0]["progress"] == 0.5
' "$out" || fail "report --format json: a non-finite number, a progress outside [0, 1] or a wrong objective progress"
  for format in table markdown csv; do
    run_iooi report "${AS_OF[@]}" --format "$format"
    expect_exit 0
    expect_no_out '(^|[^A-Za-z])-?(nan|inf)([^A-Za-z]|$)'
  done
  for format in mermaid dot; do
    run_iooi graph "${AS_OF[@]}" --format "$format"
    expect_exit 0
    expect_no_out '(^|[^A-Za-z])-?(nan|inf)([^A-Za-z]|$)'
  done
}

case_fuzz_corpus_replay() {
  # Every input in tests/hostile/corpus (fuzzing seeds, and every crash, hang or
  # leak the fuzzer ever found) through the real binary: check, report, graph.
  local corpus=$here/corpus input
  [[ -d $corpus ]] || fail "no corpus at $corpus"
  for input in "$corpus"/*; do
    rm -rf plan && mkdir plan
    # As in the fuzz target, a '#---file' line starts a second file.
    awk -v first=plan/iooi.yaml -v second=plan/plan.yaml \
      'BEGIN { out = first } $0 == "#---file" && out == first { out = second; next } { print > out }' "$input"
    local name=${input##*/}
    run_iooi check "${AS_OF[@]}" --format json plan
    [[ $code == 0 || $code == 1 ]] || fail "check exit $code on corpus input $name"
    run_iooi report "${AS_OF[@]}" --format json plan
    [[ $code == 0 || $code == 1 ]] || fail "report exit $code on corpus input $name"
    run_iooi graph "${AS_OF[@]}" --format dot plan
    [[ $code == 0 || $code == 1 ]] || fail "graph exit $code on corpus input $name"
  done
}

case_special_config_files() {
  # --config naming something that is not a file: exit 2 with the reason, never a hang.
  mkfifo fifo.yaml
  run_iooi check "${AS_OF[@]}" --config fifo.yaml
  expect_exit 2
  expect_err '^iooi: error: config file fifo\.yaml is a FIFO, not a file$'
  run_iooi check "${AS_OF[@]}" --config /dev/zero
  expect_exit 2
  expect_err '^iooi: error: config file /dev/zero is a device, not a file$'
  run_iooi check "${AS_OF[@]}" --config .
  expect_exit 2
  expect_err '^iooi: error: config file \. is a folder, not a file$'
  rm fifo.yaml

  # iooi.yaml that is a folder, a FIFO or a symlink loop is no plan root: it
  # is walked as a folder or skipped with a note.
  mkdir -p folder/iooi.yaml && printf 'teamz: []\n' >folder/iooi.yaml/a.yaml
  mkdir fifo && mkfifo fifo/iooi.yaml
  mkdir loop && ln -s iooi.yaml loop/iooi.yaml
  cd "$case_dir/folder" || return
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^iooi\.yaml/a\.yaml:1:1: error: .*\[unknown-key\]$'
  cd "$case_dir/fifo" || return
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_err '^iooi: note: skipped iooi\.yaml: a FIFO, not a plan file$'
  cd "$case_dir/loop" || return
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_err '^iooi: note: skipped iooi\.yaml: symlink loop$'
}

case_output_special_targets() {
  plan_root
  valid_teams >a.yaml
  # -o through a symlink is refused (a pull request may commit one pointing at
  # ~/.ssh/authorized_keys); --force-output updates the file it points to, and
  # the link stays a link.
  printf 'old\n' >real.txt
  ln -s real.txt link.txt
  run_iooi check "${AS_OF[@]}" --format json -o link.txt
  expect_exit 2
  expect_err '^iooi: error: refusing to write link\.txt: it is a symlink.*--force-output'
  [[ $(cat real.txt) == old ]] || fail "a refused -o changed the link's target"
  run_iooi check "${AS_OF[@]}" --format json --force-output -o link.txt
  expect_exit 0
  [[ -L link.txt ]] || fail "-o replaced the symlink link.txt by a file"
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' real.txt || fail "real.txt (the link's target) did not get the result"
  [[ -z $(find . -name '.*iooi-*') ]] || fail "a temporary file was left behind"

  # -o into a FIFO writes into it (a reader gets the result) and leaves it a FIFO.
  mkfifo result.fifo
  timeout 20 cat result.fifo >from-fifo.txt &
  local reader=$!
  run_iooi check "${AS_OF[@]}" --format json -o result.fifo
  expect_exit 0
  wait "$reader"
  [[ -p result.fifo ]] || fail "-o replaced the FIFO result.fifo by a file"
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' from-fifo.txt || fail "the FIFO's reader did not get the result"

  # -o to a device writes to it and never replaces it: `-o /dev/null` run as
  # root must not turn /dev/null into a file. Tested only on a private copy of
  # the device node: a regression must never break the real /dev/null.
  if mknod null c 1 3 2>/dev/null; then
    run_iooi check "${AS_OF[@]}" -o null
    expect_exit 0
    [[ -c null ]] || fail "-o replaced the device node 'null' by a file"
  else
    echo "  note: mknod is not permitted here; the device-node part is not run"
  fi

  # A dangling symlink: refused; with --force-output the file it names is
  # created and the link kept.
  ln -s created.txt dangling.txt
  run_iooi check "${AS_OF[@]}" -o dangling.txt
  expect_exit 2
  [[ ! -e created.txt ]] || fail "a refused -o created the dangling link's target"
  run_iooi check "${AS_OF[@]}" --force-output -o dangling.txt
  expect_exit 0
  [[ -L dangling.txt && -f created.txt ]] || fail "-o through a dangling symlink did not create its target"
}

case_output_disk_full() {
  plan_root
  # A result that does not fit on the disk: an error, the old file untouched,
  # no temporary file left. Needs a tiny file system (mount as root).
  mkdir small
  if ! mount -t tmpfs -o size=16k tmpfs small 2>/dev/null; then
    skip "cannot mount a small tmpfs here (needs root and mount permission); the disk-full case is not run"
  fi
  cleanup_mounts+=("$case_dir/small")
  printf 'previous result\n' >small/result.json
  # 300 findings: far more than the 16 KiB left.
  awk 'BEGIN { print "teams:"; print "  - id: a"; print "    name: b"; for (i = 0; i < 300; i++) printf "    k%d: %d\n", i, i }' >keys.yaml
  run_iooi check "${AS_OF[@]}" --format json -o small/result.json keys.yaml
  expect_exit 2
  expect_err 'small/result\.json.*No space left on device'
  [[ $(cat small/result.json) == 'previous result' ]] || fail "a failed write changed small/result.json"
  [[ $(ls -A small) == result.json ]] || fail "something was left in small/: $(ls -A small)"
}

case_hostile_command_line() {
  plan_root
  valid_teams >a.yaml
  # Period ids and days at the edges of the calendar: an answer, never a crash.
  local period
  for period in 9999-Q4 0001-H1 0000 2147483647-Q1 99999 "$(head -c 100000 /dev/zero | tr '\0' 9)"; do
    run_iooi report "${AS_OF[@]}" --period "$period" --format json
    case $period in
      9999-Q4 | 0001-H1) expect_exit 0 ;;
      *) expect_exit 2; expect_err "unknown period" ;;
    esac
  done
  local day
  for day in 0000-01-01 0001-01-01 9999-12-31; do
    run_iooi report --as-of "$day" --period all --format csv
    expect_exit 0
    run_iooi check --as-of "$day"
    expect_exit 0
  done
  run_iooi check --as-of 10000-01-01
  expect_exit 2
  run_iooi check --as-of 2026-02-30
  expect_exit 2
  expect_err 'real calendar day'
  # Many PATHs naming the same file: read once.
  local -a same=()
  for i in $(seq 1 2000); do same+=(a.yaml); done
  run_iooi check "${AS_OF[@]}" "${same[@]}"
  expect_exit 0
  expect_err ' in 2 files$'
}

case_output_contained() {
  plan_root
  valid_teams >a.yaml
  # A committed link to a file outside the repository (issue: plan-summary.md ->
  # ~/.ssh/authorized_keys): never written, whatever the subcommand.
  mkdir -p home/.ssh plan
  printf 'ssh-ed25519 AAAA key\n' >home/.ssh/authorized_keys
  cp a.yaml iooi.yaml plan/
  ln -s "$case_dir/home/.ssh/authorized_keys" plan/plan-summary.md
  cd plan || return
  local command
  for command in check report graph; do
    run_iooi "$command" "${AS_OF[@]}" -o plan-summary.md
    expect_exit 2
    expect_err '^iooi: error: refusing to write plan-summary\.md: it is a symlink'
  done
  run_iooi rules -o plan-summary.md
  expect_exit 2
  run_iooi schema -o plan-summary.md
  expect_exit 2
  [[ $(cat "$case_dir/home/.ssh/authorized_keys") == 'ssh-ed25519 AAAA key' ]] ||
    fail "-o wrote through a committed symlink"

  # A committed folder link: the file would land outside the current folder.
  ln -s "$case_dir/home/.ssh" reports
  run_iooi check "${AS_OF[@]}" -o reports/authorized_keys
  expect_exit 2
  expect_err '^iooi: error: refusing to write reports/authorized_keys: it lies outside the current folder'
  run_iooi check "${AS_OF[@]}" -o ../outside.txt
  expect_exit 2
  [[ ! -e ../outside.txt ]] || fail "-o wrote outside the current folder"
  run_iooi check "${AS_OF[@]}" --format json --force-output -o ../outside.txt
  expect_exit 0
  [[ -s ../outside.txt ]] || fail "--force-output did not write ../outside.txt"

  # Devices and FIFOs stay writable wherever they are; a real subfolder is fine.
  run_iooi check "${AS_OF[@]}" -o /dev/null
  expect_exit 0
  mkdir -p out
  run_iooi check "${AS_OF[@]}" -o out/result.txt
  expect_exit 0
  [[ -f out/result.txt ]] || fail "-o out/result.txt was not written"
}

case_reserved_period_ids() {
  # A custom period named `all` (unreachable) or like a built-in id (silently
  # changing what 2026-Q1 means): invalid-id errors, and the period is not used.
  printf 'plan:\n  name: x\n  periods:\n    - {id: all, start: 2026-01-01, end: 2026-12-31}\n    - {id: 2026-Q1, start: 2025-12-01, end: 2026-02-28}\n    - {id: FY26-Q1, start: 2025-12-01, end: 2026-02-28}\n' >iooi.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^iooi\.yaml:4:[0-9]+: error: period id `all` is reserved.*\[invalid-id\]$'
  expect_out '^iooi\.yaml:5:[0-9]+: error: period id `2026-Q1` is a built-in period id.*\[invalid-id\]$'
  [[ $(grep -c 'invalid-id' "$out") == 2 ]] || fail "expected exactly two invalid-id findings"
}

case_alias_scalar_bytes() {
  plan_root
  # An anchored value just under the 1 MiB value limit used as a title 3,000
  # times: a 1.2 MB file that would expand to 3 GB of text.
  python3 - <<'PY'
big = "x" * (1000 * 1024)
lines = ["objectives:", "  - {id: O-0, title: &t %s, period: 2026-Q1}" % big]
lines += ["  - {id: O-%d, title: *t, period: 2026-Q1}" % i for i in range(1, 3000)]
open("titles.yaml", "w").write("\n".join(lines) + "\n")
PY
  local start=$SECONDS
  run_iooi check "${AS_OF[@]}" titles.yaml
  expect_exit 1
  expect_out '^titles\.yaml:[0-9]+:[0-9]+: error: alias expansion exceeds 134217728 bytes of text.*\[yaml-structure\]$'
  ((SECONDS - start < 10)) || fail "took $((SECONDS - start)) s"
  [[ $(stat -c %s "$out") -lt 10000 ]] || fail "the finding repeats the long value"

  # The same file report and graph refuse the same way.
  run_iooi report "${AS_OF[@]}" --format json titles.yaml
  expect_exit 1
  [[ ! -s $out ]] || fail "report printed a plan with errors"
}

case_symlinks_out_of_the_root() {
  plan_root
  valid_teams >a.yaml
  # Committed links to the runner's secrets and to big system folders: skipped
  # with a note naming the link, never opened, never quoted.
  mkdir -p "$case_dir.home"
  cleanup_dirs+=("$case_dir.home")
  printf 'password: hunter2-SECRET\n' >"$case_dir.home/.git-credentials"
  ln -s "$case_dir.home/.git-credentials" credentials.yaml
  ln -s /etc/passwd passwd.yaml
  ln -s /proc/self/status status.yaml
  ln -s /usr usr
  mkdir -p sub && ln -s ../../"$(basename "$case_dir").home" sub/home
  local start=$SECONDS
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  ((SECONDS - start < 10)) || fail "took $((SECONDS - start)) s: were the links followed?"
  local link
  for link in credentials.yaml passwd.yaml status.yaml usr sub/home; do
    expect_err "^iooi: note: skipped ${link//./\\.}: symlink to a place outside the plan root \\(--follow-outside-root reads it\\)$"
  done
  expect_err ' in 2 files$'
  ! grep -qE 'hunter2|root:|VmPeak|/etc|/proc|/usr' "$out" "$err" || fail "a link's target or content was shown"

  # Each output format: nothing of the targets either.
  run_iooi check "${AS_OF[@]}" --format sarif
  ! grep -qE 'hunter2|root:' "$out" || fail "SARIF output quotes a file outside the root"

  # Allowed explicitly: the credentials file is read (an unknown-key finding).
  run_iooi check "${AS_OF[@]}" --follow-outside-root credentials.yaml passwd.yaml
  expect_exit 1
  expect_out '^credentials\.yaml:1:1: error: .*\[unknown-key\]$'

  # A PATH the user names is read even outside the root; links inside it may
  # not leave it.
  mkdir -p "$case_dir.home/plans"
  valid_teams | sed 's/id: team/id: other/' >"$case_dir.home/plans/b.yaml"
  ln -s "$case_dir.home/.git-credentials" "$case_dir.home/plans/creds.yaml"
  run_iooi check "${AS_OF[@]}" "$case_dir.home/plans"
  expect_exit 0
  expect_err "skipped $case_dir\\.home/plans/creds\\.yaml: symlink to a place outside $case_dir\\.home/plans "
  expect_err ' in 1 file$'

  # A committed iooi.yaml that is itself a link out of the root is not the config.
  mkdir linked && cd linked || return
  ln -s "$case_dir.home/.git-credentials" iooi.yaml
  valid_teams >a.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  expect_err '^iooi: note: skipped iooi\.yaml: symlink to a place outside the plan root'
  ! grep -q hunter2 "$out" "$err" || fail "the linked iooi.yaml was read"
}

case_config_stops_at_repository_root() {
  # An iooi.yaml above the repository (another checkout, the runner's home)
  # switches rules off and names no exclude: it must not be adopted.
  printf 'plan:\n  name: ancestor\n  rules: {unknown-key: off}\n' >iooi.yaml
  mkdir -p repo/plans repo/.git
  printf 'teamz: []\n' >repo/plans/a.yaml
  cd repo || return
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  expect_out '^plans/a\.yaml:1:1: error: .*\[unknown-key\]$'
  expect_err ' in 1 file$'
  run_iooi check "${AS_OF[@]}" plans
  expect_exit 1
  expect_out '^plans/a\.yaml:1:1: error: .*\[unknown-key\]$'

  # .git as a file (worktrees, submodules) ends the search too.
  rmdir .git && printf 'gitdir: /elsewhere\n' >.git
  run_iooi check "${AS_OF[@]}"
  expect_exit 1
  # Without a repository the ancestor's config applies (the search goes upwards).
  rm .git
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  # --config names one explicitly, wherever it is.
  mkdir .git
  run_iooi check "${AS_OF[@]}" --config ../iooi.yaml
  expect_exit 0
}

case_run_wide_node_budget() {
  plan_root
  # 20 files of under 1 KB, each expanding to about 900,000 nodes (under the
  # per-file limit): together over the run-wide 10,000,000.
  python3 - <<'PY'
krs = ", ".join(["&k {id: K, title: t, baseline: 0, target: 1, checkins: [{date: 2026-01-01, value: 1}]}"] + ["*k"] * 99)
lines = ["objectives:", "  - &o {id: O-1, title: t, period: 2026-Q1, owner: me, key_results: [%s]}" % krs]
lines += ["  - *o"] * 590
text = "\n".join(lines) + "\n"
for i in range(20):
    open("amp%02d.yaml" % i, "w").write(text)
PY
  # A sanitizer build decodes too slowly for the default within the time limit:
  # there the same files meet a lowered --limit.
  local -a budget=() total=10000000
  if [[ $sanitized == 1 ]]; then budget=(--limit total_nodes=2000000) total=2000000; fi
  local start=$SECONDS
  run_iooi check "${AS_OF[@]}" "${budget[@]}"
  expect_exit 2
  expect_err "^iooi: error: the plan files together have more than $total YAML nodes \\(aliases expanded\\).*--limit total_nodes=N\$"
  ((SECONDS - start < 20)) || fail "took $((SECONDS - start)) s"
  # plan.limits lowers it.
  printf 'plan:\n  name: hostile\n  limits: {total_nodes: 100}\n' >iooi.yaml
  rm amp*.yaml
  valid_teams >a.yaml
  run_iooi check "${AS_OF[@]}"
  expect_exit 0
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do valid_teams | sed "s/id: team/id: t$i/" >"t$i.yaml"; done
  run_iooi check "${AS_OF[@]}"
  expect_exit 2
  expect_err 'more than 100 YAML nodes'
}

case_out_of_memory() {
  plan_root
  if [[ $sanitized == 1 ]]; then
    skip "a sanitizer build stops at its RSS limit instead of failing an allocation"
  fi
  # The alias-scalar file of case alias_scalar_bytes with the byte budget lifted
  # on the command line: decoding runs out of memory under the 1024 MiB limit,
  # and says so, naming the file (not an internal error).
  python3 - <<'PY'
big = "x" * (1000 * 1024)
lines = ["objectives:", "  - {id: O-0, title: &t %s, period: 2026-Q1}" % big]
lines += ["  - {id: O-%d, title: *t, period: 2026-Q1}" % i for i in range(1, 3000)]
open("titles.yaml", "w").write("\n".join(lines) + "\n")
PY
  run_iooi check "${AS_OF[@]}" --limit expanded_size_mib=100000 titles.yaml
  expect_exit 2
  expect_err '^iooi: error: out of memory while reading titles\.yaml; '
}

# A plan whose ids, titles, owners, units and file names carry GitHub workflow
# commands (`::cmd::` after a line break, the legacy `##[cmd]` anywhere) and
# terminal control sequences (cursor up, erase line, OSC window title and
# clipboard). Writes plan.yaml (warnings and errors) and, with "clean", a plan
# without errors that report and graph print.
hostile_text_plan() {
  python3 - "${1:-}" <<'PY'
import sys
inject = "\n::stop-commands::pwned\n::add-mask::SECRET\n##[add-mask]Failed "
term = "\x1b[1A\x1b[2K\x1b]0;owned\x07\x1b]52;c;cHduZWQ=\x07\x1b[6A\x1b[J0 errors, 0 warnings\r"
def q(s):  # a YAML double-quoted scalar
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\x1b", "\\e").replace("\x07", "\\a").replace("\r", "\\r") + '"'
clean = sys.argv[1] == "clean"
element = q("OC" + inject + term)
obj = ["objectives:"]
for i in range(6):
    align = element if clean else q("OC-missing" + inject + term + str(i))
    obj += ["  - id: %s" % q("O-%d%s" % (i, inject if i == 0 else "")),
            "    title: %s" % q("T" + inject + term + "<!-- %%{init: {'theme':'dark'}}%% |x|`"),
            "    period: 2026-Q1",
            "    owner: %s" % q("team" + inject + "<img src=x>[l](http://x)" + term),
            "    aligns_to: [%s]" % align,
            "    key_results:",
            "      - {id: %s, title: %s, unit: %s, baseline: 0, target: 10, checkins: [{date: 2026-03-01, value: 5}]}"
            % (q("KR-%d" % i), q("K" + inject + term), q("u" + inject))]
chain = ["outcomes:", "  - id: %s" % element, "    title: %s" % q("C" + inject + term), "    stage: 5"]
open("plan.yaml", "w").write("\n".join(chain + obj) + "\n")
PY
}

# No line of stdout or stderr starts a workflow command (the runner trims leading
# blanks) other than iooi's own annotations, and no line holds a legacy one.
expect_no_foreign_workflow_commands() {
  local file
  for file in "$out" "$err"; do
    # The runner also ends a line at a bare CR.
    # The runner also ends a line at a bare CR. iooi's own annotations are parsed
    # as such, so what they hold cannot start another command.
    if tr '\r' '\n' <"$file" | LC_ALL=C grep -avE '^::(error|warning|notice) [^:]*::' |
      LC_ALL=C grep -aqE '^[[:space:]]*::|##(vso)?\['; then
      fail "a line holds a workflow command iooi did not mean: $last_run"
    fi
  done
}

# run_iooi as a step of GitHub Actions runs it: stdout and stderr go to the log
# through pipes.
run_iooi_github() { HOSTILE_GITHUB_ACTIONS=true HOSTILE_STDOUT=pipe run_iooi "$@"; }
# The same step with stdout redirected to a file (`iooi report > report.json`).
run_iooi_github_to_file() { HOSTILE_GITHUB_ACTIONS=true run_iooi "$@"; }

case_github_log() {
  # invalid-id off: ids with line breaks reach every rule's message and every report.
  printf 'plan:\n  name: "hostile\\n::add-mask::x"\n  rules: {invalid-id: off}\n' >iooi.yaml
  hostile_text_plan
  # A dangling link and a file whose names break the line and start commands.
  ln -s nowhere "$(printf 'x\n::stop-commands::pwned\n##[add-mask]y.yaml')"
  printf 'teamz: []\n' >"$(printf 'z\n::add-mask::SECRET\n.yaml')"
  local -a formats=(github text json sarif junit gitlab)
  local format
  for format in auto "${formats[@]}"; do
    run_iooi_github check "${AS_OF[@]}" --format "$format"
    expect_exit 1
    expect_no_foreign_workflow_commands
  done
  # auto under Actions: annotations; the unknown references are there.
  run_iooi_github check "${AS_OF[@]}"
  expect_out '^::error file=plan\.yaml,line=[0-9]+,col=[0-9]+,title=unknown-reference::'
  expect_err 'skipped x.::stop-commands::pwned.##%5Badd-mask\]y\.yaml'
  # report and graph refuse, printing the findings on stderr.
  run_iooi_github report "${AS_OF[@]}"
  expect_exit 1
  expect_no_foreign_workflow_commands
  expect_err 'unknown-reference'
  run_iooi_github graph "${AS_OF[@]}"
  expect_exit 1
  expect_no_foreign_workflow_commands

  # A plan without errors: every report and graph format on stdout.
  rm -f -- plan.yaml z*.yaml
  hostile_text_plan clean
  for format in table markdown html json csv; do
    run_iooi_github report "${AS_OF[@]}" --period all --format "$format"
    expect_exit 0
    expect_no_foreign_workflow_commands
  done
  for format in mermaid dot; do
    run_iooi_github graph "${AS_OF[@]}" --format "$format"
    expect_exit 0
    expect_no_foreign_workflow_commands
  done
}

case_github_log_is_not_a_file() {
  # Under GitHub Actions only the log is filtered: a stdout that the step
  # redirected to a regular file keeps the result byte for byte (a JSON report
  # with `##[` in a title stays the same JSON), while a pipe, which the runner
  # reads as the log, and stderr, always, are filtered (docs/security.md).
  printf 'plan:\n  name: "log ##[group]x"\n' >iooi.yaml
  printf 'outputs:\n  - {id: OP-1, title: "##[add-mask]title"}\n' >plan.yaml
  run_iooi report "${AS_OF[@]}" --period all --format json
  expect_exit 0
  cp "$out" plain.json
  run_iooi_github_to_file report "${AS_OF[@]}" --period all --format json
  expect_exit 0
  cmp -s plain.json "$out" || fail "stdout redirected to a file differs from the run outside Actions"
  expect_out '"title": ?"##\[add-mask\]title"'
  run_iooi_github report "${AS_OF[@]}" --period all --format json
  expect_exit 0
  expect_no_foreign_workflow_commands
  expect_out '##%5Badd-mask\]title'
  # stderr is the log either way: the refusal's findings are filtered.
  printf 'objectives:\n  - {id: O-1, title: t, period: 2026-Q1, aligns_to: ["##[add-mask]x"]}\n' >>plan.yaml
  run_iooi_github_to_file report "${AS_OF[@]}" --period all --format json
  expect_exit 1
  expect_no_foreign_workflow_commands
  expect_err '##%5Badd-mask\]x'
}

# The HTML report of a plan whose every text holds terminal escapes, line breaks,
# workflow commands, bidi overrides and isolates, and HTML that closes the page's
# elements (</title>, </style>, </svg>) or opens its own (<script>, <style>,
# <img onerror>): what a browser builds of it holds no element, attribute or URL
# from the plan, and the page no control or bidi character (docs/security.md).
case_html_report_contained() {
  printf 'plan:\n  name: "hostile </title><script>alert(0)</script>"\n  rules: {invalid-id: off}\n' >iooi.yaml
  hostile_text_plan clean
  python3 - <<'PY'
html = "</style><style>*{display:none}</style></svg><img src=x onerror=alert(1)><a href='javascript:x'>\"'`"
bidi = "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200f"
title = ("X " + html + bidi + " Ωμέγα 指標 مؤشر").replace("\\", "\\\\").replace('"', '\\"')
open("extra.yaml", "w", encoding="utf-8").write(
    'outputs:\n  - {id: OP-1, title: "%s", description: "%s"}\n' % (title, title))
PY
  run_iooi report "${AS_OF[@]}" --period all --format html
  expect_exit 0
  python3 - "$out" <<'PY' || fail "the HTML report lets plan text out of its text nodes"
import re, sys
from html.parser import HTMLParser
page = open(sys.argv[1], encoding="utf-8").read()
class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.counts = {"script": 0, "style": 0, "img": 0, "iframe": 0, "a": 0}
        self.bad_attributes = []
    def handle_starttag(self, tag, attrs):
        if tag in self.counts: self.counts[tag] += 1
        for name, value in attrs:
            if name.startswith("on") or name in ("href", "src") or "javascript:" in (value or ""):
                self.bad_attributes.append(name)
    handle_startendtag = handle_starttag
c = Collect(); c.feed(page); c.close()
problems = []
if c.counts != {"script": 0, "style": 1, "img": 0, "iframe": 0, "a": 0}: problems.append(c.counts)
if c.bad_attributes: problems.append(c.bad_attributes)
if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", page): problems.append("control or bidi character")
if "Ωμέγα 指標 مؤشر" not in page: problems.append("non-Latin text lost")
print(problems or "ok")
sys.exit(1 if problems else 0)
PY
  # In a CI log (piped), no line of it commands the runner.
  run_iooi_github report "${AS_OF[@]}" --period all --format html
  expect_exit 0
  expect_no_foreign_workflow_commands
}

case_terminal_screen() {
  command -v tmux >/dev/null || skip "tmux is missing (make test-deps installs it)"
  printf 'plan:\n  name: hostile\n  rules: {invalid-id: off}\n' >iooi.yaml
  hostile_text_plan
  # iooi check in a real terminal (a tmux pane): the ids and titles hold cursor
  # up, erase line/screen, OSC window-title and clipboard writes and a fake
  # "0 errors, 0 warnings". Every finding must stay on the screen.
  local socket=$case_dir/.tmux command
  command="env GITHUB_ACTIONS= NO_COLOR= $(printf '%q' "$binary") check ${AS_OF[*]}; echo iooi-exit=\$?; sleep 60"
  tmux -S "$socket" -f /dev/null new-session -d -x 1000 -y 200 -c "$case_dir" "$command" ||
    skip "tmux cannot start a session here"
  local tries=0
  until tmux -S "$socket" capture-pane -p | grep -q '^iooi-exit='; do
    ((++tries > 100)) && break
    sleep 0.2
  done
  tmux -S "$socket" capture-pane -p -J >screen.txt
  local title
  title=$(tmux -S "$socket" display-message -p '#{pane_title}')
  tmux -S "$socket" kill-server
  last_run="iooi check in tmux"
  out=screen.txt
  expect_out '^iooi-exit=1$'
  [[ $(grep -c 'error: .*\[unknown-reference\]$' screen.txt) == 6 ]] ||
    fail "the screen does not show the six unknown-reference errors"
  expect_out '^[1-9][0-9]* errors?, [0-9]+ warnings?(, [0-9]+ infos?)? in [0-9]+ files?$'
  expect_no_out '^0 errors'
  [[ $title != *owned* ]] || fail "the plan set the window title: $title"
}

case_did_you_mean_budget() {
  plan_root
  # Unknown names are compared with the known ones for a suggestion: a 200 KB
  # id with one near miss, and 4,000 near-miss references among 4,000 ids,
  # must cost about as much as reading them.
  python3 - <<'PY'
long_id = "a" * 200000
open("long.yaml", "w").write(
    "outcomes:\n  - {id: %s, title: t, stage: 5}\n"
    "objectives:\n  - {id: O-long, title: t, period: 2026-Q1, aligns_to: [%sb]}\n"
    % (long_id, long_id[:-1]))
n = 4000
lines = ["outcomes:"] + ["  - {id: OC-element-%04d, title: t, stage: 5}" % i for i in range(n)]
lines += ["objectives:", "  - id: O-many", "    title: t", "    period: 2026-Q1", "    aligns_to:"]
lines += ["      - OC-elemnet-%04d" % i for i in range(n)]
open("many.yaml", "w").write("\n".join(lines) + "\n")
PY
  # Before the bounds: more than a minute and 26 s (release build). A sanitizer
  # build is ten times slower.
  local bound=5
  if [[ $sanitized == 1 ]]; then bound=60; fi
  local start=$SECONDS
  run_iooi check "${AS_OF[@]}" long.yaml
  expect_exit 1
  expect_out '^long\.yaml:4:[0-9]+: error: aligns_to names .*\[unknown-reference\]$'
  ((SECONDS - start < bound)) || fail "a 200 KB id took $((SECONDS - start)) s"
  [[ $(stat -c %s "$out") -lt 20000 ]] || fail "the finding repeats the 200 KB id"
  start=$SECONDS
  run_iooi check "${AS_OF[@]}" many.yaml
  expect_exit 1
  [[ $(grep -c "unknown-reference" "$out") == 4000 ]] || fail "expected 4000 unknown-reference errors"
  expect_out "^many\\.yaml:[0-9]+:[0-9]+: error: aligns_to names 'OC-elemnet-0042', which is not defined \\(did you mean 'OC-element-0042'\\?\\)"
  ((SECONDS - start < bound)) || fail "4,000 near misses took $((SECONDS - start)) s"
}

case_run_wide_findings_budget() {
  plan_root
  # Six files of under 1 KB whose aliases expand (under the node limits) to
  # hundreds of thousands of key results, each with duplicate ids and a stale
  # check-in: a run shows 10,000 findings and one line for the rest, with the
  # exit code of all of them, in bounded time and memory.
  # A sanitizer build decodes ten times slower: there one file.
  local files=6
  if [[ $sanitized == 1 ]]; then files=1; fi
  python3 - "$files" <<'PY'
import sys
krs = ", ".join(["&k {id: K, title: t, baseline: 0, target: 1, checkins: [{date: 2026-01-01, value: 1}]}"] + ["*k"] * 99)
lines = ["objectives:", "  - &o {id: O-1, title: t, period: 2026-Q1, owner: me, key_results: [%s]}" % krs]
lines += ["  - *o"] * 590
text = "\n".join(lines) + "\n"
for i in range(int(sys.argv[1])):
    open("amp%02d.yaml" % i, "w").write(text)
PY
  local -a budget=()
  local start=$SECONDS
  run_iooi check "${AS_OF[@]}" "${budget[@]}"
  expect_exit 1
  ((SECONDS - start < 20)) || fail "took $((SECONDS - start)) s"
  [[ $(wc -l <"$out") == 10001 ]] || fail "expected 10,000 findings and one line more, got $(wc -l <"$out") lines"
  [[ $(tail -n 1 "$out") =~ ^and\ [0-9]+\ more\ findings\ not\ shown\ \([0-9]+\ errors,\ [0-9]+\ warnings.*\):\ a\ run\ shows\ at\ most\ 10000 ]] ||
    fail "the last line is not the summary of the rest: $(tail -n 1 "$out")"
  expect_err '^[0-9]{5,} errors, [0-9]+ warnings.* in '"$((files + 1))"' files$'
  # Each format says it in its own syntax.
  run_iooi check "${AS_OF[@]}" "${budget[@]}" --format github
  expect_exit 1
  [[ $(tail -n 1 "$out") =~ ^::warning\ title=iooi::and\ [0-9]+\ more\ findings ]] || fail "github: no summary annotation"
  run_iooi check "${AS_OF[@]}" "${budget[@]}" --format json
  expect_exit 1
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["findings"]) == 10000 and d["omitted"]["errors"] > 0 and d["summary"]["errors"] > 10000' "$out" ||
    fail "json: findings, omitted or summary wrong"
  run_iooi check "${AS_OF[@]}" "${budget[@]}" --format sarif
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]; assert len(r["results"]) == 10000; assert "more findings" in r["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]' "$out" ||
    fail "sarif: results or notification wrong"
  run_iooi check "${AS_OF[@]}" "${budget[@]}" --format junit
  expect_out '<testcase name="\(more findings\)"'
  run_iooi check "${AS_OF[@]}" "${budget[@]}" --format gitlab
  expect_out '"fingerprint": ?"iooi-more-findings"'
  # Errors left out still fail the run; report refuses as for any error.
  run_iooi report "${AS_OF[@]}" "${budget[@]}"
  expect_exit 1
}

case_decoder_findings_budget() {
  # The findings cap holds for reader and decoder findings too, not only for the
  # rules': 20 files of 430 KB, each with 25,000 unknown keys (half a million
  # unknown-key findings), are read in 30 MiB of findings, not 150. The memory
  # limit is that of such a run with the cap (the run without it needs 256 MiB);
  # two jobs, as each thread adds its own malloc arena to the address space.
  # A sanitizer build (its own memory limit, ten times slower): four files.
  printf 'plan:\n  name: hostile\n  rules: {unknown-key: warning}\n' >iooi.yaml
  local files=20
  if [[ $sanitized == 1 ]]; then files=4; else local MEMORY_LIMIT_MB=160; fi
  python3 - "$files" <<'PY'
import sys
text = "teams:\n  - id: a\n    name: b\n" + "".join("    k%d: %d\n" % (i, i) for i in range(25000))
for i in range(int(sys.argv[1])):
    open("f%02d.yaml" % i, "w").write(text)
PY
  local start=$SECONDS
  run_iooi check "${AS_OF[@]}" --jobs 2
  # Exit 1: the duplicate team ids are errors, the unknown keys warnings.
  expect_exit 1
  ((SECONDS - start < 20)) || fail "took $((SECONDS - start)) s"
  [[ $(wc -l <"$out") == 10001 ]] || fail "expected 10,000 findings and one line more, got $(wc -l <"$out") lines"
  local omitted=$((files * 25000 - 10000))
  [[ $(tail -n 1 "$out") =~ ^and\ $((omitted + files - 1))\ more\ findings\ not\ shown\ \($((files - 1))\ errors,\ $omitted\ warnings\) ]] ||
    fail "the last line does not count the rest by plan.rules: $(tail -n 1 "$out")"
  expect_err "^$((files - 1)) errors, $((files * 25000)) warnings in $((files + 1)) files\$"
  # The shown ones are the first in path order, whatever the number of jobs.
  cp "$out" first.txt
  run_iooi check "${AS_OF[@]}" --jobs 1
  cmp -s first.txt "$out" || fail "--jobs 1 shows other findings than --jobs 2"
}

case_many_owners() {
  plan_root
  # 80,000 objectives, each with an owner of its own: grouping by owner is one
  # map lookup per objective, so Markdown and JSON stay within the time limit
  # (a quadratic grouping took 47 s and 7 s). A sanitizer build takes 8,000.
  local owners=80000
  if [[ $sanitized == 1 ]]; then owners=8000; fi
  python3 - "$owners" <<'PY'
import os, sys
owners = int(sys.argv[1])
os.mkdir("many")
per_file = owners // 4  # four files: each under the per-file node limit
for f in range(4):
    lines = ["objectives:"]
    for i in range(f * per_file, (f + 1) * per_file):
        lines += ["  - id: O-%d" % i, "    title: t", "    period: 2026-Q1", "    owner: owner-%d" % i,
                  "    key_results:", "      - id: K-%d" % i, "        title: k", "        baseline: 0",
                  "        target: 10", "        current: 5"]
    open("many/o%d.yaml" % f, "w").write("\n".join(lines) + "\n")
PY
  run_iooi report "${AS_OF[@]}" --format json -q many
  expect_exit 0
  [[ $(grep -c '"owner": "owner-' "$out") -ge $owners ]] || fail "expected $owners owners in the JSON report"
  run_iooi report "${AS_OF[@]}" --format markdown -q many
  expect_exit 0
  [[ $(grep -c '^### `owner-' "$out") == "$owners" ]] || fail "expected $owners owner headings"
}

case_huge_chain() {
  plan_root
  # 20,000 elements in four levels, each contributing to five of the next level: dot
  # would lay such a chain out for minutes. The HTML report says it is too big to draw
  # and lists every element; a chain within the bounds is drawn (report-html goldens).
  local elements=20000
  if [[ $sanitized == 1 ]]; then elements=4000; fi
  python3 - "$elements" <<'PY'
import os, sys
elements = int(sys.argv[1])
levels = ["inputs", "outputs", "outcomes", "impacts"]
per_level = elements // 4
os.mkdir("chain")
for level, section in enumerate(levels):
    lines = [section + ":"]
    for i in range(per_level):
        lines.append("  - id: E-%d-%d" % (level, i))
        lines.append("    title: element %d of %s" % (i, section))
        if level < 3:
            targets = ", ".join("E-%d-%d" % (level + 1, (i * 7 + k) % per_level) for k in range(5))
            lines.append("    contributes_to: [%s]" % targets)
    open("chain/%s.yaml" % section, "w").write("\n".join(lines) + "\n")
PY
  run_iooi report "${AS_OF[@]}" --period all --format html -q chain
  expect_exit 0
  grep -q "The chain has $elements elements and $((elements / 4 * 3 * 5)) arrows, too many" "$out" ||
    fail "no sentence about the chain's size"
  ! grep -q '<svg class="chain"' "$out" || fail "a chain of $elements elements was laid out"
  [[ $(grep -c '<code>E-0-' "$out") -ge $((elements / 4)) ]] || fail "the inputs are not all listed"
}
