import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-anonymous-auth-enabled';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';

ruleTester(rule, {
  valid: [
    {
      name: 'config file without the field: the KubeletConfiguration default (false)',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig() }],
    },
    {
      name: 'config file sets it false explicitly',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  anonymous:\n    enabled: false\n'),
        },
      ],
    },
    {
      name: 'no --config but --anonymous-auth=false on the command line',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            '--kubeconfig=/etc/kubernetes/kubelet.conf',
            '--anonymous-auth=false',
          ]),
        },
      ],
    },
    {
      name: 'the flag beats the config file',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`, '--anonymous-auth=false']),
        },
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  anonymous:\n    enabled: true\n'),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'config file enables it (YAML 1.1 "yes" is true, as Kubernetes reads it)',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  anonymous:\n    enabled: yes\n'),
        },
      ],
      findings: [
        { file: KUBELET_CONFIG_PATH, line: 5, messageIncludes: 'authentication.anonymous.enabled: true' },
      ],
    },
    {
      name: 'no --config: the legacy flag default (true) applies',
      files: [{ name: cmdline, content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
      findings: [{ file: cmdline, line: 1, locationDefault: true, messageIncludes: 'runs without --config' }],
    },
    {
      name: 'the flag beats a safe config file',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`, '--anonymous-auth=true']),
        },
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  anonymous:\n    enabled: false\n'),
        },
      ],
      findings: [{ file: cmdline, messageIncludes: '--anonymous-auth=true' }],
    },
    {
      name: 'a /configz dump shows it on',
      files: [
        {
          name: 'configz.json',
          content: '{"kubeletconfig":{"authentication":{"anonymous":{"enabled":true}}}}',
        },
      ],
      findings: [{ file: 'configz.json', messageIncludes: '(from /configz)' }],
    },
  ],
  notEvaluated: [
    {
      name: 'only a kubeadm flags file: whether the kubelet has --config is unknown',
      files: [
        {
          name: '/var/lib/kubelet/kubeadm-flags.env',
          content:
            'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock"\n',
        },
      ],
      reasonIncludes: 'whether it runs with --config',
    },
    {
      name: 'the --config file was not uploaded',
      files: [{ name: cmdline, content: kubeletCommandLine(['--config=/etc/kubelet/custom.yaml']) }],
      reasonIncludes: '--config file /etc/kubelet/custom.yaml was not uploaded',
    },
  ],
});
