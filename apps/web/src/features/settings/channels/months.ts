/** The twelve months of a year as the API writes them: 2026-01 … 2026-12. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** "2026年10月" / "Oct 2026", from a YYYY-MM without any time zone shifting it. */
export function monthLabel(month: string, language: string): string {
  const [year, mm] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (mm ?? 1) - 1, 1)));
}
