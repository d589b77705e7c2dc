import rule from '../../../../src/rules/startup-failures/deprecated-flag';
import {
  KUBELET_CONFIG_PATH,
  apiserverPod,
  kubeletCommandLine,
  kubeletConfig,
  manifestPath,
  staticPod,
} from '../../../support/fixtures';
import { inputForms, pathOf } from '../../../support/input-forms';
import { ruleTester, type InvalidCase } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const image = (v: string) => `registry.k8s.io/kube-apiserver:v${v}`;
const kubelet = (flags: string[], version: string) => ({
  files: [
    { name: '/proc/1/cmdline', content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`, ...flags]) },
    { name: KUBELET_CONFIG_PATH, content: kubeletConfig() },
  ],
  options: { kubernetesVersion: version },
});

const everyForm = (program: Parameters<typeof inputForms>[0], flag: string, says: string[]): InvalidCase[] =>
  inputForms(program, flag).map(({ form, files, file: at, line }) => ({
    name: `${program} ${flag} in a ${form}`,
    files,
    options: { kubernetesVersion: '1.31' },
    findings: [{ file: at, line, path: pathOf(program), messageIncludes: says }],
  }));

ruleTester(rule, {
  valid: [
    { name: 'no deprecated flag', files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }] },
    {
      name: '--cloud-provider on 1.28, before its deprecation',
      files: [{ name: file, content: apiserverPod(['--cloud-provider=external'], image('1.28.9')) }],
    },
    {
      name: 'kubelet --container-runtime-endpoint on 1.26, before it became a config-file field',
      ...kubelet(['--container-runtime-endpoint=unix:///run/containerd/containerd.sock'], '1.26'),
    },
  ],
  invalid: [
    ...everyForm('kube-apiserver', '--apiserver-count=3', [
      'deprecated since 1.24',
      'apiserver-count is deprecated and will be removed',
    ]),
    {
      name: '--cloud-provider on 1.29: deprecated, removed in 1.33',
      files: [{ name: file, content: apiserverPod(['--cloud-provider=external'], image('1.29.4')) }],
      findings: [{ line: 10, messageIncludes: ['deprecated since 1.29', 'It is removed in 1.33'] }],
    },
    {
      name: 'kubelet --container-runtime-endpoint on 1.27, a config-file field from then',
      ...kubelet(['--container-runtime-endpoint=unix:///run/containerd/containerd.sock'], '1.27'),
      findings: [
        {
          path: 'apiserver-to-kubelet',
          messageIncludes: '--container-runtime-endpoint → containerRuntimeEndpoint',
        },
      ],
    },
    {
      name: 'several kubelet config-file flags: one finding, each flag named with its field',
      ...kubelet(['--read-only-port=0', '--anonymous-auth=false', '--rotate-certificates'], '1.31'),
      findings: [
        {
          messageIncludes: [
            '3 flags',
            '--read-only-port → readOnlyPort',
            '--anonymous-auth → authentication.anonymous.enabled',
            '--rotate-certificates → rotateCertificates',
          ],
        },
      ],
    },
    {
      name: 'kubelet --pod-infra-container-image on 1.31: its own message and the removal',
      ...kubelet(['--pod-infra-container-image=registry.k8s.io/pause:3.10'], '1.31'),
      findings: [
        { messageIncludes: ['deprecated since 1.24', 'will be removed in 1.35', 'It is removed in 1.35'] },
      ],
    },
    {
      name: 'kube-scheduler --kubeconfig: DEPRECATED in its reference, ignored with --config',
      files: [
        {
          name: manifestPath('kube-scheduler'),
          content: staticPod('kube-scheduler', ['--kubeconfig=/etc/kubernetes/scheduler.conf']),
        },
      ],
      findings: [{ messageIncludes: 'ignored when a config file is given with --config' }],
    },
  ],
});
