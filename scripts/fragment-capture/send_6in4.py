#!/usr/bin/python3
"""Sends one direction of an IPv6 TCP transfer, tunnelled 6in4 (RFC 4213: IPv4 protocol 41).

usage: send_6in4.py <file> <outer-destination-ipv4>

Written by hand because the capture host has no sit tunnel driver: each IPv6 packet is handed to
a raw IPv4 socket of protocol 41, and the kernel adds the outer IPv4 header without DF (the
namespace sets net.ipv4.ip_no_pmtu_disc=1), so a router with a lower MTU fragments it for real.
Inner packets: SYN, then the file in 1400-byte segments, then FIN, from 2001:db8:41::1 port 20
to 2001:db8:41::2 port 40000, initial sequence number 0xFFFFF000 so the stream wraps 2^32.
Every third data segment is itself split into two IPv6 fragments (RFC 8200 4.5, Fragment header
written here, identification 0x41000000 + n), so the capture also holds IPv6 fragments inside
IPv4 fragments.
"""
import socket
import struct
import sys
import time

SRC = socket.inet_pton(socket.AF_INET6, "2001:db8:41::1")
DST = socket.inet_pton(socket.AF_INET6, "2001:db8:41::2")
ISN = 0xFFFFF000
MSS = 1400
FRAGMENT_SPLIT = 704  # a multiple of 8 (RFC 8200 4.5)
IP_MTU_DISCOVER, IP_PMTUDISC_DONT = 10, 0  # linux/in.h; not in every Python socket module


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def tcp(seq, flags, payload):
    header = struct.pack("!HHIIBBHHH", 20, 40000, seq & 0xFFFFFFFF, 0, 5 << 4, flags, 65535, 0, 0)
    pseudo = SRC + DST + struct.pack("!I3xB", len(header) + len(payload), 6)
    csum = checksum(pseudo + header + payload)
    return header[:16] + struct.pack("!H", csum) + header[18:] + payload


def ipv6(next_header, payload):
    return struct.pack("!IHBB", 6 << 28, len(payload), next_header, 64) + SRC + DST + payload


def fragments(segment, identification):
    first, rest = segment[:FRAGMENT_SPLIT], segment[FRAGMENT_SPLIT:]
    yield ipv6(44, struct.pack("!BxHI", 6, 0 | 1, identification) + first)
    yield ipv6(44, struct.pack("!BxHI", 6, FRAGMENT_SPLIT, identification) + rest)


def main():
    data = open(sys.argv[1], "rb").read()
    out = socket.socket(socket.AF_INET, socket.SOCK_RAW, 41)
    out.setsockopt(socket.IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DONT)
    dest = (sys.argv[2], 0)
    packets = [ipv6(6, tcp(ISN, 0x02, b""))]
    seq = ISN + 1
    for n, at in enumerate(range(0, len(data), MSS)):
        segment = tcp(seq, 0x18 if n else 0x10, data[at : at + MSS])
        seq += len(data[at : at + MSS])
        if n % 3 == 2:
            packets.extend(fragments(segment, 0x41000000 + n))
        else:
            packets.append(ipv6(6, segment))
    packets.append(ipv6(6, tcp(seq, 0x11, b"")))
    for p in packets:
        out.sendto(p, dest)
        time.sleep(0.002)


if __name__ == "__main__":
    main()
