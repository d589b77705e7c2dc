import { isPlainObject } from '../../ingest/yaml';
import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { file, lines, upload, type RuleExamples } from '../support/examples';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);
/** Roles Kubernetes and kubeadm grant anonymous requests on purpose: health, version and discovery, and the public cluster-info kubeadm join reads. */
const EXPECTED = new Set([
  'ClusterRole/system:public-info-viewer',
  'ClusterRole/system:discovery',
  'Role/kubeadm:bootstrap-signer-clusterinfo',
]);

export default defineRule({
  id: 'rbac-anonymous-binding',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: 'RBAC grants a role to anonymous requests',
  description:
    'A RoleBinding or ClusterRoleBinding whose subjects include the user system:anonymous or the group system:unauthenticated gives its role to every request without credentials (while --anonymous-auth is on, its default). The built-in health, version and discovery roles (system:public-info-viewer, system:discovery) and the kube-public cluster-info role kubeadm binds for join discovery are expected and not reported.',
  remediation:
    'Remove system:anonymous and system:unauthenticated from the binding (bind the role to the authenticated users or service accounts that need it).',
  links: [LINKS.rbacDiscoveryRoles, LINKS.anonymousRequests],
  references: ['KSV-0122', 'C-0262'],
  requires: ['rbac'],
  check: (model) =>
    model.rbac.bindings.flatMap((binding) => {
      if (EXPECTED.has(`${binding.roleRef.kind}/${binding.roleRef.name}`)) return [];
      const raw = Array.isArray(binding.doc.value.subjects) ? binding.doc.value.subjects : [];
      return binding.subjects
        .filter((subject) => ANONYMOUS.has(subject.name))
        .map((subject) => {
          const index = raw.findIndex((s) => isPlainObject(s) && s.name === subject.name);
          const where = binding.namespace ? ` in namespace ${binding.namespace}` : '';
          const role = `${binding.roleRef.kind} ${binding.roleRef.name}`;
          const known = model.rbac.roleOf(binding) ? '' : ' (the role was not uploaded)';
          return {
            subject: `${binding.kind} ${binding.name}`,
            message: `${binding.kind} ${binding.name}${where} grants ${role}${known} to ${subject.kind} ${subject.name}, i.e. to requests without credentials.`,
            location: binding.doc.at(`/subjects/${index}/name`),
            related: [binding.doc.at('/roleRef')],
            evidence: `roleRef: ${role}; subject: ${subject.kind} ${subject.name}`,
          };
        });
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    file(
      'cluster-viewers.yaml',
      lines(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRoleBinding',
        'metadata:',
        '  name: cluster-viewers',
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        '  name: view',
        'subjects:',
        '- apiGroup: rbac.authorization.k8s.io',
        '  kind: Group',
        '  name: system:unauthenticated',
      ),
    ),
  ),
  good: upload(
    file(
      'cluster-viewers.yaml',
      lines(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRoleBinding',
        'metadata:',
        '  name: cluster-viewers',
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        '  name: view',
        'subjects:',
        '- apiGroup: rbac.authorization.k8s.io',
        '  kind: Group',
        '  name: developers',
      ),
    ),
  ),
});
