import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messageForPeople, REFUSAL_MESSAGES, refusalMessage } from './refusal-messages';

/** Every non-test TypeScript source of the domain and the apps. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|test-support)\.ts$/.test(name) ? [path] : [];
  });
}

const files = [...sources(join(process.cwd(), 'libs')), ...sources(join(process.cwd(), 'apps'))];
const text = files.map((file) => ({ file, source: readFileSync(file, 'utf8') }));

/** The codes raised with refuse('code', …) or new DomainRefusal('code', …), and those the HTTP layer adds ({ code: '…' }). */
const raised = new Map<string, string>();
for (const { file, source } of text) {
  for (const match of source.matchAll(/(?:\brefuse|new DomainRefusal)\(\s*'([a-z0-9-]+)'/g)) raised.set(match[1], file);
}
for (const { file, source } of text.filter(({ file }) => file.includes('/http/'))) {
  for (const match of source.matchAll(/\{\s*code:\s*'([a-z0-9-]+)'\s*\}/g)) raised.set(match[1], file);
}

/** A run of three or more Latin-script words: an English sentence, not a format name like "PDF". */
const LATIN_SENTENCE = /[A-Za-z]+[\s,;:'-]+[A-Za-z]+[\s,;:'-]+[A-Za-z]+/;

describe('the Chinese refusal messages', () => {
  it('finds the codes the code base raises (the scan itself works)', () => {
    expect(raised.size).toBeGreaterThan(100);
    expect(raised.has('wrong-phase')).toBe(true);
    expect(raised.has('concurrent-change')).toBe(true);
  });

  it('raises every refusal with a literal code, so this catalogue can be checked', () => {
    const computed = text.filter(({ source }) => /(?:\brefuse|new DomainRefusal)\(\s*[^'\s)]/.test(source.replace(/export function refuse\([^)]*\)/, '').replace(/return new DomainRefusal\(code/, '')));
    expect(computed.map(({ file }) => file)).toEqual([]);
  });

  it('has a Chinese message for every code the domain and the API raise', () => {
    const missing = [...raised].filter(([code]) => !(code in REFUSAL_MESSAGES)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('holds no message for a code nothing raises', () => {
    expect(Object.keys(REFUSAL_MESSAGES).filter((code) => !raised.has(code))).toEqual([]);
  });

  it('says in Chinese what happened, with no English sentence in it', () => {
    for (const [code, message] of Object.entries(REFUSAL_MESSAGES)) {
      expect({ code, chinese: /[\u4e00-\u9fff]/.test(message), latin: LATIN_SENTENCE.test(message), ends: /[。!]$/.test(message) }).toEqual({
        code,
        chinese: true,
        latin: false,
        ends: true,
      });
    }
    expect(refusalMessage('a-code-nobody-raises')).toMatch(/^操作未被接受。/);
  });

  it('given a refusal whose own text is Chinese, then people read it with its particulars; given English, then the catalogue', () => {
    const held = '暂缓决定:《港口物流》(项目编号 XM-7005,本次名单)与《港口物流大模型》项目编号相同而项目名称不同。';
    expect(messageForPeople('project-identity-unclear', held)).toBe(held);
    expect(messageForPeople('invalid-credit-code', 'submissions closed on 2026-03-31; the selection is now in formal review')).toBe(refusalMessage('invalid-credit-code'));
    expect(messageForPeople('unknown-expert', '专家 abc does not exist in the expert pool')).toBe(refusalMessage('unknown-expert'));
  });
});
