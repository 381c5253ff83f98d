/**
 * The dossier export of a 5,000-dossier selection (and a 20,000 one, to show memory does not grow with
 * the rows), as xlsx through ExcelJS's streaming WorkbookWriter and as CSV: seconds, file size and the
 * peak memory above the baseline while writing (sampled every 10 ms, after a forced GC), beside ExcelJS's
 * in-memory Workbook writing the same rows, for comparison.
 *
 *   npm run bench:exports                                   # PGlite, and the server at DATABASE_URL when set
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:exports
 *
 * The rows are written straight into rm_dossiers and organisations (what the projector would leave):
 * the export's reading and writing is what is measured, not the projection.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations, startEmbeddedPostgres } from '@app/database';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { READ_MODELS_SCHEMA } from '@app/read-models';
import { ACCOUNTS_SCHEMA } from '../src/auth/accounts.schema';
import type { ExportTable } from '../src/exports/export-table';
import { dossiersExport } from '../src/exports/sources/dossiers.export';
import { writeCsv } from '../src/exports/write-csv';
import { writeXlsx } from '../src/exports/write-xlsx';

const SIZES = [5000, 20000];
const SELECTION_ID = 'demo-scenario-2026';
const rules = JSON.parse(readFileSync(join(process.cwd(), 'seeds/programmes/demo-scenario.json'), 'utf8')) as Selection['rules'];
const selection = { selectionId: SELECTION_ID, rules } as Selection;
const TEXT = '面向轨道交通装备离散制造场景,构建基于工业大模型的柔性排产与质量追溯系统,实现订单交付周期缩短、良品率提升与能耗下降。';

interface Target {
  readonly label: string;
  readonly url: string;
  dispose(): Promise<void>;
}

async function seed(dataSource: DataSource, count: number): Promise<void> {
  await dataSource.query('TRUNCATE rm_dossiers');
  await dataSource.query('DELETE FROM organisations');
  for (let org = 0; org < 200; org += 1) {
    await dataSource.query('INSERT INTO organisations (credit_code, name, contact_name, contact_phone) VALUES ($1, $2, $3, $4)', [
      `91430100BENCH${String(org).padStart(5, '0')}`,
      `湖南第${org}号智能制造有限公司`,
      '联系人',
      '0731-88888888',
    ]);
  }
  for (let start = 0; start < count; start += 500) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let index = start; index < Math.min(count, start + 500); index += 1) {
      const creditCode = `91430100BENCH${String(index % 200).padStart(5, '0')}`;
      const submittedAt = new Date(Date.UTC(2026, 2, 2) + index * 60_000).toISOString();
      const dossier = {
        status: 'passed',
        dossierId: `${SELECTION_ID}-${String(index).padStart(8, '0')}`,
        selectionId: SELECTION_ID,
        programme: 'demo-scenario',
        applicantCreditCode: creditCode,
        title: `示范场景项目 ${index}`,
        projectCode: `P-${index}`,
        tier: rules.tiers[0].code,
        fields: Object.fromEntries(rules.fields.map((field) => [field.code, `${field.name}:${TEXT}`])),
        declaredInvestmentFen: 1_000_000_000 + index,
        excludedExpertIds: [],
        attachments: [],
        firstSubmittedAt: submittedAt,
        lastSubmittedAt: submittedAt,
        correction: null,
        approvedInvestmentFen: 900_000_000,
        assignments: [],
        scores: [],
        objections: [],
        award: null,
        closingReason: null,
      } as unknown as Dossier;
      const base = values.length;
      rows.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, 'passed', $${base + 6}, 900000000, 0, 0, $${base + 7})`);
      values.push(dossier.dossierId, SELECTION_ID, creditCode, dossier.title, dossier.tier, submittedAt, JSON.stringify(dossier));
    }
    await dataSource.query(
      `INSERT INTO rm_dossiers (id, selection_id, applicant_credit_code, title, tier, status, submitted_at, approved_investment_fen, assigned_count, scored_count, state) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

/** Counts bytes and throws them away, as a slow-enough client would only make it longer. */
function sink(): { stream: Writable; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { stream, bytes: () => bytes };
}

/**
 * For comparison only: the same rows into ExcelJS's in-memory Workbook, then written at once; what
 * the streaming writer avoids (the whole workbook as objects, then as a buffer).
 */
async function writeXlsxInMemory(table: ExportTable, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName);
  sheet.columns = table.columns.map((column, index) => ({ header: column.header, key: String(index) }));
  for await (const row of table.rows()) sheet.addRow([...row]);
  const buffer = await workbook.xlsx.writeBuffer();
  stream.end(Buffer.from(buffer as ArrayBuffer));
}

async function measure(write: (table: ExportTable, stream: Writable) => Promise<void>, table: ExportTable) {
  global.gc?.();
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed + baseline.external + baseline.arrayBuffers;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external + now.arrayBuffers);
  }, 10);
  const out = sink();
  const finished = new Promise<void>((resolve, reject) => {
    out.stream.on('finish', resolve);
    out.stream.on('error', reject);
  });
  const started = process.hrtime.bigint();
  await write(table, out.stream);
  await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  const mib = (bytes: number) => bytes / 1024 / 1024;
  return { seconds, sizeMiB: mib(out.bytes()), rssMiB: mib(peakRss - baseline.rss), heapMiB: mib(peakHeap - baseline.heapUsed - baseline.external - baseline.arrayBuffers) };
}

async function targets(): Promise<Target[]> {
  const embedded = await startEmbeddedPostgres();
  const list: Target[] = [{ label: 'PGlite 0.5 (in this process)', url: embedded.url, dispose: () => embedded.stop() }];
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    list.push({
      label: 'PostgreSQL server',
      url: url.toString(),
      dispose: async () => {
        const client = new Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    });
  }
  return list;
}

async function main(): Promise<void> {
  process.stdout.write(`exports bench: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  process.stdout.write('| database | dossiers | format | seconds | rows/s | file MiB | peak RSS above baseline MiB | peak JS heap + buffers above baseline MiB |\n|---|---:|---|---:|---:|---:|---:|---:|\n');
  for (const target of await targets()) {
    for (const set of [ACCOUNTS_SCHEMA, READ_MODELS_SCHEMA]) await runMigrations(target.url, set);
    const dataSource = await new DataSource({ type: 'postgres', url: target.url }).initialize();
    for (const size of SIZES) {
      await seed(dataSource, size);
      const writers = [['xlsx', writeXlsx], ['csv', writeCsv], ['xlsx in memory (not used; comparison)', writeXlsxInMemory]] as const;
      for (const [format, write] of writers) {
        const result = await measure(write, dossiersExport(dataSource, selection));
        process.stdout.write(
          `| ${target.label} | ${size.toLocaleString('en')} | ${format} | ${result.seconds.toFixed(2)} | ${Math.round(size / result.seconds).toLocaleString('en')} | ${result.sizeMiB.toFixed(1)} | ${result.rssMiB.toFixed(0)} | ${result.heapMiB.toFixed(0)} |\n`,
        );
      }
    }
    await dataSource.destroy();
    await target.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
