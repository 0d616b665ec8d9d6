#!/usr/bin/env python3
"""nfvflow benchmark harness: figures side by side, measured in one run on one machine.

Starts the nfvflow jar (fresh data directory) against the Kubernetes sandbox and measures:

  B7 cold start   process start -> the API answers (GET /v1.0/vims = 200)
  B3 memory       resident memory (RSS) idle, and with N managed CNFs; MB per VNF
  B1 overhead     per operation (instantiate to ACTIVE, scale out, delete to gone) of Tacker's
                  containerized sample through nfvflow, beside the same objects with
                  `kubectl apply` + `kubectl rollout status` (and `kubectl scale`, `kubectl delete
                  --wait`) on the same sandbox; p50 / p99 over --runs runs, and the difference
  B2 throughput   --batch CNFs submitted at once -> VNF/s until all ACTIVE, beside the same
                  batch on an engine-only VIM (the same models, delegates that do no VIM work)
  B6 recovery     --crash CNFs submitted, nfvflow killed with kill -9, restarted: time until all
                  ACTIVE, duplicate or missing Kubernetes objects counted
  OpenStack       (--openstack N) a VM VNF's time to ACTIVE and to deleted beside Heat's own

Every figure is a pair or a ratio measured in the same run: the machines are shared and noisy.
It prints a table and, with --write, writes it into docs/performance.md with the machine it ran
on. Nothing here asserts a time. Only loopback addresses are used.

When a step fails, the data directory (with nfvflow's log) is kept and the Kubernetes objects of
the VNFs this run created are deleted.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "engine/src/test/resources/it/tosca-vnfd-containerized.yaml"
LABEL = "nfvflow.io/vnf-id"
# the bench's nfvflow runs with this admin password (API authentication, issue 11)
ADMIN_PASSWORD = os.environ.get("NFVFLOW_ADMIN_PASSWORD", "bench-admin-password")


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


class Api:
    """nfvflow's API as the admin, with a token as the tacker CLI uses one (HTTP basic costs a
    password check per request: it would be measured as nfvflow's time)."""

    def __init__(self, base):
        self.base = base
        self.token = None

    def login(self):
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"name": "Default"}, "password": ADMIN_PASSWORD}}}}}
        req = urllib.request.Request(self.base + "/identity/v3/auth/tokens",
                                     data=json.dumps(body).encode(), method="POST")
        req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=30) as r:
            self.token = r.headers["X-Subject-Token"]

    def call(self, method, path, body=None, ok=(200, 201, 202, 204, 404)):
        if self.token is None:
            self.login()
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        req.add_header("X-Auth-Token", self.token)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        if status not in ok:
            raise RuntimeError(f"{method} {path}: {status} {raw[:300]!r}")
        return status, (json.loads(raw) if raw else {})

    def status(self, vnf_id):
        code, body = self.call("GET", f"/v1.0/vnfs/{vnf_id}")
        return "GONE" if code == 404 else body["vnf"]["status"]


def wait(predicate, timeout, poll=0.02, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise RuntimeError(f"timed out after {timeout} s waiting for {what}")


class Kubectl:
    def __init__(self, kubeconfig):
        self.kubeconfig = kubeconfig

    def run(self, *args, stdin=None):
        cmd = ["kubectl", "--kubeconfig", self.kubeconfig, "--request-timeout=60s", *args]
        p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(args)}: {p.stderr.strip()}")
        return p.stdout


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def pct(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal:"):
            mem = int(line.split()[1]) // 1024 // 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": mem,
        "kernel": platform.release(),
        "java": java[0] if java else "unknown",
    }


