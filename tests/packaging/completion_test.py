"""Drives the completion function of one shell (bash, zsh or fish) the way the
shell calls it, and checks what it offers: every command, option and option value
of `iooi --help` (so a new one fails here until the completions know it), the
period ids and measure ids of a real plan, files and folders.
    completion_test.py IOOI_BINARY SOURCE_DIR bash|zsh|fish
Exits 77 (skipped) when the shell is not installed."""
import os
import shutil
import subprocess
import sys
import tempfile

from help_inventory import inventory

BASH = r'''
source "$IOOI_COMPLETIONS/iooi.bash"
complete -p iooi | grep -q -- '-F _iooi' || { echo "complete -p iooi: not registered" >&2; exit 3; }
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
COMPREPLY=()
_iooi
printf '%s\n' "${COMPREPLY[@]}"
'''

# The completion system's builtins, recorded instead of shown: compadd prints the
# candidates that match the word so far (PREFIX), compset -P '*=' drops the
# `--option=` part of it, _files says it was asked for files or folders.
ZSH = r'''
fpath=("$IOOI_COMPLETIONS" $fpath)
autoload -Uz _iooi
compadd() {
  while (( $# )) && [[ $1 != -- ]]; do shift; done; shift
  local candidate
  for candidate in "$@"; do [[ $candidate == ${PREFIX}* ]] && print -r -- $candidate; done
  return 0
}
compset() { [[ $1 == -P && $PREFIX == *=* ]] && PREFIX=${PREFIX#*=}; return 0; }
_files() { if [[ $1 == -/ ]]; then print -r -- '<folders>'; else print -r -- '<files>'; fi; }
words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
_iooi
'''

FISH = r'''
source $IOOI_COMPLETIONS/iooi.fish
complete -C (string join ' ' -- $argv)
'''


def offered(shell, words, cwd, env):
    if shell == "bash":
        command = ["bash", "--norc", "--noprofile", "-c", BASH, "bash", *words]
    elif shell == "zsh":
        command = ["zsh", "-f", "-c", ZSH, "zsh", *words]
    else:
        command = ["fish", "--no-config", "-c", FISH, *words]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=30)
    if result.returncode != 0:
        raise RuntimeError(f"{shell} {words}: exit {result.returncode}: {result.stderr}")
    return {line.split("\t")[0] for line in result.stdout.splitlines() if line}


def main(binary, source_dir, shell):
    source_dir = os.path.abspath(source_dir)
    if not shutil.which(shell):
        print(f"{shell} is not installed")
        return 1 if os.environ.get("IOOI_REQUIRE_TOOLS") == "1" else 77
    work = tempfile.mkdtemp()
    bin_dir = os.path.join(work, "bin")
    os.mkdir(bin_dir)
    os.symlink(os.path.abspath(binary), os.path.join(bin_dir, "iooi"))
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": work, "XDG_CONFIG_HOME": work,
           "XDG_DATA_HOME": work, "IOOI_COMPLETIONS": os.path.join(source_dir, "completions"),
           "TERM": "dumb"}
    failures = []

    def expect(words, wanted, cwd=source_dir, exact=False):
        try:
            got = offered(shell, ["iooi", *words], cwd, env)
        except RuntimeError as error:
            failures.append(str(error))
            return
        lacking = set(wanted) - got
        if lacking or (exact and got != set(wanted)):
            failures.append(f"iooi {' '.join(words)}<Tab>: lacks {sorted(lacking)}, got {sorted(got)}")

    help_inventory = inventory(binary)
    commands = [c for c in help_inventory if c]
    expect([""], commands)
    expect(["--v"], ["--version"])
    for command in commands:
        options = help_inventory[command]
        expect([command, "-"], [o for o in options if o != "-"])
        for option, values in options.items():
            if values:
                expect([command, option, ""], values, exact=option == "--format")
    # Values from the plan itself (the hidden `iooi __complete`), in the plan folder.
    plan = os.path.join(source_dir, "examples", "civic-coding")
    expect(["report", "--period", ""], ["2026-Q1", "Foerderrunde-2026", "all"], cwd=plan)
    expect(["graph", "--period", "Foe"], ["Foerderrunde-2026"], cwd=plan, exact=True)
    expect(["checkin", ""], ["KR-26Q1-teilnehmende", "IND-anwendung"], cwd=plan)
    # --format=VALUE: bash splits the word at '=' (COMP_WORDBREAKS); fish offers whole words.
    if shell == "bash":
        expect(["report", "--format", "=", "m"], ["markdown"], exact=True)
    else:
        expect(["report", "--format=m"], ["--format=markdown" if shell == "fish" else "markdown"])
    # Files and folders.
    if shell == "zsh":
        expect(["check", "exa"], ["<files>"], exact=True)
        expect(["init", ""], ["<folders>"], exact=True)
        expect(["check", "-o", ""], ["<files>"], exact=True)
    else:
        slash = "/" if shell == "fish" else ""
        expect(["check", "exa"], ["examples" + slash])
        expect(["init", "ex"], ["examples" + slash])
        expect(["check", "--config", "examples/civic-coding/ioo"], ["examples/civic-coding/iooi.yaml"])
    shutil.rmtree(work)
    for failure in failures:
        print(f"FAIL ({shell}): {failure}")
    if failures:
        return 1
    print(f"ok: {shell} completes every command, option and value of --help, plan ids and files")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
