/**
 * kube-apiserver's reading of an EgressSelectorConfiguration, reproduced: the decoder (types always;
 * registered apiVersion and unknown fields only when it is strict, from Kubernetes 1.32, kubernetes#128011)
 * and `ValidateEgressSelectorConfiguration` in k8s.io/apiserver pkg/server/egressselector/config.go,
 * whose messages are quoted. File existence checks (caBundle, clientCert, clientKey) need the node's
 * disk and are left out.
 */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject, scalarText } from '../ingest/yaml';
import { isSet } from './egress-selector';

export interface EgressProblem {
  /** `egressSelections[0].connection.proxyProtocol` */
  field: string;
  message: string;
  pointer: string;
  evidence: string;
  /** The field is absent: the location is where it would go. */
  missing?: boolean;
  /** Only the strict decoder (Kubernetes 1.32+) rejects it. */
  strictOnly?: boolean;
}

type Shape = 'string' | { [key: string]: Shape } | [Shape];

const TLS_CONFIG: Shape = {
  caBundle: 'string',
  clientKey: 'string',
  clientCert: 'string',
  tlsServerName: 'string',
};
const SCHEMA: Shape = {
  apiVersion: 'string',
  kind: 'string',
  egressSelections: [
    {
      name: 'string',
      connection: {
        proxyProtocol: 'string',
        transport: {
          tcp: { url: 'string', tlsConfig: TLS_CONFIG },
          uds: { udsName: 'string' },
        },
      },
    },
  ],
};

export const API_VERSIONS = ['apiserver.k8s.io/v1beta1', 'apiserver.k8s.io/v1alpha1'];
const PROTOCOLS = ['Direct', 'HTTPConnect', 'GRPC'];
const NAMES = ['cluster', 'controlplane', 'etcd'];

export function validateEgressSelector(doc: SourceDocument): EgressProblem[] {
  const problems: EgressProblem[] = [];
  const apiVersion = doc.value.apiVersion;
  if (typeof apiVersion !== 'string' || !API_VERSIONS.includes(apiVersion)) {
    problems.push({
      field: 'apiVersion',
      message: `is ${typeof apiVersion === 'string' ? apiVersion : '(not set)'}; EgressSelectorConfiguration exists only as ${API_VERSIONS.join(' and ')}`,
      pointer: '/apiVersion',
      evidence: `apiVersion: ${scalarText(apiVersion) ?? ''}`,
      missing: apiVersion === undefined,
      strictOnly: true,
    });
  }
  problems.push(...checkShape(doc.value, SCHEMA, '', ''));
  const list = doc.value.egressSelections;
  if (!Array.isArray(list)) return problems;
  const selections = list.map((item, i) => ({ item: isPlainObject(item) ? item : {}, i }));

  for (const { item, i } of selections) problems.push(...validateConnection(item, i));

  // Names are checked after every connection, lower-cased, after the conversion of `master`.
  const seen = new Set<string>();
  for (const { item, i } of selections) {
    const written = typeof item.name === 'string' ? item.name : '';
    const canonical = (written === 'master' ? 'controlplane' : written).toLowerCase();
    const at = { pointer: `/egressSelections/${i}/name`, evidence: `name: ${written}` };
    if (seen.has(canonical)) {
      problems.push({
        field: `egressSelections[${i}].name`,
        message: `${written} is a duplicate: another selection is already named ${canonical}${written === 'master' || canonical === 'controlplane' ? ' (master is read as controlplane)' : ''}`,
        ...at,
      });
      continue;
    }
    seen.add(canonical);
    if (!NAMES.includes(canonical)) {
      problems.push({
        field: `egressSelections[${i}].name`,
        message: `${written === '' ? '(empty)' : written} is not supported: the names are ${NAMES.join(', ')} (and master, read as controlplane, exactly in lower case)`,
        ...at,
        missing: item.name === undefined,
      });
    }
  }
  return problems;
}

