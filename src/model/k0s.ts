/**
 * A k0s ClusterConfig (`/etc/k0s/k0s.yaml`, or inside k0sctl's and k0smotron's objects), read as k0s
 * runs the cluster from it: k0s starts kube-apiserver, konnectivity-server and the kubelets with flags
 * and settings of its own, which `spec.api.extraArgs` and `spec.workerProfiles` only change. Facts from
 * k0sproject/k0s at dff90cee: pkg/component/controller/apiserver.go (flags, the egress selector),
 * controllermanager.go, scheduler.go, konnectivity.go and konnectivityagent.go,
 * pkg/component/worker/kubelet.go and pkg/component/controller/workerconfig/reconciler.go (the
 * kubelet), pkg/config/cfgvars.go (paths).
 *
 * What the file does not say is read as k0s' defaults: the install command line
 * (`--kubelet-extra-args`, `--single`, `--disable-components`) is not in it, and the document's note says so.
 */
import type { Classified } from '../ingest/classify';
import type { CommandLine } from '../ingest/command-line';
import type { Component } from '../ingest/components';
import type { SourceDocument } from '../ingest/source-document';
import type { Budget } from '../ingest/budget';
import { isPlainObject, scalarText } from '../ingest/yaml';
import type { Location } from '../schemas/common';
import type { ControlPlaneComponent } from './control-plane';
import { parseFlags } from './flags';
import type { KubeletDefaults } from './kubelet';
import { nodeKeyOf } from './referenced-file';
import { mapArgs, renderArgs, type UserArg } from './rendered-args';

const DATA = '/var/lib/k0s';
const PKI = `${DATA}/pki`;
const RUN = '/run/k0s';
const SOURCE = 'k0sproject/k0s pkg/component';

export interface K0sResult {
  components: ControlPlaneComponent[];
  kubeletFlags: CommandLine[];
  kubeletConfigs: Classified[];
  kubeletDefaults: Map<Classified, KubeletDefaults>;
  /** `/var/lib/k0s/konnectivity.conf`, which k0s writes when Konnectivity runs. */
  egressSelectors: SourceDocument[];
}

export function fromK0s(items: readonly Classified[], budget: Budget): K0sResult {
  const result: K0sResult = {
    components: [],
    kubeletFlags: [],
    kubeletConfigs: [],
    kubeletDefaults: new Map(),
    egressSelectors: [],
  };
  for (const item of items) {
    const doc = item.doc;
    const where = item.group?.id ?? doc.file;
    const version = item.group?.kubernetesVersion;
    const minor = version ? /^v?(1\.\d+)/.exec(version.value)?.[1] : undefined;
    // `k0s controller --single` and `--disable-components=konnectivity-server` run no Konnectivity
    // (cmd/controller/controller.go); k0smotron passes them in k0sConfigSpec.args.
    const konnectivity = !item.group?.controllerArgs?.some(
      (arg) => arg === '--single' || /^--disable-components=.*konnectivity-server/.test(arg),
    );
    const versioned = (c: ControlPlaneComponent): ControlPlaneComponent =>
      minor && version ? { ...c, imageVersion: minor, versionSource: version.where } : c;
    const api = doc.get('/spec/api');
    const address = isPlainObject(api)
      ? (scalarText(api.externalAddress) ?? scalarText(api.address))
      : undefined;
    result.components.push(versioned(apiServer(doc, where, konnectivity, budget)));
    if (konnectivity) {
      result.egressSelectors.push(
        doc
          .derive({
            apiVersion: 'apiserver.k8s.io/v1beta1',
            kind: 'EgressSelectorConfiguration',
            egressSelections: [
              {
                name: 'cluster',
                connection: {
                  proxyProtocol: 'GRPC',
                  transport: { uds: { udsName: `${RUN}/konnectivity-server/konnectivity-server.sock` } },
                },
              },
            ],
          })
          .writtenTo(`${DATA}/konnectivity.conf`),
      );
      result.components.push(...konnectivityComponents(doc, where, address, budget));
    }
    // controllermanager.go and scheduler.go Reconcile: k0s' flags, then spec.<component>.extraArgs.
    for (const [component, key, defaults] of [
      ['kube-controller-manager', 'controllerManager', CONTROLLER_MANAGER],
      ['kube-scheduler', 'scheduler', SCHEDULER],
    ] as const) {
      const pointer = `/spec/${key}`;
      const insertAt = doc.placeFor([pointer, '']);
      const words = renderArgs(defaults, userArgs(doc, pointer), insertAt).words;
      result.components.push(versioned(renderedComponent(component, doc, where, words, insertAt, budget)));
    }
    kubelets(result, item, where);
  }
  return result;
}

