#!/usr/bin/env python3
"""kuryr-standin.py - plays kuryr-kubernetes' part for tests and demos: gives every nfvflow pod of a
namespace a bound Neutron port and records it on the pod as Kuryr (Rocky to Ussuri) did.

nfvflow never creates pod ports: it reads Kuryr's record of them (the pod annotation
`openstack.org/kuryr-vif`, or a KuryrPort from Victoria on) into each instance's ports, which chains
(networking-sfc port pairs) then use. Kuryr itself is retired upstream and needs a CNI on real
nodes; this script does the part nfvflow sees, against a real Kubernetes API server and a real
Neutron:

  * for each pod with the label nfvflow.io/vnf-id (scheduled, not host-network, not terminating)
    that has no `openstack.org/kuryr-vif` annotation: find or create the Neutron port
    `kuryr-<namespace>-<pod name>` on --network, in --project, bound to --host, device id = the
    pod's uid, device owner `compute:kuryr`; wait (up to 10 s) for it to be ACTIVE; then write the
    annotation: an os-vif versioned object PodState whose default_vif (eth0) is a VIFOpenVSwitch
    with the port's id, MAC and fixed IPs (serialised as oslo.versionedobjects does, keys sorted);
  * for each port of this namespace (device owner compute:kuryr, description
    `kuryr-standin <namespace>/<pod>`, on --network) whose device id is no pod's uid any more:
    delete it.

Idempotent: ports are looked up by name before one is created, annotated pods are left alone, a
second run changes nothing. With --once it does one pass and exits (1 if a pod failed); otherwise it
does a pass, then follows the pods with `kubectl get pods -w` (one pass again on every reconnect
and every --resync seconds).

Needs: Python 3 (standard library only); `kubectl` for Kubernetes (so any kubeconfig works);
Keystone v3 and Neutron over plain REST (urllib), with admin credentials (creating a port bound to
a host and owned by another project needs admin) from --openrc <file> (`export OS_...=...` lines)
or the OS_* environment variables (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME,
OS_USER_DOMAIN_NAME, OS_PROJECT_DOMAIN_NAME, optional OS_REGION_NAME, OS_INTERFACE).

  kuryr-standin.py --kubeconfig /var/tmp/k8s-sandbox/kubeconfig --namespace default \\
      --network chain-net --openrc /var/tmp/openstack-sandbox/admin-openrc --project demo --once
"""

import argparse
import json
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ANNOTATION = "openstack.org/kuryr-vif"
VNF_LABEL = "nfvflow.io/vnf-id"
DEVICE_OWNER = "compute:kuryr"
OVS_BRIDGE = "br-int"  # kuryr's default [neutron_defaults] ovs_bridge
ACTIVE_WAIT = 10.0


def log(msg):
    print(time.strftime("%H:%M:%S ") + "[kuryr-standin] " + msg, file=sys.stderr, flush=True)


class Failure(Exception):
    pass


# --------------------------------------------------------------------------------------- OpenStack
def read_openrc(path):
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = shlex.split(line, comments=True)
            if words[:1] == ["export"]:
                words = words[1:]
            for word in words:
                key, sep, value = word.partition("=")
                if sep and key.startswith("OS_"):
                    env[key] = value
    return env


