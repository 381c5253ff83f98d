import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Client } from 'pg';
import { EVENT_STORE_SCHEMA, loadAppConfig, prepareDatabase } from '@app/platform';
import { API_SCHEMAS, createApp } from '../../apps/api/src/create-app';
import { seedPgliteDataDir } from '../support/test-databases';
import { PENDING_GRACE_MS } from '../../apps/api/src/reviews/experts/register-expert/pending-expert-accounts';

// The admin, and OWASP's minimum argon2id cost as every suite uses (hashing is not what this spec tests).
const ADMIN = {
  ADMIN_USERNAME: 'admin',
  ADMIN_PASSWORD: 'admin-password-for-tests',
  PASSWORD_HASH_MEMORY_KIB: '19456',
  PASSWORD_HASH_TIME_COST: '2',
  PASSWORD_HASH_PARALLELISM: '1',
};
const JWT_SECRET = 'crash-spec-secret-that-is-long-enough-for-hs256';
const expertBody = (username: string) =>
  JSON.stringify({ name: '崩溃专家', organisationName: '中南大学', organisationCreditCode: '124300004448853760', fields: ['AI+离散型制造'], username, password: `${username}-passphrase` });

/** Runs the child that registers an expert and is killed (SIGKILL) at `crashAt`; resolves with how it ended. */
function registerInChild(dataDir: string, username: string, crashAt: string): Promise<{ signal: NodeJS.Signals | null; output: string; killedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './tools/swc-register.cjs', 'test/security/support/register-expert-child.ts'], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, JWT_SECRET, ...ADMIN, EXPERT_BODY: expertBody(username), AI_PLUS_CRASH_AT: crashAt },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, output, killedAt: Date.now() }));
  });
}

/** What the database holds for the username and its expert stream, read before any app touches it. */
async function stateOf(url: string, username: string): Promise<{ account: { pending: boolean } | null; expertEvents: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const accounts = await client.query('SELECT expert_id, pending_since FROM accounts WHERE username = $1', [username]);
    if (accounts.rows.length === 0) return { account: null, expertEvents: 0 };
    const events = await client.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [`expert-${accounts.rows[0].expert_id}`]);
    return { account: { pending: accounts.rows[0].pending_since !== null }, expertEvents: events.rows[0].n };
  } finally {
    await client.end();
  }
}

/**
 * Finding 9: expert registration is all or nothing across a crash. A child process registers an expert
 * and is killed with SIGKILL between the account and the event (and, second, between the event and the
 * confirmation); the next start finds no account that signs in without an expert, and the username free.
 */
describe('expert registration survives a kill -9 between its steps (finding 9)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-crash-'));
  // The folder starts as a migrated database (what a first start would leave), not an empty one.
  beforeAll(() => seedPgliteDataDir(join(dataDir, 'pglite'), [EVENT_STORE_SCHEMA, ...API_SCHEMAS]));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function restart<T>(work: (http: ReturnType<typeof request>, url: string) => Promise<T>, before?: (url: string) => Promise<void>): Promise<T> {
    const config = loadAppConfig({ DATA_DIR: dataDir, JWT_SECRET, ...ADMIN });
    const database = await prepareDatabase(config, API_SCHEMAS, () => undefined);
    try {
      if (before) await before(database.url);
      const app = await createApp({ config, database }, false);
      await app.init();
      try {
        return await work(request(app.getHttpServer()), database.url);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  }

  it('killed after the account, before the event: the account never signs in and the username is free again', async () => {
    const child = await registerInChild(dataDir, 'lisi', 'register-expert:between-account-and-event');
    expect(child.output).toContain('crash point register-expert:between-account-and-event');
    expect(child.signal).toBe('SIGKILL');
    await restart(
      async (http) => {
        await http.post('/api/v1/auth/login').send({ username: 'lisi', password: 'lisi-passphrase' }).expect(401);
        const admin = (await http.post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN.ADMIN_PASSWORD }).expect(200)).body.accessToken;
        await http.post('/api/v1/experts').set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send(expertBody('lisi')).expect(201);
        await http.post('/api/v1/auth/login').send({ username: 'lisi', password: 'lisi-passphrase' }).expect(200);
      },
      async (url) => {
        // Proof of where the kill landed: the account is written (pending), the expert's event is not.
        expect(await stateOf(url, 'lisi')).toEqual({ account: { pending: true }, expertEvents: 0 });
        const wait = child.killedAt + PENDING_GRACE_MS - Date.now();
        if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      },
    );
  });

  it('killed after the event, before the confirmation: the next start confirms the account', async () => {
    const child = await registerInChild(dataDir, 'wangwu', 'register-expert:between-event-and-confirmation');
    expect(child.signal).toBe('SIGKILL');
    await restart(
      async (http, url) => {
        expect(await stateOf(url, 'wangwu')).toEqual({ account: { pending: false }, expertEvents: 1 });
        await http.post('/api/v1/auth/login').send({ username: 'wangwu', password: 'wangwu-passphrase' }).expect(200);
      },
      async (url) => expect(await stateOf(url, 'wangwu')).toEqual({ account: { pending: true }, expertEvents: 1 }),
    );
  });
});
