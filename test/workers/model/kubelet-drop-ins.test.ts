import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../support/fixtures';

const dropIn = (name: string, body: string) => ({
  name: `/etc/kubernetes/kubelet.conf.d/${name}`,
  content: kubeletConfig(body),
});
const ruleIds = (report: Awaited<ReturnType<typeof lint>>) => report.findings.map((f) => f.ruleId);

describe('kubelet --config-dir drop-ins', () => {
  it('apply over the main file in name order, the last one setting a field winning', async () => {
    const report = await lint([
      {
        name: '/proc/1/cmdline',
        content: kubeletCommandLine([
          `--config=${KUBELET_CONFIG_PATH}`,
          '--config-dir=/etc/kubernetes/kubelet.conf.d',
        ]),
      },
      { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') },
      dropIn('20-open.conf', 'readOnlyPort: 10255\n'),
      dropIn('10-closed.conf', 'readOnlyPort: 0\n'),
    ]);
    const finding = report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled');
    expect(finding?.location).toMatchObject({ file: '/etc/kubernetes/kubelet.conf.d/20-open.conf', line: 3 });
    expect(finding?.message).toContain('drop-in');
    // Drop-ins are part of one kubelet, not kubelets of their own.
    expect(report.findings.filter((f) => f.ruleId === 'kubelet-read-only-port-enabled')).toHaveLength(1);
  });

  it('are not read when a whole command line has no --config-dir', async () => {
    const report = await lint([
      { name: '/proc/1/cmdline', content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`]) },
      { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') },
      dropIn('20-open.conf', 'readOnlyPort: 10255\n'),
    ]);
    expect(ruleIds(report)).not.toContain('kubelet-read-only-port-enabled');
  });

  it('lose to flags, which beat every file', async () => {
    const report = await lint([
      {
        name: '/proc/1/cmdline',
        content: kubeletCommandLine([
          `--config=${KUBELET_CONFIG_PATH}`,
          '--config-dir=/etc/kubernetes/kubelet.conf.d',
          '--read-only-port=0',
        ]),
      },
      { name: KUBELET_CONFIG_PATH, content: kubeletConfig() },
      dropIn('20-open.conf', 'readOnlyPort: 10255\n'),
    ]);
    expect(ruleIds(report)).not.toContain('kubelet-read-only-port-enabled');
  });
});
