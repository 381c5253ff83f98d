import type { InnovationPlatformAnnex } from '../annex.types';
import { layOutInnovationPlatforms } from './innovation-platform.layout';

const annex: InnovationPlatformAnnex = {
  kind: 'innovation-platforms',
  annexNumber: 4,
  heading: '平台名单',
  batchLabel: '第二批',
  categories: [
    { name: '研究型平台', platforms: [{ name: '甲' }, { name: '乙', direction: 'AI+制造/具身智能' }] },
    { name: '应用型平台', platforms: [{ name: '丙' }] },
  ],
};

describe('layOutInnovationPlatforms', () => {
  it('numbers platforms on across categories and prints a direction in parentheses only when there is one', () => {
    expect(layOutInnovationPlatforms(annex).sections).toEqual([
      { heading: '一、研究型平台(2个)', paragraphs: ['1.甲', '2.乙(AI+制造/具身智能)'] },
      { heading: '二、应用型平台(1个)', paragraphs: ['3.丙'] },
    ]);
  });

  it('prints the batch in parentheses under the title, and nothing without one', () => {
    expect(layOutInnovationPlatforms(annex).subtitle).toBe('(第二批)');
    expect(layOutInnovationPlatforms({ ...annex, batchLabel: undefined }).subtitle).toBeNull();
  });
});
