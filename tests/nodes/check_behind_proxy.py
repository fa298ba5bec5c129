"""Checks Talon nodes through a load balancer as the apps use them (see behind-nginx).

usage: check_behind_proxy.py BASE KIOSK_TOKEN DISPLAY_TOKEN before|after
"""

import base64
import json
import os
import socket
import struct
import sys
import time
import urllib.parse
import urllib.request

BASE, KIOSK, DISPLAY, PHASE = sys.argv[1:5]
OFFICE = 1


def call(method, path, token=None, body=None, headers=None):
    request = urllib.request.Request(BASE + path, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, data, timeout=10) as response:
        return response.status, json.load(response)


def fail(message):
    print("FAILED:", message, file=sys.stderr)
    sys.exit(1)


def issue(topic):
    key = base64.b16encode(os.urandom(8)).decode()
    status, body = call("POST", f"/api/v1/offices/{OFFICE}/tickets", KIOSK,
                        {"topic_id": topic}, {"Idempotency-Key": key})
    if status != 201:
        fail(f"issue answered {status}: {body}")
    return body["ticket"]["label"]


def number(label):
    return int(label.lstrip("".join(c for c in label if not c.isdigit())))


class Live:
    """The smallest WebSocket client that reads the server's text frames."""

    def __init__(self, path, token):
        url = urllib.parse.urlparse(BASE)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((
            f"GET {path} HTTP/1.1\r\nHost: {url.netloc}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            f"Sec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n"
        ).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                fail("the proxy closed the WebSocket handshake")
            head += chunk
        status = head.split(b"\r\n")[0]
        if b" 101 " not in status:
            fail(f"the WebSocket was not upgraded through the proxy: {status!r}")

    def read_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                fail("the live socket closed")
            data += chunk
        return data

    def message(self):
        while True:
            first, second = self.read_exact(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                (length,) = struct.unpack(">H", self.read_exact(2))
            elif length == 127:
                (length,) = struct.unpack(">Q", self.read_exact(8))
            payload = self.read_exact(length)
            if opcode == 1:
                return json.loads(payload)
            if opcode == 8:
                fail("the server closed the live socket")
            # Pings and pongs: the server's keep-alive.


def health_nodes(rounds):
    nodes = []
    for _ in range(rounds):
        status, body = call("GET", "/api/v1/health")
        if status != 200 or body["backend"] != "postgres":
            fail(f"health answered {status}: {body}")
        nodes.append(body["node"])
    return set(nodes)


_, snapshot = call("GET", f"/api/v1/offices/{OFFICE}/snapshot", KIOSK)
topic = snapshot["topics"][0]["id"]

if PHASE == "before":
    nodes = health_nodes(6)
    if nodes != {"a", "b", "c"}:
        fail(f"round-robin should reach nodes a, b and c; it reached {sorted(nodes)}")
    labels = [issue(topic) for _ in range(30)]
    numbers = [number(label) for label in labels]
    if len(set(labels)) != 30 or numbers != list(range(numbers[0], numbers[0] + 30)):
        fail(f"labels through three nodes are not unique and in order: {labels}")
    print(f"30 tickets through three nodes: {labels[0]} … {labels[-1]}")
else:
    nodes = health_nodes(6)
    if "b" in nodes or not nodes:
        fail(f"a killed node answered, or none did: {sorted(nodes)}")
    labels = [issue(topic) for _ in range(10)]
    print(f"10 tickets with node b killed: {labels[0]} … {labels[-1]}")

live = Live(f"/api/v1/offices/{OFFICE}/live", DISPLAY)
first = live.message()
if first.get("msg") != "snapshot":
    fail(f"the live socket did not start with a snapshot: {first.get('msg')}")
seq = first["snapshot"]["seq"]
label = issue(topic)
deadline = time.time() + 10
while time.time() < deadline:
    message = live.message()
    if message.get("msg") != "event":
        continue
    event = message["event"]
    if event["seq"] != seq + 1:
        fail(f"live events out of order through the proxy: {seq} then {event['seq']}")
    seq = event["seq"]
    if event["kind"]["type"] == "ticket_issued" and event["kind"]["ticket"]["label"] == label:
        print(f"the live socket through the proxy saw {label} (seq {seq})")
        break
else:
    fail(f"the live socket never saw {label}")
