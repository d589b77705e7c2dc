import rule from '../../../../src/rules/apiserver-to-nodes-pods-services/rbac-nodes-proxy-granted';
import { rbacBinding, rbacRole } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = 'rbac.yaml';
const one = (content: string) => [{ name: file, content }];
const both = (...docs: string[]) => [{ name: file, content: docs.join('---\n') }];
const twelve = <T>(doc: (i: number) => T): T[] => Array.from({ length: 12 }, (_, i) => doc(i));

ruleTester(rule, {
  valid: [
    {
      name: 'node metrics and stats only',
      files: one(rbacRole('node-metrics', ['nodes/metrics', 'nodes/stats'], ['get'])),
    },
    {
      name: 'nodes/proxy with list and watch only',
      files: one(rbacRole('lister', ['nodes/proxy'], ['list', 'watch'])),
    },
    {
      name: 'nodes/* is no wildcard for RBAC: it grants nothing',
      files: one(rbacRole('not-a-wildcard', ['nodes/*'], ['get'])),
    },
    {
      name: 'a namespaced Role cannot grant cluster-scoped nodes/proxy ("A Role always sets permissions within a particular namespace")',
      files: both(
        rbacRole('ns-proxy', ['nodes/proxy', '*/proxy'], ['get'], { namespace: 'tools' }),
        rbacBinding('ns-proxy', { kind: 'Role', name: 'ns-proxy' }, ['User alice'], 'tools'),
      ),
    },
    {
      name: 'nodes/proxy in another API group',
      files: one(rbacRole('other-group', ['nodes/proxy'], ['get'], { apiGroups: ['example.com'] })),
    },
  ],
  invalid: [
    {
      name: 'a custom role, no bindings uploaded',
      files: one(rbacRole('node-debugger', ['nodes/proxy'], ['get', 'create', 'list'])),
      findings: [
        {
          file,
          line: 7,
          messageIncludes: [
            'ClusterRole node-debugger grants nodes/proxy',
            'resources [nodes/proxy] verbs [get, create]',
            'no bindings were uploaded',
          ],
        },
      ],
    },
    {
      name: 'bound to a group and a service account: the subjects are named',
      files: both(
        rbacRole('node-debugger', ['nodes/proxy'], ['get']),
        rbacBinding('debuggers', { kind: 'ClusterRole', name: 'node-debugger' }, [
          'Group sre',
          'ServiceAccount monitoring/scraper',
        ]),
      ),
      findings: [
        {
          messageIncludes:
            'bound by ClusterRoleBinding debuggers to Group sre, ServiceAccount monitoring/scraper',
        },
      ],
    },
    {
      name: 'wildcards the authorizer honours: * resources and */proxy, * verbs',
      files: both(
        rbacRole('everything', ['*'], ['*'], { apiGroups: ['*'] }),
        rbacRole('any-proxy', ['*/proxy'], ['create']),
        rbacBinding('unrelated', { kind: 'ClusterRole', name: 'view' }, ['User alice']),
      ),
      findings: [
        { messageIncludes: ['resources [*] verbs [*]', 'no uploaded binding grants it'] },
        { messageIncludes: 'resources [*/proxy] verbs [create]' },
      ],
    },
    {
      name: 'a ClusterRole bound only by a RoleBinding: nodes are cluster-scoped, no one holds it (info)',
      files: both(
        rbacRole('node-debugger', ['nodes/proxy'], ['get']),
        rbacBinding('debuggers', { kind: 'ClusterRole', name: 'node-debugger' }, ['User alice'], 'tools'),
      ),
      findings: [
        {
          severity: 'info',
          messageIncludes:
            'only RoleBinding tools/debuggers bind it, and a RoleBinding cannot grant cluster-scoped nodes/proxy',
        },
      ],
    },
    {
      name: 'the same ClusterRole also bound by a ClusterRoleBinding: high, naming only that binding',
      files: both(
        rbacRole('node-debugger', ['nodes/proxy'], ['get']),
        rbacBinding('debuggers', { kind: 'ClusterRole', name: 'node-debugger' }, ['User alice'], 'tools'),
        rbacBinding('sre', { kind: 'ClusterRole', name: 'node-debugger' }, ['Group sre']),
      ),
      findings: [{ severity: 'high', messageIncludes: 'bound by ClusterRoleBinding sre to Group sre.' }],
    },
    {
      name: 'twelve roles of one name, each bound by twelve bindings: ten of the bindings and subjects named',
      files: both(
        ...twelve(() => rbacRole('node-debugger', ['nodes/proxy'], ['get'])),
        ...twelve((i) =>
          rbacBinding(`b${i}`, { kind: 'ClusterRole', name: 'node-debugger' }, [`User u${i}`]),
        ),
      ),
      findings: twelve(() => ({
        messageIncludes: [
          'bound by ClusterRoleBinding b0, ClusterRoleBinding b1, ',
          'ClusterRoleBinding b9 and 2 more to User u0, User u1, ',
          'User u9 and 2 more.',
        ],
      })),
    },
    {
      name: 'a ClusterRole bound only by twelve RoleBindings: ten named (info)',
      files: both(
        rbacRole('node-debugger', ['nodes/proxy'], ['get']),
        ...twelve((i) =>
          rbacBinding(`d${i}`, { kind: 'ClusterRole', name: 'node-debugger' }, ['User alice'], 'tools'),
        ),
      ),
      findings: [
        {
          severity: 'info',
          messageIncludes: [
            'only RoleBinding tools/d0, RoleBinding tools/d1, ',
            'RoleBinding tools/d9 and 2 more bind it, and a RoleBinding cannot grant cluster-scoped nodes/proxy',
          ],
        },
      ],
    },
    {
      name: 'the built-in system:kubelet-api-admin is info, with who holds it',
      files: both(
        rbacRole('system:kubelet-api-admin', ['nodes/proxy'], ['*'], {
          labels: 'kubernetes.io/bootstrapping: rbac-defaults',
        }),
        rbacBinding(
          'kubeadm:apiserver-kubelet-client',
          { kind: 'ClusterRole', name: 'system:kubelet-api-admin' },
          ['User kube-apiserver-kubelet-client'],
        ),
      ),
      findings: [{ severity: 'info', messageIncludes: 'User kube-apiserver-kubelet-client' }],
    },
  ],
});
