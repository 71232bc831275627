// Timing helpers: warm up, run several times, report the median and the spread, because
// these 2-core machines are noisy.
import { performance } from "node:perf_hooks";

export interface Timing {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function measure(fn: () => unknown, { runs = 20, warmup = 3 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return summarise(times);
}

export function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

export function report(name: string, t: Timing, { target, unit = "ms" }: { target?: number; unit?: string } = {}): void {
  const verdict = target === undefined ? "" : t.median <= target ? `  (target ≤ ${target} ${unit}: met)` : `  (target ≤ ${target} ${unit}: NOT met)`;
  console.log(`  ${name.padEnd(44)} median ${t.median.toFixed(2)} ${unit}, p95 ${t.p95.toFixed(2)}, min ${t.min.toFixed(2)}, max ${t.max.toFixed(2)} over ${t.runs} runs${verdict}`);
}