def manifests_of(kubectl, vnf_id, suffix):
    """The objects nfvflow made for a VNF, as plain manifests with new names (for kubectl)."""
    out = kubectl.run("get", "configmap,deployment,service,hpa", "--all-namespaces",
                      "-l", f"{LABEL}={vnf_id}", "-o", "json")
    items = []
    for item in json.loads(out)["items"]:
        meta = item["metadata"]
        name = f"bench-kubectl-{suffix}-{meta['name'][-12:]}"[:63]
        clean = {
            "apiVersion": item["apiVersion"],
            "kind": item["kind"],
            "metadata": {"name": name, "namespace": meta["namespace"],
                         "labels": {"bench": "kubectl", "bench-run": suffix}},
            "spec": item.get("spec"),
        }
        if item["kind"] == "ConfigMap":
            clean.pop("spec")
            clean["data"] = item.get("data", {})
        items.append((item["kind"], meta["name"], clean))
    # re-point references to the renamed objects
    renames = {old: c["metadata"]["name"] for _, old, c in items}
    text = json.dumps({"apiVersion": "v1", "kind": "List", "items": [c for _, _, c in items]})
    for old, new in renames.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    doc = json.loads(text)
    for c in doc["items"]:
        spec = c.get("spec") or {}
        if c["kind"] == "Service":
            for k in ("clusterIP", "clusterIPs"):
                spec.pop(k, None)
            spec["selector"] = {"bench-run": suffix}
        if c["kind"] == "Deployment":
            spec["selector"] = {"matchLabels": {"bench-run": suffix}}
            spec["template"]["metadata"]["labels"] = {"bench-run": suffix, "bench": "kubectl"}
    deployment = next(c["metadata"]["name"] for c in doc["items"] if c["kind"] == "Deployment")
    namespace = doc["items"][0]["metadata"]["namespace"]
    return json.dumps(doc), deployment, namespace


def readme_java_options():
    """The JVM options of the README's run command: the bench measures what users run."""
    for line in (ROOT / "README.md").read_text().splitlines():
        m = re.match(r"^mvn .*package && java (.*)-jar engine/target/nfvflow\.jar", line.strip())
        if m:
            return m.group(1).split()
    raise RuntimeError("README.md has no run command `mvn ... package && java ... -jar ...`")


class Node:
    """One nfvflow process on a data directory: `cmd` (java ... -jar ...) with `env` added to this
    process's environment; its output goes to <data>/nfvflow.log."""

    def __init__(self, cmd, env, data, api, name="nfvflow", timeout=180):
        self.cmd, self.env, self.data, self.api = cmd, env, Path(data), api
        self.name, self.timeout = name, timeout
        self.proc = None

    def start(self):
        """Starts the jar; returns seconds until the API answers (B7)."""
        self.data.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        log(f"{self.name}: starting " + " ".join(self.cmd))
        with open(self.data / "nfvflow.log", "a") as out:
            self.proc = subprocess.Popen(
                self.cmd, env={**os.environ, "NFVFLOW_DATA_DIR": str(self.data),
                               "NFVFLOW_ADMIN_PASSWORD": ADMIN_PASSWORD, **self.env},
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

        def answers():
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; "
                                   f"see {self.data}/nfvflow.log")
            try:
                return self.api.call("GET", "/v1.0/vims", ok=(200,))[0] == 200
            except (OSError, RuntimeError):
                return False
        wait(answers, self.timeout, poll=0.05, what=f"{self.name}'s API")
        return time.monotonic() - started

    def rss_mb(self):
        return rss_mb(self.proc.pid)

    def kill9(self):
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def register_vim(api, name, vim_type, url, token):
    _, vim = api.call("POST", "/v1.0/vims", {"vim": {
        "type": vim_type, "name": name, "auth_url": url, "vim_project": {"name": "default"},
        "auth_cred": {"bearer_token": token, "ssl_ca_cert": "None"}}})
    vim_id = vim["vim"]["id"]
    wait(lambda: api.call("GET", f"/v1.0/vims/{vim_id}")[1]["vim"]["status"] == "REACHABLE",
         60, poll=0.2, what=f"VIM {name}")
    return vim_id


# every VNF this run created: their Kubernetes objects are deleted when a step fails
CREATED = []


def submit(api, vnfd_id, vim_id, names, threads=8):
    """POSTs one VNF per name, `threads` requests at a time (as clients would); returns the ids."""
    def one(name):
        _, vnf = api.call("POST", "/v1.0/vnfs", {"vnf": {"name": name, "vnfd_id": vnfd_id,
                                                          "vim_id": vim_id}})
        CREATED.append(vnf["vnf"]["id"])
        return vnf["vnf"]["id"]
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, names))


def statuses(api):
    _, body = api.call("GET", "/v1.0/vnfs?fields=id&fields=status")
    return {v["id"]: v["status"] for v in body["vnfs"]}


def await_all(api, ids, goal, timeout, poll):
    def done():
        states = statuses(api)
        if goal == "GONE":
            return not any(i in states for i in ids)
        bad = [i for i in ids if states.get(i) == "ERROR"]
        if bad:
            raise RuntimeError(f"{len(bad)} of {len(ids)} VNFs are ERROR, e.g. {bad[0]}")
        return all(states.get(i) == goal for i in ids)
    wait(done, timeout, poll=poll, what=f"{len(ids)} VNFs {goal}")


