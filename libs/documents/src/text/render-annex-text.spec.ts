import type { AnnexLayout } from '../layout/annex-layout.types';
import { renderAnnexText } from './render-annex-text';

const layout: AnnexLayout = {
  label: '附件9',
  title: '“标题” & <名单>',
  subtitle: '(首批)',
  sections: [
    { heading: '一、甲类(1个)', paragraphs: ['1.A&B <公司> "引号"'] },
    { heading: '二、乙类(0个)', paragraphs: [] },
  ],
};

describe('renderAnnexText', () => {
  it('writes every line once, a blank line between them, body lines indented by two spaces', () => {
    expect(renderAnnexText(layout)).toBe(
      [
        '  附件9',
        '',
        '“标题” & <名单>',
        '',
        '(首批)',
        '',
        '  一、甲类(1个)',
        '',
        '  1.A&B <公司> "引号"',
        '',
        '  二、乙类(0个)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the subtitle line and its blank line when there is none', () => {
    expect(renderAnnexText({ ...layout, subtitle: null, sections: [] })).toBe('  附件9\n\n“标题” & <名单>\n');
  });
});
