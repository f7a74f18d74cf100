#!/usr/bin/env bash
# Installs iooi into scratch roots the two ways users get it, and checks both give
# the same files in the same places and that they work:
#   1. cmake --install BUILD_DIR --prefix ROOT/usr
#   2. the Debian package (cpack -G DEB), unpacked with dpkg-deb -x
# then runs the installed binary, renders both man pages with man -l, and checks
# that the completions sit where bash-completion, zsh and fish look for them.
#   install_test.sh BUILD_DIR
# Exits 77 (skipped) without scdoc (no man pages were built) or without dpkg-deb /
# cpack, unless IOOI_REQUIRE_TOOLS=1.
set -uo pipefail
build_dir=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
skip() {
  echo "skipped: $*"
  [[ ${IOOI_REQUIRE_TOOLS:-} == 1 ]] && exit 1
  exit 77
}

[[ -f $build_dir/man/iooi.1.gz ]] || skip "no man pages were built (is scdoc installed?)"
cpack=$(dirname "$(command -v cmake)")/cpack
if ! [[ -x $cpack ]] || ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
  skip "cpack, dpkg-deb or dpkg-shlibdeps missing (Debian package dpkg-dev)"
fi

expected_files=(
  usr/bin/iooi
  usr/share/man/man1/iooi.1.gz
  usr/share/man/man5/iooi-plan.5.gz
  usr/share/bash-completion/completions/iooi
  usr/share/zsh/vendor-completions/_iooi
  usr/share/fish/vendor_completions.d/iooi.fish
  usr/share/doc/iooi/README.md
  usr/share/doc/iooi/LICENSE
  usr/share/doc/iooi/copyright
)

check_root() {  # NAME ROOT: the installed tree works
  local name=$1 root=$2 file
  for file in "${expected_files[@]}"; do
    [[ -f $root/$file ]] || fail "$name: $file is missing"
  done
  local listed
  listed=$(cd "$root" && find . -type f | sed 's|^\./||' | sort)
  [[ $listed == "$(printf '%s\n' "${expected_files[@]}" | sort)" ]] ||
    fail "$name: unexpected files: $(comm -13 <(printf '%s\n' "${expected_files[@]}" | sort) <(echo "$listed") | tr '\n' ' ')"
  [[ $("$root/usr/bin/iooi" --version) == "iooi "* ]] || fail "$name: iooi --version"
  # Not `iooi rules | grep -q`: with pipefail, grep leaving early fails the pipe (SIGPIPE).
  grep -q '^unknown-key' <<<"$("$root/usr/bin/iooi" rules)" || fail "$name: iooi rules lists no unknown-key"
  local page
  for page in man1/iooi.1.gz man5/iooi-plan.5.gz; do
    local text
    text=$(MANWIDTH=80 man -l "$root/usr/share/man/$page" 2>"$work/man-errors" | col -b)
    [[ -s $work/man-errors ]] && fail "$name: man -l $page warns: $(head -3 "$work/man-errors")"
    [[ $text == *NAME* && $text == *DESCRIPTION* ]] || fail "$name: man -l $page renders no NAME/DESCRIPTION"
  done
  [[ $(MANWIDTH=80 man -l "$root/usr/share/man/man1/iooi.1.gz" 2>/dev/null | col -b) == *"EXIT STATUS"* ]] ||
    fail "$name: iooi(1) has no EXIT STATUS"
  # man finds the pages through the tree's MANPATH, as `man iooi` does after installing.
  MANPATH=$root/usr/share/man man -w iooi-plan >/dev/null 2>&1 || fail "$name: man -w iooi-plan finds nothing"
  # Each shell finds the completion the way it finds packaged ones: bash-completion
  # and fish through XDG_DATA_DIRS (for a command on the PATH), zsh through fpath.
  local shell_env=(env -i PATH="$root/usr/bin:/usr/bin:/bin" HOME="$work/home" XDG_CONFIG_HOME="$work/home"
    XDG_DATA_HOME="$work/home" XDG_DATA_DIRS="$root/usr/share" TERM=dumb)
  mkdir -p "$work/home"
  if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    "${shell_env[@]}" bash --norc --noprofile -c \
      'source /usr/share/bash-completion/bash_completion; __load_completion iooi; complete -p iooi' 2>&1 |
      grep -q -- '-F _iooi' || fail "$name: bash-completion does not load share/bash-completion/completions/iooi"
  fi
  "${shell_env[@]}" bash --norc --noprofile -c \
    "source '$root/usr/share/bash-completion/completions/iooi' && complete -p iooi" |
    grep -q -- '-F _iooi' || fail "$name: the bash completion does not register _iooi"
  if command -v zsh >/dev/null; then
    "${shell_env[@]}" zsh -f -c "fpath=('$root/usr/share/zsh/vendor-completions'); autoload -Uz _iooi && whence -w _iooi" |
      grep -q function || fail "$name: zsh cannot autoload _iooi from vendor-completions"
  fi
  if command -v fish >/dev/null; then
    (cd "$work" && "${shell_env[@]}" fish -c "complete -C'iooi rep'") | grep -q '^report' ||
      fail "$name: fish does not complete from share/fish/vendor_completions.d"
  fi
}

# 1. cmake --install under a scratch prefix.
cmake --install "$build_dir" --prefix "$work/installed/usr" >"$work/install.log" 2>&1 ||
  fail "cmake --install: $(tail -3 "$work/install.log")"
check_root "cmake --install" "$work/installed"

# 2. The Debian package.
(cd "$build_dir" && "$cpack" -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) ||
  fail "cpack: $(tail -5 "$work/cpack.log")"
deb=$(find "$work/deb" -maxdepth 1 -name 'iooi_*.deb' | head -1)
if [[ -z $deb ]]; then
  fail "cpack wrote no iooi_*.deb"
else
  dpkg-deb -x "$deb" "$work/unpacked" || fail "dpkg-deb -x"
  check_root ".deb" "$work/unpacked"
  depends=$(dpkg-deb -f "$deb" Depends)
  [[ $depends == *libc6* && $depends == *libyaml-cpp* && $depends == *libstdc++6* ]] ||
    fail ".deb: Depends does not name the linked libraries (dpkg-shlibdeps): '$depends'"
  [[ $(dpkg-deb -f "$deb" Package) == iooi ]] || fail ".deb: Package is not iooi"
  # The same files in the same places.
  diff <(cd "$work/installed" && find . -type f | sort) <(cd "$work/unpacked" && find . -type f | sort) ||
    fail "cmake --install and the .deb install different files"
  # What apt would do: the package's metadata is well-formed and its dependencies resolve.
  if command -v apt-get >/dev/null; then
    apt-get install --simulate --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
      fail "apt-get install --simulate: $(tail -3 "$work/apt.log")"
  fi
fi

((failures == 0)) && echo "ok: cmake --install and the .deb install the same working files" && exit 0
exit 1
