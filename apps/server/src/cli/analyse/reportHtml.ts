import type { OfflineReport } from '@kayoi/core';
import { formattersFor, type ReportCurrency, type ReportLang } from './reportFormat.js';
import { atRiskSection, clvSection, forecastSection, paretoSection } from './reportPredictions.js';
import {
  cohortsSection,
  esc,
  paragraph,
  rfmSection,
  row,
  scroll,
  section,
  type SectionContext,
} from './reportSections.js';
import { reportText } from './reportText.js';

export interface ReportHtmlOptions {
  lang: ReportLang;
  currency: ReportCurrency;
  /** The input file's name as the user knows it (shown, escaped). */
  sourceName: string;
  generatedAt: Date;
}

// One stylesheet inline: the file must look the same opened from a mail attachment with no network.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f4f5f7;color:#1f2937;line-height:1.6;font-size:16px;
font-family:system-ui,-apple-system,"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI",Meiryo,sans-serif}
main{max-width:1100px;margin:0 auto;padding:12px 12px 32px}
header.top{padding:8px 4px 4px}
h1{font-size:1.5rem;line-height:1.3;margin:.2em 0 .4em}
h2{font-size:1.2rem;line-height:1.35;margin:0 0 .6em;padding-bottom:.3em;border-bottom:2px solid #e5e7eb}
h3{font-size:1rem;margin:1.2em 0 .4em}
p{margin:.4em 0 .8em}
.meta{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 12px;font-size:.9rem;color:#4b5563}
.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
section{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:14px 12px;margin:14px 0;min-width:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:10px}
.card{border:1px solid #e5e7eb;border-radius:8px;padding:10px 12px;background:#f9fafb;min-width:0}
.card .label{font-size:.8rem;color:#4b5563;line-height:1.35}
.card .value{font-size:clamp(1.15rem,4.8vw,1.55rem);font-weight:700;font-variant-numeric:tabular-nums;overflow-wrap:anywhere;line-height:1.3;margin-top:4px}
.card .value.long{font-size:clamp(1rem,4.1vw,1.3rem)}
.scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch;margin:0 0 .6em}
.scroll:focus{outline:2px solid #93c5fd}
table{border-collapse:collapse;font-size:.875rem;font-variant-numeric:tabular-nums}
th,td{padding:5px 8px;border-bottom:1px solid #eef0f3;text-align:right;white-space:nowrap;vertical-align:top}
th{font-weight:600;color:#374151;background:#f9fafb}
th:first-child,td:first-child{text-align:left}
th.center,td.center{text-align:center}
td small,th small{display:block;font-size:.75rem;color:#6b7280;font-weight:400}
td.wrap{white-space:normal;min-width:13em;max-width:26em;text-align:left}
td.wrap small{font-size:.75rem;line-height:1.45;margin-top:2px}
table.wraphead th{white-space:normal;min-width:5em}
table.heat td,table.heat th{padding:4px 6px;font-size:.8125rem}
table.heat td{text-align:center;border:1px solid #fff}
table.heat td.empty{background:#fafafa}
table.heat .sticky{position:sticky;left:0;z-index:1;background:#fff}
table.heat th.span{text-align:left}
table.rfm{margin:0 auto}
table.rfm td{text-align:center;border:2px solid #fff;min-width:46px;padding:5px 2px}
table.rfm th{padding:5px 3px}
table.rfm th small{font-size:.6875rem}
table.rfm td b{display:block;font-size:.875rem}
table.rfm td small{color:#374151}
table.rfm td.zero,table.rfm td.zero small{color:#6b7280;font-weight:400}
table.rfm th{text-align:center}
td.range small{color:#6b7280}
td.range.money small{white-space:normal}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.12)}
ul.legend{list-style:none;padding:0;margin:.6em 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.8125rem}
figure{margin:0 auto .6em;max-width:600px}
svg.chart{display:block;width:100%;height:auto}
.lead{font-weight:600}
.note,.nodata{color:#6b7280;font-size:.8125rem}
.nodata{padding:18px;text-align:center;background:#f9fafb;border-radius:8px}
.warn{background:#fff7e6;border-left:4px solid #f59e0b;padding:8px 12px;border-radius:4px;margin:.6em 0}
.warn strong{display:block}
.model-name{font-size:1.1rem;font-weight:700}
footer{color:#4b5563;font-size:.8125rem;padding:4px}
footer ul{padding-left:1.2em;margin:.3em 0}
.pair{min-width:0}
@media (min-width:900px){main{padding:24px}section{padding:18px 24px}.cards{grid-template-columns:repeat(4,1fr)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:14px}.pair>section{margin:0}.pair{margin:14px 0}
.split{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:24px;align-items:start}}
@media print{body{background:#fff}section{break-inside:avoid;border:none}}
`;

const MODEL_NAMES: Record<string, string> = { 'bg-nbd': 'BG/NBD', 'pareto-nbd': 'Pareto/NBD' };
const PARAM_NAMES: Record<string, string> = { alpha: 'α', beta: 'β' };
const modelName = (name: string) => MODEL_NAMES[name] ?? name;

function header(ctx: SectionContext, options: ReportHtmlOptions): string {
  const { t, f, report } = ctx;
  const items: [string, string][] = [
    [t.source, options.sourceName],
    [t.period, `${report.firstDate} – ${report.endDate}`],
    [t.generated, f.dateTime(options.generatedAt)],
  ];
  return (
    `<header class="top"><h1>${esc(t.title)}</h1><dl class="meta">` +
    items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('') +
    `</dl><p class="note">${esc(t.volume(f.count(report.transactions), f.count(report.visitDays)))}</p></header>`
  );
}

function keyNumbers(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  const clvs = report.perCustomer.map((c) => c.predictedClv1y).filter((v): v is number => v !== null);
  const averageClv = clvs.length > 0 ? clvs.reduce((s, v) => s + v, 0) / clvs.length : null;
  const median = report.medianDaysToSecondVisit;
  const cards: [string, string][] = [
    [t.cards.customers, t.people(f.count(report.customers))],
    [t.cards.repeatCustomers, t.people(f.count(report.repeatCustomers))],
    [t.cards.secondVisitRate, f.percent(report.secondVisitRate)],
    [t.cards.medianDaysToSecondVisit, median === null ? f.decimal(null, 0) : t.days(f.decimal(median, 1))],
    [t.cards.top20Share, f.percent(report.top20RevenueShare)],
    [t.cards.totalRevenue, f.money(report.totalRevenue)],
    [t.cards.revenuePerCustomer, f.money(report.revenuePerCustomer)],
    [t.cards.averageClv, f.money(averageClv)],
  ];
  // Long amounts ($45,320,781.00) step down a size rather than wrap mid-number in a phone's half-width card.
  const body = cards.map(
    ([label, value]) =>
      `<div class="card"><div class="label">${esc(label)}</div><div class="value${value.length > 11 ? ' long' : ''}">${esc(value)}</div></div>`,
  );
  return section('key-numbers', t.sections.keyNumbers, `<div class="cards">${body.join('')}</div>`);
}

function modelBox(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  const m = report.model;
  if (!m) {
    const why =
      report.diagnostics.skipped === 'too_few_repeat_customers'
        ? t.model.skippedFewRepeat(f.count(report.repeatCustomers))
        : t.model.skippedNoCustomers;
    return section(
      'model',
      t.sections.model,
      `<div class="warn"><strong>${esc(t.model.skippedTitle)}</strong>${esc(why)}</div>`,
    );
  }
  const parts = [`<p><span class="model-name">${esc(`${t.model.chosen}: ${modelName(m.name)}`)}</span></p>`];
  if (m.lowData)
    parts.push(
      `<div class="warn" role="note"><strong>${esc(t.model.lowDataTitle)}</strong>${esc(t.model.lowData)}</div>`,
    );
  const holdout = report.diagnostics.count?.holdout ?? null;
  if (m.reason === 'holdout' && holdout) {
    parts.push(paragraph(t.model.holdout(f.count(holdout.days))));
    const signed = (v: number) => (v > 0 ? '+' : '') + f.percent(v);
    const rows = holdout.candidates.map((c) =>
      row([
        modelName(c.model) + (c.model === m.name ? ` (${t.model.selected})` : ''),
        Number.isFinite(c.mae) ? f.decimal(c.mae, 3) : '—',
        signed(c.aggregateError) + (c.converged ? '' : ` (${t.model.notConverged})`),
      ]),
    );
    const table = `<table class="wraphead"><thead>${row([t.model.candidate, t.model.mae, t.model.aggregateError], true)}</thead><tbody>${rows.join('')}</tbody></table>`;
    parts.push(scroll(t.model.candidate, table));
  } else {
    parts.push(paragraph(m.reason === 'short_history' ? t.model.shortHistory : t.model.fewCustomers));
  }
  const params = Object.entries(m.params).map(([k, v]) =>
    row([PARAM_NAMES[k] ?? k, f.param(v), f.param(m.stdErr[k] ?? NaN)]),
  );
  parts.push(
    scroll(
      t.model.parameter,
      `<table><thead>${row([t.model.parameter, t.model.estimate, t.model.stdErr], true)}</thead><tbody>${params.join('')}</tbody></table>`,
    ),
  );
  const spend = report.diagnostics.spend;
  if (spend) parts.push(paragraph(t.model.spend(t.model.spendKinds[spend.kind]), 'note'));
  return section('model', t.sections.model, parts.join(''));
}

function footer(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  const discount = `${f.decimal(report.diagnostics.discountRatePerYear * 100, 1)}%`;
  return (
    `<footer><h2>${esc(t.sections.method)}</h2><ul>${t
      .method(discount)
      .map((line) => `<li>${esc(line)}</li>`)
      .join('')}</ul>` + `<p>${esc(t.generatedBy)}</p></footer>`
  );
}

/** The whole report as one self-contained HTML document: inline CSS and SVG, no script, no URL. */
export function renderReportHtml(report: OfflineReport, options: ReportHtmlOptions): string {
  const ctx: SectionContext = {
    report,
    t: reportText(options.lang),
    f: formattersFor(options.lang, options.currency),
    lang: options.lang,
  };
  const body = [
    header(ctx, options),
    keyNumbers(ctx),
    modelBox(ctx),
    cohortsSection(ctx),
    rfmSection(ctx),
    `<div class="pair">${paretoSection(ctx)}${clvSection(ctx)}</div>`,
    forecastSection(ctx),
    atRiskSection(ctx),
    footer(ctx),
  ].join('\n');
  return (
    `<!doctype html>\n<html lang="${options.lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light">\n` +
    `<title>${esc(`${ctx.t.title} – ${options.sourceName}`)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}
