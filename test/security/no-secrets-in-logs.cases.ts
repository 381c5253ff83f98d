import { Logger, LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account } from '../../apps/api/src/auth/account.entity';
import { PasswordHasher } from '../../apps/api/src/auth/password-hasher';
import type { TestApp } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';

/** Finding 10: a failing insert of an account logs what failed, and never its parameters (the hash). */
describe('no secret or hash in any log line (finding 10)', () => {
  let t: TestApp;
  const lines: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    t = await sharedTestApp();
    const capture = (...parts: unknown[]) => lines.push(parts.map((part) => (part instanceof Error ? `${part.message} ${part.stack}` : typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
    const logger: LoggerService = { log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture };
    Logger.overrideLogger(logger);
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      const original = console[method];
      console[method] = capture;
      restore.push(() => (console[method] = original));
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        capture(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
  });
  afterAll(async () => {
    restore.forEach((undo) => undo());
    Logger.overrideLogger(false);
  });

  it('an insert that breaks the unique username logs the failure, without the hash or the password', async () => {
    const password = 'the-secret-passphrase-of-a-test';
    const hash = await t.app.get(PasswordHasher).hash(password);
    const accounts = t.app.get(DataSource).getRepository(Account);
    const row = { username: 'admin', passwordHash: hash, role: 'admin' as const, displayName: '重复', organisationCreditCode: null, expertId: null, active: true };
    await expect(accounts.insert(row)).rejects.toThrow();
    // And over HTTP: parallel registrations of one username race into the unique index.
    const admin = await t.asAdmin();
    const body = { name: '日志专家', organisationName: '中南大学', organisationCreditCode: '124300004448853760', fields: ['AI+离散型制造'], username: 'logged', password };
    const answers = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/v1/experts').send(body)));

    const log = lines.join('\n');
    expect(log).toMatch(/query failed/);
    expect(log).not.toContain(hash);
    expect(log.match(/\$argon2[^\s'",]*/)?.[0] ?? 'no hash').toBe('no hash');
    expect(log).not.toContain(password);
    expect(answers.map((answer) => answer.status).filter((status) => status >= 500)).toEqual([]);
  });
});
