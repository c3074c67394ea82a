#!/usr/bin/env bash
# Make testdata/fragments/ip-fragments.pcap: real IP fragments made by the Linux kernel, and the
# sha256 of the files transferred through them (testdata/fragments/ip-fragments.sha256).
#
#   sudo scripts/make-fragment-capture.sh
#
# Three network namespaces in a row, all veth links MTU 1500:
#   fragsrv  fs0 192.0.2.1/24 ---- fr0 192.0.2.254/24    fragrtr    fr1 198.51.100.254/24 ---- fc0 198.51.100.2/24  fragcli
#   6in4 (RFC 4213, IPv4 protocol 41) from fragsrv to fragcli: 2001:db8:41::1 -> 2001:db8:41::2
#   IPv6 direct: 2001:db8:1::1 (fs0) <-> 2001:db8:2::2 (fc0), routed by fragrtr
#
# How fragments are forced (Linux TCP normally avoids them with DF and path MTU discovery):
#   - fragsrv sets net.ipv4.ip_no_pmtu_disc=1, so its TCP segments leave without DF;
#   - fragrtr's route to 198.51.100.0/24 has "mtu lock 576", so forwarding fragments every IPv4
#     packet above 576 bytes (a locked route MTU wins over the device MTU when forwarding);
#   - 6in4 packets go out through a raw IPv4 socket of protocol 41 (this kernel has no sit
#     driver; scripts/fragment-capture/send_6in4.py writes the inner IPv6/TCP packets, some of
#     them as two IPv6 fragments), also without DF, so the router fragments them as IPv4 packets
#     of protocol 41;
#   - IPv6 UDP datagrams of 4000 bytes are fragmented by the sending kernel (IPv6 routers never
#     fragment, RFC 8200 section 5), which makes real Fragment headers.
# Traffic: an FTP passive download (pyftpdlib server, curl client) of a 60000-byte file over IPv4,
# one direction of an IPv6 TCP transfer of 40000 bytes in 6in4, and three 4000-byte UDP datagrams
# over IPv6. The capture is taken on fc0, in fragcli, where fragments arrive.
#
# Needed: iproute2 tcpdump curl tshark, and a python3 with pyftpdlib (PY=..., default /usr/bin/python3, Debian python3-pyftpdlib).
# Nothing is installed; namespaces and processes are removed on exit.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-/usr/bin/python3}
OUT=$REPO/testdata/fragments
WORK=$(mktemp -d /tmp/ftprecon-frag.XXXXXX)
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for ns in fragsrv fragrtr fragcli; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || { echo "must run as root (network namespaces)" >&2; exit 2; }
"$PY" -c 'import pyftpdlib' 2>/dev/null || { echo "$PY has no pyftpdlib (set PY=...)" >&2; exit 2; }

for ns in fragsrv fragrtr fragcli; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
done
# gso_max_segs 1: segments reach the wire one MSS at a time, as on a real NIC.
ip link add fs0 netns fragsrv gso_max_segs 1 type veth peer name fr0 netns fragrtr
ip link add fr1 netns fragrtr gso_max_segs 1 type veth peer name fc0 netns fragcli gso_max_segs 1

ip -n fragsrv addr add 192.0.2.1/24 dev fs0
ip -n fragsrv addr add 2001:db8:1::1/64 dev fs0 nodad
ip -n fragrtr addr add 192.0.2.254/24 dev fr0
ip -n fragrtr addr add 2001:db8:1::fe/64 dev fr0 nodad
ip -n fragrtr addr add 198.51.100.254/24 dev fr1
ip -n fragrtr addr add 2001:db8:2::fe/64 dev fr1 nodad
ip -n fragcli addr add 198.51.100.2/24 dev fc0
ip -n fragcli addr add 2001:db8:2::2/64 dev fc0 nodad
for pair in fragsrv:fs0 fragrtr:fr0 fragrtr:fr1 fragcli:fc0; do
    ip -n "${pair%%:*}" link set "${pair#*:}" up
