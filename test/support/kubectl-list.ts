/**
 * `kubectl get pods -A -o yaml` (and `-o json`) as kubectl prints it for a kubeadm cluster: a `kind: List`
 * of mirror pods of the API server and DaemonSet pods of kube-proxy, keys sorted, status and all. Built at
 * test time to any size, so the limits can be shown to accept real dumps up to the body limit.
 */

/** One item: every nth pod is an API server's mirror pod, the others kube-proxy pods. */
function pod(n: number): Record<string, unknown> {
  const node = `worker-${String(n).padStart(4, '0')}`;
  const uid = `${(0x1000_0000 + n * 7919).toString(16)}-4b2d-4c1e-9a7f-${(0x1_0000_0000 + n).toString(16).padStart(12, '0')}`;
  const started = '2024-11-05T09:14:27Z';
  const status = {
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
      (type) => ({ lastProbeTime: null, lastTransitionTime: started, status: 'True', type }),
    ),
    hostIP: `10.0.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`,
    hostIPs: [{ ip: `10.0.${Math.floor(n / 250) % 250}.${(n % 250) + 2}` }],
    phase: 'Running',
    qosClass: n % 10 === 0 ? 'Burstable' : 'BestEffort',
    startTime: started,
  };
  if (n % 10 === 0) {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        annotations: {
          'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${status.hostIP}:6443`,
          'kubernetes.io/config.hash': uid.replace(/-/g, '').slice(0, 32),
          'kubernetes.io/config.mirror': uid.replace(/-/g, '').slice(0, 32),
          'kubernetes.io/config.seen': '2024-11-05T09:14:20.112233445Z',
          'kubernetes.io/config.source': 'file',
        },
        creationTimestamp: started,
        labels: { component: 'kube-apiserver', tier: 'control-plane' },
        name: `kube-apiserver-${node}`,
        namespace: 'kube-system',
        ownerReferences: [
          { apiVersion: 'v1', controller: true, kind: 'Node', name: node, uid: uid.replace(/^./, 'a') },
        ],
        resourceVersion: String(400 + n),
        uid,
      },
      spec: {
        containers: [
          {
            command: [
              'kube-apiserver',
              `--advertise-address=${status.hostIP}`,
              '--allow-privileged=true',
              '--authorization-mode=Node,RBAC',
              '--client-ca-file=/etc/kubernetes/pki/ca.crt',
              '--enable-admission-plugins=NodeRestriction',
              '--enable-bootstrap-token-auth=true',
              '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
              '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
              '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
              '--etcd-servers=https://127.0.0.1:2379',
              '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
              '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
              '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
              '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
              '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
              '--requestheader-allowed-names=front-proxy-client',
              '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
              '--requestheader-extra-headers-prefix=X-Remote-Extra-',
              '--requestheader-group-headers=X-Remote-Group',
              '--requestheader-username-headers=X-Remote-User',
              '--secure-port=6443',
              '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
              '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
              '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
              '--service-cluster-ip-range=10.96.0.0/12',
              '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
              '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
            ],
            image: 'registry.k8s.io/kube-apiserver:v1.31.2',
            imagePullPolicy: 'IfNotPresent',
            livenessProbe: {
              failureThreshold: 8,
              httpGet: { host: status.hostIP, path: '/livez', port: 6443, scheme: 'HTTPS' },
              initialDelaySeconds: 10,
              periodSeconds: 10,
              successThreshold: 1,
              timeoutSeconds: 15,
            },
            name: 'kube-apiserver',
            resources: { requests: { cpu: '250m' } },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: ['ca-certs', 'etc-ca-certificates', 'k8s-certs', 'usr-share-ca-certificates'].map(
              (name) => ({ mountPath: `/etc/${name}`, name, readOnly: true }),
            ),
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        hostNetwork: true,
        nodeName: node,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 2000001000,
        priorityClassName: 'system-node-critical',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        terminationGracePeriodSeconds: 30,
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        volumes: ['ca-certs', 'etc-ca-certificates', 'k8s-certs', 'usr-share-ca-certificates'].map(
          (name) => ({
            hostPath: { path: `/etc/${name}`, type: 'DirectoryOrCreate' },
            name,
          }),
        ),
      },
      status,
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: started,
      generateName: 'kube-proxy-',
      labels: {
        'controller-revision-hash': '7d5b8c9f4d',
        'k8s-app': 'kube-proxy',
        'pod-template-generation': '1',
      },
      name: `kube-proxy-${uid.slice(0, 5)}`,
      namespace: 'kube-system',
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'DaemonSet',
          name: 'kube-proxy',
          uid: '5f0c7a51-8e0b-4a3e-b1f4-2c9d6e7a8b90',
        },
      ],
      resourceVersion: String(400 + n),
      uid,
    },
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
          },
        },
      },
      containers: [
        {
          command: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            '--hostname-override=$(NODE_NAME)',
          ],
          env: [
            { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
          ],
          image: 'registry.k8s.io/kube-proxy:v1.31.2',
          imagePullPolicy: 'IfNotPresent',
          name: 'kube-proxy',
          resources: {},
          securityContext: { privileged: true },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
            { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
            { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
            {
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              name: `kube-api-access-${uid.slice(0, 5)}`,
              readOnly: true,
            },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostNetwork: true,
      nodeName: node,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'kube-proxy',
      serviceAccountName: 'kube-proxy',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { operator: 'Exists' },
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
      ],
      volumes: [
        { configMap: { defaultMode: 420, name: 'kube-proxy' }, name: 'kube-proxy' },
        { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
        { hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' },
      ],
    },
    status: {
      ...status,
      containerStatuses: [
        {
          containerID: `containerd://${uid.replace(/-/g, '')}${uid.replace(/-/g, '')}`.slice(0, 77),
          image: 'registry.k8s.io/kube-proxy:v1.31.2',
          imageID:
            'registry.k8s.io/kube-proxy@sha256:22535649599e9f22b1b857afcbd9a8b36be238b2b3ea68e47f60bedcea48cd3b',
          lastState: {},
          name: 'kube-proxy',
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: started } },
        },
      ],
      podIP: status.hostIP,
      podIPs: [{ ip: status.hostIP }],
    },
  };
}

