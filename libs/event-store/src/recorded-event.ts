import { GlobalPosition } from './global-position';

/** Who caused an event and why: carried with every event for the audit trail. */
export interface EventMetadata {
  readonly actor?: { readonly id: string; readonly role: string };
  readonly correlationId?: string;
  readonly causationId?: string;
  /** When the command was decided (the command's clock), ISO-8601. */
  readonly occurredAt?: string;
  readonly [key: string]: unknown;
}

/** An event on its way into the store. Without an id the store gives it a random UUID. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId?: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: EventMetadata;
}

/** An event as the store holds it. Revisions count from 0 within a stream. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** When the store wrote it, ISO-8601. */
  readonly recordedAt: string;
}

/** The category of a stream is the part of its id before the first dash: `dossier-42` → `dossier`. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
