/** How consent is usually given or withdrawn at a salon; offered when staff record it. */
export const staffConsentSources = ['staff', 'paper_form', 'phone', 'customer_request'] as const;

/** Sources the system writes itself; anything else (an import's name, say) is shown as it is. */
const knownSources = new Set<string>([
  ...staffConsentSources,
  'erasure',
  'import',
  'demo',
  'line_follow',
  'unsubscribe',
]);

export function consentSourceKey(source: string | null | undefined): string | null {
  if (!source) return null;
  return knownSources.has(source) ? `consent.source.${source}` : null;
}
