#!/bin/bash
# Regenerates engine/src/test/resources/io/lvstack/engine/disk/<case>/: small PV disk
# images written by real LVM2 (the reference for lvstack's on-disk metadata reader) plus
# LVM2's own reports and metadata for exactly those images, and raw.txt, the on-disk facts
# found by tools/pv-image-facts.py (an independent reader, not LVM2).
#
# Needs root (losetup) and the lvm2 package. Runs LVM2 with activation off (this machine
# has no device-mapper) and a private lvm.conf (LVM_SYSTEM_DIR), so the host's LVM setup
# is neither used nor changed. See /work/shared/docs/lvm2-lab.md.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
dest=$top/engine/src/test/resources/io/lvstack/engine/disk
facts=$top/tools/pv-image-facts.py

command -v lvm >/dev/null || { apt-get update && apt-get install -y lvm2; }

# Other tools (lvm2-oracle) attach loop devices too; the machine has only eight, so runs
# are serialised on this lock for as long as we hold any loop device.
exec 9>/tmp/lvm2-oracle.lock
flock 9

lab=$(mktemp -d /tmp/pvimg.XXXXXX)
out=$lab/out
mkdir -p "$lab/etc" "$lab/lock" "$out"
export LVM_SYSTEM_DIR=$lab/etc LVM_SUPPRESS_FD_WARNINGS=1

attached=()            # every loop device we attached and have not detached yet
cleanup() {
  set +e
  for d in "${attached[@]}"; do losetup -d "$d" 2>/dev/null; done
  rm -rf "$lab"
}
trap cleanup EXIT

