/** The workerd processes behind a `wrangler dev`, found through /proc (Linux only). */
import { readFileSync, readdirSync } from 'node:fs';

/** Every process below `root` (from /proc/<pid>/stat's parent field). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

/** The workerd processes the `wrangler dev` listening on `port` started. */
export function workerdOf(port: number): number[] {
  const wrangler = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .find((entry) => {
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        return (
          cmdline.some((word) => word.endsWith('wrangler-dist/cli.js')) && cmdline.includes(String(port))
        );
      } catch {
        return false;
      }
    });
  if (!wrangler) throw new Error(`no wrangler process for port ${port}`);
  return descendants(Number(wrangler)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'workerd';
    } catch {
      return false;
    }
  });
}

/** User + system CPU time the given processes have used so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime and stime: fields 14 and 15 of stat
    } catch {
      // gone
    }
  }
  return ticks * 10;
}
