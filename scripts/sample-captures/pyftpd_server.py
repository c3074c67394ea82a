#!/usr/bin/python3
"""Tiny pyftpdlib launcher for the sample captures.

usage: pyftpd_server.py <listen-address> <port> <home> <user> <password> <passive-lo> <passive-hi>

One user with full permissions, a fixed passive port range, no
masquerading.  Runs in the foreground until killed.
"""
import logging
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


def main():
    addr, port, home, user, password, lo, hi = sys.argv[1:8]
    authorizer = DummyAuthorizer()
    authorizer.add_user(user, password, home, perm="elradfmwMT")
    handler = FTPHandler
    handler.authorizer = authorizer
    handler.passive_ports = range(int(lo), int(hi) + 1)
    handler.banner = "pyftpdlib sample server ready."
    handler.permit_foreign_addresses = False
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    server = FTPServer((addr, int(port)), handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
