import type { KeyEnterpriseAnnex } from '../annex.types';
import { layOutKeyEnterprises } from './key-enterprise.layout';

const enterprise = (name: string) => ({ organisation: name, speciality: `${name}专长` });

const annex: KeyEnterpriseAnnex = {
  kind: 'key-enterprises',
  annexNumber: 7,
  heading: '某某名单',
  tiers: [
    { name: '甲层企业', items: [enterprise('甲一'), enterprise('甲二')] },
    { name: '乙层企业', items: [enterprise('乙一')] },
    { name: '培养型企业', startsNewList: true, items: [enterprise('丙一'), enterprise('丙二')] },
  ],
};

describe('layOutKeyEnterprises', () => {
  it('numbers enterprises on across tiers, and from 1 again where a tier starts a new list', () => {
    const layout = layOutKeyEnterprises(annex);
    expect(layout.sections.map((section) => section.paragraphs)).toEqual([
      ['1.甲一(甲一专长)', '2.甲二(甲二专长)'],
      ['3.乙一(乙一专长)'],
      ['1.丙一(丙一专长)', '2.丙二(丙二专长)'],
    ]);
  });

  it('heads each tier with its Chinese ordinal and the number of enterprises it holds', () => {
    expect(layOutKeyEnterprises(annex).sections.map((section) => section.heading)).toEqual([
      '一、甲层企业(2家)',
      '二、乙层企业(1家)',
      '三、培养型企业(2家)',
    ]);
  });

  it('labels the annex with its own number and has no subtitle', () => {
    const layout = layOutKeyEnterprises(annex);
    expect([layout.label, layout.title, layout.subtitle]).toEqual(['附件7', '某某名单', null]);
  });
});
