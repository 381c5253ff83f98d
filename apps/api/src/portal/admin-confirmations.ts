import { drawRound } from '@app/domain/assignment';
import { awardAmount } from '@app/domain/awards';
import type { ConflictExpert } from '@app/domain/conflicts';
import { conflictDossierOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { minimumValidReviewsOf } from '@app/domain/programmes';
import type { Selection } from '@app/domain/selection';
import type { IdentityPairView } from './identity-hold';
import { assignChoiceOf } from './draw-form';
import { chineseDate, yuanOfFen } from './zh-format';

/**
 * What an irreversible step on the selection desk will do, shown before it is done (确认页): what
 * happens, to how many dossiers, what is still missing, the amounts. `acknowledge` is a sentence the
 * administrator must tick when something is missing that no rule forbids (e.g. scores not in);
 * `refused` is set when a rule already says no, and then there is no button.
 */
export interface Confirmation {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly warnings: readonly string[];
  readonly table?: { readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly acknowledge?: string;
  readonly refused?: string;
  readonly button: string;
  /** 确定奖补 held: the pairs of projects the administrator declares same or different before deciding. */
  readonly identity?: readonly IdentityPairView[];
}

export interface DeskFacts {
  readonly selection: Selection;
  readonly dossiers: readonly Dossier[];
  readonly expertName: (expertId: string) => string;
  readonly activeExperts: number;
  /** The expert pool as the conflict rules see it, for a draw's dry run (only its refusal is shown). */
  readonly pool?: readonly ConflictExpert[];
  /** The notice a StartPublicNotice would record now, or the refusal in Chinese (dry run of the decider). */
  readonly noticePreview?: { startsOn: string; endsOn: string; workingDays: number } | { refused: string };
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const count = (n: number) => `${n} 项`;

export function confirmationOf(action: string, body: Record<string, unknown>, facts: DeskFacts): Confirmation | null {
  const { selection, dossiers } = facts;
  const titleOf = (dossierId: string) => dossiers.find((dossier) => dossier.dossierId === dossierId)?.title ?? dossierId;
  const byStatus = (...statuses: string[]) => dossiers.filter((dossier) => statuses.includes(dossier.status));
  switch (action) {
    case 'close-submissions': {
      const drafts = byStatus('draft');
      return {
        heading: '确认截止申报',
        lines: [`已提交的申报材料 ${count(byStatus('submitted').length)}将进入形式审查。`, `申报截止日期为 ${chineseDate(selection.submissionDeadlineDate)}。截止后申报单位不能再提交或修改。`],
        warnings: drafts.length ? [`仍有 ${drafts.length} 份草稿未提交,截止后将不能再提交:${drafts.map((d) => d.title).join('、')}。`] : [],
        button: '确认截止申报',
      };
    }
    case 'review': {
      const dossier = dossiers.find((candidate) => candidate.dossierId === text(body.dossierId));
      const decision = text(body.decision);
      const words = { pass: '通过形式审查', return: '退回补正', reject: '不予受理' }[decision] ?? decision;
      const lines = [`《${dossier?.title ?? text(body.dossierId)}》将被记录为:${words}。此结论记录后不能撤销。`];
      if (decision === 'pass' && text(body.approvedInvestmentYuan)) lines.push(`核定投资额:${yuanOfFen(Math.round(Number(text(body.approvedInvestmentYuan)) * 100))}。`);
      if (decision !== 'pass' && text(body.reason)) lines.push(`理由:${text(body.reason)}`);
      if (decision === 'return' && text(body.correctionDeadlineDate)) lines.push(`补正截止日期:${chineseDate(text(body.correctionDeadlineDate))}。`);
      if (decision === 'reject') lines.push('不予受理后,该申报不再参加本次评选。');
      return { heading: `确认形式审查结论:${words}`, lines, warnings: [], button: `确认${words}` };
    }
    case 'close-formal-review': {
      const awaiting = byStatus('submitted', 'returned');
      return {
        heading: '确认结束形式审查',
        lines: [`通过 ${count(byStatus('passed').length)},不予受理 ${count(byStatus('rejected').length)}。通过的项目将进入专家评审。`],
        warnings: awaiting.length ? [`仍有 ${awaiting.length} 份申报材料没有审查结论:${awaiting.map((d) => d.title).join('、')}。请先作出结论。`] : [],
        ...(awaiting.length ? { refused: '仍有申报材料没有形式审查结论,不能结束形式审查。' } : {}),
        button: '确认结束形式审查',
      };
    }
    case 'assign': {
      const passed = byStatus('passed');
      const choice = assignChoiceOf(body);
      if (choice.method === 'invalid') return { heading: '确认分配专家', lines: [], warnings: [], refused: choice.problem, button: '确认分配专家' };
      const draw = choice.method === 'draw';
      const short = choice.method === 'draw' && facts.pool ? dossiersTooShortToDraw(passed, facts.pool, selection, choice.seed, choice.reservesPerDossier) : [];
      return {
        heading: draw ? '确认随机抽取专家' : '确认分配专家',
        lines: [
          draw
            ? `将为通过形式审查的 ${passed.length} 个项目,各从其领域的专家库中随机抽取 ${selection.rules.expertsPerDossier} 位专家(已排除回避、停用和评审数已满 ${selection.rules.maxDossiersPerExpert} 项的专家),每项另抽备选专家 ${choice.reservesPerDossier} 人,有专家回避或评分被认定无效时按抽取顺序递补。专家库现有在册专家 ${facts.activeExperts} 人。`
            : `将为通过形式审查的 ${passed.length} 个项目各分配 ${selection.rules.expertsPerDossier} 位专家(每位专家最多 ${selection.rules.maxDossiersPerExpert} 项),专家库现有在册专家 ${facts.activeExperts} 人。`,
          ...(draw ? [`随机种子:${choice.seed}。抽取记录(种子、候选专家、抽中专家和备选专家)将写入各项目的记录,任何人可按种子重现抽取结果。确认前不显示抽取结果。`] : []),
          text(body.reviewDeadlineDate) ? `评审截止日期:${chineseDate(text(body.reviewDeadlineDate))}。` : '未设定评审截止日期。',
          '分配后专家评审开始,分配结果不能撤销(回避的名额可补充分配)。',
        ],
        warnings: facts.activeExperts < selection.rules.expertsPerDossier ? [`在册专家不足 ${selection.rules.expertsPerDossier} 人,部分项目将无法配齐。`] : [],
        ...(short.length
          ? { refused: `以下项目本领域可抽取的专家不足,不能随机抽取:${short.join('、')}。请补充专家库,或改用均衡分配。` }
          : {}),
        button: draw ? '确认随机抽取' : '确认分配专家',
      };
    }
    case 'replacements': {
      const open = dossiers
        .filter((dossier) => selection.reviewDossierIds.includes(dossier.dossierId))
        .map((dossier) => ({ dossier, missing: selection.rules.expertsPerDossier - dossier.assignments.filter((a) => a.status === 'assigned').length }))
        .filter(({ missing }) => missing > 0);
      return {
        heading: '确认补充分配专家',
        lines: [
          `将为 ${open.length} 个项目补充分配专家,共 ${open.reduce((sum, { missing }) => sum + missing, 0)} 个名额。已回避的专家不会再分配到其回避的项目。`,
          ...(open.some(({ dossier }) => dossier.draw) ? ['随机抽取的项目由其备选专家按抽取记录的顺序递补(跳过已回避、停用或评审数已满的);备选专家用尽时按均衡规则从专家库补充。'] : []),
        ],
        warnings: [],
        table: { caption: '待补充的名额', head: ['项目', '缺少'], rows: open.map(({ dossier, missing }) => [dossier.title, `${missing} 人`]) },
        button: '确认补充分配',
      };
    }
    case 'close-review': {
      const inReview = dossiers.filter((dossier) => selection.reviewDossierIds.includes(dossier.dossierId));
      // Marked 无法评审 (or withdrawn): no candidate, so neither counted nor waited for.
      const notEvaluable = inReview.filter((dossier) => dossier.notEvaluable);
      const ranked = inReview.filter((dossier) => dossier.status === 'passed' && !dossier.notEvaluable);
      const minimum = minimumValidReviewsOf(selection.rules);
      const missing = ranked.flatMap((dossier) =>
        dossier.assignments
          .filter((a) => a.status === 'assigned' && !dossier.scores.some((score) => score.expertId === a.expertId))
          .map((a) => [dossier.title, facts.expertName(a.expertId)]),
      );
      const below = ranked.filter((dossier) => dossier.scores.length < minimum);
      const short = ranked.filter((dossier) => dossier.scores.length >= minimum && dossier.scores.length < selection.rules.expertsPerDossier);
      return {
        heading: '确认结束专家评审',
        lines: [
          `将按已提交的有效评分汇总 ${ranked.length} 个项目的得分并生成入围名单。结束后专家不能再评分或修改评分。`,
          `每个项目须有不少于 ${minimum} 份有效评审意见(被认定无效或已回避的评分不计)。`,
          ...(notEvaluable.length ? [`${notEvaluable.length} 个项目已标记为无法评审,不参加排名:${notEvaluable.map((d) => `${d.title}(${d.notEvaluable?.reason ?? ''})`).join('、')}。`] : []),
        ],
        warnings: [
          ...(missing.length ? [`还有 ${missing.length} 份评分未提交(见下表)。`] : []),
          ...(short.length ? [`${short.length} 个项目的有效评分少于 ${selection.rules.expertsPerDossier} 份:${short.map((d) => `${d.title}(${d.scores.length} 份)`).join('、')}。`] : []),
        ],
        ...(missing.length ? { table: { caption: '未提交的评分', head: ['项目', '专家'], rows: missing } } : {}),
        ...(below.length
          ? {
              refused: `${below.map((d) => `${d.title}(有效 ${d.scores.length} 份)`).join('、')} 的有效评审意见少于 ${minimum} 份,不能结束专家评审。请催促专家评分或补充分配专家;确实无法评审的,请在该项目页面标记为无法评审并说明理由。`,
            }
          : {}),
        ...(missing.length ? { acknowledge: `我已知晓仍有 ${missing.length} 份评分未提交,这些评分将不计入得分。` } : {}),
        button: '确认结束专家评审',
      };
    }
    case 'notice': {
      const tiers = selection.shortlist?.tiers ?? [];
      const preview = facts.noticePreview;
      const refused = preview && 'refused' in preview ? preview.refused : undefined;
      return {
        heading: '确认开始公示',
        lines: [
          preview && !('refused' in preview) ? `公示期:${chineseDate(preview.startsOn)} 至 ${chineseDate(preview.endsOn)}(${preview.workingDays} 个工作日)。` : '',
          `公示名单 ${count(tiers.reduce((sum, tier) => sum + tier.selected.length, 0))},候补 ${count(tiers.reduce((sum, tier) => sum + tier.reserves.length, 0))}(候补不公示,仅在异议成立时递补)。`,
          '公示开始后,任何人可在公示期内对名单中的项目提出异议。',
        ].filter(Boolean),
        warnings: [],
        ...(refused ? { refused } : {}),
        button: '确认开始公示',
      };
    }
    case 'resolve': {
      const objectionId = text(body.objectionId);
      const dossier = dossiers.find((candidate) => candidate.objections.some((objection) => objection.objectionId === objectionId));
      const upheld = text(body.outcome) === 'upheld';
      const tier = selection.shortlist?.tiers.find((t) => [...t.selected, ...t.reserves].some((entry) => entry.dossierId === dossier?.dossierId));
      const reserve = tier?.reserves[0];
      return {
        heading: upheld ? '确认异议成立' : '确认异议不成立',
        lines: [
          `异议对象:《${dossier?.title ?? '—'}》,受理编号 ${objectionId}。处理结果记录后不能更改。`,
          upheld
            ? `该项目将撤出公示名单${reserve ? `,由候补《${titleOf(reserve.dossierId)}》递补` : ',该类别没有候补项目可递补'}。`
            : '该项目保留在公示名单中。',
          text(body.finding) ? `核查情况:${text(body.finding)}` : '',
        ].filter(Boolean),
        warnings: [],
        button: upheld ? '确认异议成立' : '确认异议不成立',
      };
    }
    case 'decide': {
      const listed = (selection.shortlist?.tiers ?? []).flatMap((tier) => tier.selected.map((entry) => ({ tier: tier.tier, entry })));
      const open = dossiers.flatMap((dossier) => dossier.objections.filter((o) => o.status === 'open').map(() => dossier.title));
      const money = selection.rules.award.kind === 'money';
      const tierName = (code: string) => selection.rules.tiers.find((tier) => tier.code === code)?.name ?? code;
      return {
        heading: '确认确定奖补',
        lines: [`将为公示名单中的 ${listed.length} 个项目确定奖补${money ? '(按核定投资额的比例计算,不超过上限;同一项目当年已获其他奖补的将扣减)' : '(政策支持,不涉及资金)'}。`],
        warnings: open.length ? [`仍有未处理的异议:${open.join('、')}。`] : [],
        ...(open.length ? { refused: '仍有未处理的异议,不能确定奖补。请先处理异议。' } : {}),
        table: {
          caption: '拟确定的奖补',
          head: money ? ['类别', '名次', '项目', '核定投资额', '按标准计算'] : ['类别', '名次', '项目'],
          rows: listed.map(({ tier, entry }) => {
            const dossier = dossiers.find((candidate) => candidate.dossierId === entry.dossierId);
            const approved = dossier?.approvedInvestmentFen ?? null;
            const base = [tierName(tier), String(entry.rank), dossier?.title ?? entry.dossierId];
            return money ? [...base, yuanOfFen(approved), approved === null ? '—' : yuanOfFen(awardAmount(selection.rules.award, approved))] : base;
          }),
        },
        button: '确认确定奖补',
      };
    }
    case 'publish': {
      const awarded = dossiers.filter((dossier) => dossier.award !== null).sort((a, b) => (a.award!.tier.localeCompare(b.award!.tier)) || a.award!.rank - b.award!.rank);
      const money = selection.rules.award.kind === 'money';
      const total = awarded.reduce((sum, dossier) => sum + (dossier.award!.record.kind === 'money' ? dossier.award!.record.paidFen : 0), 0);
      return {
        heading: '确认公布名单',
        lines: [`将向社会公布 ${awarded.length} 个入选项目的名单${money ? `,奖补合计 ${yuanOfFen(total)}` : ''}。公布后不能撤回。`],
        warnings: [],
        table: {
          caption: '将公布的名单',
          head: money ? ['项目', '名次', '实际奖补'] : ['项目', '名次'],
          rows: awarded.map((dossier) => {
            const award = dossier.award!;
            return money ? [dossier.title, String(award.rank), award.record.kind === 'money' ? yuanOfFen(award.record.paidFen) : '—'] : [dossier.title, String(award.rank)];
          }),
        },
        button: '确认公布名单',
      };
    }
    default:
      return null;
  }
}

/**
 * The draw the admin would confirm, run dry: only whether some dossier lacks candidates (the same
 * inputs give the same answer when confirmed); its experts are never shown before confirming.
 */
function dossiersTooShortToDraw(passed: readonly Dossier[], pool: readonly ConflictExpert[], selection: Selection, seed: string, reservesPerDossier: number): string[] {
  const { rules } = selection;
  try {
    drawRound({
      dossiers: passed.filter((dossier) => selection.passedDossierIds.includes(dossier.dossierId)).map((dossier) => conflictDossierOf(dossier, rules)),
      experts: pool,
      expertsPerDossier: rules.expertsPerDossier,
      maxPerExpert: rules.maxDossiersPerExpert,
      seed,
      reservesPerDossier,
    });
    return [];
  } catch (error) {
    const details = (error as { details?: { dossiers?: { dossierId: string; candidates: number; count: number }[] } }).details;
    if (!details?.dossiers) throw error;
    return details.dossiers.map((short) => `${passed.find((dossier) => dossier.dossierId === short.dossierId)?.title ?? short.dossierId}(可抽取 ${short.candidates} 人,需 ${short.count} 人)`);
  }
}
