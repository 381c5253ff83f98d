/**
 * A named point where a test may kill the process (SIGKILL, as a power cut would) to prove that a
 * command survives a crash between two of its steps: `AI_PLUS_CRASH_AT=<name>` arms it. Inert
 * otherwise; nothing but a test's child process sets that variable.
 */
export function crashPoint(name: string): void {
  if (process.env.AI_PLUS_CRASH_AT === name) {
    process.stderr.write(`crash point ${name}: killing the process\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
