"""The OpenStack figure of nfvflow's benchmark: time to ACTIVE (and to gone) of a VM VNF, beside
the Heat stack's own create (and delete) time, measured in the same run on the same sandbox.

measure(api, runs, log) needs a running nfvflow (an `Api` of scripts/bench.py) and the OpenStack
sandbox (scripts/openstack-sandbox/openstack-up.sh, Keystone at http://127.0.0.1:5000/v3). It:

  1. makes a network with a subnet (Neutron), registers the sandbox as an OpenStack VIM of the
     admin project through the Tacker API and onboards a small VM VNFD (one VDU, one CP on that
     network, image fake-img, flavor m1.tiny: engine/src/test/resources/it/vnfd-chain-vm.yaml);
  2. per run: instantiates a VNF -> ACTIVE and deletes it -> 404 (the Tacker API polled every
     50 ms); then, right after, creates the same Heat template nfvflow made for it (read back from
     Heat, VNF id renamed) directly through Heat's REST API -> CREATE_COMPLETE, and deletes it ->
     gone (Heat polled every 50 ms). Heat's own time varies by seconds from one stack to the next
     on a busy machine, so the VNF's own stack is also polled (Heat's stack list, by name) while
     nfvflow works: the time from its CREATE_COMPLETE to the VNF's ACTIVE, and from the stack
     gone to the VNF's 404, is nfvflow's own share measured on the same stack;
  3. removes everything it made (VNFs, stacks, VNFD, VIM, network), also when a step fails.

rows(results) renders the figures as rows of the bench's table. Only loopback addresses are used;
python3's standard library only. Run alone against a running nfvflow:

  python3 scripts/bench_openstack.py --url http://127.0.0.1:9890 --runs 5
"""

import ipaddress
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from bench import pct, wait  # the harness's percentile and polling wait

ROOT = Path(__file__).resolve().parent.parent
VNFD = ROOT / "engine/src/test/resources/it/vnfd-chain-vm.yaml"
AUTH_URL = os.environ.get("BENCH_OS_AUTH_URL", "http://127.0.0.1:5000/v3")
USER = os.environ.get("BENCH_OS_USERNAME", "admin")
PASSWORD = os.environ.get("BENCH_OS_PASSWORD", "admin")
PROJECT = os.environ.get("BENCH_OS_PROJECT", "admin")
IMAGE = "fake-img"
FLAVOR = "m1.tiny"
POLL = 0.05  # seconds between looks, on both sides
TIMEOUT = 300  # seconds for any one wait


def _wait(predicate, what, timeout=TIMEOUT):
    return wait(predicate, timeout, poll=POLL, what=what)


def _loopback(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        if ipaddress.ip_address(host).is_loopback:
            return url
    except ValueError:
        if host == "localhost":
            return url
    raise RuntimeError(f"{url} is not a loopback address: the benchmark stays on this machine")


class Cloud:
    """Keystone v3 password login, then Heat and Neutron by their catalog's public endpoints."""

    def __init__(self):
        body = {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": USER, "domain": {"name": "Default"}, "password": PASSWORD}}},
            "scope": {"project": {"name": PROJECT, "domain": {"name": "Default"}}}}}
        req = urllib.request.Request(_loopback(AUTH_URL) + "/auth/tokens",
                                     data=json.dumps(body).encode(), method="POST")
        req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=30) as r:
            self.token = r.headers["X-Subject-Token"]
            catalog = json.loads(r.read())["token"]["catalog"]
        self.heat = _loopback(self._endpoint(catalog, "orchestration"))
        self.neutron = _loopback(self._endpoint(catalog, "network").rstrip("/") + "/v2.0")

    @staticmethod
    def _endpoint(catalog, kind):
        for service in catalog:
            if service["type"] == kind:
                for e in service["endpoints"]:
                    if e["interface"] == "public":
                        return e["url"].rstrip("/")
        raise RuntimeError(f"no public {kind} endpoint in Keystone's catalog")

    def call(self, method, url, body=None, ok=(200, 201, 202, 204)):
        """One request; 404 answers None. Heat's 302 (a stack by name) is followed."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("X-Auth-Token", self.token)
        req.add_header("Content-Type", "application/json")
        req.add_header("Accept", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        if status == 404:
            return None
        if status not in ok:
            raise RuntimeError(f"{method} {url}: {status} {raw[:300]!r}")
        return json.loads(raw) if raw else {}

    def stack(self, name):
        """The stack of that name ({id, stack_status, ...}), or None."""
        found = self.call("GET", f"{self.heat}/stacks/{name}")
        return found and found["stack"]

    def listed_status(self, name):
        """Heat's status of the stack of that name from its stack list; 'GONE' when not listed."""
        found = self.call("GET", f"{self.heat}/stacks?name={name}")["stacks"]
        return found[0]["stack_status"] if found else "GONE"

    def stack_status(self, name, sid):
        """Heat's status of the stack by name and id; 'GONE' when Heat no longer has it."""
        found = self.call("GET", f"{self.heat}/stacks/{name}/{sid}")
        return "GONE" if found is None else found["stack"]["stack_status"]


