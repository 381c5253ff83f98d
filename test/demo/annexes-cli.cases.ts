/**
 * `npm run annexes`: the command's core (writeAnnexes with the database source the CLI boots, and with
 * the --api HTTP source) against an app where selections are published, compared with what the API
 * serves; and the arguments it refuses with exit code 2.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzip } from '@app/documents/testing/docx-reader.test-support';
import { seedAnnexes } from '@app/documents/testing/seeds.test-support';
import { parseAnnexesArguments } from '../../apps/api/src/commands/annexes/annexes.arguments';
import { databaseSource } from '../../apps/api/src/commands/annexes/database-source';
import { httpSource } from '../../apps/api/src/commands/annexes/http-source';
import { AnnexesError, writeAnnexes } from '../../apps/api/src/commands/annexes/write-annexes';
import type { AnnexesRequest, WrittenFile } from '../../apps/api/src/commands/annexes/write-annexes';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { registerExperts, walkSelection } from '../walkthrough/walk-selection';

const YEAR = 2026;
const ALL_FORMATS = ['txt', 'html', 'docx'] as const;

/** A DOCX rendered twice differs only in docProps/core.xml (its creation time) and the zip's time stamps. */
function docxEntriesWithoutTimes(archive: Buffer): Record<string, string> {
  return Object.fromEntries([...unzip(archive)].filter(([name]) => name !== 'docProps/core.xml').map(([name, bytes]) => [name, bytes.toString('base64')]));
}

describe('npm run annexes writes the published documents the API serves', () => {
  let t: TestApp;
  let folder: string;
  let base: string;
  const selectionIds: string[] = [];
  const request = (overrides: Partial<AnnexesRequest>): AnnexesRequest => ({ selections: [], years: [], formats: ALL_FORMATS, outDir: join(folder, 'out'), ...overrides });

  /** What GET …/annex answers for the file the command wrote. */
  async function served(file: WrittenFile): Promise<{ name: string; body: Buffer }> {
    const format = file.servedName.split('.').pop()!;
    const path = file.source.startsWith('future-scenarios-')
      ? `/api/v1/future-scenarios/${file.source.slice('future-scenarios-'.length)}/annex?format=${format}`
      : `/api/v1/selections/${file.source}/annex?format=${format}${file.servedName.startsWith('award-list') ? '&document=award-list' : ''}`;
    const response = await t.http.get(path).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    return { name: /filename="([^"]+)"/.exec(response.headers['content-disposition'])![1], body: response.body as Buffer };
  }

  async function expectAsServed(written: WrittenFile[]): Promise<void> {
    for (const file of written) {
      const answer = await served(file);
      const body = readFileSync(file.path);
      expect(answer.name).toBe(file.servedName);
      if (file.servedName.endsWith('.docx')) expect(docxEntriesWithoutTimes(body)).toEqual(docxEntriesWithoutTimes(answer.body));
      else expect(body.toString('utf8')).toBe(answer.body.toString('utf8'));
    }
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ai-plus-annexes-'));
    t = await startTestApp('pglite');
    const experts = await registerExperts(t, 6, 9400);
    // Published: 附件1 (policy, annex only) and 十大示范场景 (附件2 and the award list with amounts).
    for (const [index, programme] of (['key-enterprise', 'demo-scenario'] as const).entries()) {
      selectionIds.push((await walkSelection(t, experts, programme, YEAR, 9500 + index * 100)).selectionId);
    }
    const admin = await t.asAdmin();
    await admin.post(`/api/v1/future-scenarios/${YEAR}`).send({ scenarios: seedAnnexes[3]().scenarios }).expect(201);
    // Not published: a call still open for submissions.
    t.clock.set(`${YEAR}-06-01T01:00:00.000Z`);
    await admin.post('/api/v1/selections').send({ programme: 'key-enterprise', year: YEAR + 1, submissionDeadlineDate: `${YEAR + 1}-03-31` }).expect(201);
    base = t.baseUrl;
  }, 600_000);

  afterAll(async () => {
    await t?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('--year: every published selection of the year and its 附件3, in txt, html and docx, as the API serves them', async () => {
    const lines: string[] = [];
    const outDir = join(folder, 'year');
    const written = await writeAnnexes(databaseSource(t.app), request({ years: [YEAR], outDir }), (line) => lines.push(line));
    expect(readdirSync(outDir).sort()).toEqual(
      ['annex-1-key-enterprises', 'annex-2-demo-scenarios', 'annex-3-future-scenarios', `award-list-demo-scenario-${YEAR}`]
        .flatMap((name) => ALL_FORMATS.map((format) => `${name}.${format}`))
        .sort(),
    );
    expect(lines.filter((line) => line.startsWith('annexes: wrote '))).toHaveLength(written.length);
    await expectAsServed(written);
    expect(readFileSync(join(outDir, 'annex-3-future-scenarios.txt'), 'utf8')).toContain(seedAnnexes[3]().scenarios[0].title);
  });

  it('--selection with one format writes just that selection\'s documents', async () => {
    const outDir = join(folder, 'one');
    const written = await writeAnnexes(databaseSource(t.app), request({ selections: [selectionIds[0]], formats: ['txt'], outDir }), () => undefined);
    expect(readdirSync(outDir)).toEqual(['annex-1-key-enterprises.txt']);
    await expectAsServed(written);
  });

  it('--api downloads the same files from a running API', async () => {
    const outDir = join(folder, 'api');
    const written = await writeAnnexes(httpSource(base), request({ years: [YEAR], formats: ['txt', 'docx'], outDir }), () => undefined);
    expect(written).toHaveLength(8);
    await expectAsServed(written);
  });

  it('refuses an unknown selection, naming the ones there are, and writes nothing', async () => {
    const outDir = join(folder, 'unknown');
    const attempt = writeAnnexes(databaseSource(t.app), request({ selections: [selectionIds[0], 'key-enterprise-1999'], outDir }), () => undefined);
    await expect(attempt).rejects.toThrow(AnnexesError);
    await expect(attempt).rejects.toThrow(`unknown selection "key-enterprise-1999"; this database has ${[...selectionIds, `key-enterprise-${YEAR + 1}`].sort().join(', ')}`);
    expect(() => readdirSync(outDir)).toThrow(/ENOENT/);
  });

  it('refuses a selection not yet published, saying which phase it is in (also over --api)', async () => {
    const open = `key-enterprise-${YEAR + 1}`;
    const expected = `${open} is not published yet: it is in phase "open" (the selection is open for submissions until the end of ${YEAR + 1}-03-31)`;
    await expect(writeAnnexes(databaseSource(t.app), request({ selections: [open] }), () => undefined)).rejects.toThrow(expected);
    await expect(writeAnnexes(httpSource(base), request({ selections: [open] }), () => undefined)).rejects.toThrow(expected);
    await expect(writeAnnexes(databaseSource(t.app), request({ years: [1999] }), () => undefined)).rejects.toThrow('nothing is published for 1999');
  });

  it('refuses a folder it cannot write to, with exit code 1', async () => {
    const notAFolder = join(folder, 'a-file');
    writeFileSync(notAFolder, 'x');
    const attempt = writeAnnexes(databaseSource(t.app), request({ selections: [selectionIds[0]], outDir: join(notAFolder, 'out') }), () => undefined);
    await expect(attempt).rejects.toThrow(/^cannot write to the folder .*a-file\/out: ENOTDIR/);
    await expect(attempt).rejects.toHaveProperty('exitCode', 1);
  });

  it('reports an API it cannot reach', async () => {
    await expect(writeAnnexes(httpSource('http://127.0.0.1:9'), request({ years: [YEAR] }), () => undefined)).rejects.toThrow(/^cannot reach the API at http:\/\/127.0.0.1:9/);
  });
});

