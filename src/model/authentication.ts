/**
 * Whether the API server lets anonymous requests in, whichever way it is configured: the
 * `--anonymous-auth` flag (default true), or the `anonymous` section of the AuthenticationConfiguration
 * named by `--authentication-config` (since 1.31), whose `conditions` limit anonymous requests to
 * listed paths. The two are exclusive: setting both is a startup error (k8s-facts §2, §6).
 */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';
import type { Location } from '../schemas/common';
import type { Referenced } from './apiserver';
import { APISERVER } from './settings/kube-apiserver';
import type { Configured } from './settings/setting';

export type AnonymousAuth =
  | {
      known: true;
      enabled: boolean;
      /** The paths anonymous requests are limited to; null when they may go anywhere. */
      paths: string[] | null;
      source: 'flag' | 'config' | 'default';
      location: Location;
      describe: string;
    }
  | { known: false; reason: string };

/** The AuthenticationConfiguration's `anonymous` section, if the file has one. */
export function anonymousSection(doc: SourceDocument): Record<string, unknown> | undefined {
  return isPlainObject(doc.value.anonymous) ? doc.value.anonymous : undefined;
}

/** The paths in an anonymous section's `conditions`, or null when it has none. */
function conditionPaths(section: Record<string, unknown>): string[] | null {
  if (!Array.isArray(section.conditions) || section.conditions.length === 0) return null;
  return section.conditions.flatMap((c) => (isPlainObject(c) && typeof c.path === 'string' ? [c.path] : []));
}

export function effectiveAnonymousAuth(
  component: Configured,
  config: Referenced<SourceDocument>,
): AnonymousAuth {
  const setting = APISERVER.authentication.anonymousAuth.of(component);
  if (setting.source === 'flag') {
    return {
      known: true,
      enabled: setting.value,
      paths: null,
      source: 'flag',
      location: setting.location,
      describe: setting.describe,
    };
  }
  if (config.state === 'missing') {
    return {
      known: false,
      reason: `--authentication-config names ${config.flag.value}, which was not uploaded: upload that AuthenticationConfiguration`,
    };
  }
  const section = config.state === 'uploaded' ? anonymousSection(config.value) : undefined;
  if (config.state === 'uploaded' && section) {
    const doc = config.value;
    const enabled = section.enabled === true;
    const paths = enabled ? conditionPaths(section) : null;
    return {
      known: true,
      enabled,
      paths,
      source: 'config',
      location: doc.at(paths ? '/anonymous/conditions' : '/anonymous/enabled'),
      describe: `anonymous.enabled: ${enabled}${paths ? ` with conditions on ${paths.join(', ')}` : ''} in ${doc.file}`,
    };
  }
  return {
    known: true,
    enabled: true,
    paths: null,
    source: 'default',
    location: setting.location,
    describe:
      '--anonymous-auth is not set (nor an anonymous section in an authentication configuration), so the default true applies',
  };
}
