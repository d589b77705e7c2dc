/**
 * One flag written in every form a component's flags come in: static pod command and args, kubeadm
 * extraArgs (v1beta3 map, v1beta4 list), k3s and RKE2 *-arg, systemd units, kubelet flags files, /proc
 * command lines and `ps` lines. A startup-failure rule must catch the same flag in each, on its line.
 */
import { staticPod } from './fixtures';

export interface InputForm {
  form: string;
  files: Array<{ name: string; content: string }>;
  /** The file and line where the flag is written. */
  file: string;
  line: number;
}

/** The path a finding on the program counts for (RULES.md "Startup failures"). */
export const pathOf = (program: Program) =>
  program === 'kubelet' ? ('apiserver-to-kubelet' as const) : ('node-to-control-plane' as const);

type Program = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kubelet' | 'kube-proxy';

/** `--name=value` → ['name', 'value']. */
function split(flag: string): [string, string] {
  const [name = '', ...rest] = flag.replace(/^--/, '').split('=');
  return [name, rest.join('=')];
}

function lineOf(content: string, text: string): number {
  const index = content.indexOf(text);
  if (index < 0) throw new Error(`input-forms: ${text} not in the file`);
  return content.slice(0, index).split('\n').length;
}

function form(name: string, file: string, content: string, marker: string): InputForm {
  return { form: name, files: [{ name: file, content }], file, line: lineOf(content, marker) };
}

const KUBEADM_KEYS: Partial<Record<Program, string>> = {
  'kube-apiserver': 'apiServer',
  'kube-controller-manager': 'controllerManager',
  'kube-scheduler': 'scheduler',
};

function kubeadm(program: Program, flag: string, version: string): InputForm[] {
  const [name, value] = split(flag);
  const key = KUBEADM_KEYS[program];
  const head = (api: string) => [
    `apiVersion: kubeadm.k8s.io/${api}`,
    'kind: ClusterConfiguration',
    `kubernetesVersion: v${version}.0`,
  ];
  if (key) {
    const v1beta3 = [...head('v1beta3'), `${key}:`, '  extraArgs:', `    ${name}: "${value}"`, ''].join('\n');
    const v1beta4 = [
      ...head('v1beta4'),
      `${key}:`,
      '  extraArgs:',
      `  - name: ${name}`,
      `    value: "${value}"`,
      '',
    ].join('\n');
    return [
      form('kubeadm v1beta3 extraArgs', '/etc/kubernetes/kubeadm.yaml', v1beta3, `${name}:`),
      form('kubeadm v1beta4 extraArgs', '/etc/kubernetes/kubeadm.yaml', v1beta4, `name: ${name}`),
    ];
  }
  if (program !== 'kubelet') return [];
  const init = [
    'apiVersion: kubeadm.k8s.io/v1beta4',
    'kind: InitConfiguration',
    'nodeRegistration:',
    '  kubeletExtraArgs:',
    `  - name: ${name}`,
    `    value: "${value}"`,
    '',
  ].join('\n');
  return [form('kubeadm kubeletExtraArgs', '/etc/kubernetes/kubeadm.yaml', init, `name: ${name}`)];
}

const K3S_KEYS: Partial<Record<Program, string>> = {
  'kube-apiserver': 'kube-apiserver-arg',
  'kube-controller-manager': 'kube-controller-manager-arg',
  'kube-scheduler': 'kube-scheduler-arg',
  kubelet: 'kubelet-arg',
};

function k3s(program: Program, flag: string): InputForm[] {
  const key = K3S_KEYS[program];
  if (!key) return [];
  const body = flag.replace(/^--/, '');
  const content = ['write-kubeconfig-mode: "0644"', `${key}:`, `  - "${body}"`, ''].join('\n');
  return [
    form('k3s config *-arg', '/etc/rancher/k3s/config.yaml', content, body),
    form('RKE2 config *-arg', '/etc/rancher/rke2/config.yaml', content, body),
  ];
}

function kubeletFiles(flag: string): InputForm[] {
  const unit = [
    '[Service]',
    'Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"',
    `Environment="KUBELET_EXTRA_ARGS=${flag}"`,
    'ExecStart=',
    'ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_EXTRA_ARGS',
    '',
  ].join('\n');
  const env = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock ${flag}"\n`;
  return [
    form('systemd unit', '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', unit, flag),
    form('kubelet flags file', '/var/lib/kubelet/kubeadm-flags.env', env, flag),
  ];
}

/** The binary a process command line starts. */
const BINARY: Record<Program, string> = {
  'kube-apiserver': '/usr/local/bin/kube-apiserver',
  'kube-controller-manager': '/usr/local/bin/kube-controller-manager',
  'kube-scheduler': '/usr/local/bin/kube-scheduler',
  kubelet: '/usr/bin/kubelet',
  'kube-proxy': '/usr/local/bin/kube-proxy',
};

/**
 * The flag `flag` for `program` in every form that program's flags come in, at Kubernetes `version`
 * (the forms that show no version are linted with the kubernetesVersion option).
 */
export function inputForms(program: Program, flag: string, version = '1.31'): InputForm[] {
  const image = `registry.k8s.io/${program}:v${version}.2`;
  const pod = program === 'kubelet' ? [] : [staticPod(program, [flag], image)];
  const args = pod.map((content) => content.replace(`  - command:\n    - ${program}\n`, '  - args:\n'));
  const proc = `${BINARY[program]}\0--v=2\0${flag}\0`;
  return [
    ...pod.map((content) =>
      form('static pod command', `/etc/kubernetes/manifests/${program}.yaml`, content, flag),
    ),
    ...args.map((content) =>
      form('static pod args', `/etc/kubernetes/manifests/${program}.yaml`, content, flag),
    ),
    ...kubeadm(program, flag, version),
    ...k3s(program, flag),
    ...(program === 'kubelet' ? kubeletFiles(flag) : []),
    form('/proc command line', '/proc/1234/cmdline', proc, flag),
    form('ps line', '/tmp/ps.txt', `${BINARY[program]} --v=2 ${flag}\n`, flag),
  ];
}
