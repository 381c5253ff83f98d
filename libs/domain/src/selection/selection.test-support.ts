// Builders for selection specs: the 2026 demo-scenario selection, its dossiers, experts and scores.
import { CalendarYear, parseCalendarYear } from '../calendar';
import { seedCalendarJsons } from '../calendar/calendar.test-support';
import type { ConflictDossier, ConflictExpert } from '../conflicts';
import type { ProgrammeCode } from '../programmes';
import { DEFAULT_TEST_QUOTAS, seedRules } from '../programmes/programmes.test-support';
import type { ExpertTotal } from '../scoring';
import { foldEvents } from '../shared/decider';
import { asAdmin, creditCode } from './actors.test-support';
import { givenWhenThen } from './given-when-then.test-support';
// Through the module's public surface, as the application uses it.
import { CloseReview, decideAssignmentRound, OpenCall, SelectionCommand, selectionDecider, SelectionEvent, StartExpertReview } from '.';

export const given = givenWhenThen(selectionDecider);

export const OPENED_AT = '2026-03-02T02:00:00.000Z';
export const AFTER_DEADLINE = '2026-04-01T01:00:00.000Z';
export const REVIEW_DAY = '2026-04-20T02:00:00.000Z';
export const NOTICE_DAY = '2026-04-29T02:00:00.000Z';
export const AFTER_NOTICE = '2026-05-11T02:00:00.000Z';

export const calendarYears: CalendarYear[] = seedCalendarJsons.map((json) => parseCalendarYear(json));

export function openCall(overrides: Partial<OpenCall['data']> = {}, programme: ProgrammeCode = 'demo-scenario'): OpenCall {
  return {
    type: 'OpenCall',
    data: {
      programme,
      year: 2026,
      rules: seedRules(programme),
      overrides: { quotas: { ...DEFAULT_TEST_QUOTAS[programme] } },
      submissionDeadlineDate: '2026-03-31',
      ...overrides,
    },
    metadata: asAdmin(OPENED_AT),
  };
}

/** The events of running the commands one after the other from an empty stream (or a history). */
export function play(commands: readonly SelectionCommand[], history: readonly SelectionEvent[] = []): SelectionEvent[] {
  return commands.reduce<SelectionEvent[]>(
    (events, command) => [...events, ...selectionDecider.decide(command, foldEvents(selectionDecider, events))],
    [...history],
  );
}

export const dossierIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `d-${i + 1}`);

export function conflictDossiers(ids: readonly string[]): ConflictDossier[] {
  return ids.map((dossierId, i) => ({
    dossierId,
    applicantCreditCode: creditCode(200 + i),
    excludedExpertIds: [],
    fields: ['AI+离散型制造'],
  }));
}

export function experts(n: number, overrides: Partial<ConflictExpert> = {}): ConflictExpert[] {
  return Array.from({ length: n }, (_, i) => ({
    expertId: `e-${i + 1}`,
    organisationCreditCode: creditCode(300 + i),
    declaredConflictCreditCodes: [],
    fields: i % 2 === 0 ? ['AI+离散型制造'] : ['AI+医疗'],
    active: true,
    ...overrides,
  }));
}

export const closeSubmissions: SelectionCommand = { type: 'CloseSubmissions', data: {}, metadata: asAdmin(AFTER_DEADLINE) };

export const closeFormalReview = (passed: readonly string[], awaiting: readonly string[] = []): SelectionCommand => ({
  type: 'CloseFormalReview',
  data: { passedDossierIds: passed, awaitingDecision: awaiting },
  metadata: asAdmin(AFTER_DEADLINE),
});

export const startExpertReview = (ids: readonly string[], pool = experts(8)): StartExpertReview => ({
  type: 'StartExpertReview',
  data: { dossiers: conflictDossiers(ids), experts: pool },
  metadata: asAdmin(REVIEW_DAY),
});

/** Five experts' totals per dossier, the dossier's base ± a spread that trimming removes. */
export function scoresFor(base: Readonly<Record<string, number>>): ExpertTotal[] {
  return Object.entries(base).flatMap(([dossierId, total]) =>
    [0, 2, -2, 5, -5].map((delta, i) => ({ dossierId, expertId: `e-${i + 1}`, total: total + delta })),
  );
}

export function closeReview(base: Readonly<Record<string, number>>, tier = 'scenario'): CloseReview {
  return {
    type: 'CloseReview',
    data: {
      candidates: Object.keys(base).map((dossierId, i) => ({
        dossierId,
        tier,
        submittedAt: `2026-03-${String(10 + i).padStart(2, '0')}T02:00:00.000Z`,
      })),
      scores: scoresFor(base),
    },
    metadata: asAdmin('2026-04-28T02:00:00.000Z'),
  };
}

export const startNotice = (startsOn?: string, now = NOTICE_DAY): SelectionCommand => ({
  type: 'StartPublicNotice',
  data: { calendarYears, startsOn },
  metadata: asAdmin(now),
});

export const recordOutcome = (
  dossierId: string,
  outcome: 'upheld' | 'dismissed',
  objectionId = `o-${dossierId}`,
): SelectionCommand => ({
  type: 'RecordObjectionOutcome',
  data: { dossierId, objectionId, outcome, finding: '经核查' },
  metadata: asAdmin('2026-05-08T02:00:00.000Z'),
});

type EventData = { [E in SelectionEvent as E['type']]: E['data'] };

/** The data of the first event of a type, typed. */
export function dataOf<T extends SelectionEvent['type']>(events: readonly SelectionEvent[], type: T): EventData[T] {
  const event = events.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`no ${type} among ${events.map((e) => e.type).join(', ')}`);
  return event.data as EventData[T];
}

export { asAdmin, creditCode };

/** A planning round decided on the history: its events (counts only) and the plan they summarise. */
export function planned(history: readonly SelectionEvent[], command: SelectionCommand) {
  if (command.type !== 'StartExpertReview' && command.type !== 'PlanReplacementAssignments') throw new Error(`${command.type} plans nothing`);
  const decided = decideAssignmentRound(command, foldEvents(selectionDecider, history));
  foldEvents(selectionDecider, [...history, ...decided.events]);
  return decided;
}
