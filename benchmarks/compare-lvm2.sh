#!/usr/bin/env bash
# compare-lvm2.sh: times real LVM2 and lvstack side by side on the same generated VGs.
#
# usage: benchmarks/compare-lvm2.sh [--runs R] [--lvm2-runs R] [--keep DIR] [SIZES...]
#   SIZES          LV counts, sub-LVs included (default: 1000 2000 4000 8000 16000 32000)
#   --runs R       lvstack runs per size and work; the median is reported (default 3)
#   --lvm2-runs R  LVM2 runs per size and work, median as well (default 1: they are slow)
#   --keep DIR     work in DIR and keep the metadata files and logs there (the loop images go)
#
# For each size it generates a VG with `lvstack generate --seed 1`, restores it with real LVM2
# onto sparse loop devices (activation off, a private lvm.conf; see docs/PERFORMANCE.md and
# ../shared/docs/lvm2-lab.md), and times with /usr/bin/time -v:
#   lvs -a       LVM2 `lvs -a VG`            against `lvstack lvs -a FILE`
#   restore      LVM2 `vgcfgrestore -f FILE` against `lvstack check FILE` + `lvstack fmt FILE -o OUT`
# It checks on the way that fmt gives the input back byte for byte and that both list the same
# number of LVs. The Markdown table goes to standard output, progress to standard error.
#
# Needs root, loop devices, GNU time and LVM2. It installs nothing: without `lvm` it says so
# and exits 1 (`apt-get install -y lvm2` provides it).
set -euo pipefail

tool=compare-lvm2
die_status=1
usage_lines=4,9
# shellcheck source=benchmarks/common.sh
source "$(dirname "$(readlink -f "$0")")/common.sh"

runs=3
lvm2_runs=1
keep=""
sizes=()
while (($#)); do
    case $1 in
        --runs) runs=${2:?}; shift 2 ;;
        --lvm2-runs) lvm2_runs=${2:?}; shift 2 ;;
        --keep) keep=${2:?}; shift 2 ;;
        -h | --help) usage 0 ;;
        -*) usage 2 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
