/**
 * How a run ends: the exit statuses `kube-comms-lint --help` lists, and the error that ends a run the
 * CLI refuses (the API's 400 and 413) with one line saying why.
 */
export const EXIT = {
  /** The report passed: no finding at or above --fail-on (default low), no input error. */
  passed: 0,
  /** The report failed: a finding at or above --fail-on, or an input that could not be parsed. */
  failed: 1,
  /** Nothing was linted: a usage error, an input over a limit, or no configuration recognized. */
  refused: 2,
} as const;

export class RefusedRun extends Error {
  /** `details` are printed below the reason, one per line (the per-file reasons of "nothing recognized"). */
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
