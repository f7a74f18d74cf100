# bash completion for iooi(1): commands, options, option values, the plan's
# period ids (--period) and measure ids (checkin), files and folders.
# Installed as share/bash-completion/completions/iooi.

_iooi_plan_ids() {  # periods | ids: asked from the iooi being completed
  "${COMP_WORDS[0]}" __complete "$1" 2>/dev/null
}

_iooi_options() {  # the options of one command
  local common="--config --as-of --lang --color -o --output --force-output --follow-outside-root --limit -q --quiet -j --jobs -h --help"
  case $1 in
    check) echo "$common --format --strict --history" ;;
    report) echo "$common --period --format --history --since" ;;
    graph) echo "$common --period --format" ;;
    diff) echo "--as-of --lang -o --output --force-output --follow-outside-root --limit -q --quiet -j --jobs -h --help --period --format" ;;
    rules) echo "--format -o --output --force-output -h --help" ;;
    schema) echo "-o --output --force-output -h --help" ;;
    init) echo "--as-of -q --quiet -h --help" ;;
    checkin) echo "--date --confidence --note --dry-run --from --config --as-of -q --quiet -j --jobs -h --help" ;;
    *) echo "-h --help --version" ;;
  esac
}

_iooi_formats() {
  case $1 in
    check) echo "auto text json github sarif junit gitlab" ;;
    report) echo "table markdown html json csv iati" ;;
    graph) echo "mermaid dot" ;;
    rules) echo "text markdown" ;;
    diff) echo "text markdown json" ;;
  esac
}

_iooi() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # --option=value: bash splits at '=' (COMP_WORDBREAKS).
  if [[ $cur == "=" ]]; then
    cur=""
  elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  local command="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    [[ $word == -* ]] || { command=$word; break; }
  done

  local values=""
  case $prev in
    --format) values=$(_iooi_formats "$command") ;;
    --lang) values="en de" ;;
    --color) values="auto always never" ;;
    --period | --since) values=$(_iooi_plan_ids periods) ;;
    --as-of | --date) values=$(date +%F) ;;
    -j | --jobs | --confidence | --note) return 0 ;;
    --config | -o | --output | --from)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
      ;;
  esac
  if [[ -n $values ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    return 0
  fi

  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      mapfile -t COMPREPLY < <(compgen -W "-h --help --version" -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -W "check report graph rules schema init checkin diff" -- "$cur")
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_iooi_options "$command")" -- "$cur")
    return 0
  fi
  case $command in
    check | report | graph)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    init)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      ;;
    checkin) mapfile -t COMPREPLY < <(compgen -W "$(_iooi_plan_ids ids)" -- "$cur") ;;
  esac
  return 0
}

complete -F _iooi iooi
