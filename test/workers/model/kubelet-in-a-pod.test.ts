import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import { KUBELET_CONFIG_PATH, kubeletConfig } from '../../support/fixtures';

/** A Pod whose container runs the kubelet binary (kubemark hollow nodes, nested clusters). */
const kubeletPod = (flags: string[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: kubelet',
    '  namespace: kube-system',
    'spec:',
    '  hostNetwork: true',
    '  containers:',
    '  - name: kubelet',
    '    image: registry.k8s.io/kubelet:v1.31.2',
    '    command:',
    '    - kubelet',
    ...flags.map((flag) => `    - ${flag}`),
    '',
  ].join('\n');

describe('a Pod whose container runs the kubelet', () => {
  it('is a kubelet the kubelet rules judge, from its command and its --config', async () => {
    const report = await lint([
      {
        name: '/etc/kubernetes/manifests/kubelet.yaml',
        content: kubeletPod([`--config=${KUBELET_CONFIG_PATH}`, '--read-only-port=10255']),
      },
      { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') },
    ]);
    const readOnly = report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled');
    expect(readOnly?.location).toMatchObject({ file: '/etc/kubernetes/manifests/kubelet.yaml', line: 14 });
    expect(report.coverage.evaluated).toContain('kubelet-anonymous-auth-enabled');
    expect(report.paths.find((p) => p.id === 'apiserver-to-kubelet')?.verdict).not.toBe('not-assessed');
  });

  it('says what to upload when its --config file is missing', async () => {
    const report = await lint([
      {
        name: '/etc/kubernetes/manifests/kubelet.yaml',
        content: kubeletPod([`--config=${KUBELET_CONFIG_PATH}`]),
      },
    ]);
    const reasons = report.coverage.notEvaluated.map((n) => n.reason).join('\n');
    expect(reasons).toContain(`kubelet (/etc/kubernetes/manifests/kubelet.yaml)`);
    expect(reasons).toContain(KUBELET_CONFIG_PATH);
  });
});
