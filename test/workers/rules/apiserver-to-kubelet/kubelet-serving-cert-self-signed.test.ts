import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-serving-cert-self-signed';
import {
  KUBELET_CONFIG_PATH,
  apiserverPod,
  kubeletCommandLine,
  kubeletConfig,
  manifestPath,
} from '../../../support/fixtures';
import { OPTIONS, kubeletServingOwnFile } from '../../../support/pki-uploads';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'nothing configured, but the uploaded kubelet.crt is one the cluster CA signed: it serves that',
      files: kubeletServingOwnFile('kubelet-serving', false),
      options: OPTIONS,
    },
    {
      name: 'serverTLSBootstrap: true',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('serverTLSBootstrap: true\n') }],
    },
    {
      name: 'a certificate file from the cluster CA',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig(
            'tlsCertFile: /etc/kubernetes/pki/kubelet.crt\ntlsPrivateKeyFile: /etc/kubernetes/pki/kubelet.key\n',
          ),
        },
      ],
    },
    {
      name: 'no --config, --rotate-server-certificates',
      files: [{ name: 'ps.txt', content: kubeletCommandLine(['--rotate-server-certificates']) }],
    },
    {
      name: 'the API server verifies kubelets: the breakage is kubelet-serving-cert-unverifiable, reported once',
      files: [
        {
          name: manifestPath('kube-apiserver'),
          content: apiserverPod(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig() },
      ],
    },
  ],
  invalid: [
    {
      name: 'the uploaded kubelet.crt is its own issuer: a leaf and the throwaway CA the kubelet made',
      files: kubeletServingOwnFile('kubelet-self-signed', false),
      options: OPTIONS,
      findings: [
        { file: '/var/lib/kubelet/pki/kubelet.crt', line: 1, messageIncludes: 'which is its own issuer' },
      ],
    },
    {
      name: 'kubeadm default: the API server does not verify, the kubelet config has neither field',
      files: [
        { name: manifestPath('kube-apiserver'), content: apiserverPod(['--secure-port=6443']) },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('rotateCertificates: true\n') },
      ],
      findings: [{ file: KUBELET_CONFIG_PATH, locationDefault: true }],
    },
    {
      name: 'kubeadm default config alone: neither field',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('rotateCertificates: true\n') }],
      findings: [
        {
          file: KUBELET_CONFIG_PATH,
          locationDefault: true,
          messageIncludes: 'neither tlsCertFile nor serverTLSBootstrap',
        },
      ],
    },
    {
      name: 'no --config and no certificate flags',
      files: [{ name: 'ps.txt', content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
      findings: [{ file: 'ps.txt', locationDefault: true }],
    },
    {
      name: '/configz shows the self-generated certificate path',
      files: [
        {
          name: 'configz.json',
          content:
            '{"kubeletconfig":{"tlsCertFile":"/var/lib/kubelet/pki/kubelet.crt","serverTLSBootstrap":false}}',
        },
      ],
      findings: [{ messageIncludes: 'generated for itself' }],
    },
    {
      name: 'trusted network: medium',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig() }],
      options: { network: 'trusted' },
      findings: [{ severity: 'medium' }],
    },
  ],
});