const CONTROLLER_MANAGER: ReadonlyArray<readonly [string, string]> = [
  ['allocate-node-cidrs', 'true'],
  ['authentication-kubeconfig', `${PKI}/ccm.conf`],
  ['authorization-kubeconfig', `${PKI}/ccm.conf`],
  ['bind-address', '127.0.0.1'],
  ['client-ca-file', `${PKI}/ca.crt`],
  ['cluster-name', 'k0s'],
  ['cluster-signing-cert-file', `${PKI}/ca.crt`],
  ['cluster-signing-key-file', `${PKI}/ca.key`],
  ['controllers', '*,bootstrapsigner,tokencleaner'],
  ['kubeconfig', `${PKI}/ccm.conf`],
  ['leader-elect', 'true'],
  ['profiling', 'false'],
  ['requestheader-client-ca-file', `${PKI}/front-proxy-ca.crt`],
  ['root-ca-file', `${PKI}/ca.crt`],
  ['service-account-private-key-file', `${PKI}/sa.key`],
  ['use-service-account-credentials', 'true'],
];

const SCHEDULER: ReadonlyArray<readonly [string, string]> = [
  ['authentication-kubeconfig', `${PKI}/scheduler.conf`],
  ['authorization-kubeconfig', `${PKI}/scheduler.conf`],
  ['bind-address', '127.0.0.1'],
  ['kubeconfig', `${PKI}/scheduler.conf`],
  ['leader-elect', 'true'],
  ['profiling', 'false'],
];

/** `extraArgs` (a map, each overriding k0s' flag) and `rawArgs` (appended as written). */
function userArgs(doc: SourceDocument, pointer: string): UserArg[] {
  const raw = doc.get(`${pointer}/rawArgs`);
  const rawArgs = Array.isArray(raw)
    ? raw.flatMap((word, i) => {
        const match = /^--?([^=]+)(?:=(.*))?$/.exec(scalarText(word) ?? '');
        return match?.[1]
          ? [{ name: match[1], values: [match[2] ?? 'true'], location: doc.at(`${pointer}/rawArgs/${i}`) }]
          : [];
      })
    : [];
  return [...mapArgs(doc, `${pointer}/extraArgs`), ...rawArgs];
}

function renderedComponent(
  component: Component,
  doc: SourceDocument,
  where: string,
  words: ReturnType<typeof renderArgs>['words'],
  insertAt: Location,
  budget: Budget,
): ControlPlaneComponent {
  return {
    component,
    file: doc.file,
    flags: parseFlags(words, insertAt, budget),
    nodeKey: nodeKeyOf(doc.file),
    name: `${component} (from k0s ClusterConfig ${where})`,
  };
}

function apiServer(
  doc: SourceDocument,
  where: string,
  konnectivity: boolean,
  budget: Budget,
): ControlPlaneComponent {
  const insertAt = doc.placeFor(['/spec/api/extraArgs', '/spec/api', '']);
  const port = scalarText(doc.get('/spec/api/port')) ?? '6443';
  const defaults: Array<[string, string]> = [
    ['allow-privileged', 'true'],
    ['anonymous-auth', 'false'],
    ['api-audiences', `https://kubernetes.default.svc${konnectivity ? ',system:konnectivity-server' : ''}`],
    ['authorization-mode', 'Node,RBAC'],
    ['client-ca-file', `${PKI}/ca.crt`],
    ['enable-admission-plugins', 'NodeRestriction'],
    ['enable-bootstrap-token-auth', 'true'],
    ['kubelet-certificate-authority', `${PKI}/ca.crt`],
    ['kubelet-client-certificate', `${PKI}/apiserver-kubelet-client.crt`],
    ['kubelet-client-key', `${PKI}/apiserver-kubelet-client.key`],
    ['kubelet-preferred-address-types', 'InternalIP,ExternalIP,Hostname'],
    ['profiling', 'false'],
    ['requestheader-client-ca-file', `${PKI}/front-proxy-ca.crt`],
    ['secure-port', port],
    ['service-account-issuer', 'https://kubernetes.default.svc'],
    ['service-account-key-file', `${PKI}/sa.pub`],
    ['service-account-signing-key-file', `${PKI}/sa.key`],
    ['tls-cert-file', `${PKI}/server.crt`],
    ['tls-min-version', 'VersionTLS12'],
    ['tls-private-key-file', `${PKI}/server.key`],
  ];
  const address = scalarText(doc.get('/spec/api/address'));
  if (address && doc.get('/spec/api/onlyBindToAddress') === true) defaults.push(['bind-address', address]);
  if (konnectivity) defaults.push(['egress-selector-config-file', `${DATA}/konnectivity.conf`]);
  // spec.api.extraArgs override k0s' flags; anonymous-auth stays false only when the user sets neither it
  // nor an --authentication-config (whose anonymous section k0s cannot read here).
  const user = userArgs(doc, '/spec/api');
  const withoutAnonymous = user.some((arg) => arg.name === 'authentication-config')
    ? defaults.filter(([name]) => name !== 'anonymous-auth')
    : defaults;
  const words = renderArgs(withoutAnonymous, user, insertAt).words;
  return renderedComponent('kube-apiserver', doc, where, words, insertAt, budget);
}

