/**
 * The registry: every rule, explicitly (Workers have no filesystem to scan), gathered from one list per
 * communication path. It is the single source of /v1/rules, SARIF driver.rules and docs/rules.md.
 */
import { apiserverToKubeletRules } from './apiserver-to-kubelet';
import { apiserverToNodesPodsServicesRules } from './apiserver-to-nodes-pods-services';
import { konnectivityRules } from './konnectivity';
import { nodeToControlPlaneRules } from './node-to-control-plane';
import { sshTunnelsRules } from './ssh-tunnels';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  ...nodeToControlPlaneRules,
  ...apiserverToKubeletRules,
  ...apiserverToNodesPodsServicesRules,
  ...sshTunnelsRules,
  ...konnectivityRules,
];

/** Bumped whenever a rule is added or its behaviour changes; integrators pin reports to it. */
export const RULESET_VERSION = '2026.11.0';

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
