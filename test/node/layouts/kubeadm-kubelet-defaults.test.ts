/**
 * kubeadm's kubelet defaults on a real kubeadm configuration: minikube's (kubeadm v1beta4 and
 * v1beta3), whose KubeletConfiguration sets only the client CA. kubeadm writes it to
 * /var/lib/kubelet/config.yaml with anonymous authentication off, Webhook authentication and
 * authorization and certificate rotation (cmd/kubeadm/app/componentconfigs/kubelet.go): the kubelet
 * gets no finding those defaults make false, and the same document alone, as a kubelet config file
 * the kubelet reads with the KubeletConfiguration v1beta1 defaults, does.
 */
import { describe, expect, it } from 'vitest';
import { dump, loadAll } from 'js-yaml';
import { lint } from '../../../src/lint';
import { corpusText } from '../../support/corpus-files';

const TESTDATA = 'minikube/pkg/minikube/bootstrapper/bsutil/testdata';
const ids = (report: Awaited<ReturnType<typeof lint>>) => report.findings.map((f) => f.ruleId).sort();

describe("kubeadm's kubelet defaults, on minikube's kubeadm configurations", () => {
  it.each(['v1.36', 'v1.30'])(
    '%s: only what kubeadm leaves to the kubelet itself is found',
    async (version) => {
      const report = await lint([
        { name: 'kubeadm.yaml', content: corpusText(`${TESTDATA}/${version}/default.yaml`) },
      ]);
      // minikube turns ExtendWebSocketsToKubelet (new in 1.36) off on the control plane; the flag facts
      // stop at 1.35, so invalid-flag-value can only say the gate may be unknown: at medium, with why.
      const startup = report.findings.filter((f) => f.ruleId === 'invalid-flag-value');
      expect(startup.map((f) => `${f.severity} ${f.subject}`)).toEqual(
        version === 'v1.36'
          ? ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map(
              (component) =>
                `medium ${component} (from kubeadm ClusterConfiguration kubeadm.yaml) ExtendWebSocketsToKubelet`,
            )
          : [],
      );
      for (const finding of startup)
        expect(finding.severityReason).toBe(
          'the tables stop at 1.35: 1.36 may know ExtendWebSocketsToKubelet',
        );
      expect(ids(report).filter((id) => id !== 'invalid-flag-value')).toEqual(
        [
          'apiserver-anonymous-auth',
          'apiserver-kubelet-certificate-authority-missing',
          'kubelet-serving-cert-self-signed',
          'proxy-traffic-unprotected',
        ].sort(),
      );
    },
  );

  it('the same KubeletConfiguration as the kubelet’s own file: the KubeletConfiguration defaults apply', async () => {
    const docs = loadAll(corpusText(`${TESTDATA}/v1.36/default.yaml`)) as Array<{ kind?: string }>;
    const kubelet = docs.find((doc) => doc.kind === 'KubeletConfiguration');
    const report = await lint([{ name: '/var/lib/kubelet/config.yaml', content: dump(kubelet) }]);
    // The v1beta1 defaults keep authentication and authorization safe, but rotate no certificate:
    // kubeadm's rotateCertificates: true is what made that finding false above.
    expect(ids(report)).toEqual([
      'kubelet-client-cert-rotation-disabled',
      'kubelet-serving-cert-self-signed',
    ]);
  });
});
