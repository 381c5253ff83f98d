import { DataSource } from 'typeorm';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { signDeclaration } from '../support/sign-declaration';
import { creditCode, preparePassedDossiers } from './prepare-dossiers';

/**
 * The two-stage year of two-stage-year.spec.ts over HTTP: a 十大示范场景 call opened with 通讯评审 →
 * 会议评审(答辩) and 40 % + 60 %, online scores, the stage closed, the panel formed (one member recused
 * from one dossier), defences scheduled (the applicant is notified) with one no-show scored zero, the
 * panel's scores, the combined ranking, the notice, the awards and their publication.
 */
const SELECTION = 'demo-scenario-2026';
const PASSWORD = 'expert-password-for-tests';
const DOMAIN = 'AI+离散型制造';
const dossierId = (n: number) => `${SELECTION}-d${n}`;

const STAGES = [
  { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 3 } },
  {
    code: 'panel',
    name: '会议评审',
    kind: 'site-visit-or-defence',
    rubric: [
      { code: 'defence', name: '答辩表现', weight: 30, maxPoints: 30 },
      { code: 'feasibility', name: '实施可行性', weight: 30, maxPoints: 30 },
      { code: 'impact', name: '示范带动', weight: 25, maxPoints: 25 },
      { code: 'team', name: '团队与保障', weight: 15, maxPoints: 15 },
    ],
    aggregation: 'mean',
    minimumValidReviews: 3,
    defence: { noShow: 'score-zero' },
  },
];
const ONLINE_MAX: Record<string, number> = { technology: 25, effectiveness: 30, replicability: 25, investment: 10, compliance: 10 };
const PANEL_MAX: Record<string, number> = { defence: 30, feasibility: 30, impact: 25, team: 15 };
const pointsOf = (max: Record<string, number>, total: number) => Object.fromEntries(Object.entries(max).map(([code, most]) => [code, (most * total) / 100]));
/** Online targets: d3 and d4 tie at the cut of the top three, d5 stays behind. */
const ONLINE: Record<number, number> = { 1: 90, 2: 85, 3: 80, 4: 80, 5: 60 };
/** The panel's totals per dossier; d4 misses its defence. */
const PANEL: Record<number, number> = { 1: 70, 2: 90, 3: 86 };

