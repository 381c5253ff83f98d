import { DomainRefusal } from '../shared/refusal';
import { optionalText, requireText } from './checks';
import { describePhase, requirePhase, SELECTION_PHASES } from './selection.phase';

const at = (phase: (typeof SELECTION_PHASES)[number], notice: Parameters<typeof describePhase>[0]['notice'] = null) =>
  describePhase({ phase, submissionDeadlineDate: '2026-03-31', notice });

describe('selection phases in words', () => {
  it('says where the selection is, so a refused person knows what to do', () => {
    expect(SELECTION_PHASES.map((phase) => at(phase))).toEqual([
      'the selection is open for submissions until the end of 2026-03-31',
      'submissions closed on 2026-03-31; the selection is now in formal review',
      'formal review is closed and expert review has not started yet',
      'the selection is in expert review',
      'expert review is closed and the shortlist is frozen; the public notice has not started yet',
      'the selection is in public notice',
      'the awards have been decided and await publication',
      'the awards have been published',
    ]);
    const notice = { startsOn: '2026-04-29', endsOn: '2026-05-08', workingDays: 5, startsAt: '', endsAt: '' };
    expect(at('notice', notice)).toBe('the selection is in public notice from 2026-04-29 to 2026-05-08');
  });

  it('a command in the wrong phase is refused with the phase and what was allowed', () => {
    let refusal: unknown;
    try {
      requirePhase({ phase: 'published', submissionDeadlineDate: '2026-03-31', notice: null }, ['open'], 'drafting');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainRefusal);
    expect(refusal).toMatchObject({
      code: 'wrong-phase',
      message: 'drafting is not possible now: the awards have been published',
      details: { phase: 'published', allowed: ['open'] },
    });
  });
});

describe('text checks', () => {
  it('trims text and refuses it empty or too long', () => {
    expect(requireText('  甲  ', 'the name', 5)).toBe('甲');
    expect(() => requireText(42, 'the name', 5)).toThrow('the name is required');
    expect(() => requireText('甲乙丙丁戊己', 'the name', 5)).toThrow('the name must be at most 5 characters, got 6');
  });

  it('optional text is null when absent or blank', () => {
    expect([optionalText(undefined, 'x', 5), optionalText(null, 'x', 5), optionalText(' ', 'x', 5)]).toEqual([null, null, null]);
    expect(optionalText(' a ', 'x', 5)).toBe('a');
  });
});
