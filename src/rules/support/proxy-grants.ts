/**
 * Roles that grant a proxy subresource, with the subjects they reach: the shape of the RBAC rules of
 * this path. A role Kubernetes ships itself is reported as info (it is not the user's mistake; who it
 * is bound to is).
 */
import { grantOf, type Grant, type Rbac } from '../../model/rbac';
import type { RawFinding } from '../../engine/rule';

export function proxyGrantFindings(
  rbac: Rbac,
  resources: readonly string[],
  verbs: readonly string[],
): RawFinding[] {
  return rbac.roles.flatMap((role) => {
    const grants = role.rules.flatMap((rule) =>
      resources.flatMap((resource) => {
        const grant = grantOf(rule, resource, verbs);
        return grant ? [{ ...grant, resource }] : [];
      }),
    );
    const first = grants[0];
    if (!first) return [];
    const granted = [...new Set(grants.map((g) => g.resource))].join(', ');
    const how = [...new Set(grants.map(describeGrant))].join('; ');
    const bindings = rbac.bindingsOf(role);
    const subjects = bindings.flatMap((b) =>
      b.subjects.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`),
    );
    const where = role.namespace ? ` in namespace ${role.namespace}` : '';
    const reach =
      rbac.bindings.length === 0
        ? 'no bindings were uploaded, so who holds it is unknown'
        : bindings.length === 0
          ? 'no uploaded binding grants it'
          : `bound by ${bindings.map((b) => `${b.kind} ${b.name}`).join(', ')} to ${subjects.length > 0 ? [...new Set(subjects)].join(', ') : 'no subjects'}`;
    return [
      {
        subject: `${role.kind} ${role.name}`,
        message: `${role.kind} ${role.name}${where} grants ${granted} (${how}); ${reach}.`,
        location: role.doc.at(`${first.rule.pointer}/resources`),
        related: bindings.map((b) => b.doc.at('/roleRef')),
        evidence: how,
        ...(role.builtIn
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
