package dev.calyx.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-kind rules other than policy rules: table of (kind, name, spec) → valid or error path + text. */
class ResourceValidationTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // names
        "IPPool | Pool.Name | {cidr: 10.0.0.0/16}                      | metadata.name | invalid name",
        "IPPool | pool.name | {cidr: 10.0.0.0/16}                      | |",
        "GlobalNetworkPolicy | a.b.c | {}                             | metadata.name | lower case alphanumeric",
        "GlobalNetworkPolicy | tier1.policy | {}                       | |",
        "NetworkPolicy | knp.default.x.y | {}                         | |",
        "Tier | with.dot | {order: 5}                                  | metadata.name | invalid tier name",
        // IPPool
        "IPPool | p | {cidr: 10.0.0.0/8, ipipMode: Sometimes}          | spec.ipipMode | supported values",
        "IPPool | p | {cidr: 10.0.0.0/8, vxlanMode: always}            | spec.vxlanMode | supported values",
        "IPPool | p | {cidr: 10.0.0.0/8, ipipMode: CrossSubnet, vxlanMode: Always} | spec.ipipMode | cannot both be enabled",
        "IPPool | p | {cidr: 'fd00::/64', ipipMode: Always}            | spec.ipipMode | IPIP is not supported on IPv6 pools",
        "IPPool | p | {cidr: 'fd00::/64', vxlanMode: Always}           | |",
        "IPPool | p | {cidr: 10.0.0.0/8, blockSize: 19}               | spec.blockSize | between 20 and 32",
        "IPPool | p | {cidr: 10.0.0.0/8, blockSize: 33}               | spec.blockSize | between 20 and 32",
        "IPPool | p | {cidr: 'fd00::/64', blockSize: 115}             | spec.blockSize | between 116 and 128",
        "IPPool | p | {cidr: 10.0.0.0/28}                             | spec.cidr | too small",
        "IPPool | p | {cidr: 10.0.0.0/28, disabled: true}             | |",
        "IPPool | p | {cidr: 10.0.0.1/16}                             | spec.cidr | not strictly masked",
        "IPPool | p | {cidr: 169.254.0.0/16}                          | spec.cidr | Link Local",
        "IPPool | p | {cidr: 'fe80::/64'}                             | spec.cidr | Link Local",
        "IPPool | p | {cidr: 10.0.0.0/33}                             | spec.cidr | must be a valid subnet",
        "IPPool | p | {blockSize: 26}                                 | spec.cidr | IPPool CIDR must be specified",
        "IPPool | p | {cidr: 10.0.0.0/8, allowedUses: [Workload, Cheese]} | spec.allowedUses[1] | supported values",
        "IPPool | p | {cidr: 10.0.0.0/8, allowedUses: [LoadBalancer, Tunnel]} | spec.allowedUses[1] | LoadBalancer cannot be combined with Workload or Tunnel",
        "IPPool | p | {cidr: 10.0.0.0/8, allowedUses: [LoadBalancer], vxlanMode: Always} | spec.allowedUses | LoadBalancer IP pool cannot have IPIP or VXLAN enabled",
        "IPPool | p | {cidr: 10.0.0.0/8, allowedUses: [LoadBalancer], nodeSelector: 'a == \"b\"'} | spec.nodeSelector | must have nodeSelector set to all()",
        "IPPool | p | {cidr: 10.0.0.0/8, allowedUses: [LoadBalancer], disableBGPExport: true} | spec.disableBGPExport | LoadBalancer IP pools cannot disable BGP export",
        "IPPool | p | {cidr: 10.0.0.0/8, allowedUses: [Tunnel], namespaceSelector: has(x)} | spec.namespaceSelector | IP Pool with AllowedUse Tunnel cannot have namespaceSelector",
        "IPPool | p | {cidr: 10.0.0.0/8, namespaceSelector: has(x)} | |",
        "IPPool | p | {cidr: 10.0.0.0/8, nodeSelector: global()} | spec.nodeSelector | global() selector is not valid for IPPool nodeSelector",
        "Tier | default | {order: 100}                               | spec.order | default tier order must be 1000000",
        "Tier | kube-baseline | {order: 100, defaultAction: Pass}     | spec.order | kube-baseline tier order must be 10000000",
        "Tier | kube-admin | {order: 1000, defaultAction: Deny}       | spec.defaultAction | kube-admin",
        "BGPPeer | peer | {peerSelector: all(), reachableBy: 10.0.0.254} | spec.reachableBy | reachableBy must be empty when peerIP is empty",
        "BGPConfiguration | default | {communities: [{name: my-community, value: '65001:100'}]} | spec.communities | communities are defined but not used in prefixAdvertisements",
        "FelixConfiguration | default | {natOutgoingAddress: not-an-ip} | spec.natOutgoingAddress | natOutgoingAddress must be a valid IPv4 address",
        "FelixConfiguration | default | {deviceRouteSourceAddressIPv6: 10.0.0.1} | spec.deviceRouteSourceAddressIPv6 | deviceRouteSourceAddressIPv6 must be a valid IPv6 address",
        "FelixConfiguration | default | {routeTableRanges: [{min: 0, max: 100}]} | spec.routeTableRanges[0] | min must be >= 1",
        "IPPool | p | {cidr: 10.0.0.0/8, assignmentMode: Sometimes}   | spec.assignmentMode | supported values",
        "IPPool | p | {cidr: 10.0.0.0/8, nodeSelector: 'has('}        | spec.nodeSelector | invalid selector",
        "IPPool | p | {cidr: 10.0.0.0/8, nat-outgoing: true}          | spec.nat-outgoing | must not be set",
        // Tier
        "Tier | default | {order: 1000000}                            | |",
        "Tier | default | {order: 1000000, defaultAction: Pass}        | spec.defaultAction | default tier must have defaultAction Deny",
        "Tier | kube-baseline | {order: 5, defaultAction: Pass}       | spec.order | kube-baseline tier order must be",
        "Tier | mine | {order: 5, defaultAction: Allow}               | spec.defaultAction | supported values",
        // HostEndpoint
        "HostEndpoint | h | {interfaceName: eth0}                     | spec.node | node must be specified",
        "HostEndpoint | h | {node: n1, expectedIPs: [10.0.0.1, 'fd00::1']} | |",
        "HostEndpoint | h | {node: n1, expectedIPs: [10.0.0.300]}      | spec.expectedIPs[0] | invalid IP address",
        "HostEndpoint | h | {node: n1, interfaceName: '*'}            | |",
        "HostEndpoint | h | {node: n1, interfaceName: 'this-name-is-too-long'} | spec.interfaceName | invalid interface name",
        "HostEndpoint | h | {node: n1, interfaceName: eth0, ports: [{name: web, protocol: ICMP, port: 80}]} | spec.ports[0].protocol | does not support ports",
        "HostEndpoint | h | {node: n1, interfaceName: eth0, ports: [{name: Web_1, protocol: TCP, port: 80}]} | spec.ports[0].name | port name",
        "HostEndpoint | h | {node: n1, interfaceName: eth0, ports: [{name: web, protocol: tcp, port: 80}]} | spec.ports[0].protocol | protocol name invalid",
        "HostEndpoint | h | {node: n1, interfaceName: eth0, ports: [{name: web, protocol: 17, port: 53}]} | |",
        // BGP
        "BGPPeer | peer | {peerIP: '10.0.0.1:179', asNumber: 64512}  | |",
        "BGPPeer | peer | {peerIP: '[fd00::1]:1179', asNumber: '1.10'} | |",
        "BGPPeer | peer | {peerIP: 'not-an-ip'}                      | spec.peerIP | invalid peerIP",
        "BGPPeer | peer | {peerIP: '10.0.0.1:0'}                     | spec.peerIP | invalid peerIP",
        "BGPPeer | peer | {node: n1, nodeSelector: all()}            | spec.node | node and nodeSelector cannot both be set",
        "BGPPeer | peer | {peerIP: 10.0.0.1, peerSelector: all()}    | spec.peerIP | peerIP and peerSelector cannot both be set",
        "BGPPeer | peer | {localWorkloadSelector: 'a == \"b\"'}      | spec.asNumber | asNumber is required when localWorkloadSelector is set",
        "BGPPeer | peer | {peerIP: 10.0.0.1, reachableBy: 'fd00::1'} | spec.reachableBy | address family mismatched",
        "BGPPeer | peer | {nextHopMode: Whatever}                    | spec.nextHopMode | supported values",
        "BGPPeer | peer | {keepOriginalNextHop: true, nextHopMode: Self} | spec.keepOriginalNextHop | keepOriginalNextHop and nextHopMode cannot both be set",
        "BGPConfiguration | default | {asNumber: 64512, listenPort: 0} | spec.listenPort | between 1 and 65535",
        "BGPConfiguration | default | {logSeverityScreen: Loud}      | spec.logSeverityScreen | supported values",
        "BGPConfiguration | default | {serviceClusterIPs: [{cidr: 10.96.0.1/12}]} | spec.serviceClusterIPs[0].cidr | invalid CIDR",
        "BGPConfiguration | default | {communities: [{name: c, value: '1:2'}], prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: [c, '3:4', nope]}]} | spec.prefixAdvertisements[0].communities[2] | community used is invalid or not defined",
        "BGPConfiguration | default | {nodeMeshMaxRestartTime: 2x}   | spec.nodeMeshMaxRestartTime | invalid duration",
        "BGPFilter | f | {importV4: [{cidr: 10.0.0.0/8, matchOperator: In, action: Reject}]} | |",
        "BGPFilter | f | {exportV4: [{cidr: 10.0.0.0/8, matchOperator: Within, action: Accept}]} | spec.exportV4[0].matchOperator | supported values",
        "BGPFilter | f | {exportV4: [{action: Maybe}]}              | spec.exportV4[0].action | supported values",
        "BGPFilter | f | {exportV4: [{action: Reject, operations: [{setPriority: {value: 5}}]}]} | spec.exportV4[0].operations | operations may only be used with action Accept",
        "BGPFilter | f | {exportV4: [{action: Accept, operations: [{}]}]} | spec.exportV4[0].operations[0] | should have at least 1 properties",
        "BGPFilter | f | {exportV6: [{cidr: 'fd00::/8', matchOperator: Equal, prefixLength: {min: 129}, action: Accept}]} | spec.exportV6[0].prefixLength.min | between 0 and 128",
        "BGPFilter | f | {exportV4: [{cidr: 10.0.0.0/8, matchOperator: In, action: Accept, interface: 'eth*'}]} | |",
        // Felix
        "FelixConfiguration | default | {logSeverityScreen: Loud}    | spec.logSeverityScreen | supported values",
        "FelixConfiguration | default | {routeRefreshInterval: 90s, reportingTTL: 1m30s} | |",
        "FelixConfiguration | default | {routeRefreshInterval: ninety} | spec.routeRefreshInterval | invalid duration",
        "FelixConfiguration | default | {natOutgoingAddress: 'fd00::1'} | spec.natOutgoingAddress | must be a valid IPv4 address",
        "FelixConfiguration | default | {wireguardListeningPort: 0}  | spec.wireguardListeningPort | between 1 and 65535",
        "FelixConfiguration | default | {kubeNodePortRanges: [http]} | spec.kubeNodePortRanges[0] | should not contain named ports",
        "FelixConfiguration | default | {routeTableRange: {min: 1, max: 250}, routeTableRanges: [{min: 1, max: 250}]} | spec.routeTableRange | cannot both be set",
        "FelixConfiguration | default | {routeTableRanges: [{min: 10, max: 5}]} | spec.routeTableRanges[0] | min must not be greater than max",
        "FelixConfiguration | default | {externalNodesList: ['fd00::/64']} | spec.externalNodesList[0] | has invalid IPv6 CIDR",
        "FelixConfiguration | default | {openstackRegion: Bad_Region} | spec.openstackRegion | must be a valid DNS label",
        "FelixConfiguration | default | {failsafeInboundHostPorts: [{protocol: ICMP, port: 1}]} | spec.failsafeInboundHostPorts[0].protocol | protocol must be",
        "FelixConfiguration | default | {healthTimeoutOverrides: [{name: 'bad/name', timeout: 30s}]} | spec.healthTimeoutOverrides[0].name | name should match regex",
        "FelixConfiguration | default | {nftablesMode: Enabled, bpfEnabled: false, ipv6Support: false} | |",
        "FelixConfiguration | default | {natPortRange: 0, bpfPSNATPorts: '20000:29999', kubeNodePortRanges: ['30000:32767', 0]} | |",
        "FelixConfiguration | default | {bpfConntrackMode: Userspace, istioAmbientMode: Enabled, istioDSCPMark: 23, prometheusMetricsClientAuth: RequireAnyClientCert} | |",
        "FelixConfiguration | default | {logPrefix: 'calico-drop: %n'} | |",
        "FelixConfiguration | default | {logPrefix: 'bad!prefix'}    | spec.logPrefix | should match",
        "FelixConfiguration | default | {logActionRateLimit: 10/second} | |",
        "FelixConfiguration | default | {logActionRateLimit: 10/week} | spec.logActionRateLimit | should match",
        "FelixConfiguration | default | {interfacePrefix: 'cali,tap'} | |",
        "FelixConfiguration | default | {bpfMaglevMaxServices: 5000}  | spec.bpfMaglevMaxServices | between 1 and 3000",
        "FelixConfiguration | default | {chainInsertMode: Append, iptablesBackend: NFT, bpfExternalServiceMode: DSR} | |",
        // sets and endpoints
        "GlobalNetworkSet | s | {nets: [10.0.0.0/8, 'fd00::1']}       | |",
        "GlobalNetworkSet | s | {nets: [10.0.0.0/33]}                 | spec.nets[0] | invalid CIDR",
        "WorkloadEndpoint | w | {node: n1, interfaceName: cali1, ipNetworks: [10.0.0.0/24]} | spec.ipNetworks[0] | multiple addresses",
        "WorkloadEndpoint | w | {node: n1, interfaceName: cali1, ipNetworks: [10.0.0.1/32], mac: 'zz:zz'} | spec.mac | invalid MAC",
        "WorkloadEndpoint | w | {node: n1}                           | spec.interfaceName | Required value",
        "WorkloadEndpoint | w | {interfaceName: cali1, ipNetworks: ['1.2.3.4/32'], ipNATs: [{internalIP: 1.2.3.4, externalIP: 100.200.0.0}]} | |",
        "WorkloadEndpoint | w | {interfaceName: cali1, ipNATs: [{internalIP: 1.2.3.4, externalIP: 100.200.0.0}]} | spec.ipNATs[0] | not in the endpoint networks",
        "WorkloadEndpoint | w | {interfaceName: cali1, ports: [{protocol: TCP, port: 1234, hostPort: 2345, hostIP: 999.1.1.1}]} | spec.ports[0].hostIP | invalid IP",
        "WorkloadEndpoint | w | {interfaceName: cali1, ports: [{name: p, protocol: TCP}]} | spec.ports[0].port | Required value",
        "WorkloadEndpoint | w | {interfaceName: cali1, allowSpoofedSourcePrefixes: [10.abcd]} | spec.allowSpoofedSourcePrefixes[0] | invalid CIDR",
        "BGPConfiguration | default | {prefixAdvertisements: [{cidr: 192.168.10.0/28}]} | spec.prefixAdvertisements[0].communities | Required value",
        "BGPConfiguration | default | {prefixAdvertisements: [{communities: ['100:5964']}]} | spec.prefixAdvertisements[0].cidr | invalid CIDR value",
        "NetworkPolicy | thing | {performanceHints: [AssumeNeededOnEveryNode, AssumeNeededOnEveryNode]} | spec.performanceHints[1] | Duplicate value",
        "Node | n1 | {bgp: {}}                                        | spec.bgp | Spec.BGP should not be empty",
        "Node | n1 | {bgp: {ipv4Address: 10.0.0.1/24}, ipv4VXLANTunnelAddr: 10.244.0.1} | |",
        "IPReservation | r | {reservedCIDRs: [10.0.0.0/24, bogus]}   | spec.reservedCIDRs[1] | invalid CIDR",
        "KubeControllersConfiguration | default | {controllers: {loadBalancer: {assignIPs: Some}}} | spec.controllers.loadBalancer.assignIPs | supported values",
        "IPAMConfiguration | default | {maxBlocksPerHost: -1}         | spec.maxBlocksPerHost | between",
        "KubeControllersConfiguration | other | {}                  | metadata.name | name other than \"default\"",
        "ClusterInformation | default | {clusterType: 'k8s,bgp', datastoreReady: true} | |",
        "BlockAffinity | b | {state: confirmed, node: node-1, cidr: 10.0.0.0/24, deleted: 'false'} | |",
        "BlockAffinity | b | {state: confirmed, node: node-1, cidr: 10.0.0.0/24, deleted: 'true'} | spec.deleted | cannot be set to \"true\"",
        "CalicoNodeStatus | s | {node: n1, classes: [Agent, BGP], updatePeriodSeconds: 10} | |",
        "CalicoNodeStatus | s | {node: n1, classes: [Everything]}   | spec.classes[0] | supported values",
        "Node | n1 | {bgp: {ipv4Address: 10.0.0.1/24, routeReflectorClusterID: abcdef}} | spec.bgp.routeReflectorClusterID | invalid IPv4",
    })
    void kindRules(String kind, String name, String spec, String path, String message) {
        String namespace = kind.equals("NetworkPolicy") || kind.equals("WorkloadEndpoint") ? "prod" : null;
        ValidationCases.expect(ValidationCases.run(kind, name, namespace, spec), path, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{ingress: [{action: Allow}], preDNAT: true, applyOnForward: true}                 | |",
        "{preDNAT: true, doNotTrack: true, applyOnForward: true}                           | spec.preDNAT | preDNAT and doNotTrack cannot both be true",
        "{preDNAT: true, applyOnForward: true, egress: [{action: Allow}]}                  | spec.egress | preDNAT policy cannot have any egress rules",
        "{preDNAT: true, applyOnForward: true, types: [Egress]}                            | spec.types | preDNAT policy cannot have 'Egress' type",
        "{doNotTrack: true}                                                                | spec.applyOnForward | applyOnForward must be true",
        "{namespaceSelector: 'global()'}                                                   | spec.namespaceSelector | global() can only be used",
        "{egress: [{action: Allow, destination: {services: {name: s}}}]}                   | spec.egress[0].destination.services.namespace | must specify a namespace",
    })
    void globalPolicyFlags(String spec, String path, String message) {
        ValidationCases.expect(ValidationCases.run("GlobalNetworkPolicy", "gnp", null, spec), path, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "StagedNetworkPolicy       | {stagedAction: Delete}                          | |",
        "StagedNetworkPolicy       | {stagedAction: Delete, selector: all()}         | spec | should all be zero-value if stagedAction is Delete",
        "StagedNetworkPolicy       | {stagedAction: Maybe}                           | spec.stagedAction | supported values",
        "StagedGlobalNetworkPolicy | {ingress: [{action: Deny}]}                     | |",
        "StagedGlobalNetworkPolicy | {stagedAction: Delete, preDNAT: true}           | spec | should all be zero-value",
    })
    void stagedPolicies(String kind, String spec, String path, String message) {
        String namespace = kind.equals("StagedNetworkPolicy") ? "prod" : null;
        ValidationCases.expect(ValidationCases.run(kind, "staged", namespace, spec), path, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{a: b}                 | |",
        "{'example.com/a': b}   | |",
        "{'-a': b}              | metadata.labels[-a] | invalid label key",
        "{a: 'b c'}             | metadata.labels[a] | invalid label value",
        "{'projectcalico.org/namespace': x} | metadata.labels[projectcalico.org/namespace] | not a valid label name",
    })
    void labels(String labels, String path, String message) {
        String text = "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: s, labels: "
                + labels + "}\nspec: {nets: [10.0.0.0/8]}\n";
        var r = dev.calyx.model.codec.ResourceCodec.INSTANCE.decode(text, "t");
        ValidationCases.expect(Validator.validate(r), path, message);
    }
}