class _Seen:
    """When Heat's stack list first showed the stack in one of some statuses (polled with
    nfvflow's API)."""

    def __init__(self, cloud, name, *statuses):
        self.cloud, self.name, self.statuses, self.at = cloud, name, statuses, None

    def look(self):
        """True once seen (nfvflow cannot be done before Heat is), or once the stack failed (the
        VNF's ERROR then ends the wait with its reason)."""
        if self.at is None:
            status = self.cloud.listed_status(self.name)
            if status in self.statuses:
                self.at = time.monotonic()
            elif status.endswith("_FAILED"):
                return True
        return self.at is not None


def _stack_gone(cloud, name, sid):
    status = cloud.stack_status(name, sid)
    if status == "DELETE_FAILED":
        raise RuntimeError(f"Heat stack {name}: DELETE_FAILED")
    return status in ("GONE", "DELETE_COMPLETE")


def _vnf_status(api, vnf_id):
    status = api.status(vnf_id)
    if status == "ERROR":
        _, body = api.call("GET", f"/v1.0/vnfs/{vnf_id}")
        raise RuntimeError(f"VNF {vnf_id} is ERROR: {body['vnf'].get('error_reason')}")
    return status


def _template_of(cloud, vnf_id, marker):
    """The template and parameters of the stack nfvflow made for the VNF, its id renamed."""
    name = f"nfvflow-{vnf_id}"
    stack = cloud.stack(name)
    if stack is None:
        raise RuntimeError(f"no Heat stack {name}")
    template = cloud.call("GET", f"{cloud.heat}/stacks/{name}/{stack['id']}/template")
    parameters = {k: v for k, v in (stack.get("parameters") or {}).items()
                  if not k.startswith("OS::")}
    text = json.dumps({"template": template, "parameters": parameters}).replace(vnf_id, marker)
    return json.loads(text)


