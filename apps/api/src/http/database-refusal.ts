import type { QueryFailedError } from 'typeorm';

export interface DatabaseRefusal {
  readonly status: 400 | 409;
  readonly code: string;
  readonly message: string;
}

/**
 * The few database errors that are the client's doing, as the 409 or 400 they are. The database's own
 * message and detail (SQL, key values) stay on the server.
 */
export function databaseRefusal(error: QueryFailedError): DatabaseRefusal | null {
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  switch (code) {
    case '23505':
      return { status: 409, code: 'already-exists', message: 'something with the same unique value (a username, a code) already exists; choose another' };
    case '22P02': // invalid text representation
    case '22003': // numeric value out of range
    case '22008': // datetime field overflow
    case '22007': // invalid datetime format
    case '22021': // character not in repertoire
    case '22P05': // untranslatable character (NUL)
    case '54000': // program limit exceeded
      return { status: 400, code: 'bad-value', message: 'a value in the request is out of range or malformed; correct it and send again' };
    default:
      return null;
  }
}
