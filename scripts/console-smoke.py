#!/usr/bin/env python3
"""console-smoke.py - the web console (/console) in real headless Chromium, driven over the
DevTools protocol (no Selenium needed): sign in with a user and password, see the user's roles and
the VIM list, sign out (the token is revoked), and a wrong password shows the identity API's error.

Needs: a running nfvflow, Debian's chromium. Usage:
  scripts/console-smoke.py <nfvflow url> <user>      (the password in NFVFLOW_PASSWORD)
Exits non-zero on the first failed check. The password and token are never printed.
"""
import base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.error, urllib.request

class WS:
    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, path = url[5:].split("/", 1)
        host, port = hostport.split(":")
        self.s = socket.create_connection((host, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        resp = b""
        while b"\r\n\r\n" not in resp:
            resp += self.s.recv(1)
        assert b" 101 " in resp.split(b"\r\n")[0], resp
        self.id = 0
    def send(self, text):
        data = text.encode(); mask = os.urandom(4)
        hdr = bytes([0x81])
        n = len(data)
        if n < 126: hdr += bytes([0x80 | n])
        elif n < 65536: hdr += bytes([0x80 | 126]) + struct.pack(">H", n)
        else: hdr += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
    def recvn(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.s.recv(n - len(buf)); assert chunk; buf += chunk
        return buf
    def recv(self):
        b1, b2 = self.recvn(2)
        n = b2 & 0x7f
        if n == 126: n = struct.unpack(">H", self.recvn(2))[0]
        elif n == 127: n = struct.unpack(">Q", self.recvn(8))[0]
        return self.recvn(n).decode()
    def call(self, method, **params):
        self.id += 1; my = self.id
        self.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            msg = json.loads(self.recv())
            if msg.get("id") == my:
                return msg

def evaluate(ws, expr):
    r = ws.call("Runtime.evaluate", expression=expr, awaitPromise=True, returnByValue=True)
    return r["result"]["result"].get("value")


def check(what, ok):
    print(("ok      " if ok else "FAILED  ") + what)
    if not ok:
        sys.exit(1)


def main():
    base, user = sys.argv[1].rstrip("/"), sys.argv[2]
    password = os.environ["NFVFLOW_PASSWORD"]
    port = 9333
    profile = tempfile.mkdtemp(prefix="console-smoke-")
    browser = subprocess.Popen(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
         f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(60):
            try:
                pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
                break
            except OSError:
                time.sleep(0.5)
        ws = WS([p for p in pages if p["type"] == "page"][0]["webSocketDebuggerUrl"])
        ws.call("Page.enable")
        ws.call("Page.navigate", url=base + "/console")
        time.sleep(3)
        check("the sign-in form shows", evaluate(ws, "!document.getElementById('login').hidden"))
        evaluate(ws, f"""document.getElementById('user').value={json.dumps(user)};
            document.getElementById('password').value={json.dumps(password)};
            document.getElementById('login-form').requestSubmit(); true""")
        time.sleep(4)
        check("signed in as " + user, evaluate(ws, "document.getElementById('who').textContent") == user)
        print("        roles:", evaluate(ws, "document.getElementById('roles').textContent"))
        check("no API error", evaluate(ws, "document.getElementById('api-error').textContent") == "")
        vims = evaluate(ws, "[...document.querySelectorAll('#vims tr')].length")
        print(f"        {vims} VIM(s) listed")
        token = evaluate(ws, "JSON.parse(sessionStorage.getItem('nfvflow.token')).token")
        check("a token in the tab's session storage", len(token or "") == 43)
        evaluate(ws, "document.getElementById('logout').click(); true")
        time.sleep(2)
        check("signed out", evaluate(ws, "!document.getElementById('login').hidden"))
        try:
            urllib.request.urlopen(urllib.request.Request(base + "/v1.0/vnfs", headers={"X-Auth-Token": token}))
            check("the token is revoked", False)
        except urllib.error.HTTPError as e:
            check("the token is revoked (401)", e.code == 401)
        evaluate(ws, """document.getElementById('user').value='nosuchuser';
            document.getElementById('password').value='x';
            document.getElementById('login-form').requestSubmit(); true""")
        time.sleep(3)
        error = evaluate(ws, "document.getElementById('login-error').textContent")
        check("a wrong password says so: " + error, "Wrong user name or password" in error)
    finally:
        browser.terminate()
        browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
