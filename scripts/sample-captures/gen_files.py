#!/usr/bin/python3
"""Deterministic content generator for the sample captures.

Binary files: SHA-256 in counter mode over a fixed seed string
(sha256(seed || be64(counter))), so the bytes depend only on the seed and
the length -- not on the Python version or the PRNG implementation.
Text files: lines of pseudo-random words chosen by the same byte stream,
LF line endings.

usage: gen_files.py bin  <path> <size> <seed>
       gen_files.py text <path> <lines> <seed>
"""
import hashlib
import os
import sys

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo "
         "lima mike november oscar papa quebec romeo sierra tango uniform victor "
         "whiskey xray yankee zulu packet segment window frame stream capture "
         "server client passive active transfer offset checksum").split()


def stream(seed):
    counter = 0
    while True:
        yield hashlib.sha256(seed.encode("utf-8") + counter.to_bytes(8, "big")).digest()
        counter += 1


def gen_bin(size, seed):
    out = bytearray()
    for block in stream(seed):
        if len(out) >= size:
            break
        out += block
    return bytes(out[:size])


def gen_text(lines, seed):
    src = stream(seed)
    out = []
    for n in range(1, lines + 1):
        d = next(src)
        nwords = 4 + d[0] % 9
        words = [WORDS[d[1 + i] % len(WORDS)] for i in range(nwords)]
        out.append("%05d %s" % (n, " ".join(words)))
    return ("\n".join(out) + "\n").encode("ascii")


def main():
    kind, path, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    data = gen_bin(count, seed) if kind == "bin" else gen_text(count, seed)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
