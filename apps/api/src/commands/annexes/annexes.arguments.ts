import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isDocumentFormat } from '@app/documents';
import type { DocumentFormat } from '@app/documents';
import { AnnexesError } from './write-annexes';
import type { AnnexesRequest } from './write-annexes';

export interface AnnexesArguments extends AnnexesRequest {
  /** Set with --api: download over HTTP from a running API instead of opening its database. */
  readonly api?: string;
}

const HELP_AFTER = `
Examples:
  npm run annexes -- --selection key-enterprise-2025
  npm run annexes -- --year 2025 --format txt,docx --out ./annexes-2025
  npm run annexes -- --year 2025 --api http://localhost:3000

The command reads the database the app uses (DATA_DIR, default ./data, or DATABASE_URL) and renders
with the same builders as GET /api/v1/selections/{id}/annex, so the files are what the API serves (TXT
and HTML byte for byte; a DOCX differs only in its creation time, docProps/core.xml). The embedded database (PGlite, used when DATABASE_URL is unset) belongs to ONE process: stop
\`npm start\` first, or leave it running and pass --api http://host:port to download from it instead.
The demo's database is DATA_DIR=./data/demo.

Exit codes: 0 written, 1 failed (unknown selection, not yet published, folder not writable, database), 2 bad arguments.`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseYear(value: string, previous: number[] = []): number[] {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('a year is four digits, e.g. 2025');
  return [...previous, Number(value)];
}

function parseFormats(value: string): DocumentFormat[] {
  const formats = value.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = formats.filter((format) => !isDocumentFormat(format));
  if (formats.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`formats are txt, html and docx, comma-separated (got "${value}")`);
  return [...new Set(formats)] as DocumentFormat[];
}

function parseApi(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`not a URL: "${value}" (e.g. http://localhost:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(`the API is reached over http or https (got "${url.protocol}")`);
  return url.origin;
}

/**
 * Parses `npm run annexes -- …` with commander. Returns null when help was printed; throws
 * AnnexesError with exit code 2 for a bad argument (commander has already printed its message then).
 */
export function parseAnnexesArguments(argv: readonly string[], output: { out: (text: string) => void; err: (text: string) => void }): AnnexesArguments | null {
  const program = new Command('annexes')
    .description('Writes the annex documents (附件1-4, award lists) of published selections to a folder.')
    .option('-s, --selection <id>', 'a published selection, e.g. key-enterprise-2025 (repeatable)', collect)
    .option('-y, --year <year>', 'every published selection of the year, plus that year\'s 附件3 future scenarios (repeatable)', parseYear)
    .addOption(new Option('-f, --format <list>', 'comma-separated: txt, html, docx').default(['txt', 'html', 'docx'], 'txt,html,docx').argParser(parseFormats))
    .option('-o, --out <folder>', 'folder to write to (created if missing)', './out')
    .option('--api <url>', 'download from a running API (e.g. http://localhost:3000) instead of opening the database', parseApi)
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return null;
      throw new AnnexesError(error.message, 2);
    }
    throw error;
  }
  const options = program.opts<{ selection?: string[]; year?: number[]; format: DocumentFormat[]; out: string; api?: string }>();
  const selections = options.selection ?? [];
  const years = options.year ?? [];
  if (selections.length === 0 && years.length === 0) {
    const message = 'name at least one --selection <id> or --year <year> (see --help)';
    output.err(`error: ${message}\n`);
    throw new AnnexesError(message, 2);
  }
  return {
    selections,
    years,
    formats: options.format,
    outDir: resolve(options.out),
    ...(options.api ? { api: options.api } : {}),
  };
}
