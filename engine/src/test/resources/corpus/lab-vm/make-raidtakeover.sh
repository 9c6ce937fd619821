#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): raid takeovers and
# reshapes lvstack must do or refuse as LVM2 does. Writes, in the lvm2-vm corpus's form:
# raidtakeover.steps (each command; a refused one with LVM2's exit status and last line),
# raidtakeover.stepK.vg (vgcfgbackup after command K; step0 after vgcreate), raidtakeover.log (all LVM2
# printed), and at the end raidtakeover.dmtable.txt, raidtakeover.dminfo.txt, raidtakeover.pvdevs.txt.
# LVM2's own metadata archive (lvm-etc/archive, every version it committed) comes back with the run.
#   lvm2-vm run make-raidtakeover.sh OUT --disks 6 --size 1G --timeout 2400
# After every command the job waits (60 s at most) until every raid/mirror LV is in sync, so that
# LVM2 does not refuse a later conversion because of resync. A conversion LVM2 does through an
# interim type ("Repeat this command") is repeated as an explicit step where wanted. No argument holds a space: the
# steps are replayed split at spaces.
set -u
VG=vgo
N=raidtakeover
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
}
# takeovers that add images: raid0 -> raid4, raid0_meta -> raid6 (interim raid6_n_6)
step lvcreate -y --type raid0 -i2 -L 64m -n z4 $VG
step lvconvert -y --type raid4 $VG/z4
step lvcreate -y --type raid0_meta -i3 -L 96m -n z6 $VG
step lvconvert -y --type raid6 $VG/z6
# raid4 <-> raid5_n, raid4 -> raid0 (its parity pair goes)
step lvcreate -y --type raid4 -i2 -L 64m -n f4 $VG
step lvconvert -y --type raid5 $VG/f4
step lvconvert -y --type raid4 $VG/f4
step lvconvert -y --type raid0 $VG/f4
# raid5_n -> raid6_n_6 -> raid5_n -> striped
step lvcreate -y --type raid5_n -i3 -L 96m -n n5 $VG
step lvconvert -y --type raid6 $VG/n5
step lvconvert -y --type raid5 $VG/n5
step lvconvert -y --type striped $VG/n5
# raid5_ls -> raid6_ls_6 -> raid5_ls
step lvcreate -y --type raid5 -i3 -L 96m -n l5 $VG
step lvconvert -y --type raid6 $VG/l5
step lvconvert -y --type raid5 $VG/l5
# raid10 -> raid0 -> striped
step lvcreate -y --type raid10 -i2 -L 64m -n t10 $VG
step lvconvert -y --type raid0 $VG/t10
step lvconvert -y --type striped $VG/t10
# raid1 -> raid5 -> raid1 (two images)
step lvcreate -y --type raid1 -m1 -L 64m -n o1 $VG
step lvconvert -y --type raid5 $VG/o1
step lvconvert -y --type raid1 $VG/o1
# reshapes: add a stripe, then raid6 of the 4-device raid5, then free the reshape space
step lvcreate -y --type raid5 -i2 -L 64m -n g5 $VG
step lvconvert -y --stripes 3 $VG/g5
step lvconvert -y --type raid5 $VG/g5
step lvconvert -y --type raid6 $VG/g5
# raid5 of 3 devices asked to be raid6: LVM2 reshapes to 4 devices first
step lvcreate -y --type raid5 -i2 -L 64m -n h5 $VG
step lvconvert -y --type raid6 $VG/h5
step lvconvert -y --type raid6 $VG/h5
# layout and stripe size reshapes, keeping the images
step lvcreate -y --type raid5 -i3 -L 96m -n k5 $VG
step lvconvert -y --type raid5_rs $VG/k5
step lvconvert -y --stripesize 32k $VG/k5
# removing a stripe: refused without --force, then done, then the freed images removed
step lvcreate -y --type raid5 -i3 -L 96m -n d5 $VG
step lvconvert -y --stripes 2 $VG/d5
step lvconvert -y --force --stripes 2 $VG/d5
step lvconvert -y --stripes 2 $VG/d5
# refusals: raid6_zr to raid0 (a layout reshape first), raid4 of 3 devices to raid6
step lvcreate -y --type raid6 -i3 -L 96m -n s6 $VG
step lvconvert -y --type raid0 $VG/s6
step lvconvert -y --type raid6 $VG/f4
# device-mapper, with the LVs active
lvs -a -o name,segtype,attr,sync_percent,devices $VG >> $OUT/$N.log 2>&1
dmsetup table > $OUT/$N.dmtable.txt
dmsetup info -c --noheadings -o name,major,minor --separator ' ' | sort > $OUT/$N.dminfo.txt
for d in $PVS; do
  set -- $(stat -L -c '%t %T' $d)
  echo "$d $((16#$1)):$((16#$2))"
done > $OUT/$N.pvdevs.txt