def measure(api, runs, log):
    """Per run: nfvflow's instantiate -> ACTIVE and delete -> gone, then Heat's own create ->
    CREATE_COMPLETE and delete -> gone of the same template; and how long after its own stack
    was CREATE_COMPLETE (gone) the VNF was ACTIVE (404). Raw seconds, in run order:
    {"runs": n, "create"|"delete": {"nfvflow": [...], "heat": [...], "after_heat": [...]}}."""
    tag = uuid.uuid4().hex[:8]
    cloud = Cloud()
    results = {"runs": runs,
               "create": {"nfvflow": [], "heat": [], "after_heat": []},
               "delete": {"nfvflow": [], "heat": [], "after_heat": []}}
    network = vim_id = vnfd_id = None
    vnfs, stacks = [], []  # whatever exists or may exist, for the clean-up
    try:
        # ------------------------------------------------------------ set-up
        net = f"bench-os-{tag}"
        network = cloud.call("POST", f"{cloud.neutron}/networks",
                             {"network": {"name": net, "admin_state_up": True}})["network"]["id"]
        cloud.call("POST", f"{cloud.neutron}/subnets", {"subnet": {
            "name": f"{net}-subnet", "network_id": network, "ip_version": 4,
            "cidr": f"10.201.{int(tag, 16) % 250}.0/24", "enable_dhcp": False}})
        _, vim = api.call("POST", "/v1.0/vims", {"vim": {
            "type": "openstack", "name": f"bench-os-{tag}", "auth_url": AUTH_URL,
            "auth_cred": {"username": USER, "password": PASSWORD,
                          "user_domain_name": "Default", "cert_verify": "False"},
            "vim_project": {"name": PROJECT, "project_domain_name": "Default"},
            "is_default": False}}, ok=(201,))
        vim_id = vim["vim"]["id"]
        _wait(lambda: api.call("GET", f"/v1.0/vims/{vim_id}")[1]["vim"]["status"] == "REACHABLE",
              "the OpenStack VIM REACHABLE", timeout=60)
        tosca = (VNFD.read_text().replace("@IMAGE@", IMAGE).replace("@FLAVOR@", FLAVOR)
                 .replace("@CHAIN_NET@", net))
        _, vnfd = api.call("POST", "/v1.0/vnfds", {"vnfd": {
            "name": f"bench-os-vnfd-{tag}", "attributes": {"vnfd": tosca}}}, ok=(201,))
        vnfd_id = vnfd["vnfd"]["id"]
        log(f"OpenStack: VIM {vim_id}, VNFD {vnfd_id}, network {net}")

        same = None
        for i in range(runs):
            # ---------------------------------------------------------- nfvflow
            t = time.monotonic()
            _, vnf = api.call("POST", "/v1.0/vnfs", {"vnf": {
                "name": f"bench-os-{tag}-{i}", "vnfd_id": vnfd_id, "vim_id": vim_id}}, ok=(201,))
            vid = vnf["vnf"]["id"]
            vnfs.append(vid)
            stacks.append(f"nfvflow-{vid}")
            seen = _Seen(cloud, f"nfvflow-{vid}", "CREATE_COMPLETE")
            _wait(lambda: seen.look() and _vnf_status(api, vid) == "ACTIVE", f"VNF {vid} ACTIVE")
            done = time.monotonic()
            results["create"]["nfvflow"].append(done - t)
            results["create"]["after_heat"].append(done - seen.at)
            if same is None:  # the template nfvflow made, read while its stack exists
                same = _template_of(cloud, vid, f"bench-heat-{tag}")
            t = time.monotonic()
            api.call("DELETE", f"/v1.0/vnfs/{vid}", ok=(204,))
            # Heat lists a deleted stack as DELETE_COMPLETE for a few seconds more
            seen = _Seen(cloud, f"nfvflow-{vid}", "DELETE_COMPLETE", "GONE")
            _wait(lambda: seen.look() and api.status(vid) == "GONE", f"VNF {vid} gone")
            done = time.monotonic()
            results["delete"]["nfvflow"].append(done - t)
            results["delete"]["after_heat"].append(done - seen.at)
            vnfs.remove(vid)

            # ---------------------------------------------------------- Heat alone
            name = f"bench-heat-{tag}-{i}"
            stacks.append(name)
            t = time.monotonic()
            sid = cloud.call("POST", f"{cloud.heat}/stacks", {
                "stack_name": name, "template": same["template"],
                "parameters": same["parameters"], "disable_rollback": True,
                "timeout_mins": 60}, ok=(201,))["stack"]["id"]

            def complete():
                status = cloud.stack_status(name, sid)
                if status.endswith("_FAILED"):
                    raise RuntimeError(f"Heat stack {name}: {status}")
                return status == "CREATE_COMPLETE"
            _wait(complete, f"Heat stack {name} CREATE_COMPLETE")
            results["create"]["heat"].append(time.monotonic() - t)
            t = time.monotonic()
            cloud.call("DELETE", f"{cloud.heat}/stacks/{name}/{sid}")
            _wait(lambda: _stack_gone(cloud, name, sid), f"Heat stack {name} gone")
            results["delete"]["heat"].append(time.monotonic() - t)
            stacks.remove(name)
            stacks.remove(f"nfvflow-{vid}")
            c, d = results["create"], results["delete"]
            log(f"OpenStack run {i + 1}/{runs}: instantiate {c['nfvflow'][-1]:.2f} s"
                f" (Heat {c['heat'][-1]:.2f} s), delete {d['nfvflow'][-1]:.2f} s"
                f" (Heat {d['heat'][-1]:.2f} s)")
        return results
    finally:
        _clean_up(api, cloud, vnfs, stacks, vnfd_id, vim_id, network, log)


