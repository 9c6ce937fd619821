#!/usr/bin/env python3
"""Independent reader of LVM2 on-disk PV layout (not LVM2 code), used by
make-pv-images.sh to write raw.txt: the facts a Java reader must reproduce.

Layout (LVM2 lib/label/label.h, lib/format_text/layout.h), all little-endian:
  label_header (in one of sectors 0..3): id "LABELONE", sector_xl u64, crc_xl u32
      (calc_crc over bytes 20..511 of the sector), offset_xl u32, type "LVM2 001"
  pv_header at label sector + offset_xl: pv_uuid[32], device_size_xl u64, then
      disk_locn {offset u64, size u64} lists: data areas, 0-terminated; metadata
      areas, 0-terminated; then pv_header_extension {version u32, flags u32,
      bootloader areas 0-terminated}
  mda_header (512 bytes at each metadata area start): checksum_xl u32 (calc_crc
      over bytes 4..511), magic[16], version u32, start u64, size u64, raw_locn
      {offset u64, size u64, checksum u32, flags u32} list, 0-terminated.
  Metadata text: raw_locn.offset is relative to the area start; when
      offset + size > area size the text continues at area offset 512
      (MDA_HEADER_SIZE), just after the header: the circular buffer.
calc_crc: CRC-32 (reflected polynomial 0xedb88320), initial 0xf597a6cf, no final xor.
"""
import re, struct, sys

INITIAL_CRC = 0xf597a6cf
FMTT_MAGIC = b"\040\114\126\115\062\040\170\133\065\101\045\162\060\116\052\076"
MDA_HEADER_SIZE = 512

_table = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ 0xedb88320 if c & 1 else c >> 1
    _table.append(c)

def calc_crc(crc, data):
    for b in data:
        crc = (crc >> 8) ^ _table[(crc ^ b) & 0xff]
    return crc

def fmt_uuid(u):
    u = u.decode("ascii", "replace")
    parts, i = [], 0
    for n in (6, 4, 4, 4, 4, 4, 6):
        parts.append(u[i:i + n]); i += n
    return "-".join(parts)

def ok(b):
    return "ok" if b else "MISMATCH"

def locn_list(buf, off):
    out = []
    while True:
        o, s = struct.unpack_from("<QQ", buf, off); off += 16
        if o == 0 and s == 0:
            return out, off
        out.append((o, s))

def read_image(path, name):
    img = open(path, "rb").read()
    lines = ["%s: %s, %d bytes" % (name, path.split("/")[-1], len(img))]
    bad = 0
    label = None
    for sec in range(4):
        if img[sec * 512:sec * 512 + 8] == b"LABELONE":
            label = sec; break
    if label is None:
        return lines + ["  no LVM2 label in sectors 0..3"], 1
    base = label * 512
    lid, sector_xl, crc_xl, offset_xl, ltype = struct.unpack_from("<8sQII8s", img, base)
    crc = calc_crc(INITIAL_CRC, img[base + 20:base + 512])
    bad += crc != crc_xl
    lines.append("  label: sector %d, sector_xl %d, offset_xl %d, type %r, crc_xl 0x%08x (computed 0x%08x: %s)"
                 % (label, sector_xl, offset_xl, ltype.decode(), crc_xl, crc, ok(crc == crc_xl)))
    ph = base + offset_xl
    uuid, devsize = struct.unpack_from("<32sQ", img, ph)
    lines.append("  pv_header: uuid %s, device_size %d bytes (%d sectors)" % (fmt_uuid(uuid), devsize, devsize // 512))
    das, off = locn_list(img, ph + 40)
    mdas, off = locn_list(img, off)
    for o, s in das:
        lines.append("  data area: offset %d, size %d%s" % (o, s, " (to end of device)" if s == 0 else ""))
    ext_ver, ext_flags = struct.unpack_from("<II", img, off)
    boots, _ = locn_list(img, off + 8)
    lines.append("  pv_header_extension: version %d, flags 0x%x%s, bootloader areas %s"
                 % (ext_ver, ext_flags, " (PV_EXT_USED)" if ext_flags & 1 else "", boots or "none"))
    for i, (o, s) in enumerate(mdas):
        lines.append("  metadata area %d: offset %d, size %d" % (i, o, s))
        h = img[o:o + MDA_HEADER_SIZE]
        cks, magic, ver, start, size = struct.unpack_from("<I16sIQQ", h, 0)
        c = calc_crc(INITIAL_CRC, h[4:])
        bad += (c != cks) + (magic != FMTT_MAGIC)
        lines.append("    mda_header: checksum 0x%08x (computed 0x%08x: %s), magic %s, version %d, start %d, size %d"
                     % (cks, c, ok(c == cks), ok(magic == FMTT_MAGIC), ver, start, size))
        roff = 40
        k = 0
        while True:
            lo, ls, lc, lf = struct.unpack_from("<QQII", h, roff); roff += 24
            if lo == 0 and ls == 0 and lc == 0 and lf == 0:
                break
            ignored = " (RAW_LOCN_IGNORED)" if lf & 1 else ""
            lines.append("    raw_locn %d: offset %d, size %d, checksum 0x%08x, flags 0x%x%s" % (k, lo, ls, lc, lf, ignored))
            if lo + ls > size:
                first = size - lo
                text = img[start + lo:start + size] + img[start + MDA_HEADER_SIZE:start + MDA_HEADER_SIZE + ls - first]
                lines.append("      WRAPS: %d bytes at area offset %d..%d (end of area), then %d bytes at area offset %d..%d"
                             % (first, lo, size, ls - first, MDA_HEADER_SIZE, MDA_HEADER_SIZE + ls - first))
            else:
                text = img[start + lo:start + lo + ls]
                lines.append("      does not wrap: text at area offset %d..%d (area size %d)" % (lo, lo + ls, size))
            c = calc_crc(INITIAL_CRC, text)
            bad += c != lc
            lines.append("      text checksum computed 0x%08x: %s" % (c, ok(c == lc)))
            t = text.decode("utf-8", "replace")
            vg = re.match(r"\s*([A-Za-z0-9_.+-]+)\s*\{", t)
            seq = re.search(r"^\s*seqno\s*=\s*(\d+)", t, re.M)
            lines.append("      text: VG %s, seqno %s, first line %r, ends with NUL: %s"
                         % (vg.group(1) if vg else "?", seq.group(1) if seq else "?",
                            t.split("\n", 1)[0], text.endswith(b"\0")))
            k += 1
        if k == 0:
            lines.append("    no raw_locn (area holds no metadata)")
    return lines, bad

def main():
    total = 0
    out = []
    for arg in sys.argv[1:]:
        name, path = arg.split("=", 1)
        lines, bad = read_image(path, name)
        out += lines; total += bad
    out.append("all checksums (label, mda headers, metadata texts) verified: %s"
               % ("yes, every one matches" if total == 0 else "NO, %d mismatches" % total))
    print("\n".join(out))
    return 0 if total == 0 else 1

if __name__ == "__main__":
    sys.exit(main())
