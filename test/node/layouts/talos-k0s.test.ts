/**
 * Talos and k0s render the components from their files over defaults of their own, which this tool
 * does not reproduce (yet): their files are recognised, and the answer says so, why, and what to
 * upload instead, never a verdict on what they do not show. k0s files: k0sctl's and k0smotron's
 * (Apache-2.0). Talos' own files are MPL-2.0, not taken into the corpus: the machine configuration
 * below is written here in the shape `talosctl gen config` prints, with placeholder secrets.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import { at } from '../../support/corpus-files';

const TALOS = `version: v1alpha1
machine:
  type: controlplane
  token: placeholder-machine-token
  ca:
    crt: placeholder-certificate
    key: placeholder-key
  kubelet:
    image: ghcr.io/siderolabs/kubelet:v1.33.0
    extraArgs:
      rotate-server-certificates: true
cluster:
  controlPlane:
    endpoint: https://10.5.0.2:6443
  token: placeholder-cluster-token
  apiServer:
    image: registry.k8s.io/kube-apiserver:v1.33.0
    certSANs: [10.5.0.2]
    extraArgs:
      authorization-mode: AlwaysAllow
`;

describe('Talos and k0s: recognised, and answered with what to upload', () => {
  it('a Talos machine configuration: not judged, and it says why and to upload the mirror pods and /configz', async () => {
    const report = await lint([{ name: 'controlplane.yaml', content: TALOS }]);
    const doc = report.inputs[0]?.documents[0];
    expect(doc).toMatchObject({ kind: 'TalosMachineConfig', recognized: false });
    expect(doc?.note).toContain('kubectl get pods -n kube-system -l tier=control-plane -o yaml');
    expect(doc?.note).toContain('/proxy/configz');
    // Its AlwaysAllow is not reported as if Talos ran the API server with this flag alone.
    expect(report.findings).toEqual([]);
    expect(report.summary.passed).toBe(false);
  });

  it('Talos 1.15 documents (apiVersion v1alpha1, kind Kube*Config) are Talos’ too', async () => {
    const report = await lint([
      {
        name: 'kubelet.yaml',
        content: 'apiVersion: v1alpha1\nkind: KubeletConfig\nextraArgs:\n  anonymous-auth: "true"\n',
      },
    ]);
    expect(report.inputs[0]?.documents[0]?.note).toContain('a Talos machine configuration');
  });

  it('k0sctl’s ClusterConfig (kind in lower case): what to upload instead', async () => {
    const report = await lint([at('k0sctl/smoke-test/multidoc/k0sctl-multidoc-2.yaml', '/etc/k0s/k0s.yaml')]);
    const doc = report.inputs[0]?.documents[0];
    expect(doc).toMatchObject({ kind: 'clusterconfig', recognized: false });
    expect(doc?.note).toContain('ps -o args= -C kube-apiserver');
    expect(doc?.note).toContain('/var/lib/k0s/konnectivity.conf');
    expect(report.summary.passed).toBe(false);
  });

  it('k0smotron’s K0sControlPlane: its spec.api.extraArgs anonymous-auth is not judged from the file alone', async () => {
    const report = await lint([
      at('k0smotron/e2e/data/infrastructure-docker/main/bases/cluster-with-kcp.yaml', 'cluster.yaml'),
    ]);
    const kcp = report.inputs[0]?.documents.find((d) => d.kind === 'K0sControlPlane');
    expect(kcp?.note).toContain('a k0s ClusterConfig');
    expect(report.findings).toEqual([]);
  });
});
