/**
 * API server settings that must be set, judged only where the upload shows every flag: a k3s/RKE2
 * config.yaml shows the flags the user adds, not the ones the distribution passes itself.
 */
import type { ApiServer } from '../../model/apiserver';
import type { Setting } from '../../model/settings/setting';
import type { RuleContext } from '../../engine/rule';

/** The settings of `settings` the API server lacks (an empty value counts), or undefined when that cannot be told. */
export function unsetSettings(
  server: ApiServer,
  settings: ReadonlyArray<Setting<string>>,
  context: RuleContext,
): Array<Setting<string>> | undefined {
  const unset = settings.filter((setting) => !setting.isSet(server));
  if (unset.length > 0 && server.partial) {
    context.notEvaluated(`${server.name}: ${server.partial}`);
    return undefined;
  }
  return unset;
}
