#!/usr/bin/env python3
"""nfvflow cluster test: two nodes on one PostgreSQL, one killed with kill -9 in the middle of a batch.

  scripts/cluster-test.sh                 # 50 CNFs over two nodes, the VIM's watcher killed 1 s in
  scripts/cluster-test.sh --vnfs 20       # a shorter run

What it does, all on loopback:
  1. a fresh database on the PostgreSQL sandbox (scripts/postgres-sandbox.sh up), one secret key
     file for both nodes, each node its own data directory and node identity;
  2. starts node A, then node B (the README's JVM options); registers the Kubernetes sandbox as a
     VIM and onboards Tacker's containerized sample on A; exactly one node holds the VIM's lease
     and watches it (GET /actuator/cluster on both nodes says which) - usually A;
  3. submits --vnfs CNF instantiations, alternately to A and B (8 clients at once); --kill-after
     seconds after the last was accepted, kills the lease holder with kill -9;
  4. measures, on the survivor: the seconds until it holds the VIM's lease and watches it, and until
     every VNF is ACTIVE; counts the Kubernetes objects per VNF (a duplicate or a missing one fails
     the test);
  5. deletes a Deployment of one VNF behind nfvflow's back: the survivor's watch must see it and heal
     the VNF (a new Deployment, the VNF ACTIVE again);
  6. deletes every VNF through the survivor; nothing nfvflow owns may be left on the sandbox.

It prints a table (figures for docs/operations.md) and exits non-zero when a check fails. Nothing
is asserted about time except generous time-outs. Needs: the Kubernetes sandbox up
(scripts/k8s-sandbox.sh up), kubectl, python3, the jar, and PostgreSQL (installed by
postgres-sandbox.sh when missing).
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the harness's client, waits and Kubernetes helpers)
from bench import ROOT, SAMPLE, Api, Kubectl, log, wait  # noqa: E402

PG = ROOT / "scripts/postgres-sandbox.sh"
PG_PORT = int(os.environ.get("PG_SANDBOX_PORT", "55432"))
PG_USER = os.environ.get("PG_SANDBOX_USER", "nfvflow_test")
PG_PASSWORD = os.environ.get("PG_SANDBOX_PASSWORD", "nfvflow_test")


def psql(sql, db=None):
    env = {**os.environ}
    if db:
        env["PG_SANDBOX_DB"] = db
    subprocess.run([str(PG), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], env=env,
                   check=True, capture_output=True, text=True)


class ClusterNode(bench.Node):
    """One nfvflow process of the cluster: its own data directory and identity, the shared
    database and secret key."""

    def __init__(self, name, port, data, db, key_file, java_options, jar, lease_time):
        super().__init__(
            ["java", *java_options, "-jar", jar, f"--server.port={port}", f"--nfvflow.node-id={name}",
             f"--nfvflow.cluster.lease-time={lease_time}"],
            {"NFVFLOW_SECRET_KEY_FILE": str(key_file),
             "SPRING_DATASOURCE_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/{db}",
             "SPRING_DATASOURCE_USERNAME": PG_USER,
             "SPRING_DATASOURCE_PASSWORD": PG_PASSWORD},
            data, Api(f"http://127.0.0.1:{port}"), name=name, timeout=240)

    def cluster(self):
        return self.api.call("GET", "/actuator/cluster", ok=(200,))[1]

    def watches(self, vim_id):
        for lease in self.cluster()["leases"]:
            if lease["vim_id"] == vim_id:
                return lease["held_here"] and lease["watched_here"]
        return False


def submit_across(nodes, vnfd_id, vim_id, n):
    """n VNFs, alternately through each node's API (8 clients at once); returns the ids."""
    from concurrent.futures import ThreadPoolExecutor

    def one(i):
        api = nodes[i % len(nodes)].api
        _, vnf = api.call("POST", "/v1.0/vnfs", {"vnf": {
            "name": f"cluster-{i}", "vnfd_id": vnfd_id, "vim_id": vim_id}})
        return vnf["vnf"]["id"]
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(n)))


