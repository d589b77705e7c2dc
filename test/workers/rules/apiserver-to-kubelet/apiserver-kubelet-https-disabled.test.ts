import rule from '../../../../src/rules/apiserver-to-kubelet/apiserver-kubelet-https-disabled';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { lintWithRule, ruleTester } from '../../../support/rule-tester';
import { describe, expect, it } from 'vitest';

const file = manifestPath('kube-apiserver');
const v121 = 'registry.k8s.io/kube-apiserver:v1.21.14';

ruleTester(rule, {
  valid: [
    { name: 'not set: HTTPS', files: [{ name: file, content: apiserverPod([], v121) }] },
    { name: 'set to true', files: [{ name: file, content: apiserverPod(['--kubelet-https=true'], v121) }] },
  ],
  invalid: [
    {
      name: '--kubelet-https=false on 1.21',
      files: [{ name: file, content: apiserverPod(['--kubelet-https=false'], v121) }],
      findings: [{ file, line: 10, messageIncludes: '--kubelet-https=false' }],
    },
    {
      name: 'Go boolean spelling 0, version unknown',
      files: [{ name: file, content: apiserverPod(['--kubelet-https=0'], 'example/kube-apiserver') }],
      findings: [{ messageIncludes: 'plain HTTP' }],
    },
  ],
  notEvaluated: [
    {
      name: 'on 1.22, the version that removed --kubelet-https (from the flag facts)',
      files: [
        {
          name: file,
          content: apiserverPod(['--kubelet-https=false'], 'registry.k8s.io/kube-apiserver:v1.22.0'),
        },
      ],
      reasonIncludes: 'applies before Kubernetes 1.22; the cluster runs 1.22',
    },
  ],
});

describe('apiserver-kubelet-https-disabled from 1.22', () => {
  it('is not evaluated: the flag was removed, removed-flag reports it', async () => {
    const results = await lintWithRule(rule, [
      { name: file, content: apiserverPod(['--kubelet-https=false']) },
    ]);
    expect(results.findings).toEqual([]);
    expect(results.notEvaluated[0]?.reason).toContain(
      'applies before Kubernetes 1.22; the cluster runs 1.31',
    );
  });
});
