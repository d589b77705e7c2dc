import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { grantOf, type Rbac, type RbacBinding, type RbacRole } from '../../model/rbac';
import { bindingsOf, describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { namedFew } from '../support/named-few';
import { subjectOf } from '../support/trust-findings';

/** Exec, attach, port-forward and container logs are the kubelet's nodes/proxy (pkg/kubelet/server/auth.go). */
const RESOURCE = 'nodes/proxy';
const VERBS = ['get', 'create'];
/** The group the API server's authorizer lets through before RBAC (k8s.io/apiserver SystemPrivilegedGroup). */
const PRIVILEGED_GROUP = 'system:masters';
/** ClusterRoles Kubernetes creates itself that grant nodes/proxy, when the upload does not hold them. */
const BUILT_IN_GRANTS = new Set(['cluster-admin', 'system:kubelet-api-admin']);

export default defineRule({
  id: 'apiserver-kubelet-client-unauthorized',
  path: 'apiserver-to-kubelet',
  severity: 'medium',
  category: 'breakage',
  title: "The uploaded RBAC does not let the API server's kubelet client use the kubelets",
  description:
    'A kubelet that authorizes by Webhook asks the API server whether the user of --kubelet-client-certificate (its CN, with its O as groups) may use nodes/proxy, which covers exec, attach, port-forward and logs. When no ClusterRoleBinding of the uploaded RBAC grants it, and it is not in system:masters, kubectl logs and exec answer 403 Forbidden. Only what was uploaded is judged: upload every ClusterRoleBinding (kubectl get clusterrolebindings -o yaml).',
  remediation:
    'Bind the identity of --kubelet-client-certificate to a role that grants nodes/proxy (system:kubelet-api-admin, as kubeadm does through kubeadm:cluster-admins), or issue the certificate in a group that has one.',
  links: [LINKS.kubeletAuthorization, LINKS.rbac, LINKS.kubeletAuthnAuthz],
  references: [],
  requires: ['apiserver', 'kubelet', 'rbac', 'certificates'],
  check: (model, context) => {
    const webhook = model.kubelets.filter((k) => k.setting('authorizationMode')?.value === 'Webhook');
    if (webhook.length === 0) {
      context.notEvaluated('no uploaded kubelet authorizes by Webhook');
      return [];
    }
    const clusterBindings = model.rbac.bindings.filter((b) => b.kind === 'ClusterRoleBinding');
    if (clusterBindings.length === 0) {
      context.notEvaluated('no ClusterRoleBinding was uploaded (kubectl get clusterrolebindings -o yaml)');
      return [];
    }
    // The same for every API server, worked out once: who the bindings let use nodes/proxy, and the
    // kubelets and bindings named (at most SHOWN of each).
    const holders = grantHolders(model.rbac, clusterBindings);
    const kubelets = `${namedFew(
      webhook.map((k) => k.name),
      webhook.length,
      ', ',
    )} ${webhook.length === 1 ? 'authorizes' : 'authorize'} by Webhook and ${webhook.length === 1 ? 'answers' : 'answer'}`;
    const bindingNames = namedFew(
      clusterBindings.map((b) => b.name),
      clusterBindings.length,
      ', ',
    );
    return model.apiServers.flatMap((server): RawFinding[] => {
      const binding = bindingsOf(model, 'apiserver-kubelet-client', server)[0];
      if (!binding) return []; // apiserver-kubelet-client-certificate-missing
      const first = binding.bundle?.certificates[0];
      const certificate = first ? model.certificates.info(first) : undefined;
      if (!first || !certificate) {
        context.notEvaluated(`${server.name}: ${binding.setting}: ${binding.missing ?? 'cannot be read'}`);
        return [];
      }
      const user = certificate.subject.commonName ?? '';
      const groups = [...certificate.subject.organizations, 'system:authenticated'];
      if (groups.includes(PRIVILEGED_GROUP)) return [];
      if (holders.has(subjectKey('User', user)) || groups.some((g) => holders.has(subjectKey('Group', g))))
        return [];
      const who = `user ${user || '(no CN)'} in groups ${certificate.subject.organizations.join(', ') || '(no O)'}`;
      return [
        {
          subject: subjectOf(certificate),
          message: `${server.name} calls kubelets as ${who} (${binding.setting}), and none of the ${clusterBindings.length} uploaded ClusterRoleBindings grants it ${RESOURCE}: ${kubelets} logs and exec with 403.`,
          location: first.location,
          related: [binding.location],
          evidence: `${describeCertificate(certificate)}; ClusterRoleBindings: ${bindingNames}`,
        },
      ];
    });
  },
});

/** The Users and Groups (subjectKey) that a ClusterRoleBinding of a role granting nodes/proxy holds. */
function grantHolders(rbac: Rbac, clusterBindings: readonly RbacBinding[]): Set<string> {
  // Many bindings may name one role: its rules are read once.
  const granted = new Map<RbacRole, boolean>();
  const grants = (role: RbacRole) => {
    let yes = granted.get(role);
    if (yes === undefined)
      granted.set(role, (yes = role.rules.some((rule) => grantOf(rule, RESOURCE, VERBS))));
    return yes;
  };
  const holders = new Set<string>();
  for (const b of clusterBindings) {
    const role = rbac.roleOf(b);
    if (!(role ? grants(role) : b.roleRef.kind === 'ClusterRole' && BUILT_IN_GRANTS.has(b.roleRef.name)))
      continue;
    for (const s of b.subjects)
      if (s.kind === 'User' || s.kind === 'Group') holders.add(subjectKey(s.kind, s.name));
  }
  return holders;
}

const subjectKey = (kind: 'User' | 'Group', name: string) => `${kind}\u0000${name}`;

export const examples = (): RuleExamples => ({ bad: X.kubeletClientUnbound, good: X.kubeadm });
