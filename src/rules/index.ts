/**
 * The registry: every rule, explicitly (Workers have no filesystem to scan), gathered from one list per
 * communication path. It is the single source of /v1/rules, SARIF driver.rules and docs/rules.md; a
 * test (test/node/registry.test.ts) checks it against the files in this folder.
 */
import type { Rule } from '../engine/rule';
import { apiserverToKubeletRules } from './apiserver-to-kubelet';
import { apiserverToNodesPodsServicesRules } from './apiserver-to-nodes-pods-services';
import { certificateRules } from './certificates';
import { konnectivityRules } from './konnectivity';
import { nodeToControlPlaneRules } from './node-to-control-plane';
import { sshTunnelsRules } from './ssh-tunnels';
import { startupFailureRules } from './startup-failures';

export const RULES: readonly Rule[] = [
  ...nodeToControlPlaneRules,
  ...apiserverToKubeletRules,
  ...apiserverToNodesPodsServicesRules,
  ...sshTunnelsRules,
  ...konnectivityRules,
  ...startupFailureRules,
  ...certificateRules,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id; undefined for an id no rule has. */
export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
