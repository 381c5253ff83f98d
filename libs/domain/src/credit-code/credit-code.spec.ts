import { DomainRefusal } from '../shared/refusal';
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  assertCreditCode,
  creditCodeCheckCharacter,
  normaliseCreditCode,
  validateCreditCode,
} from './credit-code';

/*
 * Hand check of 914403001922038216 (a published code):
 *   digits   9  1  4  4  0  3  0  0  1  9  2  2  0  3  8  2  1
 *   weights  1  3  9 27 19 26 16 17 20 29 25 13  8 24 10 30 28
 *   products 9  3 36 108 0 78  0  0 20 261 50 26 0 72 80 60 28 → sum 831
 *   831 mod 31 = 25, 31 − 25 = 6 → check character '6'.
 * Hand check of 91430100MA4L0XXXXD (made up, letters M=21 A=10 L=20 X=29):
 *   products 9 3 36 81 0 26 0 0 420 290 100 260 0 696 290 870 812 → sum 3893
 *   3893 mod 31 = 18, 31 − 18 = 13 → 'D'.
 * Hand check of 914301030000000260: sum 434 = 14 × 31, 31 − 0 = 31, written as '0'.
 */
const validCodes = [
  '914403001922038216', // published code of a Shenzhen enterprise
  '91440300708461136T', // published code of a Shenzhen enterprise, check character is a letter
  '91110000802100433B', // published code of a Beijing enterprise
  '12100000400000624D', // published code of a public institution (registration authority 1)
  '91430100MA4L0XXXXD', // made-up Changsha code with letters in the identifier
  '914301030000000260', // made-up code whose weighted sum is a multiple of 31
  '91430103000000016Y', // made-up code whose check character is the last of the alphabet
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  describe('given the standard alphabet and weights', () => {
    it('uses 31 characters without I, O, Z, S or V', () => {
      expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
      for (const letter of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
    });

    it('weights position i by 3^i mod 31', () => {
      expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
    });
  });

  describe('when a code has the right check character', () => {
    it.each(validCodes)('accepts %s', (code) => {
      expect(validateCreditCode(code)).toEqual({ valid: true, code });
    });

    it('accepts it with surrounding spaces, lower case and full-width characters, and returns it normalised', () => {
      expect(validateCreditCode('  91430100ma4l0xxxxd ')).toEqual({ valid: true, code: '91430100MA4L0XXXXD' });
      expect(validateCreditCode('９１４４０３００１９２２０３８２１６')).toEqual({ valid: true, code: '914403001922038216' });
    });

    it('computes the check character of a 17-character body', () => {
      for (const code of validCodes) expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    });
  });

  describe('when a code is malformed', () => {
    it('refuses an empty code', () => {
      expect(validateCreditCode('   ')).toEqual({ valid: false, reason: 'credit code is empty; it has 18 characters' });
    });

    it.each([
      ['91440300708461136', 17],
      ['91440300708461136TT', 19],
      ['9144030070846113', 16],
    ])('refuses %s, which has %i characters', (code, length) => {
      expect(validateCreditCode(code)).toEqual({
        valid: false,
        reason: `credit code ${code} has ${length} characters, expected 18`,
      });
    });

    it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the forbidden letter %s and says where it is', (letter) => {
      const code = `91430100MA4${letter}0XXXXD`;
      const result = validateCreditCode(code);
      expect(result).toEqual({
        valid: false,
        reason: `credit code ${code} has '${letter}' at position 12; the letters I, O, Z, S and V are never used`,
      });
    });

    it('refuses punctuation and other characters outside the alphabet', () => {
      expect(validateCreditCode('91430100-A4L0XXXXD')).toEqual({
        valid: false,
        reason: "credit code 91430100-A4L0XXXXD has '-' at position 9; only digits and capital letters are used",
      });
    });

    it('refuses a wrong check character and names the expected one', () => {
      expect(validateCreditCode('914403001922038217')).toEqual({
        valid: false,
        reason: 'credit code 914403001922038217 has check character 7, expected 6; a character is probably mistyped',
      });
    });

    it('detects a single mistyped character in the body', () => {
      // the 10th character 9 typed as 8
      expect(validateCreditCode('914403001822038216').valid).toBe(false);
    });

    it('detects two swapped neighbouring characters', () => {
      expect(validateCreditCode('914403001922038126').valid).toBe(false);
    });
  });

  describe('assertCreditCode', () => {
    it('returns the normalised code when it is valid', () => {
      expect(assertCreditCode(' 91440300708461136t')).toBe('91440300708461136T');
    });

    it('throws an invalid-credit-code refusal carrying the reason', () => {
      const call = () => assertCreditCode('914403001922038217');
      expect(call).toThrow(DomainRefusal);
      expect(call).toThrow(expect.objectContaining({
        code: 'invalid-credit-code',
        kind: 'invalid',
        message: 'credit code 914403001922038217 has check character 7, expected 6; a character is probably mistyped',
      }));
    });
  });

  describe('creditCodeCheckCharacter', () => {
    it('refuses a body that is not 17 characters of the alphabet', () => {
      expect(() => creditCodeCheckCharacter('9144030070846113')).toThrow(
        expect.objectContaining({ code: 'invalid-credit-code', kind: 'invalid' }),
      );
      expect(() => creditCodeCheckCharacter('9144030070846113O')).toThrow(/position 17/);
    });
  });

  describe('normaliseCreditCode', () => {
    it('trims, upper-cases and folds full-width characters without validating', () => {
      expect(normaliseCreditCode(' ９ａb ')).toBe('9AB');
    });
  });
});
