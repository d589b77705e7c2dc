/**
 * One verdict per communication path. Findings decide first (a path with a high finding is insecure
 * whatever else is missing); otherwise a path is `secure` only when rules actually judged it, and
 * `not-configured` / `not-assessed` say why it was not.
 */
import type { ClusterModel } from '../model/cluster-model';
import type { RuleResults } from '../engine/run-rules';
import { rulePaths, type Rule } from '../engine/rule';
import type { PathId } from '../schemas/common';
import type { PathVerdict } from '../schemas/report';
import { PATHS } from '../catalogue/paths';
import { APISERVER } from '../model/settings/kube-apiserver';
import { REQUIREMENTS } from '../engine/requirements';
import { CERTIFICATE_ROLES, type TrustKind } from '../model/certificates-binding';

export function pathVerdicts(
  model: ClusterModel,
  rules: readonly Rule[],
  results: RuleResults,
): PathVerdict[] {
  return PATHS.map(({ id }) => withBasis(id, model, verdictOf(id, model, rules, results)));
}

function verdictOf(
  id: PathId,
  model: ClusterModel,
  rules: readonly Rule[],
  results: RuleResults,
): Omit<PathVerdict, 'basis'> {
  const findings = results.counted.filter((f) => !f.suppressed && f.path === id && f.severity !== 'info');
  const gap = missingInputs(id, model);
  const count = findings.length;
  if (findings.some((f) => f.severity === 'critical' || f.severity === 'high')) {
    return { id, verdict: 'insecure', findings: count, reason: withGap(describe(findings), gap) };
  }
  if (count > 0) return { id, verdict: 'at-risk', findings: count, reason: withGap(describe(findings), gap) };
  if (gap) return { id, verdict: gap.verdict, findings: 0, reason: gap.reason };
  const pathRules = rules.filter((rule) => rulePaths(rule).includes(id)).map((rule) => rule.id);
  const evaluated = pathRules.filter((rule) => results.evaluated.includes(rule));
  // "No certificate uploaded" is said once, by the basis, not once per certificate rule.
  const skipped = results.notEvaluated.filter(
    (n) => pathRules.includes(n.ruleId) && n.reason !== REQUIREMENTS.certificates.missing,
  );
  if (evaluated.length === 0) {
    const reason =
      skipped.length > 0
        ? skipped.map((n) => `${n.ruleId}: ${n.reason}`).join('; ')
        : 'no rule of this ruleset judges this path yet';
    return { id, verdict: 'not-assessed', findings: 0, reason };
  }
  const partial =
    skipped.length > 0
      ? `; not evaluated: ${skipped.map((n) => `${n.ruleId} (${n.reason})`).join('; ')}`
      : '';
  return {
    id,
    verdict: 'secure',
    findings: 0,
    reason: `${evaluated.length} of ${pathRules.length} rules evaluated, no findings${partial}`,
  };
}

/** The paths whose TLS the certificate rules judge. */
const CERTIFICATE_PATHS = new Set<PathId>(Object.values(CERTIFICATE_ROLES).map((role) => role.path));

/**
 * Whether the verdict rests on certificates (a certificate a path presents was checked against the CA
 * bundle that must vouch for it) or on flags alone, and a reason that says which.
 */
function withBasis(id: PathId, model: ClusterModel, verdict: Omit<PathVerdict, 'basis'>): PathVerdict {
  const checked = CERTIFICATE_PATHS.has(id) ? model.certificates.checkedKinds(id) : [];
  const basis = checked.length > 0 ? 'certificates' : 'flags';
  const assessed = verdict.verdict !== 'not-assessed' && verdict.verdict !== 'not-configured';
  if (!assessed || !CERTIFICATE_PATHS.has(id)) return { ...verdict, basis };
  const suffix =
    basis === 'certificates'
      ? `verified by the uploaded certificates (${checked.map((kind) => CHECK_NAMES[kind]).join(', ')})`
      : 'from flags; upload the certificates to verify';
  return { ...verdict, basis, reason: `${verdict.reason}; ${suffix}` };
}

const CHECK_NAMES: Record<TrustKind, string> = {
  'apiserver-serving': "the API server's serving certificate",
  client: 'kubeconfig client certificates',
  'kubelet-serving': 'kubelet serving certificates',
  'apiserver-kubelet-client': "the API server's kubelet client certificate",
  'konnectivity-cluster': "the konnectivity-server's agent certificate",
};

function describe(findings: ReadonlyArray<{ severity: string }>): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return (
    [...counts].map(([severity, n]) => `${n} ${severity}`).join(', ') +
    (findings.length === 1 ? ' finding' : ' findings')
  );
}

