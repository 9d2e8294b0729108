package dev.calyx.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule and EntityRule rules, through a GlobalNetworkPolicy ingress rule. */
class RuleValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{action: Allow}                                                    | |",
        "{action: allowfoo}                                                 | spec.ingress[0].action | Unsupported value",
        "{protocol: TCP}                                                    | spec.ingress[0].action | Required value",
        "{action: Allow, ipVersion: 5}                                      | spec.ingress[0].ipVersion | Unsupported",
        "{action: Allow, protocol: 256}                                     | spec.ingress[0].protocol | protocol number invalid",
        "{action: Allow, protocol: 0}                                       | spec.ingress[0].protocol | protocol number invalid",
        "{action: Allow, protocol: TCPX}                                    | spec.ingress[0].protocol | protocol name invalid",
        "{action: Allow, protocol: UDPLite}                                 | |",
        "{action: Allow, protocol: tcp}                                     | spec.ingress[0].protocol | protocol name invalid",
        "{action: Allow, protocol: '255'}                                   | |",
        "{action: Allow, protocol: '256'}                                   | spec.ingress[0].protocol | protocol name invalid",
        "{action: Allow, protocol: '0'}                                     | spec.ingress[0].protocol | protocol number invalid",
        "{action: Allow, protocol: TCP, destination: {ports: [80, '90:80']}} | spec.ingress[0].destination.ports[1] | invalid port range \"90:80\"",
        "{action: Allow, protocol: TCP, destination: {ports: [0]}}          | spec.ingress[0].destination.ports[0] | between 1 and 65535",
        "{action: Allow, protocol: TCP, destination: {ports: [65536]}}      | spec.ingress[0].destination.ports[0] | between 1 and 65535",
        "{action: Allow, protocol: TCP, destination: {ports: ['bad name']}} | spec.ingress[0].destination.ports[0] | invalid name for named port",
        "{action: Allow, protocol: SCTP, source: {ports: [http, '1:2']}}    | |",
        "{action: Allow, protocol: ICMP, destination: {ports: [80]}}        | spec.ingress[0].destination.ports | must set protocol to TCP or UDP or SCTP",
        "{action: Allow, destination: {notPorts: [80]}}                     | spec.ingress[0].destination.notPorts | must set protocol to TCP or UDP or SCTP",
        "{action: Allow, protocol: 17, source: {ports: [53]}}               | |",
        "{action: Allow, protocol: ICMP, icmp: {type: 255}}                 | spec.ingress[0].icmp.type | between 0 and 254",
        "{action: Allow, protocol: ICMP, icmp: {type: 8, code: 256}}        | spec.ingress[0].icmp.code | between 0 and 255",
        "{action: Allow, protocol: ICMP, icmp: {code: 1}}                   | spec.ingress[0].icmp.code | ICMP code specified without an ICMP type",
        "{action: Allow, protocol: TCP, icmp: {type: 8}}                    | spec.ingress[0].icmp | ICMP fields require protocol to be ICMP or ICMPv6",
        "{action: Allow, protocol: ICMPv6, icmp: {type: 128}, ipVersion: 6} | |",
        "{action: Allow, protocol: ICMP, ipVersion: 6}                      | spec.ingress[0].ipVersion | protocol ICMP requires ipVersion 4",
        "{action: Allow, notProtocol: ICMPv6, ipVersion: 4}                 | spec.ingress[0].ipVersion | protocol ICMPv6 requires ipVersion 6",
        "{action: Allow, source: {nets: [10.0.0.0/8, 'fd00::/8']}}          | spec.ingress[0].source.nets | both IPv4 and IPv6",
        "{action: Allow, ipVersion: 6, source: {nets: [10.0.0.0/8]}}        | spec.ingress[0].source.nets | doesn't match CIDR version",
        "{action: Allow, source: {nets: [10.0.0.1/8]}}                      | spec.ingress[0].source.nets[0] | not strictly masked",
        "{action: Allow, source: {notNets: [300.0.0.0/8]}}                  | spec.ingress[0].source.notNets[0] | invalid CIDR",
        "{action: Allow, source: {selector: 'a ==' }}                       | spec.ingress[0].source.selector | invalid selector",
        "{action: Allow, source: {selector: 'global()'}}                    | spec.ingress[0].source.selector | global() can only be used in an EntityRule namespaceSelector",
        "{action: Allow, source: {namespaceSelector: 'global()'}}           | |",
        "{action: Allow, source: {selector: '', namespaceSelector: ''}}     | |",
        "{action: Allow, source: {selector: 'thing=hello &'}}               | spec.ingress[0].source.selector | invalid selector",
        "{action: Allow, destination: {namespaceSelector: \"projectcalico.org/name == 'test'\"}} | |",
        "{action: Allow, source: {namespaceSelector: 'global() && a == \"b\"'}} | spec.ingress[0].source.namespaceSelector | global() cannot be combined",
        "{action: Allow, source: {serviceAccounts: {names: [a], selector: 'x == \"y\"'}}} | |",
        "{action: Allow, source: {services: {name: svc, namespace: ns}}}    | |",
        "{action: Allow, source: {services: {namespace: ns}}}               | spec.ingress[0].source.services.name | must specify a service name",
        "{action: Allow, source: {services: {name: s, namespace: n}, selector: 'a == \"b\"'}} | spec.ingress[0].source.services | Selector/NotSelector and Services",
        "{action: Allow, source: {services: {name: s, namespace: n}, namespaceSelector: all()}} | spec.ingress[0].source.services | NamespaceSelector and Services",
        "{action: Allow, source: {services: {name: s, namespace: n}, serviceAccounts: {names: [a]}}} | spec.ingress[0].source.services | ServiceAccounts and Services",
        "{action: Allow, protocol: TCP, http: {methods: [GET, GET]}}        | spec.ingress[0].http.methods | duplicates",
        "{action: Allow, protocol: UDP, http: {methods: [GET]}}             | spec.ingress[0].protocol | rules with HTTP match must have protocol TCP or unset",
        "{action: Allow, http: {paths: [{exact: /a, prefix: /b}]}}          | spec.ingress[0].http.paths[0] | Both 'exact' and 'prefix'",
        "{action: Allow, http: {paths: [{exact: 'a?b'}]}}                   | spec.ingress[0].http.paths[0] | must start with `/`",
        "{action: Pass, metadata: {annotations: {'bad key!': v}}}           | spec.ingress[0].metadata.annotations[bad key!] | invalid annotation key",
    })
    void ingressRule(String rule, String path, String message) {
        var errors = ValidationCases.run("GlobalNetworkPolicy", "rule-test", null, "{ingress: [" + rule + "]}");
        ValidationCases.expect(errors, path, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{egress: [{action: Allow, destination: {services: {name: s}}}]}    | |",
        "{egress: [{action: Allow, source: {services: {name: s}}}]}         | spec.egress[0].source.services | not allowed in egress rule source",
        "{ingress: [{action: Allow, destination: {services: {name: s}}}]}   | spec.ingress[0].destination.services | not allowed in ingress rule destination",
        "{egress: [{action: Allow, http: {methods: [GET]}}]}                | spec.egress[0].http | not allowed in egress rule",
        "{egress: [{action: Allow, protocol: TCP, destination: {services: {name: s}, ports: [80]}}]} | spec.egress[0].destination.ports | cannot be specified with services",
        "{types: [Ingress, Ingress]}                                        | spec.types[1] | 'Ingress' type specified more than once",
        "{types: [Sideways]}                                                | spec.types[0] | Unsupported value",
        "{selector: 'global()'}                                             | spec.selector | global() can only be used",
        "{tier: Bad.Tier}                                                   | spec.tier | invalid tier name",
        "{performanceHints: [Fast]}                                         | spec.performanceHints[0] | Unsupported value",
        "{order: 10.5, selector: all(), serviceAccountSelector: 'role == \"x\"'} | |",
    })
    void namespacedPolicy(String spec, String path, String message) {
        var errors = ValidationCases.run("NetworkPolicy", "thing", "prod", spec);
        ValidationCases.expect(errors, path, message);
    }
}
