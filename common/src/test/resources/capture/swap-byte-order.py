import struct, sys
def swap_pcap(src, dst):
    b = open(src, 'rb').read()
    out = bytearray()
    magic, maj, mn, r1, r2, snap, lt = struct.unpack('<IHHIIII', b[:24])
    out += struct.pack('>IHHIIII', magic, maj, mn, r1, r2, snap, lt)
    i = 24
    while i < len(b):
        s, f, incl, orig = struct.unpack('<IIII', b[i:i+16])
        out += struct.pack('>IIII', s, f, incl, orig) + b[i+16:i+16+incl]
        i += 16 + incl
    open(dst, 'wb').write(out)
def swap_options(body):
    out = bytearray(); i = 0
    while i + 4 <= len(body):
        code, ln = struct.unpack('<HH', body[i:i+4])
        out += struct.pack('>HH', code, ln)
        val = body[i+4:i+4+((ln+3)&~3)]
        if code == 14 and ln == 8: val = struct.pack('>q', struct.unpack('<q', val)[0])
        out += val; i += 4 + ((ln+3)&~3)
        if code == 0: break
    return bytes(out) + body[i:]
def swap_pcapng(src, dst):
    b = open(src, 'rb').read(); out = bytearray(); i = 0
    while i < len(b):
        t, ln = struct.unpack('<II', b[i:i+8]); blk = b[i:i+ln]
        if t == 0x0A0D0D0A:
            bom, maj, mn, sl = struct.unpack('<IHHq', blk[8:24])
            body = struct.pack('>IHHq', bom, maj, mn, sl) + swap_options(blk[24:ln-4])
        elif t == 1:
            lt, res, snap = struct.unpack('<HHI', blk[8:16])
            body = struct.pack('>HHI', lt, res, snap) + swap_options(blk[16:ln-4])
        elif t == 6:
            iface, hi, lo, cap, orig = struct.unpack('<IIIII', blk[8:28])
            pad = (cap + 3) & ~3
            body = struct.pack('>IIIII', iface, hi, lo, cap, orig) + blk[28:28+pad] + swap_options(blk[28+pad:ln-4])
        else:
            raise SystemExit(f'unexpected block {t}')
        out += struct.pack('>II', t, ln) + body + struct.pack('>I', ln)
        i += ln
    open(dst, 'wb').write(out)
swap_pcap('synthetic-ethernet-usec.pcap', 'synthetic-ethernet-usec-bigendian.pcap')
swap_pcapng('synthetic-ethernet-usec.pcapng', 'synthetic-ethernet-usec-bigendian.pcapng')
