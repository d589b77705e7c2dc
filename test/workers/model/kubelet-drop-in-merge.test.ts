/**
 * What each kubelet reads from its node's `--config-dir` drop-ins: every config file of the node gets
 * the same drop-ins, applied in file-name order field by field over its own file (and feature gates
 * gate by gate), and one node's drop-ins are not another's.
 */
import { describe, expect, it } from 'vitest';
import { buildClusterModel } from '../../../src/model/cluster-model';
import type { Kubelet } from '../../../src/model/kubelet';
import { KUBELET_CONFIG_PATH, kubeletConfig } from '../../support/fixtures';
import { ingestAll } from '../../support/ingest';

const DIR = '/var/lib/kubelet/config.conf.d';

const kubeletsOf = (files: Array<{ name: string; content: string }>): Kubelet[] =>
  buildClusterModel(ingestAll(files), { network: 'untrusted', kubernetesVersion: null }).kubelets;

/** A setting's value and the file and line it comes from. */
const setting = (kubelet: Kubelet, name: Parameters<Kubelet['setting']>[0]) => {
  const valued = kubelet.setting(name);
  return valued && { value: valued.value, source: valued.source, file: valued.location.file };
};
const gate = (kubelet: Kubelet, name: string) => {
  const valued = kubelet.featureGate(name, false);
  return valued && { value: valued.value, source: valued.source, file: valued.location.file };
};

describe('kubelet drop-ins merged over each config file', () => {
  // Two config files on one node (two documents of one file) and three drop-ins, uploaded out of order.
  const files = [
    {
      name: KUBELET_CONFIG_PATH,
      content: [
        kubeletConfig('clusterDomain: one.local\nreadOnlyPort: 10255\nfeatureGates: {A: false, C: true}\n'),
        kubeletConfig('clusterDomain: two.local\n'),
      ].join('---\n'),
    },
    {
      name: `${DIR}/20-b.conf`,
      content: kubeletConfig(
        'readOnlyPort: 2\nstreamingConnectionIdleTimeout: 0s\nfeatureGates: {B: false}\n',
      ),
    },
    {
      name: `${DIR}/10-a.conf`,
      content: kubeletConfig(
        'readOnlyPort: 1\nstreamingConnectionIdleTimeout: 5m\nfeatureGates: {A: true, B: true}\n',
      ),
    },
    { name: `${DIR}/05-c.conf`, content: kubeletConfig('readOnlyPort: 0\nserverTLSBootstrap: true\n') },
    // Another node's config file and drop-in, read by its kubelet only.
    { name: `/worker-2${KUBELET_CONFIG_PATH}`, content: kubeletConfig('readOnlyPort: 7\n') },
    {
      name: `/worker-2${DIR}/30-w.conf`,
      content: kubeletConfig('clusterDomain: w.local\nfeatureGates: {B: true}\n'),
    },
  ];

  it('give every config file of the node the same drop-ins, the last one setting a field winning', () => {
    const kubelets = kubeletsOf(files).filter((kubelet) => kubelet.node === null);
    expect(kubelets).toHaveLength(2);
    for (const kubelet of kubelets) {
      expect(setting(kubelet, 'readOnlyPort')).toEqual({
        value: 2,
        source: 'config',
        file: `${DIR}/20-b.conf`,
      });
      // A zero duration in a drop-in reads as unset: the earlier drop-in's value stands.
      expect(setting(kubelet, 'streamingConnectionIdleTimeout')).toEqual({
        value: '5m',
        source: 'config',
        file: `${DIR}/10-a.conf`,
      });
      expect(setting(kubelet, 'serverTLSBootstrap')).toEqual({
        value: true,
        source: 'config',
        file: `${DIR}/05-c.conf`,
      });
      expect(kubelet.setting('readOnlyPort')?.describe).toContain(`(drop-in ${DIR}/20-b.conf)`);
      expect(gate(kubelet, 'A')).toEqual({ value: true, source: 'config', file: `${DIR}/10-a.conf` });
      expect(gate(kubelet, 'B')).toEqual({ value: false, source: 'config', file: `${DIR}/20-b.conf` });
    }
    const [one, two] = kubelets as [Kubelet, Kubelet];
    // What no drop-in sets comes from each kubelet's own file, or is the default there.
    expect(setting(one, 'clusterDomain')).toEqual({
      value: 'one.local',
      source: 'config',
      file: KUBELET_CONFIG_PATH,
    });
    expect(setting(two, 'clusterDomain')).toEqual({
      value: 'two.local',
      source: 'config',
      file: KUBELET_CONFIG_PATH,
    });
    expect(gate(one, 'C')).toEqual({ value: true, source: 'config', file: KUBELET_CONFIG_PATH });
    expect(gate(two, 'C')).toEqual({ value: false, source: 'default', file: KUBELET_CONFIG_PATH });
  });

  it("keep another node's drop-ins apart", () => {
    const worker = kubeletsOf(files).find((kubelet) => kubelet.node === 'worker-2');
    expect(worker).toBeDefined();
    const kubelet = worker!;
    expect(setting(kubelet, 'readOnlyPort')).toEqual({
      value: 7,
      source: 'config',
      file: `/worker-2${KUBELET_CONFIG_PATH}`,
    });
    expect(setting(kubelet, 'clusterDomain')).toEqual({
      value: 'w.local',
      source: 'config',
      file: `/worker-2${DIR}/30-w.conf`,
    });
    expect(setting(kubelet, 'serverTLSBootstrap')?.source).toBe('default');
    expect(gate(kubelet, 'A')).toEqual({
      value: false,
      source: 'default',
      file: `/worker-2${KUBELET_CONFIG_PATH}`,
    });
    expect(gate(kubelet, 'B')).toEqual({ value: true, source: 'config', file: `/worker-2${DIR}/30-w.conf` });
  });
});
