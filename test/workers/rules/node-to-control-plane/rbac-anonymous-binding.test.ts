import rule from '../../../../src/rules/node-to-control-plane/rbac-anonymous-binding';
import { ruleTester } from '../../../support/rule-tester';

const file = '/rbac.yaml';
const binding = (kind: string, name: string, roleKind: string, role: string, subjects: string[], ns = '') =>
  [
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    ...(ns ? [`  namespace: ${ns}`] : []),
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    `  kind: ${roleKind}`,
    `  name: ${role}`,
    'subjects:',
    ...subjects,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'built-in public-info-viewer and kubeadm cluster-info bindings',
      files: [
        {
          name: file,
          content: [
            binding(
              'ClusterRoleBinding',
              'system:public-info-viewer',
              'ClusterRole',
              'system:public-info-viewer',
              [
                '- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}',
                '- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:unauthenticated}',
              ],
            ),
            binding(
              'RoleBinding',
              'kubeadm:bootstrap-signer-clusterinfo',
              'Role',
              'kubeadm:bootstrap-signer-clusterinfo',
              ['- {apiGroup: rbac.authorization.k8s.io, kind: User, name: system:anonymous}'],
              'kube-public',
            ),
          ].join('---\n'),
        },
      ],
    },
    {
      name: 'authenticated subjects only',
      files: [
        {
          name: file,
          content: binding('ClusterRoleBinding', 'devs', 'ClusterRole', 'view', [
            '- {kind: Group, name: developers}',
          ]),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'view granted to the unauthenticated group',
      files: [
        {
          name: file,
          content: binding('ClusterRoleBinding', 'open-view', 'ClusterRole', 'view', [
            '- {kind: Group, name: developers}',
            '- {kind: Group, name: system:unauthenticated}',
          ]),
        },
      ],
      findings: [
        {
          file,
          line: 11,
          messageIncludes: [
            'ClusterRoleBinding open-view',
            'ClusterRole view',
            'Group system:unauthenticated',
          ],
        },
      ],
    },
    {
      name: 'a namespaced role granted to system:anonymous',
      files: [
        {
          name: file,
          content: binding(
            'RoleBinding',
            'anon',
            'Role',
            'secret-reader',
            ['- kind: User', '  name: system:anonymous'],
            'apps',
          ),
        },
      ],
      findings: [
        {
          line: 12,
          messageIncludes: ['in namespace apps', 'Role secret-reader (the role was not uploaded)'],
        },
      ],
    },
  ],
});
