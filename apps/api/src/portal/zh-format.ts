/**
 * How the portal writes amounts, dates and sizes for Chinese readers (the API keeps fen and ISO):
 * 12,000,000.00 元, 2027年1月30日, 2027年1月30日 09:00, 1.5 MB.
 */
const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in fen as yuan with thousands separators and two decimals, e.g. 1200000000 → "12,000,000.00 元". */
export function yuanOfFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  return `${YUAN.format(fen / 100)} 元`;
}

/** An amount in fen in 万元 with two decimals, as budgets are read, e.g. 1200000000 → "1,200.00 万元". */
export function wanOfFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  return `${YUAN.format(fen / 1_000_000)} 万元`;
}

/** A calendar date "2027-01-30" as "2027年1月30日"; anything else is returned as given. */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function shanghaiParts(iso: string): Record<string, string> {
  return Object.fromEntries(SHANGHAI_PARTS.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** An instant as Beijing time to the minute, e.g. "2026年4月10日 09:00". */
export function chineseTime(iso: string): string {
  const p = shanghaiParts(iso);
  return `${chineseDate(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}`;
}

/** To the second, for the audit trail, e.g. "2026年4月10日 09:00:05". */
export function chineseSeconds(iso: string): string {
  const p = shanghaiParts(iso);
  return `${chineseDate(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}:${p.second}`;
}

/** A file size a person can read: bytes under 1 KB, then KB and MB with one decimal where it matters. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
