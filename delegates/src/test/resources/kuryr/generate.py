# Generates the fixtures of this folder with the real os-vif and oslo.versionedobjects (Debian
# python3-os-vif 3.0.0, python3-oslo.versionedobjects 3.0.1), serialised the way kuryr-kubernetes
# serialises them: PodState is copied from kuryr_kubernetes/objects/vif.py (Rocky to Ussuri), the
# KuryrPort status from controller/handlers/kuryrport.py (Victoria on).
#   /usr/bin/python3 generate.py queens|dict|podstate|kuryrport > file.json  (versioned_object.changes
#   lists a set: its order varies from run to run)
#   /usr/bin/python3 generate.py check < annotation.json   reads a PodState back as Kuryr would
import json, sys
from os_vif import objects as osv
osv.register_all()
from os_vif.objects import vif as osv_vif, network as osv_network, subnet as osv_subnet, fixed_ip as osv_fixed_ip, route as osv_route
from oslo_versionedobjects import base as obj_base, fields as obj_fields

class KuryrK8sObjectBase(obj_base.VersionedObject, obj_base.ComparableVersionedObject):
    OBJ_PROJECT_NAMESPACE = 'kuryr_kubernetes'
    def __init__(self, context=None, **kwargs):
        super().__init__(context, **kwargs)
        self.obj_set_defaults()
        self.obj_reset_changes()

class DictOfVIFsField(obj_fields.AutoTypedField):
    AUTO_TYPE = obj_fields.Dict(obj_fields.Object(osv_vif.VIFBase.__name__, subclasses=True))

@obj_base.VersionedObjectRegistry.register
class PodState(KuryrK8sObjectBase):
    VERSION = '1.0'
    OBJ_PROJECT_NAMESPACE = 'os_vif'
    fields = {
        'default_vif': obj_fields.ObjectField(osv_vif.VIFBase.__name__, subclasses=True, nullable=False),
        'additional_vifs': DictOfVIFsField(default={}),
    }

def vif(port_id, mac, net_id, net_name, cidr, gw, ip, ifname):
    subnet = osv_subnet.Subnet(cidr=cidr, dns=[], routes=osv_route.RouteList(objects=[]), gateway=gw)
    subnet.ips = osv_fixed_ip.FixedIPList(objects=[osv_fixed_ip.FixedIP(address=ip)])
    network = osv_network.Network(id=net_id, label=net_name, mtu=1450)
    network.subnets = osv_subnet.SubnetList(objects=[subnet])
    network.bridge = 'br-int'
    profile = osv_vif.VIFPortProfileOpenVSwitch(interface_id=port_id)
    return osv_vif.VIFOpenVSwitch(id=port_id, address=mac, network=network, has_traffic_filtering=False,
        preserve_on_delete=False, active=True, port_profile=profile, plugin='ovs',
        vif_name=ifname, bridge_name='br-int')

eth0 = vif('1f7ac2a4-6f0e-4d6b-9a55-0c3d8f2b7e11', 'fa:16:3e:12:34:56', '5b2f0d3e-8a41-4c59-9d7e-2e1f3a4b5c6d', 'chain-net', '10.10.0.0/24', '10.10.0.1', '10.10.0.15', 'tap1f7ac2a4-6f')
eth1 = vif('8c3e9b21-0d4a-4f7e-b1c2-7a6d5e4f3b20', 'fa:16:3e:65:43:21', '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4', 'data-net', '10.20.0.0/24', '10.20.0.1', '10.20.0.27', 'tap8c3e9b21-0d')
kind = sys.argv[1]
if kind == 'queens':
    eth0.obj_reset_changes(recursive=True)
    print(json.dumps(eth0.obj_to_primitive(), sort_keys=True))
elif kind == 'dict':
    eth0.obj_reset_changes(recursive=True)
    print(json.dumps({'eth0': eth0.obj_to_primitive()}, sort_keys=True))
elif kind == 'podstate':
    state = PodState(default_vif=eth0, additional_vifs={'eth1': eth1})
    print(json.dumps(state.obj_to_primitive(), sort_keys=True))
elif kind == 'kuryrport':
    vifs = {}
    for ifname, v, d in (('eth0', eth0, True), ('eth1', eth1, False)):
        v.obj_reset_changes(recursive=True)
        vifs[ifname] = {'default': d, 'vif': v.obj_to_primitive()}
    print(json.dumps({'vifs': vifs}, sort_keys=True))
elif kind == 'check':
    prim = json.loads(sys.stdin.read())
    from os_vif.objects import base as osv_base  # as kuryr_kubernetes.utils.extract_pod_annotation
    o = osv_base.VersionedObject.obj_from_primitive(prim)
    print(type(o).__name__, o.default_vif.id, o.default_vif.network.subnets.objects[0].ips.objects[0].address, o.default_vif.active, dict(o.additional_vifs))
