/** How `npm run bench` times things: medians of interleaved rounds, CPU time beside wall time. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export interface Timing {
  /** Median wall time, ms. */
  wall: number;
  /** Median CPU time of this process (user + system), ms. */
  cpu: number;
}

/**
 * Runs every function once per round, in an order that rotates each round, so drift in CPU frequency,
 * GC state or the neighbours' load hits them all alike; the first `warmup` rounds are not kept.
 */
export async function interleaved(
  fns: Record<string, () => unknown>,
  rounds: number,
  warmup: number,
): Promise<Record<string, Timing>> {
  const names = Object.keys(fns);
  const wall = new Map(names.map((name) => [name, [] as number[]]));
  const cpu = new Map(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] ?? '';
      const fn = fns[name];
      if (!fn) continue;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      const t1 = performance.now();
      const used = process.cpuUsage(cpu0);
      if (round >= warmup) {
        wall.get(name)?.push(t1 - t0);
        cpu.get(name)?.push((used.user + used.system) / 1000);
      }
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { wall: median(wall.get(name) ?? []), cpu: median(cpu.get(name) ?? []) }]),
  );
}

/** `1.23 ms` below 10 ms as µs, above as ms. */
export function ms(value: number): string {
  return value < 10 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(1)} ms`;
}

/** One target's line: what was measured, the figure, the bound, and whether it holds. */
export function target(label: string, figure: number, bound: number, unit = '×'): string {
  const shown = unit === '×' ? `${figure.toFixed(2)}×` : `${figure.toFixed(1)} ${unit}`;
  const limit = unit === '×' ? `${bound}×` : `${bound} ${unit}`;
  return `${figure <= bound ? 'MET    ' : 'NOT MET'} ${label}: ${shown} (target ≤ ${limit})`;
}
