import type { ClusterModel } from '../../model/cluster-model';
import type { EgressSelector } from '../../model/egress-selector';
import { egressFlagLocations } from '../../model/konnectivity';
import { compareMinor } from '../../model/version';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { validateEgressSelector, type EgressProblem } from '../../model/egress-selector-validation';
import { egressSelector, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'egress-selector-config-invalid',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: 'The API server rejects its EgressSelectorConfiguration',
  description:
    'kube-apiserver validates the file --egress-selector-config-file names and refuses to start when it is wrong: names other than controlplane, cluster and etcd (master is an alias of controlplane), a name used twice, a proxyProtocol other than Direct, HTTPConnect or GRPC, GRPC without a uds transport, Direct with a transport, HTTPConnect with both or neither of tcp and uds, an empty udsName, a tcp url that is neither http:// nor https://, https:// without tlsConfig.clientCert and clientKey, or http:// with a tlsConfig. From Kubernetes 1.32 the file is also decoded strictly: only apiserver.k8s.io/v1beta1 and v1alpha1, no unknown or duplicate fields.',
  remediation:
    'Fix the EgressSelectorConfiguration as the message says (apiVersion apiserver.k8s.io/v1beta1; one selection per name; GRPC with transport.uds.udsName, HTTPConnect with exactly one of tcp or uds, Direct with no transport) before rolling it out.',
  links: [LINKS.setupKonnectivity, LINKS.egressSelectorConfiguration],
  references: [],
  requires: ['egress-selector'],
  check: (model) => model.egressSelectors.flatMap((selector) => judge(selector, model)),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    egressSelector([
      '- name: cluster',
      '  connection:',
      '    proxyProtocol: GRPC',
      '    transport:',
      '      tcp:',
      '        url: https://konnectivity.example:8131',
    ]),
  ),
  // The same selection over the konnectivity-server's socket (the examples' default).
  good: upload(egressSelector()),
});

function judge(selector: EgressSelector, model: ClusterModel): RawFinding[] {
  // Strict decoding (registered apiVersion, no unknown fields) came with Kubernetes 1.32 (kubernetes#128011).
  const strict = model.version ? compareMinor(model.version.minor, '1.32') >= 0 : null;
  const related = egressFlagLocations(model, selector.doc);
  return validateEgressSelector(selector.doc)
    .filter((problem) => !problem.strictOnly || strict !== false)
    .map((problem) => finding(selector, problem, related, strict))
    .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

function finding(
  selector: EgressSelector,
  problem: EgressProblem,
  related: RawFinding['related'],
  strict: boolean | null,
): RawFinding {
  const versionNote =
    problem.strictOnly && strict === null
      ? ' (Kubernetes 1.32 and later decode this file strictly and refuse it; older versions ignore it. The cluster version is unknown: pass kubernetesVersion)'
      : problem.strictOnly
        ? ' (Kubernetes 1.32 and later decode this file strictly)'
        : '';
  return {
    subject: `EgressSelectorConfiguration (${selector.file})`,
    message: `EgressSelectorConfiguration ${selector.file}: ${problem.field} ${problem.message}${versionNote}; kube-apiserver refuses to start with it.`,
    location: selector.doc.at(problem.pointer, problem.missing === true),
    related: related ?? [],
    evidence: problem.evidence,
  };
}
