import { DEFAULT_DECLARATION } from '@app/domain/commitments';
import type { DeclarationText } from '@app/domain/commitments';

/**
 * The open-call form's 保密承诺、回避声明: one paragraph a line, prefilled with the default text and
 * version. Only a changed text is sent as the call's `declaration` override, and then it needs a
 * version of its own, so a signature always says which wording the expert signed.
 */
export const DECLARATION_TEXT_FIELD = 'declarationText';
export const DECLARATION_VERSION_FIELD = 'declarationVersion';

/** The rules the domain applies (read-rules.ts), said here beside the fields in Chinese. */
const MAX_PARAGRAPHS = 10;
const MAX_PARAGRAPH_LENGTH = 1000;
const MAX_VERSION_LENGTH = 30;

export const declarationDefaults = (): { declarationText: string; declarationVersion: string } => ({
  declarationText: DEFAULT_DECLARATION.paragraphs.join('\n'),
  declarationVersion: DEFAULT_DECLARATION.version,
});

const paragraphsOf = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function declarationFromForm(body: Record<string, unknown>): { declaration?: DeclarationText; errors: Record<string, string> } {
  const rawText = typeof body[DECLARATION_TEXT_FIELD] === 'string' ? (body[DECLARATION_TEXT_FIELD] as string) : undefined;
  const version = typeof body[DECLARATION_VERSION_FIELD] === 'string' ? (body[DECLARATION_VERSION_FIELD] as string).trim() : DEFAULT_DECLARATION.version;
  // A form without the field (an older page) keeps the default text.
  if (rawText === undefined) return { errors: {} };
  const paragraphs = paragraphsOf(rawText);
  const same = paragraphs.length === DEFAULT_DECLARATION.paragraphs.length && paragraphs.every((paragraph, i) => paragraph === DEFAULT_DECLARATION.paragraphs[i]);
  if (same && version === DEFAULT_DECLARATION.version) return { errors: {} };
  const errors: Record<string, string> = {};
  if (paragraphs.length === 0) errors[DECLARATION_TEXT_FIELD] = '请填写专家须签署的保密承诺和回避声明,每行一段;不修改时保留默认文本。';
  else if (paragraphs.length > MAX_PARAGRAPHS) errors[DECLARATION_TEXT_FIELD] = `声明最多 ${MAX_PARAGRAPHS} 段(每行一段),请合并或删减。`;
  else if (paragraphs.some((paragraph) => paragraph.length > MAX_PARAGRAPH_LENGTH)) errors[DECLARATION_TEXT_FIELD] = `每段不超过 ${MAX_PARAGRAPH_LENGTH} 字,请拆分过长的段落。`;
  if (version === '' || version.length > MAX_VERSION_LENGTH) errors[DECLARATION_VERSION_FIELD] = `请填写 1 至 ${MAX_VERSION_LENGTH} 个字符的文本版本号(例如 2026-1)。`;
  else if (!same && version === DEFAULT_DECLARATION.version) errors[DECLARATION_VERSION_FIELD] = `声明文本已修改,请填写新的版本号(例如 2026-1),不要沿用“${DEFAULT_DECLARATION.version}”。`;
  if (Object.keys(errors).length > 0) return { errors };
  return { declaration: { version, paragraphs }, errors };
}
