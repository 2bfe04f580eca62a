// The declarative slip language and its interpreter: templates are data (i18n keys + data fields), rendered to a Slip.
import QRCode from 'qrcode';
import type { PaperStatus } from '../codes/schema.js';
import type { Language } from '../settings/schema.js';
import type { TemplateId } from './schema.js';
import { paperSpecs, statusShapes, type Align, type Paper, type QrEcc, type Slip, type SlipBlock, type TextSize } from './slip.js';

/** Words come from the `slips` namespace; the app passes an i18next `t` bound to it (core imports no i18next). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

// ---- Paths into the data, typed so a misspelt field fails tsc ----

type Keys<D> = keyof D & string;
type Present<V> = Exclude<V, null | undefined>;

/** Dotted paths to the scalar fields of D: 'status', 'officer.staffNo'. Lists are reached with `each`, not by path. */
export type FieldPath<D> = D extends object ? { [K in Keys<D>]: PathOf<K, D[K]> }[Keys<D>] : never;
type PathOf<K extends string, V> =
  Present<V> extends readonly unknown[] ? never : Present<V> extends object ? `${K}.${FieldPath<Present<V>>}` : K;

/** The value type at a dotted path. */
export type ValueAt<D, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof D
    ? ValueAt<Present<D[Head]>, Rest>
    : never
  : P extends keyof D
    ? D[P]
    : never;

/** Fields of D that hold a list. */
export type ListPath<D> = { [K in Keys<D>]: Present<D[K]> extends readonly unknown[] ? K : never }[Keys<D>];
type ItemOf<D, K extends keyof D> = Present<D[K]> extends readonly (infer Item)[] ? Item : never;
/** Inside `each`, blocks see the item's own fields, or `item` when the list holds plain values (strings, numbers). */
export type ItemScope<Item> = Item extends object ? Item : { item: Item };

type PathsWhere<D, V> = { [P in FieldPath<D>]: Present<ValueAt<D, P>> extends V ? P : never }[FieldPath<D>];

// ---- Values and blocks ----

/**
 * How a field becomes words. `datetime` / `date`: Asia/Shanghai wall clock in the slip's language; `status-word`:
 * t(`status.GREEN`); `status-shape`: the shape beside it (statusShapes); `word`: t(`${words}.${value}`) for an enum.
 */
export type FieldValue<D> =
  | { field: FieldPath<D>; as?: 'plain' | 'datetime' | 'date' }
  | { field: PathsWhere<D, PaperStatus>; as: 'status-word' | 'status-shape' }
  | { field: PathsWhere<D, string>; as: 'word'; words: string };

/** A value: a field printed as-is (shorthand), a formatted field, or a phrase from the words with its own values. */
export type Value<D> = FieldPath<D> | FieldValue<D> | Phrase<D>;
export interface Phrase<D> {
  text: string;
  values?: Record<string, Value<D>>;
}

/** A size for every paper, or per paper (a word that fits 80 mm at size 2 may need size 1 on 58 mm). */
export type SizeSpec = TextSize | Partial<Record<Paper, TextSize>>;

export interface TextTemplate<D> extends Phrase<D> {
  size?: SizeSpec;
  align?: Align;
  bold?: boolean;
}
/** Label (an i18n key) at the left, value at the right. */
export interface PairTemplate<D> {
  pair: string;
  value: Value<D>;
  bold?: boolean;
}
export interface QrTemplate<D> {
  qr: PathsWhere<D, string>;
  ecc?: QrEcc;
}
/**
 * Blocks printed only when a field is present: not null, not false, not 0, not '' and not an empty list — or, with
 * `is`, when it equals that value. `otherwise` is printed when not.
 */
export type WhenTemplate<D> = {
  [P in FieldPath<D> | ListPath<D>]: {
    when: P;
    is?: P extends FieldPath<D> ? ValueAt<D, P> : never;
    blocks: readonly TemplateBlock<D>[];
    otherwise?: readonly TemplateBlock<D>[];
  };
}[FieldPath<D> | ListPath<D>];
/** Blocks repeated for each item of a list, seeing the item's fields (ItemScope). */
export type EachTemplate<D> = {
  [K in ListPath<D>]: { each: K; blocks: readonly TemplateBlock<ItemScope<ItemOf<D, K>>>[] };
}[ListPath<D>];

export type TemplateBlock<D> =
  TextTemplate<D> | PairTemplate<D> | QrTemplate<D> | WhenTemplate<D> | EachTemplate<D> | { rule: true } | { feed: number } | { cut: true };

export interface Template<D> {
  id: TemplateId;
  blocks: readonly TemplateBlock<D>[];
}

export interface RenderOptions {
  t: Translate;
  language: Language;
  paper: Paper;
  /** Overrides the QR module size chosen from the data length (qrModuleDots). */
  moduleDots?: number;
}

// ---- QR sizing ----

