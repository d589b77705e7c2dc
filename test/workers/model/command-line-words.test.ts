/**
 * LIMITS.maxCommandLineWords: the words of the components' command lines are counted across the request,
 * wherever they are written, each command line once however often the model reads it; one word past
 * the limit stops the request with the limit's name, and the words of other programs are not counted.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/catalogue/limits';
import { Budget } from '../../../src/ingest/budget';
import { lint, LimitError, type Upload } from '../../../src/lint';
import { apiserverPod, kubeletCommandLine, manifestPath } from '../../support/fixtures';

const LIMIT = LIMITS.maxCommandLineWords;
const options = { network: 'untrusted', kubernetesVersion: '1.31', failOn: null } as const;
const flags = (count: number, prefix = 'x') => Array.from({ length: count }, (_, i) => `--${prefix}${i}`);

/** The limit lint() stopped at, or undefined when it answered a report. */
async function limitOf(uploads: Upload[]): Promise<string | undefined> {
  try {
    await lint(uploads, options);
    return undefined;
  } catch (error) {
    if (error instanceof LimitError) return error.limit;
    throw error;
  }
}

describe('the words of command lines, across one request', () => {
  it('takes a pod of exactly the limit, and stops one word past it', async () => {
    const pod = (count: number) => [
      { name: manifestPath('kube-apiserver'), content: apiserverPod(flags(count)) },
    ];
    expect(await limitOf(pod(LIMIT))).toBeUndefined();
    expect(await limitOf(pod(LIMIT + 1))).toBe('maxCommandLineWords');
  });

  it('takes a process line of exactly the limit, and stops one word past it', async () => {
    const line = (count: number) => [
      { name: 'ps.txt', content: `/usr/bin/kube-apiserver ${flags(count).join(' ')}\n` },
    ];
    expect(await limitOf(line(LIMIT))).toBeUndefined();
    expect(await limitOf(line(LIMIT + 1))).toBe('maxCommandLineWords');
  });

  it('counts the request, not each file: two pods of 60% of the limit each are refused', async () => {
    const half = Math.ceil(LIMIT * 0.6);
    const uploads = ['a', 'b'].map((node) => ({
      name: `${node}${manifestPath('kube-apiserver')}`,
      content: apiserverPod(flags(half)),
    }));
    expect(await limitOf(uploads.slice(0, 1))).toBeUndefined();
    expect(await limitOf(uploads)).toBe('maxCommandLineWords');
  });

  it("counts a kubelet's command line once, though the model reads it for its drop-ins and its flags", async () => {
    const line = kubeletCommandLine(['--config-dir=/etc/kubernetes/kubelet.conf.d', ...flags(LIMIT * 0.6)]);
    expect(await limitOf([{ name: 'kubelet.txt', content: line }])).toBeUndefined();
  });

  it("does not count another program's line in a process listing", async () => {
    const content = `/usr/bin/kube-apiserver --anonymous-auth=false\n/usr/bin/java ${flags(LIMIT * 2).join(' ')}\n`;
    const report = await lint([{ name: 'ps.txt', content }], options);
    expect(report.inputs[0]?.documents.map((doc) => doc.component)).toEqual(['kube-apiserver']);
  });

  it('counts the words of a flags file, a unit and its variables, and a sh -c script', async () => {
    const words = flags(LIMIT + 1).join(' ');
    const over: Upload[][] = [
      [{ name: '/etc/default/kubelet', content: `KUBELET_EXTRA_ARGS="${words}"\n` }],
      [
        {
          name: '/etc/systemd/system/kubelet.service',
          content: `[Service]\nExecStart=/usr/bin/kubelet ${words}\n`,
        },
      ],
      [
        {
          name: '/etc/systemd/system/kubelet.service',
          content: `[Service]\nEnvironment="A=${flags(1000).join(' ')}"\nExecStart=/usr/bin/kubelet${' $A'.repeat(LIMIT / 1000)}\n`,
        },
      ],
      [
        {
          name: manifestPath('kube-apiserver'),
          content: apiserverPod([]).replace(
            '- kube-apiserver',
            `- sh\n    - -c\n    - kube-apiserver ${words}`,
          ),
        },
      ],
    ];
    for (const uploads of over) expect(await limitOf(uploads), uploads[0]?.name).toBe('maxCommandLineWords');
  });
});

describe('Budget.spendCommandLine', () => {
  it('charges a list of words once, and refuses the one that would pass the limit', () => {
    const budget = new Budget();
    const words = Array.from({ length: LIMIT - 1 }, () => 'w');
    budget.spendCommandLine(words);
    budget.spendCommandLine(words);
    expect(budget.commandLineRoom()).toBe(1);
    budget.spendCommandLine(['one']);
    expect(() => {
      budget.spendCommandLine(['two']);
    }).toThrow(LimitError);
  });
});
