#!/usr/bin/env python3
"""Drives `iooi checkin` and checks every result with PyYAML, an independent YAML
reader (docs/checkins.md):

- every key result and indicator of every plan under examples/ gets a check-in: the
  new file is the old one with one run of bytes inserted, PyYAML reads exactly the
  old data plus that check-in, `iooi check` stays clean and the report shows the
  value PyYAML's data gives (the increment added for an accumulating measure);
- the same for examples/broken, where a refused check-in leaves every byte alone;
- plans generated in many styles (block/flow lists and measures, missing or empty
  `checkins`, comments, blank lines, literal and folded notes, CRLF, no final
  newline, tabs, BOM) get random check-ins, each checked the same way.

Usage: crosscheck.py IOOI_BINARY SOURCE_DIR. Exit 77 when PyYAML is missing (1 with
IOOI_REQUIRE_TOOLS=1).
"""
import copy
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    # `make test` installs python3-yaml and sets IOOI_REQUIRE_TOOLS=1: a skip there is a failure.
    print("PyYAML (python3-yaml) is not installed; skipping")
    sys.exit(1 if os.environ.get("IOOI_REQUIRE_TOOLS") == "1" else 77)

IOOI, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []
checked = 0


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def run(args, cwd):
    return subprocess.run([IOOI, *args], cwd=cwd, capture_output=True, timeout=60)


def snapshot(root):
    files = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith((".yaml", ".yml")):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    files[os.path.relpath(path, root)] = f.read()
    return files


def one_insertion(old, new):
    """Whether `new` is `old` with one run of bytes inserted."""
    if len(new) <= len(old):
        return False
    start = 0
    while start < len(old) and old[start] == new[start]:
        start += 1
    inserted = len(new) - len(old)
    return new[:start] + new[start + inserted:] == old or old[start:] == new[start + inserted:]


def load(data):
    text = data.decode("utf-8-sig")
    return yaml.safe_load(text)


def measures_of(doc):
    """(measure dict) for every key result and indicator of a plan file's data."""
    if not isinstance(doc, dict):
        return
    for section, key in (("objectives", "key_results"), ("impacts", "indicators"),
                         ("outcomes", "indicators"), ("outputs", "indicators"),
                         ("inputs", "indicators")):
        for entry in doc.get(section) or []:
            if isinstance(entry, dict):
                for measure in entry.get(key) or []:
                    if isinstance(measure, dict):
                        yield measure


def expected_data(old_doc, measure_id, checkin):
    doc = copy.deepcopy(old_doc)
    for measure in measures_of(doc):
        if measure.get("id") == measure_id:
            if measure.get("checkins") is None:
                measure["checkins"] = []
            measure["checkins"].append(checkin)
    return doc


# The one refusal a generated plan may meet: a file ending, without a final line
# break, in a '|' or '>' note cannot get text after it without changing the note.
ENDS_IN_BLOCK_NOTE = "the file ends in a note written with '|' or '>'"


def record(root, measure_id, value, date, as_of, note=None, confidence=None, must_succeed=True):
    """Runs iooi checkin and checks the result against PyYAML; returns the exit code."""
    global checked
    before = snapshot(root)
    args = ["checkin", measure_id, value, "--as-of", as_of, "--date", date]
    if note is not None:
        args += ["--note", note]
    if confidence is not None:
        args += ["--confidence", str(confidence)]
    result = run(args, root)
    after = snapshot(root)
    checked += 1
    changed = [path for path in after if after[path] != before.get(path)]
    where = f"{root}: checkin {measure_id} {value!r} note={note!r}"
    if result.returncode != 0:
        refused_on_purpose = result.returncode == 2 and ENDS_IN_BLOCK_NOTE in result.stderr.decode()
        if must_succeed and not refused_on_purpose:
            texts = "\n".join(f"--- {p}\n{t.decode(errors='replace')}" for p, t in before.items())
            fail(f"{where}: exit {result.returncode}: {result.stderr.decode(errors='replace')}"
                 f"{texts}")
        if changed:
            fail(f"{where}: refused (exit {result.returncode}) but changed {changed}")
        return result.returncode
    if len(changed) != 1:
        fail(f"{where}: changed {len(changed)} files")
        return 0
    path = changed[0]
    old, new = before[path], after[path]
    if not one_insertion(old, new):
        fail(f"{where}: {path} is not the old text with one insertion")
    parsed_value = yaml.safe_load(value)
    checkin = {"date": datetime.date.fromisoformat(date), "value": parsed_value}
    if confidence is not None:
        checkin["confidence"] = confidence
    if note:
        checkin["note"] = note
    if load(new) != expected_data(load(old), measure_id, checkin):
        fail(f"{where}: PyYAML reads {path} differently than expected:\n{old!r}\n{new!r}\n"
             f"{load(new)!r}\n{expected_data(load(old), measure_id, checkin)!r}")
    return 0


