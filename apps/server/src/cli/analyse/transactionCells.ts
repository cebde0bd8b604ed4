import { localDateOf, parseLocalDateTime } from '@kayoi/core';
import { parseDay } from '@kayoi/stats';

// An instant with its zone ("2026-11-20T05:12:00.000Z", "…+09:00"): its day is the shop's.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The shop-local calendar day of a date cell, as an epoch day: a wall-clock date or
 * date-time is already local ("2026/3/5", "2026-03-05 14:30", "2026年3月5日", "20260305");
 * an instant with an offset is moved into the shop's zone first. null when unreadable.
 */
export function localDayOfCell(text: string, timeZone: string): number | null {
  const trimmed = text.trim();
  if (INSTANT.test(trimmed)) {
    const instant = new Date(trimmed);
    return Number.isNaN(instant.getTime()) ? null : parseDay(localDateOf(instant, timeZone));
  }
  const parsed = parseLocalDateTime(trimmed);
  if (!parsed.ok) return null;
  const { year, month, day } = parsed.value;
  return parseDay(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * An amount: "¥5,500", "5500円", "$12.30", "-800" (a refund). Decimals are kept, because a
 * log in dollars (CDNOW) has cents; Kayoi's own data is integer yen.
 */
export function amountOfCell(text: string): number | null {
  const cleaned = text
    .normalize('NFKC')
    .trim()
    .replace(/^([-−])?\s*[¥￥\\$]\s*/, '$1')
    .replace(/,/g, '')
    .replace(/\s*円$/, '')
    .replace(/^−/, '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
