import type { ConflictExpert } from '@app/domain/conflicts';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { confirmationOf } from './admin-confirmations';
import { assignChoiceOf, freshDrawSeed } from './draw-form';

const selection = { passedDossierIds: ['a'], reviewDossierIds: [], rules: { expertsPerDossier: 5, maxDossiersPerExpert: 15, minimumValidReviews: 3, expertiseField: 'domain' } } as unknown as Selection;
const passed = { dossierId: 'a', title: '甲项目', status: 'passed', applicantCreditCode: '91430100MA4L00001X', excludedExpertIds: [], fields: { domain: '人工智能' }, assignments: [], scores: [] } as unknown as Dossier;
const poolOf = (n: number): ConflictExpert[] =>
  Array.from({ length: n }, (_, i) => ({ expertId: `e-${i + 1}`, organisationCreditCode: `org-${i}`, declaredConflictCreditCodes: [], fields: ['人工智能'], active: true }));
const assign = (body: Record<string, unknown>, pool = poolOf(12)) =>
  confirmationOf('assign', { action: 'assign', ...body }, { selection, dossiers: [passed], expertName: (id) => id, activeExperts: pool.length, pool })!;

describe('the 分配专家 form: balanced plan or 专家抽取', () => {
  it('given no method, the balanced plan; given draw, its seed and reserves (2 unless changed)', () => {
    expect(assignChoiceOf({})).toEqual({ method: 'balanced' });
    expect(assignChoiceOf({ method: 'draw', seed: ' 抽签-0415 ' })).toEqual({ method: 'draw', seed: '抽签-0415', reservesPerDossier: 2 });
    expect(assignChoiceOf({ method: 'draw', seed: 'x', reservesPerDossier: '0' })).toEqual({ method: 'draw', seed: 'x', reservesPerDossier: 0 });
  });

  it('an empty or long seed, reserves that are no whole number from 0 to 10, or an unknown method is refused in Chinese', () => {
    for (const body of [{ method: 'draw', seed: '' }, { method: 'draw', seed: 'x'.repeat(101) }, { method: 'draw', seed: 'x', reservesPerDossier: '11' }, { method: 'draw', seed: 'x', reservesPerDossier: '1.5' }, { method: 'lottery' }]) {
      const choice = assignChoiceOf(body);
      expect(choice.method).toBe('invalid');
      expect(choice.method === 'invalid' && /[\u4e00-\u9fff]/.test(choice.problem)).toBe(true);
    }
  });

  it('a fresh seed is random, so nobody knows it before the form is shown', () => {
    expect(freshDrawSeed()).toMatch(/^[0-9a-f]{12}$/);
    expect(freshDrawSeed()).not.toBe(freshDrawSeed());
  });

  it('the confirmation of a draw shows the seed and the reserves, and not the drawn experts; a bad form has no button', () => {
    const shown = assign({ method: 'draw', seed: '3f9c0a7d2b4e', reservesPerDossier: '3' });
    expect(shown.heading).toBe('确认随机抽取专家');
    expect(shown.lines.join('')).toContain('随机种子:3f9c0a7d2b4e');
    expect(shown.lines.join('')).toContain('每项另抽备选专家 3 人');
    expect(shown.refused).toBeUndefined();
    expect(assign({}).heading).toBe('确认分配专家');
    expect(assign({ method: 'draw', seed: '' }).refused).toContain('随机种子');
  });

  it('a draw some dossier cannot make (too few candidates of its field) has no button, naming the dossier and its count; the drawn experts are never shown', () => {
    const short = assign({ method: 'draw', seed: 's', reservesPerDossier: '2' }, poolOf(4));
    expect(short.refused).toBe('以下项目本领域可抽取的专家不足,不能随机抽取:甲项目(可抽取 4 人,需 5 人)。请补充专家库,或改用均衡分配。');
    const enough = assign({ method: 'draw', seed: 's', reservesPerDossier: '2' });
    expect(enough.refused).toBeUndefined();
    expect(JSON.stringify(enough)).not.toMatch(/e-\d/);
  });
});
