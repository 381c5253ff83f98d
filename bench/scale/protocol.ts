/**
 * What the scale bench's two processes say to each other over the fork's IPC channel: the clients'
 * process (bench/scale/clients.ts) drives the year; the app's process (bench/scale.bench.ts) owns the
 * settable clock and measures itself (RSS, SQL queries, the projector) around each phase.
 */
export interface Options {
  dossiers: number;
  selections: number;
  clients: number;
}

export function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
    return parsed;
  };
  return { dossiers: value('dossiers', 400), selections: value('selections', 1), clients: value('clients', 4) };
}

/** One phase as the clients saw it. */
export interface ClientPhase {
  name: string;
  note: string;
  wallMs: number;
  latencies: number[];
  /** Peak RSS of the clients' process during the phase. */
  clientRss: number;
  /** CPU time (user + system) the clients' process spent in the phase. */
  clientCpuMs: number;
}

/** Clients → app. Each call with an id is answered with `{ id }` once done. */
export type ClientMessage =
  | { id: number; call: 'set-clock'; at: string }
  | { id: number; call: 'phase-start' }
  | { id: number; call: 'phase-end'; phase: ClientPhase };

export interface Reply {
  id: number;
}
