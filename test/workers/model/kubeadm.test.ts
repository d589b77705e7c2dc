import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../support/ingest';
import { lint } from '../../../src/lint';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { kubeletConfig } from '../../support/fixtures';

const model = (files: Array<{ name: string; content: string }>) =>
  buildClusterModel(ingestAll(files), { network: 'untrusted', kubernetesVersion: null });

const V1BETA3 = `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: v1.30.4
apiServer:
  extraArgs:
    kubelet-certificate-authority: /etc/kubernetes/pki/ca.crt
    authorization-mode: Node,RBAC,AlwaysAllow
`;

const V1BETA4 = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.31.2
certificatesDir: /var/lib/minikube/certs
apiServer:
  extraArgs:
  - name: authorization-config
    value: /etc/kubernetes/authz.yaml
  - name: enable-admission-plugins
    value: NodeRestriction
  - name: enable-admission-plugins
    value: PodSecurity
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
localAPIEndpoint:
  bindPort: 8443
nodeRegistration:
  kubeletExtraArgs:
  - name: read-only-port
    value: "10255"
`;

describe('kubeadm configuration read as the static pods and kubelet flags kubeadm writes', () => {
  it('v1beta3: extraArgs (a map) replace kubeadm defaults of the same name; defaults are marked as such', () => {
    const [apiserver] = model([{ name: 'kubeadm.yaml', content: V1BETA3 }]).apiServers;
    expect(apiserver?.flags.get('authorization-mode')).toMatchObject({
      value: 'Node,RBAC,AlwaysAllow',
      location: { line: 7, default: false },
    });
    expect(apiserver?.flags.get('kubelet-certificate-authority')?.location.line).toBe(6);
    expect(apiserver?.flags.get('client-ca-file')).toMatchObject({
      value: '/etc/kubernetes/pki/ca.crt',
      location: { line: 5, default: true },
    });
    expect(apiserver?.flags.list('authorization-mode').map((f) => f.value)).toEqual([
      'Node',
      'RBAC',
      'AlwaysAllow',
    ]);
  });

  it('v1beta4: extraArgs (a list) may repeat; --authorization-config drops the default --authorization-mode', () => {
    const m = model([{ name: 'kubeadm.yaml', content: V1BETA4 }]);
    const apiserver = m.apiServers[0];
    expect(apiserver?.flags.has('authorization-mode')).toBe(false);
    expect(apiserver?.flags.list('enable-admission-plugins').map((f) => f.value)).toEqual([
      'NodeRestriction',
      'PodSecurity',
    ]);
    expect(apiserver?.flags.get('secure-port')?.value).toBe('8443');
    expect(apiserver?.flags.get('client-ca-file')?.value).toBe('/var/lib/minikube/certs/ca.crt');
    expect(m.controllerManagers).toHaveLength(1);
    expect(m.schedulers[0]?.flags.get('bind-address')?.value).toBe('127.0.0.1');
    expect(m.version).toEqual({ minor: '1.31', source: 'kubernetesVersion v1.31.2 in kubeadm.yaml' });
  });

  it('kubeadm runs the kubelet with --config, and kubeletExtraArgs beat the config file', async () => {
    const report = await lint([
      { name: 'kubeadm.yaml', content: V1BETA4 },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 0\n') },
    ]);
    const finding = report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled');
    expect(finding?.location).toMatchObject({ file: 'kubeadm.yaml', line: 20 });
    expect(report.findings.some((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')).toBe(false);
  });

  it("a default kubeadm ClusterConfiguration reports the kubelet CA problem at extraArgs' place", async () => {
    const report = await lint([
      {
        name: 'kubeadm.yaml',
        content:
          'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.31.0\n',
      },
    ]);
    expect(report.inputs[0]?.documents[0]).toMatchObject({ kind: 'ClusterConfiguration', recognized: true });
    expect(
      report.findings.find((f) => f.ruleId === 'apiserver-kubelet-certificate-authority-missing')?.location,
    ).toMatchObject({ default: true });
  });
});

describe("kubeadm's kubelet defaults (cmd/kubeadm/app/componentconfigs/kubelet.go)", () => {
  const CLUSTER = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
certificatesDir: /srv/pki
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration:
  name: cp-1
`;
  const KUBELET = (body: string) => `---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
${body}`;
  const ids = (report: Awaited<ReturnType<typeof lint>>) => report.findings.map((f) => f.ruleId);

  it('a short KubeletConfiguration in a kubeadm config gets kubeadm’s client CA, authn, authz and rotation', async () => {
    const report = await lint([
      { name: 'kubeadm.yaml', content: CLUSTER + KUBELET('cgroupDriver: systemd\n') },
    ]);
    expect(ids(report)).not.toContain('kubelet-client-ca-missing');
    expect(ids(report)).not.toContain('kubelet-client-cert-rotation-disabled');
    expect(ids(report)).not.toContain('kubelet-webhook-authentication-disabled');
    // kubeadm leaves serverTLSBootstrap alone: the kubelet still serves a self-signed certificate.
    expect(ids(report)).toContain('kubelet-serving-cert-self-signed');
  });

  it('without a KubeletConfiguration, kubeadm init writes its defaults alone, located at the InitConfiguration', () => {
    const files = [{ name: 'kubeadm.yaml', content: CLUSTER }];
    const model = buildClusterModel(ingestAll(files), { network: 'untrusted', kubernetesVersion: null });
    const ca = model.kubelets[0]?.setting('clientCAFile');
    expect(ca).toMatchObject({
      value: '/srv/pki/ca.crt',
      source: 'default',
      location: { file: 'kubeadm.yaml', line: 5, default: true },
    });
    expect(ca?.describe).toContain('kubeadm writes its default /srv/pki/ca.crt');
  });

  it('rotateCertificates is true whatever the file says; a user value kubeadm only defaults is kept', async () => {
    const report = await lint([
      {
        name: 'kubeadm.yaml',
        content:
          CLUSTER + KUBELET('rotateCertificates: false\nauthentication:\n  anonymous:\n    enabled: true\n'),
      },
    ]);
    expect(ids(report)).not.toContain('kubelet-client-cert-rotation-disabled');
    expect(
      report.findings.find((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')?.location,
    ).toMatchObject({
      file: 'kubeadm.yaml',
      line: 15,
    });
  });

  it('the config file uploaded at /var/lib/kubelet/config.yaml is what the kubelet reads', async () => {
    const report = await lint([
      { name: '/root/kubeadm.yaml', content: CLUSTER },
      { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 10255\n') },
    ]);
    expect(report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled')?.location.file).toBe(
      '/var/lib/kubelet/config.yaml',
    );
  });

  it('a JoinConfiguration alone: the kubelet config comes from the cluster, and is not known', async () => {
    const report = await lint([
      { name: 'join.yaml', content: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\n' },
    ]);
    expect(
      report.coverage.notEvaluated.find((n) => n.ruleId === 'kubelet-client-ca-missing')?.reason,
    ).toContain('/var/lib/kubelet/config.yaml was not uploaded');
  });
});
