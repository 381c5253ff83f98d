import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AttachmentFiles } from '../../apps/api/src/dossiers/attachments/attachment-files';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { ApplicantPlan, createPreparer, creditCode } from './prepare-review-closed';

const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

const scenario = (key: string, organisation: number, target: number, approvedYuan: number): ApplicantPlan => ({
  dossierId: `ds-${key}`,
  organisation,
  tier: 'scenario',
  title: `场景项目${key.toUpperCase()}`,
  approvedFen: approvedYuan * 100,
  target,
  fields: {
    sceneName: `智能场景${key.toUpperCase()}`,
    domain: 'AI+交通',
    description: `场景${key}的描述`,
    demonstration: `场景${key}的示范应用`,
    promotionValue: `场景${key}的推广价值`,
  },
});

const dataset = (key: string, organisation: number, target: number, title = `数据集${key}`): ApplicantPlan => ({
  dossierId: `dd-${key}`,
  organisation,
  tier: 'dataset',
  title,
  approvedFen: 1_000_000_00,
  target,
  fields: { datasetName: `数据集${key}`, domain: '科学技术', scale: '10TB', description: '描述', applicationResults: '成效', dataSource: '合规' },
});

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n% 投资凭证核查\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const EVIDENCE_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('现场照片')]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

for (const kind of behaviourDatabaseKinds()) {
  describe(`public notice, objections and awards over HTTP on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    let applicant: AuthenticatedClient;
    let prepare: ReturnType<typeof createPreparer>;
    let selectionId: string;
    const objections: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(kind, '2026-08-01T01:00:00.000Z');
      admin = await t.asAdmin();
      // Four organisations register (their names go on the notice); the fifth stays a bare credit code.
      for (const n of [101, 102, 103, 104]) {
        await t.http
          .post('/api/v1/organisations')
          .send({ creditCode: creditCode(n), name: `湖南第${n}科技有限公司`, contactName: '李明', contactPhone: '13800000000', username: `org${n}`, password: 'org-password-123' })
          .expect(201);
      }
      applicant = await t.as('org101', 'org-password-123');
      prepare = createPreparer(t);
      await prepare.registerExperts(EXPERTS, ['AI+交通', '科学技术'], '2026-08-01T01:00:00.000Z');
      selectionId = await prepare.toReviewClosed(
        {
          programme: 'demo-scenario',
          year: 2026,
          quotas: { scenario: 2 },
          // a and b are selected, c and d are the reserves, e is ranked outside.
          applicants: [scenario('a', 101, 90, 5_000_000), scenario('b', 102, 85, 20_000_000), scenario('c', 103, 80, 3_000_000), scenario('d', 104, 75, 1_000_000), scenario('e', 105, 70, 1_000_000)],
          at: {
            open: '2026-08-03T01:00:00.000Z',
            deadlineDate: '2026-08-20',
            draft: '2026-08-05T02:00:00.000Z',
            closeSubmissions: '2026-08-21T01:00:00.000Z',
            formalReview: '2026-08-24T02:00:00.000Z',
            review: '2026-08-26T02:00:00.000Z',
            closeReview: '2026-08-28T02:00:00.000Z',
          },
        },
        admin,
        EXPERTS,
      );
    });
    afterAll(async () => t?.close());

    it('the notice is not public before it starts; an admin starts it on the working-day calendar, across 国庆', async () => {
      await t.http.get(`/api/v1/selections/${selectionId}/public-notice`).expect(404);
      await applicant.post(`/api/v1/selections/${selectionId}/public-notice`).send({}).expect(403);
      t.clock.set('2026-09-28T02:00:00.000Z');
      const started = await admin
        .post(`/api/v1/selections/${selectionId}/public-notice`)
        .set('X-Request-Id', 'notice-start-1')
        .send({ startsOn: '2026-09-29' })
        .expect(201);
      // 09-29, 09-30, (10-01 … 10-07 off), 10-08, 10-09 and the make-up Saturday 10-10.
      expect(started.body.window).toMatchObject({ startsOn: '2026-09-29', endsOn: '2026-10-10', workingDays: 5 });
      expect(started.headers.etag).toBeDefined();
    });

    it('the public reads the listed dossiers with names and fields, and no scores or experts', async () => {
      const notice = await t.http.get(`/api/v1/selections/${selectionId}/public-notice`).expect(200);
      expect(notice.body.window).toMatchObject({ startsOn: '2026-09-29', endsOn: '2026-10-10' });
      const [tier] = notice.body.tiers;
      expect(tier).toMatchObject({ tier: 'scenario', name: '示范场景', quota: 2 });
      expect(tier.dossiers.map((d: { dossierId: string }) => d.dossierId)).toEqual(['ds-a', 'ds-b']);
      expect(tier.dossiers[0]).toMatchObject({ organisation: '湖南第101科技有限公司', projectTitle: '场景项目A', fields: { sceneName: '智能场景A' } });
      const text = JSON.stringify(notice.body);
      expect(text).not.toMatch(/score|aggregate|expert|"e[1-6]"/i);
    });

    it('anyone files a named objection during the window, without a token; outside it is a 409 naming the window', async () => {
      t.clock.set('2026-09-28T10:00:00.000Z'); // 18:00 Beijing, the day before the notice starts
      const early = await t.http
        .post(`/api/v1/selections/${selectionId}/objections`)
        .send({ dossierId: 'ds-a', name: '张伟', contact: 'zhangwei@example.cn', reason: '申报材料中应用成效数据与实际不符' })
        .expect(409);
      expect(early.body.details.reason).toContain('2026-09-29');
      expect(early.body.details.reason).toContain('2026-10-10');

      t.clock.set('2026-09-30T03:00:00.000Z');
      const filed = await t.http
        .post(`/api/v1/selections/${selectionId}/objections`)
        .send({ dossierId: 'ds-a', name: '张伟', contact: 'zhangwei@example.cn', organisation: '长沙某公司', reason: '申报材料中应用成效数据与实际不符' })
        .expect(201);
      objections.a = filed.body.objectionId;
      // With evidence: multipart, the same fields and the files (PDF or image), checked as attachments are.
      const objectionForm = () =>
        t.http.post(`/api/v1/selections/${selectionId}/objections`).field('dossierId', 'ds-b').field('name', '王芳').field('contact', '13912345678').field('reason', '项目投资额存疑,请核查');
      const wrongType = await objectionForm().attach('evidence', Buffer.from('只是文字'), { filename: '说明.txt', contentType: 'text/plain' }).expect(400);
      expect(wrongType.body.details.code).toBe('evidence-type-not-allowed');
      expect(wrongType.body.message).toBe('证明材料只接受 PDF、PNG、JPEG 格式的文件。请转换格式后重新提交。');
      const disguised = await objectionForm().attach('evidence', Buffer.from('<html>not a pdf</html>'), { filename: '伪装.pdf', contentType: 'application/pdf' }).expect(400);
      expect(disguised.body.details.code).toBe('evidence-content-mismatch');
      const tooLarge = await objectionForm().attach('evidence', Buffer.concat([EVIDENCE_PDF, Buffer.alloc(10 * 1024 * 1024)]), { filename: '很大.pdf', contentType: 'application/pdf' }).expect(413);
      expect(tooLarge.body.message).toBe('单个证明材料不能超过 10 MB。请压缩或拆分后重新提交。');
      const second = await objectionForm()
        .attach('evidence', EVIDENCE_PDF, { filename: '投资凭证核查.pdf', contentType: 'application/pdf' })
        .attach('evidence', EVIDENCE_PNG, { filename: '现场照片.png', contentType: 'image/png' })
        .expect(201);
      objections.b = second.body.objectionId;
      // Refused uploads leave nothing behind; the filed one's files sit under their SHA-256.
      const files = t.app.get(AttachmentFiles);
      expect(readdirSync(dirname(files.incomingPath()))).toEqual([]);
      expect(readdirSync(dirname(files.evidencePath(sha256(EVIDENCE_PDF)))).sort()).toEqual([sha256(EVIDENCE_PDF), sha256(EVIDENCE_PNG)].sort());

      const bad = await t.http.post(`/api/v1/selections/${selectionId}/objections`).send({ dossierId: 'ds-b', name: '', contact: 'nobody', reason: 'x' }).expect(400);
      expect(bad.body.details.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['name', 'contact', 'reason']));
      await t.http.post(`/api/v1/selections/${selectionId}/objections`).send({ dossierId: 'ds-zzz', name: '张伟', contact: '13912345678', reason: '没有这个项目吧' }).expect(404);
      // A reserve is not on the list: objections concern listed dossiers only.
      await t.http.post(`/api/v1/selections/${selectionId}/objections`).send({ dossierId: 'ds-c', name: '张伟', contact: '13912345678', reason: '候补项目也有问题' }).expect(409);
    });

    it('admins list the objections with their status; others may not', async () => {
      const list = await admin.get(`/api/v1/selections/${selectionId}/objections`).expect(200);
      expect(list.body).toHaveLength(2);
      expect(list.body[0]).toMatchObject({ objectionId: objections.a, dossierId: 'ds-a', status: 'open', objector: { name: '张伟', contact: 'zhangwei@example.cn' }, evidence: [] });
      const href = (sha: string) => `/api/v1/selections/${selectionId}/objections/${objections.b}/evidence/${sha}`;
      expect(list.body[1].evidence).toEqual([
        { name: '投资凭证核查.pdf', mediaType: 'application/pdf', sizeBytes: EVIDENCE_PDF.length, sha256: sha256(EVIDENCE_PDF), href: href(sha256(EVIDENCE_PDF)) },
        { name: '现场照片.png', mediaType: 'image/png', sizeBytes: EVIDENCE_PNG.length, sha256: sha256(EVIDENCE_PNG), href: href(sha256(EVIDENCE_PNG)) },
      ]);
      // The event itself carries the references.
      const events = await admin.get('/api/v1/streams/dossier-ds-b/events').expect(200);
      expect(events.body.events.find((event: { type: string }) => event.type === 'ObjectionFiled').data.evidence).toEqual(list.body[1].evidence.map(({ href: _href, ...file }: { href: string }) => file));
      const download = await admin.get(href(sha256(EVIDENCE_PNG))).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
      expect(Buffer.compare(download.body as Buffer, EVIDENCE_PNG)).toBe(0);
      await admin.get(href('0'.repeat(64))).expect(404);
      await applicant.get(href(sha256(EVIDENCE_PNG))).expect(403);
      await t.http.get(href(sha256(EVIDENCE_PNG))).expect(401);
      await t.http.get(`/api/v1/selections/${selectionId}/objections`).expect(401);
      await applicant.get(`/api/v1/selections/${selectionId}/objections`).expect(403);
    });

    it('an upheld objection takes the dossier off and the next reserve of the tier moves up (递补)', async () => {
      t.clock.set('2026-10-08T02:00:00.000Z');
      await applicant.post(`/api/v1/objections/${objections.a}/resolution`).send({ outcome: 'upheld', finding: '经核查属实' }).expect(403);
      await admin.post(`/api/v1/objections/no-such-objection/resolution`).send({ outcome: 'upheld', finding: '经核查属实' }).expect(404);
      const upheld = await admin.post(`/api/v1/objections/${objections.a}/resolution`).send({ outcome: 'upheld', finding: '经核查属实' }).expect(200);
      expect(upheld.body).toMatchObject({ dossierId: 'ds-a', selectionId, outcome: 'upheld', promotedDossierId: 'ds-c' });
      const again = await admin.post(`/api/v1/objections/${objections.a}/resolution`).send({ outcome: 'dismissed', finding: '重复处理' }).expect(409);
      expect(again.body.details.reason).toContain('already');

      const notice = await t.http.get(`/api/v1/selections/${selectionId}/public-notice`).expect(200);
      expect(notice.body.tiers[0].dossiers.map((d: { dossierId: string }) => d.dossierId)).toEqual(['ds-b', 'ds-c']);
      expect(notice.body.dropped).toEqual([{ dossierId: 'ds-a', organisation: '湖南第101科技有限公司', projectTitle: '场景项目A' }]);
    });

    it('after the window: no more objections, and no awards while an objection is open', async () => {
      t.clock.set('2026-10-12T02:00:00.000Z');
      const late = await t.http
        .post(`/api/v1/selections/${selectionId}/objections`)
        .send({ dossierId: 'ds-b', name: '张伟', contact: '13912345678', reason: '逾期提出的异议' })
        .expect(409);
      expect(late.body.details.reason).toContain('2026-10-10');
      const blocked = await admin.post(`/api/v1/selections/${selectionId}/awards`).expect(409);
      expect(blocked.body.details.code).toBe('objections-open');
      expect(blocked.body.details.reason).toContain(objections.b);
      await admin.post(`/api/v1/objections/${objections.b}/resolution`).send({ outcome: 'dismissed', finding: '经核查不属实' }).expect(200);
    });

    it('awards are decided with min(20% × 核定投资额, cap), visible to admins, not yet to the public', async () => {
      await applicant.post(`/api/v1/selections/${selectionId}/awards`).expect(403);
      const decided = await admin.post(`/api/v1/selections/${selectionId}/awards`).expect(201);
      expect(decided.body).toMatchObject({ awarded: 2, totalPaidFen: 200_000_000 + 60_000_000 });
      await t.http.get(`/api/v1/selections/${selectionId}/awards`).expect(404);
      await t.http.get(`/api/v1/selections/${selectionId}/annex`).expect(404);

      const list = await admin.get(`/api/v1/selections/${selectionId}/awards`).expect(200);
      const byId = Object.fromEntries(list.body.awards.map((line: { dossierId: string }) => [line.dossierId, line]));
      // b: 20% of 20,000,000 yuan is 4,000,000, capped at 2,000,000; c: 20% of 3,000,000 yuan.
      expect(byId['ds-b']).toMatchObject({ kind: 'money', approvedInvestmentFen: 2_000_000_000, standardFen: 200_000_000, paidFen: 200_000_000, paidYuan: '2,000,000.00 元', decision: 'paid' });
      expect(byId['ds-c']).toMatchObject({ paidFen: 60_000_000, paidYuan: '600,000.00 元', organisation: '湖南第103科技有限公司' });
      expect(list.body.totalPaidYuan).toBe('2,600,000.00 元');
      const reasons = Object.fromEntries(list.body.notAwarded.map((line: { dossierId: string; reason: string }) => [line.dossierId, line.reason]));
      expect(reasons['ds-a']).toMatch(/objection was upheld/);
      expect(Object.keys(reasons).sort()).toEqual(['ds-a', 'ds-d', 'ds-e']);
      expect(list.body.notAwarded.find((line: { dossierId: string }) => line.dossierId === 'ds-e').organisation).toBe(creditCode(105));

      const dossier = await prepare.dossierOf('ds-b');
      expect(dossier.status).toBe('awarded');
      expect((await prepare.dossierOf('ds-a')).status).toBe('not-awarded');
    });

    it('once published, the public reads the list and downloads the annex in txt, html and docx', async () => {
      await admin.post(`/api/v1/selections/${selectionId}/awards/publish`).expect(200);
      const list = await t.http.get(`/api/v1/selections/${selectionId}/awards`).expect(200);
      expect(list.body.phase).toBe('published');

      const txt = await t.http.get(`/api/v1/selections/${selectionId}/annex?format=txt`).expect(200);
      expect(txt.headers['content-type']).toMatch(/^text\/plain/);
      expect(txt.headers['content-disposition']).toBe('attachment; filename="annex-2-demo-scenarios.txt"');
      expect(txt.text).toContain('湖南省“人工智能+”十大示范场景'); // as the plan prints its annexes: no year
      expect(txt.text).toContain('智能场景B');
      expect(txt.text).toContain('智能场景C');
      expect(txt.text).not.toContain('智能场景A');

      const html = await t.http.get(`/api/v1/selections/${selectionId}/annex?format=html`).expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('智能场景C');

      const docx = await t.http
        .get(`/api/v1/selections/${selectionId}/annex?format=docx`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect((docx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');

      const awardList = await t.http.get(`/api/v1/selections/${selectionId}/annex?format=txt&document=award-list`).expect(200);
      expect(awardList.headers['content-disposition']).toContain('award-list-demo-scenario-2026.txt');
      expect(awardList.text).toContain('湖南第102科技有限公司');
      expect(awardList.text).toContain('2,000,000.00');
      await t.http.get(`/api/v1/selections/${selectionId}/annex?format=rtf`).expect(400); // pdf is printed now: test/documents/annex-pdf-endpoint.browser-spec.ts
    });

    it('the audit trail shows every event with actor and correlation id, for admins only', async () => {
      const audit = await admin.get(`/api/v1/streams/selection-${selectionId}/events`).expect(200);
      const started = audit.body.events.find((event: { type: string }) => event.type === 'PublicNoticeStarted');
      expect(started.metadata).toMatchObject({ actor: { role: 'admin' }, correlationId: 'notice-start-1', command: 'StartPublicNotice' });
      expect(started.metadata.causationId).toBeDefined();
      expect(started.recordedAt).toBeDefined();
      expect(audit.body.events.map((event: { type: string }) => event.type)).toEqual(
        expect.arrayContaining(['SelectionOpened', 'ReviewClosed', 'ShortlistEntryDropped', 'ObjectionDismissalRecorded', 'AwardsDecided', 'AwardsPublished']),
      );
      // The dossier's decision and the selection's 递补 were written by one command.
      const dossierAudit = await admin.get('/api/v1/streams/dossier-ds-a/events').expect(200);
      const upheld = dossierAudit.body.events.find((event: { type: string }) => event.type === 'ObjectionUpheld');
      const dropped = audit.body.events.find((event: { type: string }) => event.type === 'ShortlistEntryDropped');
      expect(upheld.metadata.causationId).toBe(dropped.metadata.causationId);

      const page = await admin.get(`/api/v1/streams/selection-${selectionId}/events?from=1&limit=2`).expect(200);
      expect(page.body.events.map((event: { revision: string }) => event.revision)).toEqual(['1', '2']);
      expect(page.body.nextFrom).toBe('3');
      await admin.get('/api/v1/streams/dossier-nothing/events').expect(404);
      await applicant.get(`/api/v1/streams/selection-${selectionId}/events`).expect(403);
      await t.http.get(`/api/v1/streams/selection-${selectionId}/events`).expect(401);
    });

    it('every endpoint of this area is in the OpenAPI document with its responses', async () => {
      const document = await t.http.get('/api/docs-json').expect(200);
      const operations: [string, string][] = [
        ['/api/v1/calendar-years', 'get'],
        ['/api/v1/calendar-years', 'post'],
        ['/api/v1/selections/{selectionId}/public-notice', 'get'],
        ['/api/v1/selections/{selectionId}/public-notice', 'post'],
        ['/api/v1/selections/{selectionId}/objections', 'get'],
        ['/api/v1/selections/{selectionId}/objections', 'post'],
        ['/api/v1/objections/{objectionId}/resolution', 'post'],
        ['/api/v1/selections/{selectionId}/awards', 'get'],
        ['/api/v1/selections/{selectionId}/awards', 'post'],
        ['/api/v1/selections/{selectionId}/awards/publish', 'post'],
        ['/api/v1/selections/{selectionId}/annex', 'get'],
        ['/api/v1/streams/{streamId}/events', 'get'],
      ];
      for (const [path, method] of operations) {
        const operation = document.body.paths[path]?.[method];
        expect({ path, method, summary: operation?.summary }).toEqual({ path, method, summary: expect.any(String) });
        expect(Object.keys(operation.responses).length).toBeGreaterThan(1);
      }
    });

    it('a notice running into an unknown year is refused until an admin loads that year', async () => {
      const known = await t.http.get('/api/v1/calendar-years').expect(200);
      expect(known.body.map((year: { year: number }) => year.year)).toEqual([2025, 2026]);

      const datasetId = await prepare.toReviewClosed(
        {
          programme: 'dataset',
          year: 2026,
          quotas: { dataset: 1 },
          // y is b's project again (same organisation, same title): 不重复享受 applies to it.
          applicants: [dataset('x', 101, 78), dataset('y', 102, 88, '场景项目B')],
          at: {
            open: '2026-11-02T01:00:00.000Z',
            deadlineDate: '2026-11-20',
            draft: '2026-11-05T02:00:00.000Z',
            closeSubmissions: '2026-11-23T01:00:00.000Z',
            formalReview: '2026-11-24T02:00:00.000Z',
            review: '2026-11-26T02:00:00.000Z',
            closeReview: '2026-12-10T02:00:00.000Z',
          },
        },
        admin,
        EXPERTS,
      );
      t.clock.set('2026-12-28T01:00:00.000Z');
      const refused = await admin.post(`/api/v1/selections/${datasetId}/public-notice`).send({}).expect(409);
      expect(refused.body.details.code).toBe('calendar-year-unknown');
      expect(refused.body.details.reason).toContain('2027');

      const year2027 = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] };
      await applicant.post('/api/v1/calendar-years').send(year2027).expect(403);
      await admin.post('/api/v1/calendar-years').send({ ...year2027, year: 2026 }).expect(400); // dates outside 2026
      const seedYear = await admin.post('/api/v1/calendar-years').send({ ...year2027, year: 2026, holidays: ['2026-01-01'] }).expect(409);
      expect(seedYear.body.details.reason).toContain('already known');
      await admin.post('/api/v1/calendar-years').send({ ...year2027, holidays: ['2027-13-01'] }).expect(400);
      await admin.post('/api/v1/calendar-years').send(year2027).expect(201);
      await admin.post('/api/v1/calendar-years').send(year2027).expect(409);
      const now = await t.http.get('/api/v1/calendar-years').expect(200);
      expect(now.body.map((year: { year: number; origin: string }) => `${year.year}:${year.origin}`)).toEqual(['2025:seed', '2026:seed', '2027:loaded']);

      const started = await admin.post(`/api/v1/selections/${datasetId}/public-notice`).send({}).expect(201);
      // 12-28 … 12-31 are four working days; 2027-01-01 is a holiday, then the weekend; Monday 01-04 is the fifth.
      expect(started.body.window).toMatchObject({ startsOn: '2026-12-28', endsOn: '2027-01-04', workingDays: 5 });

      // The same project already received 2,000,000 yuan this year as a demo scenario: 就高原则, nothing more.
      t.clock.set('2027-01-05T02:00:00.000Z');
      await admin.post(`/api/v1/selections/${datasetId}/awards`).expect(201);
      const list = await admin.get(`/api/v1/selections/${datasetId}/awards`).expect(200);
      expect(list.body.awards).toEqual([
        expect.objectContaining({ dossierId: 'dd-y', standardFen: 20_000_000, paidFen: 0, paidYuan: '0.00 元', paidText: '不予重复支持', decision: 'not-paid' }),
      ]);
      expect(list.body.awards[0].reason).toBe('不重复享受:已于《2026年湖南省“人工智能+”十大示范场景评选》获支持 2,000,000.00 元,不低于本次标准 200,000.00 元,本次不予重复支持');
    });
  });
}
