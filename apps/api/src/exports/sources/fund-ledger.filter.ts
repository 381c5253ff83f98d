import { FUND_MEASURE_ORDER } from '@app/domain/funds';
import type { FundMeasureCode } from '@app/domain/funds';
import { refuse } from '@app/domain/shared/refusal';
import type { FundLineFilter } from '@app/read-models';

/**
 * The filter of GET /funds/ledger from its query. The export interceptor answers before the
 * validation pipe runs, so the query is checked here too, with the same reasons.
 */
export function fundLineFilterOf(query: Record<string, unknown>): FundLineFilter {
  const problems: { field: string; reason: string }[] = [];
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined);
  const yearText = text('year');
  if (yearText !== undefined && !/^\d{4}$/.test(yearText)) problems.push({ field: 'year', reason: 'year 须为四位年份' });
  const measure = text('measure');
  if (measure !== undefined && !(FUND_MEASURE_ORDER as readonly string[]).includes(measure)) problems.push({ field: 'measure', reason: `measure 须为 ${FUND_MEASURE_ORDER.join('、')} 之一` });
  const creditCode = text('creditCode');
  if (creditCode !== undefined && !/^[0-9A-Za-z]{18}$/.test(creditCode)) problems.push({ field: 'creditCode', reason: 'creditCode 须为 18 位统一社会信用代码' });
  if (problems.length > 0) throw refuse('invalid-fund-ledger-query', `资金台账的筛选条件有误:${problems.map((p) => p.reason).join(';')}`, 'invalid', { problems });
  return { year: yearText === undefined ? undefined : Number(yearText), creditCode: creditCode?.toUpperCase(), measure: measure as FundMeasureCode | undefined };
}
