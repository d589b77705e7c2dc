/**
 * Cluster API: the kubeadm configuration inside KubeadmControlPlane and KubeadmConfigTemplate (v1beta1
 * maps and v1beta2 lists, kubernetes-sigs/cluster-api test files), read as kubeadm's, with the
 * machines it makes, and files[] read as the files written on the node.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import type { Report } from '../../../src/schemas/report';
import { at } from '../../support/corpus-files';

const findings = (report: Report) =>
  report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.location.file}:${f.location.line}`).sort();

describe('Cluster API KubeadmControlPlane and KubeadmConfigTemplate', () => {
  it.each([
    [
      'v1beta2 (lists)',
      'cluster-api/test/infrastructure/docker/examples/simple-cluster.yaml',
      [45, 50, 55, 118],
      [53, 58, 121],
      '1.37',
    ],
    [
      'v1beta1 (maps)',
      'cluster-api-v1.10.0/test/infrastructure/docker/examples/simple-cluster.yaml',
      [47, 52, 56, 114],
      [55, 59, 117],
      '1.33',
    ],
  ])(
    '%s: kubeadm’s defaults, one kubelet per kind of machine',
    async (_name, path, lines, evictionHard, version) => {
      const report = await lint([at(path, 'cluster.yaml')]);
      const [apiserver, init, join, workers] = lines;
      expect(findings(report)).toEqual(
        [
          `high apiserver-kubelet-certificate-authority-missing cluster.yaml:${apiserver}`,
          `high proxy-traffic-unprotected cluster.yaml:${apiserver}`,
          `medium apiserver-anonymous-auth cluster.yaml:${apiserver}`,
          `high kubelet-serving-cert-self-signed cluster.yaml:${init}`,
          `high kubelet-serving-cert-self-signed cluster.yaml:${join}`,
          `high kubelet-serving-cert-self-signed cluster.yaml:${workers}`,
          // Each machine's kubeletExtraArgs sets --eviction-hard, a flag the kubelet deprecates in favour
          // of its config file's evictionHard (cmd/kubelet/app/options/options.go).
          ...evictionHard.map((line) => `info deprecated-flag cluster.yaml:${line}`),
        ].sort(),
      );
      expect(report.options).toMatchObject({ kubernetesVersion: version });
      expect(report.options.kubernetesVersionSource).toContain('spec.version');
      const nodes = report.findings
        .filter((f) => f.ruleId === 'kubelet-serving-cert-self-signed')
        .map((f) => f.location.node);
      expect(nodes).toEqual([
        'KubeadmControlPlane controlplane (init)',
        'KubeadmControlPlane controlplane (join)',
        'KubeadmConfigTemplate worker (nodes)',
      ]);
      // A cluster.x-k8s.io Cluster is not kind's: it says where the kubeadm configuration is.
      expect(report.inputs[0]?.documents.find((d) => d.kind === 'Cluster')?.note).toContain(
        'KubeadmControlPlane',
      );
    },
  );

  it('a clusterctl template: its KubeadmControlPlane without init or join still makes an init and a join machine', async () => {
    const report = await lint([
      at(
        'cluster-api/test/e2e/data/infrastructure-docker/main/cluster-template-kcp-remediation/cluster-with-kcp.yaml',
        'cluster.yaml',
      ),
    ]);
    expect(report.findings.filter((f) => f.ruleId === 'kubelet-serving-cert-self-signed')).toHaveLength(2);
    // files[0] is a shell script written on the node: listed, not read as configuration.
    expect(report.inputs[0]?.documents.find((d) => d.kind === 'File')).toMatchObject({
      recognized: false,
      note: 'files[0] /wait-signal.sh: not a Kubernetes configuration file',
    });
    // ${KUBERNETES_VERSION} is a clusterctl variable: no version is read from it.
    expect(report.options.kubernetesVersion).toBeNull();
  });

  it('a ClusterClass says its patches are not applied', async () => {
    const report = await lint([
      at('cluster-api/test/infrastructure/docker/templates/clusterclass-quick-start.yaml', 'cc.yaml'),
    ]);
    expect(report.inputs[0]?.documents.find((d) => d.kind === 'ClusterClass')?.note).toContain(
      'not applied here',
    );
  });

  it('files[].content is the file written at files[].path: flags find it there, positions map into the wrapper', async () => {
    const kcp = `apiVersion: controlplane.cluster.x-k8s.io/v1beta2
kind: KubeadmControlPlane
metadata:
  name: cp
spec:
  version: v1.34.1
  kubeadmConfigSpec:
    clusterConfiguration:
      apiServer:
        extraArgs:
        - name: authorization-config
          value: /etc/kubernetes/authz.yaml
        - name: kubelet-certificate-authority
          value: \${KUBELET_CA}
    files:
    - path: /etc/kubernetes/authz.yaml
      content: |
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthorizationConfiguration
        authorizers:
        - type: AlwaysAllow
          name: everything
`;
    const report = await lint([{ name: 'kcp.yaml', content: kcp }]);
    expect(
      report.findings.find((f) => f.ruleId === 'apiserver-authorization-always-allow')?.location,
    ).toMatchObject({
      file: 'kcp.yaml',
      line: 21,
      column: 11,
    });
    // A clusterctl variable: the flag's value is unknown, so its rule is not evaluated, saying why.
    expect(report.findings.some((f) => f.ruleId === 'apiserver-kubelet-certificate-authority-missing')).toBe(
      false,
    );
    expect(
      report.coverage.notEvaluated.find((n) => n.ruleId === 'apiserver-kubelet-certificate-authority-missing')
        ?.reason,
    ).toContain('clusterctl variables');
  });
});
