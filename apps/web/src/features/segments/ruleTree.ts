import type { SegmentRule } from '@kayoi/contracts';

/**
 * The builder edits a tree of its own: every node has a stable id (React keys, error
 * placement) and a `not` flag, which becomes a `{ type: 'not' }` wrapper only in the rule
 * sent to the API. Condition values stay loose while typing; the API judges them.
 */
export interface ConditionNode {
  kind: 'condition';
  id: string;
  not: boolean;
  /** The condition as the API reads it: type, op, value and any extra (channel, withinDays). */
  fields: Record<string, unknown>;
}
export interface GroupNode {
  kind: 'group';
  id: string;
  not: boolean;
  type: 'and' | 'or';
  rules: RuleNode[];
}
export type RuleNode = ConditionNode | GroupNode;

let counter = 0;
export const newId = (): string => `n${++counter}`;

export const emptyGroup = (type: 'and' | 'or' = 'and'): GroupNode => ({
  kind: 'group',
  id: newId(),
  not: false,
  type,
  rules: [],
});

/** The rule to send, and where each node landed in it ("rule.rules.1.rule") for the API's problem paths. */
export function toRule(root: GroupNode): { rule: unknown; paths: Map<string, string> } {
  const paths = new Map<string, string>();
  const build = (node: RuleNode, path: string): unknown => {
    const inner = node.not ? `${path}.rule` : path;
    paths.set(inner, node.id);
    const body =
      node.kind === 'group'
        ? { type: node.type, rules: node.rules.map((child, i) => build(child, `${inner}.rules.${i}`)) }
        : node.fields;
    return node.not ? { type: 'not', rule: body } : body;
  };
  return { rule: build(root, 'rule'), paths };
}

/** The node a problem path points into: the longest node path that prefixes it. */
export function nodeAt(paths: Map<string, string>, problemPath: string): string | undefined {
  let best: string | undefined;
  for (const path of paths.keys()) {
    const prefixes = problemPath === path || problemPath.startsWith(`${path}.`);
    if (prefixes && (!best || path.length > best.length)) best = path;
  }
  return best === undefined ? undefined : paths.get(best);
}

/** A saved rule back into the builder's tree; the top is always a group. */
export function fromRule(rule: SegmentRule): GroupNode {
  const convert = (r: SegmentRule, not: boolean): RuleNode => {
    if (r.type === 'not') return convert(r.rule, !not);
    if (r.type === 'and' || r.type === 'or') {
      return { kind: 'group', id: newId(), not, type: r.type, rules: r.rules.map((c) => convert(c, false)) };
    }
    return { kind: 'condition', id: newId(), not, fields: { ...r } };
  };
  const root = convert(rule, false);
  if (root.kind === 'group') return root;
  return { ...emptyGroup(), rules: [root] };
}

/** The tree with one node replaced (or removed, when `next` is null). */
export function replaceNode(node: RuleNode, id: string, next: RuleNode | null): RuleNode | null {
  if (node.id === id) return next;
  if (node.kind === 'condition') return node;
  const rules = node.rules.map((c) => replaceNode(c, id, next)).filter((c): c is RuleNode => c !== null);
  return { ...node, rules };
}
