/**
 * Talos and k0s render the components from their files over defaults of their own (src/model/talos.ts,
 * src/model/k0s.ts): a finding is one the cluster really has, and a safe default of theirs is no finding.
 * Real files: k0sctl's and k0smotron's (Apache-2.0) and three of Talos' own single documents
 * (MPL-2.0). Talos' whole machine configurations hold test keys, so the classic one below is written
 * here in the shape `talosctl gen config` prints, with placeholder secrets.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import type { Report } from '../../../src/schemas/report';
import { at, corpusText } from '../../support/corpus-files';

const TALOS_DOCS = 'talos/pkg/machinery/config/types/k8s/testdata';

const controlPlane = (
  apiServerArgs: string,
  kubeletArgs = '      rotate-server-certificates: true\n',
) => `version: v1alpha1
machine:
  type: controlplane
  token: placeholder-machine-token
  ca:
    crt: placeholder-certificate
    key: placeholder-key
  kubelet:
    image: ghcr.io/siderolabs/kubelet:v1.33.0
    extraArgs:
${kubeletArgs}  network:
    hostname: cp-1
cluster:
  controlPlane:
    endpoint: https://10.5.0.2:6443
  token: placeholder-cluster-token
  apiServer:
    image: registry.k8s.io/kube-apiserver:v1.33.0
    certSANs: [10.5.0.2]
    extraArgs:
${apiServerArgs}  controllerManager:
    image: registry.k8s.io/kube-controller-manager:v1.33.0
  scheduler:
    image: registry.k8s.io/kube-scheduler:v1.33.0
`;

const WORKER = `version: v1alpha1
machine:
  type: worker
  token: placeholder-machine-token
  kubelet:
    image: ghcr.io/siderolabs/kubelet:v1.33.0
    extraConfig:
      authentication:
        anonymous:
          enabled: true
cluster:
  controlPlane:
    endpoint: https://10.5.0.2:6443
`;

const ids = (report: Report) => report.findings.map((f) => f.ruleId).sort();
const finding = (report: Report, id: string) => report.findings.find((f) => f.ruleId === id);

describe('Talos machine configuration', () => {
  it("a user's AlwaysAllow joins Talos' Node,RBAC: critical, at the extraArgs line", async () => {
    const report = await lint([
      { name: 'controlplane.yaml', content: controlPlane('      authorization-mode: AlwaysAllow\n') },
    ]);
    expect(report.inputs[0]?.documents[0]).toMatchObject({ kind: 'TalosMachineConfig', recognized: true });
    const always = finding(report, 'apiserver-authorization-always-allow');
    expect(always?.severity).toBe('critical');
    expect(always?.message).toContain('--authorization-mode=Node,RBAC,AlwaysAllow');
    expect(always?.location).toMatchObject({ file: 'controlplane.yaml', line: 22 });
    // Talos verifies no kubelet serving certificate (no --kubelet-certificate-authority in its flags).
    expect(ids(report)).toContain('apiserver-kubelet-certificate-authority-missing');
    // Its own flags: anonymous off, service-account issuer and keys, serving certificate, client CA.
    for (const id of [
      'apiserver-anonymous-auth',
      'apiserver-service-account-tokens',
      'apiserver-client-ca-missing',
      'kubelet-serving-cert-self-signed',
    ])
      expect(ids(report)).not.toContain(id);
    expect(report.summary.passed).toBe(false);
    expect(report.summary.assessedPaths).toBeGreaterThan(0);
  });

  it("with no extraArgs, Talos' AuthorizationConfiguration (Node, RBAC) leaves nothing to report on authorization", async () => {
    const report = await lint([
      { name: 'controlplane.yaml', content: controlPlane('      profiling: false\n') },
    ]);
    expect(ids(report).filter((id) => id.startsWith('apiserver-authorization'))).toEqual([]);
    expect(ids(report)).not.toContain('unknown-flag');
  });

  it('a flag Talos refuses (tls-cert-file) leaves the API server unjudged, saying why', async () => {
    const report = await lint([
      { name: 'controlplane.yaml', content: controlPlane('      tls-cert-file: /mine.crt\n') },
    ]);
    const paths = JSON.stringify(report.paths);
    expect(paths).toContain('Talos refuses extraArgs tls-cert-file');
    expect(ids(report)).not.toContain('apiserver-kubelet-certificate-authority-missing');
  });

  it("a worker's kubelet: self-signed serving certificate, and extraConfig cannot turn anonymous on", async () => {
    const report = await lint([{ name: 'worker.yaml', content: WORKER }]);
    const selfSigned = finding(report, 'kubelet-serving-cert-self-signed');
    expect(selfSigned?.message).toContain('Talos worker worker.yaml');
    expect(selfSigned?.location).toMatchObject({ file: 'worker.yaml', line: 7 });
    expect(ids(report)).not.toContain('kubelet-anonymous-auth-enabled');
    expect(ids(report)).not.toContain('kubelet-authorization-always-allow');
  });

  it("a kubelet extraArg beats Talos' file (flags win over the config file)", async () => {
    const report = await lint([
      {
        name: 'controlplane.yaml',
        content: controlPlane('      profiling: false\n', '      anonymous-auth: true\n'),
      },
    ]);
    expect(finding(report, 'kubelet-anonymous-auth-enabled')?.location).toMatchObject({ line: 11 });
  });

  it("Talos 1.15's documents (real): the authorizers are exactly the KubeAuthorizerConfig ones", async () => {
    // A generated configuration holds them in one file; the testdata keeps one document per file.
    const content = `${corpusText(`${TALOS_DOCS}/apiserverconfig.yaml`)}---\n${corpusText(`${TALOS_DOCS}/authorizerconfig.yaml`)}`;
    const report = await lint([{ name: 'controlplane.yaml', content }]);
    expect(report.inputs[0]?.documents.map((d) => [d.kind, d.recognized])).toEqual([
      ['KubeAPIServerConfig', true],
      ['KubeAuthorizerConfig', true],
    ]);
    expect(finding(report, 'apiserver-authorization-node-missing')?.message).toContain('[Webhook]');
    // Its feature gate was removed in 1.32: kube-apiserver 1.36 does not start with it.
    expect(report.findings.some((f) => f.evidence.includes('ServerSideApply'))).toBe(true);
    expect(report.options.kubernetesVersion).toBe('1.36');
  });

  it('a Talos 1.15 configuration: anonymous requests only on the health paths its KubeAuthenticationConfig names', async () => {
    // The shape Talos 1.15's generator prints (its stability testdata base-controlplane.yaml), secrets left out.
    const content = [
      'version: v1alpha1\nmachine:\n  type: controlplane\n  token: placeholder-machine-token\n',
      'apiVersion: v1alpha1\nkind: KubeClusterConfig\nclusterName: base\nendpoint: https://base:6443\n',
      'apiVersion: v1alpha1\nkind: KubeAuthenticationConfig\nconfiguration:\n  anonymous:\n    conditions:\n      - path: /livez\n      - path: /readyz\n      - path: /healthz\n    enabled: true\n  jwt: []\n',
      'apiVersion: v1alpha1\nkind: KubeAuthorizerConfig\nname: node\ntype: Node\n',
      'apiVersion: v1alpha1\nkind: KubeAuthorizerConfig\nname: rbac\ntype: RBAC\n',
      'apiVersion: v1alpha1\nkind: KubeAPIServerConfig\nimage: registry.k8s.io/kube-apiserver:v1.35.0\n',
    ].join('---\n');
    const report = await lint([{ name: 'controlplane.yaml', content }]);
    expect(report.inputs[0]?.documents.every((d) => d.recognized)).toBe(true);
    for (const id of [
      'apiserver-anonymous-auth',
      'apiserver-authorization-node-missing',
      'apiserver-authorization-rbac-missing',
      'apiserver-service-account-tokens',
    ])
      expect(ids(report)).not.toContain(id);
    expect(ids(report)).toContain('apiserver-kubelet-certificate-authority-missing');
  });

  it("Talos 1.15's KubeletConfig (real): serverTLSBootstrap from its config, so no self-signed certificate", async () => {
    const report = await lint([at(`${TALOS_DOCS}/kubeletconfig.yaml`, 'kubeletconfig.yaml')]);
    expect(ids(report)).toContain('kubelet-serving-cert-approval');
    expect(ids(report)).not.toContain('kubelet-serving-cert-self-signed');
  });
});

describe('k0s ClusterConfig', () => {
  it("k0sctl's minimal ClusterConfig (real, kind in lower case): k0s' defaults are safe, Konnectivity included", async () => {
    const report = await lint([at('k0sctl/smoke-test/multidoc/k0sctl-multidoc-2.yaml', '/etc/k0s/k0s.yaml')]);
    expect(report.inputs[0]?.documents[0]).toMatchObject({ kind: 'ClusterConfig', recognized: true });
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // k0s approves the kubelets' serving CSRs itself.
    expect(ids(report)).not.toContain('kubelet-serving-cert-approval');
    const konnectivity = report.paths.find((p) => p.id === 'konnectivity');
    expect(konnectivity?.verdict).toBe('secure');
    expect(report.paths.find((p) => p.id === 'apiserver-to-kubelet')?.verdict).toBe('secure');
  });

  it("k0smotron's K0sControlPlane (real): spec.api.extraArgs anonymous-auth overrides k0s' false", async () => {
    const report = await lint([
      at('k0smotron/e2e/data/infrastructure-docker/main/bases/cluster-with-kcp.yaml', 'cluster.yaml'),
    ]);
    const anonymous = finding(report, 'apiserver-anonymous-auth');
    expect(anonymous?.location).toMatchObject({ file: 'cluster.yaml', line: 55 });
    expect(report.options.kubernetesVersion).toBe('1.30');
    expect(report.inputs[0]?.documents.find((d) => d.kind === 'ClusterConfig')?.note).toContain(
      'K0sControlPlane',
    );
  });

  it('a worker profile is its own kubelet, its values over the default profile', async () => {
    const report = await lint([
      {
        name: '/etc/k0s/k0s.yaml',
        content: `apiVersion: k0s.k0sproject.io/v1beta1
kind: ClusterConfig
spec:
  workerProfiles:
    - name: open
      values:
        authentication:
          anonymous:
            enabled: true
`,
      },
    ]);
    const anonymous = report.findings.filter((f) => f.ruleId === 'kubelet-anonymous-auth-enabled');
    expect(anonymous).toHaveLength(1);
    expect(anonymous[0]?.message).toContain('k0s worker profile open');
    expect(anonymous[0]?.location).toMatchObject({ line: 9 });
  });

  it('--single in k0smotron args: no Konnectivity, so proxy traffic is plain HTTP', async () => {
    const report = await lint([
      {
        name: 'kcp.yaml',
        content: `apiVersion: controlplane.cluster.x-k8s.io/v1beta1
kind: K0sControlPlane
metadata:
  name: single
spec:
  version: v1.31.2+k0s.0
  k0sConfigSpec:
    args: [--single]
`,
      },
    ]);
    expect(ids(report)).toContain('proxy-traffic-unprotected');
    expect(report.paths.find((p) => p.id === 'konnectivity')?.verdict).toBe('not-configured');
  });
});
