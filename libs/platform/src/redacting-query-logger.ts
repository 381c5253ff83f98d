import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's own loggers print a failing query with its parameters, and the parameters of an account
 * insert are a username and an argon2 hash. This one reports what failed and the SQL text only: the
 * parameters (passwords, hashes, personal data) never reach a log line.
 */
export class RedactingQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    const count = Array.isArray(parameters) ? parameters.length : parameters ? Object.keys(parameters).length : 0;
    const reason = typeof error === 'string' ? error : `${error.message}${codeOf(error)}`;
    this.logger.error(`query failed: ${reason}; ${oneLine(query)} (${count} parameters, not logged)`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

function codeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? ` [${code}]` : '';
}

function oneLine(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
