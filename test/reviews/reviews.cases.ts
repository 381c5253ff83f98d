import { ProgrammeCatalogue } from '../../apps/api/src/catalogue/programme-catalogue';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { creditCode, preparePassedDossiers, startNotice } from './prepare-dossiers';
import { signDeclaration } from '../support/sign-declaration';

const SELECTION = 'demo-scenario-2026';
const PASSWORD = 'expert-password-for-tests';
const DOMAIN = 'AI+离散型制造';
const dossierId = (n: number) => `${SELECTION}-d${n}`;

/** Points per criterion giving `total` on the demo-scenario rubric (weight = maxPoints there). */
const RUBRIC_MAX: Record<string, number> = { technology: 25, effectiveness: 30, replicability: 25, investment: 10, compliance: 10 };
const pointsFor = (total: number) => Object.fromEntries(Object.entries(RUBRIC_MAX).map(([code, max]) => [code, (max * total) / 100]));
const TARGET: Record<string, number> = { [dossierId(1)]: 90, [dossierId(2)]: 80, [dossierId(3)]: 70, [dossierId(4)]: 65 };

interface BoardDossier {
  dossierId: string;
  assigned: number;
  scored: number;
  experts: { expertId: string; status: string; scored: boolean }[];
}

for (const kind of behaviourDatabaseKinds()) {
  describe(`experts, assignments and expert review over HTTP on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    /** username → expertId; e1 works for the applicant of d1, d2 excludes e2. */
    const experts = new Map<string, string>();
    const clients = new Map<string, AuthenticatedClient>();
    const usernameOf = (expertId: string) => [...experts.entries()].find(([, id]) => id === expertId)![0];
    const expertClient = (expertId: string) => clients.get(usernameOf(expertId))!;

    const board = async (): Promise<BoardDossier[]> => (await admin.get(`/api/v1/selections/${SELECTION}/assignments`).expect(200)).body.dossiers;
    const holders = async (id: string) =>
      (await board()).find((dossier) => dossier.dossierId === id)!.experts.filter((e) => e.status === 'assigned').map((e) => e.expertId);

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.asAdmin();
      await admin
        .post('/api/v1/selections')
        .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 2 }, expertsPerDossier: 3 } })
        .expect(201);
    });
    afterAll(async () => t?.close());

    it('an admin registers experts with their accounts; a taken username registers nobody', async () => {
      for (let n = 1; n <= 7; n += 1) {
        const response = await admin
          .post('/api/v1/experts')
          .send({
            name: `专家${n}`,
            organisationName: n === 1 ? '申报单位一' : `高校${n}`,
            organisationCreditCode: creditCode(n === 1 ? 1 : 900 + n),
            fields: [DOMAIN],
            username: `expert${n}`,
            password: PASSWORD,
          })
          .expect(201);
        expect(response.headers.location).toBe(`/api/v1/experts/${response.body.expertId}`);
        experts.set(`expert${n}`, response.body.expertId);
      }
      const taken = await admin
        .post('/api/v1/experts')
        .send({ name: '重名', organisationName: '高校', organisationCreditCode: creditCode(999), fields: [DOMAIN], username: 'expert1', password: PASSWORD })
        .expect(409);
      expect(taken.body.message).toContain('expert1');
      const pool = await admin.get('/api/v1/experts').expect(200);
      expect(pool.body).toHaveLength(7);

      const badCode = await admin
        .post('/api/v1/experts')
        .send({ name: '坏码', organisationName: '高校', organisationCreditCode: '91430100MA4L16JQ00', fields: [DOMAIN], username: 'badcode', password: PASSWORD });
      expect(badCode.status).toBe(400);
      expect(badCode.body.message).toMatch(/credit code|信用代码|check/i);
      await t.http.post('/api/v1/auth/login').send({ username: 'badcode', password: PASSWORD }).expect(401);
      expect((await admin.get('/api/v1/experts').expect(200)).body).toHaveLength(7);

      for (const username of experts.keys()) clients.set(username, await t.as(username, PASSWORD));
      const self = await clients.get('expert3')!.get(`/api/v1/experts/${experts.get('expert3')}`).expect(200);
      expect(self.body).toMatchObject({ name: '专家3', status: 'active', fields: [DOMAIN] });
      await clients.get('expert3')!.get(`/api/v1/experts/${experts.get('expert4')}`).expect(404);
      await clients.get('expert3')!.get('/api/v1/experts').expect(403);
      await t.http.get('/api/v1/experts').expect(401);
    });

    it('plans assignments for the passed dossiers; conflicts of interest are never assigned', async () => {
      await preparePassedDossiers(t.store, SELECTION, [
        { dossierId: dossierId(1), organisation: 1, title: '第一场景', domain: DOMAIN },
        { dossierId: dossierId(2), organisation: 2, title: '第二场景', domain: DOMAIN, excludedExpertIds: [experts.get('expert2')!] },
        { dossierId: dossierId(3), organisation: 3, title: '第三场景', domain: DOMAIN },
        { dossierId: dossierId(4), organisation: 4, title: '第四场景', domain: DOMAIN },
      ]);
      await t.settle(); // prepared straight in the store
      t.clock.set('2026-04-15T02:00:00.000Z');
      const planned = await admin.post(`/api/v1/selections/${SELECTION}/assignments`).send({}).expect(201);
      expect(planned.body).toMatchObject({ selectionId: SELECTION, round: 1, unfilled: [] });
      expect(planned.body.assignments).toHaveLength(12);
      expect(Object.values(planned.body.loads as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(12);
      expect(planned.headers.etag).toBe(`"${planned.body.revision}"`);

      const dossiers = await board();
      expect(dossiers.map((dossier) => dossier.assigned)).toEqual([3, 3, 3, 3]);
      // The plan and every assignment it caused were written by one command, in one append.
      const [started] = (await t.store.readStream(`selection-${SELECTION}`)).filter((event) => event.type === 'ExpertReviewStarted');
      const assigned = (await Promise.all([1, 2, 3, 4].map((n) => t.store.readStream(`dossier-${dossierId(n)}`))))
        .flat()
        .filter((event) => event.type === 'ExpertAssigned');
      expect(assigned).toHaveLength(12);
      expect(new Set(assigned.map((event) => event.metadata.causationId))).toEqual(new Set([started.metadata.causationId]));
      // The selection keeps the round's counts; the pairs are the dossiers' ExpertAssigned events.
      expect(started.data).toMatchObject({ assignedCount: 12, unfilledPlaces: 0 });
      expect(started.data).not.toHaveProperty('assignments');
      expect(await holders(dossierId(1))).not.toContain(experts.get('expert1'));
      expect(await holders(dossierId(2))).not.toContain(experts.get('expert2'));

      const again = await admin.post(`/api/v1/selections/${SELECTION}/assignments`).send({}).expect(409);
      expect(typeof again.body.message).toBe('string');
    });

    it('each expert reads only his own assignments, with the rubric and whether he has scored', async () => {
      const dossiers = await board();
      for (const [username, expertId] of experts) {
        const mine = await clients.get(username)!.get('/api/v1/me/assignments').expect(200);
        const expected = dossiers.filter((d) => d.experts.some((e) => e.expertId === expertId && e.status === 'assigned')).map((d) => d.dossierId);
        expect(mine.body.map((a: { dossierId: string }) => a.dossierId).sort()).toEqual(expected.sort());
        for (const assignment of mine.body) {
          expect(assignment).toMatchObject({ selectionId: SELECTION, programme: 'demo-scenario', tier: 'scenario', phase: 'expert-review', open: true, scored: false });
          expect(assignment.rubric.map((c: { code: string }) => c.code)).toEqual(Object.keys(RUBRIC_MAX));
          const others = [...experts.values()].filter((id) => id !== expertId);
          for (const other of others) expect(JSON.stringify(assignment)).not.toContain(other);
        }
      }
      await admin.get('/api/v1/me/assignments').expect(403);
      await clients.get('expert1')!.get(`/api/v1/selections/${SELECTION}/assignments`).expect(403);
    });

    it('an expert sees 404 for a dossier not assigned to him, and only admins assign', async () => {
      const stranger = clients.get('expert1')!; // of d1's own organisation: never assigned to it
      await stranger.put(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).send({ points: pointsFor(90), comment: '好' }).expect(404);
      // A stale If-Match tells a stranger nothing either: 404 before the revision is compared (a 412 would name it).
      const staleMatch = await stranger.put(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).set('If-Match', '"0"').send({ points: pointsFor(90), comment: '好' }).expect(404);
      expect(JSON.stringify(staleMatch.body)).not.toMatch(/revision/i);
      await stranger.get(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).expect(404);
      await stranger.post(`/api/v1/dossiers/${dossierId(1)}/recusal`).send({ reason: '无' }).expect(404);
      await stranger.get('/api/v1/dossiers/no-such-dossier/reviews/mine').expect(404);
      await admin.put(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).send({ points: pointsFor(90), comment: '好' }).expect(403);
      await stranger.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).send({}).expect(403);
    });

    it('a recusal and a declared conflict free places, and a replacement round fills them', async () => {
      const [recusing] = await holders(dossierId(3));
      const recused = await expertClient(recusing).post(`/api/v1/dossiers/${dossierId(3)}/recusal`).send({ reason: '与申报单位存在合作关系' }).expect(200);
      expect(recused.body.id).toBe(dossierId(3));

      // Another expert than the one who recused (whoever the seeded plan put on both dossiers).
      const declaring = (await holders(dossierId(4))).find((expertId) => expertId !== recusing)!;
      const declared = await expertClient(declaring)
        .post(`/api/v1/experts/${declaring}/conflicts`)
        .send({ creditCode: creditCode(4), reason: '近三年曾任职' })
        .expect(200);
      expect(declared.body.recusedFrom).toEqual([dossierId(4)]);
      await expertClient(declaring).post(`/api/v1/experts/${recusing}/conflicts`).send({ creditCode: creditCode(5), reason: '冒名' }).expect(403);

      expect(await holders(dossierId(3))).toHaveLength(2);
      expect(await holders(dossierId(4))).toHaveLength(2);
      const progress = await admin.get(`/api/v1/selections/${SELECTION}/review-progress`).expect(200);
      expect(progress.body.missingScores).toHaveLength(10);

      const selectionRevision = await t.store.streamRevision(`selection-${SELECTION}`);
      await admin.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).set('If-Match', '"0"').send({}).expect(412);
      expect(await t.store.streamRevision(`selection-${SELECTION}`)).toBe(selectionRevision);
      const replaced = await admin
        .post(`/api/v1/selections/${SELECTION}/assignments/replacements`)
        .set('If-Match', `"${selectionRevision}"`)
        .send({})
        .expect(200);
      expect(replaced.body).toMatchObject({ round: 2, unfilled: [] });
      expect(replaced.body.assignments.map((a: { dossierId: string }) => a.dossierId).sort()).toEqual([dossierId(3), dossierId(4)]);
      expect(await holders(dossierId(3))).not.toContain(recusing);
      expect(await holders(dossierId(4))).not.toContain(declaring);
      expect((await board()).map((dossier) => dossier.assigned)).toEqual([3, 3, 3, 3]);
      await admin.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).send({}).expect(409);
    });

    it('an expert signs the 保密承诺、回避声明 before any dossier read or score; without it he is told to sign first', async () => {
      t.clock.set('2026-04-16T02:00:00.000Z');
      const [early] = await holders(dossierId(1));
      const expert = expertClient(early);
      const unsigned = await expert.get(`/api/v1/dossiers/${dossierId(1)}`).expect(403);
      expect(unsigned.body.details).toMatchObject({ code: 'declaration-not-signed', selectionId: SELECTION });
      expect(unsigned.body.message).toMatch(/请先.*签署/);
      await expert.get(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).expect(403);
      const refusedScore = await expert.put(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).send({ points: pointsFor(90), comment: '好' }).expect(403);
      expect(refusedScore.body.details.code).toBe('declaration-not-signed');

      const text = await expert.get(`/api/v1/selections/${SELECTION}/declaration`).expect(200);
      expect(text.body).toMatchObject({ selectionId: SELECTION, version: '默认文本-1', signature: null });
      expect(text.body.paragraphs.join('')).toMatch(/保密.*回避/);
      await expert.post(`/api/v1/selections/${SELECTION}/declaration/signature`).send({}).expect(400);
      const stale = await expert.post(`/api/v1/selections/${SELECTION}/declaration/signature`).send({ version: '旧版' }).expect(409);
      expect(stale.body.details.code).toBe('declaration-changed');
      const signed = await expert.post(`/api/v1/selections/${SELECTION}/declaration/signature`).send({ version: '默认文本-1' }).expect(201);
      expect(signed.body).toEqual({ version: '默认文本-1', signedAt: '2026-04-16T02:00:00.000Z' });
      await expert.post(`/api/v1/selections/${SELECTION}/declaration/signature`).send({ version: '默认文本-1' }).expect(409);
      const events = await t.store.readStream(`commitment-${SELECTION}-${early}`);
      expect(events.map((event) => [event.type, (event.data as { version: string }).version])).toEqual([['DeclarationSigned', '默认文本-1']]);

      await expert.get(`/api/v1/dossiers/${dossierId(1)}`).expect(200);
      expect((await expert.get(`/api/v1/selections/${SELECTION}/declaration`).expect(200)).body.signature).toEqual(signed.body);
      await admin.post(`/api/v1/selections/${SELECTION}/declaration/signature`).send({ version: '默认文本-1' }).expect(403);
      for (const other of experts.values()) await signDeclaration(expertClient(other), SELECTION);
    });

    it('experts score and amend their own scores, never reading another\'s; bad scores and stale If-Match are refused', async () => {
      t.clock.set('2026-04-20T02:00:00.000Z');
      const [early] = await holders(dossierId(1));
      const nothingYet = await expertClient(early).get(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).expect(404);
      expect(nothingYet.body.details.reason).toMatch(/not scored/);
      for (const dossier of await board()) {
        for (const expert of dossier.experts.filter((e) => e.status === 'assigned')) {
          const response = await expertClient(expert.expertId)
            .put(`/api/v1/dossiers/${dossier.dossierId}/reviews/mine`)
            .send({ points: pointsFor(TARGET[dossier.dossierId]), comment: '材料翔实,成效明确' })
            .expect(200);
          expect(response.body).toMatchObject({ dossierId: dossier.dossierId, total: TARGET[dossier.dossierId], amendedAt: null });
        }
      }
      const [first, second] = await holders(dossierId(2));
      const own = await expertClient(first).get(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`).expect(200);
      expect(own.body).toMatchObject({ total: 80, comment: '材料翔实,成效明确' });
      expect(JSON.stringify(own.body)).not.toContain(second);

      const d2Experts = (await board()).find((dossier) => dossier.dossierId === dossierId(2))!.experts.map((e) => e.expertId);
      const outsider = [...experts.values()].find((id) => !d2Experts.includes(id))!;
      await expertClient(outsider).get(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`).expect(404);

      const outOfRange = await expertClient(first)
        .put(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`)
        .send({ points: { ...pointsFor(80), technology: 26 }, comment: '过高' })
        .expect(400);
      expect(outOfRange.body.details.reason).toMatch(/technology must be between 0 and 25/);
      const wrongType = await expertClient(first).put(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`).send({ points: 'lots', comment: 1, extra: true }).expect(400);
      expect(wrongType.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['points', 'comment', 'extra']));

      const revisionBefore = await t.store.streamRevision(`dossier-${dossierId(2)}`);
      await expertClient(first)
        .put(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`)
        .set('If-Match', '"1"')
        .send({ points: pointsFor(84), comment: '复核后调整' })
        .expect(412);
      expect(await t.store.streamRevision(`dossier-${dossierId(2)}`)).toBe(revisionBefore);
      t.clock.set('2026-04-22T02:00:00.000Z');
      const amended = await expertClient(first)
        .put(`/api/v1/dossiers/${dossierId(2)}/reviews/mine`)
        .set('If-Match', own.headers.etag)
        .send({ points: pointsFor(84), comment: '复核后调整' })
        .expect(200);
      expect(amended.body).toMatchObject({ total: 84, comment: '复核后调整', amendedAt: '2026-04-22T02:00:00.000Z' });

      const mine = await expertClient(first).get('/api/v1/me/assignments').expect(200);
      expect(mine.body.find((a: { dossierId: string }) => a.dossierId === dossierId(2)).scored).toBe(true);
      const progress = await admin.get(`/api/v1/selections/${SELECTION}/review-progress`).expect(200);
      expect(progress.body.missingScores).toEqual([]);
      expect(progress.body.dossiers.map((d: BoardDossier) => d.scored)).toEqual([3, 3, 3, 3]);
    });

    it('a score declared invalid stops counting: closing review is refused naming the dossier until a replacement expert scores it', async () => {
      const before = await holders(dossierId(3));
      const [invalid] = before;
      const url = `/api/v1/dossiers/${dossierId(3)}/reviews/${invalid}/invalidation`;
      const noReason = await admin.post(url).send({}).expect(400);
      expect(noReason.body.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
      await expertClient(before[1]).post(url).send({ reason: '冒名' }).expect(403);
      await admin.post(url).send({ reason: '评审意见与所给分数矛盾' }).expect(200);
      await admin.post(url).send({ reason: '再次' }).expect(404);

      const refused = await admin.post(`/api/v1/selections/${SELECTION}/close-review`).expect(409);
      expect(refused.body.details).toMatchObject({ code: 'valid-reviews-below-minimum', minimum: 3, dossiers: [{ dossierId: dossierId(3), validReviews: 2 }] });
      expect(refused.body.message).toContain(`${dossierId(3)}(有效 2 份)`);
      const enough = await admin.post(`/api/v1/dossiers/${dossierId(1)}/not-evaluable`).send({ reason: '无可补充专家' }).expect(409);
      expect(enough.body.details).toMatchObject({ code: 'dossier-evaluable', validReviews: 3, minimum: 3 });
      const audit = await admin.get(`/api/v1/streams/dossier-${dossierId(3)}/events`).expect(200);
      expect(JSON.stringify(audit.body)).toContain('评审意见与所给分数矛盾');

      const replaced = await admin.post(`/api/v1/selections/${SELECTION}/assignments/replacements`).send({}).expect(200);
      expect(replaced.body).toMatchObject({ round: 3, unfilled: [] });
      const [newcomer] = (await holders(dossierId(3))).filter((id) => !before.includes(id));
      expect(newcomer).toBeDefined();
      await expertClient(invalid).put(`/api/v1/dossiers/${dossierId(3)}/reviews/mine`).send({ points: pointsFor(70), comment: '再评' }).expect(403);
      await expertClient(newcomer).put(`/api/v1/dossiers/${dossierId(3)}/reviews/mine`).send({ points: pointsFor(TARGET[dossierId(3)]), comment: '材料翔实,成效明确' }).expect(200);
    });

    it('the shortlist stays closed to the public until the notice; close review freezes it within the quotas', async () => {
      await t.http.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(404);
      await admin.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(409);
      await admin.get(`/api/v1/selections/${SELECTION}/scoreboard`).expect(409);
      await clients.get('expert3')!.post(`/api/v1/selections/${SELECTION}/close-review`).expect(403);

      t.clock.set('2026-04-28T02:00:00.000Z');
      await admin.post(`/api/v1/selections/${SELECTION}/close-review`).expect(200);
      const shortlist = await admin.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(200);
      expect(shortlist.body.phase).toBe('review-closed');
      const [tier] = shortlist.body.tiers;
      expect(tier).toMatchObject({ tier: 'scenario', quota: 2 });
      expect(tier.selected.map((e: { dossierId: string }) => e.dossierId)).toEqual([dossierId(1), dossierId(2)]);
      expect(tier.reserves.map((e: { dossierId: string }) => e.dossierId)).toEqual([dossierId(3), dossierId(4)]);
      expect(tier.selected[0]).toMatchObject({ rank: 1, title: '第一场景', aggregate: 90, disagreement: false });

      const scoreboard = await admin.get(`/api/v1/selections/${SELECTION}/scoreboard`).expect(200);
      const d2 = scoreboard.body.dossiers.find((d: { dossierId: string }) => d.dossierId === dossierId(2));
      expect(d2).toMatchObject({ count: 3, min: 80, max: 84, spread: 4, disagreement: false });
      expect(d2.totals).toHaveLength(3);
      expect(scoreboard.body.experts.reduce((sum: number, e: { scored: number }) => sum + e.scored, 0)).toBe(12);

      const [holder] = await holders(dossierId(1));
      const late = await expertClient(holder).put(`/api/v1/dossiers/${dossierId(1)}/reviews/mine`).send({ points: pointsFor(50), comment: '晚了' }).expect(409);
      expect(late.body.details.reason).toMatch(/review/);
      await t.http.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(404);
      await clients.get('expert3')!.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(404);

      await startNotice(t.store, SELECTION, '2026-04-29T01:00:00.000Z', [...t.app.get(ProgrammeCatalogue).calendarYears]);
      await t.settle(); // started straight in the store
      const published = await t.http.get(`/api/v1/selections/${SELECTION}/shortlist`).expect(200);
      expect(published.body.tiers[0].selected.map((e: { dossierId: string }) => e.dossierId)).toEqual([dossierId(1), dossierId(2)]);
      const text = JSON.stringify(published.body);
      for (const expertId of experts.values()) expect(text).not.toContain(expertId);
      expect(published.body.tiers[0].selected[0].median).toBeUndefined();
      expect(published.body.belowThreshold).toBeUndefined();
    });

    it('an admin deactivates an expert with a reason; twice is a 409, an unknown expert 404', async () => {
      const id = experts.get('expert7')!;
      await admin.post(`/api/v1/experts/${id}/deactivate`).send({}).expect(400);
      const done = await admin.post(`/api/v1/experts/${id}/deactivate`).send({ reason: '本年度不参加评审' }).expect(200);
      expect(done.headers.etag).toBe(`"${done.body.revision}"`);
      expect((await admin.get(`/api/v1/experts/${id}`).expect(200)).body.status).toBe('inactive');
      await admin.post(`/api/v1/experts/${id}/deactivate`).send({ reason: '再次' }).expect(409);
      await admin.post('/api/v1/experts/no-such-expert/deactivate').send({ reason: '无' }).expect(404);
    });
  });
}
