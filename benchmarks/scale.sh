#!/usr/bin/env bash
# scale.sh: checks that every whole-VG command of lvstack grows linearly with the VG.
#
# usage: benchmarks/scale.sh [--runs R] [--keep DIR] [SIZES...]
#   SIZES       LV counts, sub-LVs included, in any order (default: 8000 16000 32000)
#   --runs R    runs per command and size; the median is reported (default 3)
#   --keep DIR  work in DIR and keep the generated and changed metadata files and logs there
#
# For each size N it generates a VG with `lvstack generate --lvs N --seed 1 --raid` (linear,
# striped, mirror and raid1 LVs) and times, with
# /usr/bin/time -f '%e %M' (wall seconds, peak resident KB), R runs of each command below; the
# reports and the check read the generated file, each changing command gets a fresh copy of it
# (--file COPY, rewritten in place as a user would run it). pvmove --complete and --abort get a
# copy of the file after `pvmove -b SOURCE` (a move left in progress), prepared once per size
# and not timed; `pvmove SOURCE` itself sets up and completes the move, as LVM2 does. Every command
# must exit 0, or the script stops with its messages (exit 2). Standard output of the commands
# is discarded; the Markdown table goes to standard output, progress to standard error.
#
# "growth per doubling" is the worst ratio between consecutive sizes, normalized to a doubling:
# (t[k+1] / t[k]) ^ (1 / log2(N[k+1] / N[k])). Linear work gives 2 at most (less while the JVM's
# fixed start-up weighs in); above 2.1 the value is marked with " !" and the exit status is 1.
set -euo pipefail

tool=scale
die_status=2
usage_lines=4,7
# shellcheck source=benchmarks/common.sh
source "$(dirname "$(readlink -f "$0")")/common.sh"

command_line=$(printf '%q ' "$0" "$@")
command_line=${command_line% }

