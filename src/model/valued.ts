import type { Location } from '../schemas/common';

/** A setting's effective value and where it comes from: a flag, a file, or a default. */
export interface Valued<T> {
  value: T;
  /** `flag`, `config` (a config file or /configz dump) or `default`. */
  source: 'flag' | 'config' | 'default';
  /** Where it is set; for a default, where it would be set (`location.default` is true). */
  location: Location;
  /** How to say it in a message: `--anonymous-auth=true`, `authentication.anonymous.enabled: true`, ... */
  describe: string;
}
