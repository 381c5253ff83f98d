import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import request from 'supertest';
import type { ProgrammeCode } from '@app/domain/programmes';
import { formatPosition } from '@app/event-store';
import { DATABASE_LOCATION, PG_POOL } from '@app/platform';
import type { DatabaseLocation } from '@app/database';
import { EVENT_NAMES } from '../../apps/api/src/portal/audit-summary';
import { testDatabaseKinds } from '../support/test-databases';
import { ADMIN, AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, walkSelection, WalkCapture } from './walk-selection';

const PROGRAMMES: ProgrammeCode[] = ['key-enterprise', 'demo-scenario', 'vertical-model', 'dataset', 'innovative-product', 'innovation-platform'];
const run = promisify(execFile);

interface Reads {
  selection: { status: number; body: unknown };
  dossier: { status: number; body: unknown };
  scoreboard: { status: number; body: unknown };
  shortlist: { status: number; body: unknown };
}

/** The four reads that can travel in time, with `query` appended (empty: today's). */
async function readMoment(admin: AuthenticatedClient, selectionId: string, dossierId: string, query: string): Promise<Reads> {
  const get = async (url: string) => {
    const response = await admin.get(`${url}${query}`);
    return { status: response.status, body: response.body };
  };
  return {
    selection: await get(`/api/v1/selections/${selectionId}`),
    dossier: await get(`/api/v1/dossiers/${dossierId}`),
    scoreboard: await get(`/api/v1/selections/${selectionId}/scoreboard`),
    shortlist: await get(`/api/v1/selections/${selectionId}/shortlist`),
  };
}

/** The same instant written in Beijing time, as a person would type it. */
const inBeijing = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

