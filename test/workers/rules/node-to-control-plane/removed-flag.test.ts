import rule from '../../../../src/rules/node-to-control-plane/removed-flag';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const image = (v: string) => `registry.k8s.io/kube-apiserver:v${v}`;

ruleTester(rule, {
  valid: [
    {
      name: 'no removed flag (1.31)',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
    },
    {
      name: '--insecure-port=0 on 1.23, before its removal',
      files: [{ name: file, content: apiserverPod(['--insecure-port=0'], image('1.23.17')) }],
    },
    {
      name: '--kubelet-https on 1.21',
      files: [{ name: file, content: apiserverPod(['--kubelet-https=true'], image('1.21.14')) }],
    },
  ],
  invalid: [
    {
      name: '--insecure-port=0 on 1.31 (kubeadm manifests from before 1.22)',
      files: [{ name: file, content: apiserverPod(['--insecure-port=0']) }],
      findings: [
        {
          file,
          line: 10,
          messageIncludes: [
            'removed in Kubernetes 1.24',
            'runs 1.31 (image registry.k8s.io/kube-apiserver:v1.31.2',
          ],
        },
      ],
    },
    {
      name: '--ssh-user and --ssh-keyfile on 1.22',
      files: [
        {
          name: file,
          content: apiserverPod(['--ssh-user=admin', '--ssh-keyfile=/etc/ssh/key'], image('1.22.0')),
        },
      ],
      findings: [
        { line: 10, messageIncludes: '--ssh-user' },
        { line: 11, messageIncludes: '--ssh-keyfile' },
      ],
    },
    {
      name: 'version from the request option',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --basic-auth-file=/etc/passwords.csv\n' }],
      options: { kubernetesVersion: '1.20' },
      findings: [{ messageIncludes: 'request option kubernetesVersion' }],
    },
    {
      name: 'version unknown: low, and said so',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --kubelet-https=true\n' }],
      findings: [{ severity: 'low', messageIncludes: "the cluster's version is unknown" }],
    },
  ],
});
