/**
 * Puts each node's kubelet together from what was uploaded for it: config files or /configz dumps,
 * flags files and command lines. Files belong to the same node when the part of their name before the
 * node's root directories is the same (`worker-1/var/lib/kubelet/config.yaml`), and flags bind to the
 * config file they name by path.
 *
 * Whether the kubelet runs with `--config` decides its defaults, so it is never guessed: a whole
 * command line says so; a flags file only adds flags; an uploaded KubeletConfiguration means the
 * kubelet runs with it unless a whole command line for that node says otherwise.
 */
import { uploadedCertificate } from '../ingest/certificate';
import type { Classified } from '../ingest/classify';
import type { Budget } from '../ingest/budget';
import type { CommandLine } from '../ingest/command-line';
import type { PemContent } from '../ingest/pem';
import type { SourceDocument } from '../ingest/source-document';
import { FlagSet, parseFlags } from './flags';
import {
  Kubelet,
  certDirOf,
  type CertDirCertificate,
  type KubeletConfigSource,
  type KubeletDefaults,
} from './kubelet';
import { MICROK8S_KUBELET_CERTIFICATE } from './microk8s';
import type { Kubeconfig } from './kubeconfig';
import { findReferencedFile, nodeKeyOf } from './referenced-file';

interface ConfigCandidate {
  file: string;
  item: Classified;
}

/** An uploaded PEM file with certificates; read only when it is a kubelet's <cert-dir>/kubelet.crt. */
export interface UploadedCertificateFile {
  name: string;
  pem: PemContent;
}

export interface KubeletInputs {
  /** Every uploaded PEM certificate file: the kubelet's <cert-dir>/kubelet.crt may be one. */
  certificates?: readonly UploadedCertificateFile[];
  /** What the tool that wrote a config file fills in (kubeadm's kubelet defaults). */
  defaults?: ReadonlyMap<Classified, KubeletDefaults>;
  /** The request's budget, which the command lines' words are charged to. */
  budget: Budget;
}

export function buildKubelets(
  configs: readonly Classified[],
  commandLines: readonly CommandLine[],
  kubeconfigs: readonly Kubeconfig[],
  { certificates = [], defaults = new Map(), budget }: KubeletInputs,
): Kubelet[] {
  const groups = new Map<string, { configs: ConfigCandidate[]; commands: CommandLine[] }>();
  const group = (key: string) => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { configs: [], commands: [] }));
    return found;
  };
  for (const item of configs)
    group(item.group?.node ?? nodeKeyOf(item.doc.file)).configs.push({
      file: item.doc.writtenAt ?? item.doc.file,
      item,
    });
  for (const command of commandLines) group(command.node ?? nodeKeyOf(command.file)).commands.push(command);

  const allConfigs = configs.map((item) => ({ file: item.doc.writtenAt ?? item.doc.file, item }));
  // The kubelet kubeconfigs outside any node's folder, which name a kubelet there: found once, when a
  // kubelet first needs them (an upload may hold thousands of kubelets and kubeconfigs).
  let atRoot: readonly Kubeconfig[] | undefined;
  const rootKubeconfigs = () =>
    (atRoot ??= kubeconfigs.filter((k) => k.role === 'kubelet' && nodeKeyOf(k.file) === ''));
  const kubelets: Kubelet[] = [];
  for (const [key, { configs: all, commands }] of groups) {
    const bound = new Set<Classified>();
    const dropIns = dropInsOf(all, commands, budget);
    const isDropIn = new Set(dropIns);
    const local = all.filter((candidate) => !isDropIn.has(candidate));
    // One list for all the node's config files: Kubelet looks up what it sets once per list.
    const dropInDocs = dropIns.map((candidate) => candidate.item.doc);
    const configSource = (item: Classified) => sourceOf(item, dropInDocs, defaults.get(item));
    const partial = commands.filter((command) => !command.complete);
    const complete = commands.filter((command) => command.complete);
    const partialFlags = partial.map((command) => parseFlags(command.args, command.insertAt, budget));
    const runs = complete.length > 0 ? complete.map((command) => [command]) : partial.length > 0 ? [[]] : [];
    for (const run of runs) {
      // A whole command line already holds what units and flags files passed to the process: only
      // without one do those partial sources make up the flags.
      const sources = run.length > 0 ? run : partial;
      const flags = (
        run.length > 0
          ? run.map((command) => parseFlags(command.args, command.insertAt, budget))
          : partialFlags
      ).reduce((a, b) => a.concat(b));
      const configFlag = flags.get('config');
      const hidden = [...new Set(sources.flatMap((c) => (c.hidden ? [c.hidden] : [])))].join('; ');
      let config: KubeletConfigSource;
      if (configFlag) {
        const carried = run.find((command) => command.config)?.config;
        // An uploaded file at the path wins over the one the starting tool would write (kubeadm's).
        const written = sources.find((command) => command.writes)?.writes;
        const target = carried
          ? { file: carried.doc.file, item: carried }
          : (atPath(configFlag.value, local) ??
            (written ? { file: written.doc.file, item: written } : undefined) ??
            findReferencedFile(configFlag.value, local) ??
            findReferencedFile(configFlag.value, allConfigs));
        if (target) bound.add(target.item);
        config = target
          ? configSource(target.item)
          : { mode: 'unknown', reason: `the kubelet's --config file ${configFlag.value} was not uploaded` };
      } else if (run.length > 0 && hidden) {
        config = { mode: 'unknown', reason: `whether the kubelet runs with --config is unknown: ${hidden}` };
      } else if (run.length > 0) {
        config = { mode: 'flags-only' };
        local.forEach((candidate) => bound.add(candidate.item)); // not read by a kubelet without --config
      } else {
        const unbound = local.filter((candidate) => !bound.has(candidate.item));
        const only = unbound.length === 1 ? unbound[0] : undefined;
        if (only) bound.add(only.item);
        config = only
          ? configSource(only.item)
          : {
              mode: 'unknown',
              reason: `only kubelet flags (${partial.map((c) => c.file).join(', ')}) were uploaded: upload the kubelet config file or its full command line to know whether it runs with --config`,
            };
      }
      const files = [
        ...sources.flatMap((c) => c.sources ?? [c.file]),
        ...(config.mode === 'config' ? [config.doc.file, ...config.dropIns.map((doc) => doc.file)] : []),
      ];
      const certificate = certDirCertificate(key, flags, sources, certificates);
      kubelets.push(
        new Kubelet(nodeName(key, flags, rootKubeconfigs), flags, config, [...new Set(files)], {
          ...(hidden ? { hidden } : {}),
          ...(certificate ? { certDirCertificate: certificate } : {}),
        }),
      );
    }
    // With the node's whole command line known, other config files there are not read by its kubelet.
    if (complete.length > 0) all.forEach((candidate) => bound.add(candidate.item));
    for (const candidate of local) {
      if (bound.has(candidate.item)) continue;
      const flags = new FlagSet([], candidate.item.doc.at('', true));
      kubelets.push(
        new Kubelet(nodeName(key, flags, rootKubeconfigs), flags, configSource(candidate.item), [
          candidate.file,
        ]),
      );
    }
  }
  return disambiguate(kubelets);
}

