import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ProgrammeRules } from '@app/domain/programmes';
import { DeclareConflictRequest } from '../reviews/experts/declare-conflict/declare-conflict.request.dto';
import { RegisterExpertRequest } from '../reviews/experts/register-expert/register-expert.request.dto';
import { fieldsOf } from './admin-experts-pages.controller';
import { eventSummary, EVENT_NAMES } from './audit-summary';
import { overridesFromForm, programmeRuleForm } from './open-call-form';
import { fieldErrorsInChinese } from './portal-zh';

const rules = {
  code: 'innovation-platform',
  name: '十大重点科技创新平台',
  policyBasis: '附件5',
  tiers: [
    { code: 'research', name: '研究型', quota: null },
    { code: 'application', name: '应用型', quota: 2 },
  ],
  rubric: [{ code: 'technology', name: '技术先进性', weight: 100, maxPoints: 100 }],
  expertsPerDossier: 5,
  maxDossiersPerExpert: 15,
  aggregation: 'trimmed-mean',
  disagreementSpread: 25,
  minimumScore: 60,
  reservesPerTier: 1,
  noticeWorkingDays: 5,
  minimumValidReviews: 3,
  award: { kind: 'money', rateBasisPoints: 2000, capFen: 200_000_000 },
} as unknown as ProgrammeRules;

describe('the open-call form', () => {
  it('shows the programme defaults and marks a quota without a default as required', () => {
    const form = programmeRuleForm(rules, true, {}, {});
    expect(form.quotas.map((quota) => [quota.label, quota.value, quota.required])).toEqual([
      ['研究型名额', '', true],
      ['应用型名额', '2', false],
    ]);
    expect(form.numbers.find((input) => input.name === 'rule_innovation-platform_minimumScore')?.value).toBe('60');
    expect(form.award?.rate.value).toBe('20');
    expect(form.award?.cap.value).toBe('200');
  });

  it('sends only what differs from the defaults as overrides', () => {
    const body = {
      'quota_innovation-platform_research': '3',
      'quota_innovation-platform_application': '2',
      'rule_innovation-platform_minimumScore': '65',
      'rule_innovation-platform_expertsPerDossier': '5',
      'rule_innovation-platform_aggregation': 'trimmed-mean',
      'rule_innovation-platform_awardRatePercent': '20',
      'rule_innovation-platform_awardCapWan': '150',
    };
    expect(overridesFromForm(rules, body)).toEqual({
      overrides: { quotas: { research: 3 }, minimumScore: 65, award: { kind: 'money', rateBasisPoints: 2000, capFen: 150_000_000 } },
      errors: {},
    });
  });

  it('offers the valid-review minimum (有效评审意见不少于 3 份 by default) and sends it when changed', () => {
    const form = programmeRuleForm(rules, true, {}, {});
    expect(form.numbers.find((input) => input.name === 'rule_innovation-platform_minimumValidReviews')).toMatchObject({ value: '3', defaultText: '默认 3' });
    const body = { 'quota_innovation-platform_research': '3', 'rule_innovation-platform_expertsPerDossier': '7', 'rule_innovation-platform_minimumValidReviews': '5' };
    expect(overridesFromForm(rules, body).overrides).toEqual({ quotas: { research: 3 }, expertsPerDossier: 7, minimumValidReviews: 5 });
  });

  it('says in Chinese, beside both fields, when fewer experts per dossier than valid reviews are asked for', () => {
    const { errors } = overridesFromForm(rules, { 'quota_innovation-platform_research': '3', 'rule_innovation-platform_expertsPerDossier': '2' });
    const message = '每个项目的评审专家人数(2)少于至少的有效评审意见数(3):请增加专家人数,或同时降低有效评审意见数。';
    expect(errors).toEqual({ expertsPerDossier: message, minimumValidReviews: message });
  });

  it('refuses a required quota left empty and numbers that are not numbers, in Chinese', () => {
    const { errors } = overridesFromForm(rules, { 'rule_innovation-platform_reservesPerTier': '1.5', 'rule_innovation-platform_minimumScore': '六十' });
    expect(errors).toEqual({ 'quota.research': '请填写研究型名额', reservesPerTier: '每类候补项目数须为整数', minimumScore: '入围最低分须为数字' });
  });
});

