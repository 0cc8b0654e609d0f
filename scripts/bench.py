#!/usr/bin/python3
"""Driver of scripts/bench.sh: runs every case of issue 14 interleaved against the peers and writes a Markdown report.

Reads its settings from the environment (see scripts/bench.sh) and the benchmarks classpath from argv[1]. Every
contender of a case runs once per round, in the same order, for BENCH_ROUNDS rounds (A B C A B C ...), after one
untimed warm-up round for the warm-JVM contenders. Times are wall-clock seconds: for a process, from fork to exit; for
a library contender, the operation inside the long-lived JVM (BenchAgent); boto3 figures are given both ways.
"""
import datetime
import json
import os
import resource
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024
CP = sys.argv[1]
OUT = sys.argv[2]
SIZE_MB = int(os.environ.get("BENCH_SIZE_MB", "1024"))
KEYS = int(os.environ.get("BENCH_KEYS", "100000"))
DEL_KEYS = int(os.environ.get("BENCH_DELETE_KEYS", str(KEYS)))
SMALL = int(os.environ.get("BENCH_SMALL", "10000"))
STREAM_MB = int(os.environ.get("BENCH_STREAM_MB", "2048"))
SLOW = float(os.environ.get("BENCH_SLOW_MIBPS", "64"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
TARGETS = os.environ.get("BENCH_TARGETS", "s3proxy,ceph-rgw").split(",")
CASES = os.environ.get("BENCH_CASES", "transfer,tiny,crcdown,list,delete,copy,small,memory,jfr,profile").split(",")
COPY_OBJECTS = int(os.environ.get("BENCH_COPY_OBJECTS", "1000"))
JAVA = shutil.which("java")
PY = "/usr/bin/python3"
AWS = "/usr/bin/aws"
RCLONE = "/usr/bin/rclone"
# the command-line module's launcher, when this checkout has it (bench.sh builds it first)
RS3 = os.path.abspath("rs3") if os.path.exists("rs3") and os.path.exists("cli/target/rs3.classpath") else None
TMP = tempfile.mkdtemp(prefix="bench-")
LOG = open(os.path.join(TMP, "driver.log"), "w")


def log(*a):
    line = " ".join(str(x) for x in a)
    print(line, flush=True)
    LOG.write(line + "\n")
    LOG.flush()


BOTO_PEER = r'''
import sys, time, boto3, botocore.config
from boto3.s3.transfer import TransferConfig
ep, region, ak, sk, op = sys.argv[1:6]
args = sys.argv[6:]
cfg = botocore.config.Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3})
s3 = boto3.resource("s3", endpoint_url=ep, region_name=region, aws_access_key_id=ak, aws_secret_access_key=sk, config=cfg)
c = s3.meta.client
t = time.perf_counter()
detail = ""
if op == "upload":
    c.upload_file(args[0], args[1], args[2])
elif op == "download":
    c.download_file(args[0], args[1], args[2])
elif op == "list":
    detail = sum(1 for _ in s3.Bucket(args[0]).objects.all())
elif op == "delete":
    r = s3.Bucket(args[0]).objects.all().delete()
    detail = sum(len(x.get("Deleted", [])) for x in r)
elif op == "presign":
    for k in args[1:]:
        m, key = k.split(":", 1)
        print(c.generate_presigned_url("put_object" if m == "put" else "get_object",
                                       Params={"Bucket": args[0], "Key": key}, ExpiresIn=36000))
    sys.exit(0)
print("INNER %.6f %s" % (time.perf_counter() - t, detail))
'''


def run(cmd, env=None, timeout=3600):
    """Runs a process; returns (wall seconds, stdout, stderr); raises on a non-zero exit."""
    t = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (os.path.basename(cmd[0]), p.returncode, (p.stderr or p.stdout)[-300:]))
    return wall, p.stdout, p.stderr


class Agent:
    """The warm JVM (BenchAgent): one command a line, one answer a line."""

    def __init__(self, ep, region, ak, sk, profile, target):
        self.err = open(os.path.join(TMP, "agent-%s.log" % target), "w")
        self.p = subprocess.Popen([JAVA, "-Xmx2g", "-cp", CP, "io.reactives3.benchmarks.BenchAgent", ep, region, ak,
                                   sk, profile], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err,
                                  text=True)
        assert self.p.stdout.readline().strip() == "READY"

    def __call__(self, *words):
        self.p.stdin.write(" ".join(str(w) for w in words) + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline().strip()
        if not line.startswith("OK "):
            raise RuntimeError(line or "agent died")
        parts = line.split(" ", 2)
        return float(parts[1]), (parts[2] if len(parts) > 2 else "")

    def close(self):
        try:
            self.p.stdin.write("quit\n")
            self.p.stdin.flush()
            self.p.wait(60)
        except Exception:
            self.p.kill()


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def write_data(path, size, seed=1):
    """size bytes: one random 1 MiB block, each copy stamped with its offset (no two MiB alike)."""
    import random
    block = bytearray(random.Random(seed).randbytes(MIB))
    with open(path, "wb") as f:
        off = 0
        while off < size:
            block[0:8] = off.to_bytes(8, "big")
            n = min(MIB, size - off)
            f.write(block[:n])
            off += n


class Case:
    """Samples per contender, and how each row is labelled."""

    def __init__(self, title, size=None):
        self.title, self.size = title, size
        self.samples, self.kind, self.fail, self.extra = {}, {}, {}, {}

    def add(self, name, kind, seconds):
        self.kind[name] = kind
        self.samples.setdefault(name, []).append(seconds)

    def failed(self, name, kind, why):
        self.kind[name] = kind
        self.fail.setdefault(name, why)


def timed(case, name, kind, fn):
    try:
        s = fn()
        if s is not None:
            case.add(name, kind, s)
            log("  %-46s %-8s %9.3f s" % (name, kind, s))
    except Exception as e:
        why = str(e).replace("\n", " ").replace("|", "/")[:160]
        case.failed(name, kind, why)
        log("  %-46s %-8s FAILED %s" % (name, kind, why))


def table(case, peers, ceiling=None, unit_bytes=None, lower_is_better=True):
    """Rows: median, min-max, throughput, ratio vs the best peer (best peer's median / this median: > 1 is faster)
    and vs the ceiling."""
    best = None
    peer_rows = [n for n in case.samples if any(n.startswith(p) for p in peers)]
    if peer_rows:
        best = min(peer_rows, key=lambda n: med(case.samples[n]))
    proc_rows = [n for n in peer_rows if case.kind[n] == "process"]
    best_proc = min(proc_rows, key=lambda n: med(case.samples[n])) if proc_rows else best
    out = ["", "**%s**%s" % (case.title, (" (best peer: %s, %s; as a process: %s)" % (
        best, case.kind[best], best_proc)) if best else ""), ""]
    head = "| contender | measured as | runs | median s | min-max s |"
    sep = "|---|---|---|---|---|"
    if unit_bytes:
        head += " MiB/s |"
        sep += "---|"
    if best:
        head += " vs best peer |"
        sep += "---|"
    if ceiling:
        head += " % of ceiling |"
        sep += "---|"
    out += [head, sep]
    names = list(case.samples) + [n for n in case.fail if n not in case.samples]
    for n in names:
        xs = case.samples.get(n, [])
        if not xs:
            out.append("| %s | %s | 0 | fails: %s | |%s%s%s" % (n, case.kind[n], case.fail[n],
                                                                   " |" if unit_bytes else "", " |" if best else "",
                                                                   " |" if ceiling else ""))
            continue
        m = med(xs)
        row = "| %s | %s | %d | %.3f | %.3f-%.3f |" % (n, case.kind[n], len(xs), m, min(xs), max(xs))
        if unit_bytes:
            row += " %.1f |" % (unit_bytes / MIB / m)
        if best:
            ref = best_proc if case.kind[n] == "process" else best
            row += " %.2fx |" % (med(case.samples[ref]) / m)
        if ceiling:
            row += " %.0f %% |" % (100 * ceiling / m)
        out.append(row)
    fails = [(n, w) for n, w in case.fail.items() if n in case.samples]
    for n, w in fails:
        out.append("")
        out.append("- %s failed in some runs: %s" % (n, w))
    return out


def versions():
    v = {}
    try:
        v["java"] = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.strip().replace("\n", "; ")
    except Exception as e:
        v["java"] = str(e)
    for name, cmd in [("aws", [AWS, "--version"]), ("rclone", [RCLONE, "version"]),
                      ("boto3", [PY, "-c", "import boto3, botocore; print('boto3', boto3.__version__, 'botocore', botocore.__version__)"]),
                      ("curl", ["curl", "--version"]), ("python3", [PY, "--version"])]:
        try:
            p = subprocess.run(cmd, capture_output=True, text=True)
            v[name] = (p.stdout or p.stderr).strip().splitlines()[0]
        except Exception as e:
            v[name] = "not available (%s)" % e
    jars = CP.split(":")
    for label, pat in [("AWS SDK (s3)", r"/s3-(\d[^/]*)\.jar"), ("AWS CRT", r"/aws-crt-(\d[^/]*)\.jar"),
                       ("S3Proxy", r"/s3proxy-(\d[^/]*)\.jar"), ("Reactor", r"/reactor-core-(\d[^/]*)\.jar"),
                       ("Netty", r"/netty-codec-http-(\d[^/]*)\.jar")]:
        for j in jars:
            m = re.search(pat, j)
            if m:
                v[label] = m.group(1)
                break
    try:
        p = subprocess.run(["radosgw", "--version"], capture_output=True, text=True)
        v["Ceph RGW"] = (p.stdout or p.stderr).strip().splitlines()[0]
    except Exception:
        v["Ceph RGW"] = "not installed"
    return v


def machine():
    mem = "?"
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"nproc": os.cpu_count(), "memory": mem, "cpu": cpu, "kernel": platform.release(),
            "load average at start": open("/proc/loadavg").read().split()[:3]}


def main():
    started = datetime.datetime.now(datetime.timezone.utc)
    report = ["# Benchmarks against the peers (issue 14), %s" % started.strftime("%Y-%m-%d %H:%M UTC"), ""]
    report += ["Produced by `scripts/bench.sh` with BENCH_SIZE_MB=%d BENCH_KEYS=%d BENCH_DELETE_KEYS=%d BENCH_SMALL=%d BENCH_STREAM_MB=%d "
               "BENCH_SLOW_MIBPS=%g BENCH_ROUNDS=%d BENCH_TARGETS=%s BENCH_CASES=%s." % (
                   SIZE_MB, KEYS, DEL_KEYS, SMALL, STREAM_MB, SLOW, ROUNDS, ",".join(TARGETS), ",".join(CASES)), ""]
    report += ["## Machine", ""] + ["- %s: %s" % kv for kv in machine().items()]
    report += ["", "## Versions", ""] + ["- %s: %s" % kv for kv in versions().items()]
    report += ["", "## Method", "",
               "Every contender of a case runs once per round, in a fixed order, for %d rounds (A B C A B C ...); "
               "the warm-JVM contenders first get one untimed warm-up. *warm JVM*: the operation inside one "
               "long-lived JVM (`BenchAgent`, -Xmx2g) that keeps every client open; *process*: a whole process from "
               "fork to exit, as a user runs it; *in-process* (boto3): the call's own time inside the Python process "
               "(interpreter start, imports and client creation excluded). `vs best peer` is the best peer's median "
               "time divided by this row's (above 1.00x: faster than the best peer): a process row is compared with "
               "the best peer process, a warm-JVM or in-process row with the best peer row of any kind (boto3's "
               "in-process time included); `%% of ceiling` is the ceiling's "
               "time over this row's. Peers: boto3, `aws s3` and rclone from Debian, their defaults, path-style "
               "addressing; the machine is shared by other builds, so spread (min-max) matters." % ROUNDS, ""]
    report += ["Commands (`$EP` the endpoint, credentials in `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, rclone's "
               "remote from `RCLONE_CONFIG_BENCH_*` variables, `$CP` the benchmarks classpath):", "",
               "- engine/TransferManager, warm: `java -Xmx2g -cp $CP io.reactives3.benchmarks.BenchAgent $EP <region> "
               "<key> <secret> <profile>` then lines such as `upload eng-auto <file> <bucket> <key>`",
               "- `./rs3 cp <file> s3://<bucket>/<key>` (and back; the cli module's launcher, endpoint and keys in "
               "`REACTIVE_S3_*`), when the checkout has it (" + ("measured in this run" if RS3 else "not in this run") + ")",
               "- whole-process cp of the library alone (`OneShotCp`: client and engine with the defaults, one "
               "transfer, close): "
               "`java -cp $CP io.reactives3.benchmarks.OneShotCp up|down $EP <region> <key> <secret> <profile> "
               "<file> <bucket> <key>`",
               "- boto3: `/usr/bin/python3 boto3_peer.py $EP ... upload|download|list|delete ...` (`upload_file`, "
               "`download_file`, `bucket.objects.all()`, `bucket.objects.all().delete()`)",
               "- aws: `/usr/bin/aws --endpoint-url $EP s3 cp <file> s3://<bucket>/<key>` (and back), "
               "`aws s3 rm --recursive s3://<bucket>`",
               "- rclone: `/usr/bin/rclone copyto <file> bench:<bucket>/<key>` (and back)",
               "- ceiling: 4 parallel `curl -sf -T <quarter file> <presigned PUT URL>` and 4 parallel "
               "`curl -sf -r <quarter range> -o <file> <presigned GET URL>` (presigned: the body is not signed "
               "nor hashed by the client)",
               "- memory: `java -Xmx128m -Xlog:gc:file=<log> -cp $CP io.reactives3.benchmarks.StreamMemory "
               "engine|sdk $EP ... <bucket> <key> %g`" % SLOW, ""]
    DONE[:] = report
    summary = SUMMARY
    for target in TARGETS:
        try:
            report += run_target(target.strip(), summary)
        except Exception as e:
            log("target %s failed: %r" % (target, e))
            report += ["", "## %s" % target, "", "Not measured: %s" % e]
        DONE[:] = report
    DONE[:] = report
    write_report([], final=True)
    log("wrote", OUT)


SUMMARY, DONE = [], []
PEER_ENV = {}


def write_report(current, final=False):
    """Rewrites the report: what is done, the running target's cases so far, the summary on top."""
    report = DONE + current
    report = report[:2] + ["## Summary", ""] + SUMMARY + [""] + report[2:]
    report += ["", ("Finished %s" if final else "Partial: written %s while running") % (
        datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M UTC")) +
        "; driver log and per-process logs were in %s." % TMP]
    with open(OUT, "w") as f:
        f.write("\n".join(report) + "\n")


def run_target(target, summary):
    profile = "CEPH" if target == "ceph-rgw" else "S3PROXY"
    env_server = dict(os.environ)
    env_server.setdefault("MEMSTORE_BYTES", "12884901888")
    # RGW gives the RAM of a deleted 1 GiB object back only when its garbage collector runs: soon, so that the
    # uploads of a round do not fill the memstore (a full one makes RGW stop answering, and every client time out)
    env_server.setdefault("RGW_GC_MIN_WAIT", "5")
    env_server.setdefault("RGW_GC_PERIOD", "5")
    srv_log = open(os.path.join(TMP, "server-%s.log" % target), "w")
    server = subprocess.Popen([JAVA, "-Xmx2g", "-cp", CP, "io.reactives3.benchmarks.BenchServer", target],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=srv_log, text=True, env=env_server)
    ready = ""
    for line in server.stdout:
        if line.startswith("READY"):
            ready = line
            break
    if not ready:
        raise RuntimeError("the %s server did not start (see %s)" % (target, srv_log.name))
    _, ep, region, ak, sk = ready.split()
    log("== %s at %s" % (target, ep))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    cfg = os.path.join(TMP, "aws-config")
    with open(cfg, "w") as f:
        f.write("[default]\nregion = %s\ns3 =\n  addressing_style = path\n" % region)
    env.update(AWS_ACCESS_KEY_ID=ak, AWS_SECRET_ACCESS_KEY=sk, AWS_DEFAULT_REGION=region, AWS_CONFIG_FILE=cfg,
               AWS_SHARED_CREDENTIALS_FILE=os.path.join(TMP, "none"), AWS_EC2_METADATA_DISABLED="true",
               AWS_PAGER="", RCLONE_CONFIG_BENCH_TYPE="s3", RCLONE_CONFIG_BENCH_PROVIDER="Other",
               RCLONE_CONFIG_BENCH_ENDPOINT=ep, RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=ak,
               RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=sk, RCLONE_CONFIG_BENCH_REGION=region,
               RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE="true", RCLONE_CONFIG=os.path.join(TMP, "rclone.conf"),
               REACTIVE_S3_ENDPOINT=ep, REACTIVE_S3_REGION=region, REACTIVE_S3_ACCESS_KEY=ak,
               REACTIVE_S3_SECRET_KEY=sk, REACTIVE_S3_PATH_STYLE="true")
    PEER_ENV.clear()
    PEER_ENV.update(env)
    boto_py = os.path.join(TMP, "boto3_peer.py")
    with open(boto_py, "w") as f:
        f.write(BOTO_PEER)

    def boto(op, *a):
        wall, out, _ = run([PY, boto_py, ep, region, ak, sk, op] + [str(x) for x in a], env)
        inner = [l for l in out.splitlines() if l.startswith("INNER")][-1].split()
        return wall, float(inner[1]), (inner[2] if len(inner) > 2 else "")

    def presign(bucket, *keys):
        return run([PY, boto_py, ep, region, ak, sk, "presign", bucket] + list(keys), env)[1].split()

    def aws(*a):
        return run([AWS, "--endpoint-url", ep] + list(a), env)[0]

    def rclone(*a):
        # --ignore-times: copy even when the destination looks the same (rclone skips unchanged files otherwise)
        return run([RCLONE, "--ignore-times"] + list(a), env)[0]

    def oneshot(direction, file, bucket, key, integrity=None, jvm=()):
        cmd = [JAVA] + list(jvm) + (["-Dbench.integrity=" + integrity] if integrity else []) + [
            "-cp", CP, "io.reactives3.benchmarks.OneShotCp", direction, ep, region, ak, sk, profile, file, bucket, key]
        wall, _, err = run(cmd, env)
        timing = [l for l in err.splitlines() if l.startswith("TIMING")][-1]
        return wall, dict((k, float(v)) for k, v in (p.split("=") for p in timing.split()[1:]))

    def rawbuild():
        _, _, err = run([JAVA, "-cp", CP, "io.reactives3.benchmarks.RawSdkBuild", ep, region, ak, sk], env)
        timing = [l for l in err.splitlines() if l.startswith("TIMING")][-1]
        return dict((k, float(v)) for k, v in (p.split("=") for p in timing.split()[1:]))

    def rawcopy(source, destination, concurrency):
        # the JIT and collector the rs3 launcher uses (no class-data archive, which rs3 has)
        return run([JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", CP,
                    "io.reactives3.benchmarks.RawSdkCopy", ep, region, ak, sk, source, destination,
                    str(concurrency)], env)[0]

    agent = Agent(ep, region, ak, sk, profile, target)
    out = ["", "## %s" % ("Ceph RGW" if target == "ceph-rgw" else "S3Proxy (filesystem store, own JVM)"), ""]
    for b in ["bench-xfer", "bench-list", "bench-del", "bench-copy-src", "bench-small", "bench-mem"]:
        aws("s3", "mb", "s3://" + b)
    try:
        def guarded(name, fn):
            try:
                return fn()
            except Exception as e:
                log("case %s failed: %r" % (name, e))
                summary.append("- %s, %s: not measured (%s)" % (target, name, str(e)[:200]))
                return ["", "Case %s not measured: %s" % (name, str(e)[:300])]
        cases = {
            "transfer": lambda: case_transfer(target, agent, boto, presign, aws, rclone, oneshot, rawbuild, summary),
            "crcdown": lambda: case_crc_download(target, agent, boto, aws, rclone, summary),
            "list": lambda: case_list(agent, boto, summary, target),
            "delete": lambda: case_delete(agent, boto, aws, summary, target),
            "copy": lambda: case_copy(agent, aws, rclone, rawcopy, summary, target),
            "small": lambda: case_small(agent, summary, target),
            "memory": lambda: case_memory(agent, ep, region, ak, sk, profile, target, summary),
            "jfr": lambda: case_jfr(ep, region, ak, sk, profile, target, env),
            "profile": lambda: case_profile(agent, target),
        }
        # in BENCH_CASES order ("tiny" runs with "transfer", or alone); the report is rewritten after each case
        for name in CASES:
            if name == "tiny" and "transfer" in CASES:
                continue
            fn = cases.get("transfer" if name == "tiny" else name)
            if fn:
                out += guarded(name, fn)
                write_report(out)
    finally:
        agent.close()
        server.stdin.close()
        try:
            server.wait(120)
        except Exception:
            server.kill()
    return out


def case_transfer(target, agent, boto, presign, aws, rclone, oneshot, rawbuild, summary):
    out = []
    size = SIZE_MB * MIB
    src = os.path.join(TMP, "source.bin")
    dst = os.path.join(TMP, "download.bin")
    tiny = os.path.join(TMP, "tiny.bin")
    jsa = os.path.join(TMP, "oneshot-%s.jsa" % target)
    write_data(src, size)
    with open(tiny, "wb") as f:
        f.write(os.urandom(1024))
    B = "bench-xfer"
    # the object every download reads: uploaded by boto3 (8 MiB parts, the most common layout)
    boto("upload", src, B, "shared")
    lib = ["eng-auto", "eng-reactor", "eng-reactor-md5", "eng-reactor-none", "eng-crt", "eng-crt-none", "tm-java",
           "tm-crt"]
    label = {"eng-auto": "engine defaults (AUTO)", "eng-reactor": "engine REACTOR, default integrity",
             "eng-reactor-md5": "engine REACTOR, integrity MD5 (the default before AUTO)",
             "eng-reactor-none": "engine REACTOR, integrity NONE", "eng-crt": "engine CRT, default integrity",
             "eng-crt-none": "engine CRT, integrity NONE", "tm-java": "SDK TransferManager, Java multipart",
             "tm-crt": "SDK TransferManager, CRT"}
    up, down = Case("Upload %d MiB (file to object)" % SIZE_MB, size), Case("Download %d MiB (object to file)" % SIZE_MB, size)
    tiny_up, tiny_down = Case("Tiny cp up (1 KiB) as a whole process"), Case("Tiny cp down (1 KiB) as a whole process")
    startup = {}

    def ceiling(case, direction):
        q = size // 4
        urls = boto_presign(direction)
        procs = []
        t = time.perf_counter()
        for i in range(4):
            rng = "%d-%d" % (i * q, (i + 1) * q - 1 if i < 3 else size - 1)
            if direction == "put":
                procs.append(subprocess.Popen(["curl", "-sf", "-o", "/dev/null", "-T", parts[i], urls[i]]))
            else:
                procs.append(subprocess.Popen(["curl", "-sf", "-r", rng, "-o", dst + ".%d" % i, urls[0]]))
        rcs = [p.wait() for p in procs]
        wall = time.perf_counter() - t
        if any(rcs):
            raise RuntimeError("curl exit codes %s" % rcs)
        if direction == "get":
            got = sum(os.path.getsize(dst + ".%d" % i) for i in range(4))
            for i in range(4):
                os.remove(dst + ".%d" % i)
            if got != size:
                raise RuntimeError("ceiling GET read %d bytes" % got)
        return wall

    parts = []
    if "transfer" in CASES:
        with open(src, "rb") as f:
            for i in range(4):
                p = os.path.join(TMP, "quarter.%d" % i)
                n = size // 4 if i < 3 else size - 3 * (size // 4)
                with open(p, "wb") as g:
                    g.write(f.read(n))
                parts.append(p)
    presigned = {}

    def boto_presign(direction):
        if direction not in presigned:
            keys = ["put:ceiling/%d" % i for i in range(4)] if direction == "put" else ["get:shared"]
            presigned[direction] = presign(B, *keys)
        return presigned[direction]


    def check_size(path):
        if os.path.getsize(path) != size:
            raise RuntimeError("downloaded %d bytes, expected %d" % (os.path.getsize(path), size))
        os.remove(path)

    if "transfer" in CASES:
        warm = os.path.join(TMP, "warm.bin")
        write_data(warm, min(size, 64 * MIB), seed=2)
        log("warm-up (untimed)")
        for c in lib:
            try:
                agent("upload", c, warm, B, "warm/" + c)
                agent("download", c, B, "warm/" + c, dst)
                os.remove(dst)
            except Exception as e:
                log("  warm-up of %s failed: %s" % (c, e))
        if RS3:
            # ./rs3's first upload and first download after a build write its class-data archives (one per kind;
            # untimed, as a user's first runs)
            run([RS3, "cp", warm, "s3://%s/warm/rs3" % B], PEER_ENV)
            run([RS3, "cp", "s3://%s/warm/rs3" % B, dst], PEER_ENV)
        def timed_up(name, kind, fn, prefix="up/"):
            # every upload's object is deleted (untimed) before the next: the run then keeps the download source and
            # at most one upload, which Ceph RGW's memstore (RAM) has room for, instead of an object per contender
            timed(up, name, kind, fn)
            agent("delete", "batch", B, prefix)
        for r in range(ROUNDS):
            log("transfer round %d" % (r + 1))
            for c in lib:
                timed_up(label[c], "warm JVM", lambda: agent("upload", c, src, B, "up/" + c)[0])
                timed(down, label[c], "warm JVM", lambda: (agent("download", c, B, "shared", dst)[0], check_size(dst))[0])
            for integ in [None, "NONE"]:
                name = "engine cp defaults (OneShotCp)" if not integ else "engine cp, integrity NONE (OneShotCp)"
                def one(direction):
                    wall, t = oneshot(direction, src if direction == "up" else dst, B,
                                      "up/oneshot" if direction == "up" else "shared", integ)
                    if direction == "down":
                        check_size(dst)
                    if not integ:
                        startup.setdefault(direction, []).append(t)
                        up_or_down = up if direction == "up" else down
                        up_or_down.add("engine cp defaults: its transfer alone (cold JVM)", "in-process",
                                       t["transfer_ms"] / 1000)
                    return wall
                timed_up(name, "process", lambda: one("up"))
                timed(down, name, "process", lambda: one("down"))
            if RS3:
                timed_up("./rs3 cp (the cli module)", "process",
                         lambda: run([RS3, "cp", src, "s3://%s/up/rs3" % B], PEER_ENV)[0])
                timed(down, "./rs3 cp (the cli module)", "process",
                      lambda: (run([RS3, "cp", "s3://%s/shared" % B, dst], PEER_ENV)[0], check_size(dst))[0])
            def boto_up():
                wall, inner, _ = boto("upload", src, B, "up/boto3")
                up.add("boto3 upload_file", "in-process", inner)
                return wall
            def boto_down():
                wall, inner, _ = boto("download", B, "shared", dst)
                down.add("boto3 download_file", "in-process", inner)
                check_size(dst)
                return wall
            timed_up("boto3 upload_file (process)", "process", boto_up)
            timed(down, "boto3 download_file (process)", "process", boto_down)
            timed_up("aws s3 cp", "process", lambda: aws("s3", "cp", "--quiet", src, "s3://%s/up/aws" % B))
            timed(down, "aws s3 cp", "process",
                  lambda: (aws("s3", "cp", "--quiet", "s3://%s/shared" % B, dst), check_size(dst))[0])
            timed_up("rclone copyto", "process", lambda: rclone("copyto", src, "bench:%s/up/rclone" % B))
            timed(down, "rclone copyto", "process",
                  lambda: (rclone("copyto", "bench:%s/shared" % B, dst), check_size(dst))[0])
            timed_up("ceiling: 4 x curl, presigned", "process", lambda: ceiling(up, "put"), "ceiling/")
            timed(down, "ceiling: 4 x curl, presigned", "process", lambda: ceiling(down, "get"))
        ceil_up = med(up.samples.get("ceiling: 4 x curl, presigned", []))
        ceil_down = med(down.samples.get("ceiling: 4 x curl, presigned", []))
        peers = ["boto3", "aws", "rclone"]
        out += table(up, peers, ceil_up if ceil_up == ceil_up else None, size)
        out += table(down, peers, ceil_down if ceil_down == ceil_down else None, size)
        for case, ceil in [(up, ceil_up), (down, ceil_down)]:
            for n in ["engine defaults (AUTO)", "engine cp defaults (OneShotCp)", "./rs3 cp (the cli module)"]:
                best = min((p for p in case.samples if p.split()[0] in ("boto3", "aws", "rclone")
                            and (case.kind[n] != "process" or case.kind[p] == "process")),
                           key=lambda p: med(case.samples[p]), default=None)
                if n in case.samples and best:
                    m = med(case.samples[n])
                    summary.append("- %s, %s, %s: %.2f s, %.2fx the best peer (%s %.2f s), %.0f %% of the ceiling "
                                   "(%.2f s) -> %s" % (target, case.title, n, m, med(case.samples[best]) / m, best,
                                                       med(case.samples[best]), 100 * ceil / m, ceil,
                                                       "met" if med(case.samples[best]) / m >= 1.0 and ceil / m >= 0.8
                                                       else "missed"))
        os.remove(warm)
    if "tiny" in CASES:
        for r in range(ROUNDS):
            log("tiny round %d" % (r + 1))
            def one(direction):
                wall, t = oneshot(direction, tiny if direction == "up" else dst, B, "tiny/oneshot" if direction == "up"
                                  else "tiny/src")
                startup.setdefault("tiny " + direction, []).append(t)
                return wall
            if r == 0:
                aws("s3", "cp", "--quiet", tiny, "s3://%s/tiny/src" % B)
                # class-data sharing: an archive of the classes one tiny upload loads (made once, untimed)
                oneshot("up", tiny, B, "tiny/cds", jvm=["-XX:ArchiveClassesAtExit=" + jsa])
                if RS3:
                    # ./rs3's first upload and download after a build write its class-data archives (untimed)
                    run([RS3, "cp", tiny, "s3://%s/tiny/rs3-first" % B], PEER_ENV)
                    run([RS3, "cp", "s3://%s/tiny/src" % B, dst], PEER_ENV)
            def cds(direction, extra=()):
                jvm = ["-XX:SharedArchiveFile=" + jsa, "-Xshare:auto"] + list(extra)
                return oneshot(direction, tiny if direction == "up" else dst, B,
                               "tiny/oneshot" if direction == "up" else "tiny/src", jvm=jvm)[0]
            # the floor under building a client: the SDK's own S3AsyncClient in the same kind of fresh JVM
            startup.setdefault("raw SDK S3AsyncClient (RawSdkBuild)", []).append(rawbuild())
            timed(tiny_up, "engine cp defaults (OneShotCp)", "process", lambda: one("up"))
            timed(tiny_down, "engine cp defaults (OneShotCp)", "process", lambda: one("down"))
            timed(tiny_up, "engine cp + AppCDS archive", "process", lambda: cds("up"))
            timed(tiny_down, "engine cp + AppCDS archive", "process", lambda: cds("down"))
            timed(tiny_up, "engine cp + AppCDS + -XX:TieredStopAtLevel=1", "process",
                  lambda: cds("up", ["-XX:TieredStopAtLevel=1"]))
            timed(tiny_down, "engine cp + AppCDS + -XX:TieredStopAtLevel=1", "process",
                  lambda: cds("down", ["-XX:TieredStopAtLevel=1"]))
            if RS3:
                timed(tiny_up, "./rs3 cp (the cli module)", "process",
                      lambda: run([RS3, "cp", tiny, "s3://%s/tiny/rs3" % B], PEER_ENV)[0])
                timed(tiny_down, "./rs3 cp (the cli module)", "process",
                      lambda: run([RS3, "cp", "s3://%s/tiny/src" % B, dst], PEER_ENV)[0])
            timed(tiny_up, "aws s3 cp", "process", lambda: aws("s3", "cp", "--quiet", tiny, "s3://%s/tiny/aws" % B))
            timed(tiny_down, "aws s3 cp", "process", lambda: aws("s3", "cp", "--quiet", "s3://%s/tiny/src" % B, dst))
            timed(tiny_up, "rclone copyto", "process", lambda: rclone("copyto", tiny, "bench:%s/tiny/rclone" % B))
            timed(tiny_down, "rclone copyto", "process", lambda: rclone("copyto", "bench:%s/tiny/src" % B, dst))
            timed(tiny_up, "boto3 upload_file (process)", "process", lambda: boto("upload", tiny, B, "tiny/boto3")[0])
            timed(tiny_down, "boto3 download_file (process)", "process",
                  lambda: boto("download", B, "tiny/src", dst)[0])
        out += table(tiny_up, ["aws"])
        out += table(tiny_down, ["aws"])
        for case in (tiny_up, tiny_down):
            a = "aws s3 cp"
            # the command (./rs3 cp) is what the target is about; the library alone in a plain JVM for comparison
            for n, who in [("./rs3 cp (the cli module)", "./rs3 cp"), ("engine cp defaults (OneShotCp)", "engine")]:
                if n in case.samples and a in case.samples:
                    ratio = med(case.samples[n]) / med(case.samples[a])
                    summary.append("- %s, %s: %s %.2f s vs aws s3 cp %.2f s = %.2fx its time (target <= 1.2x) -> %s"
                                   % (target, case.title, who, med(case.samples[n]), med(case.samples[a]), ratio,
                                      "met" if ratio <= 1.2 else "missed"))
    if startup:
        out += ["", "**Start-up and shutdown of the one-shot process** (milliseconds, medians over its runs; "
                "`jvm` = JVM start to `main`; `transfer` = the first transfer in a fresh JVM)", "",
                "| run | runs | jvm | build client | build engine | transfer | close engine | close client | classes loaded: built, after the transfer, at exit |",
                "|---|---|---|---|---|---|---|---|---|"]
        for k, ts in startup.items():
            out.append("| %s | %d | %s | %s |" % (k, len(ts), " | ".join(
                "%.0f" % med([t[f] for t in ts]) if f in ts[0] else "-"
                for f in ["jvm_ms", "build_client_ms", "build_engine_ms", "transfer_ms", "close_engine_ms",
                          "close_client_ms"]),
                ", ".join("%.0f" % med([t[f] for t in ts]) if f in ts[0] else "-"
                          for f in ["classes_built", "classes_after_first", "classes"])))
        for d in ("up", "down"):
            c = up if d == "up" else down
            cold = c.samples.get("engine cp defaults: its transfer alone (cold JVM)")
            warmx = c.samples.get("engine defaults (AUTO)")
            if cold and warmx:
                out.append("")
                out.append("- %s: first transfer in a fresh JVM %.2f s vs warm %.2f s = %.2fx" % (
                    d, med(cold), med(warmx), med(cold) / med(warmx)))
                summary.append("- %s, cold first %s transfer %.2f s vs warm %.2f s = %.2fx (target: close to 1)" % (
                    target, d, med(cold), med(warmx), med(cold) / med(warmx)))
        tu = startup.get("tiny up") or startup.get("up")
        if tu:
            b = med([t["build_client_ms"] + t["build_engine_ms"] for t in tu])
            c = med([t["close_engine_ms"] + t["close_client_ms"] for t in tu])
            raw = startup.get("raw SDK S3AsyncClient (RawSdkBuild)")
            floor = (" (the SDK's own S3AsyncClient in the same kind of fresh JVM: built in %.0f ms, closed in %.0f ms)"
                     % (med([t["build_client_ms"] for t in raw]), med([t["close_client_ms"] for t in raw]))
                     if raw else "")
            summary.append("- %s, building client+engine %.0f ms, closing them %.0f ms (target: milliseconds) -> %s%s"
                           % (target, b, c, "met" if b < 100 and c < 100 else "missed", floor))
    for p in parts:
        os.remove(p)
    os.remove(src)
    return out


def case_crc_download(target, agent, boto, aws, rclone, summary):
    """A download of an object whose store keeps a CRC32 (uploaded by the engine's AUTO: a composite CRC32 on
    S3Proxy; Ceph RGW keeps none), which the engine's default then checks instead of MD5, against the same download
    with MD5 and with no check, and the peers (which check nothing on a multipart object)."""
    size = SIZE_MB * MIB
    src = os.path.join(TMP, "crc-source.bin")
    dst = os.path.join(TMP, "crc-download.bin")
    write_data(src, size, seed=5)
    B = "bench-xfer"
    agent("upload", "eng-auto", src, B, "shared-crc")
    os.remove(src)
    down = Case("Download %d MiB of an object with a stored CRC32 (uploaded by the engine, AUTO)" % SIZE_MB, size)
    lib = [("eng-auto", "engine defaults (AUTO: the stored CRC32 where kept, else MD5)"),
           ("eng-reactor-md5", "engine REACTOR, integrity MD5"),
           ("eng-reactor-none", "engine REACTOR, integrity NONE")]
    verified = {}

    def lib_down(c, name):
        seconds, detail = agent("download", c, B, "shared-crc", dst)
        verified.setdefault(name, set()).add(detail)
        check(dst)
        return seconds

    def check(path):
        if os.path.getsize(path) != size:
            raise RuntimeError("downloaded %d bytes, expected %d" % (os.path.getsize(path), size))
        os.remove(path)

    log("crc download warm-up (untimed)")
    for c, _ in lib:
        agent("download", c, B, "shared-crc", dst)
        os.remove(dst)
    for r in range(ROUNDS):
        log("crc download round %d" % (r + 1))
        for c, name in lib:
            timed(down, name, "warm JVM", lambda: lib_down(c, name))
        if RS3:
            timed(down, "./rs3 cp (the cli module)", "process",
                  lambda: (run([RS3, "cp", "s3://%s/shared-crc" % B, dst], PEER_ENV)[0], check(dst))[0])

        def boto_down():
            wall, inner, _ = boto("download", B, "shared-crc", dst)
            down.add("boto3 download_file", "in-process", inner)
            check(dst)
            return wall
        timed(down, "boto3 download_file (process)", "process", boto_down)
        timed(down, "aws s3 cp", "process",
              lambda: (aws("s3", "cp", "--quiet", "s3://%s/shared-crc" % B, dst), check(dst))[0])
        timed(down, "rclone copyto", "process",
              lambda: (rclone("copyto", "bench:%s/shared-crc" % B, dst), check(dst))[0])
    out = table(down, ["boto3", "aws", "rclone"], None, size)
    out += ["", "Content checked by the engine (its answer per run): " + "; ".join(
        "%s: %s" % (n, ", ".join(sorted(v))) for n, v in verified.items()), ""]
    auto = "engine defaults (AUTO: the stored CRC32 where kept, else MD5)"
    best = min((n for n in down.samples if n.split()[0] in ("boto3", "aws", "rclone")),
               key=lambda n: med(down.samples[n]), default=None)
    if auto in down.samples and best:
        m = med(down.samples[auto])
        summary.append("- %s, %s, engine defaults (warm): %.2f s, %.2fx the best peer (%s %.2f s)" % (
            target, down.title, m, med(down.samples[best]) / m, best, med(down.samples[best])))
    return out


def case_list(agent, boto, summary, target):
    log("seeding %d keys for listing" % KEYS)
    t, _ = agent("seed", "bench-list", "k/", KEYS, 0)
    log("  seeded in %.1f s" % t)
    case = Case("List %d keys" % KEYS)

    def lib(how):
        def f():
            s, d = agent("list", how, "bench-list")
            if int(d) != KEYS:
                raise RuntimeError("listed %s keys" % d)
            return s
        return f

    agent("list", "resource", "bench-list")
    agent("list", "client", "bench-list")
    agent("list", "sdk", "bench-list")
    agent("list", "sdk-url", "bench-list")
    for r in range(ROUNDS):
        log("list round %d" % (r + 1))
        timed(case, "resource collection (bucket.objects().all())", "warm JVM", lib("resource"))
        timed(case, "client paginator (listObjects)", "warm JVM", lib("client"))
        timed(case, "raw SDK paginator (listObjectsV2Paginator)", "warm JVM", lib("sdk"))
        # the client asks for URL-encoded keys (XML cannot carry every key): the raw paginator with that request too
        timed(case, "raw SDK paginator, encoding-type=url (the client's request)", "warm JVM", lib("sdk-url"))

        def b():
            wall, inner, d = boto("list", "bench-list")
            if int(d) != KEYS:
                raise RuntimeError("boto3 listed %s keys" % d)
            case.add("boto3 bucket.objects.all() (process)", "process", wall)
            return inner
        timed(case, "boto3 bucket.objects.all()", "in-process", b)
    out = table(case, ["raw SDK"])
    sdk = med(case.samples.get("raw SDK paginator (listObjectsV2Paginator)", []))
    url = med(case.samples.get("raw SDK paginator, encoding-type=url (the client's request)", []))
    bo = med(case.samples.get("boto3 bucket.objects.all()", []))
    for n in ["resource collection (bucket.objects().all())", "client paginator (listObjects)"]:
        m = med(case.samples.get(n, []))
        summary.append("- %s, list %d keys, %s: %.2f s = %.3fx the raw SDK paginator's time (%.2f s; %.3fx the same "
                       "paginator with the client's encoding-type=url, %.2f s), boto3 %.2f s -> %s" % (
                           target, KEYS, n, m, m / sdk, sdk, m / url, url, bo,
                           "met" if m / sdk <= 1.05 and m < bo else "missed"))
    return out


def case_delete(agent, boto, aws, summary, target):
    case = Case("Delete %d keys (a bucket's every key)" % DEL_KEYS)
    # the warm-JVM contender's untimed warm-up (its first delete otherwise pays class loading and JIT in round 1)
    agent("seed", "bench-del", "w/", max(1000, DEL_KEYS // 10), 0)
    agent("delete", "batch", "bench-del")
    for r in range(ROUNDS):
        log("delete round %d" % (r + 1))

        def seeded(fn):
            def f():
                agent("seed", "bench-del", "d/", DEL_KEYS, 0)
                return fn()
            return f

        def batch():
            s, d = agent("delete", "batch", "bench-del")
            if int(d.split()[0]) != DEL_KEYS:
                raise RuntimeError("deleted %s" % d)
            return s

        def b():
            wall, inner, d = boto("delete", "bench-del")
            if int(d) != DEL_KEYS:
                raise RuntimeError("boto3 deleted %s keys" % d)
            case.add("boto3 bucket.objects.all().delete() (process)", "process", wall)
            return inner
        timed(case, "engine batch delete (deletePrefix)", "warm JVM", seeded(batch))
        timed(case, "boto3 bucket.objects.all().delete()", "in-process", seeded(b))
        timed(case, "aws s3 rm --recursive", "process", seeded(lambda: aws("s3", "rm", "--quiet", "--recursive",
                                                                            "s3://bench-del")))
    out = table(case, ["boto3", "aws"])
    e = med(case.samples.get("engine batch delete (deletePrefix)", []))
    bo = med(case.samples.get("boto3 bucket.objects.all().delete()", []))
    summary.append("- %s, delete %d keys: batch %.2f s vs boto3 %.2f s = %.1fx faster (target >= 5x) -> %s" % (
        target, DEL_KEYS, e, bo, bo / e, "met" if bo / e >= 5 else "missed"))
    return out


def case_copy(agent, aws, rclone, rawcopy, summary, target):
    """Bucket to bucket, server-side, COPY_OBJECTS objects of mixed size: 90 % of 16 KiB, 9 % of 1 MiB and 1 % of
    17 MiB (above the 16 MiB multipart threshold of rs3 and aws, and rclone's default cutoff is 4.6 GiB: one CopyObject
    there). Each contender copies into its own bucket, emptied (untimed, batch delete) after every run. Also measured,
    as a reference and not a peer: the raw SDK client doing nothing but one CopyObject per listed object in a fresh
    JVM (RawSdkCopy), the floor of any copy command on the Java SDK; and every contender's CPU time (the process and
    its children, user + system), since on 2 cores the client's CPU is taken from the store's."""
    big = max(1, COPY_OBJECTS // 100)
    mid = max(1, COPY_OBJECTS * 9 // 100)
    small = COPY_OBJECTS - big - mid
    src = "bench-copy-src"
    log("seeding %d + %d + %d objects to copy" % (small, mid, big))
    agent("seed", src, "a/", small, 16 * 1024)
    agent("seed", src, "b/", mid, MIB)
    agent("seed", src, "c/", big, 17 * MIB)
    total_mb = (small * 16 * 1024 + mid * MIB + big * 17 * MIB) / MIB
    case = Case("Copy %d objects bucket to bucket (mixed sizes, %.0f MiB)" % (COPY_OBJECTS, total_mb))

    cpu = {}

    def copied(name, bucket, fn):
        def f():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = fn()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            _, n = agent("list", "client", bucket)
            agent("delete", "batch", bucket)
            if int(n) != COPY_OBJECTS:
                raise RuntimeError("%s copied %s objects" % (name, n))
            cpu.setdefault(name, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            return wall
        return f
    contenders = []
    if RS3:
        contenders.append(("./rs3 cp -r s3://src s3://dst (the cli module)", "bench-copy-rs3",
                           lambda: run([RS3, "cp", "-r", "-q", "s3://%s" % src, "s3://bench-copy-rs3"], PEER_ENV)[0]))
    contenders.append(("aws s3 cp --recursive", "bench-copy-aws",
                       lambda: aws("s3", "cp", "--only-show-errors", "--recursive", "s3://%s" % src,
                                   "s3://bench-copy-aws")))
    contenders.append(("rclone copy", "bench-copy-rclone",
                       lambda: rclone("copy", "bench:%s" % src, "bench:bench-copy-rclone")))
    contenders.append(("reference: raw SDK, one CopyObject per object, 8 at a time (RawSdkCopy)", "bench-copy-sdk",
                       lambda: rawcopy(src, "bench-copy-sdk", 8)))
    for _, bucket, _ in contenders:
        aws("s3", "mb", "s3://" + bucket)
    for r in range(ROUNDS):
        log("copy round %d" % (r + 1))
        for name, bucket, fn in contenders:
            timed(case, name, "process", copied(name, bucket, fn))
    out = table(case, ["aws", "rclone"])
    out += ["", "CPU time of each process (user + system, median of the runs): " + ", ".join(
        "%s %.2f s" % (name, med(v)) for name, v in cpu.items()) + "."]
    if RS3:
        n = "./rs3 cp -r s3://src s3://dst (the cli module)"
        peers = [med(case.samples[p]) for p in ("aws s3 cp --recursive", "rclone copy") if p in case.samples]
        if n in case.samples and peers:
            m, best = med(case.samples[n]), min(peers)
            summary.append("- %s, copy %d objects bucket to bucket: rs3 %.2f s vs best peer %.2f s = %.2fx (target "
                           ">= 1.0) -> %s" % (target, COPY_OBJECTS, m, best, best / m, "met" if best / m >= 1.0
                                              else "missed"))
    return out


def case_small(agent, summary, target):
    put, get = Case("%d x 4 KiB PUT at concurrency 64" % SMALL), Case("%d x 4 KiB GET at concurrency 64" % SMALL)
    # the JIT keeps compiling both paths for several thousand requests: warm both up at full size (untimed), then
    # alternate which goes first in a round (A B, B A, ...), as each gets faster from one run to the next
    for _ in range(2):
        agent("small", "sdk", "bench-small", "s/", SMALL, 4096, 64)
        agent("small", "toolkit", "bench-small", "s/", SMALL, 4096, 64)
    contenders = [("toolkit", "toolkit (ReactiveS3Client)"), ("sdk", "raw S3AsyncClient (same client)")]
    for r in range(ROUNDS):
        log("small round %d" % (r + 1))
        for how, name in (contenders if r % 2 == 0 else contenders[::-1]):
            try:
                _, d = agent("small", how, "bench-small", "s/", SMALL, 4096, 64)
                kv = dict(x.split("=") for x in d.split())
                put.add(name, "warm JVM", float(kv["put"]))
                get.add(name, "warm JVM", float(kv["get"]))
                log("  %-40s put %.2f s get %.2f s" % (name, float(kv["put"]), float(kv["get"])))
            except Exception as e:
                put.failed(name, "warm JVM", str(e))
                get.failed(name, "warm JVM", str(e))
    out = table(put, ["raw"]) + table(get, ["raw"])
    for c in (put, get):
        t, s = med(c.samples.get("toolkit (ReactiveS3Client)", [])), med(c.samples.get("raw S3AsyncClient (same client)", []))
        summary.append("- %s, %s: toolkit %.2f s vs raw %.2f s = %.3fx its time (target <= 1.05x) -> %s" % (
            target, c.title, t, s, t / s, "met" if t / s <= 1.05 else "missed"))
    return out


def case_memory(agent, ep, region, ak, sk, profile, target, summary):
    big = os.path.join(TMP, "stream.bin")
    write_data(big, STREAM_MB * MIB, seed=3)
    agent("upload", "eng-auto", big, "bench-mem", "big")
    os.remove(big)
    rows = {}
    for r in range(ROUNDS):
        log("memory round %d" % (r + 1))
        for who in ["engine", "sdk"]:
            gc = os.path.join(TMP, "gc-%s-%s-%d.log" % (target, who, r))
            try:
                _, o, _ = run([JAVA, "-Xmx128m", "-Xlog:gc:file=" + gc, "-cp", CP,
                               "io.reactives3.benchmarks.StreamMemory", who, ep, region, ak, sk, profile, "bench-mem",
                               "big", str(SLOW)], timeout=3600)
                line = [l for l in o.splitlines() if l.startswith("RESULT")][-1]
                kv = dict(p.split("=", 1) for p in line.split()[1:])
                after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(", open(gc).read())]
                kv["post_gc_max_MiB"] = str(max(after)) if after else "no GC"
                log("  %s %s" % (who, kv))
            except Exception as e:
                kv = {"outcome": str(e)[:120]}
                log("  %s failed %s" % (who, e))
            rows.setdefault(who, []).append(kv)
    out = ["", "**Memory: a %d MiB object streamed through a consumer taking %g MiB/s, `-Xmx128m`** (one JVM per "
           "run; peak heap = largest heap in use sampled every 10 ms, garbage included; after young GC = the largest heap "
           "left after a young or mixed collection, from `-Xlog:gc`: old-generation garbage stays in it until a "
           "mixed collection, so it is an upper bound of the live set; RSS = VmHWM)" % (STREAM_MB, SLOW), "",
           "| contender | runs ok | seconds (median) | peak heap MiB (median, max) | after young GC, max MiB per run | RSS high-water MiB (median, max) | outcomes |",
           "|---|---|---|---|---|---|---|"]
    for who, kvs in rows.items():
        ok = [k for k in kvs if k.get("outcome") == "ok" and int(k.get("bytes", 0)) == STREAM_MB * MIB]
        ph = [float(k["peak_heap_MiB"]) for k in ok]
        rss = [float(k["rss_hwm_MiB"]) for k in ok]
        gcs = [k["post_gc_max_MiB"] for k in ok]
        out.append("| %s | %d/%d | %.1f | %.1f, %.1f | %s | %.0f, %.0f | %s |" % (
            "engine downloadStream (defaults)" if who == "engine" else "raw S3AsyncClient toPublisher()",
            len(ok), len(kvs), med([float(k["seconds"]) for k in ok]), med(ph), max(ph, default=float("nan")),
            ", ".join(gcs), med(rss), max(rss, default=float("nan")),
            "; ".join(sorted({k.get("outcome", "?") for k in kvs}))))
        if who == "engine":
            summary.append("- %s, %d MiB stream at -Xmx128m: engine completed %d/%d, peak heap %.1f MiB (max), "
                           "RSS %.0f MiB -> %s" % (target, STREAM_MB, len(ok), len(kvs), max(ph, default=float("nan")),
                                                   max(rss, default=float("nan")),
                                                   "met" if ok and len(ok) == len(kvs) and max(ph) < 128 else "missed"))
    return out


def jfr_events(rec, types):
    jfr = os.path.join(os.path.dirname(os.path.realpath(JAVA)), "jfr")
    p = subprocess.run([jfr, "print", "--json", "--stack-depth", "300", "--events", types, rec],
                       capture_output=True, text=True)
    return json.loads(p.stdout)["recording"]["events"]


def case_profile(agent, target):
    """Where a warm upload's and download's CPU goes: JFR started in the warm JVM around 3 transfers each of the
    engine's defaults."""
    size = min(SIZE_MB, 256) * MIB
    src = os.path.join(TMP, "profile.bin")
    dst = os.path.join(TMP, "profile-down.bin")
    write_data(src, size, seed=5)
    agent("upload", "eng-auto", src, "bench-xfer", "profile/warm")
    out = []
    for direction in ("upload", "download"):
        rec = os.path.join(TMP, "agent-%s-%s.jfr" % (target, direction))
        run(["jcmd", str(agent.p.pid), "JFR.start", "name=bench", "settings=profile", "filename=" + rec])
        t = 0.0
        for _ in range(3):
            if direction == "upload":
                t += agent("upload", "eng-auto", src, "bench-xfer", "profile/up")[0]
            else:
                t += agent("download", "eng-auto", "bench-xfer", "profile/warm", dst)[0]
                os.remove(dst)
        run(["jcmd", str(agent.p.pid), "JFR.stop", "name=bench"])
        events = jfr_events(rec, "jdk.ExecutionSample")
        by_thread, inner, lib = {}, {}, {}
        for ev in events:
            th = re.sub(r"\d+", "N", (ev["values"].get("sampledThread") or {}).get("javaName") or "?")
            by_thread[th] = by_thread.get(th, 0) + 1
            fr = (ev["values"].get("stackTrace") or {}).get("frames") or []
            names = ["%s.%s" % (f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in fr]
            if names:
                inner[names[0]] = inner.get(names[0], 0) + 1
                nj = next((n for n in names if not n.startswith(("java.", "jdk.", "sun.", "javax."))), "(JDK only)")
                lib[nj] = lib.get(nj, 0) + 1
        n = len(events)
        out += ["", "**JFR in the warm JVM: 3 x %s of %d MiB with the engine's defaults** (%.1f s in all, %d execution "
                "samples on Java threads)" % (direction, size // MIB, t, n), "",
                "| thread | samples | % |", "|---|---|---|"]
        for k, v in sorted(by_thread.items(), key=lambda kv: -kv[1])[:8]:
            out.append("| %s | %d | %.0f %% |" % (k, v, 100.0 * v / max(n, 1)))
        out += ["", "| innermost frame | samples | % |", "|---|---|---|"]
        for k, v in sorted(inner.items(), key=lambda kv: -kv[1])[:12]:
            out.append("| %s | %d | %.0f %% |" % (k, v, 100.0 * v / max(n, 1)))
        out += ["", "| innermost non-JDK frame | samples | % |", "|---|---|---|"]
        for k, v in sorted(lib.items(), key=lambda kv: -kv[1])[:12]:
            out.append("| %s | %d | %.0f %% |" % (k, v, 100.0 * v / max(n, 1)))
    os.remove(src)
    return out


def case_jfr(ep, region, ak, sk, profile, target, env):
    """One tiny whole-process upload under JFR: where the main thread spends start-up and close."""
    tiny = os.path.join(TMP, "tiny-jfr.bin")
    with open(tiny, "wb") as f:
        f.write(os.urandom(1024))
    rec = os.path.join(TMP, "oneshot-%s.jfr" % target)
    run([JAVA, "-XX:StartFlightRecording=filename=%s,settings=profile" % rec,
         "-XX:FlightRecorderOptions=stackdepth=300", "-cp", CP,
         "io.reactives3.benchmarks.OneShotCp", "up", ep, region, ak, sk, profile, tiny, "bench-xfer", "tiny/jfr"], env)
    jfr = os.path.join(os.path.dirname(os.path.realpath(JAVA)), "jfr")
    p = subprocess.run([jfr, "print", "--json", "--stack-depth", "300", "--events",
                        "jdk.ExecutionSample,jdk.ThreadPark,jdk.JavaMonitorWait,jdk.ThreadSleep", rec],
                       capture_output=True, text=True)
    try:
        events = json.loads(p.stdout)["recording"]["events"]
    except Exception as e:
        return ["", "JFR: could not read the recording (%s)" % e]

    jdk = ("java.", "jdk.", "sun.", "javax.")

    def frames(ev, n, skip_jdk=False):
        st = ev["values"].get("stackTrace") or {}
        out = []
        for fr in (st.get("frames") or []):
            m = fr["method"]
            cls = m["type"]["name"].replace("/", ".")
            if skip_jdk and cls.startswith(jdk):
                continue
            out.append("%s.%s" % (cls.split(".")[-1] if not skip_jdk else cls, m["name"]))
            if len(out) == n:
                break
        return out

    def dur(ev):
        d = ev["values"].get("duration", "PT0S")
        m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d)
        return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0

    hot, by_thread, kinds, total = {}, {}, {}, 0
    for ev in events:
        if ev["type"] == "jdk.ExecutionSample":
            total += 1
            th = (ev["values"].get("sampledThread") or {}).get("javaName") or "?"
            th = re.sub(r"\d+", "N", th)
            by_thread[th] = by_thread.get(th, 0) + 1
            top = frames(ev, 1, skip_jdk=True)
            key = top[0] if top else "(JDK only: " + (frames(ev, 1) or ["?"])[0] + ")"
            hot[key] = hot.get(key, 0) + 1
            allf = frames(ev, 300)
            what = ("class loading and linking" if any(f.endswith(("defineClass", "loadClass", "findClass",
                                                                     "defineClass1", "forName0")) for f in allf)
                    else "lambda and method-handle spinning" if any("LambdaMetafactory" in f or "Invokers" in f
                                                                     or "MethodHandleNatives" in f for f in allf)
                    else "other")
            kinds[what] = kinds.get(what, 0) + 1
    waits = [(dur(ev), ev["type"].split(".")[-1], (ev["values"].get("eventThread") or {}).get("javaName", "?"),
              frames(ev, 4, skip_jdk=True)) for ev in events if ev["type"] != "jdk.ExecutionSample"]
    waits = [w for w in waits if w[0] >= 0.05 and w[2] == "main"]
    waits.sort(key=lambda w: -w[0])
    out = ["", "**JFR of one tiny whole-process upload** (`-XX:StartFlightRecording=settings=profile`, %d execution "
           "samples): the main thread's waits of 50 ms or more, then where the CPU samples fall: by thread, and by "
           "innermost non-JDK frame" % total, "",
           "| main thread wait | s | innermost non-JDK frames |", "|---|---|---|"]
    for d, t, th, fr in waits[:12]:
        out.append("| %s | %.3f | %s |" % (t, d, " < ".join(fr)))
    out += ["", "| thread | samples |", "|---|---|"]
    for th, n in sorted(by_thread.items(), key=lambda kv: -kv[1])[:10]:
        out.append("| %s | %d |" % (th, n))
    out += ["", "| what the sampled stack is doing | samples |", "|---|---|"]
    for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        out.append("| %s | %d |" % (k, n))
    out += ["", "| innermost non-JDK frame | samples |", "|---|---|"]
    for fr, n in sorted(hot.items(), key=lambda kv: -kv[1])[:15]:
        out.append("| %s | %d |" % (fr, n))
    try:
        cl = os.path.join(TMP, "classload-%s.log" % target)
        _, _, err = run([JAVA, "-Xlog:class+load=info:file=%s" % cl, "-cp", CP, "io.reactives3.benchmarks.OneShotCp",
                         "up", ep, region, ak, sk, profile, tiny, "bench-xfer", "tiny/jfr"], env)
        t = dict((k, float(v)) for k, v in (p.split("=") for p in [l for l in err.splitlines()
                                                                    if l.startswith("TIMING")][-1].split()[1:]))
        names = [m.group(1) for m in re.finditer(r"\] (\S+) source:", open(cl).read())]
        built, first = int(t["classes_built"]), int(t["classes_after_first"])
        groups = {}
        for n in names[built:first]:
            parts = n.split(".")
            g = ".".join(parts[:4] if parts[0] in ("software", "io") else parts[:2])
            groups[g] = groups.get(g, 0) + 1
        out += ["", "Classes loaded by the first transfer (a tiny upload, `-Xlog:class+load`; %d while building, "
                "%d more during the first transfer, by package):" % (built, first - built), "",
                "| package | classes |", "|---|---|"]
        for g, n in sorted(groups.items(), key=lambda kv: -kv[1])[:15]:
            out.append("| %s | %d |" % (g, n))
    except Exception as e:
        out += ["", "class-load run failed: %s" % e]
    try:
        _, _, err = run([JAVA, "-Dbench.second=true", "-cp", CP, "io.reactives3.benchmarks.OneShotCp", "up", ep,
                         region, ak, sk, profile, tiny, "bench-xfer", "tiny/jfr"], env)
        out += ["", "The same tiny upload with a second transfer in the same process: `%s`" %
                [l for l in err.splitlines() if l.startswith("TIMING")][-1]]
    except Exception as e:
        out += ["", "second-transfer run failed: %s" % e]
    return out


if __name__ == "__main__":
    main()
