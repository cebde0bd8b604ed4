import { Liquid } from 'liquidjs';

export interface TemplateLimits {
  /** Longest template source accepted, in characters. */
  readonly parseLimit: number;
  /** Wall time one render may take, in milliseconds; generous so a GC pause on a busy worker fails no send. */
  readonly renderLimitMs: number;
  /** liquidjs' allocation budget per render (string lengths, array and range sizes). */
  readonly memoryLimit: number;
}

export const defaultTemplateLimits: TemplateLimits = {
  parseLimit: 100_000,
  renderLimitMs: 1_000,
  memoryLimit: 2_000_000,
};

export interface LiquidEngines {
  /** LINE text, email text and subject: no escaping, the output is not markup. */
  readonly plain: Liquid;
  /** Email HTML: every variable HTML-escaped unless `| raw`. */
  readonly html: Liquid;
  /** Flex JSON: every variable escaped as the inside of a JSON string, so a name with a quote cannot break it. */
  readonly flex: Liquid;
}

// Tags that read other templates: a salon template must never reach the file system.
const fileTags = ['include', 'render', 'layout'];

function engine(limits: TemplateLimits, outputEscape?: 'escape' | ((value: unknown) => string)): Liquid {
  const liquid = new Liquid({
    templates: {},
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    jsTruthy: false,
    parseLimit: limits.parseLimit,
    renderLimit: limits.renderLimitMs,
    memoryLimit: limits.memoryLimit,
    cache: false,
    ...(outputEscape ? { outputEscape } : {}),
  });
  for (const tag of fileTags) Reflect.deleteProperty(liquid.tags, tag);
  return liquid;
}

function jsonStringInside(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return JSON.stringify(text).slice(1, -1);
}

export function createLiquidEngines(limits: TemplateLimits = defaultTemplateLimits): LiquidEngines {
  return { plain: engine(limits), html: engine(limits, 'escape'), flex: engine(limits, jsonStringInside) };
}