def batch(api, vnfd_id, vim_id, n, tag, keep=False):
    """B2: n VNFs submitted at once -> seconds until all ACTIVE; then deleted (unless keep)."""
    poll = 0.2 if n <= 50 else 1.0
    t = time.monotonic()
    ids = submit(api, vnfd_id, vim_id, [f"{tag}-{i}" for i in range(n)])
    submitted = time.monotonic() - t
    await_all(api, ids, "ACTIVE", 120 + 2 * n, poll)
    elapsed = time.monotonic() - t
    log(f"B2 {tag}: {n} ACTIVE in {elapsed:.1f} s (submitted in {submitted:.1f} s): {n / elapsed:.1f} VNF/s")
    result = {"vnfs": n, "submit_s": submitted, "all_active_s": elapsed, "vnf_per_s": n / elapsed,
              "ids": ids}
    if not keep:
        result["delete_s"] = delete_all(api, ids)
    return result


def delete_all(api, ids):
    t = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: api.call("DELETE", f"/v1.0/vnfs/{i}"), ids))
    await_all(api, ids, "GONE", 120 + 2 * len(ids), 0.2 if len(ids) <= 50 else 1.0)
    elapsed = time.monotonic() - t
    log(f"deleted {len(ids)} in {elapsed:.1f} s")
    return elapsed


def delete_objects_of(kubectl, vnf_ids, chunk=50):
    """Deletes the Kubernetes objects of these VNFs (after a failed step: nothing left behind)."""
    for k in range(0, len(vnf_ids), chunk):
        ids = ",".join(vnf_ids[k:k + chunk])
        try:
            kubectl.run("delete", "configmap,deployment,service,hpa", "--all-namespaces",
                        "-l", f"{LABEL} in ({ids})", "--ignore-not-found", "--wait=false")
        except RuntimeError as e:
            log(f"could not delete the objects of the run's VNFs: {e}")
            return


def owned_objects(kubectl):
    """Every object nfvflow owns on the sandbox, per VNF id and kind."""
    out = kubectl.run("get", "configmap,deployment,service,hpa,replicaset", "--all-namespaces",
                      "-l", LABEL, "-o", "json")
    per = {}
    for item in json.loads(out)["items"]:
        vnf = item["metadata"]["labels"][LABEL]
        per.setdefault(vnf, {}).setdefault(item["kind"], []).append(item["metadata"]["name"])
    return per


