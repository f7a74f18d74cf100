#!/usr/bin/env python3
"""Measures iooi against the floor (docs/performance.md) and prints medians, ratios and memory.

    python3 bench/run.py                 # build Release, generate, 7 interleaved rounds
    python3 bench/run.py --runs 3 --skip-build --presets 10mb

Steps: builds Release (-O2, no sanitizers) into build/bench; generates the 10mb and
40mb presets with bench/generate.py into build/bench/corpora; makes sure the plan
passes `iooi check --strict` (a benchmark of error output would measure the wrong
thing) and warms the page cache; then runs, per round and per corpus, in an order
that rotates every round:
    floor      iooi_floor .                                   (yaml-cpp events, 1 thread)
    check      iooi check --as-of D                            (default jobs: all cores)
    check-j1   iooi check --jobs 1 --as-of D
    report-F   iooi report --format F --period all --as-of D  (F: json, csv, markdown, table, html)
    check-history  iooi check --history --as-of D   (first corpus only, as a git repository:
    diff           iooi diff HEAD~1 HEAD --as-of D   see make_history_repository)
    pyyaml     python3 bench/pyyaml_load.py . D                 (10mb only, unless --pyyaml-all)
each with the corpus as the working folder and stdout to /dev/null. Wall time is
taken around the child; peak memory is GNU time's %M, the number
`/usr/bin/time -v` prints as "Maximum resident set size".

Installs nothing: when a tool is missing it says which package provides it.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MIB = 1024 * 1024
REPORT_FORMATS = ("json", "csv", "markdown", "table", "html")
REPORTS = tuple(f"report-{f}" for f in REPORT_FORMATS)
# The HTML report draws a chart per measure and lays out the chain: its own, wider bound.
REPORT_LIMITS = {"html": 1.30}
HISTORY = ("check-history", "diff")
HISTORY_LIMITS = {"check-history": 2.0, "diff": 2.5}

TARGETS = """targets (docs/performance.md, ~10 MB / ~500 files, 2 cores):
  check (default jobs)  <= 0.75 x floor
  check --jobs 1        <= 1.30 x floor
  report json/csv/markdown/table <= 1.15 x check, html <= 1.3 x check
  check --history       <= 2.0 x check  (the corpus in git, a second commit moves targets)
  diff HEAD~1 HEAD      <= 2.5 x check
  peak memory           <= 2 x input + 24 MiB (diff, which holds two plans: twice that)
  4x the input          <= 4.4 x the time"""


def say(text=""):
    print(text, flush=True)


def need(tool, package):
    path = shutil.which(tool)
    if path is None:
        sys.exit(f"run.py: '{tool}' is missing; install it with: apt-get install {package}")
    return path


def run_quiet(command, cwd=None):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if result.returncode != 0:
        say(result.stdout[-4000:])
        sys.exit(f"run.py: failed ({result.returncode}): {' '.join(command)}")
    return result.stdout


def build(build_dir, jobs):
    need("cmake", "cmake")
    say(f"== building Release (-O2 -DNDEBUG, no sanitizers) into {build_dir}")
    run_quiet(["cmake", "-S", REPO, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
               "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG", "-DIOOI_SANITIZE=OFF",
               "-DIOOI_WERROR=OFF", "-DIOOI_BENCH=ON", "-DBUILD_TESTING=OFF"])
    run_quiet(["cmake", "--build", build_dir, "--target", "iooi", "-j", str(jobs)])
    if os.path.isdir(os.path.join(build_dir, "bench")):  # the top level includes bench/
        run_quiet(["cmake", "--build", build_dir, "--target", "iooi_floor", "-j", str(jobs)])
        # Every executable of the build lands in the build folder's root (CMakeLists.txt).
        return os.path.join(build_dir, "iooi"), os.path.join(build_dir, "iooi_floor")
    floor_dir = os.path.join(build_dir, "floor")
    run_quiet(["cmake", "-S", HERE, "-B", floor_dir, "-DCMAKE_BUILD_TYPE=Release",
               "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG"])
    run_quiet(["cmake", "--build", floor_dir, "-j", str(jobs)])
    return os.path.join(build_dir, "iooi"), os.path.join(floor_dir, "iooi_floor")


def generate(preset, out):
    run_quiet([sys.executable, os.path.join(HERE, "generate.py"), "--preset", preset, "--out", out])
    with open(os.path.join(out, ".iooi-bench.json"), encoding="utf-8") as handle:
        return json.load(handle)


def make_history_repository(corpus, out):
    """The corpus committed to a git repository twice: as generated (dated before its first
    period) and with moved goal posts (the first target of every file of the second-last
    quarter lowered, committed after that quarter began), so that `check --history` has
    targets to compare and `diff` two real revisions."""
    need("git", "git")
    if os.path.isdir(out):
        shutil.rmtree(out)
    shutil.copytree(corpus, out)
    git = ["git", "-C", out, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
           "-c", "commit.gpgsign=false"]
    run_quiet(git + ["init", "-q", "-b", "main"])

    def commit(message, day):
        env = dict(os.environ, GIT_AUTHOR_DATE=f"{day}T12:00:00Z",
                   GIT_COMMITTER_DATE=f"{day}T12:00:00Z")
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-q", "-m", message], check=True, env=env)

    def lowered(match):
        """The goal post moved a tenth of the way back to the baseline (at least one step,
        never onto it), so that the plan stays valid and keeps its direction."""
        baseline, target = int(match.group(1)), int(match.group(3))
        step = max(1, abs(target - baseline) // 10)
        if abs(target - baseline) > step:
            target += -step if target > baseline else step
        return f"baseline: {baseline}{match.group(2)}target: {target}"

    commit("plan as generated", "2023-12-01")
    quarter = sorted({name for team in os.listdir(os.path.join(out, "okr"))
                      for name in os.listdir(os.path.join(out, "okr", team))})[-2]
    moved = 0
    for team in sorted(os.listdir(os.path.join(out, "okr"))):
        path = os.path.join(out, "okr", team, quarter)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        text, count = re.subn(r"baseline: (\d+)(\s+)target: (\d+)", lowered, text, count=1)
        moved += count
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    year, q = quarter[:4], int(quarter[6])
    commit(f"raise targets of {quarter}", f"{year}-{3 * q - 1:02d}-15")
    return moved


def pick_python():
    """The system python with PyYAML (Debian's python3-yaml), else this one if it has it."""
    for candidate in ("/usr/bin/python3", sys.executable):
        if candidate and os.path.exists(candidate):
            probe = subprocess.run([candidate, "-c", "import yaml"], capture_output=True)
            if probe.returncode == 0:
                return candidate
    return None


def measure(command, cwd, rss_file):
    """Wall seconds, CPU seconds and peak RSS (bytes) of one run; exits on failure.

    Peak memory comes from GNU time (%M): a child forked by this Python process
    would inherit its resident size as a starting "maximum" (Linux carries the
    parent's high-water mark into the child across fork and exec), so the
    measured program must be started by a small parent. Wall time is taken here
    and includes GNU time's own fork and exec (about a millisecond).
    """
    with open(os.devnull, "wb") as devnull:
        started = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file] + command,
                                 cwd=cwd, stdout=devnull, stderr=subprocess.PIPE)
        stderr = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stderr.close()
    if child.returncode != 0:
        sys.stderr.write(stderr.decode("utf-8", "replace")[-4000:])
        sys.exit(f"run.py: exit {child.returncode}: {' '.join(command)} (in {cwd})")
    with open(rss_file, encoding="utf-8") as handle:
        peak_kib = int(handle.read().split()[-1])
    return wall, usage.ru_utime + usage.ru_stime, peak_kib * 1024