class Neutron:
    """Keystone v3 password auth and the few Neutron calls needed, over urllib."""

    def __init__(self, creds):
        missing = [k for k in ("OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME")
                   if not creds.get(k)]
        if missing:
            raise Failure("OpenStack credentials lack " + ", ".join(missing)
                          + " (give --openrc or set the OS_* environment variables)")
        self.creds = creds
        self.token = None
        self.keystone = creds["OS_AUTH_URL"].rstrip("/")
        if not self.keystone.endswith("/v3"):
            self.keystone += "/v3"
        self.url = None

    def login(self):
        c = self.creds
        body = {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": c["OS_USERNAME"], "password": c["OS_PASSWORD"],
                "domain": {"name": c.get("OS_USER_DOMAIN_NAME", "Default")}}}},
            "scope": {"project": {"name": c["OS_PROJECT_NAME"],
                                  "domain": {"name": c.get("OS_PROJECT_DOMAIN_NAME", "Default")}}}}}
        headers, answer = http("POST", self.keystone + "/auth/tokens", body)
        self.token = headers.get("X-Subject-Token")
        region = c.get("OS_REGION_NAME")
        interface = c.get("OS_INTERFACE", "public").replace("URL", "")
        for service in answer["token"].get("catalog", []):
            if service["type"] != "network":
                continue
            for ep in service["endpoints"]:
                if ep["interface"] == interface and (not region or ep.get("region_id") == region
                                                     or ep.get("region") == region):
                    url = ep["url"].rstrip("/")
                    self.url = url if url.endswith("/v2.0") else url + "/v2.0"
                    return
        raise Failure("no %s network endpoint in the Keystone catalog" % interface)

    def call(self, method, path, body=None, base=None):
        if self.token is None:
            self.login()
        for attempt in (1, 2):
            try:
                return http(method, (base or self.url) + path, body, self.token)[1]
            except urllib.error.HTTPError as e:
                if e.code == 401 and attempt == 1:  # token expired: once more with a new one
                    self.login()
                    continue
                raise

    def project_id(self, name_or_id):
        if re.fullmatch(r"[0-9a-f]{32}", name_or_id):
            return name_or_id
        if self.token is None:
            self.login()
        found = self.call("GET", "/projects?name=" + q(name_or_id), base=self.keystone)["projects"]
        if len(found) != 1:
            raise Failure("%d projects named %s" % (len(found), name_or_id))
        return found[0]["id"]

    def network(self, name_or_id):
        try:
            return self.call("GET", "/networks/" + q(name_or_id))["network"]
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
        found = self.call("GET", "/networks?name=" + q(name_or_id))["networks"]
        if len(found) != 1:
            raise Failure("%d networks named %s" % (len(found), name_or_id))
        return found[0]

    def ports(self, **filters):
        return self.call("GET", "/ports?" + urllib.parse.urlencode(filters))["ports"]

    def port(self, port_id):
        return self.call("GET", "/ports/" + q(port_id))["port"]

    def create_port(self, port):
        return self.call("POST", "/ports", {"port": port})["port"]

    def delete_port(self, port_id):
        try:
            self.call("DELETE", "/ports/" + q(port_id))
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise

    def subnet(self, subnet_id):
        return self.call("GET", "/subnets/" + q(subnet_id))["subnet"]


def q(s):
    return urllib.parse.quote(s, safe="")


