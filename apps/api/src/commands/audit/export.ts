import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { InvalidConfigurationError } from '@app/platform';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { selectionHistoryLines, selectionHistoryStreams } from '../../audit/selection-history';
import { AuditCommandError, openChain } from './open-chain';

/**
 * `npm run audit:export -- <selectionId> [--out file.jsonl]`: a selection's complete history as JSON Lines
 * with every hash (standard output without --out); check it with `node tools/verify-history.mjs file.jsonl`.
 * Exit codes: 0 written, 2 could not run.
 */
async function main(args: string[]): Promise<number> {
  const selectionId = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--out');
  const outAt = args.indexOf('--out');
  const outPath = outAt >= 0 ? args[outAt + 1] : undefined;
  if (!selectionId || (outAt >= 0 && !outPath)) throw new AuditCommandError('usage: npm run audit:export -- <selectionId> [--out file.jsonl]');
  const chain = await openChain((line) => process.stderr.write(`audit: ${line}\n`));
  try {
    const streamIds = await selectionHistoryStreams(chain.store, selectionId);
    const out = outPath ? createWriteStream(outPath) : process.stdout;
    let bytes = 0;
    for await (const chunk of selectionHistoryLines(chain.store, chain.auditor, selectionId, streamIds)) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (outPath) {
      out.end();
      await once(out, 'finish');
      process.stderr.write(`audit: ${selectionId}: ${streamIds.length} streams, ${bytes} bytes in ${outPath}\n`);
    }
    return 0;
  } finally {
    await chain.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof InvalidConfigurationError || error instanceof AuditCommandError || error instanceof DomainRefusal;
    process.stderr.write(`audit:export could not run: ${known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.stack}\n`);
    process.exit(2);
  },
);
