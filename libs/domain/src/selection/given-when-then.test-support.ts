import { Decider, foldEvents } from '../shared/decider';
import { DomainRefusal } from '../shared/refusal';

/**
 * given(events).when(command).then(events) / .thenRefused(code) for any decider. `then` also
 * folds the new events onto the history, so every emitted event is known to evolve.
 */
export function givenWhenThen<C, E, S>(decider: Decider<C, E, S>) {
  return function given(history: readonly E[] = []) {
    return {
      when(command: C) {
        const decide = (): E[] => decider.decide(command, foldEvents(decider, history));
        return {
          then(expected: readonly E[]): E[] {
            const events = decide();
            expect(events).toEqual(expected);
            foldEvents(decider, [...history, ...events]);
            return events;
          },
          /** Runs the command and returns the events, for specs that check a part of them. */
          events(): E[] {
            const events = decide();
            foldEvents(decider, [...history, ...events]);
            return events;
          },
          thenRefused(code: string, message?: string | RegExp): DomainRefusal {
            let thrown: unknown;
            try {
              decide();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(DomainRefusal);
            const refusal = thrown as DomainRefusal;
            const expected =
              message === undefined
                ? expect.any(String)
                : typeof message === 'string'
                  ? expect.stringContaining(message)
                  : expect.stringMatching(message);
            expect({ code: refusal.code, message: refusal.message }).toEqual({ code, message: expected });
            return refusal;
          },
        };
      },
    };
  };
}