def machine_info():
    info = {"kernel": platform.release(), "cores": os.cpu_count()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as handle:
            info["memory"] = f"{int(handle.readline().split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    compiler = shutil.which("c++")
    if compiler:
        info["compiler"] = subprocess.run([compiler, "--version"], capture_output=True,
                                          text=True).stdout.splitlines()[0]
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--presets", default="10mb,40mb", help="corpora (first is the target one)")
    parser.add_argument("--build-dir", default=os.path.join(REPO, "build", "bench"))
    parser.add_argument("--build-jobs", type=int, default=2)
    parser.add_argument("--skip-build", action="store_true", help="use the binaries already built")
    parser.add_argument("--no-pyyaml", action="store_true")
    parser.add_argument("--pyyaml-all", action="store_true", help="PyYAML on every corpus")
    parser.add_argument("--no-history", action="store_true",
                        help="skip check --history and diff (they need git)")
    parser.add_argument("--json", help="also write every sample and the summary to this file")
    args = parser.parse_args()

    if not os.path.exists("/usr/bin/time"):
        sys.exit("run.py: /usr/bin/time (GNU time, for peak memory) is missing; install it with: "
                 "apt-get install time")
    rss_file = os.path.join(args.build_dir, "peak-rss.txt")
    info = machine_info()
    load_before = os.getloadavg()
    say("== machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    say(f"== load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    if load_before[0] > 0.5:
        say("   (the machine is busy: numbers will be noisy; rerun when it is idle)")

    if args.skip_build:
        iooi = os.path.join(args.build_dir, "iooi")
        floor = next((p for p in (os.path.join(args.build_dir, "iooi_floor"),
                                  os.path.join(args.build_dir, "floor", "iooi_floor"))
                      if os.path.exists(p)), None)
        if not os.path.exists(iooi) or floor is None:
            sys.exit("run.py: --skip-build, but build/bench has no iooi or iooi_floor")
    else:
        iooi, floor = build(args.build_dir, args.build_jobs)

    python = None if args.no_pyyaml else pick_python()
    if python is None and not args.no_pyyaml:
        say("== PyYAML not found: install it with `apt-get install python3-yaml`; skipping it")

    presets = args.presets.split(",")
    corpora = {}
    for preset in presets:
        out = os.path.join(args.build_dir, "corpora", preset)
        meta = generate(preset, out)
        corpora[preset] = {"dir": out, "meta": meta}
        say(f"== corpus {preset}: {meta['files']} files, {meta['bytes']} bytes "
            f"({meta['bytes'] / MIB:.2f} MiB), as_of {meta['as_of']}")

    commands = {}  # (preset, name) -> argv
    history_dirs = {}  # preset -> its git repository, where the history commands run

    def cwd_of(key):
        return history_dirs[key[0]] if key[1] in HISTORY else corpora[key[0]]["dir"]
    for index, preset in enumerate(presets):
        as_of = corpora[preset]["meta"]["as_of"]
        commands[(preset, "floor")] = [floor, "."]
        commands[(preset, "check")] = [iooi, "check", "--as-of", as_of]
        commands[(preset, "check-j1")] = [iooi, "check", "--jobs", "1", "--as-of", as_of]
        for report_format in REPORT_FORMATS:
            commands[(preset, f"report-{report_format}")] = [
                iooi, "report", "--format", report_format, "--period", "all", "--as-of", as_of]
        if index == 0 and not args.no_history:
            git_dir = corpora[preset]["dir"] + "-git"
            moved = make_history_repository(corpora[preset]["dir"], git_dir)
            say(f"== {preset} as a git repository in {git_dir}: 2 commits, {moved} targets moved")
            commands[(preset, "check-history")] = [iooi, "check", "--history", "--as-of", as_of]
            commands[(preset, "diff")] = [iooi, "diff", "HEAD~1", "HEAD", "--as-of", as_of]
            history_dirs[preset] = git_dir
        if python and (index == 0 or args.pyyaml_all):
            commands[(preset, "pyyaml")] = [python, os.path.join(HERE, "pyyaml_load.py"), ".", as_of]

    # The corpus must be a valid plan, and the caches warm, before any timing.
    for preset in presets:
        cwd = corpora[preset]["dir"]
        as_of = corpora[preset]["meta"]["as_of"]
        strict = subprocess.run([iooi, "check", "--strict", "--as-of", as_of], cwd=cwd,
                                capture_output=True, text=True)
        if strict.returncode != 0:
            say(strict.stdout[:3000] + strict.stderr[-2000:])
            sys.exit(f"run.py: the {preset} corpus does not pass `iooi check --strict`")
        outputs = {}
        for jobs in ("1", "2"):
            report = subprocess.run([iooi, "report", "--format", "json", "--period", "all",
                                     "--as-of", as_of, "--jobs", jobs], cwd=cwd,
                                    capture_output=True)
            if report.returncode != 0:
                sys.exit(f"run.py: iooi report fails on {preset}: "
                         f"{report.stderr.decode('utf-8', 'replace')[-2000:]}")
            outputs[jobs] = report.stdout
        if outputs["1"] != outputs["2"]:
            sys.exit(f"run.py: report output differs between --jobs 1 and --jobs 2 on {preset}")
        for key, command in commands.items():
            if key[0] == preset:
                measure(command, cwd_of(key), rss_file)

    samples = {key: [] for key in commands}
    keys = list(commands)
    say(f"== {args.runs} rounds of {len(keys)} commands, order rotating every round")
    for round_index in range(args.runs):
        shift = round_index % len(keys)
        for key in keys[shift:] + keys[:shift]:
            samples[key].append(measure(commands[key], cwd_of(key), rss_file))
        say(f"   round {round_index + 1}/{args.runs} done")
    load_after = os.getloadavg()

    def median_wall(key):
        return statistics.median(s[0] for s in samples[key])

    def peak(key):
        return max(s[2] for s in samples[key])

    say()
    say(TARGETS)
    summary = {"machine": info, "load_before": load_before, "load_after": load_after,
               "runs": args.runs, "corpora": {}, "targets": []}
    for preset in presets:
        meta = corpora[preset]["meta"]
        say()
        say(f"-- {preset}: {meta['files']} files, {meta['bytes'] / MIB:.2f} MiB input")
        say(f"   {'command':<15} {'median s':>9} {'min s':>8} {'max s':>8} {'cpu s':>8} "
            f"{'peak MiB':>9}")
        rows = {}
        for key in keys:
            if key[0] != preset:
                continue
            walls = [s[0] for s in samples[key]]
            cpu = statistics.median(s[1] for s in samples[key])
            rows[key[1]] = {"median": median_wall(key), "min": min(walls), "max": max(walls),
                            "cpu": cpu, "peak_bytes": peak(key), "walls": walls}
            say(f"   {key[1]:<15} {median_wall(key):9.3f} {min(walls):8.3f} {max(walls):8.3f} "
                f"{cpu:8.3f} {peak(key) / MIB:9.1f}")
        summary["corpora"][preset] = {"files": meta["files"], "bytes": meta["bytes"],
                                      "commands": rows}

    def target(name, value, limit, unit="x", extra=False):
        """extra: the same bound applied beyond the documented setting (not counted)."""
        ok = value <= limit
        summary["targets"].append({"target": name, "value": value, "limit": limit, "holds": ok,
                                   "extra": extra})
        shown = f"{value:.3f}{unit}" if unit == "x" else f"{value / MIB:.1f} MiB"
        bound = f"{limit:.2f}{unit}" if unit == "x" else f"{limit / MIB:.1f} MiB"
        verdict = ("holds" if ok else "FAILS") + ("*" if extra else "")
        say(f"   {verdict:<6} {name:<44} {shown:>12}  (limit {bound})")

    base = presets[0]
    say()
    say(f"-- targets on {base}")
    floor_time = median_wall((base, "floor"))
    check_time = median_wall((base, "check"))
    target("check / floor", check_time / floor_time, 0.75)
    target("check --jobs 1 / floor", median_wall((base, "check-j1")) / floor_time, 1.30)
    for report_format in REPORT_FORMATS:
        target(f"report {report_format} / check",
               median_wall((base, f"report-{report_format}")) / check_time,
               REPORT_LIMITS.get(report_format, 1.15))
    for name in HISTORY:
        if (base, name) in samples:
            target(f"{name} / check", median_wall((base, name)) / check_time, HISTORY_LIMITS[name])
    input_bytes = corpora[base]["meta"]["bytes"]
    memory_limit = 2 * input_bytes + 24 * MIB
    for name in ("check", "check-j1") + REPORTS + HISTORY:
        if (base, name) not in samples:
            continue
        # diff holds the plan of each revision at once: the bound of two plans.
        plans = 2 if name == "diff" else 1
        target(f"peak memory of {name}" + (" (two plans)" if plans == 2 else ""),
               peak((base, name)), plans * memory_limit, unit="MiB")
    for preset in presets[1:]:
        input_ratio = corpora[preset]["meta"]["bytes"] / input_bytes
        say(f"-- scaling {base} -> {preset}: input x{input_ratio:.3f}")
        for name in ("check", "check-j1") + REPORTS + ("floor",):
            ratio = median_wall((preset, name)) / median_wall((base, name))
            if name == "floor":
                say(f"   (floor: x{ratio:.3f}, for reference)")
            else:
                target(f"time x{input_ratio:.2f} input, {name}", ratio, 1.1 * input_ratio)
        memory_limit = 2 * corpora[preset]["meta"]["bytes"] + 24 * MIB
        for name in ("check",) + REPORTS:
            target(f"peak memory of {name} on {preset}", peak((preset, name)), memory_limit,
                   unit="MiB", extra=True)
    if (base, "pyyaml") in samples:
        pyyaml_time = median_wall((base, "pyyaml"))
        say(f"-- PyYAML script on {base} (no checks, trivial roll-up): {pyyaml_time:.3f} s = "
            f"{pyyaml_time / check_time:.2f}x iooi check, {pyyaml_time / floor_time:.2f}x floor, "
            f"peak {peak((base, 'pyyaml')) / MIB:.1f} MiB")
        summary["pyyaml"] = {"median": pyyaml_time, "vs_check": pyyaml_time / check_time,
                             "vs_floor": pyyaml_time / floor_time}

    say(f"== load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    counted = [t for t in summary["targets"] if not t["extra"]]
    failed = [t["target"] for t in counted if not t["holds"]]
    say(f"== {len(counted) - len(failed)} of {len(counted)} targets hold"
        + (f"; failing: {', '.join(failed)}" if failed else "")
        + " (* = the memory bound applied to the larger corpus too, not counted)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(summary, handle, indent=2)
            handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