function konnectivityComponents(
  doc: SourceDocument,
  where: string,
  address: string | undefined,
  budget: Budget,
): ControlPlaneComponent[] {
  const insertAt = doc.placeFor(['/spec/konnectivity', '']);
  const agentPort = scalarText(doc.get('/spec/konnectivity/agentPort')) ?? '8132';
  const adminPort = scalarText(doc.get('/spec/konnectivity/adminPort')) ?? '8133';
  const host = scalarText(doc.get('/spec/konnectivity/externalAddress')) ?? address;
  const server = renderArgs(
    [
      ['admin-port', adminPort],
      ['agent-namespace', 'kube-system'],
      ['agent-port', agentPort],
      ['agent-service-account', 'konnectivity-agent'],
      ['authentication-audience', 'system:konnectivity-server'],
      ['cluster-cert', `${PKI}/server.crt`],
      ['cluster-key', `${PKI}/server.key`],
      ['delete-existing-uds-file', 'true'],
      ['enable-profiling', 'false'],
      ['health-bind-address', 'localhost'],
      ['kubeconfig', `${PKI}/konnectivity.conf`],
      ['mode', 'grpc'],
      ['server-port', '0'],
      ['uds-name', `${RUN}/konnectivity-server/konnectivity-server.sock`],
    ],
    [],
    insertAt,
  ).words;
  const agent = renderArgs(
    [
      ['ca-cert', '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'],
      ...(host ? [['proxy-server-host', host] as [string, string]] : []),
      ['proxy-server-port', agentPort],
      ['service-account-token-path', '/var/run/secrets/tokens/konnectivity-agent-token'],
    ],
    [],
    insertAt,
  ).words;
  return [
    renderedComponent('konnectivity-server', doc, where, server, insertAt, budget),
    {
      ...renderedComponent('konnectivity-agent', doc, where, agent, insertAt, budget),
      name: `konnectivity-agent (the DaemonSet k0s deploys from ClusterConfig ${where})`,
    },
  ];
}

/**
 * One kubelet per worker profile: `default`, which every worker gets unless installed with
 * `--profile`, and each named in spec.workerProfiles. A profile's `values` are KubeletConfiguration
 * fields unmarshalled over k0s' default profile (reconciler.go buildProfile).
 */
function kubelets(result: K0sResult, item: Classified, where: string): void {
  const doc = item.doc;
  const profiles = doc.get('/spec/workerProfiles');
  const named = Array.isArray(profiles)
    ? profiles.flatMap((profile, i) =>
        isPlainObject(profile) && typeof profile.name === 'string'
          ? [{ name: profile.name, i, profile }]
          : [],
      )
    : [];
  const all = named.some((p) => p.name === 'default')
    ? named
    : [{ name: 'default', i: -1, profile: {} }, ...named];
  for (const { name, i, profile } of all) {
    const pointer = i >= 0 ? `/spec/workerProfiles/${i}` : '/spec';
    const values = isPlainObject(profile.values) ? profile.values : undefined;
    const configDoc = values ? doc.child(`${pointer}/values`, values) : doc.child(pointer, {}).derive({});
    // No slash in a node's name: it is the last part of a path where files name the node.
    const node = `k0s worker profile ${name} of ${where.split('/').pop() ?? where}`;
    const config: Classified = {
      doc: configDoc.writtenTo(`${RUN}/kubelet/config.yaml`),
      type: 'kubelet-config',
      kind: 'KubeletConfiguration',
      component: 'kubelet',
      role: null,
      note: null,
      group: { id: `${where}#${name}`, node },
    };
    result.kubeletConfigs.push(config);
    result.kubeletDefaults.set(config, K0S_KUBELET);
    const insertAt = doc.at(pointer, true);
    result.kubeletFlags.push({
      file: doc.file,
      kind: 'DistributionConfig',
      component: 'kubelet',
      args: renderArgs(
        [
          ['cert-dir', `${DATA}/kubelet/pki`],
          ['config', `${RUN}/kubelet/config.yaml`],
          ['kubeconfig', `${DATA}/kubelet.conf`],
          ['root-dir', `${DATA}/kubelet`],
        ],
        [],
        insertAt,
      ).words,
      complete: true,
      insertAt,
      line: insertAt.line,
      writes: config,
      node,
    });
  }
}

/**
 * The default worker profile (reconciler.go buildProfile) and the CA the kubelet is given
 * (kubelet.go: authentication.x509.clientCAFile is the kubeconfig's CA, written under /run/k0s/kubelet).
 * Authentication and authorization are left to the KubeletConfiguration defaults.
 */
const K0S_KUBELET: KubeletDefaults = {
  writer: 'k0s',
  values: {
    rotateCertificates: true,
    serverTLSBootstrap: true,
    tlsMinVersion: 'VersionTLS12',
  },
  forced: { clientCAFile: `${RUN}/kubelet/ca.crt` },
  source: `${SOURCE}/controller/workerconfig/reconciler.go buildProfile, worker/kubelet.go`,
  // After a SubjectAccessReview and a check of the names asked for (controller/csrapprover.go approveCSR).
  servingCertificateApprover: "k0s' own CSR approver",
};
