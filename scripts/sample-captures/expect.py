#!/usr/bin/python3
"""Build and check the expected-output JSON of the sample captures.

Independent of the ftprecon code base: it only uses tshark and the files
the FTP servers/clients had on disk while the capture was made.

  expect.py build --capture samples/X.pcap --out testdata/expected/X.pcap.json
                  --made-by "..." [--xfer CMD SOURCE FILE]...
  expect.py check testdata/expected/X.pcap.json...

build
  * reads the FTP control connection(s) (TCP port 21) as raw bytes with
    `tshark -q -z follow,tcp,raw,N`, splits them into commands and replies
    (multi-line replies included) and pairs each command with its final
    reply;
  * from that walks USER/PASS, TYPE, REST, PASV/EPSV/PORT/EPRT and the
    transfer commands (RETR STOR STOU APPE LIST NLST MLSD), so the `path`
    is the argument byte-exactly as the client sent it;
  * pairs the transfer commands, in order, with the --xfer arguments:
        CMD     the command that must appear (RETR, STOR, LIST, ...)
        SOURCE  where the expected bytes come from:
          server        original file on the server (FILE); after REST the
                        tail of it from the REST offset
          client-sent   the client's original file (FILE), for uploads
          client-saved  the file the client saved (FILE), for clients that
                        store the data connection bytes unchanged
          curl-trace    curl's --trace file (FILE): the "<= Recv data"
                        records following the command, i.e. the bytes curl
                        read from the data socket before it converted CRLF
                        to LF in its saved copy of an ASCII-mode transfer
          failed        the command must fail (4xx/5xx), no data (FILE "-")
  * fails unless the data connection bytes found in the capture have the
    same SHA-256 as the expected bytes.

check
  * re-verifies a JSON file against its capture with a different tshark
    path: `-T fields -e tcp.payload` of the recorded data connection (per
    direction, in frame order, retransmissions dropped) must give the
    recorded sha256/md5/bytes; `follow,tcp,raw` must agree too;
  * `-Y ftp -T fields -e ftp.request.command -e ftp.request.arg` (and the
    dissector's ftp.passive/epsv/active/eprt port fields) must show the
    recorded commands, arguments and data ports.
"""
import argparse
import hashlib
import ipaddress
import json
import os
import re
import subprocess
import sys

TRANSFER_COMMANDS = {
    "RETR": "download",
    "STOR": "upload", "STOU": "upload", "APPE": "upload",
    "LIST": "listing", "NLST": "listing", "MLSD": "listing",
}
SOURCE_TEXT = {
    "server": "original file on the server",
    "client-sent": "bytes sent by the client",
    "client-saved": "file as received by the client",
    "curl-trace": "file as received by the client",
}


class Fail(Exception):
    pass


def die(msg):
    raise Fail(msg)


