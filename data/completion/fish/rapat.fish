# fish completion for rapat(1).
#
# Every candidate comes from 'rapat __complete', which reads the words typed
# with the command tables that 'rapat help' prints (groups, verbs, options,
# the values of enumerations, zones) and the database of --db or RAPAT_DB,
# read-only (meetings with their titles, people, units, issues...).

function __rapat_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l out ($tokens[1] __complete -- $tokens[2..-1] $current 2>/dev/null)
    switch "$out[1]"
        case :files
            __fish_complete_path $current
        case :dirs
            __fish_complete_directories $current
        case '*'
            printf '%s\n' $out
    end
end

complete -c rapat -f -a '(__rapat_complete)'