((${#sizes[@]})) || sizes=(1000 2000 4000 8000 16000 32000)
for n in "${sizes[@]}" "$runs" "$lvm2_runs"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "not a positive number: $n"
done

[[ $(id -u) == 0 ]] || die "needs root (loop devices and LVM2); run it with sudo"
command -v lvm >/dev/null || die "needs LVM2: no lvm command on PATH (apt-get install -y lvm2 provides it)"
[[ -x /usr/bin/time ]] || die "needs GNU time as /usr/bin/time (apt-get install -y time)"
command -v losetup >/dev/null || die "needs losetup (util-linux)"

setup_work compare-lvm2

# Whatever is attached now; the trap detaches it on any exit, error or interrupt included.
devs=()
lab=""
teardown() {
    # The VG and PVs live only on the images: detaching the devices and deleting the images
    # removes them, without vgremove, which rewrites the metadata once per LV.
    local d
    for d in "${devs[@]}"; do
        losetup -d "$d" 2>/dev/null || say "could not detach $d"
    done
    devs=()
    [[ -n $lab ]] && rm -rf "$lab"
    lab=""
}
finish() {
    teardown
    remove_work time-v.txt
}
on_exit finish

export LVM_SUPPRESS_FD_WARNINGS=1
# The lab's lvm.conf, read through LVM_SYSTEM_DIR; set only while a lab exists.
lvm_env=()

# timed OUT LOG CMD...: runs CMD with stdout to OUT and stderr to LOG; sets t_s (seconds) and
# t_kb (peak resident memory, KB).
# The wall clock is taken around /usr/bin/time, whose own figure has only 10 ms resolution;
# the peak memory is time -v's "Maximum resident set size".
timed() {
    local out=$1 log=$2
    shift 2
    local tv=$work/time-v.txt start end
    start=$EPOCHREALTIME
    if ! env "${lvm_env[@]}" /usr/bin/time -v -o "$tv" "$@" >"$out" 2>"$log"; then
        cat "$log" >&2
        die "failed: $* (log: $log)"
    fi
    end=$EPOCHREALTIME
    t_kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$tv")
    [[ -n $t_kb ]] || die "no peak memory from /usr/bin/time for: $*"
    t_s=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
}

# The lab for one size: loop devices with the file's PV UUIDs and sizes, PVs restored from it.
setup_lab() {
    local file=$1 n=$2
    lab=$work/lab-$n
    mkdir -p "$lab/etc" "$lab/lock"
    local ids=() id size d
    while read -r id size; do
        truncate -s $((size * 512)) "$lab/pv${#ids[@]}.img"
        d=$(losetup -f --show "$lab/pv${#ids[@]}.img") || die "no free loop device (the machine has few)"
        devs+=("$d")
        ids+=("$id")
    done < <(awk '/^\t\tpv[0-9]+ \{/ { pv = 1 } pv && $1 == "id" { gsub(/"/, "", $3); id = $3 }
        pv && $1 == "dev_size" { print id, $3; pv = 0 }' "$file")
    ((${#ids[@]})) || die "no PVs found in $file"
    local filter="" i
    for d in "${devs[@]}"; do filter+="\"a|^$d\$|\", "; done
    # Only this lab's devices are scanned; no activation (no device-mapper here), no backups,
    # locks in the lab, and no hints file, so nothing outside the lab changes.
    cat >"$lab/etc/lvm.conf" <<CONF
devices { use_devicesfile = 0 obtain_device_list_from_udev = 0 scan_lvs = 0 hints = "none" filter = [ $filter"r|.*|" ] }
global { activation = 0 use_lvmlockd = 0 locking_dir = "$lab/lock" }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
backup { backup = 0 archive = 0 }
CONF
    lvm_env=(LVM_SYSTEM_DIR="$lab/etc")
    for i in "${!ids[@]}"; do
        env "${lvm_env[@]}" pvcreate -ff -y --uuid "${ids[$i]}" --restorefile "$file" "${devs[$i]}" \
            >>"$lab/pvcreate.log" 2>&1 || { cat "$lab/pvcreate.log" >&2; die "pvcreate failed for ${devs[$i]}"; }
    done
}

# The VG's name: the first section opened at the top level of the file.
vg_name() {
    awk '/^[^ \t#=]+ \{$/ { print $1; exit }' "$1"
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
row() {
    # row N WORK LVM2_S LVM2_KB LVSTACK_S LVSTACK_KB
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$5" "$(ratio "$3" "$5")" \
        "$(mb "$4")" "$(mb "$6")" "$(ratio "$4" "$6")"
}

say "building lvstack if needed (not timed)"
"$lvstack" --version >/dev/null
"$lvstack" lvs -a "$repo/examples/mirror_mirroredlog.vg" >/dev/null

echo "# LVM2 and lvstack side by side"
echo
machine_lines
echo "- LVM2: $(lvm version 2>/dev/null | awk -F': *' '/LVM version/ { print $2 }')"
echo "- lvstack: $("$lvstack" --version | head -n 1), runs per figure: lvstack $runs, LVM2 $lvm2_runs (median)"
echo "- speed-up = LVM2 s / lvstack s; memory ratio = LVM2 MB / lvstack MB (above 1: lvstack needs less)"
echo "- restore: LVM2 vgcfgrestore against lvstack check + fmt -o (times added, the larger peak memory)"
echo
echo "| LVs | work | LVM2 s | lvstack s | speed-up | LVM2 MB | lvstack MB | memory ratio |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"

for n in "${sizes[@]}"; do
    file=$work/vg$n.vg
    out=$work/vg$n.fmt.vg
    logs=$work/logs-$n
    mkdir -p "$logs"
    say "$n LVs: generating $file"
    "$lvstack" generate --lvs "$n" --seed 1 -o "$file"
    vg=$(vg_name "$file")
    [[ -n $vg ]] || die "no VG name in $file"

    say "$n LVs: restoring with LVM2"
    # One lab at a time with ../shared/tools/lvm2-oracle, which takes the same lock: the
    # machine has eight loop devices for everyone.
    exec 8>/tmp/lvm2-oracle.lock
    flock 8
    setup_lab "$file" "$n"
    restore_s=() restore_kb=() lvs_s=() lvs_kb=()
    for ((r = 0; r < lvm2_runs; r++)); do
        timed /dev/null "$logs/vgcfgrestore.$r.log" vgcfgrestore -f "$file" "$vg"
        restore_s+=("$t_s") restore_kb+=("$t_kb")
    done
    say "$n LVs: LVM2 lvs -a"
    for ((r = 0; r < lvm2_runs; r++)); do
        timed /dev/null "$logs/lvs.$r.log" lvs -a "$vg"
        lvs_s+=("$t_s") lvs_kb+=("$t_kb")
    done
    lvm2_lines=$(env "${lvm_env[@]}" lvs -a --noheadings "$vg" 2>"$logs/lvs-count.log" | wc -l)
    teardown
    lvm_env=()
    exec 8>&-

    say "$n LVs: lvstack, $runs runs"
    s_lvs=() kb_lvs=() s_rest=() kb_rest=()
    for ((r = 0; r < runs; r++)); do
        timed /dev/null "$logs/lvstack-lvs.$r.log" "$lvstack" lvs -a "$file"
        s_lvs+=("$t_s") kb_lvs+=("$t_kb")
        timed "$logs/lvstack-check.$r.out" "$logs/lvstack-check.$r.log" "$lvstack" check "$file"
        s1=$t_s kb1=$t_kb
        rm -f "$out"
        timed /dev/null "$logs/lvstack-fmt.$r.log" "$lvstack" fmt "$file" -o "$out"
        cmp -s "$file" "$out" || die "lvstack fmt -o did not give $file back byte for byte (see $out)"
        s_rest+=("$(awk -v a="$s1" -v b="$t_s" 'BEGIN { printf "%.3f", a + b }')")
        kb_rest+=("$((kb1 > t_kb ? kb1 : t_kb))")
    done
    lvstack_lines=$("$lvstack" lvs -a --noheadings "$file" | wc -l)
    [[ $lvm2_lines == "$lvstack_lines" && $lvm2_lines == "$n" ]] \
        || die "$n LVs: LVM2 lists $lvm2_lines LVs, lvstack $lvstack_lines"

    row "$n" 'lvs -a' "$(printf '%s\n' "${lvs_s[@]}" | median)" "$(printf '%s\n' "${lvs_kb[@]}" | median)" \
        "$(printf '%s\n' "${s_lvs[@]}" | median)" "$(printf '%s\n' "${kb_lvs[@]}" | median)"
    row "$n" restore "$(printf '%s\n' "${restore_s[@]}" | median)" "$(printf '%s\n' "${restore_kb[@]}" | median)" \
        "$(printf '%s\n' "${s_rest[@]}" | median)" "$(printf '%s\n' "${kb_rest[@]}" | median)"
    [[ -n $keep ]] || rm -f "$file" "$out"
done