NOTES = [None, "Befragung Q1", "Zwischenstand: 50 %", 'it\'s "quoted"', "#hashtag",
         "Zeile 1\nZeile 2", "a, b [c] {d}", "true", "ünïcödé – ok", "tab\there", "- dash"]


def report_values(root, as_of):
    """Every measure the report shows, id -> value (a report covers the plan's files only)."""
    result = run(["report", "--format", "json", "--period", "all", "--as-of", as_of], root)
    if result.returncode != 0:
        fail(f"{root}: report --as-of {as_of} exits {result.returncode}: {result.stderr.decode()}")
        return {}
    data = json.loads(result.stdout)
    values = {}
    for element in data["elements"]:
        for indicator in element.get("indicators", []):
            values[indicator["id"]] = indicator["value"]
    for objective in data["objectives"]:
        for kr in objective["key_results"]:
            values[kr["id"]] = kr["value"]
    return values


def value_at(measure, as_of):
    """The value a report must show, worked out here from PyYAML's data: the latest
    check-in dated <= as_of (equal dates: the one listed last), for an accumulating
    measure (baseline or 0) plus their sum (docs/progress.md)."""
    checkins = [c for c in measure.get("checkins") or [] if c["date"] <= as_of]
    if not checkins:
        return measure.get("current")
    if measure.get("accumulate") is True:
        return (measure.get("baseline") or 0) + sum(c["value"] for c in checkins)
    return max(enumerate(checkins), key=lambda item: (item[1]["date"], item[0]))[1]["value"]


def same_value(a, b):
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return a == b
    return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))


def value_to_record(measure, n):
    """A valid VALUE for this measure: true/false for a milestone, an increment for an
    accumulating measure, else a number near its target."""
    if measure.get("type") == "milestone":
        return "true" if n % 2 else "false"
    if measure.get("accumulate") is True:
        return str(n % 7 + 1)
    target = measure.get("target")
    if isinstance(target, dict):  # a threshold: at_least, at_most or between
        bound = target.get("at_least", target.get("at_most", (target.get("between") or [1])[0]))
        return str(bound)
    if isinstance(target, (int, float)) and not isinstance(target, bool):
        return str(target)
    return str(measure.get("baseline") or 1)


def all_dates(data):
    if isinstance(data, datetime.date):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from all_dates(value)
    elif isinstance(data, list):
        for value in data:
            yield from all_dates(value)


def measures_by_id(files):
    found = {}
    for path, data in files.items():
        try:
            doc = load(data)
        except Exception:  # noqa: BLE001 -- broken on purpose (Latin-1, 30 February)
            continue
        for measure in measures_of(doc):
            if isinstance(measure.get("id"), str):
                found.setdefault(measure["id"], []).append((path, measure))
    return found


