// 专家抽取 over HTTP: review starts by a seeded draw, each dossier keeps its record, anyone with the
// record replays it from the events, and freed places go to the reserves in the recorded order.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { replayDraw } from '@app/domain/assignment';
import { wordParagraphTexts, zipEntryText } from '../../libs/documents/src/testing/docx-reader.test-support';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { signDeclaration } from '../support/sign-declaration';
import { creditCode, preparePassedDossiers } from './prepare-dossiers';

const SELECTION = 'demo-scenario-2026';
const PASSWORD = 'expert-password-for-tests';
const DOMAIN = 'AI+离散型制造';
const dossierId = (n: number) => `${SELECTION}-d${n}`;
const RUBRIC_MAX: Record<string, number> = { technology: 25, effectiveness: 30, replicability: 25, investment: 10, compliance: 10 };
const run = promisify(execFile);
const pointsFor = (total: number) => Object.fromEntries(Object.entries(RUBRIC_MAX).map(([code, max]) => [code, (max * total) / 100]));

interface DrawRecordBody {
  dossierId: string;
  seed: string;
  candidates: string[];
  drawn: string[];
  reserves: string[];
}

for (const kind of behaviourDatabaseKinds()) {
  describe(`专家抽取 over HTTP on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const experts: string[] = [];
    const clients = new Map<string, AuthenticatedClient>();
    let records: DrawRecordBody[] = [];
    /** The seed the server drew for the review (none was given). */
    let seed = '';
    const recordOf = (n: number) => records.find((record) => record.dossierId === dossierId(n))!;
    const plan = (body: object) => admin.post(`/api/v1/selections/${SELECTION}/assignments`).send(body);
    const dossierEvents = async (n: number) => t.store.readStream(`dossier-${dossierId(n)}`);
    const holders = async (n: number): Promise<string[]> => {
      const board = (await admin.get(`/api/v1/selections/${SELECTION}/assignments`).expect(200)).body.dossiers as { dossierId: string; experts: { expertId: string; status: string }[] }[];
      return board.find((dossier) => dossier.dossierId === dossierId(n))!.experts.filter((e) => e.status === 'assigned').map((e) => e.expertId);
    };

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.asAdmin();
      await admin
        .post('/api/v1/selections')
        .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 2 }, expertsPerDossier: 3 } })
        .expect(201);
      for (let n = 1; n <= 9; n += 1) {
        const response = await admin
          .post('/api/v1/experts')
          .send({
            name: `抽取专家${n}`,
            organisationName: n === 1 ? '申报单位一' : `高校${n}`,
            organisationCreditCode: creditCode(n === 1 ? 1 : 900 + n),
            fields: [DOMAIN],
            username: `draw-expert${n}`,
            password: PASSWORD,
          })
          .expect(201);
        experts.push(response.body.expertId);
        clients.set(response.body.expertId, await t.as(`draw-expert${n}`, PASSWORD));
      }
    });
    afterAll(async () => t?.close());

    it('a draw before formal review has closed is a 409 that says where the selection is', async () => {
      const early = await plan({ method: 'draw', seed: '抽签-2026-04-15' }).expect(409);
      expect(early.body.details.code).toBe('wrong-phase');
      expect(early.body.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('a wrong method, reserves out of range, reserves without a draw, or a draw on a replacement round is a 400 naming the field', async () => {
      await preparePassedDossiers(t.store, SELECTION, [
        { dossierId: dossierId(1), organisation: 1, title: '第一场景', domain: DOMAIN },
        { dossierId: dossierId(2), organisation: 2, title: '第二场景', domain: DOMAIN, excludedExpertIds: [experts[1]] },
        { dossierId: dossierId(3), organisation: 3, title: '第三场景', domain: DOMAIN },
      ]);
      await t.settle();
      t.clock.set('2026-04-15T02:00:00.000Z');
      const method = await plan({ method: 'lottery' }).expect(400);
      expect(method.body.details.map((d: { field: string }) => d.field)).toEqual(['method']);
      const tooMany = await plan({ method: 'draw', reservesPerDossier: 11 }).expect(400);
      expect(tooMany.body.details.map((d: { field: string }) => d.field)).toEqual(['reservesPerDossier']);
      await plan({ method: 'draw', reservesPerDossier: 1.5 }).expect(400);
      const withoutDraw = await plan({ reservesPerDossier: 2 }).expect(400);
      expect(withoutDraw.body.details.code).toBe('reserves-only-with-draw');
      expect(withoutDraw.body.message).toMatch(/随机抽取/);
      const onReplacement = await admin.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).send({ method: 'draw' }).expect(400);
      expect(onReplacement.body.details.code).toBe('draw-only-at-start');
      await clients.get(experts[2])!.post(`/api/v1/selections/${SELECTION}/assignments`).send({ method: 'draw' }).expect(403);
      expect((await dossierEvents(1)).some((event) => event.type === 'ExpertsDrawn' || event.type === 'ExpertAssigned')).toBe(false);
    });

    it('review starts by draw: each dossier gets a record (ExpertsDrawn) and its drawn experts in one append; the selection keeps counts', async () => {
      const drawn = await plan({ method: 'draw', reservesPerDossier: 3 }).expect(201);
      seed = drawn.body.seed;
      expect(seed).toMatch(/^[0-9a-f]{16}$/); // none given: the server drew one and recorded it
      expect(drawn.body).toMatchObject({ selectionId: SELECTION, round: 1, method: 'draw', unfilled: [] });
      records = drawn.body.draws;
      expect(records.map((record) => record.dossierId)).toEqual([1, 2, 3].map(dossierId));
      expect(drawn.body.assignments).toHaveLength(9);
      for (const record of records) {
        expect(record).toMatchObject({ seed: `${seed}/${record.dossierId}` });
        expect(record.drawn).toHaveLength(3);
        expect(record.reserves).toHaveLength(3);
      }
      expect(recordOf(1).candidates).not.toContain(experts[0]); // works for d1's applicant
      expect(recordOf(2).candidates).not.toContain(experts[1]); // excluded by d2's applicant

      const [started] = (await t.store.readStream(`selection-${SELECTION}`)).filter((event) => event.type === 'ExpertReviewStarted');
      expect(started.data).toMatchObject({ method: 'draw', reservesPerDossier: 3, seed, assignedCount: 9 });
      expect(JSON.stringify(started.data)).not.toContain('candidates');
      const events = await dossierEvents(1);
      const types = events.map((event) => event.type);
      expect(types.slice(types.indexOf('ExpertsDrawn'))).toEqual(['ExpertsDrawn', 'ExpertAssigned', 'ExpertAssigned', 'ExpertAssigned']);
      expect(new Set(events.slice(types.indexOf('ExpertsDrawn')).map((event) => event.metadata.causationId))).toEqual(new Set([started.metadata.causationId]));
      expect((await holders(1)).sort()).toEqual([...recordOf(1).drawn].sort());

      const again = await plan({ method: 'draw', seed: 'x' }).expect(409);
      expect(again.body.details.code).toBe('wrong-phase');
    });

    it('replaying a recorded draw from its event reproduces the drawn experts, by the API and by the domain function alone', async () => {
      const [event] = (await dossierEvents(2)).filter((candidate) => candidate.type === 'ExpertsDrawn');
      const stored = event.data as DrawRecordBody;
      expect(replayDraw(stored)).toEqual({ drawn: recordOf(2).drawn, reserves: recordOf(2).reserves, matches: true });

      const one = await admin.get(`/api/v1/dossiers/${dossierId(2)}/draw`).expect(200);
      expect(one.body).toMatchObject({ ...recordOf(2), replayed: { drawn: recordOf(2).drawn, reserves: recordOf(2).reserves }, reproduces: true, assignmentsFollowRecord: true, reservesCalled: [] });
      const all = await admin.get(`/api/v1/selections/${SELECTION}/draws`).expect(200);
      expect(all.body).toMatchObject({ selectionId: SELECTION, drawnDossiers: 3, allReproduce: true });

      await admin.get(`/api/v1/dossiers/${SELECTION}-none/draw`).expect(404);
      await admin.get('/api/v1/selections/none-2026/draws').expect(404);
      await clients.get(experts[3])!.get(`/api/v1/dossiers/${dossierId(2)}/draw`).expect(403);
      await t.http.get(`/api/v1/dossiers/${dossierId(2)}/draw`).expect(401);
    });

    it('an auditor replays every draw from the exported history with Node alone; an edited record does not reproduce', async () => {
      const exported = await admin.get(`/api/v1/selections/${SELECTION}/history`).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      }).expect(200);
      const folder = mkdtempSync(join(tmpdir(), 'draws-'));
      try {
        const file = join(folder, 'history.jsonl');
        writeFileSync(file, exported.body as string);
        expect((await run(process.execPath, ['tools/verify-history.mjs', file])).stdout).toMatch(/^intact: /); // the records are the ones written
        const ok = await run(process.execPath, ['tools/replay-draws.mjs', file]);
        expect(ok.stdout).toContain('3 draws, 3 reproduce');
        for (const record of records) expect(ok.stdout).toContain(`reproduces: ${record.dossierId}  seed ${record.seed}  drawn ${record.drawn.join(' ')}  reserves ${record.reserves.join(' ')}`);

        const lines = (exported.body as string).split('\n');
        const at = lines.findIndex((line) => line.includes('"type":"ExpertsDrawn"'));
        const line = JSON.parse(lines[at]);
        [line.data.drawn[0], line.data.reserves[0]] = [line.data.reserves[0], line.data.drawn[0]];
        lines[at] = JSON.stringify(line);
        writeFileSync(file, lines.join('\n'));
        const broken = await run(process.execPath, ['tools/replay-draws.mjs', file]).then(() => null, (error: { code: number; stdout: string }) => error);
        expect(broken?.code).toBe(1);
        expect(broken?.stdout).toContain(`DOES NOT REPRODUCE at line ${at + 1}: ${line.data.dossierId}`);
        expect(broken?.stdout).toContain('3 draws, 2 reproduce');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('the draw is in the audit: the dossier stream names the record, the selection the method', async () => {
      const audit = await admin.get(`/api/v1/streams/dossier-${dossierId(1)}/events`).expect(200);
      expect(JSON.stringify(audit.body)).toContain('ExpertsDrawn');
      expect(JSON.stringify(audit.body)).toContain(`${seed}/${dossierId(1)}`);
      const page = await admin.get(`/admin/streams/dossier-${dossierId(1)}`).expect(200);
      expect(page.text).toContain('专家抽取');
      expect(page.text).toContain(`种子 ${seed}/${dossierId(1)}`);
      const selectionPage = await admin.get(`/admin/streams/selection-${SELECTION}`).expect(200);
      expect(selectionPage.text).toContain('随机抽取(每项备选 3 人');
    });

    it('a drawn expert recuses: the replacement round calls the first reserve of that dossier, in the recorded order', async () => {
      const record = recordOf(1);
      const leaving = record.drawn[0];
      await clients.get(leaving)!.post(`/api/v1/dossiers/${dossierId(1)}/recusal`).send({ reason: '与申报单位存在合作关系' }).expect(200);
      const replaced = await admin.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).send({}).expect(200);
      expect(replaced.body.assignments).toEqual([{ dossierId: dossierId(1), expertId: record.reserves[0], fieldMatch: true, drawReserve: 0 }]);
      const [started] = (await t.store.readStream(`selection-${SELECTION}`)).filter((event) => event.type === 'ReplacementAssignmentsPlanned');
      expect(started.data).toMatchObject({ round: 2, fromReserves: 1, assignedCount: 1 });
      const verified = await admin.get(`/api/v1/dossiers/${dossierId(1)}/draw`).expect(200);
      expect(verified.body).toMatchObject({ reproduces: true, assignmentsFollowRecord: true, reservesCalled: [{ expertId: record.reserves[0], reserveIndex: 0 }] });
    });

    it('a drawn expert\'s score is declared invalid: the next reserve of that dossier takes the freed place', async () => {
      t.clock.set('2026-04-16T02:00:00.000Z');
      const record = recordOf(3);
      const [scorer] = record.drawn;
      await signDeclaration(clients.get(scorer)!, SELECTION);
      await clients.get(scorer)!.put(`/api/v1/dossiers/${dossierId(3)}/reviews/mine`).send({ points: pointsFor(70), comment: '材料翔实' }).expect(200);
      await admin.post(`/api/v1/dossiers/${dossierId(3)}/reviews/${scorer}/invalidation`).send({ reason: '评审意见与所给分数矛盾' }).expect(200);
      const replaced = await admin.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).send({}).expect(200);
      const next = record.reserves[0];
      expect(replaced.body.assignments).toEqual([{ dossierId: dossierId(3), expertId: next, fieldMatch: true, drawReserve: 0 }]);
      expect(await holders(3)).toContain(next);
      expect(await holders(3)).not.toContain(scorer);
      expect((await admin.get(`/api/v1/selections/${SELECTION}/draws`).expect(200)).body.allReproduce).toBe(true);
    });
  
    it('after review closes, the invalidated expert\'s 专家评分表 reads 无效 with the reason on that row, not 回避', async () => {
      t.clock.set('2026-04-20T02:00:00.000Z');
      for (const n of [1, 2, 3]) {
        for (const expertId of await holders(n)) {
          const client = clients.get(expertId)!;
          await signDeclaration(client, SELECTION);
          const mine = await client.get(`/api/v1/dossiers/${dossierId(n)}/reviews/mine`);
          if (mine.status === 404) await client.put(`/api/v1/dossiers/${dossierId(n)}/reviews/mine`).send({ points: pointsFor(80 - n), comment: '材料翔实' }).expect(200);
        }
      }
      await admin.post(`/api/v1/selections/${SELECTION}/close-review`).expect(200);
      await t.settle();
      const [scorer] = recordOf(3).drawn;
      const sheet = await admin.get(`/api/v1/selections/${SELECTION}/score-sheets/${scorer}`).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      const paragraphs = wordParagraphTexts(zipEntryText(sheet.body as Buffer, 'word/document.xml'));
      const at = paragraphs.indexOf('第三场景');
      expect(paragraphs.slice(at + 1, at + 7)).toEqual(['无效', '无效', '无效', '无效', '无效', '无效']);
      expect(paragraphs.some((text) => text.includes('《第三场景》:评分已被认定无效(原总分 70),理由:评审意见与所给分数矛盾。'))).toBe(true);
      expect(paragraphs.slice(at + 1, at + 7)).not.toContain('回避');
    });
  });
}
