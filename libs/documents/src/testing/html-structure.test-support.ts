const VOID_ELEMENTS = new Set(['meta', 'br', 'hr', 'img', 'link', 'input', 'col']);

/**
 * Problems that make the page ill-formed: an end tag that closes the wrong element, an element left
 * open, a raw "<" or "&" that is no tag or entity. The style sheet is skipped (CSS is not markup).
 */
export function htmlStructureProblems(html: string): string[] {
  const problems: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>\s*/i, '').replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const open: string[] = [];
  for (const [tag, closing, name] of body.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^<>]*>/g)) {
    if (VOID_ELEMENTS.has(name)) continue;
    if (!closing) {
      open.push(name);
      continue;
    }
    const expected = open.pop();
    if (expected !== name) problems.push(`${tag} closes <${expected ?? 'nothing'}>`);
  }
  problems.push(...open.map((name) => `<${name}> is never closed`));
  const text = body.replace(/<\/?[a-z][a-z0-9]*\b[^<>]*>/g, '');
  if (/[<>]/.test(text)) problems.push('a raw < or > stands in the text');
  if (/&(?!(amp|lt|gt|quot|#x27|#x60|#x3D|#39);)/.test(text)) problems.push('a raw & stands in the text');
  return problems;
}

/** What handlebars writes for a value in HTML (its default escaping). */
export function escapedAsHandlebarsDoes(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#x27;',
    '`': '&#x60;',
    '=': '&#x3D;',
  };
  return text.replace(/[&<>"'`=]/g, (character) => entities[character]);
}
