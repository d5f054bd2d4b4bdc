import { LEXICON } from '../data/lexicon';
import { RULES, ruleOf, type Rule } from '../data/categories';
import { fold } from './text';

export interface Classification {
  /** Rule id in src/data/categories.ts. */
  rule: string;
  /** Google product taxonomy path. */
  category: string;
  /** 0..1: how clearly the best rule beat the others and how much evidence there was. */
  confidence: number;
  /** The words that matched, for the explanation. */
  matched: string[];
}

export interface ClassifyInput {
  title?: string | null;
  brand?: string | null;
  category?: string | null;
  breadcrumbs?: string[] | null;
}

interface Compiled { rows: Map<string, Array<[rule: string, weight: number]>>; maxWords: number }
let compiled: Compiled | null = null;

function compile(): Compiled {
  const rows = new Map<string, Array<[string, number]>>();
  let maxWords = 1;
  for (const [rule, weight, terms] of LEXICON) {
    for (const t of terms.split('|')) {
      const key = fold(t).trim();
      maxWords = Math.max(maxWords, key.split(' ').length);
      let list = rows.get(key);
      if (!list) rows.set(key, (list = []));
      list.push([rule, weight]);
    }
  }
  return { rows, maxWords };
}

/** Terms found in folded text, longest phrase first at each word, allowing a plural "s". */
function findTerms(text: string, c: Compiled): string[] {
  const words = text.trim().split(' ');
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(c.maxWords, words.length - i);
    for (; n > 0; n--) {
      const key = words.slice(i, i + n).join(' ');
      if (c.rows.has(key)) { found.push(key); break; }
      if (key.endsWith('s') && c.rows.has(key.slice(0, -1))) { found.push(key.slice(0, -1)); break; }
    }
    i += Math.max(n, 1);
  }
  return found;
}

/** The shop's own category words weigh more than the title; the brand barely counts. */
const FIELD_WEIGHT = { category: 1.5, title: 1, brand: 0.3 } as const;

/** Accessory titles name the device after "with"/"for" ("case for iPhone", "Chromecast with Google TV"). */
function mainPart(title: string): string {
  return title.split(/\s(?:with|mit|avec|con)\s/i)[0] ?? title;
}

let byPath: Map<string, string> | null = null;

/** A category that is exactly one of our taxonomy paths (chosen by the user when editing) is taken as given. */
function exactRule(category: string | null | undefined): string | null {
  if (!category || !category.includes(' > ')) return null;
  if (!byPath) {
    byPath = new Map();
    for (const [id, r] of Object.entries(RULES) as Array<[string, Rule]>) if (!byPath.has(r.path)) byPath.set(r.path, id);
  }
  return byPath.get(category) ?? null;
}

export function classify(input: ClassifyInput): Classification | null {
  const exact = exactRule(input.category);
  if (exact) return { rule: exact, category: (ruleOf(exact) as Rule).path, confidence: 1, matched: ['category given'] };
  compiled ??= compile();
  const fields: Array<[keyof typeof FIELD_WEIGHT, string]> = [];
  const cat = [input.category, ...(input.breadcrumbs ?? [])].filter(Boolean).join(' / ');
  if (cat) fields.push(['category', fold(cat)]);
  if (input.title) fields.push(['title', fold(mainPart(input.title))]);
  if (input.brand) fields.push(['brand', fold(input.brand)]);
  if (!fields.length) return null;

  const scores = new Map<string, number>();
  const words = new Map<string, Set<string>>();
  for (const [field, text] of fields) {
    for (const term of findTerms(text, compiled)) {
      // Longer phrases are more specific: "pommes de terre" beats "pommes".
      const phrase = 1 + 0.1 * (term.split(' ').length - 1);
      for (const [rule, weight] of compiled.rows.get(term) ?? []) {
        scores.set(rule, (scores.get(rule) ?? 0) + weight * FIELD_WEIGHT[field] * phrase);
        let set = words.get(rule);
        if (!set) words.set(rule, (set = new Set()));
        set.add(term);
      }
    }
  }
  let best: string | null = null;
  let top = 0;
  let second = 0;
  for (const [rule, s] of scores) {
    if (s > top) { second = top; top = s; best = rule; } else if (s > second) second = s;
  }
  if (!best) return null;
  const rule = ruleOf(best) as Rule;
  const margin = top / (top + second);
  const evidence = Math.min(1, top / 4);
  return { rule: best, category: rule.path, confidence: Math.round(margin * evidence * 100) / 100, matched: [...(words.get(best) ?? [])] };
}
