/**
 * A decider is the whole behaviour of one aggregate as three pure functions: what the stream's
 * history means (evolve from initialState) and what a command produces (decide). No I/O, no clock.
 */
export interface Decider<Command, Event, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  /**
   * For long streams: the fold's name and version under which a folded state may be kept as a
   * snapshot and folded on from (bump the version when evolve changes what it gives).
   */
  readonly snapshot?: { readonly fold: string; readonly version: number };
}

/** Folds a stream's history into the decider's state. */
export function foldEvents<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
