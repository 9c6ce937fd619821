#!/bin/bash
# Makes the lab case cachedm: LVM2's device-mapper tables for caches, loaded from scratch, which
# the lvm2-vm corpus's cache case lacks (its tables show devices made over 14 commands). A job for
# ../shared/tools/lvm2-vm (real LVM2 2.03.16 and a kernel with dm-cache and dm-writecache):
#   lvm2-vm run make-cachedm.sh OUTDIR --disks 6
# It runs the first 6 commands of the lvm2-vm cache case (a cache pool cache and a cachevol
# cache), then all 14, and after each part deactivates the VG and activates LVs again:
#   cachedm.pvdevs.txt                 each PV's MAJOR:MINOR
#   cachedm.step6.vg                   the VG after command 6 (as lvm2-vm/cache.step6.vg, other ids)
#   cachedm.step6.slow2.dm{table,info}.txt   lvchange -ay vgk/slow2 alone (the cachevol cache)
#   cachedm.step14.vg                  the VG after command 14 (as lvm2-vm/cache.vg, other ids)
#   cachedm.all.dm{table,info}.txt     vgchange -ay vgk
#   cachedm.slow3.dm{table,info}.txt   lvchange -ay vgk/slow3 alone (the writecache)
# dminfo lines are "NAME MAJOR MINOR", sorted by name; dmtable is `dmsetup table`, sorted.
set -ex
dm() {
  dmsetup table | sort > $OUT/cachedm.$1.dmtable.txt
  dmsetup info -c -o name,major,minor --noheadings --separator ' ' | sort > $OUT/cachedm.$1.dminfo.txt
}
for d in $PVS; do echo "$d $(cat /sys/block/$(basename $d)/dev)"; done > $OUT/cachedm.pvdevs.txt
vgcreate -s 4m vgk $PVS
lvcreate -y -L 32m -n slow vgk /dev/vdb
lvcreate -y --type cache-pool -L 16m -n cpool vgk /dev/vdc
lvconvert -y --type cache --cachepool vgk/cpool vgk/slow
lvcreate -y -L 32m -n slow2 vgk /dev/vdb
lvcreate -y -L 8m -n fast2 vgk /dev/vdd
lvconvert -y --type cache --cachevol vgk/fast2 vgk/slow2
vgcfgbackup -f $OUT/cachedm.step6.vg vgk
vgchange -an vgk
lvchange -ay vgk/slow2
dm step6.slow2
vgchange -ay vgk
lvcreate -y -L 24m -n slow3 vgk /dev/vdb
lvcreate -y -an -L 8m -n fast3 vgk /dev/vde
lvconvert -y --type writecache --cachevol vgk/fast3 vgk/slow3
lvcreate -y -L 16m -n slow4 vgk /dev/vdb
lvcreate -y --type cache-pool -L 8m -n cpool4 vgk /dev/vdc
lvconvert -y --type cache --cachepool vgk/cpool4 vgk/slow4
lvconvert -y --splitcache vgk/slow4
lvconvert -y --uncache vgk/slow2
vgcfgbackup -f $OUT/cachedm.step14.vg vgk
vgchange -an vgk
vgchange -ay vgk
dm all
vgchange -an vgk
lvchange -ay vgk/slow3
dm slow3
vgchange -an vgk
