#!/bin/bash
# Like lvm2-oracle, but records extra report commands for the given metadata file.
set -u
file=$(realpath "$1"); out=$2; mkdir -p "$out"; out=$(realpath "$out")
exec 9>/tmp/lvm2-oracle.lock; flock 9
lab=$(mktemp -d /tmp/lab-rep.XXXX); devs=()
cleanup() {
  for v in $(vgs --noheadings -o vg_name 2>/dev/null); do (vgremove -f "$v") >/dev/null 2>&1; done
  for d in "${devs[@]}"; do pvremove -ff -y "$d" >/dev/null 2>&1; losetup -d "$d" 2>/dev/null; done
  rm -rf "$lab"
} >/dev/null 2>&1
trap cleanup EXIT
python3 - "$file" > "$lab/pvs" <<'PY'
import re, sys
s = open(sys.argv[1], errors="replace").read()
vg = re.search(r'^\s*([A-Za-z0-9_.+-]+)\s*\{', s[s.find('version'):], re.M)
print("VG", vg.group(1))
for m in re.finditer(r'(pv\d+)\s*\{\s*id\s*=\s*"([^"]+)".*?device\s*=\s*"([^"]+)".*?dev_size\s*=\s*(\d+)', s, re.S):
    print("PV", m.group(1), m.group(2), m.group(4), m.group(3))
PY
vgname=$(awk '$1=="VG"{print $2}' "$lab/pvs")
mkdir -p "$lab/etc" "$lab/lock"
# Use the same loop device numbers as the metadata's hints, so device names match.
while read -r tag name id size dev; do
  [ "$tag" = PV ] || continue
  truncate -s $(( (size + 2048) * 512 )) "$lab/$name.img"
  losetup "$dev" "$lab/$name.img" || { echo "cannot attach $dev"; exit 3; }
  devs+=("$dev")
done < "$lab/pvs"
filter=""; for d in "${devs[@]}"; do filter="$filter\"a|^$d\$|\", "; done
cat > "$lab/etc/lvm.conf" <<CONF
devices { use_devicesfile = 0 obtain_device_list_from_udev = 0 scan_lvs = 0 filter = [ $filter"r|.*|" ] }
global { activation = 0 use_lvmlockd = 0 locking_dir = "$lab/lock" }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
backup { backup = 0 archive = 0 }
CONF
export LVM_SYSTEM_DIR=$lab/etc LVM_SUPPRESS_FD_WARNINGS=1
i=0
while read -r tag name id size dev; do
  [ "$tag" = PV ] || continue
  pvcreate -ff -y --uuid "$id" --restorefile "$file" "${devs[$i]}" >/dev/null 2>&1; i=$((i+1))
done < "$lab/pvs"
vgcfgrestore -f "$file" "$vgname" > "$out/restore.log" 2>&1 || { echo "restore failed"; cat "$out/restore.log"; exit 4; }
pvs --segments "${devs[@]}" > "$out/pvs-segments.txt" 2>/dev/null
pvs --segments -o pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges --reportformat json "${devs[@]}" > "$out/pvs-segments-lv.json" 2>/dev/null
vgs "$vgname" > "$out/vgs.txt" 2>/dev/null
vgs -o +vg_extent_size,vg_extent_count,vg_free_count --units k "$vgname" > "$out/vgs-k.txt" 2>/dev/null
lvs -a -o lv_name,lv_full_name,seg_count,seg_le_ranges,seg_start,seg_size,lv_size --units m "$vgname" > "$out/lvs-m.txt" 2>/dev/null
lvs -a --noheadings --separator : -o lv_name,lv_attr,lv_size,devices "$vgname" > "$out/lvs-sep.txt" 2>/dev/null
lvs -a -O -lv_name -o lv_name,lv_size --units G "$vgname" > "$out/lvs-sort-G.txt" 2>/dev/null
pvs -o pv_name,pv_size,pv_free,pv_used,pv_pe_count,pv_pe_alloc_count,pv_attr "${devs[@]}" > "$out/pvs-more.txt" 2>/dev/null
lvs --noheadings -O -lv_name -o +seg_count --units m "$vgname" > "$out/lvs-noheadings.txt" 2>/dev/null
lvs -a -o lv_name,lv_layout,lv_role,lv_uuid,lv_tags,pv_count,vg_size,vg_free "$vgname" > "$out/lvs-layout.txt" 2>/dev/null
echo ok
