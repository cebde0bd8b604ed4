import {
  DEFAULT_RFM_THRESHOLDS,
  RFM_SEGMENTS,
  type Cohort,
  type CohortCell,
  type OfflineReport,
  type RfmSegment,
} from '@kayoi/core';
import type { Formatters, ReportLang } from './reportFormat.js';
import type { ReportText } from './reportText.js';
import { frequencyVisits, recencyDays, segmentDefinition } from './rfmDefinitions.js';
import { escapeXml as esc } from './svgCharts.js';

export interface SectionContext {
  report: OfflineReport;
  t: ReportText;
  f: Formatters;
  lang: ReportLang;
}

export { esc };

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>${body}</section>`;
}

export const paragraph = (text: string, className = '') =>
  `<p${className ? ` class="${className}"` : ''}>${esc(text)}</p>`;

export const noData = (text: string) => `<p class="nodata">${esc(text)}</p>`;

/** Tables scroll inside their own box so a wide one never widens the page on a phone. */
export const scroll = (label: string, table: string) =>
  `<div class="scroll" role="region" aria-label="${esc(label)}" tabindex="0">${table}</div>`;

/** Plain-text header and data cells; `html` cells are trusted markup built here. */
export function row(cells: readonly (string | { html: string; className?: string })[], header = false): string {
  const tag = header ? 'th' : 'td';
  return `<tr>${cells
    .map((c) =>
      typeof c === 'string'
        ? `<${tag}>${esc(c)}</${tag}>`
        : `<${tag}${c.className ? ` class="${c.className}"` : ''}>${c.html}</${tag}>`,
    )
    .join('')}</tr>`;
}

export const SEGMENT_COLOURS: Record<RfmSegment, string> = {
  champions: '#bbf7d0',
  loyal: '#d9f99d',
  potential_loyalists: '#bae6fd',
  new: '#c7d2fe',
  at_risk: '#fed7aa',
  cant_lose: '#fecaca',
  hibernating: '#e9d5ff',
  lost: '#e5e7eb',
};

/** A cell tint from white to the full colour; text turns white where the tint gets dark. */
function heatStyle(intensity: number, rgb: string): string {
  const alpha = 0.05 + 0.85 * Math.min(1, Math.max(0, intensity));
  return `background:rgba(${rgb},${alpha.toFixed(2)})${alpha > 0.55 ? ';color:#fff' : ''}`;
}

function heatmap(
  ctx: SectionContext,
  caption: string,
  value: (cell: CohortCell) => number,
  scaleMax: number,
  show: (cell: CohortCell) => { text: string; title: string },
  rgb: string,
): string {
  const { t, report } = ctx;
  const columns = Math.max(...report.cohorts.map((c) => c.cells.length));
  const head =
    `<tr><th rowspan="2" class="sticky">${esc(t.cohorts.cohort)}</th><th rowspan="2">${esc(t.cohorts.size)}</th>` +
    `<th colspan="${columns}" class="span">${esc(t.cohorts.monthsSince)}</th></tr>` +
    `<tr>${Array.from({ length: columns }, (_, k) => `<th class="center">${k}</th>`).join('')}</tr>`;
  const body = report.cohorts
    .map((cohort: Cohort) => {
      const cells = Array.from({ length: columns }, (_, k) => {
        const cell = cohort.cells[k];
        if (!cell) return '<td class="empty"></td>';
        const { text, title } = show(cell);
        const mark = cell.partial ? '*' : '';
        return `<td style="${heatStyle(value(cell) / scaleMax, rgb)}" title="${esc(title)}">${esc(text + mark)}</td>`;
      });
      return `<tr><th class="sticky">${esc(cohort.month)}</th><td>${esc(ctx.f.count(cohort.customers))}</td>${cells.join('')}</tr>`;
    })
    .join('');
  return `<h3>${esc(caption)}</h3>${scroll(caption, `<table class="heat"><thead>${head}</thead><tbody>${body}</tbody></table>`)}`;
}

export function cohortsSection(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  if (report.cohorts.length === 0) return section('cohorts', t.sections.cohorts, noData(t.noData));
  const cells = report.cohorts.flatMap((c) => c.cells);
  // Month 0 is 100 % by construction; scaling by the later months keeps their differences visible.
  const retentionMax = Math.max(0.01, ...cells.filter((c) => c.monthsSince > 0).map((c) => c.retention));
  const revenueMax = Math.max(1, ...cells.map((c) => c.cumulativeRevenuePerCustomer));
  const retention = heatmap(
    ctx,
    t.cohorts.retention,
    (c) => c.retention,
    retentionMax,
    (c) => ({
      text: f.percent(c.retention),
      title: `${f.count(c.activeCustomers)} / ${f.percent(c.retention)}`,
    }),
    '37,99,235',
  );
  const revenue = heatmap(
    ctx,
    t.cohorts.revenue,
    (c) => c.cumulativeRevenuePerCustomer,
    revenueMax,
    (c) => ({
      text: f.moneyShort(c.cumulativeRevenuePerCustomer),
      title: f.money(c.cumulativeRevenuePerCustomer),
    }),
    '5,150,105',
  );
  const partial = cells.some((c) => c.partial) ? paragraph(t.cohorts.partial, 'note') : '';
  return section('cohorts', t.sections.cohorts, paragraph(t.cohorts.intro) + retention + revenue + partial);
}

export function rfmSection(ctx: SectionContext): string {
  const { t, f, lang, report } = ctx;
  const { cells, segments } = report.rfm;
  const name = (s: RfmSegment) => t.segments[s].name;
  const fHead = [1, 2, 3, 4, 5].map(
    (s) =>
      `<th class="center">F${s}<small>${esc(t.frequencyShort(...frequencyVisits(s, s, DEFAULT_RFM_THRESHOLDS)))}</small></th>`,
  );
  const rows = [5, 4, 3, 2, 1].map((r) => {
    const tds = [1, 2, 3, 4, 5].map((fr) => {
      const cell = cells.find((c) => c.recency === r && c.frequency === fr);
      if (!cell) return '<td></td>';
      return (
        `<td class="rfmcell${cell.customers === 0 ? ' zero' : ''}" style="background:${SEGMENT_COLOURS[cell.segment]}" title="${esc(`${name(cell.segment)}: ${f.money(cell.revenue)}`)}">` +
        `<b>${esc(t.people(f.count(cell.customers)))}</b><small>${esc(f.moneyShort(cell.revenue))}</small></td>`
      );
    });
    const range = t.recencyShort(...recencyDays(r, r, DEFAULT_RFM_THRESHOLDS));
    return `<tr><th>R${r}<small>${esc(range)}</small></th>${tds.join('')}</tr>`;
  });
  const grid = `<table class="rfm"><thead><tr><th>R \\ F<small>${esc(t.rfm.corner)}</small></th>${fHead.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const legend = `<ul class="legend">${RFM_SEGMENTS.map((s) => `<li><span class="swatch" style="background:${SEGMENT_COLOURS[s]}"></span>${esc(name(s))}</li>`).join('')}</ul>`;
  const totalCustomers = segments.reduce((s, x) => s + x.customers, 0);
  const totalRevenue = segments.reduce((s, x) => s + x.revenue, 0);
  const share = (part: number, whole: number) => f.percent(whole > 0 ? part / whole : null);
  const table =
    `<table class="segments"><thead>${row([`${t.rfm.segment} / ${t.rfm.definition}`, t.rfm.customers, t.rfm.customerShare, t.rfm.revenue, t.rfm.revenueShare], true)}</thead><tbody>` +
    segments
      .map((s) =>
        row([
          {
            // The definition sits under the name, not in a column of its own, so a phone sees the numbers too.
            html:
              `<span class="swatch" style="background:${SEGMENT_COLOURS[s.segment]}"></span><b>${esc(name(s.segment))}</b>` +
              `<small>${esc(segmentDefinition(t, lang, s.segment))}</small>`,
            className: 'wrap',
          },
          f.count(s.customers),
          share(s.customers, totalCustomers),
          f.money(s.revenue),
          share(s.revenue, totalRevenue),
        ]),
      )
      .join('') +
    '</tbody></table>';
  return section(
    'rfm',
    t.sections.rfm,
    paragraph(t.rfm.intro) +
      `<h3>${esc(t.rfm.grid)}</h3>` +
      scroll(t.rfm.grid, grid) +
      legend +
      `<h3>${esc(t.rfm.table)}</h3>` +
      scroll(t.rfm.table, table),
  );
}
