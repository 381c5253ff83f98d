/**
 * A year of 附件5 money over HTTP for overlapping organisations: the 人工智能垂类大模型 2026 selection,
 * the 2026 算力券 call (first come, a budget the claims exceed) and national-level recognitions.
 *
 * - 8001 湖南视觉智能(合成): a model award of 600,000 元 for 《工业视觉检测系统》, a 算力券 claim (outside
 *   不重复享受: paid in full beside the award), then 国家级单项冠军企业 for the same project: 800,000 元
 *   on its own rule, topped up by 200,000 元 over the 600,000 元 already paid (就高原则);
 * - 8002 湖南智算平台(合成): a 算力券 claim, and a 新获批国家级科技创新平台 grant with 1,500,000 元 of other
 *   provincial support declared: year 1 pays 3,500,000 元, year 2 is suspended with a reason, then paid;
 * - 8003 湖南算力应用(合成): the last 算力券 claim in, when the budget is nearly spent (reduced).
 *
 * The selection is written up to the end of its notice by the real deciders (full-year.test-support);
 * every money decision goes through the app and is read back from the organisations' fund ledgers.
 */
import { seedRules } from '@app/domain/programmes/programmes.test-support';
import { creditCode } from '@app/domain/selection/actors.test-support';
import { createWorld, T } from '@app/domain/selection/full-year.test-support';
import { calendarYears } from '@app/domain/selection/selection.test-support';
import { pdfBytes, sha256Of } from '../dossiers/dossier-fixtures';
import { binary, column, openXlsx } from '../exports/spreadsheet-download';
import request from 'supertest';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { uploadClaimDocuments, uploadFundDocument } from './fund-documents.test-support';
import { ADMIN, AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';

const WAN = 10_000 * 100;
const AREA = 'AI+制造';
const NAMES: Record<number, string> = { 8001: '湖南视觉智能有限公司(合成)', 8002: '湖南智算平台有限公司(合成)', 8003: '湖南算力应用有限公司(合成)', 8004: '湖南模型独立有限公司(合成)' };
const documents: Record<number, string[]> = {};
const claim = (n: number, spendWan: number) => ({
  claimId: `claim-${n}`,
  invoices: [{ invoiceNo: `INV-${n}`, provider: '国家超级计算长沙中心', amountFen: spendWan * WAN, periodFrom: '2026-01-01', periodTo: '2026-03-31' }],
  documentIds: documents[n],
});
const at = (date: string) => `${date}T02:00:00.000Z`;
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const hiddenFieldsOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')]));

for (const kind of behaviourDatabaseKinds()) {
  describe(`one fund ledger for a year of selections, 算力券 and national grants, on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const org: Record<number, AuthenticatedClient> = {};
    const world = createWorld(calendarYears);

    beforeAll(async () => {
      t = await startTestApp(kind, T.open);
      admin = await t.asAdmin();
      for (const [n, name] of Object.entries(NAMES)) {
        await t.http
          .post('/api/v1/organisations')
          .send({ creditCode: creditCode(Number(n)), name, contactName: '王芳', contactPhone: '13800000000', username: `org${n}`, password: 'org-password-123' })
          .expect(201);
        org[Number(n)] = await t.as(`org${n}`, 'org-password-123');
      }
      world.registerExperts(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((expertId, i) => ({ expertId, organisation: 990 + i, fields: [AREA] })));
      const model = (key: string, organisation: number, title: string, approvedYuan: number, target: number) => ({
        key,
        organisation,
        tier: 'model',
        title,
        fields: Object.fromEntries(seedRules('vertical-model').fields.map((field) => [field.code, field.code === 'industry' ? AREA : `${title}的${field.name}`])),
        declaredFen: approvedYuan * 100,
        approvedFen: approvedYuan * 100,
        target,
      });
      world.runToNotice({
        programme: 'vertical-model',
        quotas: { model: 2 },
        stopAfterNotice: true,
        applicants: [model('v', 8001, '工业视觉检测系统', 3_000_000, 90), model('z', 8004, '独立模型', 1_000_000, 85)],
      });
      const appends = world.appends();
      const byStream = new Map<string, { type: string; data: unknown }[]>();
      for (const { stream, events } of appends) byStream.set(stream, [...(byStream.get(stream) ?? []), ...events]);
      await t.store.appendMany(
        [...byStream].map(([streamId, events]) => ({
          streamId,
          events: events.map((event) => ({ type: event.type, data: event.data, metadata: { actor: { id: 'spec', role: 'system' }, correlationId: 'spec' } })),
        })),
      );
      await t.settle();
    });
    afterAll(async () => t?.close());

    it('算力券: the admin opens the call (first come, 1,500 万元); claims are checked; approvals and the allocation exhaust the budget with a reason per decision', async () => {
      t.clock.set(at('2026-02-20'));
      const bad = await admin.post('/api/v1/compute-vouchers').send({ year: 2026, allocationRule: 'lottery', claimsOpenOn: '2026-03-01' }).expect(400);
      expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['allocationRule', 'claimsCloseOn']));
      await org[8001].post('/api/v1/compute-vouchers').send({ year: 2026, allocationRule: 'first-come', claimsOpenOn: '2026-03-01', claimsCloseOn: '2026-04-30' }).expect(403);
      const late = await admin.post('/api/v1/compute-vouchers').send({ year: 2029, allocationRule: 'first-come', claimsOpenOn: '2029-03-01', claimsCloseOn: '2029-04-30' }).expect(409);
      expect(late.body.details.code).toBe('outside-policy-validity');
      expect(late.body.message).toContain('不在政策有效期 2025-10-27 至 2028-10-26 内');
      await admin.post('/api/v1/compute-vouchers').send({ year: 2026, allocationRule: 'first-come', claimsOpenOn: '2026-03-01', claimsCloseOn: '2026-04-30', budgetFen: 1_500 * WAN }).expect(201);

      t.clock.set(at('2026-03-05'));
      for (const n of [8001, 8002, 8003]) documents[n] = await uploadClaimDocuments(org[n], `claim-${n}`);
      const png = await org[8001].post('/api/v1/fund-documents').field('kind', 'compute-invoices').attach('file', Buffer.from('\x89PNG\r\n\x1a\n'), { filename: 'a.png', contentType: 'image/png' }).expect(400);
      expect(png.body.details.code).toBe('fund-document-not-pdf');
      const renamed = await org[8001].post('/api/v1/fund-documents').field('kind', 'compute-invoices').attach('file', Buffer.from('<html>not a pdf</html>'), { filename: 'a.pdf', contentType: 'application/pdf' }).expect(400);
      expect(renamed.body.details.code).toBe('attachment-content-mismatch');
      expect((await org[8001].post('/api/v1/fund-documents').field('kind', 'selfie').attach('file', pdfBytes('x'), 'x.pdf').expect(400)).body.details.code).toBe('invalid-fund-document-kind');
      await admin.post('/api/v1/fund-documents').field('kind', 'compute-invoices').attach('file', pdfBytes('x'), 'x.pdf').expect(403);
      const foreign = await org[8001].post('/api/v1/compute-vouchers/2026/claims').send({ ...claim(8001, 2_000), documentIds: [documents[8001][0], documents[8002][1], documents[8001][2]] }).expect(400);
      expect(foreign.body.details).toMatchObject({ code: 'fund-document-not-found', field: 'documentIds[1]' });
      const incomplete = await org[8001].post('/api/v1/compute-vouchers/2026/claims').send({ ...claim(8001, 2_000), documentIds: documents[8001].slice(0, 1) }).expect(409);
      expect(incomplete.body.message).toContain('缺少:算力服务合同、诚信承诺书');
      await org[8001].post('/api/v1/compute-vouchers/2026/claims').send(claim(8001, 2_000)).expect(201); // standard 600 万
      t.clock.set(at('2026-03-06'));
      await org[8002].post('/api/v1/compute-vouchers/2026/claims').send(claim(8002, 2_500)).expect(201); // 750 万
      t.clock.set(at('2026-03-07'));
      const third = await org[8003].post('/api/v1/compute-vouchers/2026/claims').send(claim(8003, 1_000)).expect(201); // 300 万
      expect(third.body.claims.map((c: { claimId: string }) => c.claimId)).toEqual(['claim-8003']); // an applicant sees only its own claim
      await org[8003].post('/api/v1/compute-vouchers/2026/claims').send(claim(8003, 1_000)).expect(409);
      const claims = (await admin.get('/api/v1/compute-vouchers/2026').expect(200)).body.claims as { claimId: string; attachments: { kind: string; name: string; sizeBytes: number; sha256: string; href: string }[] }[];
      const invoices = claims.find((c) => c.claimId === 'claim-8001')!.attachments[0];
      const bytes = pdfBytes('claim-8001-compute-invoices');
      expect(invoices).toMatchObject({ kind: 'compute-invoices', name: 'claim-8001-compute-invoices.pdf', sizeBytes: bytes.length, sha256: sha256Of(bytes) });
      const download = await admin.get(invoices.href).buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); }).expect(200);
      expect(sha256Of(download.body as Buffer)).toBe(invoices.sha256);
      await org[8002].get(invoices.href).expect(404);

      t.clock.set(at('2026-05-06'));
      await org[8001].post('/api/v1/compute-vouchers/2026/claims/claim-8001/review').send({ outcome: 'approve', eligibleSpendFen: 2_000 * WAN }).expect(403);
      for (const [n, spend] of [[8001, 2_000], [8002, 2_500], [8003, 1_000]]) {
        await admin.post(`/api/v1/compute-vouchers/2026/claims/claim-${n}/review`).send({ outcome: 'approve', eligibleSpendFen: spend * WAN }).expect(201);
      }
      const allocated = await admin.post('/api/v1/compute-vouchers/2026/allocations').expect(201);
      expect(allocated.body.claims.map((c: { claimId: string; standardFen: number; grantedFen: number }) => [c.claimId, c.standardFen / WAN, c.grantedFen / WAN])).toEqual([
        ['claim-8001', 600, 600],
        ['claim-8002', 750, 750],
        ['claim-8003', 300, 150],
      ]);
      expect(allocated.body.claims[2].allocationReason).toContain('按完整提交申报的先后顺序(第 3 位),年度预算余额仅 1,500,000.00 元');
      expect(allocated.body).toMatchObject({ budgetFen: 1_500 * WAN, committedFen: 1_500 * WAN });

      await admin.post('/api/v1/compute-vouchers/2026/claims/claim-8001/tranches').send({ amountFen: 400 * WAN }).expect(201);
      await admin.post('/api/v1/compute-vouchers/2026/claims/claim-8001/tranches').send({ amountFen: 201 * WAN }).expect(409);
      const redeemed = await admin.post('/api/v1/compute-vouchers/2026/claims/claim-8001/redemptions').send({ amountFen: 250 * WAN, provider: '国家超级计算长沙中心', reference: 'DF-1' }).expect(201);
      expect(redeemed.body.balances[0]).toMatchObject({ claimId: 'claim-8001', grantedFen: 600 * WAN, issuedFen: 400 * WAN, redeemedFen: 250 * WAN, remainingFen: 150 * WAN, unissuedFen: 200 * WAN });
      t.clock.set(at('2027-01-04'));
      const expired = await admin.post('/api/v1/compute-vouchers/2026/claims/claim-8001/redemptions').send({ amountFen: 50 * WAN, provider: '国家超级计算长沙中心', reference: 'DF-2' }).expect(409);
      expect(expired.body.details.code).toBe('voucher-expired');
      expect(expired.body.message).toContain('2026年度算力券的兑付期限为 2026-12-31');
      const own = await org[8001].get('/api/v1/compute-vouchers/2026').expect(200);
      expect(own.body.balances.map((b: { claimId: string; remainingFen: number }) => [b.claimId, b.remainingFen / WAN])).toEqual([['claim-8001', 150]]);
      expect((await admin.get('/api/v1/compute-vouchers/2026').expect(200)).body.balances).toHaveLength(3);
      await admin.get('/api/v1/compute-vouchers/2027').expect(404);
    });

    it('the selection award of 8001 is written to the same ledger, untouched by its 算力券 (算力券政策除外)', async () => {
      t.clock.set(T.decideAwards);
      const decided = await admin.post('/api/v1/selections/vertical-model-2026/awards').expect(201);
      expect(decided.body.totalPaidFen).toBe((60 + 20) * WAN);
    });

    it('国家级单项冠军企业 for the same project: 800,000 元 on its rule, topped up by 200,000 元 over the award (就高原则); the cap and a second award are refused', async () => {
      t.clock.set(at('2026-06-01'));
      const application = {
        applicationId: 'champion-8001',
        measure: 'national-champion',
        project: { title: '工业视觉检测系统' },
        approvalDocument: { documentNo: '工信部企业函〔2026〕1号(示例)', issuer: '工业和信息化部', approvedOn: '2026-05-20', documentId: await uploadFundDocument(org[8001], 'approval-document', '单项冠军认定文件') },
      };
      const foreign = await org[8002].post('/api/v1/national-grants').send({ ...application, applicationId: 'x' }).expect(400);
      expect(foreign.body.details).toMatchObject({ code: 'fund-document-not-found', field: 'approvalDocument.documentId' });
      const wrongKind = await org[8001].post('/api/v1/national-grants').send({ ...application, applicationId: 'x', approvalDocument: { ...application.approvalDocument, documentId: documents[8001][0] } }).expect(400);
      expect(wrongKind.body.message).toContain('所选文件是算力服务发票,此处须上传国家级认定文件');
      // The bad-input corpus found these answering 500: a missing nested object is a 400 naming its field.
      for (const missing of ['approvalDocument', 'project'] as const) {
        const { [missing]: _left, ...without } = application;
        const refused = await org[8001].post('/api/v1/national-grants').send({ ...without, applicationId: 'x' }).expect(400);
        expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: missing })]));
      }
      await org[8001].post('/api/v1/national-grants').send(application).expect(201);
      const over = await admin.post('/api/v1/national-grants/champion-8001/decision').send({ outcome: 'approve', amountFen: 100 * WAN + 1 }).expect(400);
      expect(over.body.details.code).toBe('one-off-over-cap');
      const awarded = await admin.post('/api/v1/national-grants/champion-8001/decision').send({ outcome: 'approve', amountFen: 80 * WAN }).expect(201);
      expect(awarded.body.award).toMatchObject({ amountFen: 80 * WAN, paidFen: 20 * WAN, decision: 'top-up' });
      expect(awarded.body.award.reason).toBe('就高原则:已于《2026年湖南省“人工智能+”人工智能垂类大模型评选》获支持 600,000.00 元,按较高标准 800,000.00 元 补差 200,000.00 元');
      await org[8001].post('/api/v1/national-grants').send({ ...application, applicationId: 'champion-8001-again' }).expect(201);
      const again = await admin.post('/api/v1/national-grants/champion-8001-again/decision').send({ outcome: 'approve', amountFen: 50 * WAN }).expect(409);
      expect(again.body.details.code).toBe('one-off-already-awarded');
    });

    it('新获批国家级科技创新平台 with declared support: year 1 tops up to 3,500,000 元, year 2 suspended with its reason and later paid, year 3 beyond the validity until the extension is recorded', async () => {
      t.clock.set(at('2026-06-02'));
      await org[8002]
        .post('/api/v1/national-grants')
        .send({
          applicationId: 'platform-8002',
          measure: 'national-platform',
          project: { projectCode: 'GJPT-2026-01', title: '湖南智能计算国家工程研究中心' },
          approvalDocument: { documentNo: '发改高技〔2026〕5号(示例)', issuer: '国家发展改革委', approvedOn: '2026-05-25', documentId: await uploadFundDocument(org[8002], 'approval-document', '平台批复') },
          declaredSupport: [
            { documentNo: '湘财教〔2026〕3号(示例)', measureName: '省科技创新平台建设专项', paidFen: 150 * WAN, receivedOn: '2026-02-01', documentId: await uploadFundDocument(org[8002], 'support-document', '省专项支持文件') },
          ],
        })
        .expect(201);
      const approved = await admin.post('/api/v1/national-grants/platform-8002/decision').send({ outcome: 'approve' }).expect(201);
      expect(approved.body.instalments.map((i: { year: number; amountFen: number }) => [i.year, i.amountFen / WAN])).toEqual([[2026, 500], [2027, 500], [2028, 500]]);
      const first = await admin.post('/api/v1/national-grants/platform-8002/instalments/1').send({ outcome: 'pay' }).expect(201);
      expect(first.body.instalments[0]).toMatchObject({ status: 'paid', paidFen: 350 * WAN });
      await admin.post('/api/v1/national-grants/platform-8002/instalments/2').send({ outcome: 'pay' }).expect(409); // not due before 2027

      t.clock.set(at('2027-03-01'));
      await admin.post('/api/v1/national-grants/platform-8002/instalments/2').send({ outcome: 'suspend' }).expect(400);
      const suspended = await admin.post('/api/v1/national-grants/platform-8002/instalments/2').send({ outcome: 'suspend', reason: '年度绩效评价未通过,限期整改' }).expect(201);
      expect(suspended.body.instalments[1]).toMatchObject({ status: 'suspended', reason: '年度绩效评价未通过,限期整改' });
      t.clock.set(at('2027-09-01'));
      await admin.post('/api/v1/national-grants/platform-8002/instalments/2').send({ outcome: 'pay' }).expect(201);

      t.clock.set(at('2028-11-01'));
      const outside = await admin.post('/api/v1/national-grants/platform-8002/instalments/3').send({ outcome: 'pay' }).expect(409);
      expect(outside.body.details.code).toBe('outside-policy-validity');
      await admin.post('/api/v1/funds/policy-extensions').send({ documentNo: '湘政发〔2028〕9号(示例)', title: '关于延长支持措施有效期的通知(示例)', extendedTo: '2031-10-26' }).expect(201);
      const third = await admin.post('/api/v1/national-grants/platform-8002/instalments/3').send({ outcome: 'pay' }).expect(201);
      expect(third.body.instalments.map((i: { status: string; paidFen: number }) => [i.status, i.paidFen / WAN])).toEqual([['paid', 350], ['paid', 500], ['paid', 500]]);
    });

    it('the ledger of each organisation holds every measure with its reason, and the department sees per year and measure budget, committed, issued, paid', async () => {
      const ledger = await org[8001].get(`/api/v1/organisations/${creditCode(8001)}/fund-ledger`).expect(200);
      expect(ledger.body.lines.map((line: { measure: string; kind: string; committedFen: number; issuedFen: number; paidFen: number }) => [line.measure, line.kind, line.committedFen / WAN, line.issuedFen / WAN, line.paidFen / WAN])).toEqual([
        ['compute-voucher', 'voucher-allocation', 600, 0, 0],
        ['compute-voucher', 'voucher-tranche', 0, 400, 0],
        ['compute-voucher', 'voucher-redemption', 0, 0, 250],
        ['selection-award', 'selection-award', 60, 0, 60],
        ['national-champion', 'one-off-award', 20, 0, 20],
      ]);
      await org[8001].get(`/api/v1/organisations/${creditCode(8002)}/fund-ledger`).expect(404);
      const platform = await admin.get(`/api/v1/organisations/${creditCode(8002)}/fund-ledger`).expect(200);
      expect(platform.body.summary.map((row: { year: number; measure: string; committedFen: number; paidFen: number }) => [row.year, row.measure, row.committedFen / WAN, row.paidFen / WAN])).toEqual([
        [2026, 'compute-voucher', 750, 0],
        [2026, 'national-platform', 500, 350],
        [2027, 'national-platform', 500, 500],
        [2028, 'national-platform', 500, 500],
      ]);
      expect(platform.body.lines.find((line: { lineId: string }) => line.lineId === 'platform-8002/instalment-2-suspended').reason).toBe('暂停拨付:年度绩效评价未通过,限期整改');

      const summary = await admin.get('/api/v1/funds/summary?year=2026').expect(200);
      expect(summary.body.rows.map((row: { measure: string; budgetFen: number | null; committedFen: number; issuedFen: number; paidFen: number }) => [row.measure, row.budgetFen === null ? null : row.budgetFen / WAN, row.committedFen / WAN, row.issuedFen / WAN, row.paidFen / WAN])).toEqual([
        ['selection-award', null, 80, 0, 80],
        ['compute-voucher', 1_500, 1_500, 400, 250],
        ['national-platform', null, 500, 0, 350],
        ['national-champion', null, 20, 0, 20],
      ]);
      await org[8001].get('/api/v1/funds/summary').expect(403);
    });

    it('the department ledger (read model) lists every line with the sums per organisation, and downloads as Excel and CSV with the same figures', async () => {
      const ledger = await admin.get('/api/v1/funds/ledger?year=2026').expect(200);
      expect(ledger.body.organisations.map((o: { creditCode: string; name: string; committedFen: number; paidFen: number }) => [o.name, o.committedFen / WAN, o.paidFen / WAN])).toEqual([
        ['湖南智算平台有限公司(合成)', 750 + 500, 350],
        ['湖南视觉智能有限公司(合成)', 600 + 60 + 20, 250 + 60 + 20],
        ['湖南算力应用有限公司(合成)', 150, 0],
        ['湖南模型独立有限公司(合成)', 20, 20],
      ]);
      const platformOnly = await admin.get(`/api/v1/funds/ledger?measure=national-platform&creditCode=${creditCode(8002)}`).expect(200);
      expect(platformOnly.body.lines.map((line: { lineId: string }) => line.lineId)).toEqual([
        'platform-8002/commitment-1',
        'platform-8002/commitment-2',
        'platform-8002/commitment-3',
        'platform-8002/instalment-1',
        'platform-8002/instalment-2-suspended',
        'platform-8002/instalment-2-resumed',
        'platform-8002/instalment-3',
      ]);
      const bad = await admin.get('/api/v1/funds/ledger?measure=lottery&year=20x6').expect(400);
      expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['measure', 'year']));
      await org[8001].get('/api/v1/funds/ledger').expect(403);

      const xlsx = await binary(admin.get('/api/v1/funds/ledger?year=2026&format=xlsx')).expect(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const sheet = await openXlsx(xlsx.body as Buffer);
      expect(sheet.rows).toHaveLength(ledger.body.lines.length);
      expect(column(sheet, '已安排').reduce((sum: number, value) => sum + Number(value), 0)).toBe(ledger.body.lines.reduce((sum: number, line: { committedFen: number }) => sum + line.committedFen, 0) / 100);
      expect(column(sheet, '说明')).toContain('就高原则:已于《2026年湖南省“人工智能+”人工智能垂类大模型评选》获支持 600,000.00 元,按较高标准 800,000.00 元 补差 200,000.00 元');
      expect(column(sheet, '单位名称')).toContain('湖南视觉智能有限公司(合成)');
      const csv = await admin.get('/api/v1/funds/ledger?year=2026&format=csv').expect(200);
      expect(csv.text.split('\r\n').length).toBeGreaterThan(ledger.body.lines.length);
      expect((await admin.get('/api/v1/funds/ledger?format=xlsx&measure=lottery').expect(400)).body.details.code).toBe('invalid-fund-ledger-query');
      expect((await org[8001].get('/api/v1/funds/ledger?format=xlsx').expect(403)).status).toBe(403);
    });

    it('the portal: the applicant sees its own entries and applies with its uploaded document; the admin sees the ledger with its chart and downloads, and decides after a confirmation that shows the amount', async () => {
      const agent = async (username: string, password: string) => {
        const client = request.agent(t.app.getHttpServer());
        const login = await client.get('/login').expect(200);
        await client.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username, password }).expect(303);
        return client;
      };
      const applicant = await agent('org8004', 'org-password-123');
      const own = (await applicant.get('/applicant/funds').expect(200)).text;
      expect(own).toContain('本单位资金台账');
      expect(own).toContain('20.00 万元'); // its selection award
      expect(own).not.toContain('湖南视觉智能有限公司');
      const upload = () => applicant.post('/api/v1/fund-documents').set('Origin', t.baseUrl).field('kind', 'approval-document').attach('file', pdfBytes('冠军认定'), { filename: '冠军认定.pdf', contentType: 'application/pdf' });
      expect((await upload().expect(403)).body.details.code).toBe('csrf'); // the session cookie alone does not upload
      await upload().field('_csrf', tokenFrom(own)).expect(201);
      const page = (await applicant.get('/applicant/funds').expect(200)).text;
      const documentId = /<option value="([0-9a-f]{16})">冠军认定\.pdf<\/option>/.exec(page)?.[1];
      expect(documentId).toBeDefined();
      const form = { _csrf: tokenFrom(page), measure: 'national-champion', projectTitle: '独立冠军产品', documentNo: '工信部企业函〔2028〕2号(示例)', issuer: '工业和信息化部', approvedOn: '2028-09-01' };
      const missing = await applicant.post('/applicant/funds/applications').type('form').send(form).expect(400);
      expect(missing.text).toContain('请选择已上传的国家级认定文件');
      const late = await applicant.post('/applicant/funds/applications').type('form').send({ ...form, approvedOn: '2025-01-01', approvalDocumentId: documentId }).expect(409);
      expect(late.text).toContain('不在政策有效期');
      const blank = await applicant.post('/applicant/funds/applications').type('form').send({ ...form, documentNo: '', approvalDocumentId: documentId }).expect(400);
      expect(blank.text).toContain('请填写国家级认定文件的文号');
      await applicant.post('/applicant/funds/applications').type('form').send({ ...form, approvalDocumentId: documentId }).expect(303);
      const application = (await t.store.readAll({ category: 'national' })).find((event) => event.type === 'NationalGrantApplied' && (event.data as { project: { title: string } }).project.title === '独立冠军产品');
      const applicationId = (application!.data as { applicationId: string }).applicationId;

      const desk = await agent(ADMIN.username, ADMIN.password);
      const funds = (await desk.get('/admin/funds?year=2026').expect(200)).text;
      expect(funds).toContain('<svg role="img" aria-label="2026年各支持措施预算使用情况');
      expect(funds).toContain('1,500.00 万元');
      expect(funds).toContain('href="/api/v1/funds/plan?year&#x3D;2026&amp;format&#x3D;docx"'); // handlebars escapes = and &
      expect(funds).toContain('href="/api/v1/funds/ledger?year&#x3D;2026&amp;format&#x3D;xlsx"');
      expect(funds).toContain(`href="/admin/funds/organisations/${creditCode(8002)}"`);
      expect((await desk.get(`/admin/funds/organisations/${creditCode(8002)}`).expect(200)).text).toContain('暂停拨付:年度绩效评价未通过,限期整改');
      const decide = { _csrf: tokenFrom(funds), year: '2028', applicationId, outcome: 'approve', amountYuan: '900000' };
      const preview = (await desk.post('/admin/funds/actions/decide-grant').type('form').send(decide).expect(200)).text;
      expect(preview).toContain('确认支持决定');
      expect(preview).toContain('一次性奖励 90.00 万元(上限 100.00 万元),实际拨付 90.00 万元');
      expect((await admin.get(`/api/v1/organisations/${creditCode(8004)}/fund-ledger`).expect(200)).body.lines).toHaveLength(1); // the preview wrote nothing
      await desk.post('/admin/funds/actions/decide-grant').type('form').send({ ...hiddenFieldsOf(preview), confirmed: 'yes' }).expect(303);
      const lines = (await admin.get(`/api/v1/organisations/${creditCode(8004)}/fund-ledger`).expect(200)).body.lines as { measure: string; paidFen: number }[];
      expect(lines.map((line) => [line.measure, line.paidFen / WAN])).toEqual([['selection-award', 20], ['national-champion', 90]]);
      const over = (await desk.post('/admin/funds/actions/decide-grant').type('form').send({ ...decide, _csrf: tokenFrom((await desk.get('/admin/funds').expect(200)).text) }).expect(200)).text;
      expect(over).toContain('此操作不能执行');
      await applicant.get('/admin/funds').expect(403);
    });

    it('the 资金安排表 of 2026 prints the sums per measure and every decision with its basis and reason (TXT, HTML, DOCX)', async () => {
      const text = (await admin.get('/api/v1/funds/plan?year=2026&format=txt').expect(200)).text.split('\n');
      expect(text.slice(0, 12)).toEqual([
        '2026年湖南省“人工智能+”支持措施资金安排表',
        '',
        '年度:2026',
        '政策依据:湘政发〔2025〕7号附件5 湖南省“人工智能+”十大支持措施',
        '',
        '一、分措施汇总',
        '支持措施\t年度预算\t已安排\t已发放(算力券)\t已拨付',
        '年度评选奖补\t未设预算\t800,000.00 元\t—\t800,000.00 元',
        '算力券\t15,000,000.00 元\t15,000,000.00 元\t4,000,000.00 元\t2,500,000.00 元',
        '新获批国家级科技创新平台\t未设预算\t5,000,000.00 元\t—\t3,500,000.00 元',
        '新获批人工智能领域国家级单项冠军企业\t未设预算\t200,000.00 元\t—\t200,000.00 元',
        '合计\t\t21,000,000.00 元\t4,000,000.00 元\t7,000,000.00 元',
      ]);
      expect(text).toContain(
        '6\t2026年湖南省“人工智能+”人工智能垂类大模型评选\t湖南视觉智能有限公司(合成)\t工业视觉检测系统\tmin(20% × 核定投资额 3,000,000.00 元, 1,000,000.00 元)\t600,000.00 元\t—\t600,000.00 元\t该项目未获其他同类支持,按标准支持 600,000.00 元',
      );
      expect(text).toContain(
        '8\t新获批人工智能领域国家级单项冠军企业\t湖南视觉智能有限公司(合成)\t工业视觉检测系统\t一次性奖励 800,000.00 元(上限 1,000,000.00 元)\t200,000.00 元\t—\t200,000.00 元\t就高原则:已于《2026年湖南省“人工智能+”人工智能垂类大模型评选》获支持 600,000.00 元,按较高标准 800,000.00 元 补差 200,000.00 元',
      );
      const docx = await admin.get('/api/v1/funds/plan?year=2026&format=docx').buffer(true).expect(200);
      expect(docx.headers['content-disposition']).toBe('attachment; filename="fund-plan-2026.docx"');
      expect((await admin.get('/api/v1/funds/plan?year=2026&format=html').expect(200)).text).toContain('<h2>二、资金安排明细</h2>');
      const bad = await admin.get('/api/v1/funds/plan?format=pdf').expect(400);
      expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['year', 'format']));
    });
  });
}