function withGap(reason: string, gap: Gap | undefined): string {
  return gap ? `${reason}; ${gap.reason}` : reason;
}

interface Gap {
  verdict: 'not-configured' | 'not-assessed';
  reason: string;
  /** For a path not assessed: what to upload so that it can be. */
  upload?: string;
}

const UPLOAD_APISERVER =
  "the kube-apiserver's configuration: its static pod manifest (/etc/kubernetes/manifests/kube-apiserver.yaml), its command line (ps -o args= -C kube-apiserver), or your distribution's files (README, What to upload)";
const UPLOAD_KUBELET =
  "a kubelet's configuration: its config file (/var/lib/kubelet/config.yaml) with its command line or flags file, or a /configz dump";

/**
 * What to upload so that the paths left not assessed can be judged: the input each one lacks, or the
 * reasons its rules gave; each said once, in path order.
 */
export function whatToUpload(
  model: ClusterModel,
  rules: readonly Rule[],
  results: RuleResults,
  verdicts: readonly PathVerdict[],
): string[] {
  const wanted = verdicts
    .filter((path) => path.verdict === 'not-assessed')
    .flatMap((path) => {
      const upload = missingInputs(path.id, model)?.upload;
      if (upload) return [upload];
      const pathRules = new Set(rules.filter((rule) => rule.path === path.id).map((rule) => rule.id));
      return results.notEvaluated.filter((n) => pathRules.has(n.ruleId)).map((n) => n.reason);
    });
  return [...new Set(wanted)];
}

/** What keeps a path from being judged, per DESIGN.md: the inputs each path needs. */
function missingInputs(id: PathId, model: ClusterModel): Gap | undefined {
  if (model.apiServers.length === 0) {
    return {
      verdict: 'not-assessed',
      reason: "the kube-apiserver's configuration was not uploaded",
      upload: UPLOAD_APISERVER,
    };
  }
  const hidden = hiddenFlags(id, model);
  if (hidden) return { verdict: 'not-assessed', reason: hidden, upload: hidden };
  const missingEgress = model.apiServers.find((s) => s.egressSelector.state === 'missing');
  const egressFile =
    missingEgress?.egressSelector.state === 'missing' ? missingEgress.egressSelector.flag.value : '';
  switch (id) {
    case 'apiserver-to-kubelet':
      return model.kubelets.length === 0
        ? { verdict: 'not-assessed', reason: 'no kubelet configuration was uploaded', upload: UPLOAD_KUBELET }
        : undefined;
    case 'apiserver-to-nodes-pods-services':
      return missingEgress
        ? {
            verdict: 'not-assessed',
            reason: `the egress selector file ${egressFile} named by --egress-selector-config-file was not uploaded`,
            upload: `the egress selector file ${egressFile} named by --egress-selector-config-file`,
          }
        : undefined;
    case 'ssh-tunnels':
      return model.apiServers.some((s) => APISERVER.ssh.user.given(s) || APISERVER.ssh.keyfile.given(s))
        ? undefined
        : { verdict: 'not-configured', reason: 'no --ssh-user or --ssh-keyfile: SSH tunnels are not in use' };
    case 'konnectivity':
      if (!model.apiServers.some((s) => s.egressSelector.state !== 'none')) {
        return {
          verdict: 'not-configured',
          reason: 'no --egress-selector-config-file: the Konnectivity service is not in use',
        };
      }
      if (missingEgress)
        return {
          verdict: 'not-assessed',
          reason: `the egress selector file ${egressFile} was not uploaded`,
          upload: `the egress selector file ${egressFile} named by --egress-selector-config-file`,
        };
      if (model.konnectivityServers.length === 0 || model.konnectivityAgents.length === 0) {
        return {
          verdict: 'not-assessed',
          reason: 'the konnectivity-server and konnectivity-agent manifests were not both uploaded',
          upload:
            'the konnectivity-server manifest and the konnectivity-agent DaemonSet (kubectl get ds -n kube-system konnectivity-agent -o yaml)',
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * A component whose flags may hide in a file that was not uploaded (a systemd EnvironmentFile) cannot
 * show that a path is safe, nor that SSH tunnels or Konnectivity are not in use: why, for the path.
 */
function hiddenFlags(id: PathId, model: ClusterModel): string | undefined {
  const components = [
    ...model.apiServers,
    ...(id === 'node-to-control-plane' ? [...model.controllerManagers, ...model.schedulers] : []),
  ];
  const component = components.find((c) => c.hidden);
  if (component) return `${component.name}: ${component.hidden}`;
  if (id !== 'apiserver-to-kubelet') return undefined;
  const kubelet = model.kubelets.find((k) => k.options.hidden);
  return kubelet ? `${kubelet.name}: ${kubelet.options.hidden}` : undefined;
}