for (const kind of behaviourDatabaseKinds()) {
  describe(`a two-stage year over HTTP (通讯评审 → 会议评审/答辩) on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const expertIds = new Map<string, string>();
    const clients = new Map<string, AuthenticatedClient>();
    const client = (username: string) => clients.get(username)!;

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.asAdmin();
    });
    afterAll(async () => t?.close());

    it('the admin opens the call with its stages; a malformed stage list is a 400 naming each field', async () => {
      const bad = await admin
        .post('/api/v1/selections')
        .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 2 }, stages: [{ ...STAGES[0], kind: 'panel' }, STAGES[1]] } })
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('stages[0].kind');
      await admin
        .post('/api/v1/selections')
        .send({
          programme: 'demo-scenario',
          year: 2026,
          submissionDeadlineDate: '2026-03-31',
          overrides: { quotas: { scenario: 2 }, expertsPerDossier: 3, stages: STAGES, finalRanking: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } } },
        })
        .expect(201);
      const opened = await t.store.readStream(`selection-${SELECTION}`);
      expect(opened[0].data).toMatchObject({ rules: { stages: [{ code: 'online' }, { code: 'panel', kind: 'site-visit-or-defence' }], finalRanking: { kind: 'weighted' } } });
    });

    it('online experts review and score the five dossiers', async () => {
      // online-1..3 review online; panel-1..4 form the panel later, panel-4 works for the applicant of d2.
      const people = [
        ...[1, 2, 3].map((n) => ({ username: `online-${n}`, organisation: 910 + n })),
        ...[1, 2, 3, 4].map((n) => ({ username: `panel-${n}`, organisation: n === 4 ? 2 : 920 + n })),
      ];
      for (const { username, organisation } of people) {
        const registered = await admin
          .post('/api/v1/experts')
          .send({ name: `专家${username}`, organisationName: `单位${organisation}`, organisationCreditCode: creditCode(organisation), fields: [username.startsWith('online') ? DOMAIN : '智能制造'], username, password: PASSWORD })
          .expect(201);
        expertIds.set(username, registered.body.expertId);
        clients.set(username, await t.as(username, PASSWORD));
      }
      await preparePassedDossiers(
        t.store,
        SELECTION,
        [1, 2, 3, 4, 5].map((n) => ({ dossierId: dossierId(n), organisation: n, title: `第${n}场景`, domain: DOMAIN })),
      );
      await t.settle();
      t.clock.set('2026-04-15T02:00:00.000Z');
      const planned = await admin.post(`/api/v1/selections/${SELECTION}/assignments`).send({}).expect(201);
      expect(planned.body.unfilled).toEqual([]);
      for (const { dossierId: id, expertId } of planned.body.assignments as { dossierId: string; expertId: string }[]) {
        const username = [...expertIds].find(([, candidate]) => candidate === expertId)![0];
        await signDeclaration(client(username), SELECTION);
        const n = Number(id.slice(-1));
        await client(username).put(`/api/v1/dossiers/${id}/reviews/mine`).send({ points: pointsOf(ONLINE_MAX, ONLINE[n]), comment: '材料翔实' }).expect(200);
      }
    });

    it('closing review in the online stage is refused; closing the stage puts the top three and the tie forward', async () => {
      const early = await admin.post(`/api/v1/selections/${SELECTION}/close-review`).expect(409);
      expect(early.body.details.code).toBe('review-stage-not-last');
      expect(early.body.message).toMatch(/请先结束本阶段评审/);
      await admin.post(`/api/v1/selections/${SELECTION}/close-stage`).expect(200);
      await admin.post(`/api/v1/selections/${SELECTION}/close-stage`).expect(409);
      const closed = (await t.store.readStream(`selection-${SELECTION}`)).find((event) => event.type === 'ReviewStageClosed')!;
      expect((closed.data as { forwarded: { dossierId: string }[] }).forwarded.map((d) => d.dossierId)).toEqual([1, 2, 3, 4].map(dossierId));

      const boards = (await admin.get(`/api/v1/selections/${SELECTION}/stages`).expect(200)).body;
      expect(boards.stage).toBe(2);
      expect(boards.stages.map((board: { code: string; status: string }) => [board.code, board.status])).toEqual([
        ['online', 'closed'],
        ['panel', 'in-progress'],
      ]);
      expect(boards.stages[0].rows.map((row: { dossierId: string; forwarded: boolean }) => [row.dossierId, row.forwarded])).toEqual([
        [dossierId(1), true],
        [dossierId(2), true],
        [dossierId(3), true],
        [dossierId(4), true],
        [dossierId(5), false],
      ]);
      await client('online-1').get(`/api/v1/selections/${SELECTION}/stages`).expect(403);
    });

    it('the admin forms the panel; p4 is recused from d2 only; unknown members are a 400', async () => {
      await admin.post(`/api/v1/selections/${SELECTION}/panel`).send({ name: '会议评审专家组', expertIds: ['nobody'] }).expect(400);
      await admin.post(`/api/v1/selections/${SELECTION}/panel`).send({ name: '', expertIds: [] }).expect(400);
      const members = ['panel-1', 'panel-2', 'panel-3', 'panel-4'].map((username) => expertIds.get(username)!);
      const panel = await admin.post(`/api/v1/selections/${SELECTION}/panel`).send({ name: '会议评审专家组', expertIds: members }).expect(201);
      expect(panel.body).toMatchObject({ selectionId: SELECTION, stage: 2, name: '会议评审专家组' });
      const seat = (n: number) => (panel.body.seats as { dossierId: string; expertIds: string[]; recused: { expertId: string }[] }[]).find((s) => s.dossierId === dossierId(n))!;
      expect(seat(2).recused.map((r) => r.expertId)).toEqual([expertIds.get('panel-4')]);
      expect(seat(1).expertIds).toEqual(members);
      const again = await admin.post(`/api/v1/selections/${SELECTION}/panel`).send({ name: '第二组', expertIds: members }).expect(409);
      expect(again.body.details.code).toBe('panel-already-formed');
    });

    it('defences are scheduled (the applicant is notified) and attendance recorded; the panel waits for it', async () => {
      t.clock.set('2026-04-24T02:00:00.000Z');
      await signDeclaration(client('panel-1'), SELECTION);
      const waiting = await client('panel-1').put(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).send({ points: pointsOf(PANEL_MAX, 70), comment: '答辩清晰' }).expect(409);
      expect(waiting.body.details.code).toBe('defence-not-attended');

      const badSlot = await admin.put(`/api/v1/dossiers/${dossierId(1)}/defence`).send({ date: '2026-04-27', startTime: '25:00', order: 1 }).expect(400);
      expect(JSON.stringify(badSlot.body)).toContain('startTime');
      const noPlace = await admin.put(`/api/v1/dossiers/${dossierId(1)}/defence`).send({ date: '2026-04-27', startTime: '09:00', order: 1 }).expect(400);
      expect(noPlace.body.details.code).toBe('invalid-defence-slot');
      await admin.put(`/api/v1/dossiers/${dossierId(5)}/defence`).send({ date: '2026-04-27', startTime: '09:00', place: '会议室', order: 9 }).expect(409);
      for (const n of [1, 2, 3, 4]) {
        await admin
          .put(`/api/v1/dossiers/${dossierId(n)}/defence`)
          .send({ date: '2026-04-27', startTime: `${String(8 + n).padStart(2, '0')}:00`, place: '湖南省工业和信息化厅 3 楼会议室', order: n })
          .expect(200);
      }
      await t.settle();
      const notices: { subject: string; audience: string; dossier_id: string }[] = await t.app
        .get(DataSource)
        .query(`SELECT subject, audience, dossier_id FROM notification_outbox WHERE kind = 'defence-scheduled' ORDER BY dossier_id`);
      expect(notices.map((notice) => [notice.dossier_id, notice.audience])).toEqual([1, 2, 3, 4].map((n) => [dossierId(n), `organisation:${creditCode(n)}`]));
      expect(notices[0].subject).toBe('【答辩通知】《第1场景》请于2026-04-27 09:00参加答辩');

      t.clock.set('2026-04-27T06:00:00.000Z');
      for (const n of [1, 2, 3]) await admin.post(`/api/v1/dossiers/${dossierId(n)}/defence/attendance`).send({ attended: true }).expect(200);
      await admin.post(`/api/v1/dossiers/${dossierId(4)}/defence/attendance`).send({ attended: false, note: '申报单位未到场' }).expect(200);
      await admin.post(`/api/v1/dossiers/${dossierId(4)}/defence/attendance`).send({ attended: true }).expect(409);
      await admin.post(`/api/v1/dossiers/${dossierId(4)}/defence/attendance`).send({ attended: 'yes' }).expect(400);
      const d4 = (await admin.get(`/api/v1/dossiers/${dossierId(4)}`).expect(200)).body;
      expect(d4.defences).toEqual([{ stage: 2, date: '2026-04-27', startTime: '12:00', place: '湖南省工业和信息化厅 3 楼会议室', link: null, order: 4, attendance: 'absent' }]);
      expect(d4.panelStages[0]).toMatchObject({ stage: 2, panelName: '会议评审专家组', scores: [] });
    });

    it('panel members score with the panel rubric; a recused member, an online expert and a no-show are refused', async () => {
      const offsets = [1, -1, 2, -2];
      for (const [index, username] of ['panel-1', 'panel-2', 'panel-3', 'panel-4'].entries()) {
        await signDeclaration(client(username), SELECTION);
        for (const n of [1, 2, 3]) {
          const request = client(username).put(`/api/v1/dossiers/${dossierId(n)}/reviews/mine`).send({ points: pointsOf(PANEL_MAX, PANEL[n] + offsets[index]), comment: '答辩清晰,方案可行' });
          if (username === 'panel-4' && n === 2) {
            expect((await request.expect(403)).body.details.code).toBe('expert-recused');
          } else {
            await request.expect(200);
          }
        }
      }
      // Each member's task list shows his panel dossiers with the panel's rubric, scored in that stage.
      await t.settle();
      const tasks = (await client('panel-4').get('/api/v1/me/assignments').expect(200)).body as { dossierId: string; stage: number; rubric: { code: string }[]; scored: boolean; open: boolean }[];
      const panelTasks = tasks.filter((task) => task.stage === 2).sort((a, b) => a.dossierId.localeCompare(b.dossierId));
      expect(panelTasks.map((task) => task.dossierId)).toEqual([1, 3, 4].map(dossierId));
      expect(panelTasks.map((task) => [task.scored, task.open])).toEqual([[true, true], [true, true], [false, true]]);
      expect(panelTasks[0].rubric.map((criterion) => criterion.code)).toEqual(Object.keys(PANEL_MAX));
      // d2 has three panel scores (p4 recused): +1, −1, +2 around 90.
      const mine = await client('panel-1').get(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`).expect(200);
      expect(mine.body.total).toBe(91);
      const noShow = await client('panel-1').put(`/api/v1/dossiers/${dossierId(4)}/reviews/mine`).send({ points: pointsOf(PANEL_MAX, 80), comment: '未到场' }).expect(409);
      expect(noShow.body.details.code).toBe('defence-not-attended');
      // An online expert who is not on the panel, on a dossier he reviewed online.
      const onlineOf = async (n: number) =>
        (await t.store.readStream(`dossier-${dossierId(n)}`)).filter((event) => event.type === 'ExpertAssigned').map((event) => (event.data as { expertId: string }).expertId);
      const [n, onlineId] = (await Promise.all([1, 2, 3].map(async (m) => [m, (await onlineOf(m)).find((id) => [...expertIds].some(([user, candidate]) => candidate === id && user.startsWith('online')))] as const))).find(
        ([, id]) => id !== undefined,
      )!;
      const onlineUser = [...expertIds].find(([, id]) => id === onlineId)![0];
      const offPanel = await client(onlineUser).put(`/api/v1/dossiers/${dossierId(n)}/reviews/mine`).send({ points: pointsOf(PANEL_MAX, 80), comment: '越权' }).expect(403);
      expect(offPanel.body.details.code).toBe('not-on-panel');
      const scored = (await t.store.readStream(`dossier-${dossierId(1)}`)).filter((event) => event.type === 'ScoreSubmitted');
      expect(scored.map((event) => (event.data as { stage?: number }).stage ?? 1)).toEqual([1, 1, 1, 2, 2, 2, 2]);
    });

    it('closing review ranks 40 % online + 60 % panel; the no-show scores zero; per-stage and combined scoreboards agree', async () => {
      t.clock.set('2026-04-28T02:00:00.000Z');
      await admin.post(`/api/v1/selections/${SELECTION}/close-review`).expect(200);
      await t.settle();
      const shortlist = (await admin.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(200)).body;
      // d2: 0.4×85 + 0.6×90.67 = 88.4; d3: 0.4×80 + 0.6×86 = 83.6; d1: 0.4×90 + 0.6×70 = 78 (a reserve); d4: 0.4×80 + 0 = 32
      expect(shortlist.tiers[0].selected.map((entry: { dossierId: string; aggregate: number }) => [entry.dossierId, entry.aggregate])).toEqual([
        [dossierId(2), 88.4],
        [dossierId(3), 83.6],
      ]);
      expect(shortlist.belowThreshold).toEqual([dossierId(4)]);
      const boards = (await admin.get(`/api/v1/selections/${SELECTION}/stages`).expect(200)).body;
      expect(boards.stages[1].status).toBe('closed');
      const combined = boards.combined as { dossierId: string; byStage: Record<string, number | null>; final: number | null }[];
      expect(combined.map((row) => row.dossierId)).toEqual([2, 3, 1, 4].map(dossierId));
      const finals = Object.fromEntries(combined.map((row) => [row.dossierId, row.final]));
      const entries = [...shortlist.tiers[0].selected, ...shortlist.tiers[0].reserves] as { dossierId: string; aggregate: number }[];
      for (const entry of entries) expect(entry.aggregate).toBe(finals[entry.dossierId]);
      expect(combined.find((row) => row.dossierId === dossierId(4))).toMatchObject({ byStage: { online: 80, panel: 0 }, final: 32 });
      // The scoreboard of the closed review is the last stage's: the panel's aggregates with the panel's totals.
      const scoreboard = (await admin.get(`/api/v1/selections/${SELECTION}/scoreboard`).expect(200)).body;
      const d2 = scoreboard.dossiers.find((line: { dossierId: string }) => line.dossierId === dossierId(2));
      expect({ aggregate: d2.aggregate, totals: d2.totals.map((score: { total: number }) => score.total).sort() }).toEqual({ aggregate: 90.67, totals: [89, 91, 92] });
    });

    it('the year ends as every year: notice, awards, publication', async () => {
      t.clock.set('2026-04-29T01:00:00.000Z');
      await admin.post(`/api/v1/selections/${SELECTION}/public-notice`).send({}).expect(201);
      t.clock.set('2026-05-12T02:00:00.000Z');
      await admin.post(`/api/v1/selections/${SELECTION}/awards`).expect(201);
      await admin.post(`/api/v1/selections/${SELECTION}/awards/publish`).expect(200);
      await t.settle();
      const awards = (await t.http.get(`/api/v1/selections/${SELECTION}/awards`).expect(200)).body;
      expect(JSON.stringify(awards)).toContain(dossierId(2));
      expect(JSON.stringify(awards)).toContain(dossierId(3));
    });
  });
}
