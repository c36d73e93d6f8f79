"""A small driver for Debian's headless Chromium over the DevTools protocol (no download, no extra package).

It starts ``chromium --headless --remote-debugging-port=0`` with a throw-away profile, connects
to the page over a websocket (``websocket-client``, which Jupyter already installs) and offers
what a browser test needs: open an address, run JavaScript, wait for a condition, and click an
element the way a person would (real mouse events, not ``.click()``).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import websocket

EXECUTABLE = shutil.which("chromium") or shutil.which("chromium-browser")
# Headless, as root, with no calls home (this machine, like many classrooms, is offline).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000", "--remote-debugging-port=0", "--remote-allow-origins=*"]
START_SECONDS = 30


class BrowserError(RuntimeError):
    """Raised when the browser does not start, a script throws, or a condition is not met in time."""


class Chromium:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, profile: Path):
        self.profile = profile
        self.process: subprocess.Popen | None = None
        self.socket: websocket.WebSocket | None = None
        self.next_id = 0

    def __enter__(self) -> "Chromium":
        if EXECUTABLE is None:
            raise BrowserError("Chromium is not installed")
        self.process = subprocess.Popen([EXECUTABLE, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_SECONDS
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise BrowserError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            page = next(target for target in json.load(answer) if target["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.send("Page.enable")
        self.send("Runtime.enable")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.socket is not None:
            self.socket.close()
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def send(self, method: str, **params: Any) -> dict:
        """Send one DevTools command and return its result (events on the way are dropped)."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)

    def evaluate(self, expression: str) -> Any:
        """Return the value of a JavaScript expression in the page (promises are awaited)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 30, what: str = "") -> Any:
        """Return the expression's value once it is truthy; raise ``BrowserError`` after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"waited {timeout:.0f} s for {what or expression}")
            time.sleep(0.2)

    def click(self, selector: str, count: int = 1) -> None:
        """Click the middle of the first element matching ``selector`` with real mouse events (``count`` times).

        The element is scrolled to the middle of the window first, and clicked once it stays where it is
        and nothing covers it (the page may still be laying itself out, as JupyterLab does while it scrolls).
        """
        where = (f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
                 " const r = e.getBoundingClientRect(); if (!r.width) return null;"
                 " const x = r.x + r.width / 2, y = r.y + r.height / 2, top = document.elementFromPoint(x, y);"
                 " if (top === e || e.contains(top)) return [Math.round(x), Math.round(y)];"
                 " e.scrollIntoView({block: 'center'}); return null; })()")
        box, deadline = None, time.monotonic() + 30
        while True:
            seen = self.wait_for(where, what=f"a visible {selector}")
            if seen == box:
                break
            if time.monotonic() > deadline:
                raise BrowserError(f"{selector} kept moving")
            box = seen
            time.sleep(0.3)
        for click in range(1, count + 1):
            for kind in ("mousePressed", "mouseReleased"):
                self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=click)

    def double_click(self, selector: str) -> None:
        """Double-click the first element matching ``selector``, as a person opens a folder."""
        self.click(selector, count=2)

    def screenshot(self, path: Path) -> None:
        """Save what the page shows as a PNG."""
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"]))
