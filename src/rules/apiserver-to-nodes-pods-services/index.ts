import type { Rule } from '../../engine/rule';
import proxyTrafficUnprotected from './proxy-traffic-unprotected';
import rbacNodesProxyGranted from './rbac-nodes-proxy-granted';
import rbacPodsServicesProxyGranted from './rbac-pods-services-proxy-granted';

export const apiserverToNodesPodsServicesRules: Rule[] = [
  proxyTrafficUnprotected,
  rbacNodesProxyGranted,
  rbacPodsServicesProxyGranted,
];
