/**
 * RBAC as uploaded: roles with their rules, bindings with their subjects, and the links between them,
 * so a rule can say which subjects a dangerous grant reaches.
 */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject, scalarText } from '../ingest/yaml';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  pointer: string;
}

export interface RbacRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace: string | undefined;
  rules: PolicyRule[];
  /** Shipped by Kubernetes itself (`system:` name or the rbac-defaults bootstrapping label). */
  builtIn: boolean;
  doc: SourceDocument;
}

export interface RbacSubject {
  kind: string;
  name: string;
  namespace: string | undefined;
}

export interface RbacBinding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace: string | undefined;
  roleRef: { kind: string; name: string };
  subjects: RbacSubject[];
  doc: SourceDocument;
}

export class Rbac {
  readonly roles: RbacRole[] = [];
  readonly bindings: RbacBinding[] = [];
  /** `kind\0name` → the roles, and the bindings whose roleRef names it, in upload order. */
  private readonly rolesByName = new Map<string, RbacRole[]>();
  private readonly bindingsByRoleRef = new Map<string, RbacBinding[]>();

  constructor(docs: readonly SourceDocument[]) {
    for (const doc of docs) {
      const kind = doc.value.kind;
      const metadata = isPlainObject(doc.value.metadata) ? doc.value.metadata : {};
      const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
      const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
      if (kind === 'Role' || kind === 'ClusterRole') {
        const labels = isPlainObject(metadata.labels) ? metadata.labels : {};
        const role: RbacRole = {
          kind,
          name,
          namespace,
          rules: policyRules(doc.value.rules),
          builtIn: name.startsWith('system:') || labels['kubernetes.io/bootstrapping'] === 'rbac-defaults',
          doc,
        };
        this.roles.push(role);
        push(this.rolesByName, `${kind}\u0000${name}`, role);
      } else if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
        const ref = isPlainObject(doc.value.roleRef) ? doc.value.roleRef : {};
        const binding: RbacBinding = {
          kind,
          name,
          namespace,
          roleRef: { kind: scalarText(ref.kind) ?? '', name: scalarText(ref.name) ?? '' },
          subjects: (Array.isArray(doc.value.subjects) ? doc.value.subjects : [])
            .filter(isPlainObject)
            .map((s) => ({
              kind: scalarText(s.kind) ?? '',
              name: scalarText(s.name) ?? '',
              namespace: typeof s.namespace === 'string' ? s.namespace : undefined,
            })),
          doc,
        };
        this.bindings.push(binding);
        push(this.bindingsByRoleRef, `${binding.roleRef.kind}\u0000${binding.roleRef.name}`, binding);
      }
    }
  }

  /** The bindings that grant a role: ClusterRoleBindings and RoleBindings of a ClusterRole, RoleBindings of a Role in its namespace. */
  bindingsOf(role: RbacRole): RbacBinding[] {
    const named = this.bindingsByRoleRef.get(`${role.kind}\u0000${role.name}`) ?? [];
    return role.kind === 'ClusterRole' ? [...named] : named.filter((b) => b.namespace === role.namespace);
  }

  /** The role a binding grants, if it was uploaded. */
  roleOf(binding: RbacBinding): RbacRole | undefined {
    const named = this.rolesByName.get(`${binding.roleRef.kind}\u0000${binding.roleRef.name}`) ?? [];
    return named.find((r) => r.kind === 'ClusterRole' || r.namespace === binding.namespace);
  }
}

function push<T>(index: Map<string, T[]>, key: string, item: T) {
  const list = index.get(key);
  if (list) list.push(item);
  else index.set(key, [item]);
}

function policyRules(value: unknown): PolicyRule[] {
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return (Array.isArray(value) ? value : []).flatMap((rule, i) =>
    isPlainObject(rule)
      ? [
          {
            apiGroups: strings(rule.apiGroups),
            resources: strings(rule.resources),
            verbs: strings(rule.verbs),
            resourceNames: strings(rule.resourceNames),
            pointer: `/rules/${i}`,
          },
        ]
      : [],
  );
}

/** What one policy rule grants of a resource: the entries of `resources` and `verbs` that match. */
export interface Grant {
  rule: PolicyRule;
  resources: string[];
  verbs: string[];
}

/**
 * Whether `rule` allows any of `verbs` on `resource` (`nodes/proxy`) of the core API group, matched the
 * way the RBAC authorizer matches (kubernetes pkg/apis/rbac/v1/evaluation_helpers.go ResourceMatches):
 * `*`, the exact `resource/subresource`, or `*\/subresource`. `nodes/*` is not a wildcard there.
 */
export function grantOf(rule: PolicyRule, resource: string, verbs: readonly string[]): Grant | undefined {
  if (!rule.apiGroups.some((group) => group === '' || group === '*')) return undefined;
  const slash = resource.indexOf('/');
  // `*/proxy` for `nodes/proxy`; a resource without a subresource has no such wildcard.
  const anyParent = slash >= 0 && slash < resource.length - 1 ? `*${resource.slice(slash)}` : undefined;
  const matches = (r: string) => r === '*' || r === resource || r === anyParent;
  // Most rules grant none of it: they are passed over without building the lists.
  if (!rule.resources.some(matches)) return undefined;
  const granted = rule.verbs.filter((verb) => verb === '*' || verbs.includes(verb));
  return granted.length > 0 ? { rule, resources: rule.resources.filter(matches), verbs: granted } : undefined;
}
