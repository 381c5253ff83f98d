import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { SettableClock, loadAppConfig } from '@app/platform';
import { ProjectionRunner } from '@app/read-models';
import { createApp } from '../../apps/api/src/create-app';
import { ADMIN, AuthenticatedClient, TestApp } from '../support/test-app';

/**
 * The real app on a database that outlives it, so a spec can stop it (a crash, as far as the database
 * can tell: nothing is flushed on the way out) and start another on the same rows. Same shape as
 * startTestApp's, so the walk helpers drive it.
 */
export async function startAppOn(databaseUrl: string, environment: Record<string, string>, startAt: string): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-mail-'));
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    ...environment,
  });
  const clock = new SettableClock(startAt);
  const app = await createApp({ config, clock, database: { url: databaseUrl, kind: 'server', close: async () => undefined } }, false);
  await app.init();
  const http = request(app.getHttpServer());
  const as = async (username: string, password: string): Promise<AuthenticatedClient> => {
    const response = await http.post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const token = response.body.accessToken as string;
    const withToken = (method: 'get' | 'post' | 'put' | 'delete' | 'patch') => (url: string) =>
      (http[method] as (url: string) => request.Test)(url).set('Authorization', `Bearer ${token}`);
    return { token, get: withToken('get'), post: withToken('post'), put: withToken('put'), delete: withToken('delete'), patch: withToken('patch') };
  };
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    http,
    clock,
    store,
    as,
    asAdmin: () => as(ADMIN.username, ADMIN.password),
    settle: async () => {
      const head = await store.headPosition();
      if (head !== null && !(await app.get(ProjectionRunner).waitFor(head, 15_000))) throw new Error('the read models did not catch up within 15 s');
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
