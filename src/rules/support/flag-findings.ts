/**
 * The shapes most control-plane flag rules share: a flag that must be set, and a flag whose value is
 * bad. Each returns one finding per component, pointing at the flag or, for a missing flag, at the
 * place it would go (marked as a default).
 */
import type { ControlPlaneComponent } from '../../model/control-plane';
import type { Flag } from '../../model/flags';
import type { RawFinding } from '../../engine/rule';

/** Components that lack any of `names` (an empty value counts as missing). */
export function missingFlags(
  components: readonly ControlPlaneComponent[],
  names: readonly string[],
  message: (component: ControlPlaneComponent, missing: string[]) => string,
): RawFinding[] {
  return components.flatMap((component) => {
    const missing = names.filter((name) => !component.flags.get(name)?.value);
    if (missing.length === 0) return [];
    return [
      {
        subject: component.name,
        message: message(component, missing),
        location: { ...component.flags.insertAt, default: true },
        evidence: missing.map((name) => `--${name} is not set`).join('; '),
      },
    ];
  });
}

/** Components whose flag `name` is set to a value `isBad` rejects. */
export function badFlags(
  components: readonly ControlPlaneComponent[],
  name: string,
  isBad: (value: string) => boolean,
  message: (component: ControlPlaneComponent, flag: Flag) => string,
): RawFinding[] {
  return components.flatMap((component) => {
    const flag = component.flags.get(name);
    if (!flag || !isBad(flag.value)) return [];
    return [
      {
        subject: component.name,
        message: message(component, flag),
        location: flag.location,
        evidence: `--${name}=${flag.value}`,
      },
    ];
  });
}
