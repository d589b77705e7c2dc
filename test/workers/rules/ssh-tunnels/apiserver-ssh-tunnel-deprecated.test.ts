import { describe, expect, it } from 'vitest';
import rule from '../../../../src/rules/ssh-tunnels/apiserver-ssh-tunnel-deprecated';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { lintWithRule, ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const v121 = 'registry.k8s.io/kube-apiserver:v1.21.14';
const SSH = ['--ssh-user=tunnel', '--ssh-keyfile=/etc/srv/kubernetes/ssh-key'];

ruleTester(rule, {
  valid: [{ name: 'no SSH flags on 1.21', files: [{ name: file, content: apiserverPod([], v121) }] }],
  invalid: [
    {
      name: 'both flags on 1.21',
      files: [{ name: file, content: apiserverPod(SSH, v121) }],
      findings: [
        {
          file,
          line: 10,
          messageIncludes: ['--ssh-user=tunnel --ssh-keyfile=', 'Kubernetes 1.21 still has them'],
        },
      ],
    },
    {
      name: 'one flag, version unknown',
      files: [{ name: file, content: apiserverPod(['--ssh-keyfile=/key'], 'example/apiserver') }],
      findings: [{ messageIncludes: 'the version is unknown' }],
    },
  ],
  notEvaluated: [
    {
      name: 'on 1.22, the version that removed the flags (from the flag facts)',
      files: [{ name: file, content: apiserverPod(SSH, 'registry.k8s.io/kube-apiserver:v1.22.0') }],
      reasonIncludes: 'applies before Kubernetes 1.22; the cluster runs 1.22',
    },
  ],
});

describe('apiserver-ssh-tunnel-deprecated from 1.22', () => {
  it('is not evaluated: removed-flag takes over', async () => {
    const results = await lintWithRule(rule, [{ name: file, content: apiserverPod(SSH) }]);
    expect(results.findings).toEqual([]);
    expect(results.notEvaluated[0]?.reason).toBe('applies before Kubernetes 1.22; the cluster runs 1.31');
  });
});
