import { creditCode } from '../selection/actors.test-support';
import { compareProjectFacts, compareProjects, ProjectFacts } from './project-identity';

const A = creditCode(301);
const B = creditCode(302);
const facts = (dossierId: string, projectCode: string | null, title: string, applicant = A): ProjectFacts => ({
  dossierId,
  applicantCreditCode: applicant,
  projectCode,
  title,
});

describe('compareProjects: is it the same project? (不重复享受 cannot be dodged by leaving a field out)', () => {
  it.each([
    // [case, this dossier, the other, verdict]
    ['code/code same, titles same', facts('x', 'XM-1', '智慧港口'), facts('y', 'xm 1', '《智慧港口》'), { kind: 'same', basis: 'code' }],
    ['code/code same, titles differ', facts('x', 'XM-1', '智慧港口'), facts('y', 'XM-1', '工业质检'), { kind: 'conflict', conflict: 'same-code-different-title' }],
    ['code/code differ, titles same', facts('x', 'XM-1', '智慧港口'), facts('y', 'XM-2', '智慧港口'), { kind: 'conflict', conflict: 'same-title-different-code' }],
    ['code/code differ, titles differ', facts('x', 'XM-1', '智慧港口'), facts('y', 'XM-2', '工业质检'), { kind: 'different', basis: 'code' }],
    ['code/none, titles same', facts('x', 'XM-1', '智慧港口 AI 调度'), facts('y', null, '智慧港口ai调度。'), { kind: 'same', basis: 'title' }],
    ['none/code, titles same', facts('x', null, '智慧港口'), facts('y', 'XM-9', '智慧港口'), { kind: 'same', basis: 'title' }],
    ['code/none, titles differ', facts('x', 'XM-1', '智慧港口'), facts('y', null, '工业质检'), { kind: 'different', basis: 'title' }],
    ['none/none, titles same', facts('x', null, '智慧港口'), facts('y', '  ', '智慧港口'), { kind: 'same', basis: 'title' }],
    ['none/none, titles differ', facts('x', null, '平台一期'), facts('y', null, '平台二期'), { kind: 'different', basis: 'title' }],
    ['another applicant, same code and title', facts('x', 'XM-1', '智慧港口'), facts('y', 'XM-1', '智慧港口', B), { kind: 'different', basis: 'applicant' }],
  ])('given %s, then the verdict is as specified', (_case, a, b, verdict) => {
    expect(compareProjectFacts(a, b)).toEqual(verdict);
    // The relation is symmetric: which dossier is decided first does not change it.
    expect(compareProjectFacts(b, a)).toEqual(verdict);
  });

  describe('when code and title conflict', () => {
    const x = facts('x', 'XM-1', '智慧港口');
    const y = facts('y', 'XM-2', '智慧港口');

    it('stays a conflict without a declaration', () => {
      expect(compareProjects(x, y, [])).toEqual({ kind: 'conflict', conflict: 'same-title-different-code' });
    });

    it('is settled by the admin declaring the pair the same project, in either order', () => {
      expect(compareProjects(x, y, [{ dossierId: 'y', otherDossierId: 'x', sameProject: true }])).toEqual({ kind: 'same', basis: 'declared' });
    });

    it('is settled by the admin declaring the pair different projects', () => {
      expect(compareProjects(x, y, [{ dossierId: 'x', otherDossierId: 'y', sameProject: false }])).toEqual({ kind: 'different', basis: 'declared' });
    });

    it('a declaration never overrides evidence that agrees', () => {
      const same = facts('z', 'XM-1', '智慧港口');
      expect(compareProjects(x, same, [{ dossierId: 'x', otherDossierId: 'z', sameProject: false }])).toEqual({ kind: 'same', basis: 'code' });
    });
  });
});
