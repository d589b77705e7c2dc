import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { missingAuthorizer } from '../support/authorizer-findings';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-authorization-node-missing',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: 'The API server does not limit kubelets to their own node',
  description:
    "The Node authorizer limits each kubelet (user system:node:<name>) to the pods, secrets, config maps and volumes of its own node. Without it, kubelets need broad RBAC grants, and one compromised node can read every node's secrets. Both --authorization-mode and an --authorization-config file are read: a cluster that lists Node in its AuthorizationConfiguration is fine.",
  remediation:
    'Add Node before RBAC in --authorization-mode on kube-apiserver (--authorization-mode=Node,RBAC), or add an authorizer of type Node to its --authorization-config file.',
  links: [LINKS.nodeAuthorization, LINKS.authorization],
  references: ['CIS 1.2.7', 'KCV-0008', 'C-0119'],
  requires: ['apiserver'],
  check: (model, context) =>
    missingAuthorizer(
      model.apiServers,
      context,
      'Node',
      'kubelets are not limited to the objects of their own node.',
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--authorization-mode=RBAC'])),
  good: upload(apiserver(['--authorization-mode=Node,RBAC'])),
});
