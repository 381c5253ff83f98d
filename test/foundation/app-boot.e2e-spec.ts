import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { loadAppConfig, prepareDatabase } from '@app/platform';
import { API_SCHEMAS, createApp } from '../../apps/api/src/create-app';

describe('the API app on the embedded default (PGlite in a data folder)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-boot-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function boot() {
    const config = loadAppConfig({ DATA_DIR: dataDir });
    const database = await prepareDatabase(config, API_SCHEMAS);
    const app: INestApplication = await createApp({ config, database }, false);
    await app.init();
    return {
      app,
      store: app.get<EventStore>(EVENT_STORE),
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  }

  // One first start on the empty folder (initdb and every migration) serves the first two checks; the
  // third stops it and starts again on the same folder.
  let first: Awaited<ReturnType<typeof boot>> | undefined;
  beforeAll(async () => {
    first = await boot();
  });
  afterAll(async () => first?.close());

  it('answers GET /health with 200 and both the database and the event store up', async () => {
    const response = await request(first!.app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, eventStore: { status: 'up' } } });
  });

  it('serves the OpenAPI document at /api/docs-json and the explorer at /api/docs', async () => {
    const json = await request(first!.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/health');
    await request(first!.app.getHttpServer()).get('/api/docs').expect(200);
  });

  it('keeps its events across a restart', async () => {
    const running = first!;
    first = undefined;
    await running.store.append('boot-1', [{ type: 'Remembered', data: { note: '重启后仍在' } }], { expectedState: 'no-stream' });
    await running.close();

    const second = await boot();
    try {
      const events = await second.store.readStream('boot-1');
      expect(events.map((event) => [event.type, event.data])).toEqual([['Remembered', { note: '重启后仍在' }]]);
    } finally {
      await second.close();
    }
  });
});