describe('npm run annexes arguments', () => {
  const parse = (...argv: string[]) => {
    const output = { out: '', err: '' };
    try {
      const parsed = parseAnnexesArguments(argv, { out: (text) => (output.out += text), err: (text) => (output.err += text) });
      return { parsed, exitCode: 0, ...output };
    } catch (error) {
      if (!(error instanceof AnnexesError)) throw error;
      return { parsed: undefined, exitCode: error.exitCode, ...output };
    }
  };

  it('reads repeated selections and years, a format list and the folder; txt, html and docx into ./out by default', () => {
    expect(parse('--selection', 'a-2025', '-s', 'b-2025', '--year', '2025', '--format', 'txt,docx', '--out', 'x').parsed).toEqual({
      selections: ['a-2025', 'b-2025'],
      years: [2025],
      formats: ['txt', 'docx'],
      outDir: join(process.cwd(), 'x'),
    });
    expect(parse('--year', '2025', '--api', 'http://localhost:3000/').parsed).toMatchObject({ formats: ['txt', 'html', 'docx'], outDir: join(process.cwd(), 'out'), api: 'http://localhost:3000' });
  });

  it('--help prints the usage, the one-process note on the embedded database and the exit codes (exit 0)', () => {
    const help = parse('--help');
    expect([help.parsed, help.exitCode]).toEqual([null, 0]);
    expect(help.out).toMatch(/--selection <id>/);
    expect(help.out).toMatch(/belongs to ONE process: stop\s+`npm start` first, or .*--api http:\/\/host:port/s);
    expect(help.out).toMatch(/Exit codes: 0 written, 1 failed .*, 2 bad arguments/);
  });

  it.each([
    [[], /name at least one --selection <id> or --year <year>/],
    [['--year', '25'], /a year is four digits/],
    [['-s', 'x', '--format', 'txt,pdf'], /formats are txt, html and docx/],
    [['-s', 'x', '--api', 'ftp://host'], /over http or https/],
    [['-s', 'x', 'extra'], /too many arguments/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--selection'], /argument missing/],
  ])('%j: exit code 2 with a message', (argv, message) => {
    const result = parse(...(argv as string[]));
    expect(result.exitCode).toBe(2);
    expect(result.err).toMatch(message);
  });
});
