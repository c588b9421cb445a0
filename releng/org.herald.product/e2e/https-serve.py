#!/usr/bin/env python3
"""Serves a folder over https on one loopback address, on a port the system picks, with the
given certificate and key (PEM); prints 'serving https on ADDRESS port PORT' once it listens.
Usage: https-serve.py ADDRESS FOLDER CERT_PEM KEY_PEM"""
import functools
import http.server
import ipaddress
import ssl
import sys


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: https-serve.py ADDRESS FOLDER CERT_PEM KEY_PEM")
    address, folder, cert, key = sys.argv[1:]
    if not ipaddress.ip_address(address).is_loopback:
        sys.exit("https-serve: %s is not a loopback address" % address)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
    server = http.server.ThreadingHTTPServer((address, 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("serving https on %s port %d" % server.server_address[:2], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