def tshark(*args):
    r = subprocess.run(["tshark", "-n", *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode != 0:
        die("tshark %s failed: %s" % (" ".join(args), r.stderr.decode(errors="replace")))
    return r.stdout.decode("utf-8", errors="surrogateescape")


def capture_format(path):
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic == b"\x0a\x0d\x0d\x0a":
        return "pcapng"
    if magic in (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d"):
        return "pcap"
    die("%s: unknown capture format %r" % (path, magic))


def norm_ip(s):
    return str(ipaddress.ip_address(s))


def tcp_streams(cap):
    """{stream: (client_ip, client_port, server_ip, server_port)} from SYN (no ACK) frames."""
    out = {}
    txt = tshark("-r", cap, "-Y", "tcp.flags.syn==1 && tcp.flags.ack==0", "-T", "fields",
                 "-e", "tcp.stream", "-e", "ip.src", "-e", "ipv6.src", "-e", "tcp.srcport",
                 "-e", "ip.dst", "-e", "ipv6.dst", "-e", "tcp.dstport")
    for line in txt.splitlines():
        st, s4, s6, sp, d4, d6, dp = line.split("\t")
        st = int(st)
        if st not in out:
            out[st] = (norm_ip(s4 or s6), int(sp), norm_ip(d4 or d6), int(dp))
    return out


def follow_raw(cap, stream):
    """Return {(ip, port): bytes sent by that endpoint} using follow,tcp,raw."""
    txt = tshark("-r", cap, "-q", "-z", "follow,tcp,raw,%d" % stream)
    nodes = {}
    data = {0: bytearray(), 1: bytearray()}
    for line in txt.splitlines():
        m = re.match(r"^Node ([01]): (.*):(\d+)$", line)
        if m:
            host = m.group(2)
            if host.startswith("[") and host.endswith("]"):
                host = host[1:-1]
            nodes[int(m.group(1))] = (norm_ip(host), int(m.group(3)))
            continue
        if not line.strip() or line.startswith(("=", "Follow:", "Filter:")):
            continue
        who = 1 if line.startswith("\t") else 0
        data[who] += bytes.fromhex(line.strip())
    if len(nodes) != 2:
        die("follow,tcp,raw,%d: no node header" % stream)
    return {nodes[0]: bytes(data[0]), nodes[1]: bytes(data[1])}


def payload_fields(cap, stream):
    """Return {(ip, port): bytes} from -T fields -e tcp.payload.

    Segments are put in sequence-number order (relative tcp.seq); a
    retransmitted or overlapping segment must repeat the bytes already
    seen; a hole is an error."""
    txt = tshark("-r", cap, "-Y", "tcp.stream==%d && tcp.len>0" % stream,
                 "-T", "fields", "-e", "ip.src", "-e", "ipv6.src", "-e", "tcp.srcport",
                 "-e", "tcp.seq", "-e", "tcp.payload")
    segs = {}
    for line in txt.splitlines():
        s4, s6, sp, seq, payload = line.split("\t")
        key = (norm_ip(s4 or s6), int(sp))
        segs.setdefault(key, []).append((int(seq), bytes.fromhex(payload.replace(":", ""))))
    out = {}
    for key, lst in segs.items():
        lst.sort(key=lambda x: x[0])
        data = bytearray()
        base = 1  # relative sequence number of the first payload byte
        for seq, chunk in lst:
            off = seq - base
            if off > len(data):
                die("stream %d: %s:%d: %d bytes missing before relative seq %d"
                    % (stream, key[0], key[1], off - len(data), seq))
            overlap = data[off:off + len(chunk)]
            if overlap != chunk[:len(overlap)]:
                die("stream %d: %s:%d: retransmission at seq %d differs" % (stream, key[0], key[1], seq))
            data += chunk[len(overlap):]
        out[key] = bytes(data)
    return out


# ---------------------------------------------------------------- control channel

def split_lines(buf):
    lines = buf.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        die("control connection does not end in CRLF: %r" % lines[-1][:60])
    return lines


def parse_replies(buf):
    """Split server bytes into replies: list of (code, [lines])."""
    replies = []
    lines = split_lines(buf)
    i = 0
    while i < len(lines):
        first = lines[i]
        m = re.match(rb"^(\d{3})([ -])", first + b" ")
        if not m:
            die("bad reply line %r" % first)
        code = int(m.group(1))
        block = [first]
        i += 1
        if m.group(2) == b"-":
            end = m.group(1) + b" "
            while i < len(lines):
                block.append(lines[i])
                i += 1
                if lines[i - 1].startswith(end) or lines[i - 1] == m.group(1):
                    break
        replies.append((code, block))
    return replies


def parse_commands(buf):
    cmds = []
    for line in split_lines(buf):
        verb, _, arg = line.partition(b" ")
        cmds.append((verb.decode("ascii").upper(), arg, line))
    return cmds


def pair(cmds, replies):
    """Pair each command with its replies: [(cmd, arg, [(code, lines)...])]."""
    ri = 0
    # greeting (possibly 120 then 220)
    while ri < len(replies) and replies[ri][0] < 200:
        ri += 1
    if ri >= len(replies) or replies[ri][0] != 220:
        die("no 220 greeting")
    ri += 1
    out = []
    for verb, arg, line in cmds:
        got = []
        while ri < len(replies):
            got.append(replies[ri])
            ri += 1
            if got[-1][0] >= 200:
                break
        out.append((verb, arg, got))
    # Replies left over after the last command are unsolicited (e.g. pure-ftpd's
    # "226 Logout." when wget closes the control connection without QUIT).
    for code, lines in replies[ri:]:
        if code < 200:
            die("unpaired preliminary reply %r" % lines)
    return out


def parse_pasv(lines):
    m = re.search(rb"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)", b"\n".join(lines))
    if not m:
        die("cannot parse 227 reply %r" % lines)
    n = [int(x) for x in m.groups()]
    return "%d.%d.%d.%d" % tuple(n[:4]), n[4] * 256 + n[5]


def parse_epsv(lines):
    m = re.search(rb"\((.)\1\1(\d+)\1\)", b"\n".join(lines))
    if not m:
        die("cannot parse 229 reply %r" % lines)
    return int(m.group(2))


def parse_port(arg):
    n = [int(x) for x in arg.decode("ascii").split(",")]
    return "%d.%d.%d.%d" % tuple(n[:4]), n[4] * 256 + n[5]


def parse_eprt(arg):
    a = arg.decode("ascii")
    d = a[0]
    parts = a.split(d)
    # '', af, addr, port, ''
    return norm_ip(parts[2]), int(parts[3])


def change_dir(cwd, arg):
    """Working directory after a successful CWD (POSIX-like path semantics)."""
    parts = [] if arg.startswith(b"/") else [p for p in cwd.split(b"/") if p]
    for p in arg.split(b"/"):
        if p in (b"", b"."):
            continue
        if p == b"..":
            if parts:
                parts.pop()
        else:
            parts.append(p)
    return b"/" + b"/".join(parts)


def walk_session(cap, stream, ends, streams):
    client = (ends[0], ends[1])
    server = (ends[2], ends[3])
    raw = follow_raw(cap, stream)
    cmds = parse_commands(raw.get(client, b""))
    replies = parse_replies(raw.get(server, b""))
    paired = pair(cmds, replies)
    sess = {"client_ip": client[0], "client_port": client[1], "server_ip": server[0],
            "server_port": server[1], "ip_version": ipaddress.ip_address(server[0]).version,
            "user": None, "password": None}
    state = {"type": "A", "rest": 0, "setup": None, "cwd": None}
    transfers = []
    commands = []
    for verb, arg, got in paired:
        final = got[-1][0] if got else None
        commands.append({"command": verb, "arg": arg, "codes": [c for c, _ in got]})
        if verb in ("PWD", "XPWD") and final == 257:
            m = re.match(rb'^257 "((?:[^"]|"")*)"', got[-1][1][0])
            if m:
                state["cwd"] = m.group(1).replace(b'""', b'"')
        elif verb in ("CWD", "XCWD", "CDUP", "XCUP") and final == 250:
            state["cwd"] = change_dir(state["cwd"] or b"/", b".." if verb in ("CDUP", "XCUP") else arg)
        elif verb == "USER":
            sess["user"] = arg.decode("utf-8")
        elif verb == "PASS":
            sess["password"] = arg.decode("utf-8")
        elif verb == "TYPE" and final and final < 300:
            state["type"] = arg.decode("ascii").split(" ")[0].upper()
        elif verb == "REST" and final == 350:
            state["rest"] = int(arg)
        elif verb == "PASV" and final == 227:
            ip, port = parse_pasv(got[-1][1])
            state["setup"] = ("PASV", "server", (norm_ip(ip), port))
        elif verb == "EPSV" and final == 229:
            state["setup"] = ("EPSV", "server", (server[0], parse_epsv(got[-1][1])))
        elif verb == "PORT" and final == 200:
            state["setup"] = ("PORT", "client", parse_port(arg))
        elif verb == "EPRT" and final == 200:
            state["setup"] = ("EPRT", "client", parse_eprt(arg))
        elif verb in TRANSFER_COMMANDS:
            setup = state["setup"]
            if setup is None:
                die("stream %d: %s without PASV/EPSV/PORT/EPRT" % (stream, verb))
            transfers.append({
                "command": verb,
                "path_bytes": arg,
                "direction": TRANSFER_COMMANDS[verb],
                "mode": setup[0],
                "setup": setup,
                "ip_version": sess["ip_version"],
                "user": sess["user"],
                "transfer_type": state["type"],
                "rest_offset": state["rest"],
                "cwd": state["cwd"],
                "reply_codes": [c for c, _ in got],
                "reply_code": final,
            })
            state["rest"] = 0
            state["setup"] = None
    return sess, transfers, commands


def find_data_stream(streams, used, setup, control_stream):
    mode, side, (ip, port) = setup
    for st in sorted(streams):
        if st in used or st == control_stream:
            continue
        cip, cport, sip, sport = streams[st]
        if (sip, sport) == (ip, port):
            used.add(st)
            return st
    return None


# ---------------------------------------------------------------- sources

def parse_curl_trace(path):
    """[(command line bytes, received data bytes)] for each command curl sent."""
    out = []
    cur = None
    mode = None
    need = 0
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    buf = bytearray()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(rb"^(=>|<=) (Send header|Recv data|Recv header|Send data), (\d+) bytes", line)
        if m:
            n = int(m.group(3))
            buf = bytearray()
            i += 1
            while len(buf) < n and i < len(lines):
                hm = re.match(rb"^[0-9a-f]{4,}: ((?:[0-9a-f]{2} ){1,16})", lines[i])
                if not hm:
                    die("%s: bad trace line %r" % (path, lines[i]))
                take = min(16, n - len(buf))
                hexpart = hm.group(1).split()[:take]
                buf += bytes(int(h, 16) for h in hexpart)
                i += 1
            if m.group(2) == b"Send header":
                for cl in bytes(buf).split(b"\r\n"):
                    if cl:
                        cur = [cl, bytearray()]
                        out.append(cur)
            elif m.group(2) == b"Recv data":
                if cur is None:
                    die("%s: data before any command" % path)
                cur[1] += buf
            continue
        i += 1
    return [(c, bytes(d)) for c, d in out]


def digest(data):
    return len(data), hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest()


# ---------------------------------------------------------------- build

def build(args):
    cap = args.capture
    fmt = capture_format(cap)
    streams = tcp_streams(cap)
    control = sorted(st for st, e in streams.items() if e[3] == args.control_port)
    if not control:
        die("%s: no control connection to port %d" % (cap, args.control_port))
    sessions, transfers = [], []
    for idx, st in enumerate(control):
        sess, xf, _ = walk_session(cap, st, streams[st], streams)
        sessions.append(sess)
        for t in xf:
            t["session"] = idx
            t["control_stream"] = st
        transfers.extend(xf)
    if len(transfers) != len(args.xfer):
        die("%s: capture has %d transfer commands (%s), expected %d" % (
            cap, len(transfers), ", ".join(t["command"] for t in transfers), len(args.xfer)))
    used = set()
    traces = {}
    out_transfers = []
    for t, (cmd, source, fname) in zip(transfers, args.xfer):
        if t["command"] != cmd:
            die("%s: transfer command %s in capture, expected %s" % (cap, t["command"], cmd))
        path = t["path_bytes"].decode("utf-8")
        st = find_data_stream(streams, used, t["setup"], t["control_stream"])
        sess = sessions[t["session"]]
        rec = {
            "session": t["session"],
            "command": t["command"],
            "path": path,
            "direction": t["direction"],
            "mode": t["mode"],
            "ip_version": t["ip_version"],
            "user": t["user"],
            "transfer_type": t["transfer_type"],
            "rest_offset": t["rest_offset"],
            "reply_code": t["reply_code"],
            "cwd": t["cwd"].decode("utf-8") if t["cwd"] is not None else None,
        }
        wire = None
        if st is not None:
            cip, cport, sip, sport = streams[st]
            if t["setup"][1] == "server":   # passive: client connects to server
                client_ep, server_ep = (cip, cport), (sip, sport)
            else:                            # active: server connects to client
                client_ep, server_ep = (sip, sport), (cip, cport)
            if client_ep[0] != sess["client_ip"] or server_ep[0] != sess["server_ip"]:
                die("%s: data connection %d endpoints do not match the session" % (cap, st))
            raw = follow_raw(cap, st)
            sender = client_ep if t["direction"] == "upload" else server_ep
            other = server_ep if sender == client_ep else client_ep
            wire = raw.get(sender, b"")
            if raw.get(other, b""):
                die("%s: data connection %d carries data in both directions" % (cap, st))
            rec["data_connection"] = {
                "client_ip": client_ep[0], "client_port": client_ep[1],
                "server_ip": server_ep[0], "server_port": server_ep[1],
                "initiator": "client" if t["setup"][1] == "server" else "server",
            }
        else:
            rec["data_connection"] = None

        if source == "failed":
            if not (t["reply_code"] and t["reply_code"] >= 400):
                die("%s: %s %s was expected to fail, reply %s" % (cap, cmd, path, t["reply_code"]))
            if wire:
                die("%s: failed %s carried %d data bytes" % (cap, cmd, len(wire)))
            rec.update({"status": "failed", "bytes": 0})
            if st is not None:
                rec["note"] = ("the client opened the %s data connection before the command; "
                               "it was closed without any data" % t["mode"])
            out_transfers.append(rec)
            continue

        if t["reply_code"] != 226 and t["reply_code"] != 250:
            die("%s: %s %s: final reply %s" % (cap, cmd, path, t["reply_code"]))
        if st is None:
            die("%s: no data connection found for %s %s (%r)" % (cap, cmd, path, t["setup"]))
        if source == "server":
            with open(fname, "rb") as f:
                data = f.read()[t["rest_offset"]:]
        elif source in ("client-sent", "client-saved"):
            if t["rest_offset"] and source == "client-sent":
                die("REST with uploads not supported here")
            with open(fname, "rb") as f:
                data = f.read()
        elif source == "curl-trace":
            if fname not in traces:
                traces[fname] = parse_curl_trace(fname)
            entries = traces[fname]
            cmdline = t["command"].encode() + ((b" " + t["path_bytes"]) if t["path_bytes"] else b"")
            for j, (cl, d) in enumerate(entries):
                if cl == cmdline:
                    data = d
                    entries[j] = (b"", b"")   # consume
                    break
            else:
                die("%s: %r not found in curl trace %s" % (cap, cmdline, fname))
        else:
            die("unknown source %s" % source)
        n, sha, md5 = digest(data)
        wn, wsha, _ = digest(wire)
        if (n, sha) != (wn, wsha):
            die("%s: %s %r: expected %d bytes sha256 %s (%s) but data connection %d has %d bytes sha256 %s"
                % (cap, cmd, path, n, sha, source, st, wn, wsha))
        rec.update({"status": "ok", "bytes": n, "sha256": sha, "md5": md5,
                    "sha256_source": SOURCE_TEXT[source]})
        if source == "curl-trace":
            rec["sha256_source_detail"] = ("curl --trace record of the data bytes curl received; "
                                           "curl's saved copy of an ASCII-mode transfer has CRLF "
                                           "converted to LF, so it is not used")
        elif source == "client-saved":
            rec["sha256_source_detail"] = "the client's saved file (%s)" % os.path.basename(fname)
        out_transfers.append(rec)

    notes = {}
    for idx, text in args.note or []:
        notes[int(idx)] = text
    for i, text in notes.items():
        out_transfers[i]["note"] = "; ".join(x for x in (text, out_transfers[i].get("note")) if x)

    order = ["session", "command", "path", "cwd", "direction", "mode", "ip_version", "user",
             "transfer_type", "rest_offset", "reply_code", "status", "bytes", "sha256", "md5",
             "sha256_source", "sha256_source_detail", "data_connection", "note"]
    out_transfers = [{k: r[k] for k in order if k in r} for r in out_transfers]
    for s in sessions:
        if s["server_port"] != args.control_port:
            die("unexpected control port")
    doc = {
        "capture": os.path.relpath(cap, args.root) if args.root else cap,
        "format": fmt,
        "made_by": args.made_by,
        "sessions": sessions,
        "transfers": out_transfers,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    check_one(args.out, args.root)


# ---------------------------------------------------------------- check

def check_one(jpath, root=None):
    with open(jpath, encoding="utf-8") as f:
        doc = json.load(f)
    cap = os.path.join(root or ".", doc["capture"])
    if capture_format(cap) != doc["format"]:
        die("%s: format mismatch" % jpath)
    streams = tcp_streams(cap)
    # 1. data bytes via tcp.payload fields and via follow,tcp,raw
    for t in doc["transfers"]:
        dc = t.get("data_connection")
        if t["status"] == "failed":
            if dc:
                st = [s for s, e in streams.items()
                      if {(e[0], e[1]), (e[2], e[3])} == {(dc["client_ip"], dc["client_port"]),
                                                          (dc["server_ip"], dc["server_port"])}]
                for s in st:
                    if any(payload_fields(cap, s).values()):
                        die("%s: failed transfer's data connection carries data" % jpath)
            continue
        cands = [s for s, e in streams.items()
                 if {(e[0], e[1]), (e[2], e[3])} == {(dc["client_ip"], dc["client_port"]),
                                                     (dc["server_ip"], dc["server_port"])}]
        if len(cands) != 1:
            die("%s: %s %s: %d candidate data streams" % (jpath, t["command"], t["path"], len(cands)))
        st = cands[0]
        sender = (dc["client_ip"], dc["client_port"]) if t["direction"] == "upload" \
            else (dc["server_ip"], dc["server_port"])
        by_fields = payload_fields(cap, st)
        by_follow = follow_raw(cap, st)
        for how, d in (("tcp.payload fields", by_fields.get(sender, b"")),
                       ("follow,tcp,raw", by_follow.get(sender, b""))):
            n, sha, md5 = digest(d)
            if (n, sha, md5) != (t["bytes"], t["sha256"], t["md5"]):
                die("%s: %s %r: %s gives %d bytes sha256 %s, JSON says %d %s"
                    % (jpath, t["command"], t["path"], how, n, sha, t["bytes"], t["sha256"]))
    # 2. commands / arguments / data ports through the FTP dissector
    # a control port other than 21 must be named for tshark's FTP dissector ("decode as")
    decode_as = []
    for port in sorted({s["server_port"] for s in doc["sessions"]} - {21}):
        decode_as += ["-d", "tcp.port==%d,ftp" % port]
    txt = tshark("-r", cap, *decode_as, "-Y", "ftp", "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=\x1e",
                 "-e", "tcp.stream", "-e", "ftp.request.command", "-e", "ftp.request.arg",
                 "-e", "ftp.passive.port", "-e", "ftp.epsv.port", "-e", "ftp.active.port",
                 "-e", "ftp.eprt.port")
    reqs = []
    ports = []
    for line in txt.splitlines():
        st, cmd, arg, pp, ep, ap, xp = line.split("\t")
        if cmd:
            cmds = cmd.split("\x1e")
            args_ = arg.split("\x1e") if arg else []
            # ftp.request.arg is absent for argument-less commands, so pair by
            # position only when the counts agree (one request per segment otherwise)
            if len(cmds) == 1:
                reqs.append((cmds[0].upper(), arg))
            elif len(args_) == len(cmds):
                reqs.extend((c.upper(), a) for c, a in zip(cmds, args_))
            else:
                die("%s: cannot pair pipelined requests %r %r" % (jpath, cmds, args_))
        for p in (pp, ep, ap, xp):
            for q in p.split("\x1e") if p else []:
                ports.append(int(q))
    xfer_reqs = [r for r in reqs if r[0] in TRANSFER_COMMANDS]
    if len(xfer_reqs) != len(doc["transfers"]):
        die("%s: tshark sees %d transfer commands, JSON has %d" % (jpath, len(xfer_reqs), len(doc["transfers"])))
    for (cmd, arg), t in zip(xfer_reqs, doc["transfers"]):
        # tshark decodes the argument as ASCII: every non-ASCII byte becomes U+FFFD
        want = "".join(ch if ord(ch) < 128 else "\ufffd" * len(ch.encode("utf-8")) for ch in t["path"])
        if cmd != t["command"] or arg != want:
            die("%s: tshark shows %s %r, JSON says %s %r" % (jpath, cmd, arg, t["command"], t["path"]))
    for t in doc["transfers"]:
        if t.get("data_connection") is None:
            continue
        dc = t["data_connection"]
        want_port = dc["server_port"] if t["mode"] in ("PASV", "EPSV") else dc["client_port"]
        if want_port not in ports:
            die("%s: data port %d of %s %r not seen in the %s command/reply"
                % (jpath, want_port, t["command"], t["path"], t["mode"]))
        setup_cmd = {"PASV": "PASV", "EPSV": "EPSV", "PORT": "PORT", "EPRT": "EPRT"}[t["mode"]]
        if setup_cmd not in [r[0] for r in reqs]:
            die("%s: no %s command in capture" % (jpath, setup_cmd))
    # 3. sessions
    users = [r[1] for r in reqs if r[0] == "USER"]
    for s in doc["sessions"]:
        if s["user"] not in users:
            die("%s: USER %s not seen by tshark" % (jpath, s["user"]))
    return doc


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--capture", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--made-by", required=True)
    b.add_argument("--root", help="directory the capture path in the JSON is relative to")
    b.add_argument("--control-port", type=int, default=21, help="the FTP server's control port")
    b.add_argument("--xfer", nargs=3, action="append", default=[], metavar=("CMD", "SOURCE", "FILE"))
    b.add_argument("--note", nargs=2, action="append", metavar=("INDEX", "TEXT"))
    c = sub.add_parser("check")
    c.add_argument("--root")
    c.add_argument("json", nargs="+")
    args = ap.parse_args()
    try:
        if args.cmd == "build":
            build(args)
            print("ok  %s" % args.out)
        else:
            for j in args.json:
                check_one(j, args.root)
                print("ok  %s" % j)
    except Fail as e:
        print("EXPECTATION FAILURE: %s" % e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
