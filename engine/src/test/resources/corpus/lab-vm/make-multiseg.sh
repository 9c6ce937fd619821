#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): the layout of
# ../shared/corpus/lvm2/multiseg.vg (VG vg2, 4 MiB extents, four 128 MiB PVs of 31 extents;
# a = pv0:0-7 + pv1:0-11, b = pv0:8-30 + pv2:0-20, pv3 free) made with PV:range arguments, then
# LVM2's `lvconvert --type mirror -m2 --mirrorlog mirrored` of the two-segment LV a.
# Writes multiseg.steps, multiseg.stepK.vg (step0 after vgcreate), multiseg.log and at the end
# multiseg.dmtable.txt, multiseg.dminfo.txt, multiseg.pvdevs.txt.
#   lvm2-vm run make-multiseg.sh OUT --disks 4 --size 128M --timeout 900
# After every command the job waits (60 s at most) until every mirror LV is in sync. No argument
# holds a space: the steps are replayed split at spaces.
set -u
VG=vg2
N=multiseg
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
  lvs -a -o name,segtype,sync_percent,devices $VG >> $OUT/$N.log 2>&1
}
step lvcreate -y -l 8 -n a $VG /dev/vdb:0-7
step lvcreate -y -l 23 -n b $VG /dev/vdb:8-30
step lvextend -y -l +12 $VG/a /dev/vdc:0-11
step lvextend -y -l +21 $VG/b /dev/vdd:0-20
step lvconvert -y --type mirror -m2 --mirrorlog mirrored $VG/a
# device-mapper, with the LVs active
dmsetup table > $OUT/$N.dmtable.txt
dmsetup info -c --noheadings -o name,major,minor --separator ' ' | sort > $OUT/$N.dminfo.txt
for d in $PVS; do
  set -- $(stat -L -c '%t %T' $d)
  echo "$d $((16#$1)):$((16#$2))"
done > $OUT/$N.pvdevs.txt
