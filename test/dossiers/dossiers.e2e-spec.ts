import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { AccountsService } from '../../apps/api/src/auth/accounts.service';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import {
  DEMO_SCENARIO_FIELDS,
  REQUIRED_DEMO_KINDS,
  completeDossier,
  creditCodeOf,
  draftBody,
  pdfBytes,
  registerApplicant,
  sha256Of,
  upload,
} from './dossier-fixtures';

const SELECTION = 'demo-scenario-2026';
/** Collects a response body as bytes (supertest would decode it as text). */
const binary = (response: unknown, callback: (error: Error | null, body: Buffer) => void) => {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

for (const kind of behaviourDatabaseKinds()) {
  describe(`dossiers over HTTP on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    let owner: AuthenticatedClient;
    let other: AuthenticatedClient;
    let expert: AuthenticatedClient;
    let attachmentsDir: string;
    // Dossiers the later steps (after the deadline) work on.
    let happyId: string;
    let lateId: string;
    let correctedId: string;

    const filesOf = (dossierId: string) => (existsSync(join(attachmentsDir, dossierId)) ? readdirSync(join(attachmentsDir, dossierId)) : []);
    const revisionOf = (dossierId: string) => t.store.streamRevision(`dossier-${dossierId}`);

    beforeAll(async () => {
      t = await startTestApp(kind, '2026-03-02T01:00:00.000Z');
      admin = await t.asAdmin();
      attachmentsDir = join(t.app.get<AppConfig>(APP_CONFIG).DATA_DIR, 'attachments');
      await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' }).expect(201);
      owner = await registerApplicant(t, '1', 'harbour');
      other = await registerApplicant(t, '2', 'rival');
      await t.app.get(AccountsService).create({ username: 'expert-wang', password: 'expert-wang-password', role: 'expert', displayName: '王专家', expertId: 'e-wang' });
      expert = await t.as('expert-wang', 'expert-wang-password');
    });
    afterAll(async () => t?.close());

    it('drafts, edits, attaches every required kind, submits; the owner reads it back with its ETag', async () => {
      const drafted = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody({ fields: { sceneName: '港口无人巡检' } })).expect(201);
      happyId = drafted.body.id;
      expect(happyId).toMatch(new RegExp(`^${SELECTION}-[0-9a-f]{8}$`));
      expect(drafted.body.revision).toBe('0');
      expect(drafted.headers.location).toBe(`/api/v1/dossiers/${happyId}`);
      expect(drafted.headers.etag).toBe('"0"');

      const incomplete = await owner.post(`/api/v1/dossiers/${happyId}/submit`).expect(400);
      expect(incomplete.body.details.code).toBe('dossier-incomplete');
      expect(incomplete.body.details.reason).toContain('场景描述');
      expect(incomplete.body.details.missing).toEqual(
        expect.arrayContaining([
          { kind: 'field', code: 'description', name: '场景描述' },
          { kind: 'attachment', code: 'application-form', name: '申报书' },
        ]),
      );

      const edited = await owner.patch(`/api/v1/dossiers/${happyId}`).set('If-Match', '"0"').send({ fields: DEMO_SCENARIO_FIELDS }).expect(200);
      expect(edited.body.revision).toBe('1');
      expect(edited.headers.etag).toBe('"1"');

      const chineseName = '申报书(盖章版).pdf';
      const form = pdfBytes('application form');
      const uploaded = await upload(owner, happyId, 'application-form', form, chineseName).expect(201);
      const formId = uploaded.body.id as string;
      expect(uploaded.headers.location).toBe(`/api/v1/dossiers/${happyId}/attachments/${formId}`);
      for (const kind of REQUIRED_DEMO_KINDS.slice(1)) await upload(owner, happyId, kind, pdfBytes(kind), `${kind}.pdf`).expect(201);

      const read = await owner.get(`/api/v1/dossiers/${happyId}`).expect(200);
      expect(read.headers.etag).toBe('"5"');
      expect(read.body).toMatchObject({ id: happyId, selectionId: SELECTION, status: 'draft', statusDescription: 'the dossier is a draft', fields: DEMO_SCENARIO_FIELDS, revision: '5' });
      expect(read.body.attachments).toHaveLength(4);
      expect(read.body.attachments[0]).toEqual({
        attachmentId: formId,
        kind: 'application-form',
        name: chineseName,
        mediaType: 'application/pdf',
        sizeBytes: form.length,
        sha256: sha256Of(form),
      });

      const downloaded = await owner.get(`/api/v1/dossiers/${happyId}/attachments/${formId}`).buffer(true).parse(binary as never).expect(200);
      expect(Buffer.compare(downloaded.body as Buffer, form)).toBe(0);
      expect(sha256Of(downloaded.body as Buffer)).toBe(sha256Of(form));
      expect(downloaded.headers['content-type']).toBe('application/pdf');
      expect(downloaded.headers['content-length']).toBe(String(form.length));
      expect(downloaded.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('申报书')}`);
      await admin.get(`/api/v1/dossiers/${happyId}/attachments/${formId}`).expect(200);

      const submitted = await owner.post(`/api/v1/dossiers/${happyId}/submit`).expect(200);
      expect(submitted.body.revision).toBe('6');
      // A submitted dossier takes no more files: the upload is refused and its bytes deleted.
      const afterSubmit = await upload(owner, happyId, 'effect-evidence', pdfBytes('late evidence'), 'late.pdf').expect(409);
      expect(afterSubmit.body.details.code).toBe('wrong-status');
      expect(filesOf(happyId)).toHaveLength(4);
      expect((await owner.get(`/api/v1/dossiers/${happyId}`).expect(200)).body.status).toBe('submitted');

      const mine = await owner.get('/api/v1/me/dossiers').expect(200);
      expect(mine.body).toEqual([expect.objectContaining({ id: happyId, selectionId: SELECTION, status: 'submitted' })]);
      expect((await other.get('/api/v1/me/dossiers').expect(200)).body).toEqual([]);
    });

    it('an attachment can be removed while the dossier is editable, and its file goes with it', async () => {
      const drafted = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody()).expect(201);
      const id = drafted.body.id as string;
      const added = await upload(owner, id, 'effect-evidence', pdfBytes('evidence'), '成效证明.pdf').expect(201);
      expect(filesOf(id)).toEqual([added.body.id]);
      await other.delete(`/api/v1/dossiers/${id}/attachments/${added.body.id}`).expect(404);
      await owner.delete(`/api/v1/dossiers/${id}/attachments/${added.body.id}`).expect(200);
      expect(filesOf(id)).toEqual([]);
      expect((await owner.get(`/api/v1/dossiers/${id}`).expect(200)).body.attachments).toEqual([]);
      await owner.get(`/api/v1/dossiers/${id}/attachments/${added.body.id}`).expect(404);
      await owner.post(`/api/v1/dossiers/${id}/withdraw`).send({ reason: '项目调整,主动撤回' }).expect(200);
      const withdrawn = await owner.get(`/api/v1/dossiers/${id}`).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', closingReason: '项目调整,主动撤回' });
      await owner.patch(`/api/v1/dossiers/${id}`).send({ title: '再改' }).expect(409);
    });

    it('refuses a file of the wrong type, or whose bytes are not what it claims, and keeps nothing', async () => {
      const drafted = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody()).expect(201);
      const id = drafted.body.id as string;
      const before = await revisionOf(id);

      const text = await upload(owner, id, 'application-form', Buffer.from('plain words'), 'notes.txt', 'text/plain').expect(400);
      expect(text.body.details.code).toBe('attachment-type-not-allowed');
      expect(text.body.details.reason).toContain('only PDF, DOCX, XLSX, PNG and JPEG');

      const disguised = await upload(owner, id, 'application-form', Buffer.from('<html>not a pdf</html>'), 'form.pdf').expect(400);
      expect(disguised.body.details.code).toBe('attachment-content-mismatch');

      const unknownKind = await upload(owner, id, 'photo-album', pdfBytes('x'), 'x.pdf').expect(400);
      expect(unknownKind.body.details.reason).toContain('photo-album');

      const noFile = await owner.post(`/api/v1/dossiers/${id}/attachments`).field('kind', 'application-form').expect(400);
      expect(noFile.body.details.reason).toContain('"file"');

      const extraField = await owner.post(`/api/v1/dossiers/${id}/attachments`).field('kind', 'application-form').field('colour', 'red').attach('file', pdfBytes('y'), 'y.pdf').expect(400);
      expect(extraField.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'colour' })]));

      expect(await revisionOf(id)).toBe(before);
      expect(filesOf(id)).toEqual([]);
    });

    it('refuses an upload above the programme limit with 413, the stream and the disk unchanged', async () => {
      const drafted = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody()).expect(201);
      const id = drafted.body.id as string;
      const tooLarge = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
      pdfBytes('big').copy(tooLarge);
      const response = await upload(owner, id, 'application-form', tooLarge, 'big.pdf').expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(response.body.message).toContain('50 MB 的上限');
      expect(response.body.details.reason).toContain('52428800 bytes');
      expect(await revisionOf(id)).toBe(0n);
      expect(filesOf(id)).toEqual([]);
    });

    it("another organisation's applicant finds no such dossier; experts and the anonymous are refused", async () => {
      const id = happyId;
      const before = await revisionOf(id);
      await other.get(`/api/v1/dossiers/${id}`).expect(404);
      await other.patch(`/api/v1/dossiers/${id}`).send({ title: '篡改' }).expect(404);
      await upload(other, id, 'effect-evidence', pdfBytes('intruder'), 'intruder.pdf').expect(404);
      await other.post(`/api/v1/dossiers/${id}/submit`).expect(404);
      await other.post(`/api/v1/dossiers/${id}/withdraw`).send({ reason: '恶意撤回' }).expect(404);
      const attachmentId = (await owner.get(`/api/v1/dossiers/${id}`)).body.attachments[0].attachmentId;
      await other.get(`/api/v1/dossiers/${id}/attachments/${attachmentId}`).expect(404);
      await other.post(`/api/v1/selections/${SELECTION}/dossiers/`).send(draftBody({ title: 123 })).expect(400);
      await other.get(`/api/v1/selections/${SELECTION}/dossiers`).expect(403);

      // An expert not assigned to the dossier does not see it, and never acts as an applicant.
      await expert.get(`/api/v1/dossiers/${id}`).expect(404);
      await expert.get(`/api/v1/dossiers/${id}/attachments/${attachmentId}`).expect(404);
      await expert.patch(`/api/v1/dossiers/${id}`).send({ title: '专家改' }).expect(403);
      await expert.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody()).expect(403);
      await expert.post(`/api/v1/dossiers/${id}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 1 }).expect(403);
      await admin.patch(`/api/v1/dossiers/${id}`).send({ title: '管理员改' }).expect(403);

      await t.http.get(`/api/v1/dossiers/${id}`).expect(401);
      await t.http.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody()).expect(401);
      await t.http.post(`/api/v1/dossiers/${id}/submit`).expect(401);
      await t.http.post(`/api/v1/dossiers/${id}/attachments`).field('kind', 'application-form').attach('file', pdfBytes('anon'), 'anon.pdf').expect(401);
      await t.http.get('/api/v1/me/dossiers').expect(401);

      expect(await revisionOf(id)).toBe(before);
      await t.http.get('/api/v1/dossiers/no-such-dossier').set('Authorization', `Bearer ${admin.token}`).expect(404);
    });

    it('a stale If-Match is 412 and the stream is unchanged', async () => {
      const drafted = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody()).expect(201);
      const id = drafted.body.id as string;
      await owner.patch(`/api/v1/dossiers/${id}`).set('If-Match', '"0"').send({ title: '第一次修改' }).expect(200);
      const stale = await owner.patch(`/api/v1/dossiers/${id}`).set('If-Match', '"0"').send({ title: '基于旧版本的修改' }).expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, details: { currentRevision: '1' } });
      expect(await revisionOf(id)).toBe(1n);
      expect((await owner.get(`/api/v1/dossiers/${id}`)).body.title).toBe('第一次修改');
    });

    it('bad input is a 400 naming each field', async () => {
      const draft = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send({ title: '', tier: 7, fields: 'none', declaredInvestmentFen: 1.5, excludedExpertIds: ['a', 'b', 'c', 'd'], colour: 'red' }).expect(400);
      const fields = draft.body.details.map((problem: { field: string }) => problem.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'tier', 'fields', 'declaredInvestmentFen', 'excludedExpertIds', 'colour']));

      const domain = await owner.post(`/api/v1/selections/${SELECTION}/dossiers`).send(draftBody({ tier: 'batch', fields: { colour: 'red' } })).expect(400);
      expect(domain.body.details.reason).toMatch(/tier|field/);

      await owner.post('/api/v1/selections/no-such-2026/dossiers').send(draftBody()).expect(404);
      const list = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?status=lost`).expect(400);
      expect(list.body.details[0].field).toBe('status');

      const review = await admin.post(`/api/v1/dossiers/${happyId}/formal-review`).send({ decision: 'return' }).expect(400);
      expect(review.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['reason', 'correctionDeadlineDate']));
      await admin.post(`/api/v1/dossiers/${happyId}/formal-review`).send({ decision: 'maybe' }).expect(400);
      await owner.post(`/api/v1/dossiers/${happyId}/withdraw`).send({}).expect(400);
    });

    it('after the deadline a draft can no longer be submitted: 409 with the reason', async () => {
      lateId = await completeDossier(owner, SELECTION, '迟到');
      correctedId = await completeDossier(other, SELECTION, '补正');
      await other.post(`/api/v1/dossiers/${correctedId}/submit`).expect(200);

      t.clock.set('2026-04-01T01:00:00.000Z');
      const before = await revisionOf(lateId);
      const late = await owner.post(`/api/v1/dossiers/${lateId}/submit`).expect(409);
      expect(late.body.details.reason).toContain('submissions closed on 2026-03-31');
      expect(late.body.details.code).toBe('submission-closed');
      expect(await revisionOf(lateId)).toBe(before);
    });

    it('formal review: pass with 核定投资额; return for correction, then the applicant corrects and resubmits', async () => {
      await admin.post(`/api/v1/selections/${SELECTION}/close-submissions`).expect(200);

      const listed = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?status=submitted&tier=scenario`).expect(200);
      expect(listed.body.map((dossier: { id: string }) => dossier.id).sort()).toEqual([happyId, correctedId].sort());

      const missingAmount = await admin.post(`/api/v1/dossiers/${happyId}/formal-review`).send({ decision: 'pass' }).expect(400);
      expect(missingAmount.body.message).toContain('核定投资额');
      const tooMuch = await admin.post(`/api/v1/dossiers/${happyId}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 600_000_000 }).expect(400);
      expect(tooMuch.body.details.code).toBe('approved-above-declared');

      await admin.post(`/api/v1/dossiers/${happyId}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 400_000_000, note: '材料齐全' }).expect(200);
      const passed = await owner.get(`/api/v1/dossiers/${happyId}`).expect(200);
      expect(passed.body).toMatchObject({ status: 'passed', approvedInvestmentFen: 400_000_000, statusDescription: 'the dossier passed formal review' });
      await owner.patch(`/api/v1/dossiers/${happyId}`).send({ title: '通过后再改' }).expect(409);

      await admin
        .post(`/api/v1/dossiers/${correctedId}/formal-review`)
        .send({ decision: 'return', reason: '请补充项目名称的正式表述', correctionDeadlineDate: '2026-04-10' })
        .expect(200);
      const returned = await other.get(`/api/v1/dossiers/${correctedId}`).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', correction: { reason: '请补充项目名称的正式表述', deadlineDate: '2026-04-10' } });
      expect(returned.body.statusDescription).toContain('2026-04-10');

      await other.patch(`/api/v1/dossiers/${correctedId}`).send({ title: '补正示范场景(正式名称)' }).expect(200);
      await other.post(`/api/v1/dossiers/${correctedId}/submit`).expect(200);
      await admin.post(`/api/v1/dossiers/${correctedId}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 100_000_000 }).expect(200);
      const resubmitted = await other.get(`/api/v1/dossiers/${correctedId}`).expect(200);
      expect(resubmitted.body).toMatchObject({ status: 'passed', title: '补正示范场景(正式名称)', correction: null });

      const events = await t.store.readStream(`dossier-${correctedId}`);
      expect(events.map((event) => event.type).slice(-4)).toEqual(['DossierReturnedForCorrection', 'DossierEdited', 'DossierSubmitted', 'FormalReviewPassed']);
      expect(events[events.length - 1].metadata).toMatchObject({ actor: { role: 'admin' } });
      expect(creditCodeOf('2')).toBe(resubmitted.body.applicantCreditCode);
    });

    it('an assigned expert sees the dossier and its files, with his own score only and no other expert named', async () => {
      // Assignment and scoring belong to the reviews endpoints; here their facts are written directly.
      const at = '2026-04-20T02:00:00.000Z';
      const score = (expertId: string, total: number) => ({
        type: 'ScoreSubmitted',
        data: { dossierId: happyId, expertId, points: { technology: total }, total, comment: `${expertId} 的意见`, submittedAt: at },
      });
      await t.store.append(`dossier-${happyId}`, [
        { type: 'ExpertAssigned', data: { dossierId: happyId, expertId: 'e-wang', fieldMatch: true, assignedAt: at } },
        { type: 'ExpertAssigned', data: { dossierId: happyId, expertId: 'e-li', fieldMatch: false, assignedAt: at } },
        score('e-wang', 81),
        score('e-li', 67),
      ]);

      // Not before he signed the selection's 保密承诺、回避声明 (written directly too).
      const unsigned = await expert.get(`/api/v1/dossiers/${happyId}`).expect(403);
      expect(unsigned.body.details.code).toBe('declaration-not-signed');
      await t.store.append(`commitment-${SELECTION}-e-wang`, [
        { type: 'DeclarationSigned', data: { selectionId: SELECTION, expertId: 'e-wang', version: '默认文本-1', paragraphs: ['本人承诺保密。'], signedAt: at } },
      ]);
      const seen = await expert.get(`/api/v1/dossiers/${happyId}`).expect(200);
      expect(seen.body.scores).toEqual([{ points: { technology: 81 }, total: 81, comment: 'e-wang 的意见', submittedAt: at, amendedAt: null }]);
      expect(seen.body.assignments).toBeUndefined();
      expect(seen.body.excludedExpertIds).toBeUndefined();
      expect(JSON.stringify(seen.body)).not.toContain('e-li');
      const attachmentId = seen.body.attachments[0].attachmentId;
      await expert.get(`/api/v1/dossiers/${happyId}/attachments/${attachmentId}`).expect(200);
      await expert.get(`/api/v1/dossiers/${correctedId}`).expect(404);

      const asAdmin = await admin.get(`/api/v1/dossiers/${happyId}`).expect(200);
      expect(asAdmin.body.scores.map((entry: { expertId: string }) => entry.expertId).sort()).toEqual(['e-li', 'e-wang']);
      const asOwner = await owner.get(`/api/v1/dossiers/${happyId}`).expect(200);
      expect(asOwner.body.scores).toBeUndefined();
      expect(asOwner.body.assignments).toBeUndefined();
    });
  });
}
