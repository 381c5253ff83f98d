import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import type { ProgrammeCode } from '@app/domain/programmes';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { signDeclaration } from '../support/sign-declaration';

interface SeedProgramme {
  tiers: { code: string; quota: number | null }[];
  rubric: { code: string; maxPoints: number }[];
  fields: { code: string; required: boolean }[];
  attachments: { kinds: { code: string; required: boolean }[] };
  award: { kind: 'policy' } | { kind: 'money'; rateBasisPoints: number; capFen: number };
  declaredInvestmentRequired?: boolean;
}

export function seedProgramme(programme: ProgrammeCode): SeedProgramme {
  return JSON.parse(readFileSync(join(process.cwd(), 'seeds/programmes', `${programme}.json`), 'utf8')) as SeedProgramme;
}

export function validCreditCode(serial: number): string {
  const body = `91430100MA4L${String(serial).padStart(5, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

/** A tiny PDF per attachment: distinct bytes, since a dossier refuses the same file twice. */
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% 湖南省人工智能+ 申报材料 ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

export interface WalkResult {
  readonly selectionId: string;
  readonly listedBefore: string[];
  readonly listedAfter: string[];
  readonly awards: { dossierId: string; amountFen?: number; paidFen?: number }[];
  readonly annexTxt: string;
}

/**
 * One selection of a programme from the call to published awards, over HTTP only: two dossiers per
 * tier from three organisations, the expert pool's scores, an upheld objection with 递补.
 */
export async function registerExperts(t: TestApp, count: number, serialBase: number): Promise<AuthenticatedClient[]> {
  const admin = await t.asAdmin();
  const experts: AuthenticatedClient[] = [];
  for (let index = 0; index < count; index += 1) {
    const username = `walk-expert${index}`;
    await admin
      .post('/api/v1/experts')
      .send({
        name: `专家${index}`,
        organisationName: `湖南大学${index}`,
        organisationCreditCode: validCreditCode(serialBase + index),
        fields: ['人工智能'],
        username,
        password: `${username}-password`,
      })
      .expect(201);
    experts.push(await t.as(username, `${username}-password`));
  }
  return experts;
}

/**
 * Called at the end of each step, before the clock moves on: the state the reads show at that moment
 * (the selection, its dossiers' ids), for a spec that reads the same moment back later (time travel).
 */
export type WalkCapture = (moment: { at: string; selectionId: string; dossierIds: string[] }) => Promise<void>;

export async function walkSelection(
  t: TestApp,
  experts: readonly AuthenticatedClient[],
  programme: ProgrammeCode,
  year: number,
  serialBase: number,
  capture: WalkCapture = async () => undefined,
): Promise<WalkResult> {
  const seed = seedProgramme(programme);
  const admin = await t.asAdmin();
  const money = seed.award.kind === 'money';
  t.clock.set(`${year}-03-02T01:00:00.000Z`);

  const quotas = Object.fromEntries(seed.tiers.map((tier) => [tier.code, 1]));
  const opened = await admin
    .post('/api/v1/selections')
    .send({ programme, year, submissionDeadlineDate: `${year}-03-31`, overrides: { quotas, minimumScore: 50 } })
    .expect(201);
  const selectionId = opened.body.id as string;

  // Three applicant organisations, registering themselves.
  const applicants: AuthenticatedClient[] = [];
  const organisationCodes: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    const creditCode = validCreditCode(serialBase + index);
    organisationCodes.push(creditCode);
    const username = `${programme}-${year}-org${index}`;
    await t.http
      .post('/api/v1/organisations')
      .send({ creditCode, name: `湖南测试${programme}${index}号有限公司`, contactName: '联系人', contactPhone: '0731-8888000' + index, username, password: `${username}-password` })
      .expect(201);
    applicants.push(await t.as(username, `${username}-password`));
  }

  // Two dossiers per tier, filled, with every required attachment, submitted.
  const dossiers: { id: string; tier: string; owner: AuthenticatedClient; strength: number }[] = [];
  let count = 0;
  for (const tier of seed.tiers) {
    for (let place = 0; place < 2; place += 1) {
      const owner = applicants[count % 3];
      const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 的内容 ${count}`]));
      const drafted = await owner
        .post(`/api/v1/selections/${selectionId}/dossiers`)
        .send({
          title: `${programme} 项目 ${count}`,
          projectCode: `P-${year}-${serialBase}-${count}`,
          tier: tier.code,
          fields,
          ...(money ? { declaredInvestmentFen: 1_000_000_000 + count * 100_000_000 } : {}),
        })
        .expect(201);
      const id = drafted.body.id as string;
      for (const kind of seed.attachments.kinds.filter((kind) => kind.required)) {
        await owner
          .post(`/api/v1/dossiers/${id}/attachments`)
          .field('kind', kind.code)
          .attach('file', pdf(`${id}-${kind.code}`), { filename: `${kind.code}.pdf`, contentType: 'application/pdf' })
          .expect(201);
      }
      await owner.post(`/api/v1/dossiers/${id}/submit`).expect(200);
      // The first of each tier is the stronger one: it should be listed, the second kept in reserve.
      dossiers.push({ id, tier: tier.code, owner, strength: place === 0 ? 0.9 : 0.7 });
      count += 1;
    }
  }

  const moment = async () => capture({ at: t.clock.now(), selectionId, dossierIds: dossiers.map((dossier) => dossier.id) });
  await moment();
  t.clock.set(`${year}-04-01T01:00:00.000Z`);
  await admin.post(`/api/v1/selections/${selectionId}/close-submissions`).expect(200);
  for (const dossier of dossiers) {
    await admin
      .post(`/api/v1/dossiers/${dossier.id}/formal-review`)
      .send({ decision: 'pass', ...(money ? { approvedInvestmentFen: 900_000_000 } : {}) })
      .expect(200);
  }
  await admin.post(`/api/v1/selections/${selectionId}/close-formal-review`).expect(200);
  await moment();

  t.clock.set(`${year}-04-10T01:00:00.000Z`);
  await admin.post(`/api/v1/selections/${selectionId}/assignments`).send({ seed: 'walkthrough' }).expect(201);
  const rubric = seed.rubric;
  for (const expert of experts) {
    const mine = await expert.get('/api/v1/me/assignments').expect(200);
    const assigned = (mine.body as { dossierId: string }[]).filter((item) => dossiers.some((dossier) => dossier.id === item.dossierId));
    if (assigned.length > 0) await signDeclaration(expert, selectionId);
    for (const item of assigned) {
      const dossier = dossiers.find((candidate) => candidate.id === item.dossierId)!;
      const points = Object.fromEntries(rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * dossier.strength)]));
      await expert.put(`/api/v1/dossiers/${dossier.id}/reviews/mine`).send({ points, comment: '材料完整,技术先进。' }).expect(200);
    }
  }
  await moment();
  t.clock.set(`${year}-04-20T01:00:00.000Z`);
  const closed = await admin.post(`/api/v1/selections/${selectionId}/close-review`);
  expect([closed.status, closed.body.message]).toEqual([200, closed.body.message]);

  const shortlist = await admin.get(`/api/v1/selections/${selectionId}/shortlist`).expect(200);
  const listedBefore = listedIds(shortlist.body);

  await admin.post(`/api/v1/selections/${selectionId}/public-notice`).send({ startsOn: `${year}-04-21` }).expect(201);
  await moment();
  t.clock.set(`${year}-04-22T02:00:00.000Z`);
  const notice = await t.http.get(`/api/v1/selections/${selectionId}/public-notice`).expect(200);
  const target = listedBefore[0];
  expect(JSON.stringify(notice.body)).toContain(target);
  const objection = await t.http
    .post(`/api/v1/selections/${selectionId}/objections`)
    .send({ dossierId: target, name: '王五', contact: '13800000000', reason: '申报材料中的营业收入与审计报告不一致。' })
    .expect(201);
  await admin
    .post(`/api/v1/objections/${objection.body.objectionId}/resolution`)
    .send({ outcome: 'upheld', finding: '经核实,异议成立。' })
    .expect(200);
  const after = await admin.get(`/api/v1/selections/${selectionId}/shortlist`).expect(200);
  const listedAfter = listedIds(after.body);
  await moment();

  t.clock.set(`${year}-05-20T02:00:00.000Z`);
  await admin.post(`/api/v1/selections/${selectionId}/awards`).expect(201);
  await admin.post(`/api/v1/selections/${selectionId}/awards/publish`).expect(200);
  const awards = await t.http.get(`/api/v1/selections/${selectionId}/awards`).expect(200);
  const annex = await t.http.get(`/api/v1/selections/${selectionId}/annex?format=txt`).expect(200);
  await moment();
  return {
    selectionId,
    listedBefore,
    listedAfter,
    awards: (awards.body.awards ?? awards.body.rows ?? []) as WalkResult['awards'],
    annexTxt: annex.text,
  };
}

function listedIds(shortlist: { tiers: { selected: { dossierId: string }[] }[] }): string[] {
  return shortlist.tiers.flatMap((tier) => tier.selected.map((entry) => entry.dossierId));
}
