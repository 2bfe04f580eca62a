// A benchmark row: one figure, and the baseline measured in the same run to read it against.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  note?: string;
}

export type Bench = () => Promise<BenchRow[]>;

/** Median of `rounds` timings of `fn`, in milliseconds. */
export async function medianMs(rounds: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));
