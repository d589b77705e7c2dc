/**
 * An upload may hold thousands of servers, agents or kubeconfigs that share one fault: a finding names
 * the first few and counts the others, so that its message and places stay small.
 */

/** How many of a group a finding names, and how many of their places it gives. */
export const SHOWN = 10;

/** `a; b; c and 7 more`: the first SHOWN of `names` (a group of `total`), the others counted. */
export function namedFew(names: readonly string[], total = names.length, separator = '; '): string {
  const shown = names.slice(0, SHOWN).join(separator);
  const more = total - Math.min(names.length, SHOWN);
  return more > 0 ? `${shown} and ${more} more` : shown;
}
