#!/usr/bin/env bash
# Make the project's sample FTP captures (samples/) and their independently
# computed expected outputs (testdata/expected/<capture>.json).
#
#   sudo scripts/make-sample-captures.sh            # all scenarios
#   sudo scripts/make-sample-captures.sh NAME...    # only these (capture names without extension)
#   scripts/sample-captures/expect.py check --root . testdata/expected/*.json   # re-check only
#
# All traffic stays inside two network namespaces created here and joined by
# one veth pair (MTU 1500, GSO limited to one segment so the capture shows
# wire-sized segments):
#   ftprecon-srv  ftps0  192.0.2.1/24  2001:db8::1/64   servers (pure-ftpd, pyftpdlib)
#   ftprecon-cli  ftpc0  192.0.2.2/24  2001:db8::2/64   clients (curl, lftp, wget, ftplib) + capture
# Captures are taken on the client side veth (ftpc0): tcpdump (-s 0 -U -w, pcap)
# or dumpcap (pcapng).  Namespaces and servers are removed on exit.
#
# Nothing is installed by this script.  Needed (Debian 12 package names):
#   tshark tcpdump (dumpcap, mergecap come with wireshark-common) pure-ftpd python3-pyftpdlib
#   lftp wget curl iproute2 openssl util-linux (taskset)
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
LIB=$REPO/scripts/sample-captures
PY=/usr/bin/python3
WORK=${FTPRECON_SAMPLES_WORK:-/tmp/ftprecon-samples}
SAMPLES=$REPO/samples
EXPECTED=$REPO/testdata/expected

NS_S=ftprecon-srv
NS_C=ftprecon-cli
IF_S=ftps0
IF_C=ftpc0
V4_S=192.0.2.1
V4_C=192.0.2.2
V6_S=2001:db8::1
V6_C=2001:db8::2

PURE_USER=alice PURE_PASS=wonderland
PY_USER=bob PY_PASS=builder
PURE_PASV=30000:30099
PY_PASV_LO=30100 PY_PASV_HI=30199
NOBODY_UID=65534 NOBODY_GID=65534
FIXED_MTIME='2024-03-01 12:00:00 UTC'

