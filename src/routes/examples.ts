/**
 * Examples for the OpenAPI document: one small report (a kubelet config with its read-only port open,
 * one finding suppressed by skipRules), and the same report in every other format, rendered by the
 * real formatters so the examples cannot drift from what the API answers.
 */
import { FORMATTERS } from '../report/formats';
import type { Format } from '../schemas/lint-request';
import type { Problem } from '../schemas/problem';
import type { Report } from '../schemas/report';
import type { RuleInfo } from '../schemas/rule';

const FILE = '/var/lib/kubelet/config.yaml';
const PATH_LINK =
  'https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/#api-server-to-kubelet';
const APISERVER_MISSING = "the kube-apiserver's configuration was not uploaded";

export const EXAMPLE_UPLOAD =
  'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n';

export const EXAMPLE_REPORT: Report = {
  tool: { name: 'kube-comms-lint', version: '0.1.0', rulesetVersion: '2026.11.0' },
  options: {
    network: 'untrusted',
    kubernetesVersion: '1.31',
    kubernetesVersionSource: 'request option kubernetesVersion',
    failOn: 'high',
    rules: null,
    skipRules: ['kubelet-serving-cert-self-signed'],
  },
  summary: {
    findings: 1,
    bySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
    inputErrors: 0,
    suppressed: 1,
    passed: false,
  },
  paths: [
    { id: 'node-to-control-plane', verdict: 'not-assessed', findings: 0, reason: APISERVER_MISSING },
    {
      id: 'apiserver-to-kubelet',
      verdict: 'insecure',
      findings: 1,
      reason: `1 high finding; ${APISERVER_MISSING}; 1 suppressed`,
    },
    {
      id: 'apiserver-to-nodes-pods-services',
      verdict: 'not-assessed',
      findings: 0,
      reason: APISERVER_MISSING,
    },
    { id: 'ssh-tunnels', verdict: 'not-assessed', findings: 0, reason: APISERVER_MISSING },
    { id: 'konnectivity', verdict: 'not-assessed', findings: 0, reason: APISERVER_MISSING },
  ],
  inputs: [
    {
      file: FILE,
      documents: [
        {
          index: 0,
          pointer: '',
          line: 1,
          kind: 'KubeletConfiguration',
          component: 'kubelet',
          role: null,
          recognized: true,
          note: null,
        },
      ],
      errors: [],
    },
  ],
  coverage: {
    evaluated: ['kubelet-read-only-port-enabled', 'kubelet-serving-cert-self-signed'],
    notEvaluated: [
      {
        ruleId: 'apiserver-kubelet-certificate-authority-missing',
        reason: 'no kube-apiserver configuration was uploaded',
      },
    ],
  },
  findings: [
    {
      ruleId: 'kubelet-read-only-port-enabled',
      path: 'apiserver-to-kubelet',
      severity: 'high',
      category: 'security',
      title: 'The kubelet serves its read-only port',
      message:
        'kubelet (/var/lib/kubelet/config.yaml) serves an unauthenticated plain-HTTP read-only port 10255: readOnlyPort: 10255.',
      subject: 'kubelet (/var/lib/kubelet/config.yaml)',
      location: { file: FILE, line: 3, column: 1, pointer: '/readOnlyPort', document: 0, default: false },
      related: [],
      evidence: 'readOnlyPort: 10255',
      severityReason: null,
      remediation: 'Set readOnlyPort: 0 in the kubelet config file (or --read-only-port=0).',
      links: [PATH_LINK],
      references: ['CIS 4.2.4'],
      fingerprint: '9ea5682139c21c36',
    },
  ],
  suppressed: [
    {
      ruleId: 'kubelet-serving-cert-self-signed',
      path: 'apiserver-to-kubelet',
      severity: 'high',
      category: 'security',
      title: 'The kubelet serves a self-signed certificate',
      message:
        'kubelet (/var/lib/kubelet/config.yaml) serves a self-signed certificate: neither tlsCertFile nor serverTLSBootstrap is set.',
      subject: 'kubelet (/var/lib/kubelet/config.yaml)',
      location: {
        file: FILE,
        line: 1,
        column: 1,
        pointer: '/serverTLSBootstrap',
        document: 0,
        default: true,
      },
      related: [],
      evidence: 'serverTLSBootstrap is not set in the kubelet config file',
      severityReason: null,
      remediation: 'Set serverTLSBootstrap: true in the kubelet config file and approve its serving CSRs.',
      links: [PATH_LINK],
      references: ['CIS 4.2.9 (partly)'],
      fingerprint: '1662d2b7f31f6325',
      suppression: { source: 'option', reason: 'skipRules=kubelet-serving-cert-self-signed' },
    },
  ],
};

/**
 * The rules EXAMPLE_REPORT names, abridged. Written out rather than taken from the registry, so that
 * editing a rule's text does not change openapi.yaml.
 */
const EXAMPLE_RULES: RuleInfo[] = [
  {
    id: 'apiserver-kubelet-certificate-authority-missing',
    path: 'apiserver-to-kubelet',
    severity: 'high',
    trustedSeverity: 'medium',
    category: 'security',
    title: 'The API server does not verify kubelet serving certificates',
    description: 'Without --kubelet-certificate-authority the API server accepts any kubelet certificate.',
    remediation:
      "Set --kubelet-certificate-authority on kube-apiserver to the CA bundle that signs the kubelets' serving certificates.",
    links: [PATH_LINK],
    references: ['CIS 1.2.5', 'KCV-0006', 'C-0117'],
    requires: ['apiserver'],
  },
  {
    id: 'kubelet-read-only-port-enabled',
    path: 'apiserver-to-kubelet',
    severity: 'high',
    trustedSeverity: 'high',
    category: 'security',
    title: 'The kubelet serves its read-only port',
    description: 'The read-only port serves pod and node information over plain HTTP without authentication.',
    remediation: 'Set readOnlyPort: 0 in the kubelet config file (or --read-only-port=0).',
    links: [PATH_LINK],
    references: ['CIS 4.2.4', 'KCV-0082', 'C-0175'],
    requires: ['kubelet'],
  },
  {
    id: 'kubelet-serving-cert-self-signed',
    path: 'apiserver-to-kubelet',
    severity: 'high',
    trustedSeverity: 'medium',
    category: 'security',
    title: 'The kubelet serves a self-signed certificate',
    description: 'A self-signed kubelet certificate cannot be verified by the API server.',
    remediation: 'Set serverTLSBootstrap: true in the kubelet config file and approve its serving CSRs.',
    links: [PATH_LINK],
    references: ['CIS 4.2.9 (partly)'],
    requires: ['kubelet'],
  },
];

/** EXAMPLE_REPORT in `format`, as POST /v1/lint would answer it (driver.rules abridged for SARIF). */
export function exampleIn(format: Format): string {
  return FORMATTERS[format].render(EXAMPLE_REPORT, { rules: EXAMPLE_RULES });
}

export function exampleProblem(
  slug: string,
  status: number,
  title: string,
  detail: string,
  extras: Partial<Problem> = {},
): Problem {
  return {
    type: `urn:kube-comms-lint:problem:${slug}`,
    title,
    status,
    detail,
    instance: '/v1/lint',
    ...extras,
    requestId: '6f1c2a9e-3b7d-4c51-9a0e-2d8f5b7c1e43',
  };
}
