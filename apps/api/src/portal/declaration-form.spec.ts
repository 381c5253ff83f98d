import { DEFAULT_DECLARATION } from '@app/domain/commitments';
import { declarationDefaults, declarationFromForm } from './declaration-form';

const form = (declarationText: string, declarationVersion = DEFAULT_DECLARATION.version) => ({ declarationText, declarationVersion });

describe('the open-call form\'s 保密承诺、回避声明', () => {
  it('is prefilled with the default text, one paragraph a line, and its version; sent back unchanged it overrides nothing', () => {
    const defaults = declarationDefaults();
    expect(defaults.declarationText.split('\n')).toEqual(DEFAULT_DECLARATION.paragraphs);
    expect(declarationFromForm(defaults)).toEqual({ errors: {} });
    expect(declarationFromForm({ ...defaults, declarationText: `\r\n  ${defaults.declarationText.replace(/\n/g, '\r\n\r\n')}  ` })).toEqual({ errors: {} });
    expect(declarationFromForm({})).toEqual({ errors: {} });
  });

  it('a changed text with its own version becomes the call\'s declaration', () => {
    expect(declarationFromForm(form('本人承诺:对评审材料严格保密。\n本人声明:与申报单位无利益关系。', '2026-1'))).toEqual({
      declaration: { version: '2026-1', paragraphs: ['本人承诺:对评审材料严格保密。', '本人声明:与申报单位无利益关系。'] },
      errors: {},
    });
  });

  it('an empty text, more than 10 paragraphs, a paragraph over 1,000 characters, a changed text under the default version, or a bad version is said beside its field', () => {
    expect(declarationFromForm(form('  \n ', '2026-1')).errors).toEqual({ declarationText: expect.stringContaining('请填写') });
    expect(declarationFromForm(form(Array.from({ length: 11 }, (_, i) => `第${i}段`).join('\n'), '2026-1')).errors.declarationText).toContain('最多 10 段');
    expect(declarationFromForm(form('长'.repeat(1001), '2026-1')).errors.declarationText).toContain('不超过 1000 字');
    expect(declarationFromForm(form('本人承诺保密。')).errors).toEqual({ declarationVersion: expect.stringContaining('请填写新的版本号') });
    expect(declarationFromForm(form('本人承诺保密。', '')).errors.declarationVersion).toContain('版本号');
    expect(declarationFromForm(form('本人承诺保密。', 'v'.repeat(31))).errors.declarationVersion).toContain('1 至 30 个字符');
  });
});