MAX_CAPTURE_BYTES=$((1536 * 1024))
MAX_TOTAL_BYTES=$((8 * 1024 * 1024))

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------ checks
check_tools() {
    local missing=() t
    for t in ip tshark tcpdump dumpcap mergecap capinfos pure-ftpd pure-pw curl lftp wget openssl taskset; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    [ -x "$PY" ] && "$PY" -c 'import pyftpdlib' 2>/dev/null || missing+=("$PY + pyftpdlib")
    if [ ${#missing[@]} -gt 0 ]; then
        echo "missing: ${missing[*]}" >&2
        echo "install with: apt-get install -y tshark tcpdump pure-ftpd python3-pyftpdlib lftp wget curl iproute2 openssl util-linux" >&2
        exit 2
    fi
    [ "$(id -u)" -eq 0 ] || die "must run as root (network namespaces, captures): sudo $0"
}

# ------------------------------------------------------------------ processes we start
declare -A PIDS=()
start_bg() {  # name, command... (output to $WORK/log/name.log)
    local name=$1; shift
    "$@" >"$WORK/log/$name.log" 2>&1 &
    PIDS[$name]=$!
    echo "${PIDS[$name]}" >"$WORK/run/$name.pid"
}
stop_bg() {  # name [signal]
    local name=$1 sig=${2:-TERM} pid=${PIDS[$1]:-}
    [ -n "$pid" ] || return 0
    kill -s "$sig" "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        echo "   $name (pid $pid) ignored SIG$sig, sending KILL" >&2
        kill -s KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    unset "PIDS[$name]"
    rm -f "$WORK/run/$name.pid"
}
kill_stale() {  # processes left by an interrupted earlier run (their pid files)
    local f pid
    for f in "$WORK"/run/*.pid; do
        [ -e "$f" ] || continue
        pid=$(cat "$f")
        # only if it is still one of ours: in our namespaces or started on our files
        if [ -n "$pid" ] && [ -e "/proc/$pid" ] &&
           { ip netns identify "$pid" 2>/dev/null | grep -qx "$NS_S\|$NS_C" ||
             tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -e "$WORK/" -e "$LIB/" -e "$SAMPLES/"; }; then
            kill "$pid" 2>/dev/null || true
        fi
        rm -f "$f"
    done
}

# ------------------------------------------------------------------ namespaces
teardown_net() {
    ip netns del "$NS_S" 2>/dev/null || true
    ip netns del "$NS_C" 2>/dev/null || true
}
cleanup() {
    local rc=$? name
    for name in "${!PIDS[@]}"; do stop_bg "$name"; done
    teardown_net
    [ $rc -eq 0 ] || echo "FAILED (exit $rc); logs in $WORK/log" >&2
    exit $rc
}
setup_net() {
    local ns
    teardown_net
    ip netns add "$NS_S"
    ip netns add "$NS_C"
    # no IPv6 router solicitations in the captures (the veth ends created below
    # take the namespace's "default" settings)
    for ns in "$NS_S" "$NS_C"; do
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.router_solicitations=0 \
            net.ipv6.conf.all.router_solicitations=0 net.ipv6.conf.default.accept_ra=0
    done
    # gso_max_segs 1: the stack hands the veth one MSS-sized segment at a time,
    # so the capture shows what a 1500-byte MTU wire carries (no 64 KB GSO frames).
    # (both ends are created directly inside their namespaces)
    ip link add "$IF_S" netns "$NS_S" gso_max_segs 1 gso_max_size 1500 type veth \
        peer name "$IF_C" netns "$NS_C" gso_max_segs 1 gso_max_size 1500
    ip -n "$NS_S" link set lo up
    ip -n "$NS_C" link set lo up
    ip -n "$NS_S" addr add "$V4_S/24" dev "$IF_S"
    ip -n "$NS_C" addr add "$V4_C/24" dev "$IF_C"
    ip -n "$NS_S" addr add "$V6_S/64" dev "$IF_S" nodad
    ip -n "$NS_C" addr add "$V6_C/64" dev "$IF_C" nodad
    # No tail loss probes / RACK timers: on a busy machine a few ms of scheduling
    # delay would otherwise trigger spurious retransmissions in the captures.
    for ns in "$NS_S" "$NS_C"; do
        ip netns exec "$ns" sysctl -qw net.ipv4.tcp_early_retrans=0 net.ipv4.tcp_recovery=0
    done
    ip -n "$NS_S" link set "$IF_S" mtu 1500 up
    ip -n "$NS_C" link set "$IF_C" mtu 1500 up
    # let link-local DAD and the MLD reports of link-up pass before any capture
    local i
    for i in $(seq 1 50); do
        [ -z "$(ip -n "$NS_S" -6 addr show tentative; ip -n "$NS_C" -6 addr show tentative)" ] && break
        sleep 0.1
    done
    sleep 3
}
# run a client inside the client namespace with a clean environment
# Servers and clients all run on CPU 0: with veth, a segment is queued on the
# backlog of the CPU that sent it, so senders on two CPUs can reorder segments.
PIN=(taskset -c 0)
client() {
    ip netns exec "$NS_C" "${PIN[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$WORK/client-home" \
        LC_ALL=C.UTF-8 TZ=UTC "$@"
}

# ------------------------------------------------------------------ content
gen() { "$PY" "$LIB/gen_files.py" "$@"; }
make_content() {
    local A=$WORK/srv/alice B=$WORK/srv/bob C=$WORK/client
    mkdir -p "$A/pub" "$A/données" "$A/incoming" "$B/pub" "$B/incoming/été" "$C" "$WORK/client-home"
    # pure-ftpd (alice)
    gen bin  "$A/firmware.bin"             412345 firmware.bin
    gen bin  "$A/archive 2024.bin"         287123 "archive 2024.bin"
    gen bin  "$A/dataset.bin"              350017 dataset.bin
    gen bin  "$A/disk-image.bin"           298765 disk-image.bin
    gen bin  "$A/données/rapport-été.bin"  150000 rapport-été.bin
    gen text "$A/notes.txt"                   300 notes.txt
    gen bin  "$A/backup.bin"               262151 backup.bin
    gen text "$A/pub/README.txt"               40 pub/README.txt
    gen text "$A/pub/Änderungen.txt"           20 pub/Änderungen.txt
    gen bin  "$A/pub/tools.tar.bin"          4096 pub/tools.tar.bin
    gen bin  "$A/pub/with space.dat"         1000 "pub/with space.dat"
    # pyftpdlib (bob)
    gen text "$B/pub/readme.txt"              250 bob/pub/readme.txt
    gen bin  "$B/pub/index.bin"              2048 bob/pub/index.bin
    gen text "$B/pub/über uns.txt"             10 "bob/pub/über uns.txt"
    gen bin  "$B/pub/large.bin"            310001 bob/pub/large.bin
    # client side originals for uploads
    gen bin  "$C/upload-pasv.bin"          345678 upload-pasv.bin
    gen bin  "$C/upload-epsv.bin"          256001 upload-epsv.bin
    gen bin  "$C/upload-port.bin"          300001 upload-port.bin
    gen bin  "$C/upload-eprt.bin"          222222 upload-eprt.bin
    find "$WORK/srv" -exec touch -h -d "$FIXED_MTIME" {} +
    chown -R "$NOBODY_UID:$NOBODY_GID" "$A"
    # pure-ftpd virtual user alice -> uid/gid nobody, chrooted to $A
    rm -f "$WORK/pureftpd.passwd" "$WORK/pureftpd.pdb"
    printf '%s\n%s\n' "$PURE_PASS" "$PURE_PASS" |
        pure-pw useradd "$PURE_USER" -u "$NOBODY_UID" -g "$NOBODY_GID" -d "$A" -f "$WORK/pureftpd.passwd" >/dev/null
    # pure-pw hashes with argon2id t=1023, which makes every login take seconds;
    # use a fixed-salt SHA-512 crypt hash instead (pure-ftpd checks it with crypt(3)).
    local hash
    hash=$(openssl passwd -6 -salt ftpreconsample "$PURE_PASS")
    awk -F: -v OFS=: -v h="$hash" '{ $2 = h; print }' "$WORK/pureftpd.passwd" >"$WORK/pureftpd.passwd.new"
    mv "$WORK/pureftpd.passwd.new" "$WORK/pureftpd.passwd"
    pure-pw mkdb "$WORK/pureftpd.pdb" -f "$WORK/pureftpd.passwd"
}

# ------------------------------------------------------------------ servers
wait_listen() {  # family(4|6|46)
    local i want=$1 ok
    for i in $(seq 1 50); do
        ok=1
        case $want in *4*) ip netns exec "$NS_S" ss -Hltn "sport = :21" | grep -q "$V4_S:21\|0.0.0.0:21" || ok=0 ;; esac
        case $want in *6*) ip netns exec "$NS_S" ss -Hltn "sport = :21" | grep -q "\[$V6_S\]:21\|\[::\]:21\|\*:21" || ok=0 ;; esac
        [ $ok -eq 1 ] && return 0
        sleep 0.1
    done
    die "server did not start listening (see $WORK/log)"
}
start_pureftpd() {
    # -l puredb: virtual users   -E no anonymous   -H no DNS lookups
    # -p passive port range       (no -4/-6: listens on IPv4 and IPv6)
    start_bg pure-ftpd ip netns exec "$NS_S" "${PIN[@]}" pure-ftpd -l "puredb:$WORK/pureftpd.pdb" -E -H \
        -p "$PURE_PASV" -c 10 -C 10 -I 60
    wait_listen 46
}
start_pyftpdlib() {
    start_bg pyftpdlib4 ip netns exec "$NS_S" "${PIN[@]}" "$PY" "$LIB/pyftpd_server.py" "$V4_S" 21 "$WORK/srv/bob" \
        "$PY_USER" "$PY_PASS" "$PY_PASV_LO" "$PY_PASV_HI"
    start_bg pyftpdlib6 ip netns exec "$NS_S" "${PIN[@]}" "$PY" "$LIB/pyftpd_server.py" "$V6_S" 21 "$WORK/srv/bob" \
        "$PY_USER" "$PY_PASS" "$PY_PASV_LO" "$PY_PASV_HI"
    wait_listen 46
}
stop_servers() {
    stop_bg pure-ftpd
    stop_bg pyftpdlib4
    stop_bg pyftpdlib6
}

# ------------------------------------------------------------------ capture
CAP_TOOL=""
cap_start() {  # file (.pcap -> tcpdump, .pcapng -> dumpcap)
    local out=$1 i
    CAP_FILE=$out
    rm -f "$out"
    case $out in
    *.pcapng)
        CAP_TOOL=dumpcap
        start_bg capture ip netns exec "$NS_C" dumpcap -i "$IF_C" -B 64 -w "$out"
        for i in $(seq 1 100); do grep -q "Capturing on" "$WORK/log/capture.log" && break; sleep 0.05; done
        ;;
    *.pcap)
        CAP_TOOL=tcpdump
        start_bg capture ip netns exec "$NS_C" tcpdump -i "$IF_C" -s 0 -U --immediate-mode -B 65536 -Z root -w "$out"
        for i in $(seq 1 100); do grep -q "listening on" "$WORK/log/capture.log" && break; sleep 0.05; done
        ;;
    esac
    grep -q "Capturing on\|listening on" "$WORK/log/capture.log" || die "capture did not start: $(cat "$WORK/log/capture.log")"
    sleep 0.5
}
cap_stop() {
    sleep 1.5   # let FIN/ACKs pass and the capture tool drain its buffer
    stop_bg capture INT
    chmod 0644 "$CAP_FILE"
    local l=$WORK/log/capture.log
    if [ "$CAP_TOOL" = tcpdump ]; then
        grep -q "^0 packets dropped by kernel" "$l" || die "tcpdump dropped packets: $(cat "$l")"
    else
        grep -Eq "Packets received/dropped on interface '$IF_C': [0-9]+/0 " "$l" || die "dumpcap dropped packets: $(cat "$l")"
    fi
    # one behaviour per capture: no incidental retransmissions/reordering/losses
    local bad
    bad=$(tshark -n -r "$CAP_FILE" -Y "$ANOMALIES" 2>/dev/null | wc -l)
    if [ "$bad" -gt 0 ]; then
        echo "   $bad frame(s) with TCP anomalies ($ANOMALIES) -- will retry" >&2
        tshark -n -r "$CAP_FILE" -Y "$ANOMALIES" 2>/dev/null | head -5 >&2
        RETRY=1
    fi
}
ANOMALIES='tcp.analysis.retransmission || tcp.analysis.fast_retransmission || tcp.analysis.spurious_retransmission || tcp.analysis.out_of_order || tcp.analysis.lost_segment || tcp.analysis.ack_lost_segment || tcp.analysis.duplicate_ack'
RETRY=0

# ------------------------------------------------------------------ scenarios
# Each scenario: start server, start capture, run client(s), stop capture,
# stop server, sanity-check files on disk, then build+check the JSON.
A=; B=; C=
expect() {  # capture-name made-by --xfer ... (passed through)
    local name=$1 made_by=$2; shift 2
    [ "$RETRY" -eq 0 ] || return 0
    "$PY" "$LIB/expect.py" build --root "$REPO" --capture "$SAMPLES/$name" \
        --out "$EXPECTED/$name.json" --made-by "$made_by" "$@"
}
same() { cmp -s "$1" "$2" || die "sanity check: $1 differs from $2"; }
begin() {  # name
    CUR=$1
    log "$CUR"
    rm -rf "$C/out"; mkdir -p "$C/out"
}

s_pasv_download_ipv4() {
    local n=pasv-download-ipv4-pureftpd-curl.pcap
    begin $n; start_pureftpd; cap_start "$SAMPLES/$n"
    client curl -q -sS --disable-epsv -u "$PURE_USER:$PURE_PASS" -o "$C/out/firmware.bin" "ftp://$V4_S/firmware.bin"
    cap_stop; stop_servers
    same "$A/firmware.bin" "$C/out/firmware.bin"
    expect $n "pure-ftpd 1.0.50 + curl: curl --disable-epsv -u alice:wonderland -o firmware.bin ftp://192.0.2.1/firmware.bin" \
        --xfer RETR server "$A/firmware.bin"
}

s_epsv_download_ipv6() {
    local n=epsv-download-ipv6-pureftpd-curl.pcapng
    begin $n; start_pureftpd; cap_start "$SAMPLES/$n"
    client curl -q -sS -g -u "$PURE_USER:$PURE_PASS" -o "$C/out/archive.bin" "ftp://[$V6_S]/archive%202024.bin"
    cap_stop; stop_servers
    same "$A/archive 2024.bin" "$C/out/archive.bin"
    expect $n "pure-ftpd 1.0.50 + curl (captured with dumpcap): curl -g -u alice:wonderland -o archive.bin 'ftp://[2001:db8::1]/archive%202024.bin'" \
        --xfer RETR server "$A/archive 2024.bin"
}

s_port_download_ipv4() {
    local n=port-download-ipv4-pureftpd-curl.pcap
    begin $n; start_pureftpd; cap_start "$SAMPLES/$n"
    client curl -q -sS --ftp-port - --disable-eprt -u "$PURE_USER:$PURE_PASS" -o "$C/out/dataset.bin" "ftp://$V4_S/dataset.bin"
    cap_stop; stop_servers
    same "$A/dataset.bin" "$C/out/dataset.bin"
    expect $n "pure-ftpd 1.0.50 + curl: curl --ftp-port - --disable-eprt -u alice:wonderland -o dataset.bin ftp://192.0.2.1/dataset.bin" \
        --xfer RETR server "$A/dataset.bin"
}

s_eprt_download_ipv6() {
    local n=eprt-download-ipv6-pureftpd-curl.pcap
    begin $n; start_pureftpd; cap_start "$SAMPLES/$n"
    client curl -q -sS -g --ftp-port - -u "$PURE_USER:$PURE_PASS" -o "$C/out/disk-image.bin" "ftp://[$V6_S]/disk-image.bin"
    cap_stop; stop_servers
    same "$A/disk-image.bin" "$C/out/disk-image.bin"
    expect $n "pure-ftpd 1.0.50 + curl: curl -g --ftp-port - -u alice:wonderland -o disk-image.bin 'ftp://[2001:db8::1]/disk-image.bin'" \
        --xfer RETR server "$A/disk-image.bin"
}

s_pasv_upload_ipv4() {
    local n=pasv-upload-ipv4-pyftpdlib-ftplib.pcap
    begin $n; rm -f "$B/incoming/pasv upload.bin"; start_pyftpdlib; cap_start "$SAMPLES/$n"
    client "$PY" "$LIB/ftplib_client.py" "$V4_S" "$PY_USER" "$PY_PASS" put "$C/upload-pasv.bin" "incoming/pasv upload.bin"
    cap_stop; stop_servers
    same "$C/upload-pasv.bin" "$B/incoming/pasv upload.bin"
    expect $n "pyftpdlib 1.5.7 + Python 3.11 ftplib (passive, so PASV on IPv4): storbinary('STOR incoming/pasv upload.bin') to 192.0.2.1 as bob/builder" \
        --xfer STOR client-sent "$C/upload-pasv.bin"
}

s_epsv_upload_ipv6() {
    local n=epsv-upload-ipv6-pyftpdlib-ftplib.pcapng
    begin $n; rm -f "$B/incoming/été/mesures 2024.bin"; start_pyftpdlib; cap_start "$SAMPLES/$n"
    client "$PY" "$LIB/ftplib_client.py" "$V6_S" "$PY_USER" "$PY_PASS" put "$C/upload-epsv.bin" "incoming/été/mesures 2024.bin"
    cap_stop; stop_servers
    same "$C/upload-epsv.bin" "$B/incoming/été/mesures 2024.bin"
    expect $n "pyftpdlib 1.5.7 + Python 3.11 ftplib (passive, so EPSV on IPv6; captured with dumpcap): storbinary('STOR incoming/été/mesures 2024.bin') to 2001:db8::1 as bob/builder" \
        --xfer STOR client-sent "$C/upload-epsv.bin"
}

s_port_upload_ipv4() {
    local n=port-upload-ipv4-pureftpd-lftp.pcap
    begin $n; rm -f "$A/incoming/port upload.bin"; start_pureftpd; cap_start "$SAMPLES/$n"
    client lftp -c "set ftp:passive-mode off; set ftp:ssl-allow no; set net:max-retries 1; set cmd:fail-exit yes;
        open -u $PURE_USER,$PURE_PASS ftp://$V4_S; put '$C/upload-port.bin' -o 'incoming/port upload.bin'"
    cap_stop; stop_servers
    same "$C/upload-port.bin" "$A/incoming/port upload.bin"
    expect $n "pure-ftpd 1.0.50 + lftp: lftp -c 'set ftp:passive-mode off; set ftp:ssl-allow no; open -u alice,wonderland ftp://192.0.2.1; put upload-port.bin -o \"incoming/port upload.bin\"'" \
        --xfer STOR client-sent "$C/upload-port.bin"
}

s_eprt_upload_ipv6() {
    local n=eprt-upload-ipv6-pyftpdlib-ftplib.pcap
    begin $n; rm -f "$B/incoming/eprt-upload.bin"; start_pyftpdlib; cap_start "$SAMPLES/$n"
    client "$PY" "$LIB/ftplib_client.py" --active "$V6_S" "$PY_USER" "$PY_PASS" put "$C/upload-eprt.bin" "incoming/eprt-upload.bin"
    cap_stop; stop_servers
    same "$C/upload-eprt.bin" "$B/incoming/eprt-upload.bin"
    expect $n "pyftpdlib 1.5.7 + Python 3.11 ftplib (set_pasv(False), so EPRT on IPv6): storbinary('STOR incoming/eprt-upload.bin') to 2001:db8::1 as bob/builder" \
        --xfer STOR client-sent "$C/upload-eprt.bin"
}

s_pasv_list_ipv4() {
    local n=pasv-list-ipv4-pureftpd-wget.pcap
    begin $n; start_pureftpd; cap_start "$SAMPLES/$n"
    (cd "$C/out" && client wget --no-config -nv --no-remove-listing -O /dev/null "ftp://$PURE_USER:$PURE_PASS@$V4_S/pub/")
    cap_stop; stop_servers
    expect $n "pure-ftpd 1.0.50 + wget (PASV on IPv4, sends 'LIST -a' in TYPE I): wget --no-remove-listing ftp://alice:wonderland@192.0.2.1/pub/ ; .listing kept as the received bytes" \
        --xfer LIST client-saved "$C/out/.listing"
}

s_epsv_nlst_ipv6() {
    local n=epsv-nlst-ipv6-pyftpdlib-curl.pcap
    begin $n; start_pyftpdlib; cap_start "$SAMPLES/$n"
    client curl -q -sS -g --list-only --trace "$C/out/trace" -u "$PY_USER:$PY_PASS" -o "$C/out/nlst.txt" "ftp://[$V6_S]/pub/"
    cap_stop; stop_servers
    expect $n "pyftpdlib 1.5.7 + curl: curl -g --list-only -u bob:builder 'ftp://[2001:db8::1]/pub/' (NLST in EPSV, TYPE A)" \
        --xfer NLST curl-trace "$C/out/trace"
}

s_epsv_mlsd_ipv6() {
    local n=epsv-mlsd-ipv6-pureftpd-curl.pcap
    begin $n; start_pureftpd; cap_start "$SAMPLES/$n"
    client curl -q -sS -g -X MLSD --trace "$C/out/trace" -u "$PURE_USER:$PURE_PASS" -o "$C/out/mlsd.txt" "ftp://[$V6_S]/pub/"
    cap_stop; stop_servers
    expect $n "pure-ftpd 1.0.50 + curl: curl -g -X MLSD -u alice:wonderland 'ftp://[2001:db8::1]/pub/' (MLSD in EPSV, TYPE A)" \
        --xfer MLSD curl-trace "$C/out/trace"
}

s_multi_session() {
    local n=multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng rc=0
    begin $n; start_pureftpd
    head -c 100000 "$A/backup.bin" >"$C/out/backup.bin"   # partial local copy to resume
    cap_start "$SAMPLES/$n"
    # one curl process, four URLs, one control connection (curl re-uses it across --next)
    client curl -q -sS --trace "$C/out/trace" \
        -u "$PURE_USER:$PURE_PASS" -o "$C/out/rapport.bin" "ftp://$V4_S/donn%C3%A9es/rapport-%C3%A9t%C3%A9.bin" \
        -o "$C/out/notes.txt" "ftp://$V4_S/notes.txt;type=A" \
        --next -u "$PURE_USER:$PURE_PASS" -C - -o "$C/out/backup.bin" "ftp://$V4_S/backup.bin" \
        --next -u "$PURE_USER:$PURE_PASS" --ignore-content-length -o "$C/out/missing.bin" "ftp://$V4_S/missing.bin" || rc=$?
    cap_stop; stop_servers
    [ $rc -eq 78 ] || die "curl exit $rc, expected 78 (RETR missing.bin -> 550)"
    same "$A/données/rapport-été.bin" "$C/out/rapport.bin"
    same "$A/notes.txt" "$C/out/notes.txt"   # pure-ftpd LF->CRLF, curl CRLF->LF
    same "$A/backup.bin" "$C/out/backup.bin"
    expect $n "pure-ftpd 1.0.50 + curl (EPSV on IPv4, one control connection, captured with dumpcap): curl -u alice:wonderland -o rapport.bin 'ftp://192.0.2.1/donn%C3%A9es/rapport-%C3%A9t%C3%A9.bin' -o notes.txt 'ftp://192.0.2.1/notes.txt;type=A' --next -C - -o backup.bin ftp://192.0.2.1/backup.bin (local backup.bin = first 100000 bytes) --next --ignore-content-length ftp://192.0.2.1/missing.bin" \
        --xfer RETR server "$A/données/rapport-été.bin" \
        --xfer RETR curl-trace "$C/out/trace" \
        --xfer RETR server "$A/backup.bin" \
        --xfer RETR failed - \
        --note 0 "CWD données, then RETR with the relative name" \
        --note 1 "TYPE A: pure-ftpd converts the server file's LF line ends to CRLF on the wire ($(stat -c %s "$A/notes.txt")-byte file, one CR added per line); curl converts them back in its saved copy" \
        --note 2 "REST 100000 from curl -C - on a 100000-byte partial local file; bytes/hashes are of the file's tail from offset 100000" \
        --note 3 "missing file: 550 reply, no data"
}

s_ascii_download_ipv4() {
    local n=epsv-ascii-download-ipv4-pyftpdlib-curl.pcap
    begin $n; start_pyftpdlib; cap_start "$SAMPLES/$n"
    client curl -q -sS --trace "$C/out/trace" -u "$PY_USER:$PY_PASS" -o "$C/out/readme.txt" "ftp://$V4_S/pub/readme.txt;type=A"
    cap_stop; stop_servers
    same "$B/pub/readme.txt" "$C/out/readme.txt"   # pyftpdlib LF->CRLF, curl CRLF->LF
    expect $n "pyftpdlib 1.5.7 + curl (EPSV on IPv4): curl -u bob:builder -o readme.txt 'ftp://192.0.2.1/pub/readme.txt;type=A'" \
        --xfer RETR curl-trace "$C/out/trace" \
        --note 0 "TYPE A: pyftpdlib converts the server file's LF line ends to CRLF on the wire ($(stat -c %s "$B/pub/readme.txt")-byte file, one CR added per line); curl converts them back, so its saved copy equals the server file, not the wire"
}

s_rest_download_ipv6() {
    local n=epsv-rest-download-ipv6-pyftpdlib-lftp.pcap
    begin $n; start_pyftpdlib
    head -c 123457 "$B/pub/large.bin" >"$C/out/large.bin"   # partial local copy to resume
    cap_start "$SAMPLES/$n"
    (cd "$C/out" && client lftp -c "set ftp:ssl-allow no; set net:max-retries 1; set cmd:fail-exit yes; set xfer:clobber on;
        open -u $PY_USER,$PY_PASS ftp://[$V6_S]; get -c pub/large.bin -o large.bin")
    cap_stop; stop_servers
    same "$B/pub/large.bin" "$C/out/large.bin"
    expect $n "pyftpdlib 1.5.7 + lftp (EPSV on IPv6): lftp -c 'open -u bob,builder ftp://[2001:db8::1]; get -c pub/large.bin' with a 123457-byte partial local large.bin" \
        --xfer RETR server "$B/pub/large.bin" \
        --note 0 "REST 123457 (lftp get -c); bytes/hashes are of the file's tail from offset 123457"
}

ALL=(s_pasv_download_ipv4 s_epsv_download_ipv6 s_port_download_ipv4 s_eprt_download_ipv6
     s_pasv_upload_ipv4 s_epsv_upload_ipv6 s_port_upload_ipv4 s_eprt_upload_ipv6
     s_pasv_list_ipv4 s_epsv_nlst_ipv6 s_epsv_mlsd_ipv6 s_multi_session
     s_ascii_download_ipv4 s_rest_download_ipv6 s_pasv_download_port2121_ipv4
     s_pcap_file_download_ipv4 s_pcapng_file_upload_ipv4)
declare -A BY_NAME=(
    [pasv-download-ipv4-pureftpd-curl]=s_pasv_download_ipv4
    [epsv-download-ipv6-pureftpd-curl]=s_epsv_download_ipv6
    [port-download-ipv4-pureftpd-curl]=s_port_download_ipv4
    [eprt-download-ipv6-pureftpd-curl]=s_eprt_download_ipv6
    [pasv-upload-ipv4-pyftpdlib-ftplib]=s_pasv_upload_ipv4
    [epsv-upload-ipv6-pyftpdlib-ftplib]=s_epsv_upload_ipv6
    [port-upload-ipv4-pureftpd-lftp]=s_port_upload_ipv4
    [eprt-upload-ipv6-pyftpdlib-ftplib]=s_eprt_upload_ipv6
    [pasv-list-ipv4-pureftpd-wget]=s_pasv_list_ipv4
    [epsv-nlst-ipv6-pyftpdlib-curl]=s_epsv_nlst_ipv6
    [epsv-mlsd-ipv6-pureftpd-curl]=s_epsv_mlsd_ipv6
    [multi-transfer-session-epsv-ipv4-pureftpd-curl]=s_multi_session
    [epsv-ascii-download-ipv4-pyftpdlib-curl]=s_ascii_download_ipv4
    [epsv-rest-download-ipv6-pyftpdlib-lftp]=s_rest_download_ipv6
    [pasv-download-port2121-ipv4-pyftpdlib-curl]=s_pasv_download_port2121_ipv4
    [pasv-download-pcap-file-ipv4-pureftpd-curl]=s_pcap_file_download_ipv4
    [pasv-upload-pcapng-file-ipv4-pyftpdlib-ftplib]=s_pcapng_file_upload_ipv4
)

# ------------------------------------------------------------------ summary
summary() {
    local f j total=0 size fmt pk maxlen
    echo
    printf '%-55s %-7s %9s %6s %6s  %s\n' CAPTURE FORMAT BYTES PKTS MAXSEG TRANSFERS
    for f in "$SAMPLES"/*.pcap "$SAMPLES"/*.pcapng; do
        [ -e "$f" ] || continue
        j=$EXPECTED/$(basename "$f").json
        size=$(stat -c %s "$f"); total=$((total + size))
        [ "$size" -lt "$MAX_CAPTURE_BYTES" ] || die "$(basename "$f") is $size bytes (limit $MAX_CAPTURE_BYTES)"
        pk=$(capinfos -c -M -T "$f" | awk -F'\t' 'NR==2{print $2}')
        maxlen=$(tshark -n -r "$f" -T fields -e tcp.len 2>/dev/null | sort -n | tail -1)
        [ "$maxlen" -le 1460 ] || die "$(basename "$f"): TCP segment of $maxlen bytes (> MSS of a 1500 MTU)"
        fmt=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["format"])' "$j")
        printf '%-55s %-7s %9d %6s %6s  %s\n' "$(basename "$f")" "$fmt" "$size" "$pk" "$maxlen" \
            "$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("; ".join("%s %s %s%s %s %s" % (t["command"], t["mode"], "v%d" % t["ip_version"],
      " REST %d" % t["rest_offset"] if t["rest_offset"] else "", t["transfer_type"],
      ("%d B" % t["bytes"]) if t["status"] == "ok" else "failed %d" % t["reply_code"]) for t in d["transfers"]))' "$j")"
    done
    echo "total: $total bytes"
    [ "$total" -lt "$MAX_TOTAL_BYTES" ] || die "captures total $total bytes (limit $MAX_TOTAL_BYTES)"
    echo
    echo "tools: $(tshark --version 2>/dev/null | head -1)"
    echo "       $(tcpdump --version 2>&1 | head -1); $(dumpcap --version 2>/dev/null | head -1)"
    echo "       pure-ftpd $(dpkg-query -W -f '${Version}' pure-ftpd 2>/dev/null); python3-pyftpdlib $(dpkg-query -W -f '${Version}' python3-pyftpdlib 2>/dev/null); $("$PY" --version)"
    echo "       $(curl --version | head -1 | cut -d' ' -f1-2); $(lftp --version | head -1 | sed 's/ | Copyright.*//'); $(wget --version | head -1)"
    echo "       kernel $(uname -r); $(ip -V)"
}

s_pasv_download_port2121_ipv4() {
    # FTP on a port nobody names: the job must find the control connection by its content.
    local n=pasv-download-port2121-ipv4-pyftpdlib-curl.pcap i
    begin $n
    start_bg pyftpdlib2121 ip netns exec "$NS_S" "${PIN[@]}" "$PY" "$LIB/pyftpd_server.py" "$V4_S" 2121 \
        "$WORK/srv/bob" "$PY_USER" "$PY_PASS" "$PY_PASV_LO" "$PY_PASV_HI"
    for i in $(seq 1 50); do
        ip netns exec "$NS_S" ss -Hltn "sport = :2121" | grep -q ":2121" && break
        sleep 0.1
    done
    cap_start "$SAMPLES/$n"
    client curl -q -sS --disable-epsv -u "$PY_USER:$PY_PASS" -o "$C/out/index.bin" \
        "ftp://$V4_S:2121/pub/index.bin"
    cap_stop; stop_bg pyftpdlib2121
    same "$B/pub/index.bin" "$C/out/index.bin"
    expect $n "pyftpdlib on port 2121 + curl --disable-epsv (PASV)" --control-port 2121 \
        --xfer RETR server "$B/pub/index.bin"
}

# Captures whose transferred file is itself a capture: the data connection's payload is full of
# valid-looking pcap record headers / pcapng blocks, the worst case for a split reader that
# resynchronises on record structure (common's capture split tests read these).
s_pcap_file_download_ipv4() {
    local n=pasv-download-pcap-file-ipv4-pureftpd-curl.pcap
    begin $n
    # many small inner records: the five smallest samples plus one upload, merged by time
    mergecap -F pcap -w "$A/traces.pcap" "$SAMPLES/pasv-list-ipv4-pureftpd-wget.pcap" \
        "$SAMPLES/epsv-nlst-ipv6-pyftpdlib-curl.pcap" "$SAMPLES/epsv-mlsd-ipv6-pureftpd-curl.pcap" \
        "$SAMPLES/pasv-download-port2121-ipv4-pyftpdlib-curl.pcap" \
        "$SAMPLES/epsv-ascii-download-ipv4-pyftpdlib-curl.pcap" "$SAMPLES/eprt-upload-ipv6-pyftpdlib-ftplib.pcap"
    chown "$NOBODY_UID:$NOBODY_GID" "$A/traces.pcap"
    start_pureftpd; cap_start "$SAMPLES/$n"
    client curl -q -sS --disable-epsv -u "$PURE_USER:$PURE_PASS" -o "$C/out/traces.pcap" "ftp://$V4_S/traces.pcap"
    cap_stop; stop_servers
    same "$A/traces.pcap" "$C/out/traces.pcap"
    expect $n "pure-ftpd 1.0.50 + curl --disable-epsv (PASV): downloads traces.pcap, a mergecap -F pcap of six sample captures (a pcap inside a pcap)" \
        --xfer RETR server "$A/traces.pcap"
}

s_pcapng_file_upload_ipv4() {
    local n=pasv-upload-pcapng-file-ipv4-pyftpdlib-ftplib.pcapng
    begin $n; rm -f "$B/incoming/session.pcapng"
    cp "$SAMPLES/multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng" "$C/session.pcapng"
    start_pyftpdlib; cap_start "$SAMPLES/$n"
    client "$PY" "$LIB/ftplib_client.py" "$V4_S" "$PY_USER" "$PY_PASS" put "$C/session.pcapng" "incoming/session.pcapng"
    cap_stop; stop_servers
    same "$C/session.pcapng" "$B/incoming/session.pcapng"
    expect $n "pyftpdlib 1.5.7 + Python 3.11 ftplib (passive; captured with dumpcap): storbinary('STOR incoming/session.pcapng') of samples/multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng (a pcapng inside a pcapng)" \
        --xfer STOR client-sent "$C/session.pcapng"
}

# ------------------------------------------------------------------ main
main() {
    check_tools
    local todo=() a
    if [ $# -eq 0 ]; then
        todo=("${ALL[@]}")
    else
        for a in "$@"; do
            a=$(basename "$a"); a=${a%.json}; a=${a%.pcapng}; a=${a%.pcap}
            [ -n "${BY_NAME[$a]:-}" ] || die "unknown scenario $a (known: ${!BY_NAME[*]})"
            todo+=("${BY_NAME[$a]}")
        done
    fi
    mkdir -p "$WORK/run"
    kill_stale
    teardown_net
    rm -rf "$WORK"
    mkdir -p "$WORK/run" "$WORK/log" "$SAMPLES" "$EXPECTED"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    A=$WORK/srv/alice B=$WORK/srv/bob C=$WORK/client
    make_content
    setup_net
    local s
    local attempt
    for s in "${todo[@]}"; do
        for attempt in 1 2 3 4 5; do
            RETRY=0
            "$s"
            [ "$RETRY" -eq 1 ] || break
        done
        [ "$RETRY" -eq 0 ] || die "$s: TCP anomalies in every attempt"
    done
    log "re-checking every expectation"
    "$PY" "$LIB/expect.py" check --root "$REPO" "$EXPECTED"/*.json
    summary
}

main "$@"
