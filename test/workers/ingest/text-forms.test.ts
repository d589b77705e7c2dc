import { describe, expect, it } from 'vitest';
import { ingestFile as ingestWithBudget, type Upload } from '../../../src/ingest';
import { Budget } from '../../../src/ingest/budget';

const ingestFile = (upload: Upload) => ingestWithBudget(upload, new Budget());
import { lint } from '../../../src/lint';
import { kubeletConfig } from '../../support/fixtures';

// kubeadm's kubelet drop-in, as kind ships it (test/fixtures/corpus/kind/.../10-kubeadm.conf, Apache-2.0).
const KUBEADM_DROP_IN = `[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

describe('flags outside YAML', () => {
  it('reads a systemd drop-in: its ExecStart and Environment lines, each word at its line', () => {
    const file = ingestFile({
      name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf',
      content: KUBEADM_DROP_IN,
    });
    expect(file.errors).toEqual([]);
    expect(file.unit).toMatchObject({ unit: 'kubelet.service', dropIn: true, component: 'kubelet' });
    const environment = file.unit?.directives.find(
      (d) => d.key === 'Environment' && d.values[0]?.name === 'KUBELET_CONFIG_ARGS',
    );
    expect(environment?.key === 'Environment' && environment.values[0]?.words[0]).toMatchObject({
      text: '--config=/var/lib/kubelet/config.yaml',
      location: { line: 3, column: 34 },
    });
    expect(file.documents[0]).toMatchObject({ kind: 'SystemdUnit', component: 'kubelet', recognized: true });
  });

  it("a unit that passes --config makes an uploaded config file the kubelet's", async () => {
    const report = await lint([
      { name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', content: KUBEADM_DROP_IN },
      { name: '/var/lib/kubelet/kubeadm-flags.env', content: 'KUBELET_KUBEADM_ARGS="--node-ip=10.0.0.4"\n' },
      { name: '/etc/default/kubelet', content: 'KUBELET_EXTRA_ARGS=\n' },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 10255\n') },
    ]);
    expect(
      report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled')?.location,
    ).toMatchObject({ file: '/var/lib/kubelet/config.yaml', line: 3 });
    expect(report.findings.some((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')).toBe(false);
  });

  it('reads /proc/PID/cmdline with NUL separators as a whole command line', () => {
    const file = ingestFile({
      name: '/proc/42/cmdline',
      content: new TextEncoder().encode(
        '/usr/bin/kubelet\0--read-only-port=0\0--kubeconfig=/etc/kubernetes/kubelet.conf\0',
      ),
    });
    expect(file.errors).toEqual([]);
    expect(file.commandLines[0]).toMatchObject({ kind: 'CommandLine', component: 'kubelet', complete: true });
    expect(file.commandLines[0]?.args.map((a) => a.text)).toEqual([
      '--read-only-port=0',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
    ]);
  });

  it('a whole command line without --config wins over a unit that has it: flag defaults apply', async () => {
    const report = await lint([
      { name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', content: KUBEADM_DROP_IN },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig() },
      { name: '/proc/42/cmdline', content: '/usr/bin/kubelet\0--kubeconfig=/etc/kubernetes/kubelet.conf\0' },
    ]);
    const anonymous = report.findings.find((f) => f.ruleId === 'kubelet-anonymous-auth-enabled');
    expect(anonymous?.message).toContain('runs without --config');
  });

  it('still refuses other binary data', () => {
    expect(
      ingestFile({ name: 'x', content: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]) }).errors[0]
        ?.message,
    ).toMatch(/binary/);
  });
});