/** YAML as kubectl (sigs.k8s.io/yaml) prints it: block style, two-space indent, `- ` items not indented. */
function toYaml(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []\n';
    return `\n${value.map((item) => `${indent}-${toYaml(item, `${indent}  `).replace(/^\n\s*/, ' ')}`).join('')}`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}\n';
    return `\n${entries.map(([key, item]) => `${indent}${key}:${toYaml(item, Array.isArray(item) ? indent : `${indent}  `)}`).join('')}`;
  }
  if (typeof value === 'string') {
    const plain =
      /^[A-Za-z/][\w./:=,$()-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
    return ` ${plain ? value : JSON.stringify(value)}\n`;
  }
  return ` ${String(value)}\n`;
}

/** A List of at least `bytes` bytes (and as few items as that takes), as `kubectl get pods -A -o yaml|json`. */
export function kubectlPodList(bytes: number, format: 'yaml' | 'json' = 'yaml'): string {
  const items: Array<Record<string, unknown>> = [];
  const wrap = () => ({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
  let size = 0;
  while (size < bytes) {
    const item = pod(items.length);
    items.push(item);
    // In the JSON List every line of an item is indented by two more levels (8 spaces).
    const json = () => JSON.stringify(item, null, 4);
    size += format === 'json' ? json().length + 8 * json().split('\n').length + 2 : toYaml(item, '  ').length;
  }
  return format === 'json' ? `${JSON.stringify(wrap(), null, 4)}\n` : toYaml(wrap(), '').replace(/^\n/, '');
}
