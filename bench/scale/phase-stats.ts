/** Latencies of one phase, and the summary the benchmark prints for it. */
export interface PhaseStats {
  readonly phase: string;
  readonly requests: number;
  readonly wallMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly peakRssMiB: number;
  /** Password hashing (argon2 at registration and sign-in), reported apart from the year's own cost. */
  readonly hashing: boolean;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function summarise(phase: string, latencies: number[], wallMs: number, peakRssMiB: number, hashing: boolean): PhaseStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { phase, requests: sorted.length, wallMs, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), peakRssMiB, hashing };
}

/** Runs `tasks` with `concurrency` clients at once; each task's time is one latency. */
export async function runConcurrently(tasks: readonly (() => Promise<void>)[], concurrency: number): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      const begin = performance.now();
      await task();
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, client));
  return { latencies, wallMs: performance.now() - started };
}

export function formatTable(rows: readonly PhaseStats[]): string {
  const header = '| phase | requests | wall | req/s | p50 ms | p95 ms | p99 ms | app peak RSS |';
  const line = '|---|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows.map((row) => {
    const perSecond = row.wallMs > 0 ? (row.requests * 1000) / row.wallMs : 0;
    const name = row.hashing ? `${row.phase} (argon2)` : row.phase;
    return `| ${name} | ${row.requests} | ${(row.wallMs / 1000).toFixed(2)} s | ${perSecond.toFixed(1)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.peakRssMiB.toFixed(0)} MiB |`;
  });
  return [header, line, ...body].join('\n');
}