def http(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
            return resp.headers, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        detail = e.read().decode(errors="replace")[:300]
        e.msg = "%s %s: %s %s" % (method, url.split("?")[0], e.code, detail)
        raise


# ------------------------------------------------------------------------------------- Kubernetes
class Kubectl:
    def __init__(self, kubeconfig, namespace):
        self.base = ["kubectl"] + (["--kubeconfig", kubeconfig] if kubeconfig else []) \
            + ["--namespace", namespace]

    def run(self, *args):
        done = subprocess.run(self.base + list(args), capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise Failure("kubectl %s: %s" % (" ".join(args[:2]), done.stderr.strip()))
        return done.stdout

    def pods(self):
        """All pods of the namespace (their uids keep ports alive)."""
        return json.loads(self.run("get", "pods", "-o", "json"))["items"]

    def annotate(self, pod, value):
        """A merge patch that names the uid: it fails on a new pod of the same name."""
        patch = {"metadata": {"uid": pod["metadata"]["uid"], "annotations": {ANNOTATION: value}}}
        self.run("patch", "pod", pod["metadata"]["name"], "--type", "merge", "-p", json.dumps(patch))

    def watch(self):
        return subprocess.Popen(
            self.base + ["get", "pods", "-l", VNF_LABEL, "--watch", "--output-watch-events",
                         "-o", "json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def json_stream(stream):
    """The JSON documents kubectl --watch -o json prints one after the other."""
    decoder = json.JSONDecoder()
    buf = ""
    for line in stream:
        buf += line
        while True:
            buf = buf.lstrip()
            if not buf:
                break
            try:
                doc, end = decoder.raw_decode(buf)
            except json.JSONDecodeError:
                break  # incomplete: read more
            yield doc
            buf = buf[end:]


def pump(stream, events):
    """Watch events into the queue; None when the watch ends."""
    try:
        for event in json_stream(stream):
            events.put(event)
    finally:
        events.put(None)


# ----------------------------------------------------------------------------------------- os-vif
def ovo(name, version, data):
    """An oslo.versionedobjects primitive in os-vif's namespace."""
    return {"versioned_object.data": data, "versioned_object.name": name,
            "versioned_object.namespace": "os_vif", "versioned_object.version": version}


def pod_state(port, network, subnets):
    """The annotation of kuryr-kubernetes Rocky to Ussuri: PodState{default_vif: VIFOpenVSwitch}."""
    by_subnet = {}
    for fixed in port.get("fixed_ips", []):
        by_subnet.setdefault(fixed["subnet_id"], []).append(fixed["ip_address"])
    vif_subnets = []
    for subnet_id, ips in by_subnet.items():
        s = subnets[subnet_id]
        data = {
            "cidr": s["cidr"],
            "dns": list(s.get("dns_nameservers") or []),
            "ips": ovo("FixedIPList", "1.0", {"objects": [
                ovo("FixedIP", "1.0", {"address": ip}) for ip in ips]}),
            "routes": ovo("RouteList", "1.0", {"objects": [
                ovo("Route", "1.0", {"cidr": r["destination"], "gateway": r["nexthop"]})
                for r in s.get("host_routes") or []]}),
        }
        if s.get("gateway_ip"):
            data["gateway"] = s["gateway_ip"]
        vif_subnets.append(ovo("Subnet", "1.0", data))
    details = port.get("binding:vif_details") or {}
    bridge = details.get("bridge_name") or OVS_BRIDGE
    net = {
        "bridge": bridge,
        "id": network["id"],
        "label": network.get("name") or "",
        "multi_host": False,
        "should_provide_bridge": False,
        "should_provide_vlan": False,
        "subnets": ovo("SubnetList", "1.0", {"objects": vif_subnets}),
    }
    if network.get("mtu") is not None:
        net["mtu"] = network["mtu"]
    vif = ovo("VIFOpenVSwitch", "1.0", {
        "active": port.get("status") == "ACTIVE",
        "address": port["mac_address"],
        "bridge_name": bridge,
        "has_traffic_filtering": bool(details.get("port_filter", False)),
        "id": port["id"],
        "network": ovo("Network", "1.1", net),
        "plugin": "ovs",
        "port_profile": ovo("VIFPortProfileOpenVSwitch", "1.0", {"interface_id": port["id"]}),
        "preserve_on_delete": False,
        "vif_name": ("tap" + port["id"])[:14],  # kuryr's _get_vif_name
    })
    state = ovo("PodState", "1.0", {"additional_vifs": {}, "default_vif": vif})
    return json.dumps(state, sort_keys=True)  # as jsonutils.dumps(..., sort_keys=True)


# ------------------------------------------------------------------------------------- stand-in
class StandIn:
    def __init__(self, args, neutron, kubectl):
        self.ns = args.namespace
        self.host = args.host
        self.neutron = neutron
        self.kubectl = kubectl
        self.project = neutron.project_id(args.project or neutron.creds["OS_PROJECT_NAME"])
        self.network = neutron.network(args.network)
        self.subnets = {}
        self.annotated = set()  # uids this process annotated: later events may still lack it
        log("namespace %s -> network %s (%s), project %s, host %s" % (
            self.ns, self.network.get("name"), self.network["id"], self.project, self.host))

    def port_name(self, pod_name):
        return "kuryr-%s-%s" % (self.ns, pod_name)

    def description(self, pod_name):
        return "kuryr-standin %s/%s" % (self.ns, pod_name)

    @staticmethod
    def wants_port(pod):
        meta, spec = pod["metadata"], pod.get("spec", {})
        return (VNF_LABEL in (meta.get("labels") or {})
                and ANNOTATION not in (meta.get("annotations") or {})
                and not meta.get("deletionTimestamp")
                and spec.get("nodeName")
                and not spec.get("hostNetwork")
                and pod.get("status", {}).get("phase") not in ("Succeeded", "Failed"))

    def ensure(self, pod):
        """Port and annotation for one pod that has none."""
        name, uid = pod["metadata"]["name"], pod["metadata"]["uid"]
        port = None
        for found in self.neutron.ports(name=self.port_name(name), network_id=self.network["id"]):
            if found["device_id"] == uid and port is None:
                port = found
            else:  # an earlier pod's of the same name, or a duplicate
                log("deleting stale port %s (device %s)" % (found["id"], found["device_id"]))
                self.neutron.delete_port(found["id"])
        if port is None:
            port = self.neutron.create_port({
                "name": self.port_name(name),
                "description": self.description(name),
                "network_id": self.network["id"],
                "project_id": self.project,
                "device_id": uid,
                "device_owner": DEVICE_OWNER,
                "binding:host_id": self.host,
                "admin_state_up": True,
            })
            log("pod %s/%s: created port %s" % (self.ns, name, port["id"]))
        port = self.await_active(port)
        self.kubectl.annotate(pod, pod_state(port, self.network, self.subnets_of(port)))
        self.annotated.add(uid)
        log("pod %s/%s: annotated with port %s (%s, %s)" % (
            self.ns, name, port["id"], port["status"],
            ", ".join(f["ip_address"] for f in port.get("fixed_ips", []))))

    def await_active(self, port):
        deadline = time.monotonic() + ACTIVE_WAIT
        while port.get("status") != "ACTIVE" and time.monotonic() < deadline:
            time.sleep(0.25)
            port = self.neutron.port(port["id"])
        if port.get("status") != "ACTIVE":
            log("port %s is %s after %.0f s; recording it as not active" % (
                port["id"], port.get("status"), ACTIVE_WAIT))
        return port

    def subnets_of(self, port):
        for fixed in port.get("fixed_ips", []):
            if fixed["subnet_id"] not in self.subnets:
                self.subnets[fixed["subnet_id"]] = self.neutron.subnet(fixed["subnet_id"])
        return self.subnets

    def release(self, uids):
        """Deletes this namespace's ports whose device is none of the given pod uids."""
        prefix = "kuryr-standin %s/" % self.ns
        for port in self.neutron.ports(device_owner=DEVICE_OWNER, network_id=self.network["id"]):
            if (port.get("description") or "").startswith(prefix) and port["device_id"] not in uids:
                self.neutron.delete_port(port["id"])
                log("deleted port %s (%s): pod %s is gone" % (
                    port["id"], port["name"], port["description"][len(prefix):]))

    def reconcile(self):
        """One pass over the namespace; the number of pods that failed."""
        pods = self.kubectl.pods()
        failed = 0
        for pod in pods:
            if self.wants_port(pod):
                failed += not self.attempt(self.ensure, pod)
        uids = {p["metadata"]["uid"] for p in pods}
        self.release(uids)
        self.annotated &= uids
        return failed

    def attempt(self, action, pod):
        try:
            action(pod)
            return True
        except (Failure, urllib.error.URLError, OSError, KeyError, ValueError) as e:
            log("pod %s/%s: %s" % (self.ns, pod["metadata"]["name"], getattr(e, "msg", None) or e))
            return False

    def follow(self, resync):
        """Passes on every (re)connect and every `resync` seconds; events in between."""
        while True:
            self.safe_reconcile()
            proc = self.kubectl.watch()
            events = queue.Queue()
            threading.Thread(target=pump, args=(proc.stdout, events), daemon=True).start()
            next_pass = time.monotonic() + resync
            try:
                while True:
                    try:
                        event = events.get(timeout=max(0.1, next_pass - time.monotonic()))
                    except queue.Empty:
                        self.safe_reconcile()
                        next_pass = time.monotonic() + resync
                        continue
                    if event is None:
                        log("watch ended (%s); reconnecting" % proc.stderr.read().strip()[:200])
                        time.sleep(1)
                        break
                    self.on_event(event)
            finally:
                if proc.poll() is None:
                    proc.terminate()

    def on_event(self, event):
        pod = event.get("object") or {}
        if (event.get("type") in ("ADDED", "MODIFIED") and self.wants_port(pod)
                and pod["metadata"]["uid"] not in self.annotated):
            self.attempt(self.ensure, pod)
        elif event.get("type") == "DELETED":
            self.safe_reconcile()  # its port goes (with any other orphan)

    def safe_reconcile(self):
        try:
            self.reconcile()
        except (Failure, urllib.error.URLError, OSError, KeyError, ValueError) as e:
            log("pass failed: %s" % (getattr(e, "msg", None) or e))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kubeconfig", default=os.environ.get("KUBECONFIG"),
                   help="kubeconfig for kubectl (default: $KUBECONFIG)")
    p.add_argument("--namespace", default="default", help="namespace of the pods (default: default)")
    p.add_argument("--network", required=True, help="Neutron network (name or id) of the ports")
    p.add_argument("--openrc", help="file with `export OS_...=...` lines (admin); default: environment")
    p.add_argument("--project", help="project (name or id) owning the ports "
                                     "(default: the credentials' project)")
    p.add_argument("--host", default="sandbox-node", help="binding host of the ports "
                                                          "(default: sandbox-node)")
    p.add_argument("--once", action="store_true", help="one pass, then exit (1 if a pod failed)")
    p.add_argument("--resync", type=float, default=60.0,
                   help="seconds between full passes while following (default: 60)")
    args = p.parse_args()

    creds = read_openrc(args.openrc) if args.openrc else {
        k: v for k, v in os.environ.items() if k.startswith("OS_")}
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        standin = StandIn(args, Neutron(creds), Kubectl(args.kubeconfig, args.namespace))
        if args.once:
            return 1 if standin.reconcile() else 0
        standin.follow(args.resync)
    except (Failure, urllib.error.URLError) as e:
        log("ERROR: %s" % (getattr(e, "msg", None) or e))
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
