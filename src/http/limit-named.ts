/**
 * The limit a 400 "no configuration recognized" comes down to, when it does: a document refused for a
 * per-document limit (maxDepth, maxAliases) says so in its reason, `… (limit maxDepth)`, and the
 * problem names it in `limit` as every other limit problem does.
 */
import { LIMITS, type LimitName } from '../catalogue/limits';

export function limitNamed(files: ReadonlyArray<{ reason: string }>): { limit?: LimitName } {
  for (const { reason } of files) {
    const name = /\(limit (\w+)\)/.exec(reason)?.[1];
    if (name !== undefined && Object.hasOwn(LIMITS, name)) return { limit: name as LimitName };
  }
  return {};
}
