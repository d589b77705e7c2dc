/**
 * The inputs of `npm run bench`: the example bundle, and four generated shapes of any size — many
 * kube-apiserver static pods in one multi-document file, one kubelet /configz dump (one JSON document),
 * RBAC objects as separate documents, and the same RBAC objects as the items of one `kind: List`.
 * Every shape carries findings that grow with it (AlwaysAllow pods, nodes/proxy roles, anonymous
 * bindings, suppressed roles), and stays within LIMITS at 5 MiB (objects average ≥ 2.6 KB, so ≤ 2000
 * documents).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchFile {
  name: string;
  content: string;
}

export const MiB = 1024 * 1024;

/** examples/kubeadm-control-plane, every file, in a stable order. */
export function exampleFiles(repo: string): BenchFile[] {
  const root = join(repo, 'examples/kubeadm-control-plane/');
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
      );
  return walk(root).map((path) => ({
    name: path.slice(root.length - 1),
    content: readFileSync(path, 'utf8'),
  }));
}

/** One kube-apiserver static pod (kubeadm's, like the example), different per node. */
function apiserverPod(i: number): string {
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const insecure = i % 3 === 0; // some findings that scale with the input
  return `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: ${ip}:6443
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver-cp-${i}
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=${ip}
    - --allow-privileged=true
    - --authorization-mode=${insecure ? 'AlwaysAllow' : 'Node,RBAC'}
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --enable-admission-plugins=NodeRestriction
    - --enable-bootstrap-token-auth=true
    - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt
    - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt
    - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key
    - --etcd-servers=https://127.0.0.1:2379
    - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt
    - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key
    - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
    - --proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt
    - --proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key
    - --requestheader-allowed-names=front-proxy-client
    - --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt
    - --requestheader-extra-headers-prefix=X-Remote-Extra-
    - --requestheader-group-headers=X-Remote-Group
    - --requestheader-username-headers=X-Remote-User
    - --secure-port=6443
    - --service-account-issuer=https://kubernetes.default.svc.cluster.local
    - --service-account-key-file=/etc/kubernetes/pki/sa.pub
    - --service-account-signing-key-file=/etc/kubernetes/pki/sa.key
    - --service-cluster-ip-range=10.96.0.0/12
    - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key${insecure ? '\n    - --anonymous-auth=true\n    - --profiling=true' : ''}
    image: registry.k8s.io/kube-apiserver:v1.31.2
    imagePullPolicy: IfNotPresent
    livenessProbe:
      failureThreshold: 8
      httpGet:
        host: ${ip}
        path: /livez
        port: 6443
        scheme: HTTPS
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    name: kube-apiserver
    resources:
      requests:
        cpu: 250m
    volumeMounts:
    - mountPath: /etc/ssl/certs
      name: ca-certs
      readOnly: true
    - mountPath: /etc/kubernetes/pki
      name: k8s-certs
      readOnly: true
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
  - hostPath:
      path: /etc/ssl/certs
      type: DirectoryOrCreate
    name: ca-certs
  - hostPath:
      path: /etc/kubernetes/pki
      type: DirectoryOrCreate
    name: k8s-certs
status: {}
`;
}

export function staticPods(bytes: number): BenchFile[] {
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const doc = `${i > 0 ? '---\n' : ''}${apiserverPod(i)}`;
    docs.push(doc);
    size += Buffer.byteLength(doc);
  }
  return [{ name: '/etc/kubernetes/manifests/static-pods.yaml', content: docs.join('') }];
}

/** A kubelet /configz dump (`kubectl get --raw /api/v1/nodes/N/proxy/configz`), padded to size with
 * realistic-looking repeated content (feature gates, sysctls, reserved memory, eviction thresholds). */
