"""Every command, option and option value that `iooi --help` lists appears in
iooi(1): commands as a `## iooi COMMAND` section, their options and values in it
(in bold), or, for options every command shares, in COMMON OPTIONS.
    man_covers_help.py IOOI_BINARY man/iooi.1.scd"""
import re
import sys

from help_inventory import inventory


def sections(text):
    found = {}
    for match in re.finditer(r"^(#{1,2}) (.+)\n((?:(?!#{1,2} ).*\n)*)", text, re.M):
        found[match.group(2).strip()] = match.group(3)
    return found


def main(binary, page_path):
    page = open(page_path, encoding="utf-8").read()
    by_title = sections(page)
    common = by_title.get("COMMON OPTIONS", "")
    missing = []
    for command, options in inventory(binary).items():
        if command:
            titles = [t for t in by_title if re.match(rf"iooi {re.escape(command)}( |$)", t)]
            if not titles:
                missing.append(f"command `{command}` has no `## iooi {command}` section")
                continue
            text = by_title[titles[0]] + common
        else:
            text = page
        where = f"iooi {command}".strip()
        for option, values in options.items():
            if f"*{option}*" not in text:
                missing.append(f"{where}: option {option}")
            for value in values:
                if f"*{value}*" not in text:
                    missing.append(f"{where}: value `{value}` of {option}")
    for problem in missing:
        print(f"not in {page_path}: {problem}")
    if missing:
        return 1
    print("ok: iooi(1) covers every command, option and value of --help")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
