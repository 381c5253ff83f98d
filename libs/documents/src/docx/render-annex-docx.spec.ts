import { renderAnnex } from '../render-annex';
import { unzip, wordParagraphTexts, zipEntryText } from '../testing/docx-reader.test-support';
import { seedAnnexes, seedOrganisationNames } from '../testing/seeds.test-support';

async function docx(annex: Parameters<typeof renderAnnex>[0]): Promise<Buffer> {
  return (await renderAnnex(annex, 'docx')).body as Buffer;
}

describe('renderAnnex as DOCX', () => {
  it('is a Word package: a zip holding word/document.xml', async () => {
    const files = unzip(await docx(seedAnnexes[3]()));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
  });

  it('holds every organisation and platform of the 2025 lists, each in its numbered paragraph', async () => {
    const paragraphs = [
      ...wordParagraphTexts(zipEntryText(await docx(seedAnnexes[1]()), 'word/document.xml')),
      ...wordParagraphTexts(zipEntryText(await docx(seedAnnexes[4]()), 'word/document.xml')),
    ];
    const missing = seedOrganisationNames().filter((name) => !paragraphs.some((text) => text.includes(name)));
    expect(missing).toEqual([]);
    expect(paragraphs).toContain('10.湖南自兴人工智能科技集团有限公司(智慧医疗)');
    expect(paragraphs).toContain('3.岳麓山工业创新中心(AI+先进制造/具身智能)');
  });

  it('has the same paragraphs as the text rendering, in the same order', async () => {
    const annex = seedAnnexes[2]();
    const text = (await renderAnnex(annex, 'txt')).body as string;
    const textLines = text.split('\n').filter((line) => line !== '').map((line) => line.replace(/^ {2}/, ''));
    const paragraphs = wordParagraphTexts(zipEntryText(await docx(annex), 'word/document.xml'));
    expect(paragraphs).toEqual(textLines);
  });

  it('sets an A4 page with the official margins, 仿宋/黑体 fonts and a "— PAGE —" footer', async () => {
    const files = unzip(await docx(seedAnnexes[1]()));
    const document = files.get('word/document.xml')!.toString('utf8');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toContain('w:eastAsia="黑体"');
    const footers = [...files.entries()].filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = footers[0][1].toString('utf8');
    expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —/);
  });
});
