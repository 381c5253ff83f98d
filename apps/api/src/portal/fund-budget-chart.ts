import { wanOfFen } from './zh-format';

export interface BudgetBar {
  readonly label: string;
  readonly budgetFen: number | null;
  readonly committedFen: number;
  readonly paidFen: number;
}

/**
 * Budget use per measure as an inline SVG (static markup, no script or inline style, so it renders
 * under the strict CSP): per measure a grey bar for the budget (where one is set), a blue bar for what
 * is committed and a green one for what is paid, on one scale, each with its amount in 万元.
 */
export function budgetChartSvg(bars: readonly BudgetBar[], caption: string): string {
  const labelWidth = 250;
  const plot = 420;
  const rowHeight = 54;
  const width = labelWidth + plot + 150;
  const height = Math.max(1, bars.length) * rowHeight + 30;
  const scale = Math.max(1, ...bars.map((bar) => Math.max(bar.budgetFen ?? 0, bar.committedFen, bar.paidFen)));
  const w = (fen: number) => Math.max(fen > 0 ? 1 : 0, (fen / scale) * plot).toFixed(1);
  const rows = bars.map((bar, index) => {
    const y = 10 + index * rowHeight;
    const parts = [
      `<text x="0" y="${y + 22}" font-size="13" fill="#1a1a1a">${escapeXml(bar.label)}</text>`,
      bar.budgetFen === null
        ? `<text x="${labelWidth}" y="${y + 11}" font-size="11" fill="#4a4a4a">未设预算</text>`
        : `<rect x="${labelWidth}" y="${y}" width="${w(bar.budgetFen)}" height="14" fill="#d0d0d0"><title>年度预算 ${wanOfFen(bar.budgetFen)}</title></rect><text x="${labelWidth + Number(w(bar.budgetFen)) + 6}" y="${y + 11}" font-size="11" fill="#4a4a4a">预算 ${wanOfFen(bar.budgetFen)}</text>`,
      `<rect x="${labelWidth}" y="${y + 16}" width="${w(bar.committedFen)}" height="14" fill="#0b4f9c"><title>已安排 ${wanOfFen(bar.committedFen)}</title></rect><text x="${labelWidth + Number(w(bar.committedFen)) + 6}" y="${y + 27}" font-size="11" fill="#0b4f9c">已安排 ${wanOfFen(bar.committedFen)}</text>`,
      `<rect x="${labelWidth}" y="${y + 32}" width="${w(bar.paidFen)}" height="14" fill="#1b6e2d"><title>已拨付 ${wanOfFen(bar.paidFen)}</title></rect><text x="${labelWidth + Number(w(bar.paidFen)) + 6}" y="${y + 43}" font-size="11" fill="#1b6e2d">已拨付 ${wanOfFen(bar.paidFen)}</text>`,
    ];
    return parts.join('');
  });
  const summary = bars.map((bar) => `${bar.label}:${bar.budgetFen === null ? '未设预算' : `预算 ${wanOfFen(bar.budgetFen)}`},已安排 ${wanOfFen(bar.committedFen)},已拨付 ${wanOfFen(bar.paidFen)}`).join(';');
  return [
    `<svg role="img" aria-label="${escapeXml(`${caption}。${summary}`)}" viewBox="0 0 ${width} ${height}" width="100%" class="budget-chart">`,
    ...rows,
    `<text x="${labelWidth}" y="${height - 6}" font-size="11" fill="#4a4a4a">灰色:年度预算 · 蓝色:已安排 · 绿色:已拨付(同一比例尺)</text>`,
    '</svg>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
