"""Browser tests of examples/web/ against the stack of scripts/web.sh (nginx, PHP-FPM, Redis behind
Sentinel, SQLite or PostgreSQL), in headless Chromium (Debian chromium + chromium-driver +
python3-selenium). `bash scripts/test.sh web` starts the stack, runs them, stops it.

The stack is described by $SESAME_WEB_DIR/stack.env (written by web.sh). No sleep decides
anything: the tests wait for page conditions (WebDriverWait) and for process events.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 20  # seconds a page condition may take (a failover takes a few)


def pytest_configure(config):
    config.addinivalue_line("markers", "postgres: runs on the stack started with web.sh --postgres")


class Stack:
    def __init__(self, directory):
        self.dir = pathlib.Path(directory)
        env = {}
        for line in (self.dir / "stack.env").read_text().splitlines():
            key, _, value = line.partition("=")
            env[key] = value
        self.url = env["SESAME_WEB_URL"]
        self.db = env["SESAME_WEB_DB"]
        self.dsn = env["SESAME_WEB_DSN"]
        self.outbox = pathlib.Path(env["SESAME_WEB_OUTBOX"])
        self.redis_ports = [int(p) for p in env["SESAME_WEB_REDIS_PORTS"].split(",")]
        self.sentinel_ports = [int(p) for p in env["SESAME_WEB_SENTINEL_PORTS"].split(",")]
        self.library = env["SESAME_WEB_LIBRARY"]
        self.workers = int(env["SESAME_WEB_WORKERS"])

    # ---- the SMS gateway of the example (an outbox file) ----
    def sms_count(self):
        return len(self.outbox.read_text(encoding="utf-8").splitlines())

    def sms(self, since):
        """The messages appended since `since` lines."""
        lines = self.outbox.read_text(encoding="utf-8").splitlines()[since:]
        return [json.loads(line) for line in lines]

    # ---- the database ----
    def query(self, sql):
        """Rows of a query, as lists of strings, from the stack's database (sqlite3 / psql)."""
        if self.db == "sqlite":
            import sqlite3
            path = self.dsn.removeprefix("sqlite:")
            with sqlite3.connect(path) as c:
                return [[str(v) for v in row] for row in c.execute(sql)]
        m = dict(kv.split("=", 1) for kv in self.dsn.removeprefix("pgsql:").split(";"))
        out = subprocess.run(["psql", "-h", m["host"], "-p", m["port"], "-U", m["user"], "-d", m["dbname"],
                              "-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines()]

    # ---- Redis Sentinel ----
    def redis(self, port, *args):
        return subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", str(port), *args], check=True,
                              capture_output=True, text=True, timeout=10).stdout.strip()

    def master_port(self):
        """The master's port as the sentinels say."""
        for port in self.sentinel_ports:
            try:
                out = self.redis(port, "SENTINEL", "get-master-addr-by-name", "sesame").split()
                return int(out[1])
            except (subprocess.SubprocessError, IndexError, ValueError):
                continue
        raise RuntimeError("no sentinel answers")

    def wait_for_a_replica(self, timeout=60):
        """Waits until the master the sentinels name has an online replica (wait_replicas=1 works)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if "state=online" in self.redis(self.master_port(), "INFO", "replication"):
                    return
            except (subprocess.SubprocessError, RuntimeError):
                pass
            time.sleep(0.1)  # polling a process condition, not a timing rule
        raise AssertionError("no replica came back online")

    def redis_pid(self, port):
        return int((self.dir / "run" / f"redis-{port}.pid").read_text())

    def logs(self):
        """Every log the stack writes: nginx (access, error), PHP-FPM, PHP."""
        return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in (self.dir / "log").glob("*.log")}


@pytest.fixture(scope="session")
def stack():
    directory = os.environ.get("SESAME_WEB_DIR")
    if not directory or not (pathlib.Path(directory) / "stack.env").exists():
        pytest.fail("no stack: run these through `bash scripts/test.sh web` (or start scripts/web.sh and set SESAME_WEB_DIR)")
    return Stack(directory)


def chrome(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="sesame-chromium-")
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}", "--lang=fr-FR"]:
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(TIMEOUT)
    driver.profile_dir = profile
    return driver


def quit_chrome(driver):
    driver.quit()
    shutil.rmtree(driver.profile_dir, ignore_errors=True)


@pytest.fixture
def browser():
    driver = chrome()
    yield driver
    quit_chrome(driver)


@pytest.fixture
def browser_without_js():
    driver = chrome(javascript=False)
    yield driver
    quit_chrome(driver)


class Parent:
    """A parent going through the site, in one browser."""

    def __init__(self, driver, stack):
        self.d = driver
        self.stack = stack

    def wait(self, condition, timeout=TIMEOUT):
        return WebDriverWait(self.d, timeout, poll_frequency=0.05).until(condition)

    def open(self, path="/"):
        self.d.get(self.stack.url + path)

    def path(self):
        return "/" + self.d.current_url.split("/", 3)[3] if self.d.current_url.count("/") >= 3 else "/"

    def el(self, css):
        return self.d.find_element(By.CSS_SELECTOR, css)

    def els(self, css):
        return self.d.find_elements(By.CSS_SELECTOR, css)

    def text(self, css="main"):
        """The element's text as written (no-break spaces kept, ASCII white space collapsed)."""
        return re.sub(r"[ \t\r\n]+", " ", self.el(css).get_attribute("textContent")).strip()

    def fill(self, fields):
        for name, value in fields.items():
            box = self.el(f'[name="{name}"]')
            box.clear()
            box.send_keys(value)

    def submit(self, button_css="form button[type=submit]"):
        """Clicks and waits for the next page (the old one goes stale)."""
        old = self.el("html")
        self.el(button_css).click()
        self.wait(lambda d: _stale(old))

    def worker(self):
        return int(self.el('meta[name="sesame-worker"]').get_attribute("content"))

    def otp_workers(self):
        issued, _, verified = self.el('meta[name="sesame-otp-workers"]').get_attribute("content").partition(" ")
        return issued, verified

    # ---- the steps ----
    def identify(self, nom, prenom, mobile):
        self.open("/")
        before = self.stack.sms_count()
        self.fill({"nom": nom, "prenom": prenom, "mobile": mobile})
        self.submit()
        return before

    def code_sent(self, since, e164):
        """The code of the last SMS sent to e164 since `since` outbox lines."""
        messages = [m for m in self.stack.sms(since) if m["to"] == e164]
        assert messages, f"no SMS to the number since line {since}"
        return re.search(r"\b(\d{6})\b", messages[-1]["text"]).group(1)

    def type_code(self, code):
        self.fill({"code": code})
        self.submit("form[action='/code'] button[type=submit]")

    def confirm_pupils(self, dates):
        """dates: {pupil id: typed date}; ticks the box of each."""
        for pupil, date in dates.items():
            box = self.el(f'input[name="legal[{pupil}]"]')
            if not box.is_selected():
                box.click()
            self.fill({f"date[{pupil}]": date})
        self.submit()

    def set_password(self, password, again=None):
        self.fill({"password": password, "password_confirm": password if again is None else again})
        self.submit("#password-form button[type=submit]")


def _stale(element):
    try:
        element.is_enabled()
        return False
    except Exception:  # StaleElementReferenceException: a new page
        return True


@pytest.fixture
def parent(browser, stack):
    return Parent(browser, stack)
