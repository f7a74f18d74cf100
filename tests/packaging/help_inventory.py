"""What `iooi --help` and `iooi COMMAND --help` offer: commands, options and the
fixed values of options (`--format a|b|c`, `--lang TEXT:{en,de}`). The man page and
completion tests check that each of them is covered, so a new command, option or
value fails them until it is documented and completable."""
import re
import subprocess

PLACEHOLDER = re.compile(r"^[A-Z][A-Z0-9_-]*$")  # FILE, ID, YYYY-MM-DD, UINT


def _help(binary, *command):
    result = subprocess.run([binary, *command, "--help"], capture_output=True, text=True,
                            check=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    return result.stdout


def _section(text, title):
    match = re.search(rf"^{title}:\n((?:  .*\n|\s*\n)*)", text, re.M)
    return match.group(1) if match else ""


def _options(text):
    """{option spelling: [values]} from the Options: section."""
    options = {}
    for line in _section(text, "Options").splitlines():
        match = re.match(r"^  (-[^ ]+)(?: (\S+))?", line)
        if not match:
            continue
        names = match.group(1).split(",")
        values = []
        spec = match.group(2) or ""
        braced = re.search(r"\{([^}]*)\}", spec)
        if braced:
            values = braced.group(1).split(",")
        elif "|" in spec:
            values = [v for v in spec.split("|") if not PLACEHOLDER.match(v)]
        for name in names:
            options[name] = values
    return options


def inventory(binary):
    """{"": {options}, COMMAND: {options}, ...}; commands as listed by iooi --help."""
    top = _help(binary)
    result = {"": _options(top)}
    for line in _section(top, "Subcommands").splitlines():
        match = re.match(r"^  (\S+)", line)
        if match:
            result[match.group(1)] = _options(_help(binary, match.group(1)))
    return result
