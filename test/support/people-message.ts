/**
 * What a person reads in an API error: Chinese, with no English sentence in it (a run of three
 * Latin-script words, the browser walk's rule), and for a 400 from validation one Chinese sentence per
 * field. The English developer text may stay in `details`.
 */
/** A run of three Latin-script words: an English sentence, on a page or in a message. */
export const LATIN_SENTENCE = /[A-Za-z]{2,}(?:[ ,;:'’]+[A-Za-z]{2,}){2,}/;
const CHINESE = /[\u3400-\u9fff]/;

export function peopleProblems(body: { message?: unknown; details?: unknown }): string[] {
  const texts: [string, unknown][] = [['message', body.message]];
  if (Array.isArray(body.details)) for (const problem of body.details as { field?: string; message?: unknown }[]) texts.push([`details[${problem.field}].message`, problem.message]);
  return texts
    .filter(([, text]) => typeof text !== 'string' || !CHINESE.test(text) || LATIN_SENTENCE.test(text))
    .map(([where, text]) => `${where}: ${String(text)}`);
}
