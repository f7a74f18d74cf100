# fish completion for iooi(1): commands, options, option values, the plan's period
# ids (--period) and measure ids (checkin), files and folders.
# Installed as share/fish/vendor_completions.d/iooi.fish.

function __iooi_plan_ids --description 'period or measure ids of the plan, from iooi itself'
    set -l iooi (commandline -opc)[1]
    $iooi __complete $argv[1] 2>/dev/null
end

set -l commands check report graph rules schema init checkin diff
set -l plan_commands check report graph
complete -c iooi -f
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -s h -l help -d 'Show help'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a check -d 'Validate the plan; exit 1 on errors'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a report -d 'Roll progress up and print a summary'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a graph -d 'Draw the impact chain'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List every rule'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a schema -d 'Print the JSON Schema of plan files'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a init -d 'Write a starter plan'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a checkin -d 'Record a check-in'
complete -c iooi -n "not __fish_seen_subcommand_from $commands" -a diff -d 'What changed in the plan between two git revisions'

# Options of check, report and graph.
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands" -l config -r -F -d 'The iooi.yaml to use'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands" -l as-of -x -a "(date +%F)" -d 'Evaluation day'
complete -c iooi -n "__fish_seen_subcommand_from diff" -l as-of -x -a "(date +%F)" -d 'Evaluation day'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands diff" -l lang -x -a 'en de' -d 'Language of labels'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands" -l color -x -a 'auto always never' -d 'Colour'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands rules schema diff" -s o -l output -r -F -d 'Write to FILE'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands rules schema diff" -l force-output -d 'Let -o write through a symlink or outside the folder'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands diff" -l follow-outside-root -d 'Follow symlinks out of the plan root'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands diff" -l limit -x -a 'file_size_mib= value_size_kib= expanded_nodes= expanded_size_mib= files= total_nodes=' -d 'Set a limit'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands init diff" -s q -l quiet -d 'No messages about the run'
complete -c iooi -n "__fish_seen_subcommand_from $plan_commands diff" -s j -l jobs -x -d 'Threads: files parsed, HTML charts drawn'
complete -c iooi -n "__fish_seen_subcommand_from $commands" -s h -l help -d 'Show help'
complete -c iooi -n "__fish_seen_subcommand_from check report graph" -F -d 'Plan file or folder'

complete -c iooi -n "__fish_seen_subcommand_from check" -l format -x -a 'auto text json github sarif junit gitlab' -d 'Output format'
complete -c iooi -n "__fish_seen_subcommand_from check" -l strict -d 'Warnings fail the check too'
complete -c iooi -n "__fish_seen_subcommand_from report" -l format -x -a 'table markdown html json csv iati' -d 'Output format'
complete -c iooi -n "__fish_seen_subcommand_from graph" -l format -x -a 'mermaid dot' -d 'Output format'
complete -c iooi -n "__fish_seen_subcommand_from check report" -l history -d 'Compare targets with the plan as committed when the period began'
complete -c iooi -n "__fish_seen_subcommand_from report" -l since -x -a '(__iooi_plan_ids periods)' -d 'Also show the change since this day or period'
complete -c iooi -n "__fish_seen_subcommand_from diff" -l format -x -a 'text markdown json' -d 'Output format'
complete -c iooi -n "__fish_seen_subcommand_from report graph diff" -l period -x -a '(__iooi_plan_ids periods)' -d 'Period id or all'
complete -c iooi -n "__fish_seen_subcommand_from rules" -l format -x -a 'text markdown' -d 'Output format'
complete -c iooi -n "__fish_seen_subcommand_from init" -l as-of -x -a "(date +%F)" -d 'The day the plan starts from'
complete -c iooi -n "__fish_seen_subcommand_from init" -a '(__fish_complete_directories)' -d 'Folder of the new plan'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -a '(__iooi_plan_ids ids)' -d 'Measure id'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l date -x -a "(date +%F)" -d 'Day of the check-in'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l confidence -x -a '1 2 3 4 5 6 7 8 9 10' -d 'Confidence from 1 to 10'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l note -x -d 'A note on the figure'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l dry-run -d 'Print the change as a diff; write nothing'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l from -r -F -d 'Record every row of a CSV file'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l config -r -F -d 'The iooi.yaml to use'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -l as-of -x -a "(date +%F)" -d 'Evaluation day'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -s q -l quiet -d 'No messages about the run'
complete -c iooi -n "__fish_seen_subcommand_from checkin" -s j -l jobs -x -d 'Files parsed in parallel'
