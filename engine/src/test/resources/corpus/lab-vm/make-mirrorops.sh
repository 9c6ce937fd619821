#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): mirror and pvmove
# commands lvstack must do or refuse as LVM2 does. Writes, in the lvm2-vm corpus's form:
# mirrorops.steps (each command; a refused one with LVM2's exit status and last line),
# mirrorops.stepK.vg (vgcfgbackup after command K; step0 after vgcreate), mirrorops.log (all
# LVM2 printed), and at the end mirrorops.dmtable.txt, mirrorops.dminfo.txt, mirrorops.pvdevs.txt.
# LVM2's own metadata archive (lvm-etc/archive, every version it committed) comes back with the run.
#   lvm2-vm run make-mirrorops.sh OUT --disks 6 --timeout 1500
# After every command the job waits (60 s at most each) until no pvmove0 is left and every
# mirror LV is in sync; not after the `pvmove -b` that is aborted: its step .vg shows the move
# in progress. So that the abort catches the copy, dm-mirror's kcopyd throttle
# (dm_mirror.raid1_resync_throttle) is set to 1 % from that pvmove to the abort. No argument
# holds a space: the steps are replayed split at spaces.
# `pvmove /dev/vdb:0-2 /dev/vdc` is refused (those PEs are the leg m_mimage_0, and vdc holds the
# other leg m_mimage_1); so is `pvmove /dev/vdb:6-8 /dev/vdc`, a range of the linear LV big only
# (vdb also holds legs whose siblings are on vdc); `pvmove /dev/vdb:6-8 /dev/vde` moves it. The
# two /dev/vdb:6-8 steps were added to the planned list for that reason.
set -u
VG=vgw
N=mirrorops
vgcreate -s 4m $VG $PVS >/dev/null
echo "# vgcreate -s 4m $VG $PVS" > $OUT/$N.steps
vgcfgbackup -f $OUT/$N.step0.vg $VG >/dev/null
k=0
wait_pvmove() {  # no pvmove0 left, 60 s at most
  local i=0
  while lvs -a --noheadings -o name $VG 2>/dev/null | grep -q pvmove; do
    if [ $i -ge 60 ]; then
      echo "### step $k: pvmove wait timed out after 60 s" >> $OUT/$N.log
      lvs -a -o name,segtype,copy_percent,devices $VG >> $OUT/$N.log 2>&1
      return 1
    fi
    sleep 1; i=$((i+1))
  done
}
wait_sync() {  # every non-empty sync_percent 100.00, 60 s at most
  local i=0 v
  sleep 1
  while :; do
    v=$(lvs --noheadings -o sync_percent $VG 2>/dev/null | tr -d ' ' | grep -v -e '^$' -e '^100.00$')
    [ -z "$v" ] && return 0
    if [ $i -ge 60 ]; then
      echo "### step $k: sync wait timed out after 60 s: $(echo $v)" >> $OUT/$N.log
      lvs -a -o name,segtype,sync_percent,devices $VG >> $OUT/$N.log 2>&1
      return 1
    fi
    sleep 1; i=$((i+1))
  done
}
step() {
  k=$((k+1))
  echo "### step $k: $*" >> $OUT/$N.log
  "$@" </dev/null >/tmp/out 2>/tmp/err
  rc=$?
  cat /tmp/out /tmp/err >> $OUT/$N.log
  if [ $rc = 0 ]; then
    echo "$*" >> $OUT/$N.steps
  else
    # LVM2's last line, not a warning nor the hint it adds to a bad command line
    msg=$(grep -v -e WARNING -e "for more information" /tmp/err | tail -1 | sed 's/^ *//')
    echo "$*   # refused by LVM2 (exit $rc): $msg" >> $OUT/$N.steps
  fi
  if [ "${NOWAIT:-}" != 1 ]; then
    wait_pvmove
    wait_sync
  fi
  vgcfgbackup -f $OUT/$N.step$k.vg $VG >/dev/null
  lvs -a -o name,segtype,copy_percent,devices $VG >> $OUT/$N.log 2>&1
}
THROTTLE=/sys/module/dm_mirror/parameters/raid1_resync_throttle
step lvcreate -y --type mirror -m1 -L 8m -n m $VG
step lvextend -y -L +8m $VG/m
step lvreduce -y -L -4m $VG/m
step lvcreate -y --type mirror -m1 --mirrorlog core -L 8m -n mc $VG
step lvextend -y -L +4m $VG/mc
step lvcreate -y -L 40m -n big $VG /dev/vdb
step pvmove -i1 /dev/vdb:0-2 /dev/vdc
step pvmove -i1 /dev/vdb:6-8 /dev/vdc
step pvmove -i1 /dev/vdb:6-8 /dev/vde
step pvmove -i1 --atomic /dev/vdb /dev/vdd
step pvmove -i1 -b /dev/vdc /dev/vde
step lvcreate -y -L 200m -n huge $VG /dev/vdf
echo 1 > $THROTTLE && echo "### $THROTTLE = $(cat $THROTTLE)" >> $OUT/$N.log
NOWAIT=1 step pvmove -i1 -b /dev/vdf /dev/vdg
step pvmove -i1 --abort
echo 100 > $THROTTLE && echo "### $THROTTLE = $(cat $THROTTLE)" >> $OUT/$N.log
step lvconvert -y --type mirror -m1 --mirrorlog mirrored $VG/big
step lvconvert -y --mirrorlog disk $VG/big
step lvremove -y $VG/m
# device-mapper, with the LVs active
dmsetup table > $OUT/$N.dmtable.txt
dmsetup info -c --noheadings -o name,major,minor --separator ' ' | sort > $OUT/$N.dminfo.txt
for d in $PVS; do
  set -- $(stat -L -c '%t %T' $d)
  echo "$d $((16#$1)):$((16#$2))"
done > $OUT/$N.pvdevs.txt
