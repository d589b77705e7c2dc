/**
 * Reports every formatter is tested with: findings (one suppressed), none, an input error, and hostile
 * text. They are linted with a fixed set of rules, so rules added to the registry do not change them.
 */
import { ingestFile, type Upload } from '../../../src/ingest';
import { Budget } from '../../../src/ingest/budget';
import type { LintOptions } from '../../../src/lint';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { buildReport } from '../../../src/report/build';
import type { FormatContext } from '../../../src/report/formats';
import { findRule } from '../../../src/rules';
import { describeRule } from '../../../src/engine/describe-rule';
import { runRules } from '../../../src/engine/run-rules';
import { suppressor } from '../../../src/engine/suppressions';
import type { Rule } from '../../../src/engine/rule';
import type { Report } from '../../../src/schemas/report';
import { KUBELET_CONFIG_PATH, apiserverPod, kubeletConfig, manifestPath } from '../../support/fixtures';

/** Reads files as one request does: one budget for all of them. */
const readAll = () => {
  const budget = new Budget();
  return (upload: Parameters<typeof ingestFile>[0]) => ingestFile(upload, budget);
};

const RULE_IDS = [
  'apiserver-kubelet-certificate-authority-missing',
  'kubelet-anonymous-auth-enabled',
  'kubelet-read-only-port-enabled',
  'kubelet-serving-cert-self-signed',
  'proxy-traffic-unprotected',
];
export const SAMPLE_RULES: Rule[] = RULE_IDS.map((id) => findRule(id)!);
export const CONTEXT: FormatContext = { rules: SAMPLE_RULES.map(describeRule) };

/** A fixed time for certificates, so the same sample gives the same report. */
const AS_OF = new Date('2026-06-01T00:00:00Z');

/** lint() with SAMPLE_RULES instead of the whole registry. */
function lint(
  uploads: Upload[],
  options: LintOptions = { network: 'untrusted', kubernetesVersion: null, failOn: null },
): Report {
  const files = uploads.map(readAll());
  const model = buildClusterModel(files, { asOf: AS_OF, ...options });
  const suppressions = { rules: null, skipRules: options.skipRules ?? [] };
  const results = runRules(SAMPLE_RULES, model, suppressor(suppressions, files));
  return buildReport({
    files,
    model,
    rules: SAMPLE_RULES,
    results,
    network: options.network,
    failOn: options.failOn,
    skipRules: suppressions.skipRules,
  });
}

const SECURE_KUBELET = kubeletConfig(
  'readOnlyPort: 0\nserverTLSBootstrap: true\nauthentication:\n  anonymous:\n    enabled: false\n  webhook:\n    enabled: true\nauthorization:\n  mode: Webhook\n',
);

/** An API server without the kubelet CA and proxy protection, a kubelet with its read-only port open. */
export function reportWithFindings(): Report {
  return lint(
    [
      { name: manifestPath('kube-apiserver'), content: apiserverPod(['--authorization-mode=Node,RBAC']) },
      {
        name: KUBELET_CONFIG_PATH,
        content: kubeletConfig('readOnlyPort: 10255\nserverTLSBootstrap: true\n'),
      },
    ],
    {
      network: 'untrusted',
      kubernetesVersion: null,
      failOn: 'high',
      skipRules: ['proxy-traffic-unprotected'],
    },
  );
}

const EGRESS_SELECTOR = `apiVersion: apiserver.k8s.io/v1beta1
kind: EgressSelectorConfiguration
egressSelections:
- name: cluster
  connection:
    proxyProtocol: GRPC
    transport:
      uds:
        udsName: /etc/kubernetes/konnectivity-server/konnectivity-server.socket
`;

/** An API server that verifies kubelets and sends proxy traffic through Konnectivity, and a secure kubelet. */
export function reportWithoutFindings(): Report {
  return lint([
    {
      name: manifestPath('kube-apiserver'),
      content: apiserverPod([
        '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
        '--egress-selector-config-file=/etc/kubernetes/egress-selector.yaml',
      ]),
    },
    { name: '/etc/kubernetes/egress-selector.yaml', content: EGRESS_SELECTOR },
    { name: KUBELET_CONFIG_PATH, content: SECURE_KUBELET },
  ]);
}

/** A secure kubelet alone: every rule that could run found nothing, but no path can be judged. */
export function reportNothingAssessed(): Report {
  return lint([{ name: KUBELET_CONFIG_PATH, content: SECURE_KUBELET }]);
}

/** A good kubelet config beside a file with a YAML syntax error on line 3. */
export function reportWithInputError(): Report {
  return lint([
    { name: KUBELET_CONFIG_PATH, content: SECURE_KUBELET },
    { name: 'broken.yaml', content: 'kind: Pod\nspec:\n  containers: [\n' },
  ]);
}

/** A report whose uploaded names and messages hold every character that breaks a format. */
export function reportWithHostileText(): Report {
  const name = 'we<ird> & "odd" \'file\' |pipe| `tick` @team \u001b[31mred\u0007.yaml';
  return lint([{ name, content: kubeletConfig('readOnlyPort: 10255\n') }]);
}