def example_plan(root):
    """Every key result and indicator of a clean example gets a check-in, one after
    another in one copy: each proven with PyYAML, the report shows the value PyYAML's
    data gives, and `iooi check` stays clean."""
    files = snapshot(root)
    dates = [d for data in files.values() for d in all_dates(load(data))]
    # The day of the latest date in the plan, so that no check-in is in the future.
    as_of = max(dates + [datetime.date(2026, 3, 31)]).isoformat()
    if run(["check", "--as-of", as_of], root).returncode != 0:
        fail(f"{root}: `iooi check --as-of {as_of}` is not clean to begin with")
        return
    shown = report_values(root, as_of)
    found = measures_by_id(files)
    # Every measure PyYAML finds in the plan is in the report (a plan of any size).
    missing = sorted(set(found) - set(shown))
    if not shown or missing:
        fail(f"{root}: the report shows {len(shown)} measures; not {', '.join(missing[:5])}")
    for n, measure_id in enumerate(sorted(shown)):
        if len(found.get(measure_id, [])) != 1:
            fail(f"{root}: PyYAML finds {measure_id} {len(found.get(measure_id, []))} times")
            continue
        value = value_to_record(found[measure_id][0][1], n)
        record(root, measure_id, value, as_of, as_of, note=NOTES[n % len(NOTES)],
               confidence=(n % 10) + 1 if n % 3 else None)
        check = run(["check", "--as-of", as_of], root)
        if check.returncode != 0:
            fail(f"{root}: check is not clean after recording {measure_id}: {check.stdout}")
        path, measure = measures_by_id(snapshot(root))[measure_id][0]
        expected = value_at(measure, datetime.date.fromisoformat(as_of))
        actual = report_values(root, as_of).get(measure_id, "missing")
        if not same_value(actual, expected):
            fail(f"{root}: the report shows {actual!r} for {measure_id}, PyYAML's data gives "
                 f"{expected!r} (recorded {value} in {path})")


def broken_plan(root):
    """A plan broken on purpose: whatever is recorded is proven; what is refused is
    untouched; at least one check-in gets through."""
    recorded = 0
    for measure_id, places in sorted(measures_by_id(snapshot(root)).items()):
        value = value_to_record(places[0][1], 1)
        code = record(root, measure_id, value, "2026-03-31", "2026-03-31", must_succeed=False)
        recorded += code == 0
    if recorded == 0:
        fail(f"{root}: not a single check-in could be recorded")


def example_plans(work):
    """Every plan under examples/ (a folder with an iooi.yaml); `broken` is broken on purpose."""
    examples = os.path.join(SOURCE, "examples")
    names = sorted(name for name in os.listdir(examples)
                   if os.path.isfile(os.path.join(examples, name, "iooi.yaml")))
    if len([name for name in names if name != "broken"]) < 1:
        fail(f"no example plan under {examples}")
    for name in names:
        root = os.path.join(work, "example-" + name)
        shutil.copytree(os.path.join(examples, name), root)
        (broken_plan if name == "broken" else example_plan)(root)


# Kinds of measure (docs/format.md): key results may be numeric, milestones,
# accumulating or thresholds; indicators also monitors.
KR_KINDS = ["numeric", "milestone", "accumulate", "threshold"]
INDICATOR_KINDS = ["numeric", "accumulate", "monitor", "threshold"]


def kind_fields(rng, kind, flow_measure):
    """The fields after id and title; a threshold target may be a block mapping."""
    if kind == "milestone":
        return [("type", "milestone")]
    if kind == "monitor":
        return [("type", "monitor"), ("unit", "kWh")] + rng.choice([[], [("baseline", "120")]])
    if kind == "threshold":
        bound = rng.choice(["at_least: 80", "at_most: 30", "between: [10, 90]"])
        if flow_measure or rng.random() < 0.5:
            return [("target", "{" + bound + "}")]
        return [("target", None), ("  " + bound.split(":")[0], bound.split(": ", 1)[1])]
    fields = [("baseline", "0"), ("target", "100")]
    return fields + [("accumulate", "true")] if kind == "accumulate" else fields


