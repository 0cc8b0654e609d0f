#!/usr/bin/env python3
"""Drives the WebFlux example's presigned-POST upload page in headless Chromium, as a user would: opens the page,
chooses a file (the bytes of FILE, under the name FILE_NAME) in its file input and submits the form, which posts the file
straight to S3; prints S3's answer: the page's URL, then Bucket=, Key=, ETag= and Code= lines (empty when absent). Talks the DevTools protocol over --remote-debugging-pipe (file descriptors 3
and 4, JSON messages ended by NUL), so it needs nothing beyond Python and Chromium.

Usage: browser-check.py CHROMIUM PAGE_URL FILE_NAME FILE
"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60


class Browser:
    def __init__(self, chromium, profile):
        commands_r, commands_w = os.pipe()
        answers_r, answers_w = os.pipe()
        # above 4, so that the child's dup2 onto 3 and 4 cannot clobber them
        child_in = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
        child_out = fcntl.fcntl(answers_w, fcntl.F_DUPFD, 10)
        os.close(commands_r)
        os.close(answers_w)

        def pipes():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
             "--remote-debugging-pipe", "about:blank"],
            preexec_fn=pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_in)
        os.close(child_out)
        self.out = os.fdopen(commands_w, "wb", buffering=0)
        self.inp = os.fdopen(answers_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no message from Chromium within %d s" % TIMEOUT)
            chunk = self.inp.read(65536)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe (exit code %s)" % self.process.poll())
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError("%s failed: %s" % (method, answer["error"]))
                return answer["result"]
            self.events.append(answer)

    def wait_event(self, method, session):
        deadline = time.time() + TIMEOUT
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main():
    chromium, page, name, path = sys.argv[1:5]
    with open(path, "rb") as f:
        content = base64.b64encode(f.read()).decode("ascii")
    with tempfile.TemporaryDirectory(prefix="browser-check-") as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            browser.send("Page.enable", session=session)
            browser.send("Page.navigate", {"url": page}, session)
            browser.wait_event("Page.loadEventFired", session)
            # choose the file in the page's file input, as a user picking it would, then submit the form
            script = """(() => {
                const bytes = Uint8Array.from(atob(%s), c => c.charCodeAt(0));
                const form = document.querySelector('form');
                const input = form.querySelector('input[type=file]');
                const chosen = new DataTransfer();
                chosen.items.add(new File([bytes], %s, {type: 'application/octet-stream'}));
                input.files = chosen.files;
                if (!form.checkValidity()) { return 'form invalid'; }
                form.querySelector('button[type=submit]').click();
                return 'submitted ' + input.files[0].size + ' bytes to ' + form.action;
            })()""" % (json.dumps(content), json.dumps(name))
            result = browser.send("Runtime.evaluate", {"expression": script, "returnByValue": True}, session)
            print("[browser-check] page: " + str(result["result"].get("value")), file=sys.stderr)
            browser.wait_event("Page.loadEventFired", session)
            # S3's answer to the POST (success_action_status 201): a PostResponse XML document
            answer = browser.send("Runtime.evaluate", {"expression": """(() => {
                const text = name => { const e = document.getElementsByTagName(name)[0]; return e ? e.textContent : ''; };
                return [location.href, 'Bucket=' + text('Bucket'), 'Key=' + text('Key'), 'ETag=' + text('ETag'),
                        'Code=' + text('Code')].join('\\n');
            })()""", "returnByValue": True}, session)
            print(answer["result"].get("value"))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