function configz(bytes: number): BenchFile[] {
  const base: Record<string, unknown> = {
    enableServer: true,
    staticPodPath: '/etc/kubernetes/manifests',
    syncFrequency: '1m0s',
    fileCheckFrequency: '20s',
    httpCheckFrequency: '20s',
    address: '0.0.0.0',
    port: 10250,
    readOnlyPort: 10255,
    tlsCertFile: '/var/lib/kubelet/pki/kubelet.crt',
    tlsPrivateKeyFile: '/var/lib/kubelet/pki/kubelet.key',
    rotateCertificates: true,
    authentication: {
      x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
      webhook: { enabled: true, cacheTTL: '2m0s' },
      anonymous: { enabled: false },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' } },
    registryPullQPS: 5,
    registryBurst: 10,
    eventRecordQPS: 5,
    eventBurst: 10,
    enableDebuggingHandlers: true,
    healthzPort: 10248,
    healthzBindAddress: '127.0.0.1',
    oomScoreAdj: -999,
    clusterDomain: 'cluster.local',
    clusterDNS: ['10.96.0.10'],
    streamingConnectionIdleTimeout: '4h0m0s',
    nodeStatusUpdateFrequency: '10s',
    nodeStatusReportFrequency: '5m0s',
    cgroupDriver: 'systemd',
    maxPods: 110,
    podPidsLimit: -1,
    resolvConf: '/run/systemd/resolve/resolv.conf',
    evictionHard: { 'imagefs.available': '15%', 'memory.available': '100Mi', 'nodefs.available': '10%' },
    featureGates: {},
    allowedUnsafeSysctls: [] as string[],
    reservedMemory: [] as unknown[],
    evictionSoft: {},
    staticPodURLHeader: {},
  };
  const json = (value: unknown) => JSON.stringify({ kubeletconfig: value }, null, 4);
  // Grow in steps until the pretty-printed JSON reaches the size.
  const step = (i: number) => {
    (base.featureGates as Record<string, boolean>)[`ExampleFeatureGate${i}`] = i % 2 === 0;
    (base.allowedUnsafeSysctls as string[]).push(`net.ipv4.conf.eth${i}.rp_filter`);
    (base.reservedMemory as unknown[]).push({
      numaNode: i,
      limits: { memory: `${i % 64}Mi`, 'hugepages-1Gi': '0' },
    });
    (base.evictionSoft as Record<string, string>)[`example.io/resource-${i}`] = `${i % 100}%`;
    (base.staticPodURLHeader as Record<string, string[]>)[`X-Header-${i}`] = [`value-${i}`, `other-${i}`];
  };
  let i = 0;
  const before = Buffer.byteLength(json(base));
  // The growth of one step, estimated once.
  for (let k = 0; k < 100; k++) step(i++);
  const perStep = (Buffer.byteLength(json(base)) - before) / 100;
  const more = Math.max(0, Math.ceil((bytes - Buffer.byteLength(json(base))) / perStep));
  for (let k = 0; k < more; k++) step(i++);
  return [{ name: '/node-1/configz.json', content: `${json(base)}\n` }];
}

/** RBAC objects: ClusterRoles of 40 rules and bindings of 30 subjects (avg ~3.5 KB), some with findings. */
function rbacObjects(bytes: number): string[][] {
  const objects: string[][] = [];
  let size = 0;
  const resources = [
    'pods',
    'services',
    'deployments',
    'configmaps',
    'secrets',
    'nodes',
    'events',
    'jobs',
    'customresourcedefinitions',
    'horizontalpodautoscalers',
    'persistentvolumeclaims',
    'networkpolicies',
  ];
  for (let i = 0; size < bytes; i++) {
    const lines: string[] = [];
    if (i % 2 === 0) {
      const r = i / 2;
      lines.push(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRole',
        'metadata:',
        '  annotations:',
      );
      lines.push(
        `    description: Grants the workloads of application app-${r} of team-${r % 17} read access to the resources they watch; managed by the platform team, do not edit by hand.`,
      );
      if (r % 10 === 0) {
        lines.push(
          '    kube-comms-lint.io/ignore: rbac-nodes-proxy-granted',
          '    kube-comms-lint.io/ignore-reason: monitoring scrapes kubelet metrics through the proxy',
        );
      }
      lines.push(
        '  labels:',
        `    app.kubernetes.io/name: app-${r}`,
        `    team: team-${r % 17}`,
        `  name: role-${r}`,
        'rules:',
      );
      for (let k = 0; k < 40; k++) {
        const res = resources[(r + k) % resources.length] ?? 'pods';
        const proxy = r % 4 === 0 && k === 0;
        lines.push(
          `- apiGroups:`,
          `  - ${k % 3 === 0 ? '""' : `group-${k}.platform.example.com`}`,
          `  resources:`,
          `  - ${proxy ? 'nodes/proxy' : res}`,
          `  - ${res}/status`,
          `  - ${res}/finalizers`,
          `  verbs:`,
          `  - get`,
          `  - list`,
          `  - watch`,
          ...(k % 5 === 0 ? [`  resourceNames:`, `  - resource-name-${r}-${k}-of-application-app-${r}`] : []),
        );
      }
    } else {
      const r = (i - 1) / 2;
      lines.push(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRoleBinding',
        'metadata:',
        `  name: binding-${r}`,
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        `  name: role-${r}`,
        'subjects:',
      );
      for (let k = 0; k < 30; k++) {
        const anonymous = r % 5 === 0 && k === 0;
        lines.push(
          anonymous ? '- apiGroup: rbac.authorization.k8s.io' : '- kind: ServiceAccount',
          anonymous ? '  kind: Group' : `  name: service-account-${r}-${k}-of-app-${r}`,
          anonymous ? '  name: system:unauthenticated' : `  namespace: namespace-${(r + k) % 23}`,
        );
      }
    }
    objects.push(lines);
    size += lines.reduce((n, line) => n + line.length + 1, 0) + 4;
  }
  return objects;
}

function rbacDocuments(bytes: number): BenchFile[] {
  const docs = rbacObjects(bytes).map((lines) => lines.join('\n'));
  return [{ name: '/rbac/objects.yaml', content: `${docs.join('\n---\n')}\n` }];
}

/** The same objects as rbacDocuments(bytes), as the items of one `kind: List` (~10% more bytes: indentation). */
function rbacList(bytes: number): BenchFile[] {
  const items = rbacObjects(bytes).map((lines) => `- ${lines.join('\n  ')}`);
  return [{ name: '/rbac/list.yaml', content: `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n` }];
}

export const SHAPES: Record<string, (bytes: number) => BenchFile[]> = {
  pods: staticPods,
  configz,
  rbac: rbacDocuments,
  list: rbacList,
};
