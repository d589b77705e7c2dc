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
  /**
   * The roles, and the bindings whose roleRef names one, in upload order, by refKey: a role's own
   * list is looked up, not filtered out of every binding of its name (an upload may hold thousands).
   */
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
        push(this.rolesByName, refKey(kind, name, namespace), role);
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
        push(this.bindingsByRoleRef, refKey(binding.roleRef.kind, binding.roleRef.name, namespace), binding);
      }
    }
  }

  /**
   * The bindings that grant a role: ClusterRoleBindings and RoleBindings of a ClusterRole, RoleBindings
   * of a Role in its namespace. Not a copy: roles of one kind, name (and namespace, for a Role) share
   * the one list, so a caller may work out what it says once for all of them.
   */
  bindingsOf(role: RbacRole): readonly RbacBinding[] {
    return this.bindingsByRoleRef.get(refKey(role.kind, role.name, role.namespace)) ?? NONE;
  }

  /** The role a binding grants, if it was uploaded. */
  roleOf(binding: RbacBinding): RbacRole | undefined {
    return this.rolesByName.get(refKey(binding.roleRef.kind, binding.roleRef.name, binding.namespace))?.[0];
  }
}

const NONE: readonly RbacBinding[] = Object.freeze([]);

/**
 * How a binding's roleRef meets a role: a ClusterRole by its name alone, a Role by its name in the
 * binding's namespace (a RoleBinding can only name a Role of its own namespace).
 */
function refKey(kind: string, name: string, namespace: string | undefined): string {
  return JSON.stringify(kind === 'Role' ? [kind, name, namespace ?? null] : [kind, name]);
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
