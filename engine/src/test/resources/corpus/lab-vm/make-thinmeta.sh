#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): a thin
# pool's metadata LV grown with --poolmetadatasize, and its spare. Writes, in the lvm2-vm corpus's form:
# thinmeta.steps (each command; a refused one with LVM2's exit status and last line),
# thinmeta.stepK.vg (vgcfgbackup after command K; step0 after vgcreate). LVM2's own metadata
# archive (lvm-etc/archive, every version it committed) comes back with the run.
#   lvm2-vm run make-thinmeta.sh OUT --disks 6
set -u
VG=vgx
vgcreate -s 4m $VG $PVS >/dev/null
echo "# vgcreate -s 4m $VG $PVS" > $OUT/thinmeta.steps
vgcfgbackup -f $OUT/thinmeta.step0.vg $VG >/dev/null
k=0
step() {
  k=$((k+1))
  "$@" </dev/null >/tmp/out 2>/tmp/err
  rc=$?
  cat /tmp/out /tmp/err >> $OUT/thinmeta.log
  if [ $rc = 0 ]; then
    echo "$*" >> $OUT/thinmeta.steps
  else
    # LVM2's last line, not a warning nor the hint it adds to a bad command line
    msg=$(grep -v -e WARNING -e "for more information" /tmp/err | tail -1 | sed 's/^ *//')
    echo "$*   # refused by LVM2 (exit $rc): $msg" >> $OUT/thinmeta.steps
  fi
  vgcfgbackup -f $OUT/thinmeta.step$k.vg $VG >/dev/null
}
step lvcreate -y --type thin-pool -L 64m -n pool $VG
step lvcreate -y -V 32m --thinpool $VG/pool -n thin1 $VG
step lvextend -y --poolmetadatasize +4m $VG/pool
step lvextend -y -L +8m --poolmetadatasize +4m $VG/pool
step lvextend -y --poolmetadatasize 16m $VG/pool
step lvextend -y --poolmetadatasize 8m $VG/pool
step lvextend -y -l +100%FREE $VG/thin1
step lvcreate -y --type thin-pool -L 32m --poolmetadatasize 8m -n pool2 $VG
step lvextend -y --poolmetadatasize +8m $VG/pool2
step lvremove -y $VG/pool
step lvrename $VG/pool2 $VG/pool3
step lvremove -y $VG/pool3
