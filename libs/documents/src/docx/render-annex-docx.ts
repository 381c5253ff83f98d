import type { Paragraph } from 'docx';
import type { AnnexLayout } from '../layout/annex-layout.types';
import {
  bodyParagraph,
  headingParagraph,
  labelParagraph,
  packOfficialDocument,
  subtitleParagraph,
  titleParagraph,
} from './official-document';

export function renderAnnexDocx(layout: AnnexLayout): Promise<Buffer> {
  const children: Paragraph[] = [
    labelParagraph(layout.label),
    titleParagraph(layout.title, layout.subtitle === null),
    ...(layout.subtitle === null ? [] : [subtitleParagraph(layout.subtitle)]),
    ...layout.sections.flatMap((section) => [
      headingParagraph(section.heading),
      ...section.paragraphs.map(bodyParagraph),
    ]),
  ];
  return packOfficialDocument(`${layout.label} ${layout.title}`, children);
}
