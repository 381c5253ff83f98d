import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { registerExperts, walkSelection, WalkResult } from '../walkthrough/walk-selection';
import JSZip from 'jszip';
import { wordParagraphTexts, zipEntryText } from '../../libs/documents/src/testing/docx-reader.test-support';
import { binary, column, openXlsx } from './spreadsheet-download';

for (const kind of behaviourDatabaseKinds()) {
  describe(`spreadsheet exports beside the JSON reads, on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    let walked: WalkResult;
    beforeAll(async () => {
      t = await startTestApp(kind);
      const experts = await registerExperts(t, 6, 9000);
      walked = await walkSelection(t, experts, 'demo-scenario', 2026, 1000);
      admin = await t.asAdmin();
    });
    afterAll(async () => t?.close());

    const url = (path: string) => `/api/v1/selections/${walked.selectionId}/${path}`;

    it('the dossiers as xlsx: Chinese headers, frozen header row, one row per dossier as the API lists them, money in 元 as numbers', async () => {
      const json = (await admin.get(url('dossiers')).expect(200)).body as { id: string; title: string; status: string }[];
      const response = await binary(admin.get(url('dossiers?format=xlsx'))).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(decodeURIComponent(response.headers['content-disposition'])).toContain(`申报材料-${walked.selectionId}.xlsx`);
      const opened = await openXlsx(response.body as Buffer);
      expect(opened.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(opened.headers.slice(0, 10)).toEqual(['申报编号', '申报单位', '统一社会信用代码', '项目名称', '项目编号', '申报类别', '状态', '首次提交时间', '申报投资额', '核定投资额']);
      expect([...column(opened, '申报编号')].sort()).toEqual(json.map((dossier) => dossier.id).sort());
      const titleById = new Map(json.map((dossier) => [dossier.id, dossier.title]));
      for (const [index, id] of column(opened, '申报编号').entries()) expect(column(opened, '项目名称')[index]).toBe(titleById.get(String(id)));
      expect(column(opened, '状态').every((status) => typeof status === 'string' && /[\u4e00-\u9fff]/.test(status))).toBe(true);
      // 核定投资额 9,000,000 元 for every passed dossier, a number formatted in 元.
      expect(new Set(column(opened, '核定投资额'))).toEqual(new Set([9_000_000]));
      const moneyCell = opened.sheet.getRow(2).getCell(opened.headers.indexOf('核定投资额') + 1);
      expect(moneyCell.numFmt).toContain('元');
      expect(column(opened, '首次提交时间').every((value) => value instanceof Date)).toBe(true);
      expect(column(opened, '申报单位').every((name) => String(name).startsWith('湖南测试demo-scenario'))).toBe(true);
    });

    it('the award list as xlsx matches GET …/awards line by line, amounts in 元', async () => {
      const json = (await admin.get(url('awards')).expect(200)).body as { awards: { dossierId: string; paidFen: number; projectTitle: string }[] };
      const opened = await openXlsx((await binary(admin.get(url('awards?format=xlsx'))).expect(200)).body as Buffer);
      const awarded = opened.rows.filter((row) => row[opened.headers.indexOf('是否入选')] === '是');
      expect(awarded.map((row) => row[opened.headers.indexOf('项目名称')])).toEqual(json.awards.map((line) => line.projectTitle));
      expect(awarded.map((row) => row[opened.headers.indexOf('实际奖补金额')])).toEqual(json.awards.map((line) => line.paidFen / 100));
    });

    it('the scoreboard as xlsx has each expert\'s points per criterion, total and comment beside the aggregate and rank', async () => {
      const json = (await admin.get(url('scoreboard')).expect(200)).body as { dossiers: { dossierId: string; aggregate: number; totals: { name: string; total: number }[] }[] };
      const opened = await openXlsx((await binary(admin.get(url('scoreboard?format=xlsx'))).expect(200)).body as Buffer);
      expect(opened.rows).toHaveLength(json.dossiers.reduce((sum, dossier) => sum + dossier.totals.length, 0));
      for (const dossier of json.dossiers) {
        const mine = opened.rows.filter((row) => row[opened.headers.indexOf('申报编号')] === dossier.dossierId);
        expect(mine.map((row) => row[opened.headers.indexOf('综合得分')])).toEqual(mine.map(() => dossier.aggregate));
        expect(mine.map((row) => [row[opened.headers.indexOf('专家')], row[opened.headers.indexOf('专家总分')]]).sort()).toEqual(dossier.totals.map((score) => [score.name, score.total]).sort());
      }
      expect(column(opened, '评语').every((comment) => comment === '材料完整,技术先进。')).toBe(true);
      expect(opened.headers.some((header) => /满分\d+/.test(header))).toBe(true);
    });

    it('review progress and objections as xlsx: one row per assignment, one per objection', async () => {
      const progress = await openXlsx((await binary(admin.get(url('review-progress?format=xlsx'))).expect(200)).body as Buffer);
      const json = (await admin.get(url('review-progress')).expect(200)).body as { dossiers: { assigned: number }[] };
      expect(progress.rows.length).toBeGreaterThanOrEqual(json.dossiers.reduce((sum, dossier) => sum + dossier.assigned, 0));
      expect(new Set(column(progress, '已评分'))).toEqual(new Set(['是']));
      const objections = await openXlsx((await binary(admin.get(url('objections?format=xlsx'))).expect(200)).body as Buffer);
      expect(column(objections, '异议人')).toEqual(['王五']);
      expect(column(objections, '处理状态')).toEqual(['异议成立']);
    });

    it('the same dossiers as CSV: UTF-8 with a byte-order mark, the same header, amounts in 元 with two decimals', async () => {
      const response = await binary(admin.get(url('dossiers?format=csv'))).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const text = (response.body as Buffer).toString('utf8');
      expect(text.startsWith('\ufeff申报编号,申报单位,统一社会信用代码,项目名称')).toBe(true);
      const lines = text.slice(1).trim().split('\r\n');
      const json = (await admin.get(url('dossiers')).expect(200)).body as unknown[];
      expect(lines).toHaveLength(json.length + 1);
      expect(lines[1]).toContain(',9000000.00,');
    });

    it('refuses what is not an admin\'s or not a format, and leaves the JSON read as it was', async () => {
      const applicant = await t.as('demo-scenario-2026-org0', 'demo-scenario-2026-org0-password');
      const awards = await applicant.get(url('awards?format=xlsx')).expect(403);
      expect(awards.body.message).toContain('仅供管理员');
      const anonymous = await t.http.get(url('awards?format=xlsx')).expect(401);
      expect(anonymous.body.message).toContain('管理员身份登录');
      const wrong = await admin.get(url('dossiers?format=pdf')).expect(400);
      expect(wrong.body.message).toContain('xlsx');
      await admin.get('/api/v1/selections/no-such-selection/dossiers?format=xlsx').expect(404);
      const json = await admin.get(url('awards')).expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
    });

    it('each expert\'s 专家评分表 as DOCX has his points, comments, the declaration and the signature line; all of them come as one ZIP', async () => {
      const experts = ((await admin.get('/api/v1/experts').expect(200)).body as { expertId: string; name: string }[]).map((expert) => ({ id: expert.expertId, name: expert.name }));
      const scoreboard = (await admin.get(url('scoreboard')).expect(200)).body as { dossiers: { title: string; totals: { expertId: string; total: number }[] }[] };
      const expert = experts.find((candidate) => scoreboard.dossiers.some((dossier) => dossier.totals.some((score) => score.expertId === candidate.id)))!;
      const response = await binary(admin.get(url(`score-sheets/${expert.id}`))).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(decodeURIComponent(response.headers['content-disposition'])).toContain(`专家评分表-${expert.name}-${expert.id}.docx`);
      const paragraphs = wordParagraphTexts(zipEntryText(response.body as Buffer, 'word/document.xml'));
      expect(paragraphs[0]).toMatch(/专家评分表$/);
      expect(paragraphs.some((text) => text.startsWith(`评审专家:${expert.name}`))).toBe(true);
      for (const dossier of scoreboard.dossiers) {
        const mine = dossier.totals.find((score) => score.expertId === expert.id);
        if (mine) {
          expect(paragraphs).toContain(String(mine.total));
          expect(paragraphs).toContain(`${scoreboard.dossiers.filter((d) => d.totals.some((score) => score.expertId === expert.id)).indexOf(dossier) + 1}.《${dossier.title}》:材料完整,技术先进。`);
        }
      }
      expect(paragraphs.some((text) => text.startsWith('本人承诺:'))).toBe(true);
      // The declaration he signed online before his first dossier: its version and time (Beijing) are printed.
      expect(paragraphs).toContain('以上声明已于 2026年4月10日 09:00 在线签署(文本版本:默认文本-1)。'); // walkSelection signs at 01:00Z
      expect(paragraphs).toContain('评审专家(签字):____________________');

      const zip = await JSZip.loadAsync((await binary(admin.get(url('score-sheets'))).expect(200)).body as Buffer);
      const names = Object.keys(zip.files);
      const scored = new Set(scoreboard.dossiers.flatMap((dossier) => dossier.totals.map((score) => score.expertId)));
      expect(names).toHaveLength(scored.size);
      expect(names).toContain(`专家评分表-${expert.name}-${expert.id}.docx`);

      await admin.get(url('score-sheets/no-such-expert')).expect(404);
      const applicant = await t.as('demo-scenario-2026-org0', 'demo-scenario-2026-org0-password');
      await applicant.get(url('score-sheets')).expect(403);
      await admin.post('/api/v1/selections').send({ programme: 'dataset', year: 2026, submissionDeadlineDate: '2026-12-31', overrides: { quotas: { dataset: 1 } } }).expect(201);
      const early = await admin.get('/api/v1/selections/dataset-2026/score-sheets').expect(409);
      expect(early.body.message).toContain('评审尚未结束');
    });
  });
}
