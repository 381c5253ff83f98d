import { refusalOf } from '../shared/refusal.test-support';
import { parseProgrammeRules } from './parse-programme-rules';
import { minimumValidReviewsOf, PROGRAMME_CODES, ProgrammeCode, isMoneyProgramme, isProgrammeCode } from './programme.types';
import { seedCallRules, seedJsonCopy, seedProgrammeJsons, seedRules } from './programmes.test-support';
import { resolveCallRules } from './resolve-call-rules';


function problemsOf(run: () => unknown): string[] {
  return (refusalOf(run).details?.problems ?? []) as string[];
}

describe('the six programme seeds', () => {
  it.each(PROGRAMME_CODES)('%s parses, with 4-6 criteria weighing 100, 5 experts and a 5-working-day notice', (code) => {
    const rules = seedRules(code);
    expect(rules.code).toBe(code);
    expect(rules.rubric.length).toBeGreaterThanOrEqual(4);
    expect(rules.rubric.length).toBeLessThanOrEqual(6);
    expect(rules.rubric.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
    expect(rules.expertsPerDossier).toBe(5);
    expect(rules.noticeWorkingDays).toBe(5);
    expect(rules.aggregation).toBe('trimmed-mean');
    expect(rules.maxExcludedExperts).toBe(3);
    expect(rules.fields.some((field) => field.code === rules.expertiseField)).toBe(true);
    expect(rules.attachments.kinds.some((kind) => kind.code === 'application-form' && kind.required)).toBe(true);
  });

  it('names the programmes as the plan does', () => {
    const names = Object.fromEntries(PROGRAMME_CODES.map((code) => [code, seedRules(code).name]));
    expect(names).toEqual({
      'key-enterprise': '十大重点企业',
      'demo-scenario': '十大示范场景',
      'vertical-model': '人工智能垂类大模型',
      dataset: '高质量数据集',
      'innovative-product': '软硬件创新产品',
      'innovation-platform': '十大重点科技创新平台',
    });
  });

  it('key enterprises come in 基础层 3, 技术层 3, 应用层 4 and 重点培养型 10', () => {
    expect(seedRules('key-enterprise').tiers.map((tier) => [tier.name, tier.quota])).toEqual([
      ['基础层', 3],
      ['技术层', 3],
      ['应用层', 4],
      ['重点培养型', 10],
    ]);
  });

  it('innovation platforms come in 研究型, 应用型 and 创新型 with quotas set per call', () => {
    expect(seedRules('innovation-platform').tiers.map((tier) => [tier.name, tier.quota])).toEqual([
      ['研究型', null],
      ['应用型', null],
      ['创新型', null],
    ]);
  });

  it('the batch programmes have one tier; ten demo scenarios, the others set per call', () => {
    const batches: ProgrammeCode[] = ['demo-scenario', 'vertical-model', 'dataset', 'innovative-product'];
    expect(batches.map((code) => seedRules(code).tiers.map((tier) => tier.quota))).toEqual([[10], [null], [null], [null]]);
  });

  it('demo scenarios pay 20 % of approved investment up to 2,000,000 CNY; models, datasets and products up to 1,000,000', () => {
    expect(seedRules('demo-scenario').award).toEqual({ kind: 'money', rateBasisPoints: 2000, capFen: 200_000_000 });
    for (const code of ['vertical-model', 'dataset', 'innovative-product'] as const) {
      expect(seedRules(code).award).toEqual({ kind: 'money', rateBasisPoints: 2000, capFen: 100_000_000 });
      expect(seedRules(code).requiresDeclaredInvestment).toBe(true);
    }
  });

  it('key enterprises and innovation platforms get policy preference and declare no investment', () => {
    for (const code of ['key-enterprise', 'innovation-platform'] as const) {
      expect(seedRules(code).award).toEqual({ kind: 'policy' });
      expect(isMoneyProgramme(seedRules(code))).toBe(false);
      expect(seedRules(code).requiresDeclaredInvestment).toBe(false);
    }
  });

  it('asks each programme for the fields the plan lists', () => {
    const names = (code: ProgrammeCode) => seedRules(code).fields.map((field) => field.name);
    expect(names('demo-scenario')).toEqual(expect.arrayContaining(['场景名称', '领域', '场景描述', '示范应用', '推广价值']));
    expect(names('key-enterprise')).toEqual(expect.arrayContaining(['企业名称', '专长']));
    expect(names('innovation-platform')).toEqual(expect.arrayContaining(['平台名称', '方向']));
    const domain = seedRules('demo-scenario').fields.find((field) => field.code === 'domain');
    expect(domain?.examples).toContain('AI+离散型制造');
  });

  it('knows its programme codes', () => {
    expect(isProgrammeCode('dataset')).toBe(true);
    expect(isProgrammeCode('future-scenario')).toBe(false);
  });
});

describe('parseProgrammeRules', () => {
  it('refuses something that is not an object', () => {
    const refusal = refusalOf(() => parseProgrammeRules('demo-scenario'));
    expect(refusal.code).toBe('invalid-programme-rules');
    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toContain('rules must be an object');
  });

  it('reports every problem at once, each with its path', () => {
    const json = seedJsonCopy('demo-scenario');
    json.expertsPerDossier = 0;
    json.aggregation = 'max';
    json.noticeWorkingDays = 2.5;
    json.colour = 'red';
    const problems = problemsOf(() => parseProgrammeRules(json));
    expect(problems).toEqual(
      expect.arrayContaining([
        'rules.colour is not a known setting (known: code, name, policyBasis, tiers, rubric, expertsPerDossier, maxDossiersPerExpert, aggregation, minimumValidReviews, disagreementSpread, minimumScore, reservesPerTier, noticeWorkingDays, award, requiresDeclaredInvestment, fields, expertiseField, attachments, maxExcludedExperts, noticeContact, declaration, stages, finalRanking)',
        'expertsPerDossier must be a whole number from 1 to 15, got 0',
        'aggregation must be one of mean, median, trimmed-mean, z-score-mean, got "max"',
        'noticeWorkingDays must be a whole number from 1 to 30, got 2.5',
      ]),
    );
    expect(refusalOf(() => parseProgrammeRules(json)).message).toContain('for demo-scenario');
  });

  it('refuses an unknown programme code', () => {
    const json = seedJsonCopy('dataset');
    json.code = 'future-scenario';
    const refusal = refusalOf(() => parseProgrammeRules(json));
    expect(refusal.message).toContain('code must be one of the six programmes, got "future-scenario"');
    expect(refusal.message).not.toContain('for key-enterprise');
  });

  it('refuses a rubric whose weights do not add up to 100', () => {
    const json = seedJsonCopy('dataset');
    (json.rubric as { weight: number }[])[0].weight = 31;
    expect(problemsOf(() => parseProgrammeRules(json))).toEqual(['rubric weights must add up to 100, they add up to 101']);
  });

  it('refuses a rubric that is not a list, and malformed criteria', () => {
    const notList = seedJsonCopy('dataset');
    notList.rubric = {};
    expect(problemsOf(() => parseProgrammeRules(notList))).toEqual(['rubric must be a list']);
    const malformed = seedJsonCopy('dataset');
    (malformed.rubric as unknown[])[0] = { code: 'Data Quality', name: '', weight: 30, maxPoints: 30, extra: 1 };
    expect(problemsOf(() => parseProgrammeRules(malformed))).toEqual(
      expect.arrayContaining([
        'rubric[0].code must be lower-case letters, digits and hyphens, starting with a letter, got "Data Quality"',
        'rubric[0].name must be a non-empty string',
        'rubric[0].extra is not a known setting (known: code, name, weight, maxPoints)',
      ]),
    );
  });

  it('refuses tiers that are missing, duplicated or without a quota setting', () => {
    const empty = seedJsonCopy('key-enterprise');
    empty.tiers = [];
    expect(problemsOf(() => parseProgrammeRules(empty))).toEqual(['tiers must list at least one tier']);
    const duplicated = seedJsonCopy('key-enterprise');
    const tiers = duplicated.tiers as Record<string, unknown>[];
    tiers[1].code = 'foundation';
    delete tiers[2].quota;
    tiers[3].quota = 101;
    expect(problemsOf(() => parseProgrammeRules(duplicated))).toEqual([
      'tiers[2].quota must be a number or null',
      'tiers[3].quota must be a whole number from 0 to 100, got 101',
      'tiers lists "foundation" more than once',
    ]);
  });

  it('a money programme must require declared investment and a policy one must not', () => {
    const money = seedJsonCopy('vertical-model');
    money.requiresDeclaredInvestment = false;
    expect(problemsOf(() => parseProgrammeRules(money))).toEqual([
      'requiresDeclaredInvestment must be true for a programme that pays a share of investment',
    ]);
    const policy = seedJsonCopy('key-enterprise');
    policy.requiresDeclaredInvestment = true;
    expect(problemsOf(() => parseProgrammeRules(policy))).toEqual([
      'requiresDeclaredInvestment can only be true for a programme that pays money',
    ]);
  });

  it('refuses an award formula that is neither policy nor money, or a money formula without rate and cap', () => {
    const unknownKind = seedJsonCopy('dataset');
    unknownKind.award = { kind: 'voucher' };
    expect(problemsOf(() => parseProgrammeRules(unknownKind))).toContain('award.kind must be "policy" or "money", got "voucher"');
    const noCap = seedJsonCopy('dataset');
    noCap.award = { kind: 'money', rateBasisPoints: 20000 };
    expect(problemsOf(() => parseProgrammeRules(noCap))).toEqual([
      'award.rateBasisPoints must be a whole number from 1 to 10000, got 20000',
      'award.capFen must be a whole number from 1 to 9007199254740991, got undefined',
    ]);
    const missing = seedJsonCopy('key-enterprise');
    delete missing.award;
    expect(problemsOf(() => parseProgrammeRules(missing))).toContain('award must be an object');
  });

  it('the expertise field must be one of the fields, and fields are well formed', () => {
    const json = seedJsonCopy('demo-scenario');
    json.expertiseField = 'sector';
    const fields = json.fields as Record<string, unknown>[];
    fields[0].required = 'yes';
    fields[1].examples = ['AI+农业', 3];
    fields.push({ ...fields[2] });
    expect(problemsOf(() => parseProgrammeRules(json))).toEqual([
      'fields[0].required must be true or false, got "yes"',
      'fields[1].examples[1] must be a non-empty string',
      'fields lists "description" more than once',
      'expertiseField must name one of the fields, got "sector"',
    ]);
    const none = seedJsonCopy('demo-scenario');
    none.fields = [];
    expect(problemsOf(() => parseProgrammeRules(none))).toEqual(
      expect.arrayContaining(['fields must list at least one field']),
    );
  });

  it('attachment limits must hold together', () => {
    const json = seedJsonCopy('dataset');
    const attachments = json.attachments as Record<string, unknown>;
    attachments.maxTotalBytes = 1000;
    attachments.maxFiles = 2;
    (attachments.kinds as Record<string, unknown>[])[0].code = 'form';
    (attachments.kinds as Record<string, unknown>[])[1].code = 'form';
    expect(problemsOf(() => parseProgrammeRules(json))).toEqual([
      'attachments.kinds lists "form" more than once',
      'attachments.maxTotalBytes must be at least maxFileBytes',
      'attachments.maxFiles must allow the 5 required attachments',
    ]);
  });

  it('a name longer than 50 characters is refused', () => {
    const json = seedJsonCopy('dataset');
    json.name = '数'.repeat(51);
    expect(problemsOf(() => parseProgrammeRules(json))).toEqual(['name must be at most 50 characters']);
  });

  it('parses every seed file as it is', () => {
    for (const code of PROGRAMME_CODES) expect(() => parseProgrammeRules(seedProgrammeJsons[code])).not.toThrow();
  });
});

describe('resolveCallRules', () => {
  it('every programme becomes a valid call once its quotas are set', () => {
    for (const code of PROGRAMME_CODES) {
      expect(seedCallRules(code).tiers.every((tier) => Number.isInteger(tier.quota))).toBe(true);
    }
  });

  it('keeps the programme defaults when the call changes nothing', () => {
    const rules = resolveCallRules(seedRules('key-enterprise'));
    expect(rules.tiers.map((tier) => tier.quota)).toEqual([3, 3, 4, 10]);
    expect(rules.minimumScore).toBe(seedRules('key-enterprise').minimumScore);
  });

  it('applies the call quotas, e.g. the 2025 first batch of platforms had 2 / 1 / 2', () => {
    const rules = resolveCallRules(seedRules('innovation-platform'), {
      quotas: { research: 2, application: 1, innovation: 2 },
    });
    expect(rules.tiers).toEqual([
      { code: 'research', name: '研究型', quota: 2 },
      { code: 'application', name: '应用型', quota: 1 },
      { code: 'innovation', name: '创新型', quota: 2 },
    ]);
  });

  it('applies scoring, notice and award overrides and ignores settings left undefined', () => {
    const rules = resolveCallRules(seedRules('vertical-model'), {
      quotas: { model: 20 },
      minimumScore: 70,
      aggregation: 'z-score-mean',
      noticeWorkingDays: 7,
      expertsPerDossier: undefined,
      award: { kind: 'money', rateBasisPoints: 1500, capFen: 80_000_000 },
    });
    expect(rules).toMatchObject({
      minimumScore: 70,
      aggregation: 'z-score-mean',
      noticeWorkingDays: 7,
      expertsPerDossier: 5,
      award: { kind: 'money', rateBasisPoints: 1500, capFen: 80_000_000 },
    });
  });

  it('a call that leaves a quota unset is refused', () => {
    const refusal = refusalOf(() => resolveCallRules(seedRules('innovation-platform'), { quotas: { research: 2 } }));
    expect(refusal.code).toBe('invalid-call-rules');
    expect(refusal.details?.problems).toEqual([
      'tiers[1].quota must be set by the call',
      'tiers[2].quota must be set by the call',
    ]);
  });

  it('a call names the office that takes objections and its phone; a bad phone is refused', () => {
    const contact = { office: '湖南省工业和信息化厅科技与信息化处', phone: '0731-88888888' };
    expect(resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, noticeContact: contact }).noticeContact).toEqual(contact);
    expect(resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 } }).noticeContact).toBeUndefined();
    expect(problemsOf(() => resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, noticeContact: { ...contact, phone: 'call us' } }))).toEqual([
      'noticeContact.phone must be a phone number of 7-20 digits, spaces or + - ( )',
    ]);
  });

  it('every dossier needs 3 valid reviews unless the call says otherwise, never more than its experts per dossier', () => {
    expect(resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 } }).minimumValidReviews).toBe(3);
    expect(resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, expertsPerDossier: 2, minimumValidReviews: 2 }).minimumValidReviews).toBe(2);
    expect(problemsOf(() => resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, expertsPerDossier: 2 }))).toEqual([
      'minimumValidReviews (3) must be at most expertsPerDossier (2): raise the experts per dossier or set a lower minimum',
    ]);
    expect(problemsOf(() => resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, minimumValidReviews: 0 }))).toEqual([
      'minimumValidReviews must be a whole number from 1 to 15, got 0',
    ]);
    // A call opened before the rule: its rules carry none, and the default is capped at its experts per dossier.
    expect(minimumValidReviewsOf({ expertsPerDossier: 5 })).toBe(3);
    expect(minimumValidReviewsOf({ expertsPerDossier: 2 })).toBe(2);
  });

  it('a call gives its own declaration text (保密承诺、回避声明) with a version; an empty one is refused', () => {
    const declaration = { version: '2026-1', paragraphs: ['本人承诺对评审材料保密。'] };
    expect(resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, declaration }).declaration).toEqual(declaration);
    expect(resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 } }).declaration).toBeUndefined();
    expect(problemsOf(() => resolveCallRules(seedRules('dataset'), { quotas: { dataset: 5 }, declaration: { version: '', paragraphs: [] } }))).toEqual([
      'declaration.version must be a non-empty string',
      'declaration.paragraphs must list 1 to 10 paragraphs',
    ]);
  });

  it('a call that selects nobody is refused', () => {
    expect(problemsOf(() => resolveCallRules(seedRules('dataset'), { quotas: { dataset: 0 } }))).toEqual([
      'tiers must select at least one',
    ]);
  });

  it('refuses an unknown setting, an unknown tier and a change of award kind', () => {
    const overrides = {
      quotas: { model: 5, platinum: 1 },
      award: { kind: 'policy' },
      deadline: '2026-03-31',
    } as unknown as Parameters<typeof resolveCallRules>[1];
    expect(problemsOf(() => resolveCallRules(seedRules('vertical-model'), overrides))).toEqual([
      'overrides.deadline is not a known setting (known: quotas, rubric, expertsPerDossier, maxDossiersPerExpert, aggregation, minimumValidReviews, disagreementSpread, minimumScore, reservesPerTier, noticeWorkingDays, award, noticeContact, declaration, stages, finalRanking)',
      'overrides.quotas.platinum is not a tier of vertical-model (tiers: model)',
      'overrides.award.kind must stay "money" for vertical-model',
      'requiresDeclaredInvestment can only be true for a programme that pays money',
    ]);
  });

  it('checks overridden values as strictly as a seed file', () => {
    expect(
      problemsOf(() =>
        resolveCallRules(seedRules('dataset'), {
          quotas: { dataset: 8 },
          expertsPerDossier: 0,
          rubric: [{ code: 'only', name: '唯一', weight: 100, maxPoints: 10 }],
        }),
      ),
    ).toEqual([
      'rubric a rubric has 4 to 6 criteria, got 1',
      'expertsPerDossier must be a whole number from 1 to 15, got 0',
    ]);
  });

  it('refuses overrides that are not an object, and quotas that are not one', () => {
    expect(refusalOf(() => resolveCallRules(seedRules('dataset'), [] as never)).message).toBe(
      'the call overrides must be an object',
    );
    expect(problemsOf(() => resolveCallRules(seedRules('dataset'), { quotas: 5 } as never))).toEqual([
      'overrides.quotas must be an object',
      'tiers[0].quota must be set by the call',
    ]);
  });
});
