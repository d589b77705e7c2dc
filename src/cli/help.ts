/** `kube-comms-lint --help`. The API's options come from options.ts, so the help never falls behind. */
import { LIMITS } from '../catalogue/limits';
import { API_OPTIONS } from './options';

const COLUMNS = 100;

export function helpText(): string {
  const options: Array<[string, string]> = [
    [
      '--root DIR',
      'name each file by its path under DIR, as the node sees it: with --root node-1, ' +
        'node-1/etc/kubernetes/kubelet.conf is /etc/kubernetes/kubelet.conf. PATH defaults to DIR. ' +
        'Without --root, each file is named by its path as given.',
    ],
    ...API_OPTIONS.map(({ flag, value, help }): [string, string] => [`--${flag} ${value}`, help]),
    ['-o, --output FILE', 'write the report to FILE instead of standard output'],
    ['-h, --help', 'this help'],
    ['-V, --version', 'the version of the tool and of its ruleset'],
  ];
  const width = Math.max(...options.map(([name]) => name.length));
  const lines = [
    'Usage: kube-comms-lint [--root DIR] [options] PATH...',
    '',
    ...wrap(
      'Lints Kubernetes cluster configuration (static pods, kubelet configs and flags, kubeconfigs, ' +
        'kubeadm and Cluster API configs, egress selector and Konnectivity manifests, RBAC, /configz ' +
        'dumps) for the safety of every control plane <-> node communication path, on this machine: ' +
        'nothing is sent anywhere. It prints the report POST /v1/lint answers for the same files and options.',
    ),
    '',
    ...wrap(
      'PATH is a file, a directory (read recursively) or - for standard input. Files found in a ' +
        'directory are linted when they are named like configuration (*.yaml, *.yml, *.json, *.conf, ' +
        '*.config, *.kubeconfig, *.env, *.service, config, kubeconfig, default/kubelet, sysconfig/kubelet, ' +
        'cmdline); the others are skipped with a note on standard error. A file named as a PATH is ' +
        'always linted.',
    ),
    '',
    'Options:',
    ...options.flatMap(([name, help]) =>
      wrap(help, COLUMNS - width - 4).map((line, i) => `  ${(i === 0 ? name : '').padEnd(width)}  ${line}`),
    ),
    '',
    'Colours (format text) only on a terminal, and never with NO_COLOR set.',
    `Limits, as the API's: ${LIMITS.maxFiles} files, ${LIMITS.maxBodyBytes} bytes in all, ` +
      `${LIMITS.maxDocuments} YAML documents.`,
    '',
    'Exit status:',
    ...[
      '0  the report passed',
      '1  the report failed: a finding at or above --fail-on (low when absent; info findings never ' +
        'fail), or a file that could not be parsed (binary data, a YAML syntax error)',
      '2  nothing was linted, and standard error says why: a usage error, an input over a limit, a ' +
        'path that cannot be read, or no Kubernetes configuration recognized in any file (the reason ' +
        'for each file follows; the API answers 400)',
    ].flatMap((text) => wrap(text, COLUMNS - 5).map((line, i) => `  ${i === 0 ? '' : '   '}${line}`)),
  ];
  return `${lines.join('\n')}\n`;
}

/** Words into lines of at most `columns` characters (a longer word stands alone). */
function wrap(text: string, columns = COLUMNS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}
