# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# mailslot-frames.py SRC DST TEXT [--fragments] - an independent frame generator for the interop
# suite: a WinPopup write (GENERATOR to HERALD2, TEXT in CP850) to \MAILSLOT\MESSNGR as an RFC 1002
# direct-unique datagram from SRC to DST:138; with --fragments cut into three NBDS fragments
# (F and M flags, PACKET_OFFSET) and sent last one first.
import socket, struct, sys

src, dst, text = sys.argv[1], sys.argv[2], sys.argv[3]
fragments = '--fragments' in sys.argv[4:]

def nbname(name, suffix):
    raw = name.ljust(15).encode('ascii') + bytes([suffix])
    return bytes([32]) + bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15))) + b'\0'

body = b'GENERATOR\0HERALD2\0' + text.encode('cp850') + b'\0'
slot = b'\\MAILSLOT\\MESSNGR\0'
words = struct.pack('<HHHHBBHIHHHHHBBHHH', 0, len(body), 0, 0, 0, 0, 0, 0, 0, 0, 87, len(body), 87, 3, 0, 1, 1, 2)
smb = b'\xffSMB' + bytes([0x25]) + b'\0' * 27 + bytes([17]) + words + struct.pack('<H', len(slot) + len(body)) + slot + body
assert len(smb) - len(body) == 87
names = nbname('GENERATOR', 0) + nbname('HERALD2', 3)

def datagram(flags, dgm_id, offset, part):
    return struct.pack('>BBH4sHHH', 0x10, flags, dgm_id, socket.inet_aton(src), 138, len(names) + len(part), offset) + names + part

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((src, 0))
if fragments:
    first, middle, last = (0x03, 0, smb[:40]), (0x01, 40, smb[40:100]), (0x00, 100, smb[100:])
    for flags, offset, part in (last, first, middle):
        s.sendto(datagram(flags, 0x4343, offset, part), (dst, 138))
else:
    s.sendto(datagram(0x02, 0x4242, 0, smb), (dst, 138))
