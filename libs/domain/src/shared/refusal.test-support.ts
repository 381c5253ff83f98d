import { DomainRefusal } from './refusal';

/** The refusal `call` throws; fails the spec when it throws something else or nothing. */
export function refusalOf(call: () => unknown): DomainRefusal {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
