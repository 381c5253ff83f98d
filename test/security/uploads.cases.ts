import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { AttachmentFiles } from '../../apps/api/src/dossiers/attachments/attachment-files';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { registerApplicant } from '../dossiers/dossier-fixtures';

const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 32)]);

/** Every file under a folder with its size (apparent size: a sparse file counts in full). */
function filesUnder(folder: string): { path: string; size: number }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [{ path: join(folder, entry.name), size: statSync(join(folder, entry.name)).size }],
  );
}

/**
 * Finding 3: an upload streams to a temporary file that goes when the upload is aborted (or, after a
 * crash, at the next start); only a complete, checked file is moved into place; the per-dossier quota
 * counts the bytes on disk.
 */
describe('uploads do not fill the disk (finding 3)', () => {
  let t: TestApp;
  let applicant: AuthenticatedClient;
  let dossierId: string;
  let attachments: string;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const admin = await t.asAdmin();
    await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' }).expect(201);
    applicant = await registerApplicant(t, 'F', 'upload-applicant');
    dossierId = (
      await applicant
        .post('/api/v1/selections/demo-scenario-2026/dossiers')
        .send({ title: '上传测试', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
        .expect(201)
    ).body.id;
    attachments = join(t.app.get<AppConfig>(APP_CONFIG).DATA_DIR, 'attachments');
    port = Number(new URL(t.baseUrl).port);
  });
  afterAll(async () => t?.close());

  /** Sends the head of a 40 MiB multipart upload, a few MiB of it, then drops the connection. */
  function abortedUpload(): Promise<void> {
    const boundary = 'abortedboundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\napplication-form\r\n--${boundary}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    return new Promise((resolve) => {
      const sent = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/dossiers/${dossierId}/attachments`,
        headers: { Authorization: `Bearer ${applicant.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(40 * 1024 * 1024) },
      });
      sent.on('error', () => resolve());
      sent.on('close', () => resolve());
      sent.write(head);
      const chunk = Buffer.alloc(256 * 1024, 65);
      let written = 0;
      const pump = () => {
        while (written < 12) {
          written += 1;
          if (!sent.write(chunk)) return void sent.once('drain', pump);
        }
        setTimeout(() => sent.destroy(), 150);
      };
      pump();
    });
  }

  async function eventually(check: () => boolean): Promise<void> {
    for (let attempt = 0; attempt < 50 && !check(); attempt += 1) await new Promise((done) => setTimeout(done, 100));
  }

  it('aborted uploads leave no file behind, in the dossier folder or the incoming one', async () => {
    for (let round = 0; round < 3; round += 1) await abortedUpload();
    await eventually(() => filesUnder(attachments).length === 0);
    expect(filesUnder(attachments)).toEqual([]);
    const detail = await applicant.get(`/api/v1/dossiers/${dossierId}`).expect(200);
    expect(detail.body.attachments).toEqual([]);
  });

  it('a complete upload is moved into place, and nothing stays in .incoming', async () => {
    const uploaded = await applicant.post(`/api/v1/dossiers/${dossierId}/attachments`).field('kind', 'application-form').attach('file', pdf(2000), { filename: 'a.pdf', contentType: 'application/pdf' }).expect(201);
    expect(filesUnder(attachments).map((file) => file.path)).toEqual([join(attachments, dossierId, uploaded.body.id)]);
  });

  it('a file that fails its check is not moved into place', async () => {
    await applicant.post(`/api/v1/dossiers/${dossierId}/attachments`).field('kind', 'application-form').attach('file', Buffer.alloc(3000, 65), { filename: 'fake.pdf', contentType: 'application/pdf' }).expect(400);
    expect(filesUnder(attachments)).toHaveLength(1);
  });

  it('temporary files left by a crash are swept at start-up', async () => {
    mkdirSync(join(attachments, '.incoming'), { recursive: true });
    writeFileSync(join(attachments, '.incoming', 'left-by-a-crash.part'), Buffer.alloc(4096));
    await t.app.get(AttachmentFiles).onApplicationBootstrap();
    expect(existsSync(join(attachments, '.incoming', 'left-by-a-crash.part'))).toBe(false);
  });

  it('the quota counts bytes on disk, recorded or not', async () => {
    // A file in the dossier's folder without an event (as a crash between move and record leaves):
    // sparse, 200 MiB by its size, the whole demo-scenario quota.
    const orphan = join(attachments, dossierId, 'orphan000000');
    closeSync(openSync(orphan, 'w'));
    const fd = openSync(orphan, 'r+');
    try {
      (await import('node:fs')).ftruncateSync(fd, 200 * 1024 * 1024);
    } finally {
      closeSync(fd);
    }
    const refused = await applicant.post(`/api/v1/dossiers/${dossierId}/attachments`).field('kind', 'legal-entity-certificate').attach('file', pdf(1000), { filename: 'b.pdf', contentType: 'application/pdf' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ code: 'attachment-quota-exceeded' });
    expect(filesUnder(attachments).filter((file) => !file.path.includes(dossierId))).toEqual([]);
  });
});