describe('the expert pool forms', () => {
  it('splits the fields of expertise on 顿号, commas and new lines', () => {
    expect(fieldsOf('人工智能、AI+交通, 算力芯片,\n数据集;')).toEqual(['人工智能', 'AI+交通', '算力芯片', '数据集']);
  });

  it('says each problem of a registration next to its field, in Chinese', async () => {
    const request = plainToInstance(RegisterExpertRequest, { name: '', organisationName: '中南大学', organisationCreditCode: '123', fields: [], username: 'x', password: 'short' });
    const labels = { name: '姓名', organisationCreditCode: '工作单位统一社会信用代码', fields: '专业领域', username: '登录用户名', password: '初始密码' };
    expect(fieldErrorsInChinese(await validate(request), labels)).toEqual({
      name: '请填写姓名',
      organisationCreditCode: '工作单位统一社会信用代码应为 18 位',
      fields: '请至少填写一项专业领域',
      username: '登录用户名格式不正确',
      password: '初始密码应为 10–200 个字符',
    });
    const conflict = plainToInstance(DeclareConflictRequest, { creditCode: '91430100MA4L16JQ0H', reason: '' });
    expect(fieldErrorsInChinese(await validate(conflict), { reason: '回避理由' })).toEqual({ reason: '请填写回避理由' });
  });
});

describe('the audit page', () => {
  const names = { expert: (id: string) => ({ e1: '李四', e2: '王五' })[id] ?? id, dossier: (id: string) => `《${id.toUpperCase()}》` };

  it('names every event type the selection, dossier and expert streams record', () => {
    for (const type of ['SelectionOpened', 'ReplacementAssignmentsPlanned', 'ShortlistEntryDropped', 'ExpertRecused', 'ConflictDeclared', 'DeclarationSigned', 'FutureScenariosPublished']) {
      expect(EVENT_NAMES[type]).toBeDefined();
    }
  });

  it('summarises a replacement round, a recusal and a 递补 in words with names', () => {
    const round = { round: 2, seed: 's', assignedCount: 2, assignedPerExpert: { e1: 1, e2: 1 }, unfilledPlaces: 1, unfilledDossierIds: ['b'] };
    expect(eventSummary('ReplacementAssignmentsPlanned', round, names)).toBe('第 2 轮,新分配 2 人次(李四、王五),仍缺 1 个名额;随机种子 s');
    // As recorded before the pairs left the selection stream: read through the upcast, same words.
    const older = { round: 2, seed: 's', assignments: [{ dossierId: 'a', expertId: 'e2', fieldMatch: true }], unfilled: [], loads: {} };
    expect(eventSummary('ReplacementAssignmentsPlanned', older, names)).toBe('第 2 轮,新分配 1 人次(王五),名额已配齐;随机种子 s');
    expect(eventSummary('ScoreInvalidated', { dossierId: 'a', expertId: 'e2', total: 82, reason: '意见缺失', invalidatedAt: 'x' }, names)).toBe('王五 的评分(总分 82)不再计入;理由:意见缺失');
    expect(eventSummary('DossierMarkedNotEvaluable', { dossierId: 'a', validReviews: 2, minimum: 3, reason: '无可补充专家', markedAt: 'x' }, names)).toBe('有效评审意见 2 份(须 3 份),不参加排名;理由:无可补充专家');
    expect(eventSummary('DeclarationSigned', { selectionId: 's', expertId: 'e1', version: '默认文本-1', paragraphs: ['一', '二', '三'], signedAt: 'x' }, names)).toBe('李四 签署声明(文本版本 默认文本-1,共 3 段)');
    expect(eventSummary('ExpertRecused', { dossierId: 'a', expertId: 'e1', reason: '回避: 曾任职', scoreDiscarded: true }, names)).toBe('李四;理由:回避: 曾任职;已评分数作废');
    expect(eventSummary('ShortlistEntryDropped', { dossierId: 'a', promoted: { dossierId: 'b', rank: 2 } }, names)).toBe('《A》 因异议成立撤出名单;递补:《B》');
    expect(eventSummary('SelectionOpened', { title: '2026年十大示范场景', quotas: [{ tier: 'scenario', name: '示范场景', quota: 1 }], overrides: { quotas: { scenario: 1 } }, submissionDeadlineDate: '2026-03-31' })).toBe(
      '2026年十大示范场景;名额:示范场景 1 个;申报截止 2026年3月31日;本次调整了:quotas',
    );
  });

  it('survives data of an unexpected shape and unknown types', () => {
    expect(eventSummary('ExpertReviewStarted', null)).toBe('第 1 轮,新分配 0 人次,名额已配齐;随机种子 ');
    expect(eventSummary('SomethingNew', { a: 1 })).toBe('');
  });
});