def check_objects(kubectl, ids):
    per = bench.owned_objects(kubectl)
    duplicates = sorted(vid for vid, kinds in per.items() if vid in ids and any(
        len(names) > 1 for kind, names in kinds.items() if kind != "ReplicaSet"))
    missing = sorted(i for i in ids if "Deployment" not in per.get(i, {}))
    return duplicates, missing


def deployment(kubectl, vnf_id):
    out = kubectl.run("get", "deployment", "--all-namespaces", "-l", f"{bench.LABEL}={vnf_id}",
                      "-o", "json")
    items = json.loads(out)["items"]
    return items[0]["metadata"] if items else None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=str(ROOT / "engine/target/nfvflow.jar"))
    ap.add_argument("--sandbox", default=os.environ.get("K8S_SANDBOX_DIR", "/var/tmp/k8s-sandbox"))
    ap.add_argument("--vnfs", type=int, default=50, help="CNFs submitted across both nodes")
    ap.add_argument("--kill-after", type=float, default=1.0,
                    help="seconds after the last submission when the lease holder is killed")
    ap.add_argument("--lease-time", default="PT15S", help="nfvflow.cluster.lease-time of both nodes")
    ap.add_argument("--ports", default="19881,19882")
    ap.add_argument("--java-options", default=None)
    args = ap.parse_args()
    java_options = (args.java_options.split() if args.java_options is not None
                    else bench.readme_java_options())
    port_a, port_b = (int(p) for p in args.ports.split(","))

    sandbox = Path(args.sandbox)
    kubectl = Kubectl(str(sandbox / "kubeconfig"))
    kubectl.run("get", "--raw", "/readyz")
    token = (sandbox / "run/token").read_text().strip()

    subprocess.run([str(PG), "up"], check=True, stdout=subprocess.DEVNULL)
    db = f"nfvflow_cluster_{int(time.time())}"
    psql(f"CREATE DATABASE {db}")
    work = Path(tempfile.mkdtemp(prefix="nfvflow-cluster-"))
    key_file = work / "secret.key"
    key_file.write_text(base64.b64encode(os.urandom(32)).decode() + "\n")
    key_file.chmod(0o600)
    a = ClusterNode("node-a", port_a, work / "a", db, key_file, java_options, args.jar,
                    args.lease_time)
    b = ClusterNode("node-b", port_b, work / "b", db, key_file, java_options, args.jar,
                    args.lease_time)
    r = {"vnfs": args.vnfs, "lease_time": args.lease_time, "db": "PostgreSQL (sandbox)"}
    failures = []
    ids = []
    try:
        r["start_a_s"] = a.start()  # A first: it creates the schema
        r["start_b_s"] = b.start()
        vim_id = bench.register_vim(a.api, "cluster-k8s", "kubernetes", "https://127.0.0.1:6443",
                                    token)
        _, vnfd = a.api.call("POST", "/v1.0/vnfds", {"vnfd": {
            "name": "cluster-vnfd", "attributes": {"vnfd": SAMPLE.read_text()}}})
        vnfd_id = vnfd["vnfd"]["id"]
        wait(lambda: a.watches(vim_id) or b.watches(vim_id), 30, poll=0.2,
             what="a node to watch the VIM")
        time.sleep(1)
        watching = [n for n in (a, b) if n.watches(vim_id)]
        if len(watching) != 1:
            raise RuntimeError(f"{len(watching)} nodes watch the VIM; one should")
        holder = watching[0]
        survivor = b if holder is a else a
        r["holder"] = holder.name
        log(f"node {holder.name} holds the VIM's lease and watches it; {survivor.name} does not")

        t0 = time.monotonic()
        ids = submit_across([a, b], vnfd_id, vim_id, args.vnfs)
        r["submit_s"] = time.monotonic() - t0
        time.sleep(args.kill_after)
        states = bench.statuses(survivor.api)
        r["pending_at_kill"] = sum(1 for i in ids if states.get(i) != "ACTIVE")
        holder.kill9()
        killed = time.monotonic()
        log(f"killed {holder.name} (kill -9) with {r['pending_at_kill']} of {args.vnfs} not ACTIVE")

        wait(lambda: survivor.watches(vim_id), 120, poll=0.2,
             what=f"{survivor.name} to take the VIM's watch")
        r["watch_moved_s"] = time.monotonic() - killed
        log(f"{survivor.name} watches the VIM {r['watch_moved_s']:.1f} s after the kill")
        bench.await_all(survivor.api, ids, "ACTIVE", 600, 0.5)
        r["all_active_s"] = time.monotonic() - killed
        log(f"all {args.vnfs} ACTIVE {r['all_active_s']:.1f} s after the kill")
        duplicates, missing = check_objects(kubectl, ids)
        r["duplicates"], r["missing"] = len(duplicates), len(missing)
        if duplicates or missing:
            failures.append(f"{len(duplicates)} VNFs with duplicate objects (e.g. {duplicates[:1]}),"
                            f" {len(missing)} without a Deployment (e.g. {missing[:1]})")

        # the survivor's watch sees a change behind nfvflow's back and heals it
        victim = ids[0]
        before = deployment(kubectl, victim)
        kubectl.run("delete", "deployment", "-n", before["namespace"], before["name"], "--wait=false")
        t1 = time.monotonic()

        def healed():
            now = deployment(kubectl, victim)
            return (now is not None and now["uid"] != before["uid"]
                    and survivor.api.status(victim) == "ACTIVE")
        wait(healed, 180, poll=0.5, what="the survivor to heal the VNF whose Deployment was deleted")
        r["heal_s"] = time.monotonic() - t1
        log(f"deleted Deployment healed by {survivor.name} in {r['heal_s']:.1f} s")

        t2 = time.monotonic()
        bench.delete_all(survivor.api, ids)
        r["delete_s"] = time.monotonic() - t2
        left = [vid for vid in bench.owned_objects(kubectl) if vid in ids]
        r["left_behind"] = len(left)
        if left:
            failures.append(f"{len(left)} deleted VNFs left objects on the VIM (e.g. {left[0]})")
        ids = []
        survivor.api.call("DELETE", f"/v1.0/vnfds/{vnfd_id}")
        survivor.api.call("DELETE", f"/v1.0/vims/{vim_id}")
    except Exception as e:  # noqa: BLE001  (reported, then everything is cleaned up)
        failures.append(f"{type(e).__name__}: {e}")
    finally:
        a.stop()
        b.stop()
        if ids:  # a failure left VNFs: their objects go, so the next run starts clean
            bench.delete_objects_of(kubectl, ids)
        try:
            psql(f"DROP DATABASE IF EXISTS {db}")
        except subprocess.CalledProcessError as e:
            log(f"could not drop {db}: {e.stderr.strip()}")
        if os.environ.get("CLUSTER_KEEP_DATA") or failures:
            log(f"kept {work} (node logs: a/nfvflow.log, b/nfvflow.log)")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(render(r))
    if failures:
        for f in failures:
            log("FAILED: " + f)
        sys.exit(1)
    log("PASSED")


def render(r):
    def f(key, unit=" s"):
        return f"{r[key]:.1f}{unit}" if key in r else "-"
    rows = [
        ("nodes", "2 (node-a, node-b) on one PostgreSQL 15, lease time " + r["lease_time"]),
        ("node start to API (A first, then B)", f"{f('start_a_s')} / {f('start_b_s')}"),
        ("CNFs submitted across both nodes", f"{r['vnfs']} in {f('submit_s')}"),
        ("node killed with kill -9: the VIM's watcher", r.get("holder", "-")),
        ("not ACTIVE when it was killed", str(r.get("pending_at_kill", "-"))),
        ("kill -9 -> the survivor holds the lease and watches", f("watch_moved_s")),
        ("kill -9 -> every CNF ACTIVE", f("all_active_s")),
        ("duplicate / missing Kubernetes objects", f"{r.get('duplicates', '-')} / {r.get('missing', '-')}"),
        ("Deployment deleted behind nfvflow -> healed by the survivor", f("heal_s")),
        ("all deleted through the survivor; objects left behind",
         f"{f('delete_s')}; {r.get('left_behind', '-')}"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"| {k.ljust(width)} | {v} |" for k, v in rows)


if __name__ == "__main__":
    main()
