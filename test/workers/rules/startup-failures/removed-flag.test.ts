import rule from '../../../../src/rules/startup-failures/removed-flag';
import { apiserverPod, kubeletCommandLine, manifestPath, staticPod } from '../../../support/fixtures';
import { inputForms, pathOf } from '../../../support/input-forms';
import { ruleTester, type InvalidCase } from '../../../support/rule-tester';

const everyForm = (
  program: Parameters<typeof inputForms>[0],
  flag: string,
  removedIn: string,
): InvalidCase[] =>
  inputForms(program, flag).map(({ form, files, file: at, line }) => ({
    name: `${program} ${flag.split('=')[0] ?? ''} in a ${form}`,
    files,
    options: { kubernetesVersion: '1.31' },
    findings: [
      {
        file: at,
        line,
        path: pathOf(program),
        messageIncludes: [`removed in Kubernetes ${removedIn}`, 'does not start'],
      },
    ],
  }));

const kubelet = (flags: string[], version: string) => ({
  files: [{ name: '/proc/1/cmdline', content: kubeletCommandLine(flags) }],
  options: { kubernetesVersion: version },
});

const file = manifestPath('kube-apiserver');
const image = (v: string) => `registry.k8s.io/kube-apiserver:v${v}`;

ruleTester(rule, {
  valid: [
    {
      name: 'no removed flag (1.31)',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
    },
    {
      name: '--insecure-port=0 on 1.23, before its removal',
      files: [{ name: file, content: apiserverPod(['--insecure-port=0'], image('1.23.17')) }],
    },
    {
      name: '--kubelet-https on 1.21',
      files: [{ name: file, content: apiserverPod(['--kubelet-https=true'], image('1.21.14')) }],
    },
    {
      name: 'kubelet --network-plugin on 1.23, before its removal',
      ...kubelet(['--network-plugin=cni'], '1.23'),
    },
    {
      name: 'kubelet --keep-terminated-pod-volumes on 1.30, before its removal (the pages said 1.32)',
      ...kubelet(['--keep-terminated-pod-volumes=false'], '1.30'),
    },
    {
      name: 'kubelet --register-schedulable on 1.33 (the pages dropped it a version early)',
      ...kubelet(['--register-schedulable=true'], '1.33'),
    },
  ],
  invalid: [
    ...everyForm('kube-apiserver', '--insecure-port=0', '1.24'),
    ...everyForm('kubelet', '--network-plugin=cni', '1.24'),
    ...everyForm('kube-controller-manager', '--pod-eviction-timeout=5m0s', '1.27'),
    {
      name: 'kubelet --keep-terminated-pod-volumes on 1.31',
      ...kubelet(['--keep-terminated-pod-volumes=false'], '1.31'),
      findings: [{ messageIncludes: 'removed in Kubernetes 1.31' }],
    },
    {
      name: 'kubelet --register-schedulable on 1.34',
      ...kubelet(['--register-schedulable=true'], '1.34'),
      findings: [{ messageIncludes: 'removed in Kubernetes 1.34' }],
    },
    {
      name: 'kube-proxy klog flag --logtostderr on 1.31 (the pages list it; the binary dropped it in 1.26)',
      files: [{ name: '/tmp/ps.txt', content: '/usr/local/bin/kube-proxy --logtostderr=true\n' }],
      options: { kubernetesVersion: '1.31' },
      findings: [{ messageIncludes: 'removed in Kubernetes 1.26' }],
    },
    {
      name: 'konnectivity-agent --reconnect-interval on v0.0.12, by its own tag',
      files: [
        {
          name: 'konnectivity-agent.yaml',
          content: staticPod(
            'konnectivity-agent',
            ['--reconnect-interval=5s'],
            'registry.k8s.io/kas-network-proxy/proxy-agent:v0.0.12',
          ),
        },
      ],
      findings: [
        {
          path: 'konnectivity',
          messageIncludes: ['removed in apiserver-network-proxy v0.0.11', 'konnectivity-agent is v0.0.12'],
        },
      ],
    },
    {
      name: 'a flag only dropped from the reference (kube-proxy --boot-id-file on 1.31): low, and said so',
      files: [
        {
          name: '/tmp/ps.txt',
          content: '/usr/local/bin/kube-proxy --boot-id-file=/proc/sys/kernel/random/boot_id\n',
        },
      ],
      options: { kubernetesVersion: '1.31' },
      findings: [{ severity: 'low', messageIncludes: 'no release note or source confirms its removal' }],
    },
    {
      name: '--insecure-port=0 on 1.31 (kubeadm manifests from before 1.22)',
      files: [{ name: file, content: apiserverPod(['--insecure-port=0']) }],
      findings: [
        {
          file,
          line: 10,
          messageIncludes: [
            'removed in Kubernetes 1.24',
            'runs 1.31 (image registry.k8s.io/kube-apiserver:v1.31.2',
          ],
        },
      ],
    },
    {
      name: '--ssh-user and --ssh-keyfile on 1.22',
      files: [
        {
          name: file,
          content: apiserverPod(['--ssh-user=admin', '--ssh-keyfile=/etc/ssh/key'], image('1.22.0')),
        },
      ],
      findings: [
        { line: 10, messageIncludes: '--ssh-user' },
        { line: 11, messageIncludes: '--ssh-keyfile' },
      ],
    },
    {
      name: 'version from the request option',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --basic-auth-file=/etc/passwords.csv\n' }],
      options: { kubernetesVersion: '1.20' },
      findings: [{ messageIncludes: 'request option kubernetesVersion' }],
    },
    {
      name: 'version unknown: low, and said so',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --kubelet-https=true\n' }],
      findings: [{ severity: 'low', messageIncludes: "the cluster's version is unknown" }],
    },
  ],
});
