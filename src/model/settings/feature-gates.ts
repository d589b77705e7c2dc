/** `--feature-gates=A=true,B=false`: the gates a flag sets, each value read as Go's strconv.ParseBool reads it. */
import { parseGoBool } from '../go-values';
import { Setting } from './setting';

/** The gates of a `--feature-gates` value; a malformed pair sets nothing (invalid-flag-value reports it). */
export function parseFeatureGates(text: string): Record<string, boolean> {
  return Object.fromEntries(
    text.split(',').flatMap((pair) => {
      const [key, value, ...rest] = pair.split('=').map((part) => part.trim());
      const enabled = value === undefined ? undefined : parseGoBool(value);
      return key && enabled !== undefined && rest.length === 0 ? [[key, enabled]] : [];
    }),
  );
}

/** A component's --feature-gates; unset, every gate has its default. */
export const featureGatesSetting = (): Setting<Record<string, boolean>> =>
  new Setting('feature-gates', 'map', parseFeatureGates, {});