/** `<cert-dir>/kubelet.crt`, when the upload shows it on this node or the distribution writes it there. */
function certDirCertificate(
  key: string,
  flags: FlagSet,
  sources: readonly CommandLine[],
  certificates: readonly UploadedCertificateFile[],
): CertDirCertificate | undefined {
  const path = `${certDirOf({ flags })}/kubelet.crt`;
  const relative = path.replace(/^\/+/, '');
  const location = flags.get('cert-dir')?.location ?? { ...flags.insertAt, default: true };
  // The kubelet wrote a self-signed one there itself when none existed: only its content tells.
  for (const { name, pem } of certificates) {
    if (nodeKeyOf(name) !== key || !name.replace(/^\/+/, '').endsWith(relative)) continue;
    const uploaded = uploadedCertificate(pem);
    if (!uploaded) continue; // not readable: as if not uploaded
    return uploaded.selfSigned
      ? undefined
      : { path, reason: `was uploaded (${name}) and is not self-signed`, location };
  }
  if (sources.some((c) => c.layout === 'microk8s'))
    return { path, reason: MICROK8S_KUBELET_CERTIFICATE, location };
  return undefined;
}

function sourceOf(
  item: Classified,
  dropIns: readonly SourceDocument[],
  defaults: KubeletDefaults | undefined,
): KubeletConfigSource {
  return item.live
    ? { mode: 'config', doc: item.doc, base: '/kubeletconfig', live: true, dropIns: [] }
    : {
        mode: 'config',
        doc: item.doc,
        base: '',
        live: false,
        dropIns,
        ...(defaults ? { defaults } : {}),
      };
}

/** The config file uploaded at exactly that path (or a path ending in it), if any. */
function atPath(path: string, candidates: readonly ConfigCandidate[]): ConfigCandidate | undefined {
  const wanted = path.replace(/^\/+/, '');
  return candidates.find((c) => c.file === path || c.file.replace(/^\/+/, '').endsWith(wanted));
}

/**
 * `--config-dir` drop-ins: the `*.conf` files in the directory the flag names, or, with no whole command
 * line to say otherwise, in a `*.conf.d` directory. Sorted by name, the order the kubelet applies them.
 */
function dropInsOf(
  configs: readonly ConfigCandidate[],
  commands: readonly CommandLine[],
  budget: Budget,
): ConfigCandidate[] {
  const named = commands.flatMap((command) =>
    parseFlags(command.args, command.insertAt, budget).list('config-dir'),
  );
  const dirs = named.map((flag) => `${flag.value.replace(/\/+$/, '')}/`);
  const guess = dirs.length === 0 && !commands.some((command) => command.complete);
  return configs
    .filter(
      ({ file }) =>
        file.endsWith('.conf') &&
        (dirs.some((dir) => file.includes(dir)) || (guess && /\.conf\.d\/[^/]+$/.test(file))),
    )
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The node's name: the folder its files were uploaded under, the kubelet's hostname flag, or its kubeconfig user. */
function nodeName(key: string, flags: FlagSet, rootKubeconfigs: () => readonly Kubeconfig[]): string | null {
  if (key) return key.split('/').pop() ?? key;
  const hostname = flags.get('hostname-override')?.value;
  if (hostname) return hostname;
  const kubeletConfigs = rootKubeconfigs();
  const user =
    kubeletConfigs.length === 1
      ? kubeletConfigs[0]?.users.find((u) => u.name.startsWith('system:node:'))
      : undefined;
  return user ? user.name.slice('system:node:'.length) : null;
}

/** Two kubelets must not read as one: drop a shared node name so their files tell them apart. */
function disambiguate(kubelets: Kubelet[]): Kubelet[] {
  const counts = new Map<string, number>();
  for (const k of kubelets) if (k.node) counts.set(k.node, (counts.get(k.node) ?? 0) + 1);
  return kubelets.map((k) =>
    k.node && (counts.get(k.node) ?? 0) > 1 ? new Kubelet(null, k.flags, k.config, k.files, k.options) : k,
  );
}
