#!/usr/bin/env bash
# Every C++ file of the repository is formatted as .clang-format says; prints the
# differences (clang-format's own messages) and fails on any. Fix with
#   clang-format -i $(git ls-files '*.cpp' '*.h')
set -euo pipefail
cd "$1"
clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null; then
  echo "clang-format not found (make test installs it; Debian package clang-format)" >&2
  exit 1
fi
mapfile -t files < <(find src include tests bench -path tests/node/node_modules -prune -o \
  \( -name '*.cpp' -o -name '*.h' \) -print | sort)
"$clang_format" --dry-run -Werror "${files[@]}"
echo "${#files[@]} files formatted as .clang-format says"
