import rule from '../../../../src/rules/apiserver-to-nodes-pods-services/proxy-traffic-unprotected';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const k3s = '/etc/rancher/k3s/config.yaml';
const egressFile = '/etc/kubernetes/egress-selector-configuration.yaml';
const egress = (protocol: string, name = 'cluster') =>
  [
    'apiVersion: apiserver.k8s.io/v1beta1',
    'kind: EgressSelectorConfiguration',
    'egressSelections:',
    `- name: ${name}`,
    '  connection:',
    `    proxyProtocol: ${protocol}`,
    ...(protocol === 'Direct'
      ? []
      : [
          '    transport:',
          '      uds:',
          '        udsName: /etc/kubernetes/konnectivity-server/konnectivity-server.socket',
        ]),
    '',
  ].join('\n');
const withEgress = apiserverPod([`--egress-selector-config-file=${egressFile}`]);

ruleTester(rule, {
  valid: [
    {
      name: 'Konnectivity over GRPC',
      files: [
        { name: file, content: withEgress },
        { name: egressFile, content: egress('GRPC') },
      ],
    },
    {
      name: 'Konnectivity over HTTPConnect',
      files: [
        { name: file, content: withEgress },
        { name: egressFile, content: egress('HTTPConnect') },
      ],
    },
    {
      name: 'an SSH tunnel on a version that still has it',
      files: [
        {
          name: file,
          content: apiserverPod(
            ['--ssh-user=tunnel', '--ssh-keyfile=/etc/ssh/tunnel'],
            'registry.k8s.io/kube-apiserver:v1.21.14',
          ),
        },
      ],
    },
    {
      name: 'k3s with egress-selector-mode cluster: its tunnels carry pods and services',
      files: [{ name: k3s, content: 'egress-selector-mode: cluster\n' }],
    },
  ],
  invalid: [
    {
      name: 'no egress selector, no tunnel',
      files: [{ name: file, content: apiserverPod([]) }],
      findings: [{ file, locationDefault: true }],
    },
    {
      name: 'the cluster selection is Direct',
      files: [
        { name: file, content: withEgress },
        { name: egressFile, content: egress('Direct') },
      ],
      findings: [{ file: egressFile, line: 6, messageIncludes: 'proxyProtocol Direct' }],
    },
    {
      name: 'only a controlplane selection',
      files: [
        { name: file, content: withEgress },
        { name: egressFile, content: egress('GRPC', 'controlplane') },
      ],
      findings: [{ file: egressFile, messageIncludes: 'no egress selection named cluster' }],
    },
    {
      name: 'SSH flags on 1.22+, where they no longer exist',
      files: [
        {
          name: file,
          content: apiserverPod(
            ['--ssh-user=tunnel', '--ssh-keyfile=/etc/ssh/tunnel'],
            'registry.k8s.io/kube-apiserver:v1.31.2',
          ),
        },
      ],
      findings: [{ file }],
    },
    {
      name: 'trusted network: info, and the message says what that assumes',
      files: [{ name: file, content: apiserverPod([]) }],
      options: { network: 'trusted' },
      findings: [{ severity: 'info', messageIncludes: 'network=trusted says no one untrusted can reach' }],
    },
    {
      name: 'only --ssh-user on 1.21: no tunnel is built',
      files: [
        {
          name: file,
          content: apiserverPod(['--ssh-user=tunnel'], 'registry.k8s.io/kube-apiserver:v1.21.14'),
        },
      ],
      findings: [{ file, locationDefault: true, messageIncludes: 'no SSH tunnel' }],
    },
    {
      name: 'RKE2 with egress-selector-mode disabled',
      files: [
        { name: '/etc/rancher/rke2/config.yaml', content: 'token: x\negress-selector-mode: disabled\n' },
      ],
      findings: [{ line: 2, locationDefault: false, messageIncludes: 'rke2 tunnel nothing' }],
    },
  ],
  notEvaluated: [
    {
      name: 'the egress selector file was not uploaded',
      files: [{ name: file, content: withEgress }],
      reasonIncludes: 'which was not uploaded',
    },
    {
      name: 'k3s without egress-selector-mode: the k3s command line may set it, so the default is not assumed',
      files: [{ name: k3s, content: 'kube-apiserver-arg:\n- anonymous-auth=false\n' }],
      reasonIncludes: 'k3s passes',
    },
  ],
});
