import { refuse } from '../shared/refusal';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), administrative division (6),
 * organisation identifier (9), check character (1). The alphabet is the 31 characters below — digits
 * and capital letters without I, O, Z, S and V, which are too easily misread as 1, 0, 2, 5 and U.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

const MODULUS = CREDIT_CODE_ALPHABET.length; // 31
const FORBIDDEN_LETTERS = new Set(['I', 'O', 'Z', 'S', 'V']);

/** Weight of position i (0-based) is 3^i mod 31: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: CREDIT_CODE_LENGTH - 1 }).reduce<number[]>(
  (weights, _, i) => [...weights, i === 0 ? 1 : (weights[i - 1] * 3) % MODULUS],
  [],
);

export type CreditCodeValidation = { valid: true; code: string } | { valid: false; reason: string };

/**
 * Trims, upper-cases and folds full-width characters (１２Ａ → 12A, as typed by Chinese input methods),
 * without judging whether the result is a valid code.
 */
export function normaliseCreditCode(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

/**
 * The check character for the first 17 characters of a code. Useful to build valid codes for
 * demo data and tests; refuses input that is not 17 characters of the alphabet.
 */
export function creditCodeCheckCharacter(first17: string): string {
  const body = normaliseCreditCode(first17);
  const problem = bodyProblem(body, CREDIT_CODE_LENGTH - 1);
  if (problem) throw refuse('invalid-credit-code', problem, 'invalid');
  return checkCharacterOf(body);
}

export function validateCreditCode(raw: string): CreditCodeValidation {
  const code = normaliseCreditCode(raw);
  const problem = bodyProblem(code, CREDIT_CODE_LENGTH);
  if (problem) return { valid: false, reason: problem };
  const expected = checkCharacterOf(code.slice(0, CREDIT_CODE_LENGTH - 1));
  const actual = code[CREDIT_CODE_LENGTH - 1];
  if (actual !== expected) {
    return {
      valid: false,
      reason: `credit code ${code} has check character ${actual}, expected ${expected}; a character is probably mistyped`,
    };
  }
  return { valid: true, code };
}

/** The normalised code, or a refusal (`invalid-credit-code`, kind invalid) that says what is wrong. */
export function assertCreditCode(raw: string): string {
  const result = validateCreditCode(raw);
  if (!result.valid) throw refuse('invalid-credit-code', result.reason, 'invalid');
  return result.code;
}

function bodyProblem(code: string, length: number): string | null {
  if (code.length === 0) return 'credit code is empty; it has 18 characters';
  if (code.length !== length) {
    return `credit code ${code} has ${code.length} characters, expected ${length}`;
  }
  for (let position = 0; position < code.length; position += 1) {
    const character = code[position];
    if (CREDIT_CODE_ALPHABET.includes(character)) continue;
    const why = FORBIDDEN_LETTERS.has(character)
      ? 'the letters I, O, Z, S and V are never used'
      : 'only digits and capital letters are used';
    return `credit code ${code} has '${character}' at position ${position + 1}; ${why}`;
  }
  return null;
}

/** C18 = 31 − (Σ value(Ci) × Wi mod 31), where 31 itself is written as 0. */
function checkCharacterOf(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    sum += CREDIT_CODE_ALPHABET.indexOf(body[i]) * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(MODULUS - (sum % MODULUS)) % MODULUS];
}
