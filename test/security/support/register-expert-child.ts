/**
 * A child process for the crash spec: boots the real app on DATA_DIR (PGlite) or DATABASE_URL, signs
 * in as the admin and registers one expert over HTTP. With AI_PLUS_CRASH_AT set, the registration
 * kills this process (SIGKILL) at that point of RegisterExpertHandler.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadAppConfig, prepareDatabase } from '@app/platform';
import { API_SCHEMAS, createApp } from '../../../apps/api/src/create-app';

async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const database = await prepareDatabase(config, API_SCHEMAS, () => undefined);
  const app = await createApp({ config, database }, false);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  process.stdout.write('registering\n');
  const answer = await fetch(`${base}/api/v1/experts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: process.env.EXPERT_BODY,
  });
  process.stdout.write(`answered ${answer.status}\n`);
  await app.close();
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
