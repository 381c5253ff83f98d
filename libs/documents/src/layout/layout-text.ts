import { chineseNumeral } from '../chinese-numeral';

// The plan text uses ASCII punctuation for parentheses, the item full stop and the label colon
// ("一、基础层企业(3家)", "1.", "场景描述:"); the layouts print exactly that, so the TXT output is
// identical to the published text and every other format reads the same.

/** "附件1" */
export function annexLabel(annexNumber: number): string {
  return `附件${annexNumber}`;
}

/** "一、基础层企业" for the first section. */
export function sectionHeading(position: number, text: string): string {
  return `${chineseNumeral(position)}、${text}`;
}

/** "(3家)", "(2个)": how many entries a section holds, with the measure word of its kind. */
export function countInParentheses(count: number, measureWord: string): string {
  return `(${count}${measureWord})`;
}

/** "AI+离散型制造" → "(AI+离散型制造)"; nothing when there is no text. */
export function inParentheses(text: string | undefined): string {
  return text ? `(${text})` : '';
}

/** "1." + text */
export function numberedItem(number: number, text: string): string {
  return `${number}.${text}`;
}

/** "场景描述" + ":" + text */
export function labelledParagraph(label: string, text: string): string {
  return `${label}:${text}`;
}
