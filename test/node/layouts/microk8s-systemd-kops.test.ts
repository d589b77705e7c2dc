/**
 * Real clusters' files, uploaded as their distribution lays them out on a node, give the findings an
 * expert expects: MicroK8s args files, components run by systemd units and their EnvironmentFiles
 * (kubernetes-retired/contrib, the kubeadm packages of kubernetes/release, AKS, EKS), and kops.
 */
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../support/ingest';
import { lint } from '../../../src/lint';
import { buildClusterModel } from '../../../src/model/cluster-model';
import type { Report } from '../../../src/schemas/report';
import {
  at,
  corpusText,
  kopsApiserverWithHealthcheck,
  kopsTasks,
  microk8sArgs,
} from '../../support/corpus-files';

const OPTIONS = { network: 'untrusted', kubernetesVersion: null } as const;
const findings = (report: Report) =>
  report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.location.file}:${f.location.line}`).sort();
const verdict = (report: Report, id: string) => report.paths.find((p) => p.id === id)?.verdict;

const microk8s = microk8sArgs;

describe('MicroK8s (/var/snap/microk8s/current/args/*, its default-args)', () => {
  it('gives the two critical AlwaysAllow authorizers, on the API server and the kubelet', async () => {
    const report = await lint(microk8s());
    const args = '/var/snap/microk8s/current/args';
    expect(findings(report)).toEqual(
      [
        `critical apiserver-authorization-always-allow ${args}/kube-apiserver:3`,
        `critical kubelet-authorization-always-allow ${args}/kubelet:1`,
        `high apiserver-authorization-node-missing ${args}/kube-apiserver:3`,
        `high proxy-traffic-unprotected ${args}/kube-apiserver:1`,
        `low kubelet-client-cert-rotation-disabled ${args}/kubelet:1`,
        `medium apiserver-authorization-rbac-missing ${args}/kube-apiserver:3`,
        `medium apiserver-node-restriction-missing ${args}/kube-apiserver:29`,
        `medium apiserver-weak-tls ${args}/kube-apiserver:8`,
        `medium control-plane-component-exposed ${args}/kube-controller-manager:1`,
        `medium control-plane-component-exposed ${args}/kube-scheduler:1`,
        `medium kubelet-weak-tls ${args}/kubelet:13`,
        // Deprecated in the flag facts: kube-scheduler's --kubeconfig and --profiling (use --config),
        // the kubelet's config-file flags (one finding for them all) and cadvisor's --containerd.
        `info deprecated-flag ${args}/kube-scheduler:1`,
        `info deprecated-flag ${args}/kube-scheduler:4`,
        `info deprecated-flag ${args}/kubelet:3`,
        `info deprecated-flag ${args}/kubelet:9`,
      ].sort(),
    );
    // The kubelet runs without --config: the flag defaults apply (AlwaysAllow), but the flags it sets hold.
    const kubelet = report.findings.find((f) => f.ruleId === 'kubelet-authorization-always-allow');
    expect(kubelet?.message).toContain('runs without --config');
    expect(kubelet?.location.default).toBe(true);
    // MicroK8s writes a CA-signed kubelet.crt into --cert-dir=${SNAP_DATA}/certs: not self-signed.
    expect(report.coverage.evaluated).toContain('kubelet-serving-cert-self-signed');
    // AlwaysAllow turns the API server's anonymous authentication off: no apiserver-anonymous-auth.
    expect(report.coverage.evaluated).toContain('apiserver-anonymous-auth');
  });

  it('expands ${SNAP_DATA} to the revision the path names, and strips the quotes kubelite strips', async () => {
    const report = await lint(microk8s('8234'));
    expect(
      report.findings.find((f) => f.ruleId === 'apiserver-kubelet-certificate-authority-missing'),
    ).toBeUndefined();
    expect(report.inputs.find((i) => i.file.endsWith('/args/kubelite'))?.documents[0]).toMatchObject({
      kind: 'MicroK8sKubelite',
      recognized: true,
    });
  });

  it('a worker whose kubelite says --start-control-plane=false runs no API server', async () => {
    const files = microk8s().map((file) =>
      file.name.endsWith('/kubelite')
        ? {
            ...file,
            content: String(file.content).replace(
              '--start-control-plane=true',
              '--start-control-plane=false',
            ),
          }
        : file,
    );
    const report = await lint(files);
    expect(report.findings.some((f) => f.ruleId.startsWith('apiserver-'))).toBe(false);
    expect(findings(report)).toContain(
      'critical kubelet-authorization-always-allow /var/snap/microk8s/current/args/kubelet:1',
    );
  });
});

const CONTRIB = 'kubernetes-retired/contrib init/systemd';
const contribUnits = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
  'kubelet',
].map((name) =>
  at(`kubernetes-contrib/init/systemd/${name}.service`, `/usr/lib/systemd/system/${name}.service`),
);
const contribEnvironment = ['config', 'apiserver', 'controller-manager', 'scheduler', 'kubelet', 'proxy'].map(
  (name) => at(`kubernetes-contrib/init/systemd/environ/${name}`, `/etc/kubernetes/${name}`),
);

describe(`components run by systemd with EnvironmentFiles (${CONTRIB})`, () => {
  it('expands every unit from its EnvironmentFiles: the flags are found in the files that set them', async () => {
    const report = await lint([
      ...contribUnits,
      ...contribEnvironment,
      at('kubernetes-contrib/init/systemd/environ/kubelet.kubeconfig', '/etc/kubernetes/kubelet.kubeconfig'),
    ]);
    const mine = findings(report);
    // --master=http://127.0.0.1:8080 from /etc/kubernetes/config, through $KUBE_MASTER of both units.
    expect(
      mine.filter(
        (f) => f === 'critical control-plane-component-plaintext-apiserver /etc/kubernetes/config:22',
      ),
    ).toHaveLength(2);
    // The API server sets no authorization flag: the AlwaysAllow default.
    expect(mine).toContain(
      'critical apiserver-authorization-always-allow /usr/lib/systemd/system/kube-apiserver.service:11',
    );
    // The kubelet has no --config: the legacy flag defaults (anonymous, AlwaysAllow, port 10255).
    for (const rule of ['kubelet-anonymous-auth-enabled', 'kubelet-authorization-always-allow'])
      expect(mine).toContain(`critical ${rule} /usr/lib/systemd/system/kubelet.service:11`);
    expect(mine).toContain('high kubelet-read-only-port-enabled /usr/lib/systemd/system/kubelet.service:11');
    // KUBELET_HOSTNAME="--hostname-override=127.0.0.1" names the node.
    expect(report.findings.find((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')?.location.node).toBe(
      '127.0.0.1',
    );
    expect(report.summary.assessedPaths).toBe(5);
  });

  it('without its EnvironmentFiles nothing a variable may hold is judged, and the report says what to upload', async () => {
    const report = await lint(contribUnits);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ assessedPaths: 0, passed: false });
    expect(report.summary.toUpload.join('\n')).toContain(
      '/etc/kubernetes/apiserver, which were not uploaded',
    );
  });
});

describe('the kubeadm packages (kubernetes/release: kubelet.service, 10-kubeadm.conf, kubelet.env)', () => {
  const unit = at(
    'kubernetes-release/cmd/krel/templates/latest/kubelet/kubelet.service',
    '/usr/lib/systemd/system/kubelet.service',
  );
  const dropIn = at(
    'kubernetes-release/cmd/krel/templates/latest/kubeadm/10-kubeadm.conf',
    '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf',
  );
  const sysconfig = at(
    'kubernetes-release/cmd/krel/templates/latest/kubelet/kubelet.env',
    '/etc/sysconfig/kubelet',
  );

  it("the drop-in's ExecStart wins and needs kubeadm-flags.env: without it nothing the kubelet may hide is judged", async () => {
    const report = await lint([unit, dropIn, sysconfig]);
    const reason = report.coverage.notEvaluated.find(
      (n) => n.ruleId === 'kubelet-anonymous-auth-enabled',
    )?.reason;
    expect(reason).toContain('may be set in /var/lib/kubelet/kubeadm-flags.env, which was not uploaded');
  });

  it('with kubeadm-flags.env and the config file, the kubelet is judged from them', async () => {
    const report = await lint([
      unit,
      dropIn,
      sysconfig,
      {
        name: '/var/lib/kubelet/kubeadm-flags.env',
        content:
          'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock --read-only-port=10255"\n',
      },
      {
        name: '/var/lib/kubelet/config.yaml',
        content: corpusText('kubernetes/cmd/kubeadm/app/util/config/testdata/kubelet-without-cert.yaml'),
      },
    ]);
    expect(findings(report)).toContain(
      'high kubelet-read-only-port-enabled /var/lib/kubelet/kubeadm-flags.env:1',
    );
  });
});

describe('AKS (AgentBaker kubelet.service, /etc/default/kubelet with KUBELET_FLAGS)', () => {
  const unit = at(
    'agentbaker/parts/linux/cloud-init/artifacts/kubelet.service',
    '/etc/systemd/system/kubelet.service',
  );
  // AgentBaker writes one unquoted line of sorted --key=value pairs (cse_config.sh ensureKubelet,
  // GetOrderedKubeletConfigFlagString); no generated copy is published, so this one is written here.
  const flags = {
    name: '/etc/default/kubelet',
    content:
      'KUBELET_FLAGS=--anonymous-auth=false --authentication-token-webhook=true --authorization-mode=Webhook --client-ca-file=/etc/kubernetes/certs/ca.crt --read-only-port=0 --tls-cert-file=/etc/kubernetes/certs/kubeletserver.crt --tls-private-key-file=/etc/kubernetes/certs/kubeletserver.key\nKUBELET_NODE_LABELS=kubernetes.azure.com/role=agent\n',
  };

  it('reads the flags from KUBELET_FLAGS through the unit, the node labels through ${KUBELET_NODE_LABELS}', async () => {
    const report = await lint([unit, flags]);
    // No security finding; only that AgentBaker passes config-file settings as deprecated flags.
    expect(
      report.findings
        .filter((f) => f.path === 'apiserver-to-kubelet')
        .map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`),
    ).toEqual(['deprecated-flag /etc/systemd/system/kubelet.service:27']);
    expect(report.findings.find((f) => f.ruleId === 'deprecated-flag')?.message).toContain(
      'sets 9 flags the kubelet deprecates in favour of its config file',
    );
    expect(report.coverage.evaluated).toContain('kubelet-anonymous-auth-enabled');
    const [kubelet] = buildClusterModel(ingestAll([unit, flags]), OPTIONS).kubelets;
    expect(kubelet?.flags.get('node-labels')?.value).toBe('kubernetes.azure.com/role=agent');
    expect(kubelet?.flags.get('read-only-port')?.location).toMatchObject({
      file: '/etc/default/kubelet',
      line: 1,
    });
  });

  it('without /etc/default/kubelet (EnvironmentFile= without -) the kubelet is not judged', async () => {
    const report = await lint([unit]);
    expect(
      report.coverage.notEvaluated.find((n) => n.ruleId === 'kubelet-anonymous-auth-enabled')?.reason,
    ).toContain('/etc/default/kubelet, which was not uploaded');
  });
});

