import 'reflect-metadata';
import { InvalidConfigurationError } from '@app/platform';
import { AuditCommandError, openChain } from './open-chain';

/**
 * `npm run audit:verify [-- --json]`: recomputes the whole hash chain of the app's database and reports
 * the first break. Exit codes: 0 intact, 1 broken, 2 could not run.
 */
async function main(args: string[]): Promise<number> {
  const log = (line: string) => process.stderr.write(`audit: ${line}\n`);
  const chain = await openChain(log);
  try {
    const report = await chain.auditor.verify();
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const rate = `${report.events} events, ${report.streams} streams, ${report.commits} commits in ${(report.durationMs / 1000).toFixed(2)} s (${report.eventsPerSecond} events/s)`;
      if (report.intact) {
        process.stdout.write(`完整性已核验 intact: ${rate}\nhead: #${report.head?.seq ?? 0} ${report.head?.chainHash ?? '-'} (${report.head?.position ?? '-'})\n`);
      } else {
        const broken = report.firstBreak!;
        process.stdout.write(
          `BROKEN: ${broken.kind} at position ${broken.position ?? '-'}, stream ${broken.streamId ?? '-'} revision ${broken.revision ?? '-'}` +
            ` (${broken.type ?? '-'}, event ${broken.eventId ?? '-'}${broken.seq !== null ? `, commit #${broken.seq}` : ''})\n` +
            `  stored     ${broken.stored ?? '-'}\n  recomputed ${broken.recomputed ?? '-'}\n` +
            `  ${report.brokenEvents} events differ; ${rate}\n`,
        );
      }
    }
    return report.intact ? 0 : 1;
  } finally {
    await chain.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof InvalidConfigurationError || error instanceof AuditCommandError;
    process.stderr.write(`audit:verify could not run: ${known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.stack}\n`);
    process.exit(2);
  },
);
