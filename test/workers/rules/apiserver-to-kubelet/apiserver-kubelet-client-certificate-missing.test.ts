import rule from '../../../../src/rules/apiserver-to-kubelet/apiserver-kubelet-client-certificate-missing';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const CERT = '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt';
const KEY = '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key';
const k3s = '/etc/rancher/k3s/config.yaml';

ruleTester(rule, {
  valid: [
    { name: 'kubeadm: both flags', files: [{ name: file, content: apiserverPod([CERT, KEY]) }] },
    {
      name: 'k3s config.yaml passing both',
      files: [
        {
          name: k3s,
          content: `kube-apiserver-arg:\n- ${CERT.slice(2)}\n- ${KEY.slice(2)}\n`,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'neither flag, reported where the flags go',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [
        {
          file,
          line: 8,
          locationDefault: true,
          messageIncludes: '--kubelet-client-certificate or --kubelet-client-key',
        },
      ],
    },
    {
      name: 'the certificate without its key',
      files: [{ name: file, content: apiserverPod([CERT]) }],
      findings: [{ messageIncludes: ['does not set --kubelet-client-key', `only ${CERT}`] }],
    },
    {
      name: 'the key set to an empty value',
      files: [{ name: file, content: apiserverPod([CERT, '--kubelet-client-key=']) }],
      findings: [{ messageIncludes: '--kubelet-client-key' }],
    },
  ],
  notEvaluated: [
    {
      name: 'a k3s config.yaml without them: k3s passes its own flags',
      files: [{ name: k3s, content: 'kube-apiserver-arg:\n- anonymous-auth=false\n' }],
      reasonIncludes: 'k3s passes kube-apiserver flags of its own',
    },
  ],
});
