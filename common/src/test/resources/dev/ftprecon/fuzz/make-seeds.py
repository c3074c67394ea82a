#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz tests in dev.ftprecon.fuzz (run from this directory).

Each fuzz test FooFuzzTest with method bar reads its regression inputs from FooFuzzTestInputs/bar/
(Jazzer's JUnit convention); the byte layout of an input is documented on the test class. The
seeds are hand-made: documentation addresses (RFC 5737, RFC 3849), no captured traffic. Crashing
inputs found by the fuzzer are kept next to them under names starting with "crash-".
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(test, method, name, data):
    d = os.path.join(HERE, test + "Inputs", method)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- frames

def ipv4(payload, proto=6, src=(192, 0, 2, 10), dst=(198, 51, 100, 21), flags_frag=0x4000,
         total=None, ihl=5, options=b""):
    total = 20 + len(options) + len(payload) if total is None else total
    return struct.pack(">BBHHHBBH4B4B", 0x40 | ihl, 0, total, 0x1234, flags_frag, 64, proto, 0,
                       *src, *dst) + options + payload


def ipv6(payload, nh=6, plen=None, src=b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x10",
         dst=b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x21"):
    plen = len(payload) if plen is None else plen
    return struct.pack(">IHBB", 0x60000000, plen, nh, 64) + src + dst + payload


def tcp(payload=b"", sport=50000, dport=21, seq=1000, ack=2000, flags=0x18, options=b""):
    doff = (20 + len(options)) // 4
    return struct.pack(">HHIIBBHHH", sport, dport, seq, ack, doff << 4, flags, 65535, 0, 0) \
        + options + payload


def ether(payload, ethertype=0x0800, vlans=()):
    head = b"\x02\x00\x00\x00\x00\x01" + b"\x02\x00\x00\x00\x00\x02"
    for tag_type, tci in vlans:
        head += struct.pack(">HH", tag_type, tci)
    return head + struct.pack(">H", ethertype) + payload


SYN = ether(ipv4(tcp(flags=0x02, options=b"\x02\x04\x05\xb4\x01\x01\x04\x02")))
DATA = ether(ipv4(tcp(b"220 FTP server ready\r\n", sport=21, dport=50000)))
PASV = ether(ipv4(tcp(b"227 Entering Passive Mode (198,51,100,21,195,80)\r\n", sport=21,
                      dport=50000)))
V6 = ether(ipv6(tcp(b"EPSV\r\n")), 0x86DD)

# ---------------------------------------------------------------- pcap


def pcap_header(little=True, nanos=False, linktype=1):
    e = "<" if little else ">"
    magic = 0xA1B23C4D if nanos else 0xA1B2C3D4
    return struct.pack(e + "IHHiiII", magic, 2, 4, 0, 0, 262144, linktype)


def pcap_record(frame, little=True, sec=1700000000, frac=123456, orig=None):
    e = "<" if little else ">"
    return struct.pack(e + "IIII", sec, frac, len(frame), len(frame) if orig is None else orig) \
        + frame


# ---------------------------------------------------------------- pcapng

def block(e, btype, body):
    pad = (-len(body)) % 4
    length = 12 + len(body) + pad
    return struct.pack(e + "II", btype, length) + body + b"\0" * pad + struct.pack(e + "I", length)


def shb(e):
    return block(e, 0x0A0D0D0A, struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1))


def option(e, code, value):
    return struct.pack(e + "HH", code, len(value)) + value + b"\0" * ((-len(value)) % 4)


def idb(e, linktype=1, snaplen=0, options=b""):
    if options:
        options += struct.pack(e + "HH", 0, 0)
    return block(e, 1, struct.pack(e + "HHI", linktype, 0, snaplen) + options)


def epb(e, frame, iface=0, ticks=1700000000123456, orig=None):
    return block(e, 6, struct.pack(e + "IIIII", iface, ticks >> 32, ticks & 0xFFFFFFFF, len(frame),
                                   len(frame) if orig is None else orig) + frame)


def spb(e, frame):
    return block(e, 3, struct.pack(e + "I", len(frame)) + frame)


def obsolete_pb(e, frame, iface=0):
    return block(e, 2, struct.pack(e + "HHIIII", iface, 0, 0, 1000, len(frame), len(frame)) + frame)


def pcapng_le():
    e = "<"
    opts = option(e, 9, b"\x09") + option(e, 14, struct.pack(e + "q", -3600))
    return (shb(e) + idb(e, 1, 0, opts) + idb(e, 101, 96) + epb(e, SYN) + spb(e, DATA)
            + obsolete_pb(e, PASV) + block(e, 5, b"statistics") + epb(e, ipv4(tcp()), iface=1))


def pcapng_two_sections():
    return (shb("<") + idb("<") + epb("<", SYN) + shb(">") + idb(">", 113) + epb(">", b"\0" * 14
                                                                              + ipv4(tcp())))


write("CaptureReadersFuzzTest", "arbitraryBytes", "pcap-usec-little-endian",
      pcap_header() + pcap_record(SYN) + pcap_record(DATA))
write("CaptureReadersFuzzTest", "arbitraryBytes", "pcap-nsec-big-endian",
      pcap_header(False, True) + pcap_record(PASV, False) + pcap_record(V6, False, orig=1500))
write("CaptureReadersFuzzTest", "arbitraryBytes", "pcapng-shb-idb-epb-spb-pb", pcapng_le())
write("CaptureReadersFuzzTest", "arbitraryBytes", "pcapng-two-sections", pcapng_two_sections())
# Two small files written by Wireshark's text2pcap and editcap (see ../../../capture/README.md).
for name in ("synthetic-null.pcap", "synthetic-ethernet-snaplen60.pcapng"):
    with open(os.path.join(HERE, "..", "..", "..", "capture", name), "rb") as f:
        write("CaptureReadersFuzzTest", "arbitraryBytes", name, f.read())

# PcapReaderFuzzTest: choice (bit 0 little-endian, bit 1 nanoseconds), link type, records.
write("PcapReaderFuzzTest", "recordsAfterValidHeader", "usec-little-endian-ethernet",
      b"\x01\x00\x01" + pcap_record(SYN) + pcap_record(DATA))
write("PcapReaderFuzzTest", "recordsAfterValidHeader", "nsec-big-endian-raw-ip",
      b"\x02\x00\x65" + pcap_record(ipv4(tcp(b"USER anonymous\r\n")), False, frac=999999999))
write("PcapReaderFuzzTest", "recordsAfterValidHeader", "claims-100-mb",
      b"\x01\x00\x01" + pcap_record(SYN) + struct.pack("<IIII", 1, 2, 100_000_000, 100_000_000)
      + b"\0" * 32)
write("PcapReaderFuzzTest", "recordsAfterValidHeader", "captured-more-than-original",
      b"\x05\x00\x01" + pcap_record(DATA, orig=20) + pcap_record(DATA)[:30])

# PcapngReaderFuzzTest: choice (bit 0 little-endian, bit 1 an Ethernet IDB is already there).
write("PcapngReaderFuzzTest", "blocksAfterValidHeader", "le-idb-with-options-and-packets",
      b"\x01" + pcapng_le()[28:])
write("PcapngReaderFuzzTest", "blocksAfterValidHeader", "be-with-idb-epb",
      b"\x02" + epb(">", SYN) + epb(">", DATA, orig=9000) + spb(">", PASV))
write("PcapngReaderFuzzTest", "blocksAfterValidHeader", "epb-claims-100-mb",
      b"\x03" + struct.pack("<II", 6, 100_000_000) + b"\0" * 40)
write("PcapngReaderFuzzTest", "blocksAfterValidHeader", "second-section-other-order",
      b"\x03" + epb("<", SYN) + shb(">") + idb(">", 276, 65535) + epb(">", b"\x08\x00" + b"\0" * 18
                                                                     + ipv4(tcp())))

# ---------------------------------------------------------------- packet decoder
# linkChoice (index into 0,1,12,14,101,108,113,228,229,276), originalChoice (0 unknown,
# 1 captured, 2 four-byte field, 3 captured minus a byte), [field], guard, frame.


def frame_seed(link_index, frame, original=b"\x01\x00", guard=3):
    return bytes([link_index]) + original + bytes([guard]) + frame


sll = struct.pack(">HHH8sH", 0, 1, 6, b"\x02\0\0\0\0\x01\0\0", 0x0800) + ipv4(tcp(b"PASV\r\n"))
sll2 = struct.pack(">HHIHBB8s", 0x86DD, 0, 2, 1, 0, 6, b"\x02\0\0\0\0\x01\0\0") + ipv6(tcp())
hop = bytes([6, 0]) + b"\x01\x04\0\0\0\0"  # hop-by-hop, next header TCP, PadN
frag6 = bytes([6, 0]) + struct.pack(">HI", 0x0001, 7)  # fragment header with M set
seeds = {
    "ethernet-ipv4-tcp-syn": frame_seed(1, SYN),
    "ethernet-ipv4-tcp-data": frame_seed(1, DATA, b"\x00"),
    "ethernet-vlan-qinq": frame_seed(1, ether(ipv4(tcp()), 0x0800, ((0x88A8, 5), (0x8100, 7)))),
    "ethernet-ipv6-hop-by-hop": frame_seed(1, ether(ipv6(hop + tcp(b"x"), nh=0), 0x86DD)),
    "ethernet-ipv6-fragment": frame_seed(1, ether(ipv6(frag6 + tcp(), nh=44), 0x86DD)),
    "ethernet-6in4": frame_seed(1, ether(ipv4(ipv6(tcp()), proto=41))),
    "ethernet-ipv4-in-ipv4": frame_seed(1, ether(ipv4(ipv4(tcp()), proto=4))),
    "ethernet-ipv4-fragment": frame_seed(1, ether(ipv4(tcp(), flags_frag=0x2000))),
    "ethernet-snaplen-cut": frame_seed(1, DATA[:60], b"\x02" + struct.pack(">I", len(DATA))),
    "ethernet-ipv4-options-tcp-options": frame_seed(
        1, ether(ipv4(tcp(b"data", options=b"\x01\x01\x08\x0a" + b"\0" * 8), ihl=6,
                      options=b"\x01\x01\x01\x00"))),
    "ethernet-tso-zero-length": frame_seed(1, ether(ipv4(tcp(b"A" * 40), total=0))),
    "raw-ipv4": frame_seed(4, ipv4(tcp(b"RETR f\r\n"))),
    "raw-ipv6": frame_seed(2, ipv6(tcp(b"RETR f\r\n"))),
    "null-little-endian": frame_seed(0, b"\x02\0\0\0" + ipv4(tcp())),
    "loop-ipv6": frame_seed(5, b"\0\0\0\x1e" + ipv6(tcp())),
    "linux-sll": frame_seed(6, sll),
    "linux-sll2": frame_seed(9, sll2),
    "ipv4-linktype": frame_seed(7, ipv4(tcp(), proto=17)),
    "ipv6-linktype-no-next-header": frame_seed(8, ipv6(b"", nh=59)),
    "unsupported-linktype": bytes([200, 0x01, 0x00, 1, 0]) + SYN,
}
for name, data in seeds.items():
    write("PacketDecoderFuzzTest", "decodeFrame", name, data)

# ---------------------------------------------------------------- FTP parsers
# choice byte (bit 0 UTF-8, bits 1-2 EPSV control address), text.
texts = [
    "227 Entering Passive Mode (1,2,3,4,5,6)",
    "227 Entering Passive Mode (198,51,100,21,195,80).",
    "Entering Passive Mode =192,168,001,002,007,138",
    "227 Entering Passive Mode 10, 0, 0, 5, 4, 1",
    "229 Entering Extended Passive Mode (|||6446|)",
    "229 Extended Passive (!2!2001:db8::21!5282!)",
    "|1|132.235.1.2|6275|",
    "|2|1080::8:800:200C:417A|5282|",
    " |2|::ffff:192.0.2.1|21| ",
    "4,16,32,1,13,184,0,0,0,0,0,0,0,0,0,1,2,19,136",
    "6,4,192,0,2,1,2,4,1",
    "228 Entering Long Passive Mode (4,4,198,51,100,21,2,195,80)",
    "192,168,1,2,7,138",
    "PORT 192,0,2,10,195,80",
    "  retr some file.txt",
    "EPSV ALL",
    "Stor \u00e9t\u00e9.txt",
]
for i, text in enumerate(texts):
    write("FtpParsersFuzzTest", "parseText", "text-%02d" % i,
          bytes([1 | (i % 4) << 1]) + text.encode("utf-8"))

# ---------------------------------------------------------------- FTP session tracker
# limits (0xFF: defaults; else five bytes), endpoints, 8-byte start time, events:
# head (bits 0-1: 0 client, 1 server, 2 gap, 3 clock jump; bits 3-7 ns added), ...


def session_events(conversation, tick=8):
    out = b""
    for side, text in conversation:
        data = text if isinstance(text, bytes) else text.encode("latin-1")
        if side == "gap-client":
            out += bytes([2 | 4 | tick]) + struct.pack(">H", 100)
            continue
        if side == "gap-server":
            out += bytes([2 | tick]) + struct.pack(">H", 100)
            continue
        kind = 0 if side == "c" else 1
        for i in range(0, len(data), 255):
            chunk = data[i:i + 255]
            out += bytes([kind | tick, len(chunk)]) + chunk
        out += bytes([3]) + struct.pack(">I", 1000)  # a millisecond later
    return out


FULL = [
    ("s", "220-Welcome to the documentation FTP server\r\n220-second line\r\n220 ready\r\n"),
    ("c", "USER anonymous\r\n"), ("s", "331 Password required\r\n"),
    ("c", "PASS guest@\r\n"), ("s", "230 Logged in\r\n"),
    ("c", "CWD /pub\r\n"), ("s", "250 OK\r\n"),
    ("c", "PWD\r\n"), ("s", "257 \"/pub/\"\"quoted\"\"\" is current directory\r\n"),
    ("c", "TYPE I\r\n"), ("s", "200 Type set to I\r\n"),
    ("c", "SIZE f.bin\r\n"), ("s", "213 1234\r\n"),
    ("c", "PASV\r\n"), ("s", "227 Entering Passive Mode (198,51,100,21,195,80).\r\n"),
    ("c", "RETR f.bin\r\n"),
    ("s", "150 Opening BINARY mode data connection for f.bin (1234 bytes)\r\n"),
    ("s", "226 Transfer complete\r\n"),
    ("c", "EPSV\r\n"), ("s", "229 Entering Extended Passive Mode (|||6446|)\r\n"),
    ("c", "STOU\r\n"), ("s", "150 FILE: upload.1\r\n"),
    ("s", "226 Transfer complete (unique file name:upload.1)\r\n"),
    ("c", "PORT 192,0,2,10,195,81\r\n"), ("s", "200 PORT command successful\r\n"),
    ("c", "LIST -la /pub\r\n"), ("s", "150 Here comes the listing\r\n226 Done\r\n"),
    ("c", "EPRT |2|2001:db8::10|5282|\r\n"), ("s", "200 EPRT ok\r\n"),
    ("c", "REST 100\r\n"), ("s", "350 Restarting at 100\r\n"),
    ("c", "ALLO 500\r\n"), ("s", "200 ALLO ok\r\n"),
    ("c", "STOR up.txt\r\n"), ("s", "150 Ok to send data\r\n"), ("s", "226 Done\r\n"),
    ("c", "LPSV\r\n"), ("s", "228 Entering Long Passive Mode (4,4,198,51,100,21,2,195,82)\r\n"),
    ("c", "NLST\r\n"), ("s", "150 ok\r\n"), ("s", "226 ok\r\n"),
    ("c", "LPRT 4,4,192,0,2,10,2,195,83\r\n"), ("s", "200 ok\r\n"),
    ("c", "MLSD\r\n"), ("s", "425 Can't open data connection\r\n"),
    ("c", "CDUP\r\n"), ("s", "250 ok\r\n"),
    ("c", "REIN\r\n"), ("s", "220 Service ready for new user\r\n"),
    ("c", "QUIT\r\n"), ("s", "221 Goodbye\r\n"),
]
TLS = [
    ("s", "220 ready\r\n"), ("c", "AUTH TLS\r\n"), ("s", "234 Proceed with negotiation\r\n"),
    ("c", b"\x16\x03\x01\x00\x05hello"), ("s", b"\x16\x03\x03\x00\x02hi"),
]
ODD = [
    ("s", "220Welcome without a space\n"), ("c", "user bob\n"), ("s", "530 Login incorrect\n"),
    ("c", b"\xff\xf4\xff\xf2ABOR\r\n"), ("s", "226 Abort ok\r\n"),
    ("c", "PASV\r\nRETR a\r\nRETR b\r\n"), ("s", "227 =10,0,0,5,4,1\r\n"),
    ("gap-server", ""), ("s", "150-partial\r\n"), ("gap-server", ""),
    ("c", "STOR \xe9t\xe9.txt\r\n"), ("gap-client", ""), ("c", "DELE x"),
    ("s", "421 Timeout\r\n"), ("s", "no code here\r\n"),
]
start = struct.pack(">q", 1_700_000_000_000_000_000)
write("FtpSessionTrackerFuzzTest", "interleavedSession", "full-session",
      b"\xff\x00" + start + session_events(FULL))
write("FtpSessionTrackerFuzzTest", "interleavedSession", "full-session-small-limits",
      b"\x00\x20\x02\x05\x02\x02\x01" + start + session_events(FULL))
write("FtpSessionTrackerFuzzTest", "interleavedSession", "auth-tls",
      b"\xff\x01" + start + session_events(TLS))
write("FtpSessionTrackerFuzzTest", "interleavedSession", "odd-peers-and-holes",
      b"\xff\x02" + start + session_events(ODD))

# ---------------------------------------------------------------- control connection
# limits, client ISN, server ISN, start time, segments: head (bit 0 client, bit 1 SYN,
# bit 2 raw seq, bits 3-7 ms), seq offset (signed 2 bytes from the ISN), length, payload.


def control_segments(conversation, reorder=False):
    out = []
    out.append(bytes([1 | 2 | 8]) + struct.pack(">h", 0) + b"\0")  # client SYN
    out.append(bytes([2 | 8]) + struct.pack(">h", 0) + b"\0")  # server SYN
    offsets = {"c": 1, "s": 1}
    for side, text in conversation:
        data = text.encode("latin-1")
        head = (1 if side == "c" else 0) | 8
        out.append(bytes([head]) + struct.pack(">h", offsets[side]) + bytes([len(data)]) + data)
        offsets[side] += len(data)
    if reorder:
        out[3], out[4] = out[4], out[3]
        out.append(out[5])  # a retransmission
    return b"".join(out)


SHORT = [(s, t) for s, t in FULL[:20] if isinstance(t, str) and len(t) < 256]
isns = struct.pack(">II", 0xFFFFFF00, 12345)
write("ControlConnectionFuzzTest", "segments", "in-order-session",
      b"\xff" + isns + start + control_segments(SHORT))
write("ControlConnectionFuzzTest", "segments", "reordered-session-wrapping-isn",
      b"\xff" + isns + start + control_segments(SHORT, reorder=True))

# ---------------------------------------------------------------- data channel matcher
# slack index; records: kind byte (bit 0: connection), then
# expectation: session, flags (bit 1 passive, bits 2-3 direction), ip, port, mode, command, reply
# connection: a ip, b ip, a port, b port, flags (bit 0 a initiated), first, duration
# IPS: 0 192.0.2.10, 1 198.51.100.21, 2 10.0.0.5, 3 2001:db8::10, 4 2001:db8::21, 5 ::ffff:10.0.0.5
# PORTS: 0 20, 1 21, 2 1024, 3 50000, 4 50001, 5 65535


def exp(session, passive, direction, ip, port, mode, command, reply):
    return bytes([0, session, (2 if passive else 0) | direction << 2, ip, port]) \
        + struct.pack(">HHH", mode, command, reply)


def conn(a_ip, b_ip, a_port, b_port, a_initiated, first, duration):
    return bytes([1, a_ip, b_ip, a_port, b_port, 1 if a_initiated else 0]) \
        + struct.pack(">HH", first, duration)


write("DataChannelMatcherFuzzTest", "match", "passive-active-nat",
      bytes([3]) + exp(0, True, 0, 1, 3, 100, 200, 300) + conn(0, 1, 4, 3, True, 150, 100)
      + exp(0, False, 1, 0, 4, 400, 500, 600) + conn(1, 0, 0, 4, True, 510, 10)
      + exp(0, True, 2, 2, 3, 700, 800, 0xFFFF) + conn(0, 1, 2, 3, False, 790, 1))
write("DataChannelMatcherFuzzTest", "match", "competing-same-port-two-sessions",
      bytes([4]) + exp(0, True, 0, 1, 3, 100, 110, 120) + exp(0, True, 0, 1, 3, 130, 140, 150)
      + exp(1, True, 0, 4, 3, 100, 110, 120) + conn(0, 1, 4, 3, True, 112, 5)
      + conn(0, 1, 4, 3, True, 112, 5) + conn(3, 4, 4, 3, False, 111, 5)
      + conn(1, 0, 3, 4, False, 145, 1))

# ---------------------------------------------------------------- stream assembler
# limits (index: maxRanges = c % 5, window = (c / 5) % 8), start index, sink (7: fails after
# two bytes), end choice (0 unknown, else the final length plus the signed byte), events: head
# (kind 0-4 accept at position-512, 5 accept after a hole of n*2 KiB, 6 compare, 7 skip),
# [position], length, payload.


def seg(kind, position, payload):
    return bytes([kind]) + struct.pack(">H", position + 512) + bytes([len(payload)]) + payload


def hole(count, payload):
    return bytes([5]) + struct.pack(">H", count) + bytes([len(payload)]) + payload


stream = (seg(0, 0, b"hello ") + seg(0, 6, b"world") + seg(0, 20, b"after a hole")
          + seg(0, 3, b"LOxx") + seg(0, 8, b"r") + seg(0, 12, b"late") + seg(6, 30, b"compare")
          + seg(0, -4, b"....early") + hole(3, b"far") + seg(0, 0, b"h"))
write("StreamAssemblerFuzzTest", "segments", "holes-overlaps-conflicts",
      bytes([4 + 5 * 5, 0, 0, 0x10]) + stream)
write("StreamAssemblerFuzzTest", "segments", "small-window-few-ranges",
      bytes([1 + 5 * 3, 3, 0, 0xF0]) + stream)
write("StreamAssemblerFuzzTest", "segments", "sink-fails",
      bytes([4 + 5 * 7, 2, 7]) + struct.pack(">H", 15) + b"\x00" + stream)

# ---------------------------------------------------------------- sequence unwrapper
# base, steps: head (bit 0: four-byte distance, else two; bit 1: invalid first, bit 2 negative)
steps = b"".join([
    b"\x00" + struct.pack(">h", 100), b"\x01" + struct.pack(">i", 0x7FFFFFFF),
    b"\x01" + struct.pack(">i", -0x7FFFFFFF), b"\x02" + struct.pack(">h", -5) + b"\x01",
    b"\x07" + struct.pack(">i", 0x40000000) + b"\x03", b"\x01" + struct.pack(">i", 0x7FFFFFFF),
])
write("SequenceUnwrapperFuzzTest", "followStream", "wraps-both-ways",
      struct.pack(">I", 0xFFFFFF00) + steps)

# ---------------------------------------------------------------- seen ranges
# maxRanges choice, ranges: flag byte (bit 0 extreme: 8-byte coordinates), start, end


def rng(start, end):
    return b"\x00" + struct.pack(">HH", start + 256, end + 256)


write("SeenRangesFuzzTest", "markRanges", "holes-and-overlaps",
      b"\x03" + rng(0, 10) + rng(20, 30) + rng(5, 25) + rng(40, 50) + rng(60, 70) + rng(-10, 100)
      + rng(9, 3) + b"\x01" + struct.pack(">qq", -(1 << 63), (1 << 63) - 1))