function validateConnection(item: Record<string, unknown>, i: number): EgressProblem[] {
  const base = `/egressSelections/${i}/connection`;
  const field = `egressSelections[${i}].connection`;
  const connection = isPlainObject(item.connection) ? item.connection : {};
  const protocol = typeof connection.proxyProtocol === 'string' ? connection.proxyProtocol : '';
  const transport = isPlainObject(connection.transport) ? connection.transport : undefined;
  const tcp = transport && isPlainObject(transport.tcp) ? transport.tcp : undefined;
  const uds = transport && isPlainObject(transport.uds) ? transport.uds : undefined;
  const problem = (name: string, message: string, pointer: string, evidence: string, missing = false) => ({
    field: `${field}.${name}`,
    message,
    pointer: `${base}/${pointer}`,
    evidence,
    missing,
  });
  switch (protocol) {
    case 'Direct':
      return isSet(connection.transport)
        ? [
            problem(
              'transport',
              'is set with proxyProtocol Direct ("config must be absent for direct connect")',
              'transport',
              'proxyProtocol: Direct with a transport',
            ),
          ]
        : [];
    case 'HTTPConnect': {
      if (!transport)
        return [
          problem(
            'transport',
            'is missing ("transport must be set for HTTPConnect")',
            'transport',
            'proxyProtocol: HTTPConnect, no transport',
            true,
          ),
        ];
      if (isSet(transport.tcp) && isSet(transport.uds))
        return [
          problem(
            'transport',
            'sets both tcp and uds with HTTPConnect ("TCP and UDS cannot both be set")',
            'transport/tcp',
            'transport: tcp and uds',
          ),
        ];
      if (!isSet(transport.tcp) && !isSet(transport.uds))
        return [
          problem(
            'transport',
            'sets neither tcp nor uds ("One of TCP or UDS must be set")',
            'transport',
            'transport: no tcp, no uds',
            true,
          ),
        ];
      return tcp ? validateTcp(tcp, problem) : validateUds(uds ?? {}, problem);
    }
    case 'GRPC':
      if (!transport)
        return [
          problem(
            'transport',
            'is missing ("transport must be set for GRPC")',
            'transport',
            'proxyProtocol: GRPC, no transport',
            true,
          ),
        ];
      if (!isSet(transport.uds))
        return [
          problem(
            'transport.uds',
            `is missing: GRPC works only over a unix socket ("UDS must be set with GRPC")${isSet(transport.tcp) ? '; the tcp transport is not supported with GRPC' : ''}`,
            'transport',
            isSet(transport.tcp) ? 'proxyProtocol: GRPC over tcp' : 'proxyProtocol: GRPC, no uds',
            true,
          ),
        ];
      return validateUds(uds ?? {}, problem);
    default:
      return [
        problem(
          'proxyProtocol',
          `${protocol === '' ? 'is not set' : `is ${protocol}`}: supported values are ${PROTOCOLS.join(', ')} (case-sensitive)${isSet(connection.type) || isSet(connection.httpConnect) ? '; connection.type and connection.httpConnect are the Kubernetes 1.16-1.17 format, replaced by proxyProtocol and transport in 1.18' : ''}`,
          'proxyProtocol',
          `proxyProtocol: ${protocol}`,
          protocol === '',
        ),
      ];
  }
}

type Make = (
  name: string,
  message: string,
  pointer: string,
  evidence: string,
  missing?: boolean,
) => EgressProblem;

function validateUds(uds: Record<string, unknown>, problem: Make): EgressProblem[] {
  return typeof uds.udsName === 'string' && uds.udsName !== ''
    ? []
    : [
        problem(
          'transport.uds.udsName',
          'is empty ("must be present for UDS connections")',
          'transport/uds/udsName',
          'udsName: ""',
          true,
        ),
      ];
}

function validateTcp(tcp: Record<string, unknown>, problem: Make): EgressProblem[] {
  const url = typeof tcp.url === 'string' ? tcp.url : '';
  const tls = isPlainObject(tcp.tlsConfig) ? tcp.tlsConfig : undefined;
  if (url.startsWith('http://')) {
    return isSet(tcp.tlsConfig)
      ? [
          problem(
            'transport.tcp.tlsConfig',
            `is set with the plain-HTTP url ${url} ("config must not be present when using HTTP")`,
            'transport/tcp/tlsConfig',
            `url: ${url} with tlsConfig`,
          ),
        ]
      : [];
  }
  if (url.startsWith('https://')) {
    if (!tls)
      return [
        problem(
          'transport.tcp.tlsConfig',
          `is missing for ${url} ("TLSConfig must be present when using HTTPS")`,
          'transport/tcp/tlsConfig',
          `url: ${url}, no tlsConfig`,
          true,
        ),
      ];
    return (['clientCert', 'clientKey'] as const).flatMap((key) =>
      typeof tls[key] === 'string' && tls[key] !== ''
        ? []
        : [
            problem(
              `transport.tcp.tlsConfig.${key}`,
              `is missing for ${url} ("Using TLS requires ${key}": the API server authenticates to the Konnectivity server with a client certificate)`,
              `transport/tcp/tlsConfig/${key}`,
              `tlsConfig without ${key}`,
              true,
            ),
          ],
    );
  }
  return [
    problem(
      'transport.tcp.url',
      `is ${url === '' ? 'empty' : url} ("supported connection protocols are http:// and https://")`,
      'transport/tcp/url',
      `url: ${url}`,
      url === '',
    ),
  ];
}

/** Decoding: wrong types fail in every version; unknown fields only with the strict decoder. */
function checkShape(value: unknown, shape: Shape, pointer: string, field: string): EgressProblem[] {
  if (value === null || value === undefined) return [];
  if (shape === 'string') {
    return typeof value === 'string'
      ? []
      : [
          {
            field,
            message: `is ${Array.isArray(value) ? 'a list' : typeof value}, not a string (the decoder fails)`,
            pointer,
            evidence: `${field}: ${JSON.stringify(value)}`,
          },
        ];
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value))
      return [
        {
          field,
          message: 'is not a list (the decoder fails)',
          pointer,
          evidence: `${field}: ${typeof value}`,
        },
      ];
    return value.flatMap((item, i) => checkShape(item, shape[0], `${pointer}/${i}`, `${field}[${i}]`));
  }
  if (!isPlainObject(value))
    return [
      {
        field,
        message: 'is not an object (the decoder fails)',
        pointer,
        evidence: `${field}: ${JSON.stringify(value)}`,
      },
    ];
  return Object.entries(value).flatMap(([key, child]) => {
    const childField = field === '' ? key : `${field}.${key}`;
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const childShape = shape[key];
    if (childShape === undefined)
      return [
        {
          field: childField,
          message: 'is not a field of EgressSelectorConfiguration (unknown field)',
          pointer: childPointer,
          evidence: `unknown field ${childField}`,
          strictOnly: true,
        },
      ];
    return checkShape(child, childShape, childPointer, childField);
  });
}
