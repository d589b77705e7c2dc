/**
 * Components run by systemd: a unit merged with its drop-ins, its ExecStart expanded with Environment=
 * and the EnvironmentFiles that were uploaded, as systemd.service(5) and systemd.exec(5) describe it.
 */
import { describe, expect, it } from 'vitest';
import type { Upload } from '../../../src/ingest';
import { ingestAll } from '../../support/ingest';
import { lint } from '../../../src/lint';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { kubeletConfig } from '../../support/fixtures';

const model = (uploads: Upload[]) =>
  buildClusterModel(ingestAll(uploads), { network: 'untrusted', kubernetesVersion: null });

const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
`;
const DROP_IN = `[Service]
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_EXTRA_ARGS
`;

describe('systemd units', () => {
  it("a drop-in's ExecStart replaces the unit's, and flags from an EnvironmentFile are found where written", async () => {
    const report = await lint([
      { name: '/lib/systemd/system/kubelet.service', content: KUBELET_UNIT },
      { name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', content: DROP_IN },
      {
        name: '/etc/default/kubelet',
        content: '# extra\nKUBELET_EXTRA_ARGS="--node-ip=10.0.0.2 --read-only-port=10255"\n',
      },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig() },
    ]);
    const readOnly = report.findings.filter((f) => f.ruleId === 'kubelet-read-only-port-enabled');
    expect(readOnly.map((f) => f.location)).toMatchObject([
      { file: '/etc/default/kubelet', line: 2, column: 40 },
    ]);
    // One kubelet, running with the uploaded config file (whose defaults keep anonymous auth off).
    expect(report.findings.some((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')).toBe(false);
  });

  it('an EnvironmentFile that was not uploaded leaves the flags it may hold unknown, and says which file', async () => {
    const report = await lint([
      { name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', content: DROP_IN },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 10255\n') },
    ]);
    expect(report.findings.some((f) => f.ruleId === 'kubelet-read-only-port-enabled')).toBe(false);
    const reason = report.coverage.notEvaluated.find(
      (n) => n.ruleId === 'kubelet-read-only-port-enabled',
    )?.reason;
    expect(reason).toContain(
      '$KUBELET_EXTRA_ARGS may be set in /etc/default/kubelet, which was not uploaded',
    );
  });

  it('an empty file stands for an EnvironmentFile=- that does not exist', async () => {
    const report = await lint([
      { name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', content: DROP_IN },
      { name: '/etc/default/kubelet', content: '# does not exist on this node\n' },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 10255\n') },
    ]);
    expect(
      report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled')?.location,
    ).toMatchObject({
      file: '/var/lib/kubelet/config.yaml',
      line: 3,
    });
  });

  it('only the variables ExecStart expands count; alone, a flags file is read by its known names', () => {
    const flags = {
      name: '/etc/default/kubelet',
      content: 'KUBELET_OPTS=--read-only-port=10255\nKUBELET_EXTRA_ARGS=--v=2\n',
    };
    const withUnit = model([
      { name: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', content: DROP_IN },
      flags,
    ]);
    expect(withUnit.kubelets).toHaveLength(1);
    expect(withUnit.kubelets[0]?.flags.has('read-only-port')).toBe(false);
    expect(withUnit.kubelets[0]?.flags.get('v')?.value).toBe('2');
    const alone = model([flags]);
    expect(alone.kubelets[0]?.flags.get('read-only-port')?.value).toBe('10255');
  });

  it('expands ${NAME} as one word, $NAME split at whitespace (quotes kept together), $$ as a dollar', () => {
    const unit = `[Service]
Environment="LABELS=a=1,b=2 c" "ARGS=--v=2 '--node-labels=x=y z'"
ExecStart=/usr/bin/kubelet --node-labels=\${LABELS} $ARGS --pod-infra-container-image=$$literal
`;
    const built = model([{ name: '/etc/systemd/system/kubelet.service', content: unit }]);
    expect(built.kubelets[0]?.flags.flags.map((f) => [f.name, f.value])).toEqual([
      ['node-labels', 'a=1,b=2 c'],
      ['v', '2'],
      ['node-labels', 'x=y z'],
      ['pod-infra-container-image', '$literal'],
    ]);
  });

  it("a control-plane unit with inline flags is that component's whole command line", async () => {
    const unit = `[Unit]
Description=Kubernetes API Server

[Service]
ExecStart=/usr/local/bin/kube-apiserver \\
  --authorization-mode=AlwaysAllow \\
  --client-ca-file=/var/lib/kubernetes/ca.crt
Restart=on-failure
`;
    const report = await lint([{ name: '/etc/systemd/system/kube-apiserver.service', content: unit }]);
    expect(
      report.findings.find((f) => f.ruleId === 'apiserver-authorization-always-allow')?.location,
    ).toMatchObject({
      file: '/etc/systemd/system/kube-apiserver.service',
      line: 6,
      column: 3,
    });
    // An unset flag is judged too: this is the whole command line.
    expect(report.findings.some((f) => f.ruleId === 'apiserver-kubelet-certificate-authority-missing')).toBe(
      true,
    );
  });

  it('a control-plane unit whose EnvironmentFile is missing judges no flag it may hide', async () => {
    const unit = `[Service]
EnvironmentFile=-/etc/kubernetes/apiserver
ExecStart=/usr/bin/kube-apiserver --authorization-mode=Node,RBAC $KUBE_API_ARGS
`;
    const report = await lint([{ name: '/etc/systemd/system/kube-apiserver.service', content: unit }]);
    expect(report.findings.some((f) => f.ruleId === 'apiserver-kubelet-certificate-authority-missing')).toBe(
      false,
    );
    expect(report.coverage.notEvaluated.map((n) => n.reason).join('\n')).toContain(
      '$KUBE_API_ARGS may be set in /etc/kubernetes/apiserver, which was not uploaded',
    );
  });
});
