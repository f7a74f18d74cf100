#!/usr/bin/env python3
"""The alternative users have today: a hand-written PyYAML script over the plan.

Loads every *.yaml/*.yml below ROOT (skipping names that start with '.', sorted,
as iooi does) with yaml.load(..., Loader=CSafeLoader) when PyYAML was built with
libyaml (else yaml.safe_load), then a trivial roll-up: each key result's latest
check-in at AS_OF as progress, averaged per objective, summed. It checks nothing;
it is what a quick script costs, for the ratio in docs/performance.md.

    python3 bench/pyyaml_load.py ROOT [AS_OF]
Prints "files=N objectives=N progress_sum=X loader=NAME" to stdout.
"""

import datetime as dt
import os
import sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def plan_files(root):
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.endswith((".yaml", ".yml")):
                yield os.path.join(folder, name)


def key_result_progress(kr, as_of):
    latest = None
    for checkin in kr.get("checkins") or []:
        if checkin["date"] <= as_of and (latest is None or checkin["date"] >= latest["date"]):
            latest = checkin
    value = latest["value"] if latest else kr.get("current")
    if kr.get("type") == "milestone":
        return 1.0 if value is True else 0.0
    if value is None:
        return 0.0
    attainment = (value - kr["baseline"]) / (kr["target"] - kr["baseline"])
    return min(1.0, max(0.0, attainment))


def main(argv):
    root = argv[1]
    as_of = dt.date.fromisoformat(argv[2]) if len(argv) > 2 else dt.date.max
    files = objectives = 0
    total = 0.0
    for path in sorted(plan_files(root)):
        with open(path, "rb") as handle:
            document = yaml.load(handle, Loader=LOADER)
        files += 1
        for objective in (document or {}).get("objectives") or []:
            krs = objective.get("key_results") or []
            weights = [kr.get("weight", 1) for kr in krs]
            if sum(weights) > 0:
                progress = sum(w * key_result_progress(kr, as_of) for w, kr in zip(weights, krs))
                total += progress / sum(weights)
            objectives += 1
    print(f"files={files} objectives={objectives} progress_sum={total:.6f} "
          f"loader={LOADER.__name__}")


if __name__ == "__main__":
    main(sys.argv)
