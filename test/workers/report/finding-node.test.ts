/** A finding names its node in a field (location.node), not only inside its message. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import { toSarif } from '../../../src/report/formats/sarif';
import { apiserverPod, kubeletCommandLine, kubeletConfig, manifestPath } from '../../support/fixtures';
import { CONTEXT } from './sample-reports';

const READ_ONLY = 'kubelet-read-only-port-enabled';
const OPEN = kubeletConfig('readOnlyPort: 10255\n');

describe('location.node', () => {
  it('is the folder the files were uploaded under, for each node', async () => {
    const report = await lint([
      { name: 'worker-1/var/lib/kubelet/config.yaml', content: OPEN },
      { name: 'worker-2/var/lib/kubelet/config.yaml', content: OPEN },
    ]);
    const nodes = report.findings.filter((f) => f.ruleId === READ_ONLY).map((f) => f.location.node);
    expect(nodes.sort()).toEqual(['worker-1', 'worker-2']);
  });

  it("is the kubelet's --hostname-override when no folder names it, even on a default", async () => {
    const report = await lint([
      { name: '/proc/7/cmdline', content: kubeletCommandLine(['--hostname-override=edge-3']) },
    ]);
    const finding = report.findings.find((f) => f.ruleId === READ_ONLY);
    expect(finding?.location).toMatchObject({ default: true, node: 'edge-3' });
  });

  it('is null when the upload does not say, and SARIF carries it as a property', async () => {
    const report = await lint([{ name: manifestPath('kube-apiserver'), content: apiserverPod([]) }]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.location.node === null)).toBe(true);
    const multi = await lint([
      { name: 'cp-1/etc/kubernetes/manifests/kube-apiserver.yaml', content: apiserverPod([]) },
    ]);
    const result = toSarif(multi, CONTEXT).runs[0]!.results[0]!;
    expect(result.properties.node).toBe('cp-1');
  });
});
