import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint';

const ROOT = join(__dirname, '../../examples/kubeadm-control-plane');

/** Every file of the bundle, named by its path on the node, as the collector uploads them. */
function bundle(dir = ROOT): Array<{ name: string; content: string }> {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory()
      ? bundle(path)
      : [{ name: `/${relative(ROOT, path)}`, content: readFileSync(path, 'utf8') }];
  });
}

const PATHS = ['apiserver-to-kubelet', 'apiserver-to-nodes-pods-services', 'ssh-tunnels'];

const report = await lint(bundle());

describe('the kubeadm control-plane example, linted whole', () => {
  const ours = report.findings.filter((f) => PATHS.includes(f.path));

  it('reports exactly the API server to kubelet problems a kubeadm cluster has', () => {
    expect(ours.map((f) => f.ruleId).sort()).toEqual([
      'apiserver-kubelet-certificate-authority-missing',
      // kubeadm 1.31 still writes --pod-infra-container-image (deprecated since 1.24, removed in 1.35)
      // and --container-runtime-endpoint (a config-file field since 1.27) into kubeadm-flags.env.
      'deprecated-flag',
      'deprecated-flag',
      'kubelet-serving-cert-self-signed',
      'proxy-traffic-unprotected',
    ]);
  });

  it('reports no kubelet authentication or authorization problem: kubeadm sets them safely', () => {
    expect(report.coverage.evaluated).toEqual(
      expect.arrayContaining([
        'kubelet-anonymous-auth-enabled',
        'kubelet-authorization-always-allow',
        'kubelet-webhook-authentication-disabled',
        'kubelet-client-ca-missing',
        'kubelet-read-only-port-enabled',
        'kubelet-streaming-idle-timeout-disabled',
        'apiserver-kubelet-client-certificate-missing',
      ]),
    );
  });

  it('points at the files where each problem lives', () => {
    const where = Object.fromEntries(ours.map((f) => [f.ruleId, f.location.file]));
    expect(where).toEqual({
      'apiserver-kubelet-certificate-authority-missing': '/etc/kubernetes/manifests/kube-apiserver.yaml',
      'deprecated-flag': '/var/lib/kubelet/kubeadm-flags.env',
      'kubelet-serving-cert-self-signed': '/var/lib/kubelet/config.yaml',
      'proxy-traffic-unprotected': '/etc/kubernetes/manifests/kube-apiserver.yaml',
    });
  });

  it('judges the SSH tunnel path not configured, the other two insecure', () => {
    const verdicts = Object.fromEntries(report.paths.map((p) => [p.id, p.verdict]));
    expect(verdicts).toMatchObject({
      'apiserver-to-kubelet': 'insecure',
      'apiserver-to-nodes-pods-services': 'insecure',
      'ssh-tunnels': 'not-configured',
    });
  });
});
