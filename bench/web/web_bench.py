"""Throughput of examples/web/ through nginx + PHP-FPM, on the stack of scripts/web.sh.

    bash bench/web/run.sh [WORKERS...]     (starts a stack per worker count with a generated school)

For each worker count: SESSIONS parents are identified (one SMS code each, not timed), then
  - verify: every parent POSTs its right code to /code at once from CLIENTS threads (one request
    per parent: the OTP verify through Sentinel with wait_replicas=1, the session renewed, the
    account looked up in SQL, the redirect);
  - password: the parents, now at the password step, POST /api/mot-de-passe (the live checklist:
    Password::check with the family's context) REQUESTS times each, from CLIENTS threads.
Prints requests per second and the median / 95th percentile latency. Keep-alive HTTP/1.1
connections, one per client thread; the client is Python (http.client), measured alone against
nginx's static /style.css to show its own ceiling.
"""
import http.client
import json
import os
import pathlib
import re
import statistics
import sys
import threading
import time
import urllib.parse

CLIENTS = int(os.environ.get("CLIENTS", "8"))
SESSIONS = int(os.environ.get("SESSIONS", "400"))
REQUESTS = int(os.environ.get("REQUESTS", "5"))


def env(directory):
    out = {}
    for line in (pathlib.Path(directory) / "stack.env").read_text().splitlines():
        k, _, v = line.partition("=")
        out[k] = v
    return out


class Client:
    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        self.cookie = None

    def request(self, method, path, form=None, headers=None):
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        c = r.getheader("Set-Cookie")
        if c:
            self.cookie = c.split(";", 1)[0]
        return r.status, r.getheader("Location"), data.decode("utf-8", "replace")


def csrf(page):
    return re.search(r'name="csrf-token" content="([0-9a-f]+)"', page).group(1)


def outbox_codes(path, since):
    codes = {}
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines()[since:]:
        m = json.loads(line)
        codes[m["to"]] = re.search(r"\b(\d{6})\b", m["text"]).group(1)
    return codes


def run(parallel_jobs):
    """Runs the jobs (callables returning a latency) on CLIENTS threads; returns (seconds, latencies)."""
    latencies = []
    lock = threading.Lock()
    chunks = [parallel_jobs[i::CLIENTS] for i in range(CLIENTS)]

    def worker(jobs):
        mine = [job() for job in jobs]
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, latencies


def timed(fn):
    def job():
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t
    return job


def report(name, seconds, latencies, workers):
    n = len(latencies)
    lat = sorted(latencies)
    print(f"{name:<28} workers={workers} clients={CLIENTS} requests={n:>5}  {n / seconds:8.0f} req/s  "
          f"median {1000 * statistics.median(lat):6.1f} ms  p95 {1000 * lat[int(0.95 * (n - 1))]:6.1f} ms", flush=True)


def main():
    e = env(os.environ["SESAME_WEB_DIR"])
    url, workers, outbox = e["SESAME_WEB_URL"], e["SESAME_WEB_WORKERS"], e["SESAME_WEB_OUTBOX"]
    school = json.loads(pathlib.Path(os.environ["SESAME_WEB_SCHOOL"]).read_text(encoding="utf-8"))
    guardians = school["guardians"][:SESSIONS]
    assert len(guardians) % CLIENTS == 0, "SESSIONS must be a multiple of CLIENTS (one connection per thread)"
    births = {p["id"]: p["birthdate"] for p in school["pupils"]}
    pupil_of = {l["guardian"]: l["pupil"] for l in school["links"]}

    # The client's own ceiling: nginx serving a static file (job k runs on thread k % CLIENTS,
    # which alone uses connection k % CLIENTS).
    static = [Client(url) for _ in range(CLIENTS)]
    seconds, lat = run([timed(lambda c=static[k % CLIENTS]: c.request("GET", "/style.css")) for k in range(4000)])
    report("static file (client ceiling)", seconds, lat, "-")

    # Identification: one code per parent (not timed).
    since = len(pathlib.Path(outbox).read_text(encoding="utf-8").splitlines())
    parents = []
    for g in guardians:
        p = Client(url)
        _, _, page = p.request("GET", "/")
        p.token = csrf(page)
        status, where, _ = p.request("POST", "/identification",
                                     {"csrf": p.token, "nom": g["nom"], "prenom": g["prenom"], "mobile": g["phone_mobile"]})
        assert status == 303 and where == "/code", (status, where)
        p.guardian = g
        parents.append(p)
    codes = outbox_codes(outbox, since)

    def verify(p):
        def go():
            e164 = "+33" + re.sub(r"\D", "", p.guardian["phone_mobile"])[1:]
            status, where, _ = p.request("POST", "/code", {"csrf": p.token, "code": codes[e164]})
            assert status == 303 and where == "/eleves", (status, where)
        return go

    seconds, lat = run([timed(verify(p)) for p in parents])
    report("POST /code (right code)", seconds, lat, workers)

    for p in parents:  # to the password step (not timed); the session id changed: new token
        _, _, page = p.request("GET", "/eleves")
        p.token = csrf(page)
        pupil = pupil_of[p.guardian["id"]]
        y, m, d = births[pupil].split("-")
        status, where, _ = p.request("POST", "/eleves", {"csrf": p.token, f"legal[{pupil}]": "1", f"date[{pupil}]": f"{d} {m} {y}"})
        assert status == 303 and where == "/mot-de-passe", (status, where)

    words = ["Soleil", "Vélo-Rouge", "azerty", "Lucas2014!", "Maison#Bleue-42", "motdepasse", "Été 2024 !"]

    def check(p, i):
        def go():
            status, _, body = p.request("POST", "/api/mot-de-passe", {"password": words[i % len(words)]},
                                        {"X-CSRF-Token": p.token})
            assert status == 200 and '"rules"' in body, status
        return go

    jobs = [timed(check(p, i)) for i in range(REQUESTS) for p in parents]
    seconds, lat = run(jobs)
    report("POST /api/mot-de-passe", seconds, lat, workers)


if __name__ == "__main__":
    sys.exit(main())