def _clean_up(api, cloud, vnfs, stacks, vnfd_id, vim_id, network, log):
    """Removes what measure() made; every step is tried, the first failure is logged."""
    def attempt(what, step):
        try:
            step()
        except Exception as e:  # noqa: BLE001 - clean up the rest anyway
            log(f"OpenStack clean-up: {what}: {e}")

    for vid in vnfs:
        attempt(f"VNF {vid}", lambda: (
            api.call("DELETE", f"/v1.0/vnfs/{vid}", ok=(204, 404, 409)),
            _wait(lambda: api.status(vid) == "GONE", f"VNF {vid} gone")))
    for name in stacks:
        def drop(name=name):
            stack = cloud.stack(name)
            if stack is not None:
                cloud.call("DELETE", f"{cloud.heat}/stacks/{name}/{stack['id']}")
                _wait(lambda: _stack_gone(cloud, name, stack["id"]), f"Heat stack {name} gone")
        attempt(f"Heat stack {name}", drop)
    if vnfd_id:
        attempt("VNFD", lambda: api.call("DELETE", f"/v1.0/vnfds/{vnfd_id}", ok=(204, 404)))
    if vim_id:
        attempt("VIM", lambda: api.call("DELETE", f"/v1.0/vims/{vim_id}", ok=(204, 404)))
    if network:
        def drop_network():
            ports = cloud.call("GET", f"{cloud.neutron}/ports?network_id={network}")["ports"]
            for port in ports:
                cloud.call("DELETE", f"{cloud.neutron}/ports/{port['id']}", ok=(204,))
            cloud.call("DELETE", f"{cloud.neutron}/networks/{network}", ok=(204,))
        attempt("network", drop_network)


def rows(results):
    """Markdown rows: | figure | nfvflow | baseline | nfvflow's own share |. The first two beside a
    separate Heat stack; the last two on the VNF's own stack (no stack-to-stack variance)."""
    out = []
    for op, label, heat in (("create", "instantiate → ACTIVE", "Heat stack create"),
                            ("delete", "delete → gone", "Heat stack delete")):
        n, h = results[op]["nfvflow"], results[op]["heat"]
        diff = [a - b for a, b in zip(n, h)]
        out.append(
            f"| OpenStack VM VNF {label}, p50 / p99 over {len(n)}"
            f" | {pct(n, 50):.2f} / {pct(n, 99):.2f} s"
            f" | {heat} {pct(h, 50):.2f} / {pct(h, 99):.2f} s"
            f" | {pct(diff, 50) * 1000:+.0f} / {pct(diff, 99) * 1000:+.0f} ms |")
    for op, label, status in (("create", "ACTIVE", "CREATE_COMPLETE"),
                              ("delete", "gone (404)", "DELETE_COMPLETE")):
        a = results[op]["after_heat"]
        out.append(
            f"| OpenStack VM VNF {label} after its own stack is {status}, p50 / p99 over {len(a)}"
            f" | | same stack, polled side by side | {pct(a, 50) * 1000:+.0f} /"
            f" {pct(a, 99) * 1000:+.0f} ms |")
    return out


if __name__ == "__main__":
    import argparse
    import sys

    from bench import Api

    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:9890", help="a running nfvflow")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--json", help="also write the raw seconds to this file")
    args = ap.parse_args()
    found = measure(Api(_loopback(args.url)), args.runs,
                    lambda m: print(f"[bench] {m}", file=sys.stderr, flush=True))
    if args.json:
        Path(args.json).write_text(json.dumps(found, indent=1))
    print("| figure | nfvflow | baseline | nfvflow's own share |")
    print("|---|---|---|---|")
    print("\n".join(rows(found)))
