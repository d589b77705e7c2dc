import rule from '../../../../src/rules/startup-failures/tls-key-pair-incomplete';
import {
  KUBELET_CONFIG_PATH,
  apiserverPod,
  kubeletCommandLine,
  kubeletConfig,
  manifestPath,
  staticPod,
} from '../../../support/fixtures';
import { inputForms, pathOf } from '../../../support/input-forms';
import { WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { SERVER_PATH, edit } from '../../../support/konnectivity-setup';
import { ruleTester, type InvalidCase } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const CERT = '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt';
const KEY = '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key';
const server = (flags: string[]) => [
  {
    name: '/etc/kubernetes/manifests/konnectivity-server.yaml',
    content: staticPod(
      'konnectivity-server',
      flags,
      'registry.k8s.io/kas-network-proxy/proxy-server:v0.33.0',
    ),
  },
];
const withConfig = (body: string, flags: string[] = []) => [
  { name: '/proc/1/cmdline', content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`, ...flags]) },
  { name: KUBELET_CONFIG_PATH, content: kubeletConfig(body) },
];

/** Every form; kubeadm writes kube-apiserver's pair itself, so there half a pair means an empty extraArg (below). */
const everyForm = (program: Parameters<typeof inputForms>[0], flag: string): InvalidCase[] =>
  inputForms(program, flag)
    .filter(({ form }) => program !== 'kube-apiserver' || !form.startsWith('kubeadm'))
    .map(({ form, files, file: at, line }) => ({
      name: `${program} ${flag} alone in a ${form}`,
      files,
      options: { kubernetesVersion: '1.31' },
      findings: [
        { file: at, line, path: pathOf(program), messageIncludes: 'missing filename for serving cert' },
      ],
    }));

ruleTester(rule, {
  valid: [
    { name: 'both halves', files: [{ name: file, content: apiserverPod([CERT, KEY]) }] },
    {
      name: 'neither (a generated self-signed pair)',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
    },
    {
      name: 'half of --kubelet-client-certificate/--kubelet-client-key: the API server starts (and calls kubelets without a certificate)',
      files: [
        {
          name: file,
          content: apiserverPod([
            '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          ]),
        },
      ],
    },
    {
      name: 'kube-controller-manager with its secure port off loads no certificate',
      files: [
        {
          name: manifestPath('kube-controller-manager'),
          content: staticPod('kube-controller-manager', [
            '--secure-port=0',
            '--tls-cert-file=/etc/kubernetes/pki/kcm.crt',
          ]),
        },
      ],
    },
    {
      name: 'a kubelet with both in its config file',
      files: withConfig('tlsCertFile: /pki/k.crt\ntlsPrivateKeyFile: /pki/k.key\n'),
    },
    {
      name: 'a /configz dump shows a running kubelet',
      files: [
        {
          name: 'configz.json',
          content: '{"kubeletconfig":{"tlsCertFile":"/var/lib/kubelet/pki/kubelet.crt"}}',
        },
      ],
    },
  ],
  invalid: [
    ...everyForm('kube-apiserver', CERT),
    {
      name: 'kubeadm extraArgs emptying kube-apiserver --tls-private-key-file',
      files: [
        {
          name: '/etc/kubernetes/kubeadm.yaml',
          content: [
            'apiVersion: kubeadm.k8s.io/v1beta4',
            'kind: ClusterConfiguration',
            'kubernetesVersion: v1.31.2',
            'apiServer:',
            '  extraArgs:',
            '  - name: tls-private-key-file',
            '    value: ""',
            '',
          ].join('\n'),
        },
      ],
      findings: [
        {
          file: '/etc/kubernetes/kubeadm.yaml',
          messageIncludes: [
            '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt but not its key',
            '--tls-private-key-file=',
          ],
        },
      ],
    },
    ...everyForm('kube-scheduler', '--tls-private-key-file=/etc/kubernetes/pki/scheduler.key'),
    {
      name: 'a kubelet with tlsCertFile in its config file and no key',
      files: withConfig('tlsCertFile: /var/lib/kubelet/pki/kubelet-serving.crt\n'),
      findings: [
        {
          file: KUBELET_CONFIG_PATH,
          line: 3,
          path: 'apiserver-to-kubelet',
          messageIncludes: [
            'tlsCertFile: /var/lib/kubelet/pki/kubelet-serving.crt',
            'Failed to listen and serve',
          ],
        },
      ],
    },
    {
      name: 'a kubelet given the key by flag, over a config file without the certificate',
      files: withConfig('', ['--tls-private-key-file=/var/lib/kubelet/pki/kubelet.key']),
      findings: [{ file: '/proc/1/cmdline', messageIncludes: 'but not its certificate' }],
    },
    {
      name: 'konnectivity-server: half the cluster pair and half the server pair',
      files: server([
        '--cluster-cert=/etc/kubernetes/pki/apiserver.crt',
        '--server-key=/etc/kubernetes/pki/konnectivity.key',
      ]),
      findings: [
        {
          path: 'konnectivity',
          messageIncludes:
            'cannot have server cert empty when server key is set to "/etc/kubernetes/pki/konnectivity.key"',
        },
        {
          path: 'konnectivity',
          messageIncludes:
            'cannot have cluster key empty when cluster cert is set to "/etc/kubernetes/pki/apiserver.crt"',
        },
      ],
    },
    {
      name: 'the setup-konnectivity task without --cluster-key',
      files: [{ name: SERVER_PATH, content: edit(WEBSITE_SERVER, /"--cluster-key=[^"]*",/, '') }],
      findings: [
        {
          file: SERVER_PATH,
          line: 20,
          path: 'konnectivity',
          messageIncludes: 'cannot have cluster key empty',
        },
      ],
    },
    {
      name: 'konnectivity-agent: --agent-cert without --agent-key',
      files: [
        {
          name: 'konnectivity-agent.yaml',
          content: staticPod(
            'konnectivity-agent',
            ['--agent-cert=/etc/agent/tls.crt'],
            'registry.k8s.io/kas-network-proxy/proxy-agent:v0.33.0',
          ),
        },
      ],
      findings: [
        { messageIncludes: 'cannot have agent key empty when agent cert is set to "/etc/agent/tls.crt"' },
      ],
    },
  ],
});
