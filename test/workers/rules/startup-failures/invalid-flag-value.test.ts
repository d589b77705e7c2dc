import rule from '../../../../src/rules/startup-failures/invalid-flag-value';
import {
  KUBELET_CONFIG_PATH,
  apiserverPod,
  kubeletCommandLine,
  kubeletConfig,
  manifestPath,
} from '../../../support/fixtures';
import { inputForms, pathOf } from '../../../support/input-forms';
import { ruleTester, type InvalidCase } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const image = (v: string) => `registry.k8s.io/kube-apiserver:v${v}`;
const pod = (flags: string[], version = '1.31.2') => [
  { name: file, content: apiserverPod(flags, image(version)) },
];

const everyForm = (program: Parameters<typeof inputForms>[0], flag: string, says: string): InvalidCase[] =>
  inputForms(program, flag).map(({ form, files, file: at, line }) => ({
    name: `${program} ${flag} in a ${form}`,
    files,
    options: { kubernetesVersion: '1.31' },
    findings: [{ file: at, line, path: pathOf(program), messageIncludes: says }],
  }));

/** A kubelet with --config and its config file. */
const kubelet = (body: string, version = '1.31') => ({
  files: [
    { name: '/proc/1/cmdline', content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`]) },
    { name: KUBELET_CONFIG_PATH, content: kubeletConfig(body) },
  ],
  options: { kubernetesVersion: version },
});

ruleTester(rule, {
  valid: [
    {
      // The kubelet decodes nested objects: a key spelled with dots is an unknown field, which v1beta1 ignores.
      name: 'a config key with dots is no field: "authentication.anonymous.enabled": "yes" is ignored',
      ...kubelet('"authentication.anonymous.enabled": "yes"\n'),
    },
    {
      name: 'values as Go reads them: 0x1F, a bare 0 duration, Go booleans, the legacy cipher names',
      files: pod([
        '--max-requests-inflight=0x1F',
        '--request-timeout=0',
        '--profiling=F',
        '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305,TLS_AES_128_GCM_SHA256',
        '--authorization-mode=Node,RBAC',
      ]),
    },
    {
      name: 'PodSecurityPolicy on 1.24, before its removal',
      files: pod(['--enable-admission-plugins=PodSecurityPolicy'], '1.24.17'),
    },
    {
      name: 'SidecarContainers=false on 1.32, before it was locked',
      files: pod(['--feature-gates=SidecarContainers=false'], '1.32.0'),
    },
    {
      name: 'a value the kubelet expands first: $(NODE_NAME)',
      files: pod(['--advertise-address=$(POD_IP)']),
    },
    {
      name: 'a kubelet config file with the right types and names',
      ...kubelet(
        [
          'streamingConnectionIdleTimeout: 4h0m0s',
          'readOnlyPort: 0',
          'serializeImagePulls: false',
          'tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]',
          'featureGates:',
          '  RotateKubeletServerCertificate: true',
          'authorization:',
          '  mode: Webhook',
          '',
        ].join('\n'),
      ),
    },
    {
      name: 'a /configz dump shows a running kubelet: not judged',
      files: [
        {
          name: 'configz.json',
          content: '{"kubeletconfig":{"streamingConnectionIdleTimeout":5,"readOnlyPort":0}}',
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a kubelet config of 105 unknown cipher suites: 99 listed, each at its item, and one counts the other six',
      ...kubelet(
        `tlsCipherSuites:\n${Array.from({ length: 105 }, (_, i) => `- NOT_A_CIPHER_${i}\n`).join('')}`,
      ),
      findings: [
        ...Array.from({ length: 99 }, (_, i) => ({
          line: 4 + i,
          messageIncludes: `Cipher suite NOT_A_CIPHER_${i} not supported`,
        })),
        {
          line: 103,
          messageIncludes: [
            'NOT_A_CIPHER_99 not supported',
            'has 5 more findings of this rule after this one',
          ],
        },
      ],
    },
    ...everyForm(
      'kube-apiserver',
      '--tls-cipher-suites=TLS_RSA_WITH_RC4_128_MD5',
      "Cipher suite TLS_RSA_WITH_RC4_128_MD5 not supported or doesn't exist",
    ),
    ...everyForm('kubelet', '--streaming-connection-idle-timeout=5', 'time: missing unit in duration "5"'),
    ...everyForm(
      'kube-controller-manager',
      '--use-service-account-credentials=yes',
      'strconv.ParseBool: parsing "yes": invalid syntax',
    ),
    {
      name: 'a typo in an authorization mode, with the nearest real one',
      files: pod(['--authorization-mode=Node,Rbac']),
      findings: [
        { messageIncludes: ['authorization-mode "Rbac" is not a valid mode', 'Did you mean RBAC?'] },
      ],
    },
    {
      name: 'PodSecurityPolicy on 1.25, the version that removed it',
      files: pod(['--enable-admission-plugins=NodeRestriction,PodSecurityPolicy'], '1.25.0'),
      findings: [
        {
          messageIncludes: ['plugin "PodSecurityPolicy" is unknown', 'PodSecurityPolicy is removed in 1.25'],
        },
      ],
    },
    {
      // Values are judged once per program, version, flag and value of an upload: each key part matters.
      name: 'API servers of one upload: PodSecurityPolicy on 1.24 and 1.25, and two values of one flag',
      files: [
        ['cp-1', '--enable-admission-plugins=PodSecurityPolicy', '1.24.17'],
        ['cp-2', '--enable-admission-plugins=PodSecurityPolicy', '1.25.0'],
        ['cp-3', '--enable-admission-plugins=PodSecurityPolicy', '1.25.0'],
        ['cp-4', '--enable-admission-plugins=NodeRestriction', '1.25.0'],
      ].map(([node, flag, version]) => ({
        name: `${node}${file}`,
        content: apiserverPod([flag!], image(version!)),
      })),
      findings: ['cp-2', 'cp-3'].map((node) => ({
        file: `${node}${file}`,
        messageIncludes: 'plugin "PodSecurityPolicy" is unknown',
      })),
    },
    {
      name: 'SidecarContainers=false on 1.33, locked to true from then',
      files: pod(['--feature-gates=SidecarContainers=false'], '1.33.0'),
      findings: [
        { messageIncludes: 'cannot set feature gate SidecarContainers to false, feature is locked to true' },
      ],
    },
    {
      name: 'an IP, a port range, a TLS version',
      files: pod([
        '--advertise-address=10.0.0.256',
        '--service-node-port-range=32767-30000',
        '--tls-min-version=VersionTLS14',
      ]),
      findings: [
        { line: 10, messageIncludes: 'failed to parse IP: "10.0.0.256"' },
        { line: 11, messageIncludes: 'end port cannot be less than start port' },
        { line: 12, messageIncludes: 'unknown tls version "VersionTLS14"' },
      ],
    },
    {
      name: 'kubelet config file fields: wrong types and names',
      ...kubelet(
        [
          'streamingConnectionIdleTimeout: 0',
          'serializeImagePulls: "false"',
          'tlsCipherSuites: [TLS_RSA_WITH_RC4_128_MD5]',
          'featureGates:',
          '  RotateKubeletServerCertificat: true',
          'authorization:',
          '  mode: RBAC',
          '',
        ].join('\n'),
      ),
      findings: [
        {
          file: KUBELET_CONFIG_PATH,
          line: 3,
          path: 'apiserver-to-kubelet',
          messageIncludes: 'cannot unmarshal number into Go value of type string',
        },
        {
          line: 4,
          messageIncludes:
            'cannot unmarshal string into Go struct field KubeletConfiguration.serializeImagePulls of type bool',
        },
        { line: 5, messageIncludes: 'Cipher suite TLS_RSA_WITH_RC4_128_MD5' },
        {
          line: 7,
          messageIncludes: [
            'unrecognized feature gate: RotateKubeletServerCertificat',
            'Did you mean RotateKubeletServerCertificate?',
          ],
        },
        { line: 9, messageIncludes: 'unknown authorization mode RBAC' },
      ],
    },
    {
      name: 'a kubelet config drop-in is decoded the same way',
      files: [
        {
          name: '/proc/1/cmdline',
          content: kubeletCommandLine([
            `--config=${KUBELET_CONFIG_PATH}`,
            '--config-dir=/etc/kubernetes/kubelet.conf.d',
          ]),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig() },
        {
          name: '/etc/kubernetes/kubelet.conf.d/10-timeout.conf',
          content: kubeletConfig('streamingConnectionIdleTimeout: 5m0\n'),
        },
      ],
      options: { kubernetesVersion: '1.31' },
      findings: [
        {
          file: '/etc/kubernetes/kubelet.conf.d/10-timeout.conf',
          messageIncludes: 'time: missing unit in duration "5m0"',
        },
      ],
    },
    {
      name: 'version unknown, a gate another version knows: low, and said so',
      files: [
        {
          name: '/proc/1/cmdline',
          content: 'kube-apiserver\0--feature-gates=StrictCostEnforcementForVAP=true\0',
        },
      ],
      findings: [
        {
          severity: 'low',
          messageIncludes: ['StrictCostEnforcementForVAP is removed in 1.35', 'the version is unknown'],
        },
      ],
    },
    {
      name: 'a version newer than the tables, a gate no table knows: medium, and said so',
      files: pod(['--feature-gates=ExtendWebSocketsToKubelet=true'], '1.36.0'),
      findings: [
        { severity: 'medium', messageIncludes: ['unrecognized feature gate', 'The tables stop at 1.35'] },
      ],
    },
    {
      name: 'a gate no table knows where the locks were not read from the source (1.22): medium',
      files: pod(['--feature-gates=NoSuchGateAtAll=true'], '1.22.17'),
      findings: [{ severity: 'medium', messageIncludes: 'unrecognized feature gate: NoSuchGateAtAll' }],
    },
  ],
});
