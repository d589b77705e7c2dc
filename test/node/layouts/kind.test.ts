/**
 * kind's Cluster (kind.x-k8s.io/v1alpha4), kubernetes-sigs/kind's own example and test files and
 * apiserver-network-proxy's: read as the kubeadm configuration kind generates for each node, with its
 * kubeadmConfigPatches applied as kind applies them. A patch naming a kubeadm apiVersion applies only
 * to the version kind generates for the node's Kubernetes version; when that version is not known, the
 * settings it may change are not judged, and the answer says what to give.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import type { Report } from '../../../src/schemas/report';
import { at, corpusText } from '../../support/corpus-files';

const findings = (report: Report) =>
  report.findings.map((f) => `${f.severity} ${f.ruleId} :${f.location.line} ${f.location.node ?? ''}`).sort();
const options = (kubernetesVersion: string | null) =>
  ({ network: 'untrusted', kubernetesVersion, failOn: null }) as const;
const TESTDATA = 'kind/pkg/internal/apis/config/encoding/testdata/v1alpha4';

/** kubeadm's defaults on a kind control plane and its workers: what every kind cluster shows. */
const kindDefaults = (controlPlaneLine: number, workerLines: readonly number[], names: readonly string[]) => [
  `high apiserver-kubelet-certificate-authority-missing :${controlPlaneLine} kind-control-plane`,
  `high proxy-traffic-unprotected :${controlPlaneLine} kind-control-plane`,
  `medium apiserver-anonymous-auth :${controlPlaneLine} kind-control-plane`,
  `high kubelet-serving-cert-self-signed :${controlPlaneLine} kind-control-plane`,
  ...workerLines.map((line, i) => `high kubelet-serving-cert-self-signed :${line} ${names[i] ?? ''}`),
];

describe('kind Cluster with kubeadmConfigPatches', () => {
  it('the documented example config: one control plane and three workers, kubeadm’s defaults', async () => {
    const report = await lint(
      [at('kind/site/content/docs/user/kind-example-config.yaml', 'kind.yaml')],
      options('1.33'),
    );
    expect(findings(report)).toEqual(
      kindDefaults(24, [26, 27, 28], ['kind-worker', 'kind-worker2', 'kind-worker3']).sort(),
    );
    expect(report.summary.assessedPaths).toBe(5);
    // The JSON 6902 patch adds to the certSANs kind's template writes: it applies, nothing is unknown.
    expect(report.summary.toUpload).toEqual([]);
  });

  it('without a Kubernetes version, a patch naming kubeadm.k8s.io/v1beta3 may or may not apply: nothing is judged, and it says why', async () => {
    const report = await lint([at('kind/site/content/docs/user/kind-example-config.yaml', 'kind.yaml')]);
    expect(report.summary.passed).toBe(false);
    expect(report.summary.assessedPaths).toBe(0);
    expect(report.summary.toUpload.join('\n')).toContain(
      'kubeadmConfigPatchesJSON6902 entry names kubeadm.k8s.io/v1beta3',
    );
    expect(report.summary.toUpload.join('\n')).toContain('/kind/kubeadm.conf');
  });

  it('a worker’s v1beta2 JoinConfiguration patch sets --authorization-mode=AlwaysAllow: it applies before 1.23 only', async () => {
    const path = `${TESTDATA}/valid-kind-workers-patches.yaml`;
    const old = await lint([at(path, 'kind.yaml')], options('1.22'));
    expect(findings(old)).toContain('critical kubelet-authorization-always-allow :18 kind-worker');
    const current = await lint([at(path, 'kind.yaml')], options('1.30'));
    expect(findings(current)).not.toContain('critical kubelet-authorization-always-allow :18 kind-worker');
    expect(findings(current)).toContain('high kubelet-serving-cert-self-signed :10 kind-worker');
    // The second worker's JSON 6902 patch turns anonymous authentication on, at any version.
    for (const report of [old, current])
      expect(findings(report)).toContain('critical kubelet-anonymous-auth-enabled :27 kind-worker2');
  });

  it('without a version, the worker whose patch may apply is not judged, the others are', async () => {
    const report = await lint([at(`${TESTDATA}/valid-kind-workers-patches.yaml`, 'kind.yaml')]);
    expect(findings(report)).toContain('critical kubelet-anonymous-auth-enabled :27 kind-worker2');
    expect(report.findings.some((f) => f.location.node === 'kind-worker')).toBe(false);
    const skipped = report.coverage.notEvaluated.find(
      (n) => n.ruleId === 'kubelet-authorization-always-allow',
    );
    expect(skipped?.reason).toContain(
      'kubelet on node kind-worker: a kubeadmConfigPatches entry names kubeadm.k8s.io/v1beta2',
    );
  });

  it('v1beta2 patches are silently unused from 1.23 on, as kind leaves them', async () => {
    const report = await lint([at(`${TESTDATA}/valid-kind-patches.yaml`, 'kind.yaml')], options('1.30'));
    expect(findings(report)).toEqual(
      kindDefaults(30, [32, 33, 34], ['kind-worker', 'kind-worker2', 'kind-worker3']).sort(),
    );
  });

  it('apiserver-network-proxy’s kind config: the egress selector patched in, at the line of the patch', async () => {
    const report = await lint(
      [at('apiserver-network-proxy/examples/kind/kind.config', 'kind.config')],
      options('1.30'),
    );
    expect(report.findings.some((f) => f.ruleId === 'proxy-traffic-unprotected')).toBe(false);
    expect(report.summary.toUpload.join('\n')).toContain(
      '/etc/kubernetes/konnectivity-server-config/egress_selector_configuration.yaml',
    );
    // With the egress selector it names, proxy traffic goes through Konnectivity; the Konnectivity path
    // itself then asks for the server and agent manifests.
    const withSelector = await lint(
      [
        at('apiserver-network-proxy/examples/kind/kind.config', 'kind.config'),
        {
          name: '/etc/kubernetes/konnectivity-server-config/egress_selector_configuration.yaml',
          content: corpusText('apiserver-network-proxy/examples/kind/egress_selector_configuration.yaml'),
        },
      ],
      options('1.30'),
    );
    expect(withSelector.paths.find((p) => p.id === 'apiserver-to-nodes-pods-services')?.verdict).toBe(
      'secure',
    );
    expect(withSelector.summary.toUpload).toEqual([
      'the konnectivity-server manifest and the konnectivity-agent DaemonSet (kubectl get ds -n kube-system konnectivity-agent -o yaml)',
    ]);
  });

  it('the node image gives the version: kind generates v1beta4 from 1.36', async () => {
    const text = corpusText('kind/site/content/docs/user/kind-example-config.yaml').replace(
      '- role: control-plane\n',
      '- role: control-plane\n  image: kindest/node:v1.36.0\n',
    );
    const report = await lint([{ name: 'kind.yaml', content: text }]);
    // The v1beta3 JSON 6902 patch does not apply to v1beta4: the control plane is known, and judged.
    expect(findings(report)).toContain(
      'high apiserver-kubelet-certificate-authority-missing :24 kind-control-plane',
    );
  });

  it('greenhouse’s kind cluster: the anonymous-auth its node patch sets is found on the patch’s own line', async () => {
    const report = await lint(
      [at('greenhouse/dev-env/greenhouse-admin-cluster.yaml', 'kind.yaml')],
      options('1.33'),
    );
    const anonymous = report.findings.find((f) => f.ruleId === 'apiserver-anonymous-auth');
    expect(anonymous?.location).toMatchObject({ line: 17, default: false, node: 'kind-control-plane' });
  });
});