def crash_recovery(node, api, kubectl, vnfd_id, vim_id, n, after):
    """B6: n VNFs submitted, the process killed with -9 `after` seconds later, restarted."""
    ids = submit(api, vnfd_id, vim_id, [f"crash-{i}" for i in range(n)])
    time.sleep(after)
    before = statuses(api)
    pending = sum(1 for i in ids if before.get(i) != "ACTIVE")
    node.kill9()
    log(f"B6: killed with {pending} of {n} not ACTIVE yet")
    t = time.monotonic()
    start_s = node.start()
    await_all(api, ids, "ACTIVE", 300 + 2 * n, 0.2)
    recovered = time.monotonic() - t
    per = owned_objects(kubectl)
    duplicates = {vid: kinds for vid, kinds in per.items() if vid in ids and any(
        len(names) > 1 for kind, names in kinds.items() if kind != "ReplicaSet")}
    missing = [i for i in ids if "Deployment" not in per.get(i, {})]
    log(f"B6: all ACTIVE {recovered:.1f} s after the restart (API after {start_s:.1f} s);"
        f" {len(duplicates)} VNFs with duplicate objects, {len(missing)} without a Deployment")
    result = {"vnfs": n, "pending_at_kill": pending, "restart_api_s": start_s,
              "all_active_s": recovered, "duplicates": len(duplicates), "missing": len(missing)}
    result["delete_s"] = delete_all(api, ids)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=str(ROOT / "engine/target/nfvflow.jar"))
    ap.add_argument("--sandbox", default=os.environ.get("K8S_SANDBOX_DIR", "/var/tmp/k8s-sandbox"))
    ap.add_argument("--runs", type=int, default=30, help="B1 runs per operation (default 30; 0 skips B1)")
    ap.add_argument("--batch", default="100,1000",
                    help="B2: CNF batch sizes submitted at once, comma-separated (default 100,1000); "
                         "B3 is measured with the largest batch ACTIVE")
    ap.add_argument("--engine-only", default=None,
                    help="B2 baseline batch sizes (default: the same as --batch; 0 skips)")
    ap.add_argument("--crash", type=int, default=50, help="B6: CNFs in the batch killed mid-way (0 skips)")
    ap.add_argument("--crash-after", type=float, default=1.0, help="B6: seconds after submission")
    ap.add_argument("--openstack", type=int, default=0,
                    help="runs of a VM VNF on the OpenStack sandbox beside Heat alone (0 skips)")
    ap.add_argument("--java-options", default=None,
                    help="JVM options (default: those of the README's run command)")
    ap.add_argument("--app-arg", action="append", default=[],
                    help="extra nfvflow argument, e.g. --app-arg=--camunda.bpm.history-level=audit")
    ap.add_argument("--port", type=int, default=19890)
    ap.add_argument("--write", action="store_true", help="write docs/performance.md")
    args = ap.parse_args()
    args.java_options = (args.java_options.split() if args.java_options is not None
                         else readme_java_options())
    sizes = [int(x) for x in args.batch.split(",") if x.strip() and int(x) > 0]
    baseline_sizes = sizes if args.engine_only is None else [
        int(x) for x in args.engine_only.split(",") if x.strip() and int(x) > 0]

    sandbox = Path(args.sandbox)
    kubeconfig = str(sandbox / "kubeconfig")
    token = (sandbox / "run/token").read_text().strip()
    kubectl = Kubectl(kubeconfig)
    kubectl.run("get", "--raw", "/readyz")
    api = Api(f"http://127.0.0.1:{args.port}")
    data = Path(tempfile.mkdtemp(prefix="nfvflow-bench-"))
    node = Node(["java", *args.java_options, "-jar", args.jar, f"--server.port={args.port}",
                 "--nfvflow.bench.engine-only=true", *args.app_arg], {}, data, api)
    results = {"machine": machine(), "runs": args.runs, "batch": args.batch,
               "java_options": " ".join(args.java_options), "app_args": " ".join(args.app_arg),
               "command": " ".join(["scripts/bench.sh", *sys.argv[1:]])}

    failed = False
    try:
        # ------------------------------------------------------------ B7 cold start, B3 idle
        results["cold_start_s"] = node.start()
        log(f"B7 cold start {results['cold_start_s']:.1f} s")
        time.sleep(10)  # let start-up work settle before measuring memory
        results["rss_idle_mb"] = node.rss_mb()

        vim_id = register_vim(api, "bench-k8s", "kubernetes", "https://127.0.0.1:6443", token)
        noop_vim = register_vim(api, "bench-engine-only", "engine-only", "https://127.0.0.1:9", "none")
        _, vnfd = api.call("POST", "/v1.0/vnfds", {"vnfd": {
            "name": "bench-vnfd", "attributes": {"vnfd": SAMPLE.read_text()}}})
        vnfd_id = vnfd["vnfd"]["id"]

        # ------------------------------------------------------------ B1 per operation
        if args.runs > 0:
            results["b1"] = per_operation(api, kubectl, vnfd_id, vim_id, args.runs)

        # ------------------------------------------------------------ B2 / B3 batches at once
        results["b2"] = []
        for n in sizes:
            keep = n == max(sizes)
            r = batch(api, vnfd_id, vim_id, n, f"b{n}", keep=keep)
            if keep:
                time.sleep(5)
                results["rss_loaded_mb"] = node.rss_mb()
                results["loaded_vnfs"] = n
                log(f"B3 RSS with {n} CNFs: {results['rss_loaded_mb']:.0f} MB")
                r["delete_s"] = delete_all(api, r["ids"])
            r.pop("ids")
            results["b2"].append(r)
        results["b2_engine_only"] = []
        for n in baseline_sizes:
            r = batch(api, vnfd_id, noop_vim, n, f"e{n}")
            r.pop("ids")
            results["b2_engine_only"].append(r)

        # ------------------------------------------------------------ OpenStack beside Heat
        if args.openstack > 0:
            sys.path.insert(0, str(ROOT / "scripts"))
            import bench_openstack
            results["openstack"] = bench_openstack.measure(api, args.openstack, log)

        # ------------------------------------------------------------ B6 crash recovery (last)
        if args.crash > 0:
            results["b6"] = crash_recovery(node, api, kubectl, vnfd_id, vim_id, args.crash,
                                           args.crash_after)

        api.call("DELETE", f"/v1.0/vnfds/{vnfd_id}")
        api.call("DELETE", f"/v1.0/vims/{vim_id}")
        api.call("DELETE", f"/v1.0/vims/{noop_vim}")
    except BaseException:
        failed = True
        raise
    finally:
        node.stop()
        kubectl.run("delete", "configmap,deployment,service,hpa", "--all-namespaces",
                    "-l", "bench=kubectl", "--ignore-not-found")
        if failed:
            delete_objects_of(kubectl, CREATED)
        if os.environ.get("BENCH_KEEP_DATA") or failed:
            log(f"kept {data} (nfvflow's log: {data}/nfvflow.log)")
        else:
            shutil.rmtree(data, ignore_errors=True)

    table = render(results)
    print(table)
    if args.write:
        write_doc(table, results)
    b6 = results.get("b6")
    if b6 and (b6["duplicates"] or b6["missing"]):
        log(f"FAILED: after the crash {b6['duplicates']} VNFs have duplicate objects and "
            f"{b6['missing']} have no Deployment")
        sys.exit(1)


