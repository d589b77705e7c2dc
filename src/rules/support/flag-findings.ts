/**
 * The shapes most control-plane setting rules share: a setting that must be set, and a setting whose
 * value is bad. Each returns one finding per component, pointing at the flag or, for a missing one, at
 * the place it would go (marked as a default).
 */
import type { ControlPlaneComponent } from '../../model/control-plane';
import type { Flag } from '../../model/flags';
import type { Setting, SettingValue } from '../../model/settings/setting';
import type { RawFinding } from '../../engine/rule';

/** Components that lack any of `settings` (an empty value counts as missing). */
export function missingSettings(
  components: readonly ControlPlaneComponent[],
  settings: ReadonlyArray<Setting<string>>,
  message: (component: ControlPlaneComponent, missing: string[]) => string,
): RawFinding[] {
  return components.flatMap((component) => {
    const missing = settings.filter((setting) => !setting.isSet(component));
    const first = missing[0];
    if (!first) return [];
    return [
      {
        subject: component.name,
        message: message(
          component,
          missing.map((setting) => setting.flag),
        ),
        location: first.defaultLocation(component),
        evidence: missing.map((setting) => `--${setting.flag} is not set`).join('; '),
      },
    ];
  });
}

/** Components whose flag for a setting (as `read` reads it) is set to a value `isBad` rejects. */
export function badSettings<T>(
  components: readonly ControlPlaneComponent[],
  read: Setting<T> | ((component: ControlPlaneComponent) => SettingValue<T>),
  isBad: (value: T) => boolean,
  message: (component: ControlPlaneComponent, value: SettingValue<T> & { flag: Flag }) => string,
): RawFinding[] {
  return components.flatMap((component) => {
    const value = typeof read === 'function' ? read(component) : read.of(component);
    const flag = value.flag;
    if (!flag || !isBad(value.value)) return [];
    return [
      {
        subject: component.name,
        message: message(component, { ...value, flag }),
        location: flag.location,
        evidence: `--${flag.name}=${flag.value}`,
      },
    ];
  });
}
