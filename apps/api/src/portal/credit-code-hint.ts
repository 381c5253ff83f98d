import { CREDIT_CODE_ALPHABET, CREDIT_CODE_LENGTH, normaliseCreditCode, validateCreditCode } from '@app/domain/credit-code';

/** What the registration page says about a 统一社会信用代码 while it is typed, from the domain's own check. */
export function creditCodeHint(raw: string): { valid: boolean; message: string } {
  const code = normaliseCreditCode(raw);
  if (code.length === 0) return { valid: false, message: '请填写 18 位统一社会信用代码。' };
  const position = [...code].findIndex((character) => !CREDIT_CODE_ALPHABET.includes(character));
  if (position >= 0) return { valid: false, message: `第 ${position + 1} 位“${code[position]}”不是统一社会信用代码使用的字符(不含 I、O、Z、S、V)。` };
  if (code.length < CREDIT_CODE_LENGTH) return { valid: false, message: `已输入 ${code.length} 位,还差 ${CREDIT_CODE_LENGTH - code.length} 位。` };
  if (code.length > CREDIT_CODE_LENGTH) return { valid: false, message: `已输入 ${code.length} 位,多了 ${code.length - CREDIT_CODE_LENGTH} 位。` };
  return validateCreditCode(code).valid
    ? { valid: true, message: '统一社会信用代码校验通过。' }
    : { valid: false, message: '校验位(第 18 位)不正确,请对照营业执照核对。' };
}
