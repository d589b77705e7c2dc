/**
 * API server flags that must be set, judged only where the upload shows every flag: a k3s/RKE2
 * config.yaml shows the flags the user adds, not the ones the distribution passes itself.
 */
import type { ApiServer } from '../../model/apiserver';
import type { RuleContext } from '../../engine/rule';

/** The flags of `names` the API server lacks (an empty value counts), or undefined when that cannot be told. */
export function unsetFlags(
  server: ApiServer,
  names: readonly string[],
  context: RuleContext,
): string[] | undefined {
  const unset = names.filter((name) => !server.flags.get(name)?.value);
  if (unset.length > 0 && server.partial) {
    context.notEvaluated(`${server.name}: ${server.partial}`);
    return undefined;
  }
  return unset;
}
