import type { SettableClock } from '@app/platform';
import { DemoClient } from './demo-client';
import type { DemoApplicant, DemoSelection } from './demo-plan';
import { demoSelections } from './demo-plan';
import { readHunan2025, readProgramme, syntheticCreditCode, syntheticPdf, syntheticPoints } from './demo-seeds';

export interface DemoOptions {
  /** Where the API listens, e.g. http://127.0.0.1:43210 */
  readonly baseUrl: string;
  readonly admin: { readonly username: string; readonly password: string };
  readonly clock: SettableClock;
  readonly seedsDir: string;
  /** One line per step. */
  readonly log: (line: string) => void;
  /** Which formats to download; the test needs only txt. */
  readonly formats?: readonly ('txt' | 'html' | 'docx')[];
}

export interface DemoResult {
  /** Every downloaded document by its file name (annex-1-key-enterprises.txt …). */
  readonly files: Map<string, Buffer>;
  /** The plain-text annexes 1-4. */
  readonly annexText: Record<1 | 2 | 3 | 4, string>;
}

const YEAR = 2025;
const EXPERTS = 8;
/** SYNTHETIC scores: the first of a tier gets 95, the next 94 …, so the ranking is the published order. */
const TOP_SCORE = 95;
/** SYNTHETIC investment for the money programme (十大示范场景): declared ¥20,000,000, approved ¥15,000,000. */
const DECLARED_INVESTMENT_FEN = 2_000_000_000;
const APPROVED_INVESTMENT_FEN = 1_500_000_000;

interface Filed {
  readonly selection: DemoSelection;
  readonly selectionId: string;
  readonly dossiers: { id: string; applicant: DemoApplicant; total: number }[];
}

