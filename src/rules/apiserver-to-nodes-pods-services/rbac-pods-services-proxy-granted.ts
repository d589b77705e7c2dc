import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { proxyGrantFindings } from '../support/proxy-grants';
import { file, lines, upload, type RuleExamples } from '../support/examples';

/** The verbs the API server proxy checks for the HTTP methods it forwards. */
const PROXY_VERBS = ['get', 'create', 'update', 'patch', 'delete', 'connect'];

export default defineRule({
  id: 'rbac-pods-services-proxy-granted',
  path: 'apiserver-to-nodes-pods-services',
  severity: 'medium',
  trustedSeverity: 'low',
  category: 'security',
  title: 'A role grants the pods/proxy or services/proxy subresource',
  description:
    "pods/proxy and services/proxy let a subject send HTTP requests through the API server to any port of a pod or service, from the API server's network position and past NetworkPolicies, over plain HTTP that the docs call unsafe on untrusted networks. Matched as the RBAC authorizer matches (the subresource, */proxy or *). The built-in admin, edit and cluster-admin roles grant them and are reported as info.",
  remediation:
    'Remove pods/proxy and services/proxy (and the * and */proxy wildcards) from the role unless its subjects need the API server proxy; reach services through an Ingress or kubectl port-forward instead.',
  links: [LINKS.rbacReferringToResources],
  references: [],
  requires: ['rbac'],
  check: (model) => proxyGrantFindings(model.rbac, ['pods/proxy', 'services/proxy'], PROXY_VERBS),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    file(
      'web-debug.yaml',
      lines(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata:',
        '  name: web-debug',
        '  namespace: shop',
        'rules:',
        '- apiGroups: [""]',
        '  resources: ["services/proxy"]',
        '  verbs: ["get"]',
      ),
    ),
  ),
  good: upload(
    file(
      'web-debug.yaml',
      lines(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata:',
        '  name: web-debug',
        '  namespace: shop',
        'rules:',
        '- apiGroups: [""]',
        '  resources: ["services"]',
        '  verbs: ["get"]',
      ),
    ),
  ),
});
