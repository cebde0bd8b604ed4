import type { Liquid } from 'liquidjs';
import { createLiquidEngines, defaultTemplateLimits, type TemplateLimits } from './liquidEngines.js';
import type { TemplateSource, TemplateSyntaxProblem } from './templateTypes.js';

interface PositionedToken {
  getPosition(): [number, number];
}

function hasToken(err: unknown): err is { token: PositionedToken } {
  if (typeof err !== 'object' || err === null || !('token' in err)) return false;
  const token: unknown = err.token;
  return (
    typeof token === 'object' && token !== null && 'getPosition' in token && typeof token.getPosition === 'function'
  );
}

/** liquidjs appends ", line:2, col:5" and a source excerpt; the editor shows position separately. */
function bareMessage(message: string): string {
  return message.split('\n')[0]?.replace(/, line:\d+, col:\d+$/, '') ?? message;
}

function problemOf(engine: Liquid, field: string, source: string): TemplateSyntaxProblem | null {
  try {
    engine.parse(source);
    return null;
  } catch (err) {
    const message = bareMessage(err instanceof Error ? err.message : String(err));
    const [line, column] = hasToken(err) ? err.token.getPosition() : [1, 1];
    return { field, line, column, message };
  }
}

/** Parses every part of a template at save time; unknown filters and tags are found here. */
export function createTemplateSyntaxChecker(limits: TemplateLimits = defaultTemplateLimits) {
  const { plain } = createLiquidEngines(limits);
  return function checkTemplateSyntax(template: TemplateSource): TemplateSyntaxProblem[] {
    const parts: [string, string | null | undefined][] = [];
    for (const lang of ['ja', 'en'] as const) {
      const variant = template[lang];
      if (!variant) continue;
      parts.push([`${lang}.body`, variant.body], [`${lang}.subject`, variant.subject], [`${lang}.text`, variant.text]);
    }
    return parts.flatMap(([field, source]) => {
      if (source === null || source === undefined) return [];
      const problem = problemOf(plain, field, source);
      return problem ? [problem] : [];
    });
  };
}
