import struct
def ip4(a): return bytes(int(x) for x in a.split('.'))
import ipaddress
def ip6(a): return ipaddress.IPv6Address(a).packed
SRC4, DST4 = ip4('192.0.2.10'), ip4('198.51.100.20')
SRC6, DST6 = ip6('2001:db8:0:1::10'), ip6('2001:db8:0:2:0:0:0:20')
def eth(t): return bytes.fromhex('020000000002 020000000001') + struct.pack('>H', t)
def vlan(tci, t): return struct.pack('>HH', tci, t)
def ipv4(payload, proto, flags_frag=0x4000, opts=b'', total=None, src=SRC4, dst=DST4):
    ihl = 5 + len(opts)//4
    tl = total if total is not None else ihl*4 + len(payload)
    return struct.pack('>BBHHHBBH4s4s', 0x40|ihl, 0, tl, 0x1111, flags_frag, 64, proto, 0, src, dst) + opts + payload
def ipv6(payload, nh, src=SRC6, dst=DST6, plen=None):
    return struct.pack('>IHBB16s16s', 0x60000000, len(payload) if plen is None else plen, nh, 64, src, dst) + payload
def tcp(sport, dport, seq, ack, flags, payload=b'', opts=b'', doff=None):
    d = doff if doff is not None else 5 + len(opts)//4
    return struct.pack('>HHIIBBHHH', sport, dport, seq, ack, d<<4, flags, 65535, 0, 0) + opts + payload
