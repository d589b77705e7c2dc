import type { Rule } from '../types';
import proxyTrafficUnprotected from './proxy-traffic-unprotected';

export const apiserverToNodesPodsServicesRules: Rule[] = [proxyTrafficUnprotected];
