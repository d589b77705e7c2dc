import rule from '../../../../src/rules/node-to-control-plane/control-plane-component-exposed';
import { manifestPath, staticPod } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const scheduler = manifestPath('kube-scheduler');
const cm = manifestPath('kube-controller-manager');

ruleTester(rule, {
  valid: [
    {
      name: 'both on loopback',
      files: [
        { name: scheduler, content: staticPod('kube-scheduler', ['--bind-address=127.0.0.1']) },
        { name: cm, content: staticPod('kube-controller-manager', ['--bind-address=::1']) },
      ],
    },
    {
      name: 'secure serving off',
      files: [{ name: scheduler, content: staticPod('kube-scheduler', ['--secure-port=0']) }],
    },
  ],
  invalid: [
    {
      name: 'default 0.0.0.0 and an explicit node address',
      files: [
        {
          name: cm,
          content: staticPod('kube-controller-manager', ['--root-ca-file=/etc/kubernetes/pki/ca.crt']),
        },
        { name: scheduler, content: staticPod('kube-scheduler', ['--bind-address=10.0.0.10']) },
      ],
      findings: [
        { file: cm, line: 8, locationDefault: true, messageIncludes: 'not set (default 0.0.0.0)' },
        { file: scheduler, line: 10, messageIncludes: '--bind-address=10.0.0.10' },
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'neither component uploaded',
      files: [{ name: '/x.yaml', content: 'apiVersion: v1\nkind: ConfigMap\n' }],
      reasonIncludes: 'neither a kube-controller-manager nor a kube-scheduler',
    },
  ],
});