const DOTS_PER_MM = 8; // 203 dpi
/** Quiet zone on each side, in modules (ISO/IEC 18004). */
export const QR_QUIET_MODULES = 4;
/** The printed QR, quiet zone included, should be 35–45 mm wide: smaller is hard to scan, larger wastes the roll. */
export const QR_MAX_DOTS = 45 * DOTS_PER_MM;
export const QR_MIN_DOTS = 35 * DOTS_PER_MM;
const MAX_MODULE_DOTS = 16; // GS ( k fn 0x43 accepts 1–16

/** Modules per side of the ECC-Q symbol for this text (version 8 = 49 for a 155-character Base45 paper code). */
export function qrModules(text: string, ecc: QrEcc = 'Q'): number {
  return QRCode.create(text, { errorCorrectionLevel: ecc }).modules.size;
}

/**
 * The largest module size (dots) that keeps the symbol with its quiet zone within 45 mm and the roll's dots: 6 for
 * version 8 (57 × 6 = 342 dots ≈ 43 mm). Larger modules scan better from faded paper, so take the largest that fits.
 */
export function qrModuleDots(text: string, paper: Paper, ecc: QrEcc = 'Q'): number {
  const width = qrModules(text, ecc) + 2 * QR_QUIET_MODULES;
  const limit = Math.min(QR_MAX_DOTS, paperSpecs[paper].dots);
  return Math.max(1, Math.min(MAX_MODULE_DOTS, Math.floor(limit / width)));
}

// ---- Formatting ----

const zone = 'Asia/Shanghai';
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

// Made once: building a DateTimeFormat costs ~0.4 ms, more than the rest of a slip's text.
const partsIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
const zoneParts = partsIn(zone);
const utcParts = partsIn('UTC');

