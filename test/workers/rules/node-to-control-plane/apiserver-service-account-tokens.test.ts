import rule from '../../../../src/rules/node-to-control-plane/apiserver-service-account-tokens';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const pod = (flags: string[], image?: string) => [{ name: file, content: apiserverPod(flags, image) }];
const kubeadm = [
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
  '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
];

ruleTester(rule, {
  valid: [
    { name: 'kubeadm flags', files: pod(kubeadm) },
    {
      name: 'verification falls back to the TLS key before 1.20',
      files: pod(
        ['--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
        'registry.k8s.io/kube-apiserver:v1.19.16',
      ),
    },
  ],
  invalid: [
    {
      name: 'no issuer on 1.31: start-up fails',
      files: pod(kubeadm.slice(1)),
      findings: [
        { file, line: 8, locationDefault: true, messageIncludes: 'does not set --service-account-issuer' },
      ],
    },
    {
      name: 'nothing set: no way to verify tokens either',
      files: pod(['--secure-port=6443']),
      findings: [
        {
          messageIncludes: [
            '--service-account-issuer or --service-account-signing-key-file',
            'no service-account token can be verified',
          ],
        },
      ],
    },
  ],
});
