import { EVENT_STORE_SCHEMA } from '@app/platform';
import { API_SCHEMAS } from '../../apps/api/src/create-app';
import { NotificationDelivery } from '../../apps/api/src/notifications/delivery/notification-delivery';
import { ReminderScheduler } from '../../apps/api/src/notifications/reminders/reminder-scheduler';
import { createTestDatabase, TestDatabase, behaviourDatabaseKinds } from '../support/test-databases';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, validCreditCode, walkSelection } from '../walkthrough/walk-selection';
import { startAppOn } from '../support/test-app';
import { SmtpSink } from './smtp-sink';
import { signDeclaration } from '../support/sign-declaration';

const PUBLIC_URL = 'https://pingxuan.example.cn';
const mailEnvironment = (sink: SmtpSink, extra: Record<string, string> = {}) => ({
  SMTP_URL: sink.url,
  PUBLIC_URL,
  MAIL_FROM: '评选系统 <noreply@pingxuan.example.cn>',
  // Delivery and reminders run when the spec says, so it can stop the app between the steps.
  MAIL_POLL_MS: '0',
  REMINDER_TICK_MS: '0',
  // A worker that stopped mid-send gives its claim up after half a second (five minutes by default).
  MAIL_CLAIM_LEASE_MS: '500',
  ...extra,
});
const addressOf = (username: string) => `${username}@example.cn`;
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);

async function giveAddress(client: AuthenticatedClient, username: string): Promise<void> {
  await client.put('/api/v1/me/notification-address').send({ email: addressOf(username) }).expect(200);
}

