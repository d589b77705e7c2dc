/** The API server's EgressSelectorConfiguration: which traffic goes through which proxy. */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';

export interface EgressSelection {
  /** Lower-cased, with the deprecated `master` read as `controlplane`, as the API server does. */
  name: string;
  proxyProtocol: string | undefined;
  udsName: string | undefined;
  tcpUrl: string | undefined;
  pointer: string;
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
      const name = typeof item.name === 'string' ? item.name.toLowerCase() : '';
      return [
        {
          name: name === 'master' ? 'controlplane' : name,
          proxyProtocol: typeof connection.proxyProtocol === 'string' ? connection.proxyProtocol : undefined,
          udsName: typeof uds.udsName === 'string' ? uds.udsName : undefined,
          tcpUrl: typeof tcp.url === 'string' ? tcp.url : undefined,
          pointer: `/egressSelections/${i}`,
        },
      ];
    });
  }

  get file(): string {
    return this.doc.file;
  }

  selection(name: string): EgressSelection | undefined {
    return this.selections.find((selection) => selection.name === name);
  }
}
