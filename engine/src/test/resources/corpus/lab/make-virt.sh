#!/bin/bash
set -e
# Makes the lab case virt: real LVM2 (activation off, loop devices) runs the commands in virt.steps
# and backs up the VG after each (virt.stepK.vg); reports as the lvm2 corpus makes them.
# usage: make-virt.sh OUTDIR (as root; LVM2 from the Debian package lvm2)
out=$1; mkdir -p $out
lab=$(mktemp -d); mkdir -p $lab/etc $lab/lock
cat > $lab/etc/lvm.conf <<CONF
devices { use_devicesfile = 0 obtain_device_list_from_udev = 0 scan_lvs = 0 filter = [ "a|^/dev/loop|", "r|.*|" ] }
global { activation = 0 use_lvmlockd = 0 locking_dir = "$lab/lock" }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
backup { backup = 0 archive = 0 }
CONF
export LVM_SYSTEM_DIR=$lab/etc LVM_SUPPRESS_FD_WARNINGS=1
truncate -s 64M $lab/a.img $lab/b.img
A=$(losetup -f --show $lab/a.img); B=$(losetup -f --show $lab/b.img)
cleanup() { vgremove -ff -y vgv >/dev/null 2>&1 || true; pvremove -ff -y $A $B >/dev/null 2>&1 || true; losetup -d $A $B; rm -rf $lab; }
trap cleanup EXIT
pvcreate -q $A $B >/dev/null && vgcreate -q -s 4m vgv $A $B >/dev/null
k=0
step() { k=$((k+1)); echo "$*" >> $out/virt.steps; "$@" ; vgcfgbackup -q -f $out/virt.step$k.vg vgv >/dev/null; }
: > $out/virt.steps
step lvcreate -an -Zn -L 8M -n plain vgv
step lvcreate --type error -L 8M -n err vgv
step lvcreate --type zero -L 12M -n zer vgv
step lvextend -L +4M vgv/zer
step lvcreate --type zero -l 2 vgv
step lvextend -L +8M vgv/err
vgcfgbackup -q -f $out/virt.vg vgv >/dev/null
lvs -a --units s --nosuffix -o lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,stripe_size,region_size,mirror_log,lv_attr --reportformat json vgv > $out/virt.lvs.json
lvs -a --units s --nosuffix -o lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,seg_pe_ranges,stripes,stripe_size,region_size,mirror_log,lv_attr vgv > $out/virt.lvs.txt
lvs -a vgv > $out/virt.lvs.default.txt
pvs -S vg_name=vgv > $out/virt.pvs.default.txt
vgs vgv > $out/virt.vgs.default.txt
pvs --segments --reportformat json --units s --nosuffix -o pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges -S vg_name=vgv > $out/virt.pvsegs.json
echo "A=$A B=$B"
