import { daysInMonth } from './reportFormat.js';
import { esc, noData, paragraph, row, scroll, section, type SectionContext } from './reportSections.js';
import { barChart, lineChart } from './svgCharts.js';

export function paretoSection(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  const share = report.top20RevenueShare;
  if (report.pareto.length === 0 || share === null) return section('pareto', t.sections.pareto, noData(t.noData));
  const tenths = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const chart = lineChart({
    title: t.pareto.chart,
    points: report.pareto.map((p) => ({ x: p.customerShare, y: p.revenueShare })),
    x: { min: 0, max: 1, ticks: tenths, format: f.percentTick, label: t.pareto.x },
    y: { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], format: f.percentTick, label: t.pareto.y },
    reference: { x: 0.2, y: share, label: t.pareto.marker(f.percent(share)) },
  });
  return section(
    'pareto',
    t.sections.pareto,
    `<p class="lead">${esc(t.pareto.statement(f.percent(share)))}</p><figure>${chart}</figure>`,
  );
}

export function clvSection(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  const bins = report.clvDistribution;
  if (bins.length === 0) return section('clv', t.sections.clv, noData(report.model ? t.noData : t.clv.none));
  const chart = barChart({
    title: t.clv.chart,
    bars: bins.map((b) => ({
      label: b.to === null ? t.clv.andAbove(f.moneyShort(b.from)) : f.moneyShort(b.from),
      value: b.count,
      tooltip: `${b.to === null ? t.clv.andAbove(f.money(b.from)) : `${f.money(b.from)} – ${f.money(b.to)}`}: ${t.people(f.count(b.count))}`,
    })),
    y: { format: (v) => f.count(v), label: t.clv.y },
    xLabel: t.clv.x,
  });
  return section('clv', t.sections.clv, paragraph(t.clv.intro) + `<figure>${chart}</figure>`);
}

export function forecastSection(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  const months = report.forecast;
  if (months.length === 0)
    return section('forecast', t.sections.forecast, noData(report.model ? t.noData : t.forecast.none));
  // The first month is what remains of the current one: flag it, or its short bar reads as a dip.
  const isPartial = (m: (typeof months)[number]) => m.days < daysInMonth(m.month);
  const chart = barChart({
    title: t.forecast.chart,
    bars: months.map((m) => ({
      label: f.monthShort(m.month) + (isPartial(m) ? '*' : ''),
      value: m.revenue,
      low: m.revenueLow,
      high: m.revenueHigh,
      muted: isPartial(m),
      tooltip: `${f.month(m.month)}: ${f.money(m.revenue)} (${f.money(m.revenueLow)} – ${f.money(m.revenueHigh)})`,
    })),
    y: { format: f.moneyShort, label: t.forecast.y },
  });
  // Money ranges may wrap at the dash (a phone); counts are short and stay on one line.
  const range = (value: string, low: string, high: string, className = 'range') => ({
    html: `${esc(value)}<small>${esc(`${low} – ${high}`)}</small>`,
    className,
  });
  const rows = months
    .map((m) =>
      row([
        f.month(m.month) + (isPartial(m) ? '*' : ''),
        range(f.count(m.visits), f.count(m.visitsLow), f.count(m.visitsHigh)),
        range(f.money(m.revenue), f.money(m.revenueLow), f.money(m.revenueHigh), 'range money'),
        f.count(m.newCustomers),
      ]),
    )
    .join('');
  const table = `<table><thead>${row([t.forecast.month, t.forecast.visits, t.forecast.revenue, t.forecast.newCustomers], true)}</thead><tbody>${rows}</tbody></table>`;
  const partial = months
    .filter(isPartial)
    .map((m) => paragraph(t.forecast.partial(f.month(m.month), f.count(m.days)), 'note'));
  const body = `<div class="split"><div><figure>${chart}</figure>${partial.join('')}</div>${scroll(t.sections.forecast, table)}</div>`;
  return section('forecast', t.sections.forecast, paragraph(t.forecast.intro) + body);
}

export function atRiskSection(ctx: SectionContext): string {
  const { t, f, report } = ctx;
  if (!report.model) return section('at-risk', t.sections.atRisk, noData(t.forecast.none));
  if (report.atRisk.length === 0)
    return section('at-risk', t.sections.atRisk, paragraph(t.atRisk.intro) + noData(t.atRisk.none));
  const a = t.atRisk;
  const body = report.atRisk
    .map((c) =>
      row([
        { html: `<span class="id">${esc(c.id)}</span>` },
        f.count(c.visits),
        f.money(c.revenue),
        c.lastVisit,
        { html: `${esc(f.percent(c.pAlivePrevious))} → <b>${esc(f.percent(c.pAlive))}</b>` },
        f.money(c.predictedClv1y),
        f.money(c.valueIfActive),
      ]),
    )
    .join('');
  const table = `<table class="atrisk"><thead>${row([a.id, a.visits, a.revenue, a.lastVisit, a.pAlive, a.clv, a.ifActive], true)}</thead><tbody>${body}</tbody></table>`;
  return section('at-risk', t.sections.atRisk, paragraph(a.intro) + scroll(t.sections.atRisk, table));
}
