import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-serving-cert-unverifiable';
import {
  KUBELET_CONFIG_PATH,
  apiserverPod,
  kubeletCommandLine,
  kubeletConfig,
  manifestPath,
} from '../../../support/fixtures';
import { OPTIONS, kubeadm, kubeletServingOwnFile, pem, replace } from '../../../support/pki-uploads';
import { lintWithRule, ruleTester } from '../../../support/rule-tester';
import { describe, expect, it } from 'vitest';

const apiserver = manifestPath('kube-apiserver');
const CA = '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt';
const verifying = { name: apiserver, content: apiserverPod(['--secure-port=6443', CA]) };
const notVerifying = { name: apiserver, content: apiserverPod(['--secure-port=6443']) };

ruleTester(rule, {
  valid: [
    {
      name: 'nothing configured, but the uploaded kubelet.crt is one the cluster CA signed',
      files: kubeletServingOwnFile('kubelet-serving'),
      options: OPTIONS,
    },
    {
      name: "a self-signed serving certificate whose CA the API server's bundle holds",
      files: replace(
        kubeadm({ kubeletServing: 'kubelet-self-signed' }),
        '/etc/kubernetes/pki/ca.crt',
        pem('ca') + pem('kubelet-own-ca'),
      ),
      options: OPTIONS,
    },
    {
      name: 'the API server verifies and the kubelet bootstraps a certificate from the cluster CA',
      files: [verifying, { name: KUBELET_CONFIG_PATH, content: kubeletConfig('serverTLSBootstrap: true\n') }],
    },
    {
      name: 'the API server verifies and the kubelet is given a certificate',
      files: [
        verifying,
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig(
            'tlsCertFile: /var/lib/kubelet/pki/serving.crt\ntlsPrivateKeyFile: /var/lib/kubelet/pki/serving.key\n',
          ),
        },
      ],
    },
    {
      name: 'kubeadm default: the API server does not verify (a security finding of other rules, not breakage)',
      files: [notVerifying, { name: KUBELET_CONFIG_PATH, content: kubeletConfig() }],
    },
  ],
  invalid: [
    {
      name: 'the uploaded serving certificate is its own issuer',
      files: kubeadm({ kubeletServing: 'kubelet-self-signed' }),
      options: OPTIONS,
      findings: [
        {
          file: '/var/lib/kubelet/pki/kubelet-server-current.pem',
          line: 1,
          messageIncludes: ['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt', 'its own issuer'],
        },
      ],
    },
    {
      name: 'the API server verifies, the kubelet config has neither field: both sides named',
      files: [verifying, { name: KUBELET_CONFIG_PATH, content: kubeletConfig('rotateCertificates: true\n') }],
      findings: [
        {
          file: KUBELET_CONFIG_PATH,
          locationDefault: true,
          category: 'breakage',
          messageIncludes: [
            `kube-apiserver (${apiserver}) verifies kubelets with ${CA}`,
            'neither serverTLSBootstrap nor tlsCertFile is set (serverTLSBootstrap is not set in the kubelet config file',
            'logs, exec, attach and port-forward to that node fail',
          ],
        },
      ],
    },
    {
      name: 'twelve API servers verify a kubelet that has neither field: one finding, ten named',
      files: [
        ...Array.from({ length: 12 }, (_, i) => ({
          ...verifying,
          name: apiserver.replace('.yaml', `-${i}.yaml`),
        })),
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('rotateCertificates: true\n') },
      ],
      findings: [
        {
          file: KUBELET_CONFIG_PATH,
          locationDefault: true,
          messageIncludes: [
            `kube-apiserver (${apiserver.replace('.yaml', '-0.yaml')}) (${CA}), `,
            `kube-apiserver (${apiserver.replace('.yaml', '-9.yaml')}) (${CA}) and 2 more verify kubelets, but `,
          ],
        },
      ],
    },
    {
      name: 'a kubelet without --config (flag defaults), among several nodes (findings in model order)',
      files: [
        verifying,
        { name: 'worker-1/proc/kubelet-cmdline.txt', content: kubeletCommandLine(['--v=2']) },
        {
          name: 'worker-2/var/lib/kubelet/config.yaml',
          content: kubeletConfig('serverTLSBootstrap: true\n'),
        },
        {
          name: 'worker-3/var/lib/kubelet/config.yaml',
          content: kubeletConfig('serverTLSBootstrap: false\n'),
        },
      ],
      findings: [
        {
          file: 'worker-3/var/lib/kubelet/config.yaml',
          line: 3,
          messageIncludes: ['kubelet on node worker-3', 'serverTLSBootstrap: false'],
        },
        {
          file: 'worker-1/proc/kubelet-cmdline.txt',
          messageIncludes: ['kubelet on node worker-1', '--rotate-server-certificates is not set'],
        },
      ],
    },
    {
      name: '/configz shows the generated certificate',
      files: [
        verifying,
        {
          name: 'configz.json',
          content:
            '{"kubeletconfig":{"tlsCertFile":"/var/lib/kubelet/pki/kubelet.crt","tlsPrivateKeyFile":"/var/lib/kubelet/pki/kubelet.key"}}',
        },
      ],
      findings: [
        { file: 'configz.json', messageIncludes: 'generated for itself (/var/lib/kubelet/pki/kubelet.crt)' },
      ],
    },
  ],
  notEvaluated: [
    {
      name: "the kubelet's --config file was not uploaded",
      files: [verifying, { name: 'ps.txt', content: kubeletCommandLine(['--config=/etc/kubelet.yaml']) }],
      reasonIncludes: '--config file /etc/kubelet.yaml was not uploaded',
    },
  ],
});

describe('kubelet-serving-cert-unverifiable locations', () => {
  it('points at the kubelet and relates the API server flag', async () => {
    const { findings } = await lintWithRule(rule, [
      verifying,
      { name: KUBELET_CONFIG_PATH, content: kubeletConfig() },
    ]);
    expect(findings[0]?.location.file).toBe(KUBELET_CONFIG_PATH);
    expect(findings[0]?.related[0]).toMatchObject({ file: apiserver, line: 11, default: false });
  });
});