def per_operation(api, kubectl, vnfd_id, vim_id, runs):
    """B1: instantiate, scale out and delete of one CNF, each beside kubectl doing the same."""
    ops = {k: [] for k in ("create", "scale", "delete")}
    base = {k: [] for k in ("create", "scale", "delete")}
    for i in range(runs):
        t = time.monotonic()
        _, vnf = api.call("POST", "/v1.0/vnfs", {"vnf": {"name": f"bench-{i}", "vnfd_id": vnfd_id,
                                                          "vim_id": vim_id}})
        vid = vnf["vnf"]["id"]
        wait(lambda: api.status(vid) == "ACTIVE", 120, what=f"bench-{i} ACTIVE")
        ops["create"].append(time.monotonic() - t)
        if i == 0:  # the objects nfvflow made, at their initial size, for the kubectl side
            manifest, _, _ = manifests_of(kubectl, vid, "probe")
        t = time.monotonic()
        api.call("POST", f"/v1.0/vnfs/{vid}/actions", {"scale": {"type": "out", "policy": "SP1"}})
        wait(lambda: api.call("GET", f"/v1.0/vnfs/{vid}")[1]["vnf"]["lcm_operation"]["state"]
             == "COMPLETED" and api.status(vid) == "ACTIVE", 120, what=f"bench-{i} scaled")
        ops["scale"].append(time.monotonic() - t)
        t = time.monotonic()
        api.call("DELETE", f"/v1.0/vnfs/{vid}")
        wait(lambda: api.status(vid) == "GONE", 120, what=f"bench-{i} gone")
        ops["delete"].append(time.monotonic() - t)

        # the same objects with kubectl, right after, on the same sandbox
        doc, deployment, ns = manifests_of_template(manifest, i)
        t = time.monotonic()
        kubectl.run("apply", "-f", "-", stdin=doc)
        kubectl.run("rollout", "status", "-n", ns, f"deployment/{deployment}", "--timeout=120s")
        base["create"].append(time.monotonic() - t)
        t = time.monotonic()
        kubectl.run("scale", "-n", ns, f"deployment/{deployment}", "--replicas=2")
        kubectl.run("rollout", "status", "-n", ns, f"deployment/{deployment}", "--timeout=120s")
        base["scale"].append(time.monotonic() - t)
        t = time.monotonic()
        kubectl.run("delete", "-f", "-", "--wait=true", stdin=doc)
        kubectl.run("wait", "--for=delete", "pod", "-n", ns, "-l", f"bench-run=run{i}",
                    "--timeout=120s")
        base["delete"].append(time.monotonic() - t)
        log(f"B1 run {i + 1}/{runs}: create {ops['create'][-1]:.2f}/{base['create'][-1]:.2f} s,"
            f" scale {ops['scale'][-1]:.2f}/{base['scale'][-1]:.2f} s,"
            f" delete {ops['delete'][-1]:.2f}/{base['delete'][-1]:.2f} s")
    return {k: {"nfvflow": ops[k], "kubectl": base[k]} for k in ops}