/**
 * Replays the 2025 year over HTTP, as administrators, applicants and experts would: publishes 附件3,
 * runs the three selections of 附件1, 2 and 4 from call to published awards, and downloads the annexes.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { clock, log } = options;
  const formats = options.formats ?? ['txt', 'html', 'docx'];
  let step = 0;
  const say = (line: string) => log(`[${String(++step).padStart(2, ' ')}] ${line}`);
  const anonymous = new DemoClient(options.baseUrl);
  const admin = await anonymous.login(options.admin.username, options.admin.password);
  const selections = demoSelections(options.seedsDir);

  clock.set(`${YEAR}-03-03T01:00:00.000Z`);
  const future = readHunan2025(options.seedsDir).futureScenarios;
  await admin.post(`/api/v1/future-scenarios/${YEAR}`, { json: { scenarios: future.scenarios }, expect: 201 });
  say(`published the ${YEAR} 十大未来场景 (附件3): ${future.scenarios.length} scenarios, version 1`);

  const filed: Filed[] = [];
  let serial = 1;
  for (const selection of selections) {
    const opened = await admin.post('/api/v1/selections', {
      json: {
        programme: selection.programme,
        year: YEAR,
        ...(selection.batch ? { batch: selection.batch } : {}),
        submissionDeadlineDate: `${YEAR}-03-31`,
        ...(selection.quotas ? { overrides: { quotas: selection.quotas } } : {}),
      },
      expect: 201,
    });
    const selectionId = opened.json<{ id: string }>().id;
    say(`opened ${selectionId}: ${selection.label}${selection.quotas ? `, quotas ${Object.values(selection.quotas).join('/')}` : ''}`);
    const programme = readProgramme(options.seedsDir, selection.programme);
    const money = selection.programme === 'demo-scenario';
    const dossiers: Filed['dossiers'] = [];
    const placeInTier = new Map<string, number>();
    for (const applicant of selection.applicants) {
      const index = serial++;
      const username = `demo-org-${String(index).padStart(3, '0')}`;
      const password = `${username}-passphrase`;
      await anonymous.post('/api/v1/organisations', {
        json: { creditCode: syntheticCreditCode(index), name: applicant.organisation, contactName: '演示联系人', contactPhone: `0731-8000${String(index).padStart(4, '0')}`, username, password },
        expect: 201,
      });
      const owner = await anonymous.login(username, password);
      const drafted = await owner.post(`/api/v1/selections/${selectionId}/dossiers`, {
        json: {
          title: applicant.title,
          projectCode: `DEMO-${YEAR}-${index}`,
          tier: applicant.tier,
          fields: applicant.fields,
          ...(money ? { declaredInvestmentFen: DECLARED_INVESTMENT_FEN } : {}),
        },
        expect: 201,
      });
      const id = drafted.json<{ id: string }>().id;
      for (const kind of programme.attachments.kinds.filter((candidate) => candidate.required)) {
        const form = new FormData();
        form.append('kind', kind.code);
        form.append('file', syntheticPdf(`${id} ${kind.code}`), `${kind.code}.pdf`);
        await owner.post(`/api/v1/dossiers/${id}/attachments`, { form, expect: 201 });
      }
      await owner.post(`/api/v1/dossiers/${id}/submit`, { expect: 200 });
      const place = placeInTier.get(applicant.tier) ?? 0;
      placeInTier.set(applicant.tier, place + 1);
      dossiers.push({ id, applicant, total: TOP_SCORE - place });
    }
    say(`${selectionId}: ${dossiers.length} organisations registered (SYNTHETIC credit codes), dossiers drafted, attachments uploaded, submitted`);
    filed.push({ selection, selectionId, dossiers });
  }

  clock.set(`${YEAR}-04-01T01:00:00.000Z`);
  for (const { selection, selectionId, dossiers } of filed) {
    const money = selection.programme === 'demo-scenario';
    await admin.post(`/api/v1/selections/${selectionId}/close-submissions`, { expect: 200 });
    for (const dossier of dossiers) {
      await admin.post(`/api/v1/dossiers/${dossier.id}/formal-review`, {
        json: { decision: 'pass', ...(money ? { approvedInvestmentFen: APPROVED_INVESTMENT_FEN } : {}) },
        expect: 200,
      });
    }
    await admin.post(`/api/v1/selections/${selectionId}/close-formal-review`, { expect: 200 });
    say(`${selectionId}: submissions closed, formal review passed ${dossiers.length} dossiers, formal review closed`);
  }

  const experts: DemoClient[] = [];
  for (let index = 0; index < EXPERTS; index += 1) {
    const username = `demo-expert-${index + 1}`;
    const password = `${username}-passphrase`;
    await admin.post('/api/v1/experts', {
      json: {
        name: `演示专家${index + 1}`,
        organisationName: `演示高校${index + 1}(合成)`,
        organisationCreditCode: syntheticCreditCode(900 + index),
        fields: ['人工智能'],
        username,
        password,
      },
      expect: 201,
    });
    experts.push(await anonymous.login(username, password));
  }
  say(`registered ${EXPERTS} experts (SYNTHETIC names and organisations)`);

  clock.set(`${YEAR}-04-02T01:00:00.000Z`);
  for (const { selectionId } of filed) {
    await admin.post(`/api/v1/selections/${selectionId}/assignments`, { json: { seed: `demo-${YEAR}` }, expect: 201 });
  }
  say('assigned experts to every dossier of the three selections');

  clock.set(`${YEAR}-04-10T01:00:00.000Z`);
  const byId = new Map(filed.flatMap((entry) => entry.dossiers.map((dossier) => [dossier.id, { dossier, selection: entry.selection, selectionId: entry.selectionId }] as const)));
  let scored = 0;
  for (const expert of experts) {
    const mine = (await expert.get('/api/v1/me/assignments')).json<{ dossierId: string }[]>();
    const signed = new Set<string>();
    for (const { dossierId } of mine) {
      const found = byId.get(dossierId);
      if (!found) continue;
      // 保密承诺、回避声明: signed once per selection, before the expert's first dossier of it.
      if (!signed.has(found.selectionId)) {
        const { version } = (await expert.get(`/api/v1/selections/${found.selectionId}/declaration`)).json<{ version: string }>();
        await expert.post(`/api/v1/selections/${found.selectionId}/declaration/signature`, { json: { version }, expect: 201 });
        signed.add(found.selectionId);
      }
      const rubric = readProgramme(options.seedsDir, found.selection.programme).rubric;
      await expert.put(`/api/v1/dossiers/${dossierId}/reviews/mine`, {
        json: { points: syntheticPoints(rubric, found.dossier.total), comment: '演示评分(合成)。' },
        expect: 200,
      });
      scored += 1;
    }
  }
  say(`entered ${scored} SYNTHETIC expert scores, chosen so the ranking reproduces the published order`);

  clock.set(`${YEAR}-04-20T01:00:00.000Z`);
  for (const { selectionId } of filed) {
    await admin.post(`/api/v1/selections/${selectionId}/close-review`, { expect: 200 });
    await admin.post(`/api/v1/selections/${selectionId}/public-notice`, { json: { startsOn: `${YEAR}-04-21` }, expect: 201 });
  }
  say('closed review (ranked shortlists frozen) and started the public notice (公示) of each selection');

  clock.set(`${YEAR}-05-20T02:00:00.000Z`);
  for (const { selectionId } of filed) {
    await admin.post(`/api/v1/selections/${selectionId}/awards`, { expect: 201 });
    await admin.post(`/api/v1/selections/${selectionId}/awards/publish`, { expect: 200 });
  }
  say('notice windows over: awards decided and published');

  const files = new Map<string, Buffer>();
  const annexText = {} as Record<1 | 2 | 3 | 4, string>;
  const download = async (path: string, format: string, annexNumber?: 1 | 2 | 3 | 4) => {
    const response = await anonymous.get(`${path}${path.includes('?') ? '&' : '?'}format=${format}`);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    if (!fileName) throw new Error(`${path} answered without a file name`);
    files.set(fileName, response.body);
    if (format === 'txt' && annexNumber) annexText[annexNumber] = response.text();
  };
  for (const format of formats) {
    await download(`/api/v1/future-scenarios/${YEAR}/annex`, format, 3);
    for (const { selection, selectionId } of filed) {
      await download(`/api/v1/selections/${selectionId}/annex`, format, selection.annexNumber);
      if (selection.programme === 'demo-scenario') await download(`/api/v1/selections/${selectionId}/annex?document=award-list`, format);
    }
  }
  say(`downloaded ${files.size} documents: annexes 1-4 and the 十大示范场景 award list, in ${formats.join(', ')}`);
  return { files, annexText };
}
