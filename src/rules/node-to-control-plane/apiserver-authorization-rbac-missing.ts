import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { missingAuthorizer } from '../support/authorizer-findings';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-authorization-rbac-missing',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'The API server does not use RBAC',
  description:
    'Without the RBAC authorizer, the permissions of service accounts, components and users cannot be limited with Roles and bindings: pods and node components get whatever the remaining authorizers (AlwaysAllow, ABAC, a webhook) decide. Both --authorization-mode and an --authorization-config file are read.',
  remediation:
    'Add RBAC to --authorization-mode on kube-apiserver (--authorization-mode=Node,RBAC), or add an authorizer of type RBAC to its --authorization-config file.',
  links: [LINKS.rbac, LINKS.authorization],
  references: ['CIS 1.2.8', 'KCV-0009'],
  requires: ['apiserver'],
  check: (model, context) =>
    missingAuthorizer(
      model.apiServers,
      context,
      'RBAC',
      'service accounts and components cannot be limited with Roles and bindings.',
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver([
      '--authorization-mode=Node,ABAC',
      '--authorization-policy-file=/etc/kubernetes/abac-policy.jsonl',
    ]),
  ),
  good: upload(apiserver(['--authorization-mode=Node,RBAC'])),
});
