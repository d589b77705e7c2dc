import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/ingest';
import { Budget } from '../../../src/ingest/budget';
import { lint } from '../../../src/lint';
import { buildClusterModel } from '../../../src/model/cluster-model';

/** Reads files as one request does: one budget for all of them. */
const readAll = () => {
  const budget = new Budget();
  return (upload: Parameters<typeof ingestFile>[0]) => ingestFile(upload, budget);
};

const files = [
  {
    name: '/etc/rancher/k3s/config.yaml',
    content:
      'kube-apiserver-arg:\n  - "audit-log-maxage=30"\n  - "anonymous-auth=false"\nkubelet-arg:\n  - "read-only-port=10255"\n',
  },
  {
    name: '/etc/rancher/k3s/config.yaml.d/20-more.yaml',
    content: 'kube-apiserver-arg+:\n  - "authorization-mode=Node,RBAC,AlwaysAllow"\n',
  },
  {
    name: '/etc/rancher/k3s/config.yaml.d/10-first.yaml',
    content: 'kube-apiserver-arg: ["anonymous-auth=true"]\negress-selector-mode: pod\n',
  },
];
const model = (uploads: typeof files) =>
  buildClusterModel(uploads.map(readAll()), { network: 'untrusted', kubernetesVersion: null });

describe('k3s and RKE2 config.yaml with drop-ins', () => {
  it('applies config.yaml, then drop-ins by name: a key replaces, key+ appends', () => {
    const [apiserver] = model(files).apiServers;
    expect(apiserver?.flags.flags.map((f) => `${f.name}=${f.value}`)).toEqual([
      'anonymous-auth=true',
      'authorization-mode=Node,RBAC,AlwaysAllow',
    ]);
    expect(apiserver?.flags.get('anonymous-auth')?.location).toMatchObject({
      file: '/etc/rancher/k3s/config.yaml.d/10-first.yaml',
      line: 1,
    });
    expect(apiserver?.tunnel).toMatchObject({
      distribution: 'k3s',
      mode: 'pod',
      kubelet: true,
      podsAndServices: true,
    });
    expect(apiserver?.partial).toContain('k3s passes kube-apiserver flags of its own');
  });

  it('defaults egress-selector-mode to agent (kubelet traffic only) and reads RKE2 paths as RKE2', () => {
    const [apiserver] = model([
      { name: '/etc/rancher/rke2/config.yaml', content: 'kube-apiserver-arg: ["secure-port=6443"]\n' },
    ]).apiServers;
    expect(apiserver?.tunnel).toMatchObject({
      distribution: 'rke2',
      mode: 'agent',
      kubelet: true,
      podsAndServices: false,
    });
  });

  it('an agent config runs no control plane, only a kubelet with extra flags', () => {
    const m = model([
      {
        name: '/etc/rancher/k3s/config.yaml',
        content: 'server: https://10.0.0.1:6443\nkubelet-arg: ["anonymous-auth=true"]\n',
      },
    ]);
    expect(m.apiServers).toEqual([]);
    expect(m.kubelets[0]?.flags.get('anonymous-auth')?.value).toBe('true');
  });

  it('judges the flags a config sets, and leaves the ones only the distribution knows not evaluated', async () => {
    const report = await lint(files);
    const ids = report.findings.map((f) => f.ruleId);
    expect(ids).toContain('apiserver-authorization-always-allow');
    // --anonymous-auth=true is reset by the API server itself: AlwaysAllow is among its authorizers.
    expect(ids).not.toContain('apiserver-anonymous-auth');
    expect(ids).not.toContain('apiserver-kubelet-certificate-authority-missing');
    expect(
      report.coverage.notEvaluated.find((n) => n.ruleId === 'apiserver-kubelet-certificate-authority-missing')
        ?.reason,
    ).toContain('upload the kube-apiserver command line');
    expect(report.inputs.map((i) => i.documents[0]?.kind)).toEqual([
      'k3s config',
      'k3s config',
      'k3s config',
    ]);
  });
});
