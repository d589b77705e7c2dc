/**
 * k3s and RKE2 `config.yaml` (and `config.yaml.d/*.yaml` drop-ins): the flags their embedded components
 * get through `kube-apiserver-arg`, `kube-controller-manager-arg`, `kube-scheduler-arg` and
 * `kubelet-arg` (values without the leading `--`), and the tunnels `egress-selector-mode` sets up.
 *
 * Files apply in order (config.yaml, then drop-ins by name); a key replaces the earlier value, `key+`
 * appends to it (k8s-facts §8). k3s and RKE2 pass flags of their own beyond these, which a config file
 * does not show: a component built from one is `partial`, so an absent flag is not judged from it.
 */
import type { Classified } from '../ingest/classify';
import type { ArgWord, CommandLine } from '../ingest/command-line';
import type { Component } from '../ingest/components';
import type { Budget } from '../ingest/budget';
import type { SourceDocument } from '../ingest/source-document';
import type { Location } from '../schemas/common';
import type { ControlPlaneComponent } from './control-plane';
import { parseFlags } from './flags';
import { nodeKeyOf } from './referenced-file';
import { own } from '../security/own-property';
import { groupBy } from './group-by';

export type Distribution = 'k3s' | 'rke2';

/** What the distribution's own tunnels carry for each `egress-selector-mode` (k3s docs, basic network options). */
export const EGRESS_MODES: Record<string, { kubelet: boolean; podsAndServices: boolean }> = {
  disabled: { kubelet: false, podsAndServices: false },
  agent: { kubelet: true, podsAndServices: false },
  pod: { kubelet: true, podsAndServices: true },
  cluster: { kubelet: true, podsAndServices: true },
};

export interface DistributionTunnel {
  distribution: Distribution;
  mode: string;
  location: Location;
  kubelet: boolean;
  podsAndServices: boolean;
}

const ARG_KEYS: Array<[string, Component]> = [
  ['kube-apiserver-arg', 'kube-apiserver'],
  ['kube-controller-manager-arg', 'kube-controller-manager'],
  ['kube-scheduler-arg', 'kube-scheduler'],
  ['kubelet-arg', 'kubelet'],
];

/** Keys only a server's config has: it runs the control plane. */
const SERVER_KEYS =
  /^(kube-apiserver-arg|kube-controller-manager-arg|kube-scheduler-arg|egress-selector-mode|cluster-init|cluster-cidr|service-cidr|tls-san|datastore-endpoint|disable|etcd-.*|secrets-encryption|write-kubeconfig-mode)\+?$/;

export function distributionOf(file: string): Distribution {
  return file.includes('/rancher/rke2/') ? 'rke2' : 'k3s';
}

export interface DistributionResult {
  components: ControlPlaneComponent[];
  kubeletFlags: CommandLine[];
}

export function fromDistributionConfigs(items: readonly Classified[], budget: Budget): DistributionResult {
  const result: DistributionResult = { components: [], kubeletFlags: [] };
  const documents = items.map((item) => item.doc);
  const groups = groupBy(documents, (doc) => `${distributionOf(doc.file)}:${nodeKeyOf(doc.file)}`);
  for (const docs of groups.values()) {
    const ordered = [...docs].sort((a, b) => order(a.file).localeCompare(order(b.file)));
    const distribution = distributionOf(ordered[0]?.file ?? '');
    const isServer = ordered.some((doc) => Object.keys(doc.value).some((key) => SERVER_KEYS.test(key)));
    const last = ordered.at(-1);
    if (!last) continue;
    for (const [key, component] of ARG_KEYS) {
      if (component !== 'kubelet' && !isServer) continue;
      const words = mergedArgs(ordered, key);
      const where = words.at(-1)?.location ?? last.at('', true);
      const insertAt: Location = { ...where, default: true };
      if (component === 'kubelet') {
        // The distribution starts the kubelet with flags of its own: these only add to them.
        result.kubeletFlags.push({
          file: last.file,
          kind: 'DistributionConfig',
          component,
          args: words,
          complete: false,
          insertAt,
          line: insertAt.line,
        });
        continue;
      }
      const tunnel = component === 'kube-apiserver' ? egressMode(ordered, last, distribution) : undefined;
      result.components.push({
        component,
        file: last.file,
        flags: parseFlags(words, insertAt, budget),
        nodeKey: nodeKeyOf(last.file),
        name: `${component} (from ${distribution} ${ordered.map((doc) => doc.file).join(', ')})`,
        partial: `${distribution} passes ${component} flags of its own that ${key} does not show; upload the ${component} command line (ps -o args= on the server) to judge flags that are not set`,
        ...(tunnel ? { tunnel } : {}),
      });
    }
  }
  return result;
}

/** config.yaml first, then its drop-ins in name order. */
function order(file: string): string {
  return file.includes('config.yaml.d/') ? `1${file}` : `0${file}`;
}

function mergedArgs(docs: readonly SourceDocument[], key: string): ArgWord[] {
  let words: ArgWord[] = [];
  for (const doc of docs) {
    for (const suffix of ['', '+']) {
      const value = doc.get(`/${key}${suffix}`);
      if (value === undefined) continue;
      const list = (Array.isArray(value) ? value : [value]).map((item, i) => ({
        text: `--${String(item).replace(/^--/, '')}`,
        location: doc.at(Array.isArray(value) ? `/${key}${suffix}/${i}` : `/${key}${suffix}`),
      }));
      words = suffix === '+' ? [...words, ...list] : list;
    }
  }
  return words;
}

function egressMode(
  docs: readonly SourceDocument[],
  last: SourceDocument,
  distribution: Distribution,
): DistributionTunnel {
  let mode = 'agent';
  let location: Location = last.at('', true);
  for (const doc of docs) {
    const value = doc.get('/egress-selector-mode');
    if (typeof value === 'string') {
      mode = value;
      location = doc.at('/egress-selector-mode');
    }
  }
  const carries = own(EGRESS_MODES, mode) ?? { kubelet: false, podsAndServices: false };
  return { distribution, mode, location, ...carries };
}
