/**
 * The node a kubelet runs on, which the findings' locations name: the folder its files were uploaded
 * under, its --hostname-override, else the system:node user of the one kubelet kubeconfig beside it.
 */
import { describe, expect, it } from 'vitest';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { kubeconfig, kubeletConf, kubeletConfig, upload } from '../../../src/rules/support/examples';
import { ingestAll } from '../../support/ingest';

const nodesOf = (files: ReturnType<typeof upload>['files']) =>
  buildClusterModel(ingestAll(files), { network: 'untrusted', kubernetesVersion: null }).kubelets.map(
    (kubelet) => kubelet.node,
  );

describe("a kubelet's node name", () => {
  it("is the kubeconfig's system:node user when the upload has one kubelet kubeconfig", () => {
    expect(nodesOf(upload(kubeletConfig(), kubeletConf({ user: 'system:node:worker-7' })).files)).toEqual([
      'worker-7',
    ]);
  });

  it('is unknown with two kubelet kubeconfigs to choose from, or none', () => {
    const second = kubeconfig(
      '/etc/kubernetes/kubelet-b.conf',
      ['server: https://10.0.0.10:6443'],
      'system:node:worker-8',
      [],
    );
    expect(
      nodesOf(upload(kubeletConfig(), kubeletConf({ user: 'system:node:worker-7' }), second).files),
    ).toEqual([null]);
    expect(nodesOf(upload(kubeletConfig()).files)).toEqual([null]);
  });

  it("is the folder's name for files uploaded under a node's folder", () => {
    const config = kubeletConfig();
    expect(
      nodesOf([{ ...config, name: `/worker-3${config.name}` }, kubeletConf({ user: 'system:node:x' })]),
    ).toEqual(['worker-3']);
  });
});
