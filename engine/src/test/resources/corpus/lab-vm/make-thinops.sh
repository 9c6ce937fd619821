#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): thin and snapshot
# commands lvstack must do or refuse as LVM2 does. Writes, in the lvm2-vm corpus's form:
# thinops.steps (each command; a refused one with LVM2's exit status and last line),
# thinops.stepK.vg (vgcfgbackup after command K; step0 after vgcreate). LVM2's own metadata
# archive (lvm-etc/archive, every version it committed) comes back with the run.
#   lvm2-vm run make-thinops.sh OUT --disks 6
set -u
VG=vgx
vgcreate -s 4m $VG $PVS >/dev/null
echo "# vgcreate -s 4m $VG $PVS" > $OUT/thinops.steps
vgcfgbackup -f $OUT/thinops.step0.vg $VG >/dev/null
k=0
step() {
  k=$((k+1))
  "$@" </dev/null >/tmp/out 2>/tmp/err
  rc=$?
  cat /tmp/out /tmp/err >> $OUT/thinops.log
  if [ $rc = 0 ]; then
    echo "$*" >> $OUT/thinops.steps
  else
    # LVM2's last line, not a warning nor the hint it adds to a bad command line
    msg=$(grep -v -e WARNING -e "for more information" /tmp/err | tail -1 | sed 's/^ *//')
    echo "$*   # refused by LVM2 (exit $rc): $msg" >> $OUT/thinops.steps
  fi
  vgcfgbackup -f $OUT/thinops.step$k.vg $VG >/dev/null
}
step lvcreate -y --type thin-pool -L 64m -n pool $VG
step lvcreate -y -V 32m --thinpool $VG/pool -n thin1 $VG
step lvcreate -y -L 16m -n lin $VG
step lvcreate -y -L 16m -n origin $VG
step lvcreate -y -s -L 8m -n s1 $VG/origin
step lvcreate -y -V 16m --thinpool $VG/nopool -n t $VG
step lvcreate -y -V 16m -T $VG/lin -n t2 $VG
step lvcreate -y -s $VG/lin -n s
step lvcreate -y -s -L 8m -c 3k -n sc $VG/origin
step lvcreate -y -s -L 8m -c 1m -n sc2 $VG/origin
step lvcreate -y -s -L 8m -n ss $VG/s1
step lvcreate -y -s -L 8m -n sp $VG/pool
step lvcreate -y --type thin-pool -L 64m -c 32k -n p3 $VG
step lvcreate -y --type thin-pool -L 64m -c 96k -n p4 $VG
step lvcreate -y -s -V 16m $VG/thin1 -n bad
step lvcreate -y -V 16m --thinpool $VG/lin -n t3 $VG
step lvcreate -y -l 1%FREE -T $VG/p5
step lvcreate -y --type thin-pool -L 16m -c 128k -Zn --discards nopassdown -n p6 $VG
step lvcreate -y -V 8m --thinpool $VG/p6 -n t6 $VG
step lvremove $VG/origin
step lvremove $VG/pool
step lvremove -y $VG/origin
step lvremove -y $VG/pool
step lvcreate -y -L 8m -V 16m -T $VG/newpool -n tnew
step lvcreate -y -s $VG/tnew -n tsnap
step lvcreate -y -s --thinpool $VG/newpool $VG/lin -n lclone
step lvextend -y -L +8m $VG/newpool
step lvextend -y -L +8m $VG/tsnap
step lvremove -y $VG/tnew
step lvrename $VG/newpool $VG/np2
step lvrename $VG/tsnap $VG/tsnap2
step lvcreate -y -L 8m -n o2 $VG
step lvcreate -y -s -L 4m -n o2snap $VG/o2
step lvextend -y -L +4m $VG/o2snap
step lvrename $VG/o2snap $VG/o2snapx
step lvrename $VG/o2 $VG/o2x
step lvremove -y $VG/o2snapx
step lvremove -y $VG/lin
step lvremove -y $VG/p5
step lvremove -y $VG/np2
step lvremove -y $VG/p6
