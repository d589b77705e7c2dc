import rule from '../../../../src/rules/startup-failures/unknown-flag';
import { apiserverPod, kubeletCommandLine, manifestPath, staticPod } from '../../../support/fixtures';
import { inputForms, pathOf } from '../../../support/input-forms';
import { ruleTester, type InvalidCase } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const image = (v: string) => `registry.k8s.io/kube-apiserver:v${v}`;
const typo = '--kubelet-certificate-authorty=/etc/kubernetes/pki/ca.crt';

const everyForm = (program: Parameters<typeof inputForms>[0], flag: string, meant: string): InvalidCase[] =>
  inputForms(program, flag).map(({ form, files, file: at, line }) => ({
    name: `${program} typo in a ${form}`,
    files,
    options: { kubernetesVersion: '1.31' },
    findings: [
      { file: at, line, path: pathOf(program), messageIncludes: ['unknown flag', `Did you mean ${meant}?`] },
    ],
  }));

ruleTester(rule, {
  valid: [
    {
      name: 'kubeadm flags (1.31)',
      files: [
        { name: file, content: apiserverPod(['--secure-port=6443', '--authorization-mode=Node,RBAC']) },
      ],
    },
    {
      name: 'an underscore spelling, which kube components read as the dashed flag',
      files: [{ name: file, content: apiserverPod(['--anonymous_auth=false', '-v=2']) }],
    },
    {
      name: '--authentication-config on 1.29, the version that added it',
      files: [
        {
          name: file,
          content: apiserverPod(['--authentication-config=/etc/kubernetes/authn.yaml'], image('1.29.0')),
        },
      ],
    },
    {
      name: 'a deprecated flag the reference pages hide, still accepted (--apiserver-count on 1.35)',
      files: [{ name: file, content: apiserverPod(['--apiserver-count=3'], image('1.35.0')) }],
    },
    {
      name: 'the kubelet cadvisor flags the pages dropped at 1.20, still registered',
      files: [
        {
          name: '/proc/1/cmdline',
          content: kubeletCommandLine(['--containerd=/run/containerd/containerd.sock']),
        },
      ],
      options: { kubernetesVersion: '1.35' },
    },
  ],
  invalid: [
    {
      name: 'a hundred and five unknown flags: ninety-nine listed, and one finding counts the other six',
      files: [
        { name: file, content: apiserverPod(Array.from({ length: 105 }, (_, i) => `--not-a-flag-${i}=x`)) },
      ],
      findings: [
        ...Array.from({ length: 99 }, (_, i) => ({ file, messageIncludes: `--not-a-flag-${i} (` })),
        {
          file,
          messageIncludes: ['--not-a-flag-99 (', 'has 5 more findings of this rule after this one'],
        },
      ],
    },
    ...everyForm('kube-apiserver', typo, '--kubelet-certificate-authority'),
    ...everyForm('kubelet', '--rotate-certificate=true', '--rotate-certificates'),
    ...everyForm('kube-scheduler', '--bind-adress=127.0.0.1', '--bind-address'),
    {
      name: '--authentication-config on 1.28, the version before it',
      files: [
        {
          name: file,
          content: apiserverPod(['--authentication-config=/etc/kubernetes/authn.yaml'], image('1.28.4')),
        },
      ],
      findings: [{ line: 10, messageIncludes: ['has only from 1.29', 'runs 1.28', 'Upgrade'] }],
    },
    {
      // The flag facts are worked out once per program and version of an upload: two versions, two answers.
      name: 'two API servers of one upload, 1.29 and 1.28: only the 1.28 one lacks --authentication-config',
      files: ['cp-1', 'cp-2'].map((node, i) => ({
        name: `${node}${file}`,
        content: apiserverPod(
          ['--authentication-config=/etc/kubernetes/authn.yaml'],
          image(['1.29.0', '1.28.4'][i]!),
        ),
      })),
      findings: [{ file: `cp-2${file}`, line: 10, messageIncludes: ['has only from 1.29', 'runs 1.28'] }],
    },
    {
      name: 'two API servers of one version writing the same typo: a finding for each',
      files: ['cp-1', 'cp-2'].map((node) => ({ name: `${node}${file}`, content: apiserverPod([typo]) })),
      findings: ['cp-1', 'cp-2'].map((node) => ({ file: `${node}${file}`, messageIncludes: 'unknown flag' })),
    },
    {
      name: "another component's flag",
      files: [{ name: file, content: apiserverPod(['--rotate-certificates=true']) }],
      findings: [{ messageIncludes: '--rotate-certificates is a flag of kubelet' }],
    },
    {
      name: 'a long flag written with one dash',
      files: [{ name: file, content: apiserverPod(['-secure-port=6443']) }],
      findings: [{ messageIncludes: ["unknown shorthand flag: 's' in -secure-port", 'Write --secure-port'] }],
    },
    {
      name: 'Konnectivity does not normalise underscores',
      files: [
        {
          name: '/etc/kubernetes/manifests/konnectivity-server.yaml',
          content: staticPod(
            'konnectivity-server',
            ['--log_file=/var/log/konnectivity.log'],
            'registry.k8s.io/kas-network-proxy/proxy-server:v0.33.0',
          ),
        },
      ],
      findings: [
        {
          messageIncludes: [
            'unknown flag: --log_file',
            'Did you mean --log-file?',
            'konnectivity-server is v0.33.0',
          ],
        },
      ],
    },
    {
      name: 'kube-proxy in its DaemonSet',
      files: [
        {
          name: 'kube-proxy.yaml',
          content: [
            'apiVersion: apps/v1',
            'kind: DaemonSet',
            'metadata: {name: kube-proxy, namespace: kube-system}',
            'spec:',
            '  template:',
            '    spec:',
            '      containers:',
            '      - name: kube-proxy',
            '        image: registry.k8s.io/kube-proxy:v1.31.2',
            '        command:',
            '        - /usr/local/bin/kube-proxy',
            '        - --config=/var/lib/kube-proxy/config.conf',
            '        - --hostname-overide=$(NODE_NAME)',
            '',
          ].join('\n'),
        },
      ],
      findings: [{ line: 13, messageIncludes: 'Did you mean --hostname-override?' }],
    },
    {
      name: 'a version newer than the tables: judged by the newest, and said so',
      files: [
        { name: file, content: apiserverPod(['--enable-admission-plugin=NodeRestriction'], image('1.36.0')) },
      ],
      findings: [
        { messageIncludes: ['Did you mean --enable-admission-plugins?', 'The tables stop at 1.35'] },
      ],
    },
    {
      name: 'a version newer than the tables, near no real flag: maybe one it added (medium)',
      files: [{ name: file, content: apiserverPod(['--some-brand-new-thing=true'], image('1.36.0')) }],
      findings: [{ severity: 'medium', messageIncludes: 'The tables stop at 1.35' }],
    },
    {
      name: 'version unknown: still critical, judged by the newest table',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver\0--secrue-port=6443\0' }],
      findings: [{ messageIncludes: ['Did you mean --secure-port?', 'Judged by the 1.35 table'] }],
    },
    {
      name: 'only patch releases have it (--aggregator-reject-forwarding-redirect on 1.24): low',
      files: [
        {
          name: file,
          content: apiserverPod(['--aggregator-reject-forwarding-redirect=true'], image('1.24.17')),
        },
      ],
      findings: [{ severity: 'low', messageIncludes: 'cannot place in its version' }],
    },
  ],
});
