/**
 * The `default/kubernetes` Service and its Endpoints / EndpointSlice: the way pods reach the API server
 * (the Service's port 443 is redirected by kube-proxy to the target port on the API server's address).
 * What matters is the port the traffic lands on: the Service's `targetPort`, the Endpoints' and the
 * EndpointSlice's ports. The API server keeps them at its `--secure-port`.
 */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';
import type { Location } from '../schemas/common';

export interface ServicePort {
  /** "Service default/kubernetes targetPort", "Endpoints default/kubernetes port", ... */
  describe: string;
  /** A number, or a port name (a named targetPort is resolved through the endpoints). */
  port: number | string;
  location: Location;
}

export function kubernetesServicePorts(doc: SourceDocument): ServicePort[] {
  const kind = String(doc.value.kind);
  const at = (pointer: string) => doc.at(pointer);
  const ports = (list: unknown, base: string, key: string, what: string): ServicePort[] =>
    (Array.isArray(list) ? list : []).flatMap((entry, i) => {
      if (!isPlainObject(entry)) return [];
      const value = entry[key] ?? (key === 'targetPort' ? entry.port : undefined);
      if (typeof value !== 'number' && typeof value !== 'string') return [];
      const pointer = `${base}/${i}/${key in entry ? key : 'port'}`;
      return [{ describe: `${kind} default/kubernetes ${what}`, port: value, location: at(pointer) }];
    });
  if (kind === 'Service') {
    const spec = isPlainObject(doc.value.spec) ? doc.value.spec : {};
    return ports(spec.ports, '/spec/ports', 'targetPort', 'targetPort');
  }
  if (kind === 'Endpoints') {
    const subsets = Array.isArray(doc.value.subsets) ? doc.value.subsets : [];
    return subsets.flatMap((subset, i) =>
      isPlainObject(subset) ? ports(subset.ports, `/subsets/${i}/ports`, 'port', 'port') : [],
    );
  }
  if (kind === 'EndpointSlice') return ports(doc.value.ports, '/ports', 'port', 'port');
  return [];
}
