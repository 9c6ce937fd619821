# shellcheck shell=bash
# What benchmarks/scale.sh and benchmarks/compare-lvm2.sh share; sourced, not run.
# shellcheck disable=SC2154 # the sourcing script sets these:
#   tool         its name, the prefix of its messages
#   die_status   the exit status of die
#   usage_lines  the sed range of its header's usage lines, e.g. 4,9

# usage STATUS: the header's usage lines, on stdout for --help, on stderr for a mistake.
usage() {
    if (($1)); then
        sed -n "${usage_lines}s/^# \{0,1\}//p" "$0" >&2
    else
        sed -n "${usage_lines}s/^# \{0,1\}//p" "$0"
    fi
    exit "$1"
}

die() {
    echo "$tool: $*" >&2
    exit "$die_status"
}

say() { echo "$tool: $*" >&2; }

# median: the median of the numbers on standard input, one a line.
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# repo_of SCRIPT: the repository a script in benchmarks/ belongs to, whatever symlink or directory
# it is run from (resolved as the lvstack launcher resolves itself).
repo_of() {
    local script=$1 target dir=.
    while [[ -L $script ]]; do
        target=$(readlink "$script")
        [[ $target == /* ]] || target=$(dirname "$script")/$target
        script=$target
    done
    [[ $script == */* ]] && dir=${script%/*}
    cd -P "$dir/.." && pwd
}

# machine_lines: the Markdown lines that say where a table was measured.
machine_lines() {
    local java=java cpu
    [[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}," \
        "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
    echo "- java: $("$java" -version 2>&1 | awk 'NR == 1')"
}

# setup_work PREFIX: sets repo, lvstack (the repository's launcher, which must exist) and work
# (the --keep directory $keep, made if needed, or else a new directory ${TMPDIR:-/tmp}/PREFIX.XXXXXX).
# shellcheck disable=SC2034 # the globals are the sourcing script's
setup_work() {
    repo=$(repo_of "$0")
    lvstack=$repo/lvstack
    [[ -x $lvstack ]] || die "no launcher at $lvstack"
    if [[ -n $keep ]]; then
        mkdir -p "$keep"
        work=$(cd "$keep" && pwd)
    else
        work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    fi
}

# remove_work SCRATCH: at the end the work directory goes, or with --keep only its scratch file.
remove_work() {
    if [[ -n $keep ]]; then
        rm -f "$work/$1"
    else
        rm -rf "$work"
    fi
}

# on_exit FUNCTION: runs FUNCTION at every exit, after an error, an interrupt or a TERM too.
on_exit() {
    # shellcheck disable=SC2064 # the function's name is meant to be expanded now
    trap "$1" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}
