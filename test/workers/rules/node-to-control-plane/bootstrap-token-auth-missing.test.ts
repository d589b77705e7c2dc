import rule from '../../../../src/rules/node-to-control-plane/bootstrap-token-auth-missing';
import { apiserverPod, kubeconfig, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const bootstrap = {
  name: '/etc/kubernetes/bootstrap-kubelet.conf',
  content: kubeconfig(
    'server: https://10.0.0.10:6443\ncertificate-authority: /etc/kubernetes/pki/ca.crt',
    'token: abcdef.0123456789abcdef',
    'tls-bootstrap-token-user',
  ),
};

ruleTester(rule, {
  valid: [
    {
      name: 'bootstrap token auth on',
      files: [{ name: file, content: apiserverPod(['--enable-bootstrap-token-auth=true']) }, bootstrap],
    },
    {
      name: 'no bootstrap kubeconfig',
      files: [
        { name: file, content: apiserverPod(['--secure-port=6443']) },
        {
          name: '/etc/kubernetes/kubelet.conf',
          content: kubeconfig(
            'server: https://10.0.0.10:6443',
            'client-certificate: /a.pem\nclient-key: /a.pem',
          ),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'flag not set: default false',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }, bootstrap],
      findings: [
        {
          file,
          line: 8,
          locationDefault: true,
          messageIncludes: ["the kubelet's bootstrap kubeconfig", 'default false'],
        },
      ],
    },
    {
      name: 'explicitly false',
      files: [{ name: file, content: apiserverPod(['--enable-bootstrap-token-auth=false']) }, bootstrap],
      findings: [{ line: 10, messageIncludes: '--enable-bootstrap-token-auth is false' }],
    },
    {
      name: 'twelve bootstrap kubeconfigs: ten named',
      files: [
        { name: file, content: apiserverPod(['--secure-port=6443']) },
        ...Array.from({ length: 12 }, (_, i) => ({ ...bootstrap, name: `worker-${i}${bootstrap.name}` })),
      ],
      findings: [{ messageIncludes: ['worker-0', 'worker-9', ' and 2 more authenticates with one'] }],
    },
  ],
  notEvaluated: [
    {
      name: 'tokens may be in the static token file',
      files: [
        { name: file, content: apiserverPod(['--token-auth-file=/etc/kubernetes/tokens.csv']) },
        bootstrap,
      ],
      reasonIncludes: 'whose content is not read',
    },
  ],
});
