#!/usr/bin/python3
"""Python ftplib client used for the sample captures.

usage: ftplib_client.py [--active] <host> <user> <password> ACTION...
ACTION: put <local-file> <remote-name>       (STOR, TYPE I)
        cwd <remote-dir>

Passive mode uses PASV on IPv4 and EPSV on IPv6, active mode uses PORT on
IPv4 and EPRT on IPv6 (that is ftplib's own choice, based on the address
family of the control connection).
"""
import ftplib
import sys


def main(argv):
    active = False
    if argv and argv[0] == "--active":
        active = True
        argv = argv[1:]
    host, user, password, actions = argv[0], argv[1], argv[2], argv[3:]
    ftp = ftplib.FTP(timeout=30, encoding="utf-8")
    ftp.connect(host, 21)
    ftp.login(user, password)
    ftp.set_pasv(not active)
    i = 0
    while i < len(actions):
        act = actions[i]
        if act == "put":
            local, remote = actions[i + 1], actions[i + 2]
            with open(local, "rb") as f:
                print(ftp.storbinary("STOR " + remote, f, blocksize=8192))
            i += 3
        elif act == "cwd":
            print(ftp.cwd(actions[i + 1]))
            i += 2
        else:
            raise SystemExit("unknown action %r" % act)
    ftp.quit()


if __name__ == "__main__":
    main(sys.argv[1:])