runs=3
keep=""
sizes=()
while (($#)); do
    case $1 in
        --runs) (($# >= 2)) || usage 2; runs=$2; shift 2 ;;
        --keep) [[ $# -ge 2 && -n $2 ]] || usage 2; keep=$2; shift 2 ;;
        -h | --help) usage 0 ;;
        -*) usage 2 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
((${#sizes[@]})) || sizes=(8000 16000 32000)
for n in "${sizes[@]}" "$runs"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "not a positive number: $n"
done
# Ascending and without repeats: growth is measured between consecutive sizes.
mapfile -t sizes < <(printf '%s\n' "${sizes[@]}" | sort -n -u)

[[ -x /usr/bin/time ]] || die "needs GNU time as /usr/bin/time (apt-get install -y time)"

setup_work lvstack-scale
# shellcheck disable=SC2317 # called by the EXIT trap
finish() {
    remove_work time.txt
}
on_exit finish

vg=vgbig
source_pv=/dev/loop4

# Results, keyed "ROW,N": median seconds and median peak KB. Rows in the order first measured.
declare -A sec=() kb=()
rows=()

# measure ROW N COPY_FROM CMD...: runs CMD R times under /usr/bin/time and records the medians
# for ROW at size N. With COPY_FROM non-empty, $copy is a fresh copy of COPY_FROM (and its
# archive directory is gone) before each run; the copy is not timed.
measure() {
    local label=$1 n=$2 from=$3
    shift 3
    local tf=$work/time.txt log=$work/logs-$n/run.log r s m
    local all_s=() all_kb=()
    mkdir -p "$work/logs-$n"
    for ((r = 1; r <= runs; r++)); do
        if [[ -n $from ]]; then
            rm -rf "$copy" "$copy.archive"
            cp "$from" "$copy"
        fi
        if ! /usr/bin/time -f '%e %M' -o "$tf" "$@" >/dev/null 2>"$log"; then
            cat "$log" >&2
            die "$n LVs: failed (exit status not 0): lvstack ${*:2}"
        fi
        read -r s m < <(tail -n 1 "$tf")
        [[ $s =~ ^[0-9.]+$ && $m =~ ^[0-9]+$ ]] || die "no time and memory from /usr/bin/time for: $*"
        all_s+=("$s") all_kb+=("$m")
        say "$n LVs: $label, run $r/$runs: $s s, $(((m + 512) / 1024)) MB"
    done
    [[ $n == "${sizes[0]}" ]] && rows+=("$label")
    sec[$label,$n]=$(printf '%s\n' "${all_s[@]}" | median)
    kb[$label,$n]=$(printf '%s\n' "${all_kb[@]}" | median)
}

say "building lvstack if needed (not timed)"
"$lvstack" --version >/dev/null || die "$lvstack --version failed"
"$lvstack" lvs -a "$repo/examples/mirror_mirroredlog.vg" >/dev/null || die "$lvstack lvs -a failed"

lv=""
for n in "${sizes[@]}"; do
    file=$work/vg$n.vg
    copy=$work/copy$n.vg
    moving=$work/vg$n.pvmove.vg
    out=$work/vg$n.fmt.vg

    say "$n LVs: generate"
    measure "generate --lvs N --seed 1 --raid -o FILE" "$n" "" "$lvstack" generate --lvs "$n" --seed 1 --raid \
        -o "$file"
    grep -q "^$vg {\$" "$file" || die "$file: no VG named $vg"
    # The first linear LV (the generator names them lvolK); the same one at every size.
    first=$(awk '/^\t\tlvol[0-9]+ \{$/ { print $1; exit }' "$file")
    [[ -n $first ]] || die "$file: no lvolK LV"
    [[ -z $lv ]] && lv=$first
    [[ $first == "$lv" ]] || die "$file: the first linear LV is $first, at ${sizes[0]} LVs it was $lv"
    grep -q "device = \"$source_pv\"" "$file" || die "$file: no PV on $source_pv"
    # The first raid1 LV (the generator names them raidK); the same one at every size.
    first_raid=$(awk '/^\t\traid[0-9]+ \{$/ { print $1; exit }' "$file")
    [[ -n $first_raid ]] || die "$file: no raidK LV"
    [[ -z ${raid_lv:-} ]] && raid_lv=$first_raid
    [[ $first_raid == "$raid_lv" ]] || die "$file: the first raid LV is $first_raid, at ${sizes[0]} LVs it was $raid_lv"

    measure "lvs -a FILE" "$n" "" "$lvstack" lvs -a "$file"
    measure "lvs -a -o lv_name,lv_attr,lv_size,seg_pe_ranges,devices FILE" "$n" "" \
        "$lvstack" lvs -a -o lv_name,lv_attr,lv_size,seg_pe_ranges,devices "$file"
    measure "pvs --segments FILE" "$n" "" "$lvstack" pvs --segments "$file"
    measure "vgs FILE" "$n" "" "$lvstack" vgs "$file"
    measure "check FILE" "$n" "" "$lvstack" check "$file"
    measure "table FILE" "$n" "" "$lvstack" table "$file"
    measure "graph FILE" "$n" "" "$lvstack" graph "$file"
    measure "lvs --tree FILE" "$n" "" "$lvstack" lvs --tree "$file"
    measure "fmt FILE -o OUT" "$n" "" "$lvstack" fmt "$file" -o "$out"
    cmp -s "$file" "$out" || die "$n LVs: fmt -o did not give $file back byte for byte (see $out)"

    measure "lvcreate -L 8m -n scalelv $vg" "$n" "$file" "$lvstack" lvcreate --file "$copy" -L 8m -n scalelv "$vg"
    measure "lvextend -L +8m $vg/$lv" "$n" "$file" "$lvstack" lvextend --file "$copy" -L +8m "$vg/$lv"
    measure "lvrename $vg $lv scalenew" "$n" "$file" "$lvstack" lvrename --file "$copy" "$vg" "$lv" scalenew
    measure "lvremove -f $vg/$lv" "$n" "$file" "$lvstack" lvremove --file "$copy" -f "$vg/$lv"
    measure "lvconvert --type mirror -m1 $vg/$lv" "$n" "$file" \
        "$lvstack" lvconvert --file "$copy" --type mirror -m1 "$vg/$lv"
    measure "lvcreate --type raid1 -m1 -L 8m -n scaleraid $vg" "$n" "$file" \
        "$lvstack" lvcreate --file "$copy" --type raid1 -m1 -L 8m -n scaleraid "$vg"
    measure "lvextend -L +8m $vg/$raid_lv" "$n" "$file" "$lvstack" lvextend --file "$copy" -L +8m "$vg/$raid_lv"
    measure "lvremove -f $vg/$raid_lv" "$n" "$file" "$lvstack" lvremove --file "$copy" -f "$vg/$raid_lv"
    # anywhere: the VG's mirrors and raid LVs span the other PVs, which LVM2 keeps their legs off
    measure "pvmove --alloc anywhere $source_pv" "$n" "$file" "$lvstack" pvmove --file "$copy" --alloc anywhere \
        "$source_pv"

    say "$n LVs: preparing a pvmove in progress (not timed)"
    rm -rf "$moving" "$moving.archive"
    if ! "$lvstack" pvmove -b --alloc anywhere --file "$file" --output "$moving" "$source_pv" >/dev/null \
        2>"$work/logs-$n/prepare.log"; then
        cat "$work/logs-$n/prepare.log" >&2
        die "$n LVs: failed: pvmove -b --alloc anywhere --file $file --output $moving $source_pv"
    fi
    measure "pvmove --complete (after pvmove -b $source_pv)" "$n" "$moving" "$lvstack" pvmove --file "$copy" --complete
    measure "pvmove --abort (after pvmove -b $source_pv)" "$n" "$moving" "$lvstack" pvmove --file "$copy" --abort

    [[ -n $keep ]] || rm -rf "$file" "$out" "$moving" "$copy" "$copy.archive"
done

echo "# lvstack: linear growth of every command"
echo
machine_lines
echo "- command: $command_line"
echo "- $runs run(s) per figure, median; LV counts include sub-LVs; linear LV: $vg/$lv; raid1 LV: $vg/$raid_lv"
echo

# growth V1 V2 ...: with the sizes, the worst consecutive ratio normalized to a doubling,
# printed as "1.62×", "2.30× !" above 2.1, or "—" with one size.
growth() {
    awk -v sizes="${sizes[*]}" -v values="$*" 'BEGIN {
        k = split(sizes, n, " "); split(values, v, " ")
        worst = ""
        for (i = 1; i < k; i++) {
            if (v[i] <= 0) continue
            g = exp(log(v[i + 1] / v[i]) / (log(n[i + 1] / n[i]) / log(2)))
            if (worst == "" || g > worst) worst = g
        }
        if (worst == "") { print "—"; exit }
        w = sprintf("%.2f", worst)
        printf "%s×%s\n", w, (w + 0 > 2.1 ? " !" : "")
    }'
}

header="| command |"
rule="|---|"
for n in "${sizes[@]}"; do header+=" $n s |"; rule+="---:|"; done
header+=" growth per doubling (time) |"
rule+="---:|"
for n in "${sizes[@]}"; do header+=" $n MB |"; rule+="---:|"; done
header+=" growth per doubling (memory) |"
rule+="---:|"
echo "$header"
echo "$rule"

status=0
for label in "${rows[@]}"; do
    line="| \`$label\` |"
    ts=() ms=()
    for n in "${sizes[@]}"; do
        ts+=("${sec[$label,$n]}")
        ms+=("${kb[$label,$n]}")
        line+=" $(awk -v s="${sec[$label,$n]}" 'BEGIN { printf "%.2f", s }') |"
    done
    gt=$(growth "${ts[@]}")
    line+=" $gt |"
    for n in "${sizes[@]}"; do
        line+=" $(awk -v k="${kb[$label,$n]}" 'BEGIN { printf "%.0f", k / 1024 }') |"
    done
    gm=$(growth "${ms[@]}")
    line+=" $gm |"
    [[ $gt == *'!' || $gm == *'!' ]] && status=1
    echo "$line"
done
if ((status)); then
    say "a command grows more than 2.1× per doubling (marked !)"
fi
exit "$status"