def udp(payload): return struct.pack('>HHHH', 5353, 53, 8+len(payload), 0) + payload
P = b'RETR file.txt\r\n'
frames = []  # (linktype, bytes, comment)
def add(lt, b, c): frames.append((lt, b, c))
# Ethernet
add(1, eth(0x0800) + ipv4(tcp(40000, 21, 0xfffffff0, 1, 0x18, P), 6), 'plain IPv4 TCP')
add(1, eth(0x8100) + vlan(100, 0x0800) + ipv4(tcp(40001, 21, 1, 2, 0x18, P), 6), '802.1Q IPv4')
add(1, eth(0x88a8) + vlan(200, 0x8100) + vlan(100, 0x86dd) + ipv6(tcp(40002, 21, 3, 4, 0x18, P), 6), 'QinQ IPv6')
add(1, eth(0x9100) + vlan(7, 0x0800) + ipv4(tcp(40003, 20, 5, 6, 0x10, P), 6), '0x9100 tag')
add(1, eth(0x0800) + ipv4(tcp(40004, 21, 7, 8, 0x02, b'', opts=bytes.fromhex('020405b4 01030307 0402 0000')), 6, opts=bytes.fromhex('94040000 01010100')), 'IPv4+TCP options')
add(1, eth(0x0800) + ipv4(ipv6(tcp(40005, 21, 9, 10, 0x18, P), 6), 41), '6in4')
add(1, eth(0x0800) + ipv4(ipv4(tcp(40006, 21, 11, 12, 0x18, P), 6, src=ip4('10.0.0.1'), dst=ip4('10.0.0.2')), 4), 'IPv4 in IPv4')
add(1, eth(0x0800) + ipv4(tcp(40007, 21, 13, 14, 0x18, P), 6, flags_frag=0x2000), 'first fragment')
add(1, eth(0x0800) + ipv4(b'\x00'*16, 6, flags_frag=0x0004), 'last fragment')
hbh = bytes([60, 0, 1, 4, 0, 0, 0, 0]); dst = bytes([6, 0, 1, 4, 0, 0, 0, 0])
add(1, eth(0x86dd) + ipv6(hbh + dst + tcp(40008, 21, 15, 16, 0x18, P), 0), 'IPv6 HBH+DestOpts')
add(1, eth(0x86dd) + ipv6(bytes([6, 0, 0, 0, 0, 0, 0, 9]) + tcp(40009, 21, 17, 18, 0x18, P), 44), 'IPv6 atomic fragment')
add(1, eth(0x86dd) + ipv6(bytes([6, 0, 0, 1, 0, 0, 0, 9]) + tcp(40010, 21, 19, 20, 0x18, P), 44), 'IPv6 first fragment')
quoted = ipv4(tcp(40011, 21, 21, 22, 0x18, b''), 6)[:28]
add(1, eth(0x0800) + ipv4(bytes([3, 3, 0, 0, 0, 0, 0, 0]) + quoted, 1, src=DST4, dst=SRC4), 'ICMP quoting TCP')
add(1, (eth(0x0800) + ipv4(tcp(40012, 21, 23, 24, 0x18, b'OK'), 6)).ljust(60, b'\x00'), 'padded 2-byte payload')
add(1, (eth(0x0800) + ipv4(tcp(40013, 21, 25, 26, 0x10), 6)).ljust(60, b'\x00'), 'padded bare ACK')
add(1, eth(0x0806) + bytes.fromhex('0001080006040001020000000001c000020a000000000000c6336414'), 'ARP')
add(1, eth(0x0800) + ipv4(udp(b'abcd'), 17), 'UDP')
add(1, eth(0x0800) + ipv4(tcp(40014, 21, 27, 28, 0x18, P, doff=4), 6), 'TCP data offset 4')
add(1, eth(0x0800) + ipv4(tcp(40015, 21, 29, 30, 0xc2), 6), 'ECN SYN')
add(1, eth(0x0800) + ipv4(tcp(40016, 21, 31, 32, 0x18, P), 6, total=1500), 'IP total length > wire')
# raw
add(101, ipv4(tcp(40100, 21, 100, 101, 0x18, P), 6), 'raw IPv4')
add(101, ipv6(tcp(40101, 21, 102, 103, 0x18, P), 6), 'raw IPv6')
# SLL
add(113, struct.pack('>HHH8sH', 0, 1, 6, bytes.fromhex('0200000000010000'), 0x0800) + ipv4(tcp(40200, 21, 200, 201, 0x18, P), 6), 'SLL IPv4')
add(113, struct.pack('>HHH8sH', 4, 1, 6, bytes.fromhex('0200000000010000'), 0x86dd) + ipv6(tcp(40201, 21, 202, 203, 0x18, P), 6), 'SLL IPv6')
add(276, struct.pack('>HHIHBB8s', 0x0800, 0, 2, 1, 0, 6, bytes.fromhex('0200000000010000')) + ipv4(tcp(40300, 21, 300, 301, 0x18, P), 6), 'SLL2 IPv4')
# NULL, host order LE
add(0, struct.pack('<I', 2) + ipv4(tcp(40400, 21, 400, 401, 0x18, P), 6), 'NULL AF_INET LE')
add(0, struct.pack('<I', 30) + ipv6(tcp(40401, 21, 402, 403, 0x18, P), 6), 'NULL AF_INET6 Darwin LE')
add(0, struct.pack('>I', 28) + ipv6(tcp(40402, 21, 404, 405, 0x18, P), 6), 'NULL AF_INET6 FreeBSD BE')
add(108, struct.pack('>I', 2) + ipv4(tcp(40500, 21, 500, 501, 0x18, P), 6), 'LOOP AF_INET')
import collections
by = collections.OrderedDict()
for i, (lt, b, c) in enumerate(frames):
    by.setdefault(lt, []).append((i, b, c))
for lt, fs in by.items():
    with open(f'frames-linktype-{lt}.txt', 'w') as f:
        f.write(f'# text2pcap input, LINKTYPE {lt}: one frame per line, "<epoch seconds> <hex>"\n')
        for i, b, c in fs:
            f.write(f'# {c}\n')
            f.write(f'{1700000000 + i}.{i:03d}456789 {b.hex()}\n')
print({lt: len(fs) for lt, fs in by.items()})