def manifests_of_template(manifest, i):
    """The probe's manifest renamed for run i (the kubectl side never reuses a name)."""
    text = manifest.replace("bench-kubectl-probe-", f"bench-kubectl-run{i}-").replace(
        '"bench-run": "probe"', f'"bench-run": "run{i}"')
    doc = json.loads(text)
    deployment = next(c["metadata"]["name"] for c in doc["items"] if c["kind"] == "Deployment")
    return text, deployment, doc["items"][0]["metadata"]["namespace"]


def render(r):
    lines = []
    m = r["machine"]
    lines.append(f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gib']} GiB, "
                 f"Linux {m['kernel']}, {m['java']}; JVM options `{r['java_options'] or '(none)'}`"
                 + (f", nfvflow arguments `{r['app_args']}`" if r["app_args"] else ""))
    lines.append("")
    lines.append("| figure | nfvflow | baseline | nfvflow's own share |")
    lines.append("|---|---|---|---|")
    lines.append(f"| B7 cold start, process start to API answering | {r['cold_start_s']:.1f} s | | |")
    for op, label in (("create", "instantiate → ACTIVE"), ("scale", "scale out → ACTIVE"),
                      ("delete", "delete → gone")):
        if "b1" not in r:
            break
        n, k = r["b1"][op]["nfvflow"], r["b1"][op]["kubectl"]
        diff = [a - b for a, b in zip(n, k)]
        lines.append(
            f"| B1 {label}, p50 / p99 over {len(n)} | {pct(n, 50):.2f} / {pct(n, 99):.2f} s"
            f" | kubectl {pct(k, 50):.2f} / {pct(k, 99):.2f} s"
            f" | {pct(diff, 50) * 1000:+.0f} / {pct(diff, 99) * 1000:+.0f} ms |")
    baseline = {b["vnfs"]: b for b in r.get("b2_engine_only", [])}
    for b2 in r.get("b2", []):
        e = baseline.get(b2["vnfs"])
        base = (f"engine only {e['vnf_per_s']:.1f} VNF/s ({e['all_active_s']:.1f} s)" if e else "")
        share = f"{b2['vnf_per_s'] / e['vnf_per_s'] * 100:.0f} % of the engine's ceiling" if e else ""
        lines.append(f"| B2 {b2['vnfs']} CNFs submitted at once → all ACTIVE | {b2['vnf_per_s']:.1f} VNF/s "
                     f"({b2['all_active_s']:.1f} s; deleted in {b2['delete_s']:.1f} s) | {base} | {share} |")
    for n, e in baseline.items():
        if not any(b["vnfs"] == n for b in r.get("b2", [])):
            lines.append(f"| B2 engine only, {n} VNFs | | {e['vnf_per_s']:.1f} VNF/s ({e['all_active_s']:.1f} s) | |")
    if "rss_loaded_mb" in r:
        n = r["loaded_vnfs"]
        per_vnf = (r["rss_loaded_mb"] - r["rss_idle_mb"]) * 1024 / n
        lines.append(f"| B3 resident memory idle / with {n} CNFs | {r['rss_idle_mb']:.0f} / "
                     f"{r['rss_loaded_mb']:.0f} MB | | {per_vnf:.0f} KB per VNF |")
    else:
        lines.append(f"| B3 resident memory idle | {r['rss_idle_mb']:.0f} MB | | |")
    if "openstack" in r:
        sys.path.insert(0, str(ROOT / "scripts"))
        import bench_openstack
        lines.extend(bench_openstack.rows(r["openstack"]))
    if "b6" in r:
        b6 = r["b6"]
        lines.append(f"| B6 crash recovery: {b6['vnfs']} CNFs, kill -9 with {b6['pending_at_kill']} not ACTIVE,"
                     f" restart → all ACTIVE | {b6['all_active_s']:.1f} s (API answering after "
                     f"{b6['restart_api_s']:.1f} s) | | {b6['duplicates']} duplicate objects,"
                     f" {b6['missing']} missing |")
    return "\n".join(lines)


def write_doc(table, results):
    path = ROOT / "docs/performance.md"
    text = path.read_text() if path.exists() else ""
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    block = (f"{begin}\nMeasured {time.strftime('%Y-%m-%d')} with `{results['command']}`:\n\n"
             f"{table}\n{end}")
    if begin in text:
        text = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    path.write_text(text)
    log(f"wrote {path}")


if __name__ == "__main__":
    main()
