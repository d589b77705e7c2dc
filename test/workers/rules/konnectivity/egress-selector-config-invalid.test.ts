import rule from '../../../../src/rules/konnectivity/egress-selector-config-invalid';
import { KIND_EGRESS, KIND_MULTINODE_EGRESS, WEBSITE_EGRESS } from '../../../support/konnectivity-corpus';
import {
  EGRESS_PATH,
  apiserverPod,
  APISERVER_PATH,
  edit,
  egressConfig,
} from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const file = EGRESS_PATH;
const only = (content: string) => [{ name: file, content }];
const uds = [
  'proxyProtocol: GRPC',
  'transport:',
  '  uds:',
  '    udsName: /etc/kubernetes/konnectivity-server/konnectivity-server.socket',
];
const v134 = { kubernetesVersion: '1.34' };

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task egress file (kubernetes/website)', files: only(WEBSITE_EGRESS) },
    {
      name: 'apiserver-network-proxy kind example: master is read as controlplane',
      files: only(KIND_EGRESS),
    },
    { name: 'apiserver-network-proxy kind-multinode example', files: only(KIND_MULTINODE_EGRESS) },
    {
      name: 'HTTPConnect over https with a client certificate, v1alpha1',
      files: only(
        egressConfig(
          [
            {
              name: 'cluster',
              connection: [
                'proxyProtocol: HTTPConnect',
                'transport:',
                '  tcp:',
                '    url: https://127.0.0.1:8131',
                '    tlsConfig:',
                '      clientCert: /etc/kubernetes/pki/konnectivity-client.crt',
                '      clientKey: /etc/kubernetes/pki/konnectivity-client.key',
              ],
            },
          ],
          'apiserver.k8s.io/v1alpha1',
        ),
      ),
    },
    {
      name: 'names compare case-insensitively: Cluster is cluster',
      files: only(egressConfig([{ name: 'Cluster', connection: uds }])),
    },
    {
      name: 'before 1.32 an unknown apiVersion and unknown fields are ignored by the decoder',
      files: [
        { name: APISERVER_PATH, content: apiserverPod() },
        {
          name: file,
          content: edit(
            egressConfig([{ name: 'cluster', connection: uds }], 'apiserver.config.k8s.io/v1beta1'),
            'proxyProtocol',
            'extra: 1\n    proxyProtocol',
          ),
        },
      ],
      options: { kubernetesVersion: '1.31' },
    },
  ],
  invalid: [
    {
      name: 'GRPC over tcp (the docs: "UDS must be set with GRPC")',
      files: only(
        edit(WEBSITE_EGRESS, /uds: \{\n\s*udsName: "[^"]*",/, 'tcp: {\n url: "https://10.0.0.10:8131",'),
      ),
      findings: [{ file, line: 16, messageIncludes: ['transport.uds', 'UDS must be set with GRPC'] }],
    },
    {
      name: 'an unknown name',
      files: only(edit(KIND_EGRESS, 'name: etcd', 'name: storage')),
      findings: [
        { file, line: 13, messageIncludes: ['storage is not supported', 'cluster, controlplane, etcd'] },
      ],
    },
    {
      name: 'Master in capitals is not the alias',
      files: only(edit(KIND_EGRESS, 'name: master', 'name: Master')),
      findings: [{ file, line: 10, messageIncludes: 'Master is not supported' }],
    },
    {
      name: 'master and controlplane together are duplicates',
      files: only(edit(KIND_MULTINODE_EGRESS, 'name: etcd', 'name: master')),
      findings: [{ file, line: 13, messageIncludes: ['duplicate', 'controlplane'] }],
    },
    {
      name: 'a proxyProtocol in the wrong case, naming the API server that loads it',
      files: [
        { name: APISERVER_PATH, content: apiserverPod() },
        { name: file, content: edit(WEBSITE_EGRESS, 'proxyProtocol: "GRPC"', 'proxyProtocol: "grpc"') },
      ],
      findings: [{ file, line: 15, messageIncludes: ['is grpc', 'Direct, HTTPConnect, GRPC'] }],
    },
    {
      name: 'Direct with a transport',
      files: only(
        egressConfig([
          {
            name: 'etcd',
            connection: ['proxyProtocol: Direct', 'transport:', '  uds:', '    udsName: /x.socket'],
          },
        ]),
      ),
      findings: [{ messageIncludes: 'config must be absent for direct connect' }],
    },
    {
      name: 'HTTPConnect with both tcp and uds, and an empty udsName elsewhere',
      files: only(
        egressConfig([
          {
            name: 'cluster',
            connection: [
              'proxyProtocol: HTTPConnect',
              'transport:',
              '  tcp:',
              '    url: http://127.0.0.1:8131',
              '  uds:',
              '    udsName: /x.socket',
            ],
          },
          { name: 'etcd', connection: ['proxyProtocol: GRPC', 'transport:', '  uds:', '    udsName: ""'] },
        ]),
      ),
      findings: [
        { line: 8, messageIncludes: 'TCP and UDS cannot both be set' },
        { line: 17, messageIncludes: 'must be present for UDS connections' },
      ],
    },
    {
      name: 'https without clientCert and clientKey; http with a tlsConfig',
      files: only(
        egressConfig([
          {
            name: 'cluster',
            connection: [
              'proxyProtocol: HTTPConnect',
              'transport:',
              '  tcp:',
              '    url: https://10.0.0.10:8131',
              '    tlsConfig:',
              '      caBundle: /ca.crt',
            ],
          },
          {
            name: 'controlplane',
            connection: [
              'proxyProtocol: HTTPConnect',
              'transport:',
              '  tcp:',
              '    url: http://10.0.0.10:8132',
              '    tlsConfig:',
              '      caBundle: /ca.crt',
            ],
          },
        ]),
      ),
      findings: [
        { line: 10, messageIncludes: 'Using TLS requires clientCert' },
        { line: 10, messageIncludes: 'Using TLS requires clientKey' },
        { line: 18, messageIncludes: 'config must not be present when using HTTP' },
      ],
    },
    {
      name: 'a url without a scheme; HTTPConnect without a transport',
      files: only(
        egressConfig([
          {
            name: 'cluster',
            connection: ['proxyProtocol: HTTPConnect', 'transport:', '  tcp:', '    url: 10.0.0.10:8131'],
          },
          { name: 'etcd', connection: ['proxyProtocol: HTTPConnect'] },
        ]),
      ),
      findings: [
        { line: 9, messageIncludes: 'supported connection protocols are http:// and https://' },
        { line: 11, messageIncludes: 'transport must be set for HTTPConnect' },
      ],
    },
    {
      name: 'the 1.16 connection.type format on 1.34: unknown fields and no proxyProtocol',
      files: only(
        egressConfig([
          {
            name: 'cluster',
            connection: ['type: http-connect', 'httpConnect:', '  url: https://127.0.0.1:8131'],
          },
        ]),
      ),
      options: v134,
      findings: [
        { line: 5, messageIncludes: ['proxyProtocol is not set', '1.16-1.17 format'] },
        { line: 6, messageIncludes: ['connection.type', 'unknown field', '1.32'] },
        { line: 7, messageIncludes: ['connection.httpConnect', 'unknown field'] },
      ],
    },
    {
      name: 'apiserver.config.k8s.io/v1beta1 was never the group of this kind (kubernetes#128011)',
      files: only(egressConfig([{ name: 'cluster', connection: uds }], 'apiserver.config.k8s.io/v1beta1')),
      findings: [{ line: 1, messageIncludes: ['apiserver.config.k8s.io/v1beta1', 'version is unknown'] }],
    },
  ],
});
