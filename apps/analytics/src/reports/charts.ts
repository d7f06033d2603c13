/** Small server-rendered SVG charts for report pages: no script, no external assets. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** What an empty section says instead of an empty chart: a blank chart reads as a broken page. */
export const NO_DATA = 'no data · 暂无数据';
const noData = (title: string) => `<figure><figcaption>${escape(title)}</figcaption><p class="no-data">${NO_DATA}</p></figure>`;

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

export function lineChart(title: string, points: ReadonlyArray<{ label: string; value: number }>, format = yuan): string {
  // A day without sales is a figure (zero); only a period without any day is no data.
  if (!points.length) return noData(title);
  const width = 640;
  const height = 220;
  const pad = 40;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => pad + (points.length > 1 ? (i * (width - 2 * pad)) / (points.length - 1) : (width - 2 * pad) / 2);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const path = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const labels = points
    .map((p, i) => `<text x="${x(i).toFixed(1)}" y="${height - 12}" font-size="10" text-anchor="middle">${escape(p.label.slice(5))}</text>`)
    .join('');
  const dots = points
    .map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3"><title>${escape(p.label)}: ${escape(format(p.value))}</title></circle>`)
    .join('');
  return `<figure><figcaption>${escape(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(title)}">
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#999"/><text x="${pad}" y="${pad - 10}" font-size="10">${escape(format(max))}</text>
<polyline points="${path}" fill="none" stroke="#b0413e" stroke-width="2"/>${dots}${labels}</svg></figure>`;
}

export function funnelChart(title: string, steps: ReadonlyArray<{ step: string; visitors: number }>): string {
  if (!steps.some((s) => s.visitors)) return noData(title);
  const width = 640;
  const bar = 28;
  const height = steps.length * (bar + 8) + 20;
  const max = Math.max(1, ...steps.map((s) => s.visitors));
  const rows = steps
    .map((s, i) => {
      const w = Math.max(2, (s.visitors / max) * (width - 260));
      const y = 10 + i * (bar + 8);
      const rate = i === 0 || !steps[i - 1].visitors ? '' : ` (${((100 * s.visitors) / steps[i - 1].visitors).toFixed(1)}%)`;
      return `<text x="0" y="${y + 18}" font-size="12">${escape(s.step)}</text><rect x="120" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="#3e6ab0"/><text x="${(126 + w).toFixed(1)}" y="${y + 18}" font-size="12">${s.visitors}${rate}</text>`;
    })
    .join('');
  return `<figure><figcaption>${escape(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(title)}">${rows}</svg></figure>`;
}

export function shareBars(title: string, parts: ReadonlyArray<{ label: string; share: number }>): string {
  if (!parts.some((p) => p.share)) return noData(title);
  const width = 640;
  const colours = ['#b0413e', '#3e6ab0', '#5a9e5a', '#c9a227', '#7d5ab0', '#4aa3a3', '#a35a7d', '#777', '#333'];
  let left = 0;
  const segments = parts
    .map((p, i) => {
      const w = p.share * width;
      const s = `<rect x="${left.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="30" fill="${colours[i % colours.length]}"><title>${escape(p.label)}: ${(100 * p.share).toFixed(1)}%</title></rect>`;
      left += w;
      return s;
    })
    .join('');
  const legend = parts.map((p, i) => `<tspan fill="${colours[i % colours.length]}">■</tspan> ${escape(p.label)} ${(100 * p.share).toFixed(1)}%  `).join('');
  return `<figure><figcaption>${escape(title)}</figcaption><svg viewBox="0 0 ${width} 60" width="${width}" height="60" role="img" aria-label="${escape(title)}">${segments}<text x="0" y="50" font-size="11">${legend}</text></svg></figure>`;
}

export { escape as escapeHtml };
