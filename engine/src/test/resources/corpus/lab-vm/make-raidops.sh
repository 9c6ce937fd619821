#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): raid commands lvstack
# must do or refuse as LVM2 does. Writes, in the lvm2-vm corpus's form:
# raidops.steps (each command; a refused one with LVM2's exit status and last line),
# raidops.stepK.vg (vgcfgbackup after command K; step0 after vgcreate), raidops.log (all LVM2
# printed), and at the end raidops.dmtable.txt, raidops.dminfo.txt, raidops.pvdevs.txt.
# LVM2's own metadata archive (lvm-etc/archive, every version it committed) comes back with the run.
#   lvm2-vm run make-raidops.sh OUT --disks 6 --timeout 1500
# After every command the job waits (60 s at most) until every raid/mirror LV is in sync, so that
# LVM2 does not refuse a later conversion because of resync. When LVM2 says "Repeat this
# command", the same command is run once more, as its own step. No argument holds a space: the
# steps are replayed split at spaces.
set -u
VG=vgo
N=raidops
vgcreate -s 4m $VG $PVS >/dev/null
echo "# vgcreate -s 4m $VG $PVS" > $OUT/$N.steps
vgcfgbackup -f $OUT/$N.step0.vg $VG >/dev/null
k=0
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
  wait_sync
  vgcfgbackup -f $OUT/$N.step$k.vg $VG >/dev/null
  if grep -q "Repeat this command" /tmp/out /tmp/err && [ "${REPEATING:-}" != 1 ]; then
    echo "### step $k asked to be repeated" >> $OUT/$N.log
    REPEATING=1 step "$@"
  fi
}
step lvcreate -y -m1 -L 8m -n m $VG
step lvcreate -y --type raid1 -m1 -R 1m -L 8m -n rr $VG
step lvcreate -y --type raid1 -m1 --nosync -L 8m -n ns $VG
step lvcreate -y --type raid0_meta -i2 -L 8m -n r0m $VG
step lvcreate -y --type raid5_la -i2 -L 8m -n r5la $VG
step lvcreate -y --type raid5 -i2 -I 16k -L 8m -n r5i $VG
step lvcreate -y --type raid6_nr -i3 -L 12m -n r6nr $VG
step lvcreate -y --type raid10 -m1 -i3 -L 12m -n r10x $VG
step lvcreate -y --type raid6 -i2 -L 8m -n bad6 $VG
step lvcreate -y --type raid1 -m1 -L 8m -n one $VG /dev/vdb
step lvconvert -y -m+1 $VG/m
step lvconvert -y -m-1 $VG/m
step lvconvert -y -m1 $VG/r5la
step lvconvert -y --splitmirrors 1 --trackchanges $VG/m
step lvconvert -y --mergemirrors $VG/m_rimage_1
step lvextend -y -L +4m $VG/rr
step lvreduce -y -L -4m $VG/rr
step lvextend -y -L +8m $VG/r6nr
step lvreduce -y -L -4m $VG/r5i
step lvrename $VG/rr $VG/rr2
step lvconvert -y --raidintegrity y $VG/ns
step lvconvert -y --raidintegrity n $VG/ns
step lvconvert -y --type raid5 $VG/m
step lvconvert -y --type raid6 $VG/r5i
step lvconvert -y --type striped $VG/r0m
step lvcreate -y -i2 -L 8m -n st $VG
step lvconvert -y --type raid0 $VG/st
step lvconvert -y --type raid10 $VG/st
step lvcreate -y --type mirror -m1 -L 8m -n mi $VG
step lvconvert -y --type raid1 $VG/mi
step lvconvert -y --type mirror $VG/mi
step lvremove -y $VG/r10x
step lvremove -y $VG/rr2
# device-mapper, with the LVs active
lvs -a -o name,segtype,attr,sync_percent,devices $VG >> $OUT/$N.log 2>&1
dmsetup table > $OUT/$N.dmtable.txt
dmsetup info -c --noheadings -o name,major,minor --separator ' ' | sort > $OUT/$N.dminfo.txt
for d in $PVS; do
  set -- $(stat -L -c '%t %T' $d)
  echo "$d $((16#$1)):$((16#$2))"
done > $OUT/$N.pvdevs.txt
