import type { Rule } from '../../engine/rule';
import deprecatedFlag from './deprecated-flag';
import invalidFlagValue from './invalid-flag-value';
import removedFlag from './removed-flag';
import tlsKeyPairIncomplete from './tls-key-pair-incomplete';
import unknownFlag from './unknown-flag';

/** Every component's startup failures, in the order of the catalogue (RULES.md "Startup failures"). */
export const startupFailureRules: Rule[] = [
  unknownFlag,
  removedFlag,
  deprecatedFlag,
  invalidFlagValue,
  tlsKeyPairIncomplete,
];
