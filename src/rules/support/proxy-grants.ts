/**
 * Roles that grant a proxy subresource, with the subjects they reach: the shape of the RBAC rules of
 * this path. A role Kubernetes ships itself is reported as info (it is not the user's mistake; who it
 * is bound to is).
 */
import { grantOf, type Grant, type Rbac } from '../../model/rbac';
import type { RawFinding } from '../../engine/rule';

/**
 * `clusterScoped`: the resources are cluster-scoped (nodes/proxy). A Role, always namespaced, cannot
 * grant them, and neither can a RoleBinding of a ClusterRole ("A Role always sets permissions within a
 * particular namespace"; a RoleBinding grants a ClusterRole's permissions in its namespace only: RBAC
 * docs, "Role and ClusterRole", "RoleBinding and ClusterRoleBinding").
 */
export function proxyGrantFindings(
  rbac: Rbac,
  resources: readonly string[],
  verbs: readonly string[],
  clusterScoped = false,
): RawFinding[] {
  const roles = clusterScoped ? rbac.roles.filter((role) => role.kind === 'ClusterRole') : rbac.roles;
  return roles.flatMap((role) => {
    const grants: Array<Grant & { resource: string }> = [];
    for (const rule of role.rules)
      for (const resource of resources) {
        const grant = grantOf(rule, resource, verbs);
        if (grant) grants.push({ ...grant, resource });
      }
    const first = grants[0];
    if (!first) return [];
    const granted = [...new Set(grants.map((g) => g.resource))].join(', ');
    const how = [...new Set(grants.map(describeGrant))].join('; ');
    const all = rbac.bindingsOf(role);
    const bindings = clusterScoped ? all.filter((b) => b.kind === 'ClusterRoleBinding') : all;
    const namespacedOnly = clusterScoped && all.length > 0 && bindings.length === 0;
    const subjects = bindings.flatMap((b) =>
      b.subjects.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`),
    );
    const where = role.namespace ? ` in namespace ${role.namespace}` : '';
    const reach =
      rbac.bindings.length === 0
        ? 'no bindings were uploaded, so who holds it is unknown'
        : namespacedOnly
          ? `only ${all.map((b) => `RoleBinding ${b.namespace ?? ''}/${b.name}`).join(', ')} bind it, and a RoleBinding cannot grant cluster-scoped ${granted}`
          : bindings.length === 0
            ? 'no uploaded binding grants it'
            : `bound by ${bindings.map((b) => `${b.kind} ${b.name}`).join(', ')} to ${subjects.length > 0 ? [...new Set(subjects)].join(', ') : 'no subjects'}`;
    return [
      {
        subject: `${role.kind} ${role.name}`,
        message: `${role.kind} ${role.name}${where} grants ${granted} (${how}); ${reach}.`,
        location: role.doc.at(`${first.rule.pointer}/resources`),
        related: (namespacedOnly ? all : bindings).map((b) => b.doc.at('/roleRef')),
        evidence: how,
        ...(namespacedOnly
          ? {
              severity: {
                value: 'info' as const,
                reason: `it is bound only by RoleBindings, which grant within their namespace: ${granted} is cluster-scoped, so no subject holds it`,
              },
            }
          : role.builtIn
            ? {
                severity: {
                  value: 'info' as const,
                  reason: `${role.kind} ${role.name} is a role Kubernetes creates itself; what matters is who it is bound to`,
                },
              }
            : {}),
      },
    ];
  });
}

function describeGrant(grant: Grant & { resource: string }): string {
  const names = grant.rule.resourceNames.length > 0 ? ` on ${grant.rule.resourceNames.join(', ')} only` : '';
  return `resources [${grant.resources.join(', ')}] verbs [${grant.verbs.join(', ')}]${names}`;
}
