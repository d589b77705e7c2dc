import rule from '../../../../src/rules/apiserver-to-kubelet/apiserver-kubelet-certificate-authority-missing';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');

ruleTester(rule, {
  valid: [
    {
      name: 'the flag names a CA bundle',
      files: [
        { name: file, content: apiserverPod(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']) },
      ],
    },
    {
      name: 'the flag in args, the program in command',
      files: [
        {
          name: file,
          content: apiserverPod([]).replace(
            '  hostNetwork',
            '    args: ["--kubelet-certificate-authority", "/etc/kubernetes/pki/ca.crt"]\n  hostNetwork',
          ),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'kubeadm default: the flag is absent, reported where it would go',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [
        { file, line: 8, locationDefault: true, messageIncludes: '--kubelet-certificate-authority' },
      ],
    },
    {
      name: 'the flag is set to an empty value',
      files: [
        { name: file, content: apiserverPod(['--secure-port=6443', '--kubelet-certificate-authority=']) },
      ],
      findings: [{ file, line: 11, locationDefault: false }],
    },
    {
      name: 'a trusted network lowers it to medium',
      files: [{ name: file, content: apiserverPod([]) }],
      options: { network: 'trusted' },
      findings: [{ severity: 'medium' }],
    },
  ],
  notEvaluated: [
    {
      name: 'an RKE2 config.yaml: RKE2 passes the flag itself, the file only shows additions',
      files: [
        { name: '/etc/rancher/rke2/config.yaml', content: 'kube-apiserver-arg:\n- anonymous-auth=false\n' },
      ],
      reasonIncludes: 'rke2 passes kube-apiserver flags of its own',
    },
  ],
});
