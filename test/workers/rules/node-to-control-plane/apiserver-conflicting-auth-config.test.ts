import rule from '../../../../src/rules/node-to-control-plane/apiserver-conflicting-auth-config';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const authnFile = '/etc/kubernetes/authn.yaml';
const authn = (body: string) =>
  `apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\n${body}`;

ruleTester(rule, {
  valid: [
    {
      name: '--authorization-mode alone',
      files: [{ name: file, content: apiserverPod(['--authorization-mode=Node,RBAC']) }],
    },
    {
      name: '--anonymous-auth with an authentication configuration without anonymous',
      files: [
        {
          name: file,
          content: apiserverPod(['--anonymous-auth=false', `--authentication-config=${authnFile}`]),
        },
        { name: authnFile, content: authn('jwt: []\n') },
      ],
    },
  ],
  invalid: [
    {
      name: '--authorization-mode and --authorization-config',
      files: [
        {
          name: file,
          content: apiserverPod([
            '--authorization-config=/etc/kubernetes/authz.yaml',
            '--authorization-mode=Node,RBAC',
          ]),
        },
      ],
      findings: [{ file, line: 11, messageIncludes: 'together with --authorization-mode' }],
    },
    {
      name: '--authorization-webhook-* with --authorization-config',
      files: [
        {
          name: file,
          content: apiserverPod([
            '--authorization-config=/etc/kubernetes/authz.yaml',
            '--authorization-webhook-config-file=/etc/webhook.yaml',
          ]),
        },
      ],
      findings: [{ messageIncludes: '--authorization-webhook-config-file' }],
    },
    {
      name: '--anonymous-auth and an anonymous section',
      files: [
        {
          name: file,
          content: apiserverPod(['--anonymous-auth=false', `--authentication-config=${authnFile}`]),
        },
        { name: authnFile, content: authn('anonymous:\n  enabled: false\n') },
      ],
      findings: [{ file, line: 10, messageIncludes: `while ${authnFile} has an anonymous section` }],
    },
  ],
  notEvaluated: [
    {
      name: '--anonymous-auth set and the authentication configuration not uploaded',
      files: [
        {
          name: file,
          content: apiserverPod(['--anonymous-auth=false', `--authentication-config=${authnFile}`]),
        },
      ],
      reasonIncludes: `--authentication-config names ${authnFile}, which was not uploaded`,
    },
  ],
});
