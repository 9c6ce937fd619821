#!/bin/bash
# Job for ../shared/tools/lvm2-vm (real LVM2 2.03.16 with device-mapper): cache and writecache
# commands lvstack must do or refuse as LVM2 does. Writes, in the lvm2-vm corpus's form:
# cacheops.steps (each command; a refused one with LVM2's exit status and last line),
# cacheops.stepK.vg (vgcfgbackup after command K; step0 after vgcreate). LVM2's own metadata
# archive (lvm-etc/archive, every version it committed) comes back with the run.
#   lvm2-vm run make-cacheops.sh OUT --disks 6
# Caches are writethrough or passthrough, and a writecache is deactivated and detached with
# --force, so that LVM2 writes nothing back: what an offline tool can do too. No argument holds
# a space: the steps are replayed split at spaces.
set -u
VG=vgq
vgcreate -s 4m $VG $PVS >/dev/null
echo "# vgcreate -s 4m $VG $PVS" > $OUT/cacheops.steps
vgcfgbackup -f $OUT/cacheops.step0.vg $VG >/dev/null
k=0
step() {
  k=$((k+1))
  "$@" </dev/null >/tmp/out 2>/tmp/err
  rc=$?
  cat /tmp/out /tmp/err >> $OUT/cacheops.log
  if [ $rc = 0 ]; then
    echo "$*" >> $OUT/cacheops.steps
  else
    # LVM2's last line, not a warning nor the hint it adds to a bad command line
    msg=$(grep -v -e WARNING -e "for more information" /tmp/err | tail -1 | sed 's/^ *//')
    echo "$*   # refused by LVM2 (exit $rc): $msg" >> $OUT/cacheops.steps
  fi
  vgcfgbackup -f $OUT/cacheops.step$k.vg $VG >/dev/null
}
step lvcreate -y -L 32m -n o1 $VG
step lvcreate -y --type cache-pool -L 16m -n p1 $VG
step lvconvert -y --type cache --cachepool $VG/p1 --cachepolicy mq --cachesettings migration_threshold=4096 --cachesettings random_threshold=4 $VG/o1
step lvcreate -y -L 32m -n o2 $VG
step lvconvert -y --type cache --cachepool $VG/p1_cpool $VG/o2
step lvconvert -y --type cache --cachepool $VG/o1 $VG/o2
step lvconvert -y --type cache --cachepool $VG/nopool $VG/o2
step lvconvert -y --splitcache $VG/p1_cpool
step lvconvert -y --type cache --cachepool $VG/p1 $VG/o1
step lvcreate -y --type cache-pool -L 8m -c 128k -n p2 $VG
step lvconvert -y --type cache --cachepool $VG/p2 --cachemetadataformat 1 --cachemode passthrough $VG/o2
step lvconvert -y --splitcache $VG/o2
step lvconvert -y --uncache $VG/o1
step lvcreate -y -L 8m -n f3 $VG
step lvcreate -y -L 16m -n o3 $VG
step lvconvert -y --type cache --cachevol $VG/f3 --chunksize 256k $VG/o3
step lvconvert -y --type cache --cachevol $VG/f3_cvol $VG/o2
step lvconvert -y --splitcache $VG/o3
step lvconvert -y --type cache --cachevol $VG/f3 $VG/o3
step lvconvert -y --uncache $VG/o3
step lvcreate -y -an -L 8m -n f4 $VG
step lvconvert -y --type writecache --cachevol $VG/f4 --cachesettings high_watermark=80 --cachesettings writeback_jobs=64 $VG/o3
step lvchange -an $VG/o3
step lvconvert -y --force --splitcache $VG/o3
step lvconvert -y --type writecache --cachevol $VG/f4 $VG/o3
step lvchange -an $VG/o3
step lvconvert -y --force --uncache $VG/o3
step lvconvert -y --uncache $VG/o2
step lvconvert -y --splitcache $VG/p2
step lvconvert -y --uncache $VG/p2
step lvcreate -y -an -L 8m -n f5 $VG
step lvconvert -y --type writecache --cachevol $VG/f5 $VG/o3
step lvremove -y $VG/o3
step lvcreate -y -L 16m -n o4 $VG
step lvconvert -y --type cache --cachepool $VG/p2 $VG/o4
step lvremove -y $VG/p2_cpool
step lvcreate -y --type cache-pool -L 8m -n p5 $VG
step lvconvert -y --type cache --cachepool $VG/p5 $VG/o4
step lvremove -y $VG/o4