describe('EKS AL2 (kubelet-containerd.service with --config inline, its kubelet-config.json)', () => {
  it('runs with the config file the unit names; $KUBELET_ARGS set by no uploaded file is empty', async () => {
    const report = await lint([
      at(
        'amazon-eks-ami-al2/templates/al2/runtime/kubelet-containerd.service',
        '/etc/systemd/system/kubelet.service',
      ),
      at(
        'amazon-eks-ami-al2/templates/al2/runtime/kubelet-config.json',
        '/etc/kubernetes/kubelet/kubelet-config.json',
      ),
    ]);
    expect(report.findings.some((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')).toBe(false);
    expect(findings(report)).toContain(
      'info kubelet-serving-cert-approval /etc/kubernetes/kubelet/kubelet-config.json:34',
    );
  });
});

describe('EKS AL2023 (nodeadm: kubelet.service expands $NODEADM_KUBELET_ARGS from /etc/eks/kubelet/environment)', () => {
  const unit = at(
    'amazon-eks-ami/templates/al2023/runtime/rootfs/etc/systemd/system/kubelet.service',
    '/etc/systemd/system/kubelet.service',
  );
  const config = at(
    'amazon-eks-ami/nodeadm/test/e2e/cases/kubelet-config-dir/expected-kubelet-config.json',
    '/etc/kubernetes/kubelet/config.json',
  );
  // What nodeadm writes (nodeadm/internal/kubelet/environment.go: its own --k=v flags, then
  // spec.kubelet.flags, unquoted): here those of its kubelet-flags e2e case, plus one a user may add.
  const environment = (extra: string) => ({
    name: '/etc/eks/kubelet/environment',
    content: `NODEADM_KUBELET_ARGS=--node-ip=10.0.0.1 --hostname-override=ip-10-0-0-1.us-west-2.compute.internal --cloud-provider=external --config=/etc/kubernetes/kubelet/config.json --kubeconfig=/var/lib/kubelet/kubeconfig --v=5 --node-labels=foo=bar,foo2=baz${extra}\n`,
  });

  it('without the environment file (EnvironmentFile= without -) the kubelet is not judged', async () => {
    const report = await lint([unit, config]);
    expect(report.findings.filter((f) => f.ruleId.startsWith('kubelet-'))).toEqual([]);
    expect(
      report.coverage.notEvaluated.find((n) => n.ruleId === 'kubelet-anonymous-auth-enabled')?.reason,
    ).toContain('/etc/eks/kubelet/environment, which was not uploaded');
  });

  it("with it, the kubelet runs with nodeadm's config.json, and an added flag beats the file", async () => {
    const report = await lint([unit, config, environment(' --anonymous-auth=true')]);
    expect(findings(report)).toContain(
      'info kubelet-serving-cert-approval /etc/kubernetes/kubelet/config.json:40',
    );
    const anonymous = report.findings.find((f) => f.ruleId === 'kubelet-anonymous-auth-enabled');
    expect(anonymous?.location.file).toBe('/etc/eks/kubelet/environment');
    expect(anonymous?.message).toContain('ip-10-0-0-1.us-west-2.compute.internal');
  });
});

describe('kops (nodeup golden files: *.manifest static pods, /etc/sysconfig/kubelet DAEMON_ARGS)', () => {
  const scheduler = kopsTasks('kops/nodeup/pkg/model/tests/golden/minimal/tasks-kube-scheduler.yaml');

  it.each([
    [
      '1.37 (kubelet settings in kubelet.conf)',
      'kops/nodeup/pkg/model/tests/kubelet/featuregates/tasks.yaml',
      [
        // The featuregates test sets gates long removed: the kubelet refuses its config file.
        'critical invalid-flag-value /var/lib/kubelet/kubelet.conf:31',
        'critical invalid-flag-value /var/lib/kubelet/kubelet.conf:32',
        // --cloud-provider, --register-schedulable, and --runtime-request-timeout (a config-file field).
        ...Array<string>(3).fill('info deprecated-flag /etc/sysconfig/kubelet:1'),
      ],
    ],
    [
      '1.35 (kubelet settings in DAEMON_ARGS)',
      'kops-v1.35.2/nodeup/pkg/model/tests/kubelet/featuregates/tasks.yaml',
      [
        // The same gates in --feature-gates, and InTreePluginAWSUnregister, removed in 1.31.
        ...Array<string>(3).fill('critical invalid-flag-value /etc/sysconfig/kubelet:1'),
        // --cloud-provider, --register-schedulable, --cloud-config, and 18 config-file flags in one.
        ...Array<string>(4).fill('info deprecated-flag /etc/sysconfig/kubelet:1'),
      ],
    ],
  ])(
    'kops %s: the kubelet verifies, the API server does not verify kubelets',
    async (_name, kubeletTasks, kubeletStartup) => {
      const report = await lint([...kopsTasks(kubeletTasks), kopsApiserverWithHealthcheck(), ...scheduler]);
      const manifest = '/etc/kubernetes/manifests/kube-apiserver.manifest';
      expect(findings(report)).toEqual(
        [
          `high apiserver-kubelet-certificate-authority-missing ${manifest}:14`,
          `high proxy-traffic-unprotected ${manifest}:14`,
          'low kubelet-client-cert-rotation-disabled /var/lib/kubelet/kubelet.conf:1',
          'medium control-plane-component-exposed /etc/kubernetes/manifests/kube-scheduler.manifest:10',
          // kops still passes --apiserver-count, deprecated since 1.24.
          `info deprecated-flag ${manifest}:21`,
          ...kubeletStartup,
        ].sort(),
      );
      // go-runner's own flags are not the API server's, and the healthcheck sidecar is not the API server.
      expect(report.coverage.notEvaluated.some((n) => n.reason.includes('--also-stdout'))).toBe(false);
      expect(verdict(report, 'apiserver-to-kubelet')).toBe('insecure');
    },
  );

  it('"$DAEMON_ARGS", quoted, still splits into the kubelet flags', async () => {
    const report = await lint(
      kopsTasks('kops-v1.35.2/nodeup/pkg/model/tests/kubelet/featuregates/tasks.yaml'),
    );
    expect(report.coverage.evaluated).toContain('kubelet-authorization-always-allow');
    expect(report.findings.some((f) => f.ruleId === 'kubelet-serving-cert-self-signed')).toBe(false);
  });
});