for (const kind of behaviourDatabaseKinds()) {
  describe(`notifications by mail to a real SMTP server, on ${kind}`, () => {
    let sink: SmtpSink;
    let database: TestDatabase;
    let t: TestApp;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      database = await createTestDatabase(kind, [EVENT_STORE_SCHEMA, ...API_SCHEMAS]);
      t = await startAppOn(database.url, mailEnvironment(sink), '2026-03-02T01:00:00.000Z');
    });
    afterAll(async () => {
      await t?.close();
      await database?.drop();
      await sink?.close();
    });

    it('a walked year mails each notification once, to its people, in Chinese, with a link back to the portal; the inbox shows them', async () => {
      const experts = await registerExperts(t, 6, 9000);
      const result = await walkSelection(t, experts, 'demo-scenario', 2026, 1000);
      // Everyone gives an address after the fact: the addresses are read when the mail goes out.
      const admin = await t.asAdmin();
      await giveAddress(admin, 'admin');
      for (const [index, expert] of experts.entries()) await giveAddress(expert, `walk-expert${index}`);
      const organisations: AuthenticatedClient[] = [];
      for (let index = 0; index < 3; index += 1) {
        const username = `demo-scenario-2026-org${index}`;
        organisations.push(await t.as(username, `${username}-password`));
        await giveAddress(organisations[index], username);
      }

      const title = (await admin.get(`/api/v1/selections/${result.selectionId}`).expect(200)).body.title as string;
      const report = await t.app.get(NotificationDelivery).deliverDue();
      expect(report.failed).toBe(0);
      expect(sink.received).toHaveLength(report.sent);
      // Each notification once: no idempotency key twice.
      const keys = sink.received.map((mail) => mail.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const mail of sink.received) {
        expect(mail.text).toContain(`请登录系统查看:${PUBLIC_URL}/`);
        expect(mail.subject).toMatch(/^【[\u4e00-\u9fff]+】/);
      }

      // Every expert with an assignment is told once, with the count of dossiers.
      for (const [index, expert] of experts.entries()) {
        const assigned = ((await expert.get('/api/v1/me/assignments').expect(200)).body as unknown[]).length;
        const tasks = sink.to(addressOf(`walk-expert${index}`)).filter((mail) => mail.subject.startsWith('【评审任务】'));
        expect(tasks.map((mail) => mail.subject)).toEqual(assigned > 0 ? [`【评审任务】${title}:分配给您${assigned}份申报材料`] : []);
        if (assigned > 0) expect(tasks[0].text).toContain(`${PUBLIC_URL}/expert/tasks`);
      }
      // The admins hear of the objection; the objected organisation of its outcome; all three of the results.
      const objection = sink.to(addressOf('admin'));
      expect(objection.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^【异议】《demo-scenario 项目 \d+》收到公示异议$/)]);
      expect(objection[0].text).toContain(`${PUBLIC_URL}/admin/selections/${result.selectionId}`);
      const resolved = sink.mailbox.filter((mail) => mail.subject.startsWith('【异议处理结果】'));
      expect(resolved).toHaveLength(1);
      expect(resolved[0].text).toContain('异议成立');
      expect(resolved[0].text).toContain(`${PUBLIC_URL}/applicant/dossiers/${result.listedBefore[0]}`);
      // demo-scenario has one tier: the walk's two dossiers come from org0 and org1; org2 applied for nothing.
      for (let index = 0; index < 3; index += 1) {
        const published = sink.to(addressOf(`demo-scenario-2026-org${index}`)).filter((mail) => mail.subject.startsWith('【结果公布】'));
        expect(published.map((mail) => mail.subject)).toEqual(index < 2 ? [`【结果公布】${title}评选结果已发布`] : []);
      }
      expect(sink.to(addressOf('demo-scenario-2026-org2'))).toEqual([]);

      // The inbox holds the same notifications, with an unread count that reading lowers.
      const inbox = (await organisations[0].get('/api/v1/me/notifications').expect(200)).body as { unread: number; total: number; items: { id: string; subject: string }[] };
      const mailedToOrg0 = sink.to(addressOf('demo-scenario-2026-org0'));
      expect(inbox.items.map((item) => item.subject).sort()).toEqual(mailedToOrg0.map((mail) => mail.subject).sort());
      expect(inbox.unread).toBe(inbox.total);
      await organisations[0].post(`/api/v1/me/notifications/${encodeURIComponent(inbox.items[0].id)}/read`).expect(204);
      expect((await organisations[0].get('/api/v1/me/notifications').expect(200)).body.unread).toBe(inbox.total - 1);
      await organisations[1].post(`/api/v1/me/notifications/${encodeURIComponent(inbox.items[0].id)}/read`).expect(404);

      // The portal's inbox page shows them too, with the unread count; a form marks them all read.
      const session = `ai_plus_session=${organisations[1].token}`;
      const page = await t.http.get('/inbox').set('Cookie', session).expect(200);
      const mailedToOrg1 = sink.to(addressOf('demo-scenario-2026-org1'));
      expect(page.text).toContain(`共 ${mailedToOrg1.length} 条,<strong>${mailedToOrg1.length}</strong> 条未读`);
      for (const mail of mailedToOrg1) expect(page.text).toContain(mail.subject);
      // Scripts only from /assets (the CSP refuses inline ones): no <script> without a src.
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/i);
      // The form's token and the cookie the page set beside it (csrf-csrf's double submit, bound to the session).
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const setCookies = ([] as string[]).concat(page.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
      await t.http.post('/inbox/read').set('Cookie', [session, ...setCookies].join('; ')).type('form').send({ _csrf: csrf, all: '1' }).expect(303);
      expect((await organisations[1].get('/api/v1/me/notifications').expect(200)).body.unread).toBe(0);
      await t.http.post('/inbox/read').set('Cookie', session).type('form').send({ _csrf: 'forged', all: '1' }).expect(403);
      const anonymous = await t.http.get('/inbox').expect(303);
      expect(anonymous.headers.location).toBe('/login?next=%2Finbox');

      // A second round finds nothing left to send.
      expect(await t.app.get(NotificationDelivery).deliverDue()).toEqual({ sent: 0, withoutAddress: 0, failed: 0 });
    });

    it('a crash between the outbox write and the send neither loses nor duplicates a mail', async () => {
      const seed = seedProgramme('dataset');
      t.clock.set('2026-06-01T01:00:00.000Z');
      const admin = await t.asAdmin();
      const opened = await admin
        .post('/api/v1/selections')
        .send({ programme: 'dataset', year: 2026, submissionDeadlineDate: '2026-06-30', overrides: { quotas: { dataset: 1 } } })
        .expect(201);
      const selectionId = opened.body.id as string;
      const username = 'dataset-org';
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: validCreditCode(7000), name: '湖南数据测试有限公司', contactName: '联系人', contactPhone: '0731-88880001', username, password: `${username}-password` })
        .expect(201);
      const owner = await t.as(username, `${username}-password`);
      await giveAddress(owner, username);
      const dossierIds: string[] = [];
      for (const index of [0, 1]) {
        const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 内容 ${index}`]));
        const drafted = await owner
          .post(`/api/v1/selections/${selectionId}/dossiers`)
          .send({ title: `数据集 ${index}`, tier: 'dataset', fields, declaredInvestmentFen: 500_000_000 })
          .expect(201);
        for (const attachment of seed.attachments.kinds.filter((candidate) => candidate.required)) {
          await owner
            .post(`/api/v1/dossiers/${drafted.body.id}/attachments`)
            .field('kind', attachment.code)
            .attach('file', pdf(`${drafted.body.id}-${attachment.code}`), { filename: `${attachment.code}.pdf`, contentType: 'application/pdf' })
            .expect(201);
        }
        await owner.post(`/api/v1/dossiers/${drafted.body.id}/submit`).expect(200);
        dossierIds.push(drafted.body.id as string);
      }
      t.clock.set('2026-07-01T01:00:00.000Z');
      await admin.post(`/api/v1/selections/${selectionId}/close-submissions`).expect(200);
      const before = sink.received.length;

      // 1. The outbox row is written (the command answered), then the app stops before any send.
      await admin.post(`/api/v1/dossiers/${dossierIds[0]}/formal-review`).send({ decision: 'return', reason: '缺少数据合规证明', correctionDeadlineDate: '2026-07-10' }).expect(200);
      await t.close();
      expect(sink.received).toHaveLength(before);
      t = await startAppOn(database.url, mailEnvironment(sink), '2026-07-01T02:00:00.000Z');
      expect(await t.app.get(NotificationDelivery).deliverDue()).toMatchObject({ sent: 1, failed: 0 });
      const returned = sink.received.slice(before);
      expect(returned.map((mail) => [mail.to, mail.subject])).toEqual([[[addressOf(username)], '【补正通知】《数据集 0》请于2026-07-10前补正']]);
      expect(returned[0].text).toContain('补正原因:缺少数据合规证明');
      expect(returned[0].text).toContain(`${PUBLIC_URL}/applicant/dossiers/${dossierIds[0]}`);

      // 2. The mail goes out, then the app stops before recording it: the next worker sends it again,
      //    with the same idempotency key and Message-ID, so the receiver keeps one.
      const admin2 = await t.asAdmin();
      await admin2.post(`/api/v1/dossiers/${dossierIds[1]}/formal-review`).send({ decision: 'reject', reason: '不属于高质量数据集范围' }).expect(200);
      const delivery = t.app.get(NotificationDelivery);
      const [claimed] = await delivery.claimDue(10);
      expect(claimed.id).toContain(':organisation:');
      await delivery.send(claimed);
      await t.close();
      await new Promise((resolve) => setTimeout(resolve, 600));
      t = await startAppOn(database.url, mailEnvironment(sink), '2026-07-01T03:00:00.000Z');
      expect(await t.app.get(NotificationDelivery).deliverDue()).toMatchObject({ sent: 1, failed: 0 });
      const rejected = sink.received.filter((mail) => mail.subject === '【形式审查】《数据集 1》未通过形式审查');
      expect(rejected).toHaveLength(2);
      expect(new Set(rejected.map((mail) => mail.idempotencyKey)).size).toBe(1);
      expect(new Set(rejected.map((mail) => mail.messageId)).size).toBe(1);
      expect(sink.mailbox.filter((mail) => mail.subject === '【形式审查】《数据集 1》未通过形式审查')).toHaveLength(1);
      // Nothing is pending any more: a third start sends nothing.
      expect(await t.app.get(NotificationDelivery).deliverDue()).toEqual({ sent: 0, withoutAddress: 0, failed: 0 });
    });

    it('a deadline reminder is written once by the clock tick, also across a restart', async () => {
      t.clock.set('2026-06-01T01:00:00.000Z');
      const admin = await t.asAdmin();
      const seed = seedProgramme('innovative-product');
      const opened = await admin
        .post('/api/v1/selections')
        .send({ programme: 'innovative-product', year: 2026, submissionDeadlineDate: '2026-06-16', overrides: { quotas: Object.fromEntries(seed.tiers.map((tier) => [tier.code, 1])) } })
        .expect(201);
      const username = 'product-org';
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: validCreditCode(7100), name: '湖南产品测试有限公司', contactName: '联系人', contactPhone: '0731-88880002', username, password: `${username}-password` })
        .expect(201);
      const owner = await t.as(username, `${username}-password`);
      await giveAddress(owner, username);
      const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 内容`]));
      await owner.post(`/api/v1/selections/${opened.body.id}/dossiers`).send({ title: '未提交的产品', tier: seed.tiers[0].code, fields, declaredInvestmentFen: 100_000_000 }).expect(201);

      // Two weeks before: nothing due.
      expect((await t.app.get(ReminderScheduler).tick()).written).toBe(0);
      // Friday 2026-06-12: two working days left (06-15, 06-16).
      t.clock.set('2026-06-12T01:00:00.000Z');
      expect((await t.app.get(ReminderScheduler).tick()).written).toBe(1);
      await t.close();
      t = await startAppOn(database.url, mailEnvironment(sink), '2026-06-15T01:00:00.000Z');
      expect((await t.app.get(ReminderScheduler).tick()).written).toBe(0);
      await t.app.get(NotificationDelivery).deliverDue();
      const reminders = sink.to(addressOf(username));
      expect(reminders.map((mail) => mail.subject)).toEqual([`【申报提醒】${(await (await t.asAdmin()).get(`/api/v1/selections/${opened.body.id}`).expect(200)).body.title}申报将于2026-06-16截止`]);
      expect(reminders[0].text).toContain('还有1份申报材料尚未提交');
      expect(reminders[0].text).toContain('还剩2个工作日');
    });
    it('experts who have not scored are reminded once when three working days are left before the review deadline', async () => {
      // Uses the six experts (and their addresses) of the walked year above.
      const seed = seedProgramme('vertical-model');
      t.clock.set('2026-08-03T01:00:00.000Z');
      const admin = await t.asAdmin();
      const opened = await admin
        .post('/api/v1/selections')
        .send({ programme: 'vertical-model', year: 2026, submissionDeadlineDate: '2026-08-14', overrides: { quotas: { model: 1 } } })
        .expect(201);
      const selectionId = opened.body.id as string;
      const username = 'model-org';
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: validCreditCode(7200), name: '湖南模型测试有限公司', contactName: '联系人', contactPhone: '0731-88880003', username, password: `${username}-password` })
        .expect(201);
      const owner = await t.as(username, `${username}-password`);
      const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 内容`]));
      const drafted = await owner.post(`/api/v1/selections/${selectionId}/dossiers`).send({ title: '行业大模型', tier: 'model', fields, declaredInvestmentFen: 500_000_000 }).expect(201);
      for (const attachment of seed.attachments.kinds.filter((candidate) => candidate.required)) {
        await owner
          .post(`/api/v1/dossiers/${drafted.body.id}/attachments`)
          .field('kind', attachment.code)
          .attach('file', pdf(`${drafted.body.id}-${attachment.code}`), { filename: `${attachment.code}.pdf`, contentType: 'application/pdf' })
          .expect(201);
      }
      await owner.post(`/api/v1/dossiers/${drafted.body.id}/submit`).expect(200);
      t.clock.set('2026-08-17T01:00:00.000Z');
      await admin.post(`/api/v1/selections/${selectionId}/close-submissions`).expect(200);
      await admin.post(`/api/v1/dossiers/${drafted.body.id}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 400_000_000 }).expect(200);
      await admin.post(`/api/v1/selections/${selectionId}/close-formal-review`).expect(200);
      await admin.post(`/api/v1/selections/${selectionId}/assignments`).send({ seed: 'reminders', reviewDeadlineDate: '2026-08-31' }).expect(201);
      const assigned: string[] = [];
      for (let index = 0; index < 6; index += 1) {
        const expert = await t.as(`walk-expert${index}`, `walk-expert${index}-password`);
        const mine = (await expert.get('/api/v1/me/assignments').expect(200)).body as { dossierId: string }[];
        if (mine.some((item) => item.dossierId === drafted.body.id)) assigned.push(`walk-expert${index}`);
      }
      expect(assigned.length).toBeGreaterThan(1);
      // The first assigned expert scores at once: he is not reminded.
      const diligent = await t.as(assigned[0], `${assigned[0]}-password`);
      const points = Object.fromEntries(seed.rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * 0.8)]));
      await signDeclaration(diligent, selectionId);
      await diligent.put(`/api/v1/dossiers/${drafted.body.id}/reviews/mine`).send({ points, comment: '模型能力突出。' }).expect(200);
      await t.app.get(NotificationDelivery).deliverDue();
      const before = sink.received.length;

      t.clock.set('2026-08-20T01:00:00.000Z'); // Thursday: seven working days left
      expect((await t.app.get(ReminderScheduler).tick()).written).toBe(0);
      t.clock.set('2026-08-26T01:00:00.000Z'); // Wednesday: 08-27, 08-28 and 08-31 are left
      expect((await t.app.get(ReminderScheduler).tick()).written).toBe(assigned.length - 1);
      expect((await t.app.get(ReminderScheduler).tick()).written).toBe(0);
      await t.app.get(NotificationDelivery).deliverDue();
      const reminders = sink.received.slice(before).filter((mail) => mail.subject.startsWith('【评分提醒】'));
      expect(reminders.flatMap((mail) => mail.to).sort()).toEqual(assigned.slice(1).map(addressOf).sort());
      for (const mail of reminders) {
        expect(mail.subject).toMatch(/还有1份材料未评分$/);
        expect(mail.text).toContain('评审截止日期为2026-08-31(还剩3个工作日)');
        expect(mail.text).toContain(`${PUBLIC_URL}/expert/tasks`);
      }
    });
    it('with MAIL_NOT_BEFORE, notifications of earlier events stay in the inbox and are never mailed', async () => {
      const seed = seedProgramme('key-enterprise');
      await t.close();
      t = await startAppOn(database.url, mailEnvironment(sink, { MAIL_NOT_BEFORE: '2100-01-01T00:00:00+08:00' }), '2026-09-01T01:00:00.000Z');
      const admin = await t.asAdmin();
      const quotas = Object.fromEntries(seed.tiers.map((tier) => [tier.code, 1]));
      const opened = await admin.post('/api/v1/selections').send({ programme: 'key-enterprise', year: 2026, submissionDeadlineDate: '2026-09-15', overrides: { quotas } }).expect(201);
      const username = 'enterprise-org';
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: validCreditCode(7300), name: '湖南企业测试有限公司', contactName: '联系人', contactPhone: '0731-88880004', username, password: `${username}-password` })
        .expect(201);
      const owner = await t.as(username, `${username}-password`);
      await giveAddress(owner, username);
      const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 内容`]));
      const drafted = await owner.post(`/api/v1/selections/${opened.body.id}/dossiers`).send({ title: '重点企业', tier: seed.tiers[0].code, fields }).expect(201);
      for (const attachment of seed.attachments.kinds.filter((candidate) => candidate.required)) {
        await owner
          .post(`/api/v1/dossiers/${drafted.body.id}/attachments`)
          .field('kind', attachment.code)
          .attach('file', pdf(`${drafted.body.id}-${attachment.code}`), { filename: `${attachment.code}.pdf`, contentType: 'application/pdf' })
          .expect(201);
      }
      await owner.post(`/api/v1/dossiers/${drafted.body.id}/submit`).expect(200);
      t.clock.set('2026-09-16T01:00:00.000Z');
      await admin.post(`/api/v1/selections/${opened.body.id}/close-submissions`).expect(200);
      await admin.post(`/api/v1/dossiers/${drafted.body.id}/formal-review`).send({ decision: 'reject', reason: '不符合申报条件' }).expect(200);
      const before = sink.received.length;
      expect(await t.app.get(NotificationDelivery).deliverDue()).toEqual({ sent: 0, withoutAddress: 0, failed: 0 });
      expect(sink.received).toHaveLength(before);
      const inbox = (await owner.get('/api/v1/me/notifications').expect(200)).body as { items: { subject: string }[] };
      expect(inbox.items.map((item) => item.subject)).toContain('【形式审查】《重点企业》未通过形式审查');
    });
  });
}
