import type { ProgrammeCode } from '@app/domain/programmes';
import { testDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, walkSelection } from './walk-selection';

const PROGRAMMES: ProgrammeCode[] = ['key-enterprise', 'demo-scenario', 'vertical-model', 'dataset', 'innovative-product', 'innovation-platform'];

for (const kind of testDatabaseKinds()) {
  describe(`a full selection of each programme over HTTP only, on ${kind}`, () => {
    let t: TestApp;
    let experts: AuthenticatedClient[];
    beforeAll(async () => {
      t = await startTestApp(kind);
      experts = await registerExperts(t, 6, 9000);
    });
    afterAll(async () => t?.close());

    it.each(PROGRAMMES.map((programme, index) => [programme, index] as const))(
      '%s: call → submissions → formal review → 6 experts score → shortlist → notice → objection upheld (递补) → awards published → annex',
      async (programme, index) => {
        const seed = seedProgramme(programme);
        const result = await walkSelection(t, experts, programme, 2026, 1000 + index * 100);

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
  });
}
