import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint';
import * as corpus from '../support/konnectivity-corpus';
import { APISERVER_PATH, KIND_EGRESS_PATH, apiserverPod } from '../support/konnectivity-setup';

const read = (path: string) =>
  readFileSync(new URL(`../fixtures/corpus/${path}`, import.meta.url).pathname, 'utf8');

describe('embedded Konnectivity corpus copies', () => {
  for (const [name, path] of Object.entries(corpus.CORPUS_PATHS)) {
    it(`${name} is ${path} unchanged`, () => {
      expect(corpus[name as keyof typeof corpus.CORPUS_PATHS]).toBe(read(path));
    });
  }
});

describe('the canonical Konnectivity manifests read from the corpus produce no konnectivity finding', () => {
  const konnectivityFindings = async (files: Array<{ name: string; content: string }>, verdict?: string) => {
    const report = await lint(files);
    // Guard against a vacuous pass: the manifests must be read as the Konnectivity components.
    const components = report.inputs.flatMap((input) => input.documents.map((d) => d.component));
    expect(components).toEqual(expect.arrayContaining(['konnectivity-server', 'konnectivity-agent']));
    if (verdict) expect(report.paths.find((p) => p.id === 'konnectivity')?.verdict).toBe(verdict);
    return report.findings.filter((f) => f.path === 'konnectivity');
  };

  it('kubernetes/website "Set up Konnectivity service" examples', async () => {
    const dir = 'kubernetes-website/content/en/examples/admin/konnectivity';
    const files = [
      { name: APISERVER_PATH, content: apiserverPod() },
      {
        name: '/etc/kubernetes/egress-selector-configuration.yaml',
        content: read(`${dir}/egress-selector-configuration.yaml`),
      },
      {
        name: '/etc/kubernetes/manifests/konnectivity-server.yaml',
        content: read(`${dir}/konnectivity-server.yaml`),
      },
      { name: 'konnectivity-agent.yaml', content: read(`${dir}/konnectivity-agent.yaml`) },
      { name: 'konnectivity-rbac.yaml', content: read(`${dir}/konnectivity-rbac.yaml`) },
    ];
    expect(await konnectivityFindings(files, 'secure')).toEqual([]);
  });

  for (const example of ['kind', 'kind-multinode']) {
    it(`apiserver-network-proxy examples/${example}`, async () => {
      const dir = `apiserver-network-proxy/examples/${example}`;
      const manifests = example === 'kind' ? dir : `${dir}/templates/k8s`;
      const files = [
        {
          name: APISERVER_PATH,
          content: apiserverPod(
            [`--egress-selector-config-file=${KIND_EGRESS_PATH}`],
            [
              { name: 'egress-selector-config-file', hostPath: KIND_EGRESS_PATH },
              { name: 'konnectivity-server', hostPath: '/etc/kubernetes/konnectivity-server' },
            ],
          ),
        },
        { name: KIND_EGRESS_PATH, content: read(`${dir}/egress_selector_configuration.yaml`) },
        { name: 'konnectivity-server.yaml', content: read(`${manifests}/konnectivity-server.yaml`) },
        { name: 'konnectivity-agent-ds.yaml', content: read(`${manifests}/konnectivity-agent-ds.yaml`) },
      ];
      expect(await konnectivityFindings(files, 'secure')).toEqual([]);
    });
  }

  it('apiserver-network-proxy examples/kubernetes (an http-connect server pod and an agent pod)', async () => {
    const dir = 'apiserver-network-proxy/examples/kubernetes';
    const files = [
      { name: 'konnectivity-server.yaml', content: read(`${dir}/konnectivity-server.yaml`) },
      { name: 'konnectivity-agent.yaml', content: read(`${dir}/konnectivity-agent.yaml`) },
    ];
    expect(await konnectivityFindings(files)).toEqual([]);
  });
});
