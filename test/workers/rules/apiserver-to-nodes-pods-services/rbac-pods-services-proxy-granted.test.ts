import rule from '../../../../src/rules/apiserver-to-nodes-pods-services/rbac-pods-services-proxy-granted';
import { rbacBinding, rbacRole } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = 'rbac.yaml';
const one = (content: string) => [{ name: file, content }];
const twelve = <T>(item: (i: number) => T) => Array.from({ length: 12 }, (_, i) => item(i));

ruleTester(rule, {
  valid: [
    {
      name: 'services without the proxy subresource',
      files: one(rbacRole('reader', ['services', 'pods'], ['get'])),
    },
    { name: 'pods/log is not the proxy', files: one(rbacRole('logs', ['pods/log'], ['get'])) },
    { name: 'nodes/proxy is the other rule', files: one(rbacRole('node-proxy', ['nodes/proxy'], ['get'])) },
  ],
  invalid: [
    {
      name: 'services/proxy in a namespaced Role, bound in its namespace',
      files: [
        {
          name: file,
          content: [
            rbacRole('web-debug', ['services/proxy'], ['get'], { namespace: 'shop' }),
            rbacBinding('web-debug', { kind: 'Role', name: 'web-debug' }, ['User bob'], 'shop'),
            rbacBinding('elsewhere', { kind: 'Role', name: 'web-debug' }, ['User eve'], 'other'),
          ].join('---\n'),
        },
      ],
      findings: [
        {
          file,
          line: 8,
          messageIncludes: [
            'Role web-debug in namespace shop grants services/proxy',
            'bound by RoleBinding web-debug to User bob.',
          ],
        },
      ],
    },
    {
      name: 'twelve Roles of one name in a namespace, each bound there by twelve RoleBindings: ten named',
      files: one(
        [
          ...twelve(() => rbacRole('web-debug', ['services/proxy'], ['get'], { namespace: 'shop' })),
          ...twelve((i) => rbacBinding(`r${i}`, { kind: 'Role', name: 'web-debug' }, [`User u${i}`], 'shop')),
          rbacBinding('elsewhere', { kind: 'Role', name: 'web-debug' }, ['User eve'], 'other'),
        ].join('---\n'),
      ),
      findings: twelve(() => ({
        messageIncludes: [
          'bound by RoleBinding r0, RoleBinding r1, ',
          'RoleBinding r9 and 2 more to User u0, User u1, ',
          'User u9 and 2 more.',
        ],
      })),
    },
    {
      name: 'both subresources through */proxy, one finding for the role',
      files: one(rbacRole('proxy-all', ['*/proxy'], ['delete'])),
      findings: [{ messageIncludes: 'grants pods/proxy, services/proxy' }],
    },
    {
      name: 'trusted network: low',
      files: one(rbacRole('pod-proxy', ['pods/proxy'], ['create'])),
      options: { network: 'trusted' },
      findings: [{ severity: 'low' }],
    },
    {
      name: 'the built-in edit role: info',
      files: one(
        rbacRole('edit', ['pods/proxy', 'services/proxy'], ['get', 'create'], {
          labels: 'kubernetes.io/bootstrapping: rbac-defaults',
        }),
      ),
      findings: [{ severity: 'info' }],
    },
  ],
});
