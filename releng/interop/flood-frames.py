#!/usr/bin/env python3
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# flood-frames.py TARGET_IP SECONDS IDLE HALF_SENT - the hostile half of the flood suite, independent of
# Herald's code. Opens IDLE connections that never send (TCP 139 and 445 in turn) and HALF_SENT ones that
# stop in the middle of a packet, keeps them open, and for SECONDS sends garbage and mutated frames:
# NBNS name queries (UDP 137), mailslot datagrams (UDP 138), session requests and SMB message frames
# (TCP 139 and 445), each with random bytes flipped, cut short or made of random bytes only.
# Prints "frames=N udp137=N udp138=N tcp=N idle=N half_sent=N still_open=N" at the end.
import errno
import os
import random
import socket
import struct
import sys
import time

target, seconds, idle, half = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(14)


def encode_name(name, suffix):
    """RFC 1001 14.1 first-level encoding: 15 characters + suffix, each nibble + 'A'."""
    raw = name.upper().ljust(15)[:15].encode() + bytes([suffix])
    return bytes([32]) + bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15))) + b"\0"


NAME_QUERY = struct.pack(">HHHHHH", 0x1234, 0x0110, 1, 0, 0, 0) + encode_name("FLOOD1", 3) + struct.pack(">HH", 0x20, 1)
SMB_HEADER = b"\xffSMB\xd0" + bytes(4) + b"\x18\x01\xc8" + bytes(12) + b"\xff\xff\x92\x10\x00\x00\x02\x00"
SEND_DATA = b"\x04flood\0\x04FLOOD1\0\x01" + struct.pack("<H", 11) + b"mutated msg"
SEND_MESSAGE = SMB_HEADER + b"\x00" + struct.pack("<H", len(SEND_DATA)) + SEND_DATA
SESSION_REQUEST = b"\x81\x00\x00\x44" + encode_name("FLOOD1", 3) + encode_name("FLOODER", 0)


def mailslot(text):
    """A \\MAILSLOT\\MESSNGR write (as mailslot-frames.py builds it), for mutation."""
    data = b"flooder\0FLOOD1\0" + text + b"\0"
    slot = b"\\MAILSLOT\\MESSNGR\0"
    smb = b"\xffSMB\x25" + bytes(27) + bytes([17]) + struct.pack("<HHHHBBHIHHHHHBB", 0, len(data), 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                                   len(data), 87, 3, 0) + struct.pack("<HHH", 1, 1, 2)
    smb += struct.pack("<H", len(slot) + len(data)) + slot + data
    body = encode_name("FLOODER", 0) + encode_name("FLOOD1", 3) + smb
    return struct.pack(">BBHIHHH", 0x10, 0x02, rng.randrange(65536), 0, 138, len(body), 0) + body


def mutate(frame):
    kind = rng.randrange(4)
    if kind == 0:  # random bytes only
        return os.urandom(rng.randrange(1, 600))
    if kind == 1:  # cut short
        return frame[: rng.randrange(1, len(frame))]
    b = bytearray(frame)
    for _ in range(rng.randrange(1, 8)):  # flip bytes
        b[rng.randrange(len(b))] = rng.randrange(256)
    if kind == 3:  # and garbage after
        b += os.urandom(rng.randrange(1, 64))
    return bytes(b)


def connect(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    err = s.connect_ex((target, port))
    if err not in (0, errno.EINPROGRESS):
        s.close()
        return None
    return s


held = []
for i in range(idle):
    s = connect(139 if i % 2 == 0 else 445)
    if s:
        held.append(s)
halfsent = []
for i in range(half):
    port = 139 if i % 2 == 0 else 445
    s = connect(port)
    if s:
        halfsent.append((s, port))
time.sleep(0.5)  # the handshakes complete
for s, port in halfsent:
    try:
        if port == 139:
            s.send(SESSION_REQUEST[: rng.randrange(5, len(SESSION_REQUEST))])
        else:
            frame = struct.pack(">I", len(SEND_MESSAGE)) + SEND_MESSAGE
            s.send(frame[: rng.randrange(5, len(frame))])
    except OSError:
        pass
    held.append(s)

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.setblocking(False)
counts = {"udp137": 0, "udp138": 0, "tcp": 0}
end = time.monotonic() + seconds
tick = 0
while time.monotonic() < end:
    tick += 1
    for _ in range(20):
        try:
            udp.sendto(mutate(NAME_QUERY), (target, 137))
            counts["udp137"] += 1
            udp.sendto(mutate(mailslot(b"garbage %d" % tick)), (target, 138))
            counts["udp138"] += 1
        except OSError:
            pass  # a full socket buffer: the next round
    for port, frame in ((139, SESSION_REQUEST + struct.pack(">BBH", 0, 0, len(SEND_MESSAGE)) + SEND_MESSAGE),
                        (445, struct.pack(">I", len(SEND_MESSAGE)) + SEND_MESSAGE)):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(0.2)
        try:
            s.connect((target, port))
            s.send(mutate(frame))
            counts["tcp"] += 1
        except OSError:
            pass
        finally:
            s.close()
    time.sleep(0.01)  # about 4,000 datagrams and 200 connections a second: a flood that leaves the legitimate host a core


def still_open(s):
    try:
        return s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


open_now = sum(1 for s in held if still_open(s))
print("frames=%d udp137=%d udp138=%d tcp=%d idle=%d half_sent=%d still_open=%d" % (
    sum(counts.values()), counts["udp137"], counts["udp138"], counts["tcp"], idle, len(halfsent), open_now))
