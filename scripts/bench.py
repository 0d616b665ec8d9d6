#!/usr/bin/env python3
"""nfvflow benchmark harness: figures side by side, measured in one run on one machine.

Starts the nfvflow jar (fresh data directory) against the Kubernetes sandbox and measures:

  B7 cold start   process start -> the API answers (GET /v1.0/vims = 200)
  B3 memory       resident memory (RSS) idle, and with N managed CNFs; MB per VNF
  B1 overhead     per operation (instantiate to ACTIVE, scale out, delete to gone) of Tacker's
                  containerized sample through nfvflow, beside the same objects with
                  `kubectl apply` + `kubectl rollout status` (and `kubectl scale`, `kubectl delete
                  --wait`) on the same sandbox; p50 / p99 over --runs runs, and the difference
  B2 throughput   --batch CNFs submitted at once -> VNF/s until all ACTIVE

Every figure is a pair or a ratio measured in the same run: the machines are shared and noisy.
It prints a table and, with --write, writes it into docs/performance.md with the machine it ran
on. Nothing here asserts a time. Only loopback addresses are used.

Not yet measured (issue 10): the engine-only baseline of B2, B6 crash recovery, and OpenStack.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "engine/src/test/resources/it/tosca-vnfd-containerized.yaml"
LABEL = "nfvflow.io/vnf-id"


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


class Api:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, ok=(200, 201, 202, 204, 404)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
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
    raise RuntimeError(f"timed out waiting for {what}")


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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=str(ROOT / "engine/target/nfvflow.jar"))
    ap.add_argument("--sandbox", default=os.environ.get("K8S_SANDBOX_DIR", "/var/tmp/k8s-sandbox"))
    ap.add_argument("--runs", type=int, default=30, help="B1 runs per operation (default 30)")
    ap.add_argument("--batch", type=int, default=20, help="B2/B3: CNFs submitted at once (default 20)")
    ap.add_argument("--port", type=int, default=19890)
    ap.add_argument("--write", action="store_true", help="write docs/performance.md")
    args = ap.parse_args()

    sandbox = Path(args.sandbox)
    kubeconfig = str(sandbox / "kubeconfig")
    token = (sandbox / "run/token").read_text().strip()
    kubectl = Kubectl(kubeconfig)
    kubectl.run("get", "--raw", "/readyz")
    api = Api(f"http://127.0.0.1:{args.port}")
    data = Path(tempfile.mkdtemp(prefix="nfvflow-bench-"))
    logfile = open(data / "nfvflow.log", "w")
    results = {"machine": machine(), "runs": args.runs, "batch": args.batch}

    # ---------------------------------------------------------------- B7 cold start
    started = time.monotonic()
    proc = subprocess.Popen(
        ["java", "-jar", args.jar, f"--server.port={args.port}"],
        env={**os.environ, "NFVFLOW_DATA_DIR": str(data)},
        stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def answers():
            try:
                return api.call("GET", "/v1.0/vims", ok=(200,))[0] == 200
            except (OSError, RuntimeError):
                return False
        wait(answers, 120, poll=0.05, what="the API")
        results["cold_start_s"] = time.monotonic() - started
        log(f"B7 cold start {results['cold_start_s']:.1f} s")
        time.sleep(10)  # let start-up work settle before measuring memory
        results["rss_idle_mb"] = rss_mb(proc.pid)

        _, vim = api.call("POST", "/v1.0/vims", {"vim": {
            "type": "kubernetes", "name": "bench-k8s", "auth_url": "https://127.0.0.1:6443",
            "vim_project": {"name": "default"},
            "auth_cred": {"bearer_token": token, "ssl_ca_cert": "None"}, "is_default": True}})
        vim_id = vim["vim"]["id"]
        wait(lambda: api.call("GET", f"/v1.0/vims/{vim_id}")[1]["vim"]["status"] == "REACHABLE",
             60, poll=0.2, what="the VIM")
        _, vnfd = api.call("POST", "/v1.0/vnfds", {"vnfd": {
            "name": "bench-vnfd", "attributes": {"vnfd": SAMPLE.read_text()}}})
        vnfd_id = vnfd["vnfd"]["id"]

        # ------------------------------------------------------------ B1 per operation
        ops = {k: [] for k in ("create", "scale", "delete")}
        base = {k: [] for k in ("create", "scale", "delete")}
        for i in range(args.runs):
            t = time.monotonic()
            _, vnf = api.call("POST", "/v1.0/vnfs", {"vnf": {"name": f"bench-{i}", "vnfd_id": vnfd_id}})
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
            log(f"B1 run {i + 1}/{args.runs}: create {ops['create'][-1]:.2f}/{base['create'][-1]:.2f} s,"
                f" scale {ops['scale'][-1]:.2f}/{base['scale'][-1]:.2f} s,"
                f" delete {ops['delete'][-1]:.2f}/{base['delete'][-1]:.2f} s")
        results["b1"] = {k: {"nfvflow": ops[k], "kubectl": base[k]} for k in ops}

        # ------------------------------------------------------------ B2 / B3 a batch at once
        t = time.monotonic()
        ids = []
        for i in range(args.batch):
            _, vnf = api.call("POST", "/v1.0/vnfs", {"vnf": {"name": f"batch-{i}", "vnfd_id": vnfd_id}})
            ids.append(vnf["vnf"]["id"])
        submitted = time.monotonic() - t

        def all_active():
            _, body = api.call("GET", "/v1.0/vnfs?fields=id&fields=status")
            states = {v["id"]: v["status"] for v in body["vnfs"]}
            bad = [i for i in ids if states.get(i) == "ERROR"]
            if bad:
                raise RuntimeError(f"{len(bad)} VNFs of the batch are ERROR")
            return all(states.get(i) == "ACTIVE" for i in ids)
        wait(all_active, 60 + 10 * args.batch, poll=0.2, what="the batch ACTIVE")
        elapsed = time.monotonic() - t
        results["b2"] = {"vnfs": args.batch, "submit_s": submitted, "all_active_s": elapsed,
                         "vnf_per_s": args.batch / elapsed}
        time.sleep(5)
        results["rss_loaded_mb"] = rss_mb(proc.pid)
        log(f"B2 {args.batch} CNFs ACTIVE in {elapsed:.1f} s; RSS {results['rss_loaded_mb']:.0f} MB")
        for i in ids:
            api.call("DELETE", f"/v1.0/vnfs/{i}")
        wait(lambda: all(api.status(i) == "GONE" for i in ids), 60 + 10 * args.batch, poll=0.5,
             what="the batch gone")
        api.call("DELETE", f"/v1.0/vnfds/{vnfd_id}")
        api.call("DELETE", f"/v1.0/vims/{vim_id}")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        kubectl.run("delete", "configmap,deployment,service,hpa", "--all-namespaces",
                    "-l", "bench=kubectl", "--ignore-not-found")
        shutil.rmtree(data, ignore_errors=True)

    table = render(results)
    print(table)
    if args.write:
        write_doc(table, results)


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
                 f"Linux {m['kernel']}, {m['java']}")
    lines.append("")
    lines.append("| figure | nfvflow | baseline | nfvflow's own share |")
    lines.append("|---|---|---|---|")
    lines.append(f"| B7 cold start, process start to API answering | {r['cold_start_s']:.1f} s | | |")
    for op, label in (("create", "instantiate → ACTIVE"), ("scale", "scale out → ACTIVE"),
                      ("delete", "delete → gone")):
        n, k = r["b1"][op]["nfvflow"], r["b1"][op]["kubectl"]
        diff = [a - b for a, b in zip(n, k)]
        lines.append(
            f"| B1 {label}, p50 / p99 over {len(n)} | {pct(n, 50):.2f} / {pct(n, 99):.2f} s"
            f" | kubectl {pct(k, 50):.2f} / {pct(k, 99):.2f} s"
            f" | {pct(diff, 50) * 1000:+.0f} / {pct(diff, 99) * 1000:+.0f} ms |")
    b2 = r["b2"]
    lines.append(f"| B2 {b2['vnfs']} CNFs submitted at once | {b2['vnf_per_s']:.1f} VNF/s "
                 f"(all ACTIVE after {b2['all_active_s']:.1f} s) | | |")
    per_vnf = (r["rss_loaded_mb"] - r["rss_idle_mb"]) * 1024 / b2["vnfs"]
    lines.append(f"| B3 resident memory idle / with {b2['vnfs']} CNFs | {r['rss_idle_mb']:.0f} / "
                 f"{r['rss_loaded_mb']:.0f} MB | | {per_vnf:.0f} KB per VNF (noisy at this size) |")
    return "\n".join(lines)


def write_doc(table, results):
    path = ROOT / "docs/performance.md"
    text = path.read_text() if path.exists() else ""
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    block = (f"{begin}\nMeasured {time.strftime('%Y-%m-%d')} with `scripts/bench.sh --runs "
             f"{results['runs']} --batch {results['batch']} --write`:\n\n{table}\n{end}")
    if begin in text:
        text = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    path.write_text(text)
    log(f"wrote {path}")


if __name__ == "__main__":
    main()
