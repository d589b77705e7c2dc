import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { proxyGrantFindings } from '../support/proxy-grants';
import { file, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'rbac-nodes-proxy-granted',
  path: 'apiserver-to-nodes-pods-services',
  severity: 'high',
  category: 'security',
  title: 'A role grants the nodes/proxy subresource',
  description:
    "nodes/proxy reaches the kubelet API through the API server proxy: with get or create a subject can read every pod's data and run commands in any container on the node (the kubelet maps exec, attach, port-forward and everything without a finer resource to nodes/proxy), without the pods/exec permission or the admission checks on it. Matched as the RBAC authorizer matches: nodes/proxy, */proxy or * in the core API group. Built-in roles (system:kubelet-api-admin, cluster-admin) are reported as info with the subjects they are bound to. Nodes are cluster-scoped: a namespaced Role cannot grant nodes/proxy and is not reported, and a ClusterRole bound only by RoleBindings grants it to no one (info).",
  remediation:
    'Remove nodes/proxy (and the * and */proxy wildcards that include it) from the role, or bind it only to the API server and node-monitoring identities that need the kubelet API; grant nodes/stats, nodes/metrics or nodes/log instead where those suffice.',
  links: [LINKS.kubeletAuthorization, LINKS.rbacReferringToResources],
  references: ['CIS 5.1.10', 'KSV-0047', 'C-0279'],
  requires: ['rbac'],
  check: (model) => proxyGrantFindings(model.rbac, ['nodes/proxy'], ['get', 'create', 'connect'], true),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    file(
      'node-metrics-reader.yaml',
      lines(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRole',
        'metadata:',
        '  name: node-metrics-reader',
        'rules:',
        '- apiGroups: [""]',
        '  resources: ["nodes/proxy"]',
        '  verbs: ["get"]',
      ),
    ),
  ),
  good: upload(
    file(
      'node-metrics-reader.yaml',
      lines(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRole',
        'metadata:',
        '  name: node-metrics-reader',
        'rules:',
        '- apiGroups: [""]',
        '  resources: ["nodes/metrics", "nodes/stats"]',
        '  verbs: ["get"]',
      ),
    ),
  ),
});
