/**
 * Roles that grant a proxy subresource, with the subjects they reach: the shape of the RBAC rules of
 * this path. A role Kubernetes ships itself is reported as info (it is not the user's mistake; who it
 * is bound to is).
 */
import { grantOf, type Grant, type Rbac, type RbacBinding } from '../../model/rbac';
import type { RawFinding } from '../../engine/rule';
import type { Location } from '../../schemas/common';
import { namedFew, SHOWN } from './named-few';

/** What the bindings of a role say, the same for every role they bind (see bindingsTo). */
interface Bound {
  /** Not empty, but none of them a ClusterRoleBinding, for a cluster-scoped resource. */
  namespacedOnly: boolean;
  /** No binding grants the role (when namespacedOnly is false). */
  none: boolean;
  /** `RoleBinding ns/a, … and N more` (namespacedOnly) or `bound by … to …`: at most SHOWN of each. */
  named: string;
  /** Where the first SHOWN of them name the role. */
  related: Location[];
}

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
  // Roles of one name share their bindings (an upload may hold thousands of each): what those say is
  // worked out once per list, and names and places at most SHOWN of them.
  const bound = new Map<readonly RbacBinding[], Bound>();
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
    let them = bound.get(all);
    if (!them) bound.set(all, (them = bindingsTo(all, clusterScoped)));
    const { namespacedOnly } = them;
    const where = role.namespace ? ` in namespace ${role.namespace}` : '';
    const reach =
      rbac.bindings.length === 0
        ? 'no bindings were uploaded, so who holds it is unknown'
        : namespacedOnly
          ? `only ${them.named} bind it, and a RoleBinding cannot grant cluster-scoped ${granted}`
          : them.none
            ? 'no uploaded binding grants it'
            : them.named;
    return [
      {
        subject: `${role.kind} ${role.name}`,
        message: `${role.kind} ${role.name}${where} grants ${granted} (${how}); ${reach}.`,
        location: role.doc.at(`${first.rule.pointer}/resources`),
        related: [...them.related],
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

/** What `all`, the bindings of a role, say of who holds it (clusterScoped: see proxyGrantFindings). */
function bindingsTo(all: readonly RbacBinding[], clusterScoped: boolean): Bound {
  const bindings = clusterScoped ? all.filter((b) => b.kind === 'ClusterRoleBinding') : all;
  const namespacedOnly = clusterScoped && all.length > 0 && bindings.length === 0;
  const shown = (namespacedOnly ? all : bindings).slice(0, SHOWN);
  const related = shown.map((b) => b.doc.at('/roleRef'));
  if (namespacedOnly)
    return {
      namespacedOnly,
      none: false,
      named: namedFew(
        shown.map((b) => `RoleBinding ${b.namespace ?? ''}/${b.name}`),
        all.length,
        ', ',
      ),
      related,
    };
  // The subjects of the bindings named are named in full (a binding's own list, as the reports have
  // always shown it); those of the others are only counted.
  const subjects = new Set<string>();
  const describe = (b: RbacBinding) =>
    b.subjects.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`);
  for (const b of shown) for (const subject of describe(b)) subjects.add(subject);
  const named = [...subjects];
  for (const b of bindings.slice(SHOWN)) for (const subject of describe(b)) subjects.add(subject);
  const more = subjects.size - named.length;
  const to =
    subjects.size === 0
      ? 'no subjects'
      : named.length === 0
        ? `${more} subjects of the bindings not named`
        : `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return {
    namespacedOnly,
    none: bindings.length === 0,
    named: `bound by ${namedFew(
      shown.map((b) => `${b.kind} ${b.name}`),
      bindings.length,
      ', ',
    )} to ${to}`,
    related,
  };
}

function describeGrant(grant: Grant & { resource: string }): string {
  const names = grant.rule.resourceNames.length > 0 ? ` on ${grant.rule.resourceNames.join(', ')} only` : '';
  return `resources [${grant.resources.join(', ')}] verbs [${grant.verbs.join(', ')}]${names}`;
}
