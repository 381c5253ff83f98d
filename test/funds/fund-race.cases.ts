/**
 * One ledger under concurrency: a selection award (高质量数据集, 600,000 元 for the project) and a
 * 国家级单项冠军企业 award (800,000 元) for the same project of the same enterprise, sent at the same
 * moment, round after round. Both decisions append to the enterprise's fund stream with the revision
 * they read, so whichever commits second is decided again on the ledger the first left: together they
 * pay exactly the higher standard, 800,000 元 (就高原则), never 1,400,000 元.
 */
import { seedRules } from '@app/domain/programmes/programmes.test-support';
import { creditCode } from '@app/domain/selection/actors.test-support';
import { createWorld, T } from '@app/domain/selection/full-year.test-support';
import { calendarYears } from '@app/domain/selection/selection.test-support';
import { testDatabaseKinds } from '../support/test-databases';
import { uploadFundDocument } from './fund-documents.test-support';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';

const ROUNDS = 6;
const WAN = 10_000 * 100;
const AREA = 'AI+交通';

for (const kind of testDatabaseKinds()) {
  describe(`a selection award and a national award of one project at the same moment on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const world = createWorld(calendarYears);
    let written = 0;

    beforeAll(async () => {
      t = await startTestApp(kind, T.open);
      admin = await t.asAdmin();
      world.registerExperts(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((expertId, i) => ({ expertId, organisation: 990 + i, fields: [AREA] })));
    });
    afterAll(async () => t?.close());

    async function writeWorld(): Promise<void> {
      const appends = world.appends().slice(written);
      written += appends.length;
      const byStream = new Map<string, { type: string; data: unknown }[]>();
      for (const { stream, events } of appends) byStream.set(stream, [...(byStream.get(stream) ?? []), ...events]);
      await t.store.appendMany(
        [...byStream].map(([streamId, events]) => ({
          streamId,
          events: events.map((event) => ({ type: event.type, data: event.data, metadata: { actor: { id: 'race-spec', role: 'system' }, correlationId: 'race-spec' } })),
        })),
      );
      await t.settle();
    }

    it(`pays the project exactly the higher standard in ${ROUNDS} rounds, whichever decision commits first`, async () => {
      const outcomes: string[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        const organisation = 8100 + round;
        const title = `第${round}轮港口数据集`;
        t.clock.set(T.open);
        await t.http
          .post('/api/v1/organisations')
          .send({ creditCode: creditCode(organisation), name: `竞争测试${round}有限公司(合成)`, contactName: '赵六', contactPhone: '13800000000', username: `race${round}`, password: 'race-password-123' })
          .expect(201);
        const applicant = await t.as(`race${round}`, 'race-password-123');
        const fields = Object.fromEntries(seedRules('dataset').fields.map((field) => [field.code, field.code === seedRules('dataset').expertiseField ? AREA : `${title}的${field.name}`]));
        const { selectionId } = world.runToNotice({
          programme: 'dataset',
          batch: round,
          quotas: { [seedRules('dataset').tiers[0].code]: 2 },
          stopAfterNotice: true,
          applicants: [
            { key: `${round}-p`, organisation, tier: seedRules('dataset').tiers[0].code, title, fields, declaredFen: 300 * WAN, approvedFen: 300 * WAN, target: 90 },
            { key: `${round}-solo`, organisation: 8200 + round, tier: seedRules('dataset').tiers[0].code, title: `第${round}轮独立数据集`, fields, declaredFen: 100 * WAN, approvedFen: 100 * WAN, target: 80 },
          ],
        });
        await writeWorld();
        t.clock.set(T.decideAwards);
        await applicant
          .post('/api/v1/national-grants')
          .send({ applicationId: `race-${round}`, measure: 'national-champion', project: { title }, approvalDocument: { documentNo: `工信部企业函〔2026〕${round}号(示例)`, issuer: '工业和信息化部', approvedOn: '2026-04-01', documentId: await uploadFundDocument(applicant, 'approval-document', `race-${round}`) } })
          .expect(201);

        const [selection, champion] = await Promise.all([
          admin.post(`/api/v1/selections/${selectionId}/awards`),
          admin.post(`/api/v1/national-grants/race-${round}/decision`).send({ outcome: 'approve', amountFen: 80 * WAN }),
        ]);
        expect([selection.status, champion.status]).toEqual([201, 201]);
        const ledger = await admin.get(`/api/v1/organisations/${creditCode(organisation)}/fund-ledger`).expect(200);
        const lines = ledger.body.lines as { measure: string; paidFen: number; decision: string }[];
        expect({ round, paid: lines.reduce((sum, line) => sum + line.paidFen, 0) }).toEqual({ round, paid: 80 * WAN });
        outcomes.push(lines.map((line) => `${line.measure}:${line.decision}`).join(','));
      }
      // whoever came second was decided on the first one's line
      expect(outcomes.every((outcome) => /top-up|not-paid/.test(outcome))).toBe(true);
    });
  });
}
