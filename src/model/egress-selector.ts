/**
 * The API server's EgressSelectorConfiguration: which traffic goes through which proxy. Each selection
 * keeps what the API server's decoder sees (set or absent, and the raw values) so that a rule can
 * reproduce `ValidateEgressSelectorConfiguration` (k8s.io/apiserver pkg/server/egressselector/config.go).
 */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';

export interface EgressSelection {
  /**
   * Lower-cased after the v1alpha1/v1beta1 conversion, which rewrites exactly `master` (not `Master`)
   * to `controlplane`; the API server compares names lower-cased.
   */
  name: string;
  proxyProtocol: string | undefined;
  udsName: string | undefined;
  tcpUrl: string | undefined;
  /** The selection as written, for the checks that need presence and types. */
  raw: Record<string, unknown>;
  pointer: string;
}

/** A pointer-valued field is set when the key is present with a non-null value, as Go's decoder sees it. */
export const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** The transport the API server dials for a selection, or undefined when it does not dial a proxy. */
export function transportOf(selection: EgressSelection): 'uds' | 'tcp' | undefined {
  const transport = transportObject(selection);
  if (selection.proxyProtocol === 'GRPC') return isSet(transport.uds) ? 'uds' : undefined;
  if (selection.proxyProtocol === 'HTTPConnect') {
    if (isSet(transport.uds) && !isSet(transport.tcp)) return 'uds';
    if (isSet(transport.tcp) && !isSet(transport.uds)) return 'tcp';
  }
  return undefined;
}

export function transportObject(selection: EgressSelection): Record<string, unknown> {
  const connection = isPlainObject(selection.raw.connection) ? selection.raw.connection : {};
  return isPlainObject(connection.transport) ? connection.transport : {};
}

export class EgressSelector {
  readonly selections: EgressSelection[];

  constructor(readonly doc: SourceDocument) {
    const list = doc.value.egressSelections;
    this.selections = (Array.isArray(list) ? list : []).flatMap((item, i) => {
      if (!isPlainObject(item)) return [];
      const connection = isPlainObject(item.connection) ? item.connection : {};
      const transport = isPlainObject(connection.transport) ? connection.transport : {};
      const uds = isPlainObject(transport.uds) ? transport.uds : {};
      const tcp = isPlainObject(transport.tcp) ? transport.tcp : {};
      const written = typeof item.name === 'string' ? item.name : '';
      return [
        {
          name: (written === 'master' ? 'controlplane' : written).toLowerCase(),
          proxyProtocol: typeof connection.proxyProtocol === 'string' ? connection.proxyProtocol : undefined,
          udsName: typeof uds.udsName === 'string' ? uds.udsName : undefined,
          tcpUrl: typeof tcp.url === 'string' ? tcp.url : undefined,
          raw: item,
          pointer: `/egressSelections/${i}`,
        },
      ];
    });
  }

  get file(): string {
    return this.doc.file;
  }

  get writtenAt(): string | undefined {
    return this.doc.writtenAt;
  }

  selection(name: string): EgressSelection | undefined {
    return this.selections.find((selection) => selection.name === name);
  }
}