for (const kind of testDatabaseKinds()) {
  describe(`a full selection of each programme over HTTP only, on ${kind}`, () => {
    let t: TestApp;
    let experts: AuthenticatedClient[];
    const moments: { at: string; position: string; selectionId: string; dossierId: string; reads: Reads }[] = [];
    const capture: WalkCapture = async ({ at, selectionId, dossierIds }) => {
      const head = await t.store.headPosition();
      const reads = await readMoment(await t.asAdmin(), selectionId, dossierIds[0], '');
      moments.push({ at, position: formatPosition(head!), selectionId, dossierId: dossierIds[0], reads });
    };
    beforeAll(async () => {
      t = await startTestApp(kind);
      experts = await registerExperts(t, 6, 9000);
    });
    afterAll(async () => t?.close());

    it.each(PROGRAMMES.map((programme, index) => [programme, index] as const))(
      '%s: call → submissions → formal review → 6 experts score → shortlist → notice → objection upheld (递补) → awards published → annex',
      async (programme, index) => {
        const seed = seedProgramme(programme);
        // The first programme's walk also records what the reads showed at the end of each step.
        const result = await walkSelection(t, experts, programme, 2026, 1000 + index * 100, index === 0 ? capture : undefined);

        // One listed per tier (quota 1), the stronger dossier of each pair.
        expect(result.listedBefore).toHaveLength(seed.tiers.length);
        // The upheld objection dropped the first listed dossier and its tier's reserve moved up.
        expect(result.listedAfter).toHaveLength(seed.tiers.length);
        expect(result.listedAfter).not.toContain(result.listedBefore[0]);
        expect(result.listedAfter.slice(1)).toEqual(result.listedBefore.slice(1));

        expect(result.awards).toHaveLength(seed.tiers.length);
        if (seed.award.kind === 'money') {
          // 核定投资额 9,000,000 yuan × 20 % = 1,800,000 yuan, under or at each programme's cap.
          const expected = Math.min(Math.floor((900_000_000 * seed.award.rateBasisPoints) / 10_000), seed.award.capFen);
          for (const award of result.awards) expect(award.paidFen ?? award.amountFen).toBe(expected);
        }
        expect(result.annexTxt.length).toBeGreaterThan(20);
      },
    );

    it('time travel: selection, dossier, scoreboard and shortlist read ?asOf= or ?position= equal what they showed at that moment of the walk', async () => {
      expect(moments.length).toBe(6);
      const admin = await t.asAdmin();
      // The walk went on past every moment (five more programmes): today's reads differ from the early ones.
      const today = await readMoment(admin, moments[0].selectionId, moments[0].dossierId, '');
      expect(today).not.toEqual(moments[0].reads);
      for (const moment of moments) {
        expect(await readMoment(admin, moment.selectionId, moment.dossierId, `?asOf=${encodeURIComponent(inBeijing(moment.at))}`)).toEqual(moment.reads);
        expect(await readMoment(admin, moment.selectionId, moment.dossierId, `?position=${moment.position}`)).toEqual(moment.reads);
      }
      const before = await admin.get(`/api/v1/selections/${moments[0].selectionId}?asOf=2026-01-01T00:00:00%2B08:00`);
      expect([before.status, before.body.details?.code]).toEqual([404, 'selection-not-found']);
      const malformed = await admin.get(`/api/v1/selections/${moments[0].selectionId}?asOf=yesterday`);
      expect([malformed.status, malformed.body.details?.[0]?.field]).toEqual([400, 'asOf']);
      const both = await admin.get(`/api/v1/selections/${moments[0].selectionId}?asOf=2026-06-01T00:00:00Z&position=1/1`);
      expect(both.status).toBe(400);
    });

    it('the hash chain of the walked year verifies, and its head is public', async () => {
      const admin = await t.asAdmin();
      await t.http.get('/api/v1/audit/verify').expect(401);
      const verified = await admin.get('/api/v1/audit/verify').expect(200);
      expect(verified.body).toMatchObject({ intact: true, firstBreak: null, brokenEvents: 0 });
      expect(verified.body.events).toBeGreaterThan(300);
      const published = await t.http.get('/api/v1/audit/head').expect(200);
      expect(published.body.head.chainHash).toMatch(/^[0-9a-f]{64}$/);
      expect(published.body.head.seq).toBeGreaterThanOrEqual(verified.body.head.seq);
      expect(published.body.daily[0].head.seq).toBe(published.body.head.seq);
      expect(published.body.lastVerification).toMatchObject({ intact: true, events: verified.body.events });
    });

    it('the portal shows 完整性已核验 with its time and head hash, a selection as it stood at a moment with what changed since another, and the daily head on the notice page', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const login = await agent.get('/login').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)?.[1] ?? '';
      await agent.post('/login').type('form').send({ _csrf: csrf, username: ADMIN.username, password: ADMIN.password }).expect(303);
      const anonymous = await t.http.get('/admin/audit').expect(303);
      expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent('/admin/audit')}`);
      const page = await agent.get('/admin/audit?verify=1').expect(200);
      const head = (await t.http.get('/api/v1/audit/head').expect(200)).body.head;
      expect(page.text).toContain('<strong>完整性已核验</strong>');
      expect(page.text).toContain(head.chainHash);

      const [, reviewReady, scored] = moments;
      const input = (instant: string) => inBeijing(instant).slice(0, 16);
      const between = await agent
        .get(`/admin/audit?selection=${reviewReady.selectionId}&from=${input(reviewReady.at)}&to=${input(scored.at)}`)
        .expect(200);
      expect(between.text).toContain(EVENT_NAMES.ExpertReviewStarted);
      expect(between.text).toContain(EVENT_NAMES.ScoreSubmitted);
      // Nothing from before the first moment (formal review) or after the second (closing review).
      expect(between.text).not.toContain(EVENT_NAMES.FormalReviewPassed);
      expect(between.text).not.toContain(EVENT_NAMES.ReviewClosed);
      const selection = (await (await t.asAdmin()).get(`/api/v1/selections/${scored.selectionId}?asOf=${encodeURIComponent(scored.at)}`)).body;
      expect(between.text).toContain(selection.title);
      const bad = await agent.get(`/admin/audit?selection=${reviewReady.selectionId}&from=${input(scored.at)}&to=${input(reviewReady.at)}`).expect(400);
      expect(bad.text).toContain('比较起点须早于要查看的时刻');

      const notice = await t.http.get(`/selections/${scored.selectionId}/notice`).expect(200);
      expect(notice.text).toContain('存证哈希');
      expect(notice.text).toContain(head.chainHash);
    });

    it("a selection's history exported as JSON Lines passes the standalone verifier, and an edited copy fails at the edited line", async () => {
      const admin = await t.asAdmin();
      const selectionId = moments[0].selectionId;
      // Decoded once at the end: a chunk may end inside a character of Chinese text (decoding each chunk on
      // its own turned the split character into U+FFFD, and the verifier rightly called that copy broken).
      const exported = await admin.get(`/api/v1/selections/${selectionId}/history`).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
      await t.http.get(`/api/v1/selections/${selectionId}/history`).expect(401);
      const folder = mkdtempSync(join(tmpdir(), 'history-'));
      try {
        const file = join(folder, 'history.jsonl');
        writeFileSync(file, exported.body as string);
        const ok = await run(process.execPath, ['tools/verify-history.mjs', file]).catch((error: { stdout?: string; stderr?: string }) => {
          throw new Error(`the standalone verifier refused the intact export: ${error.stdout ?? ''}${error.stderr ?? ''}`);
        });
        expect(ok.stdout).toMatch(new RegExp(`^intact: ${selectionId}, \\d+ streams, \\d+ events`));

        const lines = readFileSync(file, 'utf8').split('\n');
        const scored = lines.findIndex((line) => line.includes('"type":"ScoreSubmitted"'));
        const line = JSON.parse(lines[scored]);
        line.data.total += 1;
        lines[scored] = JSON.stringify(line);
        writeFileSync(file, lines.join('\n'));
        const broken = await run(process.execPath, ['tools/verify-history.mjs', file]).then(
          () => null,
          (error: { code: number; stdout: string }) => error,
        );
        expect(broken?.code).toBe(1);
        expect(broken?.stdout).toContain(`BROKEN at line ${scored + 1}: ${line.streamId} revision ${line.revision} (ScoreSubmitted, event ${line.eventId}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('a score edited in the events table by a superuser who disables the trigger: verification (HTTP and npm run audit:verify) points at exactly that event', async () => {
      const pool = t.app.get<Pool>(PG_POOL);
      const { rows } = await pool.query(
        `SELECT event_id, stream_id, stream_revision, transaction_id::text AS commit, global_position FROM es_events
          WHERE type = 'ScoreSubmitted' AND stream_id LIKE $1 ORDER BY global_position LIMIT 1 OFFSET 3`,
        [`dossier-${moments[0].selectionId}-%`],
      );
      const target = rows[0];
      await expect(pool.query(`UPDATE es_events SET data = jsonb_set(data, '{total}', '99') WHERE event_id = $1`, [target.event_id])).rejects.toMatchObject({
        code: 'ES003',
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('ALTER TABLE es_events DISABLE TRIGGER es_events_append_only');
        await client.query(`UPDATE es_events SET data = jsonb_set(data, '{total}', '99') WHERE event_id = $1`, [target.event_id]);
        await client.query('ALTER TABLE es_events ENABLE TRIGGER es_events_append_only');
        await client.query('COMMIT');
      } finally {
        client.release();
      }

      const report = (await (await t.asAdmin()).get('/api/v1/audit/verify').expect(200)).body;
      expect(report.intact).toBe(false);
      expect(report.firstBreak).toMatchObject({
        kind: 'event-hash-mismatch',
        eventId: target.event_id,
        streamId: target.stream_id,
        revision: Number(target.stream_revision),
        type: 'ScoreSubmitted',
        position: `${target.commit}/${target.global_position}`,
      });

      const { url } = t.app.get<DatabaseLocation>(DATABASE_LOCATION);
      const cli = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'apps/api/src/commands/audit/verify.ts'], {
        env: { ...process.env, DATABASE_URL: url },
      }).then(
        () => null,
        (error: { code: number; stdout: string }) => error,
      );
      expect(cli?.code).toBe(1);
      expect(cli?.stdout).toContain(
        `BROKEN: event-hash-mismatch at position ${target.commit}/${target.global_position}, stream ${target.stream_id} revision ${target.stream_revision} (ScoreSubmitted, event ${target.event_id}`,
      );
    });
  });
}
