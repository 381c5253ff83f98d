import type { Decider } from '../shared/decider';
import { refuse } from '../shared/refusal';
import type { FutureScenariosCommand } from './future-scenarios.commands';
import type { FutureScenarioEntry, FutureScenariosEvent } from './future-scenarios.events';
import type { FutureScenariosState } from './future-scenarios.state';

export const MAX_FUTURE_SCENARIOS = 20;
const MAX_TITLE = 100;
const MAX_DESCRIPTION = 3000;

export const futureScenariosDecider: Decider<FutureScenariosCommand, FutureScenariosEvent, FutureScenariosState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};

function decide(command: FutureScenariosCommand, state: FutureScenariosState): FutureScenariosEvent[] {
  if (command.metadata.actor.role !== 'admin') {
    throw refuse('forbidden', 'only an administrator may publish the future scenarios', 'forbidden');
  }
  const { year } = command.data;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw refuse('invalid-year', `the year must be a whole number from 2000 to 2100, got ${year}`, 'invalid');
  }
  if (state.status === 'published' && state.year !== year) {
    throw refuse('wrong-year', `this is the list of ${state.year}, not of ${year}`, 'invalid');
  }
  const scenarios = checkScenarios(command.data.scenarios);
  if (state.status === 'published' && sameList(state.scenarios, scenarios)) {
    // A version that changes nothing would only blur the audit trail.
    throw refuse('future-scenarios-unchanged', `version ${state.version} of ${year} already says exactly this`);
  }
  const version = state.status === 'published' ? state.version + 1 : 1;
  return [{ type: 'FutureScenariosPublished', data: { year, version, scenarios, publishedAt: command.metadata.now } }];
}

function evolve(_state: FutureScenariosState, event: FutureScenariosEvent): FutureScenariosState {
  const { year, version, scenarios, publishedAt } = event.data;
  return { status: 'published', year, version, scenarios, publishedAt };
}

/**
 * Titles and descriptions are kept exactly as written (the published text is the document), only a
 * blank one is refused; titles must differ, since a title names its scenario in the list.
 */
function checkScenarios(given: readonly FutureScenarioEntry[]): FutureScenarioEntry[] {
  if (!Array.isArray(given) || given.length === 0) throw refuse('future-scenarios-missing', 'publish at least one scenario', 'invalid');
  if (given.length > MAX_FUTURE_SCENARIOS) {
    throw refuse('future-scenarios-too-many', `publish at most ${MAX_FUTURE_SCENARIOS} scenarios, got ${given.length}`, 'invalid');
  }
  const scenarios = given.map((scenario, index) => ({
    title: requireText(scenario?.title, `the title of scenario ${index + 1}`, MAX_TITLE),
    description: requireText(scenario?.description, `the description of scenario ${index + 1}`, MAX_DESCRIPTION),
  }));
  const titles = scenarios.map((scenario) => scenario.title.trim());
  const repeated = titles.find((title, index) => titles.indexOf(title) !== index);
  if (repeated !== undefined) throw refuse('future-scenario-repeated', `"${repeated}" is listed twice`, 'invalid');
  return scenarios;
}

function requireText(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw refuse('text-missing', `${what} is required`, 'invalid');
  if (value.length > maxLength) throw refuse('text-too-long', `${what} must be at most ${maxLength} characters`, 'invalid');
  return value;
}

function sameList(a: readonly FutureScenarioEntry[], b: readonly FutureScenarioEntry[]): boolean {
  return a.length === b.length && a.every((scenario, index) => scenario.title === b[index].title && scenario.description === b[index].description);
}
