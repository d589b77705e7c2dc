import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { grantOf, type RbacBinding } from '../../model/rbac';
import { bindingsOf, describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
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
      const holds = (b: RbacBinding) =>
        b.subjects.some(
          (s) => (s.kind === 'User' && s.name === user) || (s.kind === 'Group' && groups.includes(s.name)),
        );
      const granting = clusterBindings.filter(holds).filter((b) => {
        const role = model.rbac.roleOf(b);
        if (!role) return b.roleRef.kind === 'ClusterRole' && BUILT_IN_GRANTS.has(b.roleRef.name);
        return role.rules.some((rule) => grantOf(rule, RESOURCE, VERBS));
      });
      if (granting.length > 0) return [];
      const who = `user ${user || '(no CN)'} in groups ${certificate.subject.organizations.join(', ') || '(no O)'}`;
      return [
        {
          subject: subjectOf(certificate),
          message: `${server.name} calls kubelets as ${who} (${binding.setting}), and none of the ${clusterBindings.length} uploaded ClusterRoleBindings grants it ${RESOURCE}: ${webhook.map((k) => k.name).join(', ')} ${webhook.length === 1 ? 'authorizes' : 'authorize'} by Webhook and ${webhook.length === 1 ? 'answers' : 'answer'} logs and exec with 403.`,
          location: first.location,
          related: [binding.location],
          evidence: `${describeCertificate(certificate)}; ClusterRoleBindings: ${clusterBindings.map((b) => b.name).join(', ')}`,
        },
      ];
    });
  },
});

export const examples = (): RuleExamples => ({ bad: X.kubeletClientUnbound, good: X.kubeadm });