# attach FILE [DEV]: attach FILE (on DEV if given, to get the same name back) and set LOOP.
attach() {
  if [ $# -eq 2 ]; then losetup "$2" "$1"; LOOP=$2
  else LOOP=$(losetup -f --show "$1"); fi
  attached+=("$LOOP")
}
detach() {
  losetup -d "$1"
  local keep=() d
  for d in "${attached[@]}"; do [ "$d" = "$1" ] || keep+=("$d"); done
  attached=("${keep[@]}")
}

# The lab lvm.conf, with the filter narrowed to this case's devices so a loop device left
# by anyone else can never show up in our reports. hints = "none": do not read or write
# /run/lvm/hints, which other LVM2 runs on this machine share.
write_conf() {
  local filter="" d
  for d in "$@"; do filter="$filter\"a|^$d\$|\", "; done
  cat > "$lab/etc/lvm.conf" <<CONF
devices { use_devicesfile = 0 obtain_device_list_from_udev = 0 scan_lvs = 0 hints = "none" filter = [ $filter"r|.*|" ] }
global { activation = 0 use_lvmlockd = 0 locking_dir = "$lab/lock" }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
backup { backup = 0 archive = 0 }
CONF
}

# new_case NAME VG COUNT: fresh 8 MiB sparse images a.img, b.img... attached as loop
# devices; sets DEVS (loop devices, in creation order) and IMGS (backing files).
new_case() {
  CASE=$1; VG=$2; cdir=$lab/$CASE; cout=$out/$CASE
  mkdir -p "$cdir" "$cout"
  : > "$cout/commands"
  DEVS=(); IMGS=()
  local i f
  for ((i = 0; i < $3; i++)); do
    f=$cdir/$(printf "\\x$(printf %x $((97 + i)))").img
    truncate -s 8M "$f"
    attach "$f"; DEVS+=("$LOOP"); IMGS+=("$f")
  done
  write_conf "${DEVS[@]}"
}

# run CMD...: an LVM2 command that must succeed; logged for the case README.
run() {
  echo "$*" >> "$cout/commands"
  "$@" > "$cdir/last.log" 2>&1 || { echo "FAILED: $*"; cat "$cdir/last.log"; exit 1; }
}

# reports: LVM2's view of the VG, in the same forms as corpus/lvm2 (stdout and stderr
# apart; a nonzero exit is recorded, not fatal: the damaged cases may fail).
report() {
  local file=$1; shift
  local rc=0
  "$@" > "$cout/$file" 2> "$cout/$file.stderr" || rc=$?
  echo "$file $rc   # $*" >> "$cout/exit-codes.txt"
}
reports() {
  : > "$cout/exit-codes.txt"
  report lvs.json lvs -a --reportformat json --units s --nosuffix -o lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,stripe_size,region_size,mirror_log,lv_attr "$VG"
  # Not "pvs --segments ... VG" as corpus/lvm2 was made: pvs takes PV names, so LVM2
  # answers "Cannot use VG: device not found", exit 5, and an empty report. Select the
  # VG's PVs instead, as pvs.default.txt does.
  report pvsegs.json pvs --segments --reportformat json --units s --nosuffix -o pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges -S vg_name="$VG"
  report lvs.default.txt lvs -a "$VG"
  report pvs.default.txt pvs -S vg_name="$VG"
  report vgs.default.txt vgs "$VG"
  local rc=0
  # Run from the output directory so the file's description line names no temp path.
  (cd "$cout" && vgcfgbackup -f vgcfgbackup.vg "$VG") > "$cout/vgcfgbackup.log" 2> "$cout/vgcfgbackup.vg.stderr" || rc=$?
  echo "vgcfgbackup.vg $rc   # vgcfgbackup -f vgcfgbackup.vg $VG" >> "$cout/exit-codes.txt"
  rm -f "$cout/vgcfgbackup.log"
}

# pvindex DEV: N of the "pvN" section whose device hint is DEV in the metadata LVM2 wrote
# (images are named after the PV's place in physical_volumes, not the creation order).
pvindex() {
  awk -v dev="$1" '/^\t\tpv[0-9]+ \{/ { pv = $1 } $1 == "device" && $3 == "\"" dev "\"" { sub("pv", "", pv); print pv }' "$cout/vgcfgbackup.vg"
}

# snapshot TAG: copy all images of the case, once LVM2 is done writing.
snapshot() {
  sync
  local f
  for f in "${IMGS[@]}"; do cp --sparse=always "$f" "$f.$1"; done
}

# store TAG DEV...: write pvN.img.gz, devices.txt and raw.txt for the snapshot TAG of the
# given devices (a subset for the missing case).
store() {
  local tag=$1; shift
  local d i n args=() f
  : > "$cout/devices.txt"
  for d in "$@"; do
    for i in "${!DEVS[@]}"; do [ "${DEVS[$i]}" = "$d" ] && f=${IMGS[$i]}; done
    n=$(pvindex "$d")
    [ -n "$n" ] || { echo "no pv section names $d"; exit 1; }
    cp --sparse=always "$f.$tag" "$cout/pv$n.img"
    echo "pv$n.img $d" >> "$cout/devices.txt"
    args+=("pv$n=$cout/pv$n.img")
  done
  sort -o "$cout/devices.txt" "$cout/devices.txt"
  python3 "$facts" "${args[@]}" > "$cout/raw.txt" || { echo "checksum mismatch"; cat "$cout/raw.txt"; exit 1; }
  for f in "$cout"/pv*.img; do gzip -9n "$f"; done
}

finish_case() {
  local d
  for d in "${DEVS[@]}"; do
    if losetup "$d" >/dev/null 2>&1; then detach "$d"; fi
  done
}

readme() {
  {
    echo "# $CASE"
    echo
    cat
    echo
    echo "LVM2 commands, in order (LVM2 $(lvm version 2>/dev/null | awk '/LVM version/ {print $3}'), activation off,"
    echo "private lvm.conf as in tools/make-pv-images.sh; devices as in devices.txt):"
    echo '```'
    cat "$cout/commands"
    echo '```'
    echo "Reports (\`lvs.json\`, \`pvsegs.json\`, \`lvs.default.txt\`, \`pvs.default.txt\`,"
    echo "\`vgs.default.txt\`, \`vgcfgbackup.vg\`, each with its \`.stderr\`; exit codes in"
    echo "\`exit-codes.txt\`) were taken by LVM2 on exactly the stored images."
  } > "$cout/README.md"
  rm -f "$cout/commands"
}

# ---------------------------------------------------------------- single
new_case single vgd1 1
A=${DEVS[0]}
run pvcreate "$A"
run vgcreate -s 1m vgd1 "$A"
run lvcreate -an -Zn -l 2 -n root vgd1
run lvcreate -an -Zn -l 3 -n home vgd1
reports; snapshot final; store final "$A"
readme <<TXT
One PV (8 MiB image), VG \`vgd1\` (1 MiB extents) with two linear LVs, \`root\` and \`home\`.
TXT
finish_case

# ---------------------------------------------------------------- multi
new_case multi vgd2 3
A=${DEVS[0]}; B=${DEVS[1]}; C=${DEVS[2]}
run pvcreate "$A" "$B" "$C"
run vgcreate -s 1m --addtag site_lab vgd2 "$A" "$B" "$C"
run lvcreate -an -Zn -l 2 -n lin vgd2 "$A"
run lvcreate -an -Zn -i 2 -I 64k -l 4 -n stripe vgd2 "$B" "$C"
run lvcreate -an -Zn -l 2 -n split vgd2 "$A"
run lvextend -l +2 vgd2/split "$C"
run lvchange --addtag db vgd2/lin
run lvchange --addtag fast --addtag backup_daily vgd2/stripe
reports; snapshot final; store final "$A" "$B" "$C"
readme <<TXT
Three PVs (8 MiB images), VG \`vgd2\` (1 MiB extents, tag \`site_lab\`): \`lin\` (linear on
pv0, tag \`db\`), \`stripe\` (2 stripes of 64 KiB over pv1 and pv2, tags \`fast\`,
\`backup_daily\`), \`split\` (two linear segments: 2 extents on pv0, then 2 on pv2).
TXT
finish_case

# ---------------------------------------------------------------- wrapped
# The smallest metadata area LVM2 accepts, then metadata changes until the current copy
# straddles the end of the circular buffer. LVM2 2.03.16 refuses an area under 32 KiB
# ("Metadata area size too small: 8192 bytes. It must be at least 32768 bytes."), and with
# the default 1 MiB data alignment it stretches the area up to the first PE (--metadatasize
# 8k gives a 1020 KiB area); --dataalignment 4k keeps the area at exactly 32 KiB.
new_case wrapped vgd3 1
A=${DEVS[0]}
run pvcreate --metadatasize 32k --dataalignment 4k "$A"
run vgcreate -s 1m vgd3 "$A"
long=a_logical_volume_with_a_rather_long_name_to_grow_the_metadata_text
run lvcreate -an -Zn -l 1 -n ${long}_1 vgd3
run lvcreate -an -Zn -l 1 -n ${long}_2 vgd3
wraps=0
for ((i = 1; i <= 200; i++)); do
  # Alternate tag additions and renames; every one rewrites the whole text after the
  # previous copy in the buffer.
  if ((i % 3)); then run lvchange --addtag "tag_number_${i}_with_a_long_suffix_for_size" "vgd3/${long}_1"
  elif ((i % 2)); then run lvrename vgd3 "${long}_2" "${long}_2x"
  else run lvrename vgd3 "${long}_2x" "${long}_2"; fi
  sync
  # (into a variable first: grep -q closing the pipe early would fail it under pipefail)
  now=$(python3 "$facts" "a=${IMGS[0]}")
  if grep -q WRAPS <<< "$now"; then wraps=$i; break; fi
done
((wraps)) || { echo "metadata never wrapped"; exit 1; }
reports; snapshot final; store final "$A"
grep -q WRAPS "$cout/raw.txt" || { echo "wrap lost after reports"; exit 1; }
readme <<TXT
One PV (8 MiB image) made with \`pvcreate --metadatasize 32k --dataalignment 4k\`: a 32 KiB
metadata area, the smallest LVM2 accepts (it refuses 8k and 28k: "Metadata area size too
small: 8192 bytes. It must be at least 32768 bytes."; with the default 1 MiB data
alignment, --metadatasize 8k gives a 1020 KiB area up to the first PE). VG \`vgd3\`, then metadata changes until the current
metadata text wraps around the end of the circular buffer ($wraps changes after the two
lvcreates). raw.txt shows the wrap: the text starts near the end of the area and
continues at area offset 512, right after the mda header.
TXT
finish_case

# ---------------------------------------------------------------- twomdas
new_case twomdas vgd4 1
A=${DEVS[0]}
run pvcreate --pvmetadatacopies 2 "$A"
run vgcreate -s 1m vgd4 "$A"
run lvcreate -an -Zn -l 2 -n data vgd4
reports; snapshot final; store final "$A"
readme <<TXT
One PV (8 MiB image) with two metadata areas (\`pvcreate --pvmetadatacopies 2\`): one at
the start, one at the end of the device. VG \`vgd4\` with one linear LV \`data\`.
TXT
finish_case

# ---------------------------------------------------------------- missing
new_case missing vgd5 2
A=${DEVS[0]}; B=${DEVS[1]}
run pvcreate "$A" "$B"
run vgcreate -s 1m vgd5 "$A" "$B"
run lvcreate -an -Zn -l 2 -n keep vgd5 "$A"
run lvcreate -an -Zn -l 2 -n gone vgd5 "$B"
run lvcreate -an -Zn -l 6 -n span vgd5 "$A" "$B"
vgcfgbackup -f "$cout/vgcfgbackup.vg" vgd5 >/dev/null 2>&1   # for pvindex only; replaced below
missing_pv=pv$(pvindex "$B")
snapshot before
echo "losetup -d $B   # the PV $missing_pv disappears" >> "$cout/commands"
detach "$B"
reports; snapshot final
cmp -s "${IMGS[0]}.before" "${IMGS[0]}.final" && changed=no || changed=yes
store final "$A"
readme <<TXT
Two PVs (8 MiB images), VG \`vgd5\`: \`keep\` on pv0, \`gone\` on pv1, \`span\` over both.
Then $B was detached: **$missing_pv is missing** (its image is not stored; devices.txt
lists only the PV that remained). The reports and vgcfgbackup.vg are LVM2's view of the
VG with that PV missing (\`[unknown]\` devices, warnings in the \`.stderr\` files).
Did running the reports change the remaining image? $changed.
TXT
finish_case

# ---------------------------------------------------------------- stale
new_case stale vgd6 2
A=${DEVS[0]}; B=${DEVS[1]}
run pvcreate "$A" "$B"
run vgcreate -s 1m vgd6 "$A" "$B"
run lvcreate -an -Zn -l 2 -n one vgd6 "$A"
sync; cp --sparse=always "${IMGS[1]}" "$cdir/old.img"
echo "# (saved a copy of $B's image here)" >> "$cout/commands"
run lvcreate -an -Zn -l 2 -n two vgd6 "$B"
vgcfgbackup -f "$cout/vgcfgbackup.vg" vgd6 >/dev/null 2>&1   # for pvindex only; replaced below
stale_pv=pv$(pvindex "$B")
detach "$B"
cp --sparse=always "$cdir/old.img" "${IMGS[1]}"
attach "${IMGS[1]}" "$B"
echo "# (detached $B, put the saved older image back, reattached it as $B: $stale_pv is stale)" >> "$cout/commands"
snapshot stale
reports; snapshot after
changed=""
for i in 0 1; do
  cmp -s "${IMGS[$i]}.stale" "${IMGS[$i]}.after" || changed="$changed ${DEVS[$i]}"
done
store stale "$A" "$B"
if [ -n "$changed" ]; then
  # Keep the facts of what LVM2 wrote while reporting, next to the stale ones.
  args=()
  while read -r img dev; do
    for i in 0 1; do [ "${DEVS[$i]}" = "$dev" ] && cp "${IMGS[$i]}.after" "$lab/${img%.img}.after"; done
    args+=("${img%.img}=$lab/${img%.img}.after")
  done < "$cout/devices.txt"
  python3 "$facts" "${args[@]}" > "$cout/raw.after-reports.txt" || true
fi
readme <<TXT
Two PVs (8 MiB images), VG \`vgd6\`. After \`lvcreate ... one\` a copy of pv1's image was
saved; after \`lvcreate ... two\` (which updated the metadata on both PVs) that older image
was put back: **$stale_pv holds an older metadata copy** (lower seqno, no LV \`two\`) than
pv0. The stored images are that stale state, taken before any report ran. The reports are
LVM2's view of it (warnings in the \`.stderr\` files).
Images LVM2 changed while reporting: ${changed:-none}.$([ -n "$changed" ] && echo " raw.after-reports.txt holds the facts of the images after the reports (not stored).")
TXT
finish_case

# ---------------------------------------------------------------- install
cat > "$out/README.md" <<'TXT'
# PV disk images written by real LVM2

Made by `tools/make-pv-images.sh` (rerun it to regenerate; UUIDs and times change each
run). One directory per case; each holds:

- `pvN.img.gz`: gzip of an 8 MiB PV image, N being the PV's place in the metadata's
  `physical_volumes` (`pvN` section). Copied from the loop device's backing file after
  LVM2's last command.
- `devices.txt`: `pvN.img /dev/loopX`, the loop device each image was while LVM2 wrote and
  reported it (device hints and report `devices` name these).
- LVM2's reports for exactly these images, stdout and, in `FILE.stderr`, stderr
  (exit codes in `exit-codes.txt`):
  - `lvs.json`: `lvs -a --reportformat json --units s --nosuffix -o
    lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,stripe_size,region_size,mirror_log,lv_attr VG`
  - `pvsegs.json`: `pvs --segments --reportformat json --units s --nosuffix -o
    pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges -S vg_name=VG`. Note `-S
    vg_name=VG`: `corpus/lvm2` ran the same command with a bare `VG` argument, which pvs
    takes for a device ("Cannot use VG: device not found", exit 5), so every
    `corpus/lvm2/*.pvsegs.json` is an empty report.
  - `lvs.default.txt`: `lvs -a VG`; `pvs.default.txt`: `pvs -S vg_name=VG`;
    `vgs.default.txt`: `vgs VG`
  - `vgcfgbackup.vg`: `vgcfgbackup -f vgcfgbackup.vg VG`, the metadata as LVM2 sees it.
- `raw.txt`: on-disk facts found by `tools/pv-image-facts.py`, a small independent reader
  (not LVM2): label, pv_header, data and metadata areas, mda headers, raw_locns, whether
  the metadata text wraps, its seqno, and every checksum verified.
- `README.md`: how the case was made.

LVM2 2.03.16 (Debian 12), activation off (no device-mapper here: every stderr starts with
"WARNING: Activation disabled...", and `lv_attr` characters 5 and 6 are `X`). lvm.conf as
in `/work/shared/docs/lvm2-lab.md`, except that the filter accepts only the case's own
loop devices and `hints = "none"`.

Cases: `single` (one PV, two linear LVs), `multi` (three PVs: linear, 2-stripe, two
segments on two PVs, tags), `wrapped` (32 KiB metadata area; the current text wraps
around the end of the circular buffer), `twomdas` (two metadata areas on one PV),
`missing` (two-PV VG reported with one PV gone; only the remaining image), `stale` (two-PV
VG, one PV holding an older metadata copy).
TXT
rm -rf "$dest"
mkdir -p "$dest"
cp -r "$out"/. "$dest"/
echo "written to $dest:"
du -sh "$dest"