done
ip netns exec fragrtr sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
ip -n fragsrv route add default via 192.0.2.254
ip -n fragsrv -6 route add default via 2001:db8:1::fe
ip -n fragcli route add default via 198.51.100.254
ip -n fragcli -6 route add default via 2001:db8:2::fe
ip -n fragrtr route replace 198.51.100.0/24 dev fr1 mtu lock 576
ip netns exec fragsrv sysctl -qw net.ipv4.ip_no_pmtu_disc=1
# Deterministic TCP: no timestamps or SACK blocks to vary the header sizes between runs.
for ns in fragsrv fragcli; do
    ip netns exec "$ns" sysctl -qw net.ipv4.tcp_timestamps=0 net.ipv4.tcp_sack=0
done


mkdir -p "$WORK/srv" "$OUT"
# Reproducible file contents: a counter hashed, so no run-to-run difference and no long zero runs.
"$PY" - "$WORK/srv" <<'EOF'
import hashlib, sys
def make(name, size):
    out, i = bytearray(), 0
    while len(out) < size:
        out += hashlib.sha256(f"{name}:{i}".encode()).digest(); i += 1
    open(f"{sys.argv[1]}/{name}", "wb").write(out[:size])
make("fragmented-ipv4.bin", 60000)
make("fragmented-6in4.bin", 40000)
EOF

ip netns exec fragsrv "$PY" "$REPO/scripts/sample-captures/pyftpd_server.py" 192.0.2.1 21 "$WORK/srv" \
    frag frag 30000 30009 >"$WORK/ftpd4.log" 2>&1 &
PIDS+=($!)
ip netns exec fragcli "$PY" -c '
import socket, time
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); s.bind(("2001:db8:2::2", 9999))
end = time.time() + 20
while time.time() < end:
    s.settimeout(1)
    try: s.recv(65535)
    except OSError: pass
' &
PIDS+=($!)
for _ in $(seq 1 50); do
    n=$(ip netns exec fragsrv ss -Hltn "sport = :21" | wc -l)
    [ "$n" -ge 1 ] && break
    sleep 0.1
done

tcpdump_out=$WORK/capture.pcap
ip netns exec fragcli tcpdump -i fc0 -s 0 -U --immediate-mode -B 65536 -w "$tcpdump_out" >"$WORK/tcpdump.log" 2>&1 &
CAP=$!
PIDS+=($CAP)
sleep 1

ip netns exec fragcli curl -sS --max-time 20 --limit-rate 300k -o "$WORK/got4.bin" \
    ftp://frag:frag@192.0.2.1/fragmented-ipv4.bin
ip netns exec fragsrv "$PY" "$REPO/scripts/fragment-capture/send_6in4.py" \
    "$WORK/srv/fragmented-6in4.bin" 198.51.100.2
ip netns exec fragsrv "$PY" -c '
import socket, hashlib
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
for i in range(3):
    data = b"".join(hashlib.sha256(b"udp%d:%d" % (i, j)).digest() for j in range(125))
    s.sendto(data, ("2001:db8:2::2", 9999))
'
sleep 1
kill "$CAP"; wait "$CAP" 2>/dev/null || true

grep -q "^0 packets dropped by kernel" "$WORK/tcpdump.log" || { cat "$WORK/tcpdump.log" >&2; exit 1; }
cmp "$WORK/srv/fragmented-ipv4.bin" "$WORK/got4.bin"
cp "$tcpdump_out" "$OUT/ip-fragments.pcap"
(cd "$WORK/srv" && sha256sum fragmented-ipv4.bin fragmented-6in4.bin) >"$OUT/ip-fragments.sha256"
echo "fragments in the capture:"
tshark -r "$OUT/ip-fragments.pcap" -o ip.defragment:FALSE -Y "ip.flags.mf == 1 || ip.frag_offset > 0 || ipv6.fragment" | wc -l
ls -l "$OUT"