def generated_measure(rng, indent, mid, kinds):
    """The lines of one measure in a random kind and style; returns (lines, id, kind)."""
    i = " " * indent
    kind = rng.choice(kinds)
    milestone = kind == "milestone"
    style = rng.choice(["absent", "empty", "brackets", "flow", "flow-multi", "block-flow",
                        "block-block", "block-block-notes"])
    flow_measure = style in ("absent", "brackets", "flow") and rng.random() < 0.4
    fields = [("id", mid), ("title", rng.choice(["Title", "'Quoted: title'", "\"dq\""]))]
    fields += kind_fields(rng, kind, flow_measure)
    value = lambda k: "true" if milestone else str(10 * k)  # noqa: E731
    items = [f"{{date: 2026-01-{10 + k}, value: {value(k)}}}" for k in range(rng.randint(1, 3))]
    if flow_measure:
        body = ", ".join(f"{k}: {v}" for k, v in fields)
        if style == "brackets":
            body += ", checkins: []"
        elif style == "flow":
            body += ", checkins: [" + ", ".join(items) + "]"
        return [f"- {{{body}}}"], mid, kind
    lines = [f"- {fields[0][0]}: {fields[0][1]}"]
    lines += [f"  {k}:" if v is None else f"  {k}: {v}" for k, v in fields[1:]]
    dash = rng.choice(["", i])  # indentless or indented lists
    if style == "empty":
        lines.append("  checkins:" + rng.choice(["", "   # none yet", "  #\ttab"]))
    elif style == "brackets":
        lines.append("  checkins: []")
    elif style == "flow":
        lines.append("  checkins: [" + ", ".join(items) + "]" + rng.choice(["", "  # c"]))
    elif style == "flow-multi":
        lines += ["  checkins: ["] + [f"    {it}," for it in items[:-1]] + [f"    {items[-1]}", "  ]"]
    elif style == "block-flow":
        lines.append("  checkins:")
        for k, it in enumerate(items):
            if rng.random() < 0.3:
                lines += ["", f"  {dash}# comment {k}"]
            lines.append(f"  {dash}- {it}" + rng.choice(["", "  # trailing"]))
    elif style.startswith("block-block"):
        lines.append("  checkins:")
        for k in range(len(items)):
            lines += [f"  {dash}- date: 2026-01-{10 + k}", f"  {dash}  value: {value(k)}"]
            if style.endswith("notes"):
                marker = rng.choice(["|", ">", "|-", ">+", "|2"])
                lines += [f"  {dash}  note: {marker}", f"  {dash}    first line",
                          "", f"  {dash}    # not a comment"]
            if rng.random() < 0.3:
                lines += [f"  {dash}# between", ""]
    return lines, mid, kind


def generated_plans(work, count, seed):
    rng = random.Random(seed)
    for p in range(count):
        root = os.path.join(work, f"gen-{p}")
        os.makedirs(root)
        eol = rng.choice(["\n", "\r\n"])
        indent = rng.choice([2, 4])
        with open(os.path.join(root, "iooi.yaml"), "w", newline="") as f:
            f.write(f"plan:{eol}  name: Generated {p}{eol}")
        i = " " * indent
        lines = ["# generated", "objectives:", f"{i}- id: O-1",
                 f"{i}  title: \"Objective\\twith a tab\"  # and\ta tab in a comment",
                 f"{i}  period: 2026-Q1", f"{i}  key_results:"]
        measures = []
        prefix = " " * (indent + 2 + rng.choice([0, 2]))
        for n in range(rng.randint(1, 4)):
            measure_lines, mid, kind = generated_measure(rng, indent, f"KR-{n}", KR_KINDS)
            lines += [prefix + line if line else "" for line in measure_lines]
            measures.append((mid, kind))
        if rng.random() < 0.6:
            lines += ["", "outcomes:", f"{i}- id: OC-1", f"{i}  title: Outcome",
                      f"{i}  indicators:"]
            for n in range(rng.randint(1, 3)):
                measure_lines, mid, kind = generated_measure(rng, indent, f"IND-{n}",
                                                             INDICATOR_KINDS)
                lines += [prefix + line if line else "" for line in measure_lines]
                measures.append((mid, kind))
        text = eol.join(lines) + (eol if rng.random() < 0.7 else "")
        data = ("\ufeff" if rng.random() < 0.1 else "") + text
        with open(os.path.join(root, "plan.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write(data)
        result = run(["check", "--as-of", "2026-03-31"], root)
        if result.returncode != 0:
            fail(f"{root}: the generated plan is not clean to begin with:\n{data}\n"
                 f"{result.stdout.decode()}")
            continue
        for k in range(rng.randint(1, 4)):
            mid, kind = rng.choice(measures)
            value = rng.choice(["true", "false"] if kind == "milestone" else ["7", "12.5", "-3"])
            date = f"2026-03-{10 + k}"
            record(root, mid, value, date, "2026-03-31", note=rng.choice(NOTES),
                   confidence=rng.choice([None, 1, 10]))


def main():
    with tempfile.TemporaryDirectory() as work:
        example_plans(work)
        generated_plans(work, 60, seed=13)
    print(f"{checked} check-ins recorded and cross-checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