/** Year, month, day, hour, minute of an instant on the hall's wall clock (a bare date is that calendar day). */
function wallClock(iso: string): { year: string; month: number; day: string; hour: string; minute: string } {
  const bare = calendarDate.test(iso);
  const instant = new Date(bare ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a date: ${iso}`);
  const parts = (bare ? utcParts : zoneParts).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: Number(part('month')), day: part('day'), hour: part('hour'), minute: part('minute') };
}

const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const englishMonth = (month: number) => shortMonth.format(new Date(Date.UTC(2000, month - 1, 15)));

/** zh-CN `2020年3月9日`, en `9 Mar 2020` (composed from parts so ICU versions cannot change the shape). */
export function formatDate(iso: string, language: Language): string {
  const w = wallClock(iso);
  return language === 'zh-CN' ? `${w.year}年${w.month}月${w.day}日` : `${w.day} ${englishMonth(w.month)} ${w.year}`;
}

/** zh-CN `2020年3月9日 09:30`, en `9 Mar 2020, 09:30`, on the Asia/Shanghai clock. */
export function formatDateTime(iso: string, language: Language): string {
  const w = wallClock(iso);
  return `${formatDate(iso, language)}${language === 'zh-CN' ? ' ' : ', '}${w.hour}:${w.minute}`;
}

// ---- Interpreter ----

type Scope = Record<string, unknown>;

function lookup(scope: Scope, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Scope)[key];
  }
  return value;
}

function isPresent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

// The interpreter walks untyped shapes: the type parameters above exist for authors, the runtime checks the keys.
type AnyValue = string | { field: string; as?: string; words?: string } | { text: string; values?: Record<string, AnyValue> };
type AnyBlock = Record<string, unknown>;

function valueText(value: AnyValue, scope: Scope, options: RenderOptions): string {
  if (typeof value === 'string') return plain(lookup(scope, value));
  if ('text' in value) return phrase(value.text, value.values, scope, options);
  const raw = lookup(scope, value.field);
  if (raw === null || raw === undefined) return '';
  switch (value.as ?? 'plain') {
    case 'plain':
      return plain(raw);
    case 'datetime':
      return formatDateTime(String(raw), options.language);
    case 'date':
      return formatDate(String(raw), options.language);
    case 'status-word':
      return options.t(`status.${String(raw)}`);
    case 'status-shape': {
      const shape = statusShapes[raw as keyof typeof statusShapes];
      if (shape === undefined) throw new RangeError(`no shape for status ${String(raw)}`);
      return shape;
    }
    case 'word':
      return options.t(`${value.words}.${String(raw)}`);
    default:
      throw new RangeError(`unknown format ${String(value.as)}`);
  }
}

function phrase(key: string, values: Record<string, AnyValue> | undefined, scope: Scope, options: RenderOptions): string {
  if (!values) return options.t(key);
  const params = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, valueText(value, scope, options)]));
  return options.t(key, params);
}

function sizeFor(size: SizeSpec | undefined, paper: Paper): TextSize {
  if (size === undefined) return 1;
  return typeof size === 'number' ? size : (size[paper] ?? 1);
}

function renderBlocks(blocks: readonly AnyBlock[], scope: Scope, options: RenderOptions, out: SlipBlock[]): void {
  for (const block of blocks) {
    if ('when' in block) {
      const value = lookup(scope, block.when as string);
      const holds = 'is' in block ? value === block.is : isPresent(value);
      const chosen = (holds ? block.blocks : block.otherwise) as readonly AnyBlock[] | undefined;
      if (chosen) renderBlocks(chosen, scope, options, out);
    } else if ('each' in block) {
      const list = lookup(scope, block.each as string);
      if (!Array.isArray(list)) throw new TypeError(`each: ${String(block.each)} is not a list`);
      for (const item of list as unknown[]) {
        const itemScope = item !== null && typeof item === 'object' ? (item as Scope) : { item };
        renderBlocks(block.blocks as readonly AnyBlock[], itemScope, options, out);
      }
    } else if ('pair' in block) {
      const right = valueText(block.value as AnyValue, scope, options);
      out.push({ kind: 'pair', left: options.t(block.pair as string), right, bold: block.bold === true });
    } else if ('text' in block) {
      const text = phrase(block.text as string, block.values as Record<string, AnyValue> | undefined, scope, options);
      const align = (block.align as Align | undefined) ?? 'left';
      out.push({ kind: 'text', text, align, size: sizeFor(block.size as SizeSpec | undefined, options.paper), bold: block.bold === true });
    } else if ('qr' in block) {
      const data = lookup(scope, block.qr as string);
      if (typeof data !== 'string' || data === '') throw new TypeError(`qr: ${String(block.qr)} is not a non-empty string`);
      const ecc = (block.ecc as QrEcc | undefined) ?? 'Q';
      out.push({ kind: 'qr', data, ecc, moduleDots: options.moduleDots ?? qrModuleDots(data, options.paper, ecc) });
    } else if ('rule' in block) {
      out.push({ kind: 'rule' });
    } else if ('feed' in block) {
      out.push({ kind: 'feed', lines: block.feed as number });
    } else if ('cut' in block) {
      out.push({ kind: 'cut' });
    } else {
      throw new TypeError(`unknown template block: ${Object.keys(block).join(', ')}`);
    }
  }
}

/** The slip a template prints for this data, in this language, on this paper. The data is trusted: validate first (slip-data.ts). */
export function renderTemplate<D>(template: Template<D>, data: D, options: RenderOptions): Slip {
  const blocks: SlipBlock[] = [];
  renderBlocks(template.blocks as readonly AnyBlock[], data as Scope, options, blocks);
  return { paper: options.paper, blocks };
}

// ---- Introspection (tests, tooling): which words and fields a template uses ----

export interface TemplateReferences {
  /** i18n keys used as written. */
  keys: Set<string>;
  /** Keys built from a field's value: `${prefix}.${value}` for each value the field may take. */
  wordSets: { prefix: string; field: string }[];
  /** Field paths read, dotted; inside `each` they are prefixed `list[].` ('breachRefs[].item'). */
  fields: Set<string>;
}

/** Takes any template (its data type does not matter here), so tests can walk the registry's union. */
export function templateReferences(template: { blocks: readonly object[] }): TemplateReferences {
  const refs: TemplateReferences = { keys: new Set(), wordSets: [], fields: new Set() };
  const visitValue = (value: AnyValue, prefix: string) => {
    if (typeof value === 'string') {
      refs.fields.add(prefix + value);
    } else if ('text' in value) {
      refs.keys.add(value.text);
      for (const inner of Object.values(value.values ?? {})) visitValue(inner, prefix);
    } else {
      refs.fields.add(prefix + value.field);
      if (value.as === 'status-word') refs.wordSets.push({ prefix: 'status', field: prefix + value.field });
      if (value.as === 'word') refs.wordSets.push({ prefix: value.words!, field: prefix + value.field });
    }
  };
  const visit = (blocks: readonly AnyBlock[], prefix: string) => {
    for (const block of blocks) {
      if ('when' in block) {
        refs.fields.add(prefix + (block.when as string));
        visit(block.blocks as readonly AnyBlock[], prefix);
        visit((block.otherwise ?? []) as readonly AnyBlock[], prefix);
      } else if ('each' in block) {
        refs.fields.add(prefix + (block.each as string));
        visit(block.blocks as readonly AnyBlock[], `${prefix}${block.each as string}[].`);
      } else if ('pair' in block) {
        refs.keys.add(block.pair as string);
        visitValue(block.value as AnyValue, prefix);
      } else if ('text' in block) {
        visitValue({ text: block.text as string, values: block.values as Record<string, AnyValue> | undefined }, prefix);
      } else if ('qr' in block) {
        refs.fields.add(prefix + (block.qr as string));
      }
    }
  };
  visit(template.blocks as readonly AnyBlock[], '');
  return refs;
}
