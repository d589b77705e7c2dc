import { describe, expect, it } from 'vitest';
import { ingestFile as ingestWithBudget, type Upload } from '../../../src/ingest';
import { Budget } from '../../../src/ingest/budget';

const ingestFile = (upload: Upload) => ingestWithBudget(upload, new Budget());
import { apiserverPod, kubeconfig, kubeletConfig } from '../../support/fixtures';

const kinds = (name: string, content: string) =>
  ingestFile({ name, content }).documents.map((d) => ({
    kind: d.kind,
    component: d.component,
    role: d.role,
    recognized: d.recognized,
  }));

describe('classification of every document', () => {
  it('recognizes control-plane static pods from command, args or image', () => {
    expect(kinds('a.yaml', apiserverPod([]))).toEqual([
      { kind: 'Pod', component: 'kube-apiserver', role: null, recognized: true },
    ]);
    const argsOnly =
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: c\n    image: registry.k8s.io/kube-scheduler:v1.31.0\n    args: ["--bind-address=127.0.0.1"]\n';
    expect(kinds('s.yaml', argsOnly)[0]?.component).toBe('kube-scheduler');
    const konnectivity =
      'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: konnectivity-agent\n        image: registry.k8s.io/kas-network-proxy/proxy-agent:v0.0.37\n        command: ["/proxy-agent"]\n';
    expect(kinds('k.yaml', konnectivity)[0]?.component).toBe('konnectivity-agent');
  });

  it('reads the kubeconfig role from the file name, then the user', () => {
    const cluster = 'server: https://10.0.0.1:6443';
    expect(
      kinds(
        '/etc/kubernetes/bootstrap-kubelet.conf',
        kubeconfig(cluster, 'token: abcdef.0123456789abcdef', 'tls-bootstrap-token-user'),
      )[0]?.role,
    ).toBe('kubelet-bootstrap');
    expect(kinds('/etc/kubernetes/scheduler.conf', kubeconfig(cluster, 'token: x', 'anyone'))[0]?.role).toBe(
      'scheduler',
    );
    expect(
      kinds(
        'my.kubeconfig',
        kubeconfig(cluster, 'client-certificate: c', 'system:kube-controller-manager'),
      )[0]?.role,
    ).toBe('controller-manager');
    expect(kinds('node.conf', kubeconfig(cluster, 'client-certificate: c', 'system:node:n1'))[0]?.role).toBe(
      'kubelet',
    );
  });

  it('expands a v1 List and a kubectl get -o yaml dump with status and managedFields', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: rbac.authorization.k8s.io/v1',
      '  kind: ClusterRole',
      '  metadata: {name: r, managedFields: [{manager: kubectl}]}',
      '  rules: []',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: c}',
      '',
    ].join('\n');
    const docs = ingestFile({ name: 'list.yaml', content: list }).documents;
    expect(docs.map((d) => [d.pointer, d.kind, d.recognized])).toEqual([
      ['/items/0', 'ClusterRole', true],
      ['/items/1', 'ConfigMap', false],
    ]);
    expect(docs[0]?.line).toBe(4);
  });

  it('recognizes KubeletConfiguration and /configz dumps', () => {
    expect(kinds('c.yaml', kubeletConfig())[0]).toMatchObject({
      kind: 'KubeletConfiguration',
      component: 'kubelet',
    });
    expect(kinds('configz.json', '{"kubeletconfig": {"port": 10250}}')[0]).toMatchObject({
      kind: 'KubeletConfiguration',
      recognized: true,
    });
  });

  it('lists unknown documents as unrecognized with a note, never as errors', () => {
    const file = ingestFile({
      name: 'x.yaml',
      content: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n',
    });
    expect(file.errors).toEqual([]);
    expect(file.documents[0]).toMatchObject({ kind: 'Secret', recognized: false });
    expect(file.documents[0]?.note).toBeTruthy();
  });

  it('reads command lines and kubelet flags files', () => {
    expect(
      kinds(
        'ps.txt',
        '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\n/usr/local/bin/kube-apiserver --secure-port=6443\n',
      ),
    ).toEqual([
      { kind: 'CommandLine', component: 'kubelet', role: null, recognized: true },
      { kind: 'CommandLine', component: 'kube-apiserver', role: null, recognized: true },
    ]);
    expect(kinds('kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--node-ip=10.0.0.2"\n')[0]?.kind).toBe(
      'KubeletFlagsFile',
    );
  });
});
