import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { SettableClock, loadAppConfig } from '@app/platform';
import { ProjectionRunner } from '@app/read-models';
import { API_SCHEMAS, createApp } from '../../apps/api/src/create-app';
import { EVENT_STORE_SCHEMA } from '@app/platform';
import { createTestDatabase, TestDatabaseKind } from './test-databases';

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly http: ReturnType<typeof request>;
  /** Where the app listens (127.0.0.1, a port of its own): for browsers and HTTP clients other than supertest. */
  readonly baseUrl: string;
  readonly clock: SettableClock;
  readonly store: EventStore;
  /** A supertest agent that sends this user's token on every request. */
  as(username: string, password: string): Promise<AuthenticatedClient>;
  asAdmin(): Promise<AuthenticatedClient>;
  /**
   * Waits until the read models have every event in the store. Needed only after writing to the store
   * directly (test preparers); commands over HTTP already answer after the projector passed them.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export type AuthenticatedClient = {
  [Method in 'get' | 'post' | 'put' | 'delete' | 'patch']: (url: string) => request.Test;
} & { readonly token: string };

/** The real app on a database of its own (PGlite or the server), with a clock the test sets. */
export async function startTestApp(kind: TestDatabaseKind, startAt = '2026-03-02T01:00:00.000Z', environment: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind, [EVENT_STORE_SCHEMA, ...API_SCHEMAS]);
  const t = await startAppOn(database.url, environment, startAt);
  return {
    ...t,
    close: async () => {
      await t.close();
      await database.drop();
    },
  };
}

/**
 * The real app on a database that outlives it, so a spec can stop it (a crash, as far as the database
 * can tell: nothing is flushed on the way out) and start another on the same rows.
 */
export async function startAppOn(databaseUrl: string, environment: Record<string, string> = {}, startAt = '2026-03-02T01:00:00.000Z'): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-e2e-'));
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // OWASP's minimum argon2id cost: the suites sign in hundreds of times, and hashing is not what they test.
    PASSWORD_HASH_MEMORY_KIB: '19456',
    PASSWORD_HASH_TIME_COST: '2',
    PASSWORD_HASH_PARALLELISM: '1',
    // Suites register many organisations from one address; the throttle's own spec sets its limits.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000',
    ...environment,
  });
  const clock = new SettableClock(startAt);
  const app = await createApp({ config, clock, database: { url: databaseUrl, kind: 'server', close: async () => undefined } }, false);
  // Listening once, on loopback: supertest would otherwise bind and close a port for every request.
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const http = request(baseUrl);
  const as = async (username: string, password: string): Promise<AuthenticatedClient> => {
    const response = await http.post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const token = response.body.accessToken as string;
    const withToken = (method: 'get' | 'post' | 'put' | 'delete' | 'patch') => (url: string) =>
      (http[method] as (url: string) => request.Test)(url).set('Authorization', `Bearer ${token}`);
    return { token, get: withToken('get'), post: withToken('post'), put: withToken('put'), delete: withToken('delete'), patch: withToken('patch') };
  };
  const store = app.get<EventStore>(EVENT_STORE);
  const settle = async () => {
    const head = await store.headPosition();
    if (head !== null && !(await app.get(ProjectionRunner).waitFor(head, 15_000))) throw new Error('the read models did not catch up within 15 s');
  };
  return {
    app,
    http,
    baseUrl,
    clock,
    store,
    settle,
    as,
    asAdmin: () => as(ADMIN.username, ADMIN.password),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
