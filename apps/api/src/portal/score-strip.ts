/**
 * A dossier's expert totals as an inline SVG strip on a 0–100 axis: the min–max range as a bar, one
 * dot per expert, the median as a tick and the ranking aggregate as a diamond; the axis is labelled
 * 0, 25, 50, 75, 100 分. Static markup, no script.
 */
export function scoreStripSvg(totals: readonly number[], aggregate: number, median: number, disagreement: boolean, label: string): string {
  const width = 240;
  const height = 40;
  const x = (value: number) => (8 + (Math.min(Math.max(value, 0), 100) / 100) * (width - 16)).toFixed(1);
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  const colour = disagreement ? '#a4001c' : '#0b4f9c';
  const dots = totals.map((total) => `<circle cx="${x(total)}" cy="14" r="3.5" fill="${colour}" fill-opacity="0.7"><title>${total}</title></circle>`).join('');
  const diamond = `<path d="M${x(aggregate)} 6 l5 8 l-5 8 l-5 -8 z" fill="none" stroke="#1a1a1a" stroke-width="1.5"><title>${aggregate}</title></path>`;
  return [
    `<svg role="img" aria-label="${escapeXml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="strip">`,
    `<line x1="8" y1="14" x2="${width - 8}" y2="14" stroke="#c8c8c8"/>`,
    ...[0, 25, 50, 75, 100].map((tick) => `<line x1="${x(tick)}" y1="11" x2="${x(tick)}" y2="17" stroke="#767676"/><text x="${x(tick)}" y="36" font-size="10" text-anchor="middle" fill="#4a4a4a">${tick}</text>`),
    totals.length ? `<rect x="${x(min)}" y="9" width="${(Number(x(max)) - Number(x(min))).toFixed(1)}" height="10" fill="${colour}" fill-opacity="0.15" stroke="${colour}"/>` : '',
    totals.length ? `<line x1="${x(median)}" y1="6" x2="${x(median)}" y2="22" stroke="${colour}" stroke-width="2"/>` : '',
    dots,
    diamond,
    '</svg>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
