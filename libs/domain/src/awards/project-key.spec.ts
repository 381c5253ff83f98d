import { normaliseProjectTitle, projectKey } from './project-key';

const CODE = '91430100MA4L0XXXXD';

describe('normaliseProjectTitle', () => {
  it('ignores spaces, case, full-width forms and punctuation', () => {
    expect(normaliseProjectTitle(' 《智慧港口》AI 调度平台（一期） ')).toBe(normaliseProjectTitle('智慧港口ai调度平台(一期)'));
    expect(normaliseProjectTitle('“湘江”工业 大模型')).toBe('湘江工业大模型');
    expect(normaliseProjectTitle('ＡＩ\u200b质检')).toBe('ai质检');
  });

  it('keeps symbols and words that change the meaning', () => {
    expect(normaliseProjectTitle('AI+医疗')).not.toBe(normaliseProjectTitle('AI医疗'));
    expect(normaliseProjectTitle('平台一期')).not.toBe(normaliseProjectTitle('平台二期'));
  });
});

describe('projectKey', () => {
  it('is the same for the same applicant and title written differently', () => {
    expect(projectKey({ creditCode: CODE.toLowerCase(), title: '智慧港口 AI 调度平台' })).toBe(
      projectKey({ creditCode: CODE, title: '智慧港口ai调度平台。' }),
    );
  });

  it('differs between applicants with the same title', () => {
    expect(projectKey({ creditCode: CODE, title: '工业质检' })).not.toBe(
      projectKey({ creditCode: '914403001922038216', title: '工业质检' }),
    );
  });

  it('uses the project code instead of the title when there is one', () => {
    expect(projectKey({ creditCode: CODE, projectCode: ' XM-2026-001 ', title: '工业质检' })).toBe(
      projectKey({ creditCode: CODE, projectCode: 'xm2026001', title: '另一个名称' }),
    );
    expect(projectKey({ creditCode: CODE, projectCode: 'XM-2026-001', title: 'x' })).toBe(`${CODE}|code:xm2026001`);
    expect(projectKey({ creditCode: CODE, projectCode: '  ', title: '工业质检' })).toBe(`${CODE}|title:工业质检`);
  });

  it('refuses an invalid credit code', () => {
    expect(() => projectKey({ creditCode: '91430100MA4L0XXXXE', title: '工业质检' })).toThrow(
      expect.objectContaining({ code: 'invalid-credit-code' }),
    );
  });

  it('refuses a project with neither code nor title', () => {
    expect(() => projectKey({ creditCode: CODE, title: ' 《》 ' })).toThrow(
      expect.objectContaining({ code: 'invalid-project', kind: 'invalid' }),
    );
  });
});
