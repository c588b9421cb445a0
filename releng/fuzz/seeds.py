#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs (seed-* files in src/test/resources/.../<Class>Inputs/<method>/).

Real frames first: the hex frames of the test fragments (Samba captures and hand-built packets) and
the UDP and TCP payloads of releng/interop/browse-cap.pcapng (read with tshark); then a few
hand-built packets for what no capture holds (node status, WACK, datagram error, fragments, WinPopup
bodies, charset samples, reassembly scripts). Run again after adding frames; it only rewrites seed-*.
"""
import hashlib
import pathlib
import re
import shutil
import struct
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
INPUTS = HERE / "src/test/resources/org/herald/fuzz"
TESTS = ROOT / "tests"

seeds = {}


def add(target, data, label):
    seeds.setdefault(target, {})[bytes(data)] = label


def java_hex(path):
    """(name, bytes) of every hex constant in a Java file: text blocks and string literals."""
    text = path.read_text()
    for m in re.finditer(r'(\w+)\s*=\s*hex\("""(.*?)"""\)', text, re.S):
        yield m.group(1), bytes.fromhex(re.sub(r"\s", "", m.group(2)))
    for m in re.finditer(r'static final String (\w+)\s*=\s*((?:"[0-9a-f]*"\s*\+?\s*)+);', text):
        yield m.group(1), bytes.fromhex("".join(re.findall(r'"([0-9a-f]*)"', m.group(2))))


def smb_words(smb):
    wc = smb[32]
    return [struct.unpack_from("<H", smb, 33 + 2 * i)[0] for i in range(wc)]


def add_udp138(payload, label):
    add("NbdsFuzzTest/datagram", payload, label)
    add("BrowserFuzzTest/frame", payload, label)
    if payload[0] in (0x10, 0x11, 0x12) and len(payload) > 82:
        user = payload[82:]
        add("MailslotFuzzTest/mailslot", user, label + "-smb")
        if user[:4] == b"\xffSMB" and user[32] == 17:
            w = smb_words(user)
            frame = user[w[12]:w[12] + w[11]]
            add("BrowserFuzzTest/frame", frame, label + "-frame")


def add_tcp(payload, label):
    add("NbssFuzzTest/session", payload, label)
    smb = payload[4:]
    if smb[:4] != b"\xffSMB":
        return
    add("SmbFuzzTest/message", smb, label)
    if smb[4] == 0x25 and smb[9] & 0x80 and smb[32] >= 10:
        add("RapFuzzTest/answer", b"\x01" + struct.pack(">H", len(smb)) + smb, label + "-smb")
        w = smb_words(smb)
        params, data = smb[w[4]:w[4] + w[3]], smb[w[7]:w[7] + w[6]]
        add("RapFuzzTest/answer", b"\x00" + bytes([len(params)]) + params + data, label + "-rap")


# NBNS: Samba's frames.
for name, b in java_hex(TESTS / "org.herald.netbios.tests/src/org/herald/netbios/wire/SambaFrames.java"):
    add("NbnsFuzzTest/decode", b, "samba-" + name.lower())

# SMB message commands and negotiate, captured from smbclient and smbd.
for name, b in java_hex(TESTS / "org.herald.messenger.tests/src/org/herald/messenger/wire/CapturedFrames.java"):
    add("SmbFuzzTest/message", b, "captured-" + name.lower())
    add("NbssFuzzTest/session", struct.pack(">BBH", 0, 0, len(b)) + b, "captured-" + name.lower())

# Browse frames and the RAP exchange, captured from nmbd and smbclient -L.
pcap = ROOT / "releng/interop/browse-cap.pcapng"
if shutil.which("tshark") and pcap.exists():
    out = subprocess.run(["tshark", "-r", str(pcap), "-T", "fields", "-e", "frame.number", "-e", "udp.payload",
                          "-e", "tcp.payload"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        number, udp, tcp = (line.split("\t") + ["", ""])[:3]
        if udp:
            add_udp138(bytes.fromhex(udp.replace(":", "")), "browse-cap-%s" % number)
        if tcp:
            add_tcp(bytes.fromhex(tcp.replace(":", "")), "browse-cap-%s" % number)
else:
    for name, b in java_hex(TESTS / "org.herald.browser.tests/src/org/herald/browser/wire/CapturedBrowseFrames.java"):
        (add_udp138 if b[0] != 0 else add_tcp)(b, "captured-" + name.lower())


# Hand-built packets for what the captures lack.
def nb_name(name, suffix=0, scope=b""):
    padded = name.ljust(15).encode("latin-1")[:15] + bytes([suffix])
    out = bytes([32]) + bytes(b for c in padded for b in (0x41 + (c >> 4), 0x41 + (c & 15)))
    for label in scope.split(b".") if scope else []:
        out += bytes([len(label)]) + label
    return out + b"\0"


herald = nb_name("HERALD", 0)
status_names = [(b"HERALD", 0x00, 0x0400), (b"HERALD", 0x03, 0x0400), (b"WG", 0x00, 0x8400),
                (b"\x01\x02__MSBROWSE__\x02", 0x01, 0x8400)]
rdata = bytes([len(status_names)]) + b"".join(n.ljust(15, b" ") + bytes([s]) + struct.pack(">H", f) for n, s, f in status_names) + bytes(46)
add("NbnsFuzzTest/decode", struct.pack(">6H", 0x1234, 0x8400, 0, 1, 0, 0) + nb_name("*") [:1] + b"CK" + b"A" * 30 + b"\0"
    + struct.pack(">HHIH", 0x21, 1, 0, len(rdata)) + rdata, "node-status-response")
add("NbnsFuzzTest/decode", struct.pack(">6H", 0x0042, 0xBC00, 0, 1, 0, 0) + herald + struct.pack(">HHIHH", 0x20, 1, 60, 2, 0x2910),
    "wack")
add("NbnsFuzzTest/decode", struct.pack(">6H", 0x0007, 0x0110, 1, 0, 0, 0) + nb_name("HERALD", 3, b"lab.example") + struct.pack(">HH", 0x20, 1),
    "query-with-scope")
add("NbnsFuzzTest/decode", struct.pack(">6H", 0x0008, 0x8500, 0, 2, 0, 0) + herald + struct.pack(">HHIH", 0x20, 1, 300, 12)
    + bytes.fromhex("6000c6336401e000c6336402") + b"\xc0\x0c" + struct.pack(">HHIH", 0x0A, 1, 0, 0), "two-answers-pointer")

src, dst = nb_name("SENDER"), nb_name("WG", 3)


def datagram(kind, flags, dgm_id, offset, user):
    return struct.pack(">BBH4sHHH", kind, flags, dgm_id, bytes([10, 0, 0, 1]), 138, len(src) + len(dst) + len(user), offset) + src + dst + user


def mailslot_write(slot, data):
    name = slot + b"\0"
    offset = 32 + 1 + 34 + 2 + len(name)
    words = struct.pack("<HHHHBBHIHHHHHBBHHH", 0, len(data), 0, 0, 0, 0, 0, 0, 0, 0, offset, len(data), offset, 3, 0, 1, 1, 2)
    return b"\xffSMB\x25" + bytes(27) + b"\x11" + words + struct.pack("<H", len(name) + len(data)) + name + data


popup = b"ALICE\0BOB\0Hello from WinPopup\r\nsecond line\0"
write = mailslot_write(b"\\MAILSLOT\\MESSNGR", popup)
add("MailslotFuzzTest/mailslot", write, "messngr-write")
add("MailslotFuzzTest/mailslot", popup, "winpopup-body")
add("MailslotFuzzTest/mailslot", b"ALICE\0BOB\0unterminated", "winpopup-unterminated")
add("NbdsFuzzTest/datagram", datagram(0x11, 0x02, 7, 0, write), "whole-messngr")
add("NbdsFuzzTest/datagram", datagram(0x11, 0x03, 8, 0, write[:100]), "first-fragment")
add("NbdsFuzzTest/datagram", datagram(0x11, 0x00, 8, 100, write[100:]), "last-fragment")
add("NbdsFuzzTest/datagram", struct.pack(">BBH4sHB", 0x13, 0x02, 9, bytes([10, 0, 0, 2]), 138, 0x82), "error-datagram")
add("NbdsFuzzTest/datagram", struct.pack(">BBH4sHH", 0x14, 0x02, 10, bytes([10, 0, 0, 2]), 138, 34) + dst, "query-request")

# NBSS: session requests (named and *SMBSERVER), the responses, keep-alive, a direct-hosting frame.
names = nb_name("BOB", 3) + nb_name("ALICE", 0)
add("NbssFuzzTest/session", struct.pack(">BBH", 0x81, 0, len(names)) + names, "session-request")
add("NbssFuzzTest/session", struct.pack(">BBH", 0x81, 0, 68) + nb_name("*SMBSERVER", 0x20) + nb_name("ALICE", 0), "session-request-smbserver")
add("NbssFuzzTest/session", bytes([0x83, 0, 0, 1, 0x82]), "negative-response")
add("NbssFuzzTest/session", bytes([0x85, 0, 0, 0]), "keep-alive")
add("NbssFuzzTest/session", bytes([0x00, 0x01, 0xFF, 0xFF]), "extended-length")

# SMB: a negotiate request with the dialects smbclient offers.
dialects = b"".join(b"\x02" + d + b"\0" for d in (b"NT LANMAN 1.0", b"NT LM 0.12"))
add("SmbFuzzTest/message", b"\xffSMB\x72" + bytes(27) + b"\x00" + struct.pack("<H", len(dialects)) + dialects, "negotiate-request")

# Charsets: the first byte picks the code page (0 CP850, 1 CP437, 2 CP866, 3 windows-1252 ...).
for page, text, label in ((0, "Grüße ÄÖÜ\r\nzweite Zeile".encode("cp850"), "cp850-crlf"),
                          (0, "euro €".encode("utf-8"), "utf8-euro"),
                          (0, "cut €".encode("utf-8")[:-1], "utf8-cut"),
                          (2, "Привет".encode("cp866"), "cp866"),
                          (0, b"tab\there\x07bell\0\0", "controls-and-nuls")):
    add("CharsetFuzzTest/decode", bytes([page]) + text, label)

# Reassembly scripts (see NbdsFuzzTest.reassembly): byte 0 the limits, then 6-byte fragments.
def frag(flags, dgm_id, offset, length, dt=0, socket=0, other=0, host=0):
    return struct.pack(">BHHB", flags | dgm_id << 4 | socket << 6 | other << 7, offset, host << 11 | length, dt)


add("NbdsFuzzTest/reassembly", b"\x03" + frag(3, 1, 0, 400) + frag(1, 1, 400, 400) + frag(0, 1, 800, 100), "in-order")
add("NbdsFuzzTest/reassembly", b"\x03" + frag(0, 2, 800, 100) + frag(3, 2, 0, 400) + frag(1, 2, 400, 400), "out-of-order")
add("NbdsFuzzTest/reassembly", b"\x01" + frag(3, 0, 0, 300) + frag(3, 1, 0, 300, socket=1) + frag(0, 0, 300, 10, dt=60), "evict-expire")
add("NbdsFuzzTest/reassembly", b"\x02" + frag(3, 3, 0, 50) + frag(0, 3, 50, 5, other=1) + frag(0, 3, 40, 20) + frag(0, 3, 60, 1), "inconsistent")

for target, entries in seeds.items():
    folder = INPUTS / (target.split("/")[0] + "Inputs") / target.split("/")[1]
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*"):
        old.unlink()
    for data, label in entries.items():
        (folder / ("seed-%s-%s" % (label, hashlib.sha1(data).hexdigest()[:8]))).write_bytes(data)
    print("%-28s %3d seeds" % (target, len(entries)))
