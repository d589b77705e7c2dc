/**
 * The API server, with the files its flags point at resolved (the egress selector, authentication and
 * authorization configurations), the authorizers and the anonymous authentication that take effect, and
 * its secure port.
 */
import type { SourceDocument } from '../ingest/source-document';
import type { Location } from '../schemas/common';
import { effectiveAnonymousAuth, type AnonymousAuth } from './authentication';
import type { ControlPlaneComponent } from './control-plane';
import type { EgressSelector } from './egress-selector';
import type { Flag } from './flags';
import { findReferencedFile } from './referenced-file';
import { APISERVER } from './settings/kube-apiserver';
import type { Setting } from './settings/setting';

/** A file named by a flag: not named, named but not uploaded, or found. */
export type Referenced<T> =
  { state: 'none' } | { state: 'missing'; flag: Flag } | { state: 'uploaded'; flag: Flag; value: T };

export interface Authorizer {
  type: string;
  location: Location;
}

export type Authorization =
  | {
      known: true;
      authorizers: Authorizer[];
      describe: string;
      isDefault: boolean;
      /** Where the authorizer list is set (the flag, the file's `authorizers`), or would go. */
      location: Location;
    }
  | { known: false; reason: string };

/** The port the API server serves HTTPS on (`--secure-port`, default 6443; it cannot be 0). */
export interface SecurePort {
  value: number;
  location: Location;
  describe: string;
}

export interface ApiServer extends ControlPlaneComponent {
  component: 'kube-apiserver';
  egressSelector: Referenced<EgressSelector>;
  authorizationConfig: Referenced<SourceDocument>;
  authorization: Authorization;
  authenticationConfig: Referenced<SourceDocument>;
  anonymous: AnonymousAuth;
  securePort: SecurePort;
}

export function linkApiServer(
  base: ControlPlaneComponent,
  egressSelectors: readonly EgressSelector[],
  authorizationConfigs: readonly SourceDocument[],
  authenticationConfigs: readonly SourceDocument[] = [],
): ApiServer {
  const egressSelector = referenced(base, APISERVER.egressSelectorConfigFile, egressSelectors);
  const authorizationConfig = referenced(
    base,
    APISERVER.authorization.authorizationConfig,
    authorizationConfigs,
  );
  const authenticationConfig = referenced(
    base,
    APISERVER.authentication.authenticationConfig,
    authenticationConfigs,
  );
  const authorization = effectiveAuthorization(base, authorizationConfig);
  return {
    ...base,
    component: 'kube-apiserver',
    egressSelector,
    authorizationConfig,
    authorization,
    authenticationConfig,
    anonymous: withAlwaysAllow(
      base,
      effectiveAnonymousAuth(base, authenticationConfig),
      authorization,
      authorizationConfig,
    ),
    securePort: securePort(base),
  };
}

/**
 * The API server turns anonymous authentication off when its authorization modes (the flag, or the
 * AlwaysAllow default when neither flag is set) include AlwaysAllow: kubernetes/kubernetes
 * pkg/kubeapiserver/options/authentication.go, ApplyAuthorization ("AnonymousAuth is not allowed with
 * the AlwaysAllow authorizer. Resetting AnonymousAuth to false"). Every authenticated caller still may
 * do anything.
 */
function withAlwaysAllow(
  base: ControlPlaneComponent,
  anonymous: AnonymousAuth,
  authorization: Authorization,
  config: Referenced<SourceDocument>,
): AnonymousAuth {
  // An anonymous section of an AuthenticationConfiguration is not the flag this reset applies to.
  if (!anonymous.known || !anonymous.enabled || anonymous.source === 'config') return anonymous;
  if (config.state !== 'none' || !authorization.known) return anonymous;
  // A default AlwaysAllow on a component the upload shows only partly is not known to be in effect.
  if (authorization.isDefault && (base.partial ?? base.hidden)) return anonymous;
  if (!authorization.authorizers.some((a) => a.type === 'AlwaysAllow')) return anonymous;
  return {
    ...anonymous,
    enabled: false,
    paths: null,
    describe: `${anonymous.describe}, but with the AlwaysAllow authorizer (${authorization.describe}) the API server turns anonymous authentication off`,
  };
}

function securePort(component: ControlPlaneComponent): SecurePort {
  const port = APISERVER.secureServing.securePort.of(component);
  if (port.source === 'flag' && port.value >= 0) return port;
  return {
    value: 6443,
    location: port.location,
    describe: '--secure-port is not set, so the default 6443 applies',
  };
}

function referenced<T extends { file: string }>(
  component: ControlPlaneComponent,
  setting: Setting<string>,
  candidates: readonly T[],
): Referenced<T> {
  const flag = setting.of(component).flag;
  if (!flag) return { state: 'none' };
  const value = findReferencedFile(flag.value, candidates);
  return value ? { state: 'uploaded', flag, value } : { state: 'missing', flag };
}

/**
 * `--authorization-config` wins (the two flags are exclusive; their conflict is a rule of its own);
 * then `--authorization-mode`; with neither, the API server authorizes everything (AlwaysAllow).
 */
function effectiveAuthorization(
  component: ControlPlaneComponent,
  config: Referenced<SourceDocument>,
): Authorization {
  if (config.state === 'missing') {
    return {
      known: false,
      reason: `--authorization-config names ${config.flag.value}, which was not uploaded: upload that AuthorizationConfiguration`,
    };
  }
  if (config.state === 'uploaded') {
    const doc = config.value;
    const list = doc.value.authorizers;
    const authorizers = (Array.isArray(list) ? list : []).flatMap((entry, i) =>
      entry && typeof entry === 'object' && typeof (entry as { type?: unknown }).type === 'string'
        ? [{ type: (entry as { type: string }).type, location: doc.at(`/authorizers/${i}/type`) }]
        : [],
    );
    return {
      known: true,
      authorizers,
      describe: `authorizers [${authorizers.map((a) => a.type).join(', ')}] in ${doc.file}`,
      isDefault: false,
      location: doc.at('/authorizers'),
    };
  }
  const modes = APISERVER.authorization.authorizationMode.of(component);
  if (modes.items.length > 0) {
    return {
      known: true,
      authorizers: modes.items.map((flag) => ({ type: flag.value, location: flag.location })),
      describe: modes.describe,
      isDefault: false,
      location: modes.location,
    };
  }
  return {
    known: true,
    authorizers: [{ type: 'AlwaysAllow', location: modes.location }],
    describe:
      'neither --authorization-mode nor --authorization-config is set, so the default AlwaysAllow applies',
    isDefault: true,
    location: modes.location,
  };
}
