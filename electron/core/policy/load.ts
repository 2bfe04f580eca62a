// Reads every policy file in a folder at start and fails loudly — file, JSON path, problem — on the first bad one.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { PolicySchema, type Policy, type PolicySet } from './schema.js';

export interface PolicyProblem {
  /** JSON path of the bad field, e.g. `rules[2].when.all[0].field`; '' for the whole file (or folder). */
  path: string;
  problem: string;
}

/** A policy file the kiosk will not start with. The message names the file, the field and the problem. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
  readonly path: string;
  readonly problem: string;
  constructor(
    readonly file: string,
    readonly problems: readonly PolicyProblem[],
  ) {
    const first = problems[0] ?? { path: '', problem: 'unknown problem' };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1).map(describe).join('; ')})` : '';
    super(`policy file ${file}: ${describe(first)}${more}`);
    this.path = first.path;
    this.problem = first.problem;
  }
}

function describe(problem: PolicyProblem): string {
  return problem.path === '' ? problem.problem : `${problem.path}: ${problem.problem}`;
}

/** Every `*.json` in `dir`, validated; throws PolicyFileError on the first file that is wrong, or when there are none. */
export function loadPolicies(dir: string): PolicySet {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new PolicyFileError(dir, [{ path: '', problem: 'no policy files (*.json) in this folder' }]);
  return policySetOf(files.map((name) => ({ file: name, policy: parsePolicyFile(name, readFileSync(join(dir, name), 'utf8')) })));
}

/** One file's text → a Policy, or PolicyFileError naming `file`. */
export function parsePolicyFile(file: string, text: string): Policy {
  const name = basename(file);
  let json: unknown;
  try {
    // A byte-order mark from a Windows editor is not a reason to refuse the file.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const offset = syntaxErrorOffset(text.replace(/^\uFEFF/, ''));
    const where = offset === null ? '' : ` at ${lineColumn(text.replace(/^\uFEFF/, ''), offset)}`;
    throw new PolicyFileError(name, [{ path: '', problem: `not valid JSON${where}: ${(error as Error).message.split('\n')[0]}` }]);
  }
  const parsed = PolicySchema.safeParse(json);
  if (!parsed.success) throw new PolicyFileError(name, parsed.error.issues.map(problemOf));
  return parsed.data;
}

/** Sorts by effectiveFrom and refuses two files with the same id or the same effectiveFrom (which would be in force?). */
export function policySetOf(entries: readonly { file: string; policy: Policy }[]): PolicySet {
  const byId = new Map<string, string>();
  const byDate = new Map<string, string>();
  for (const { file, policy } of entries) {
    const sameId = byId.get(policy.id);
    if (sameId !== undefined) throw new PolicyFileError(file, [{ path: 'id', problem: `id ${policy.id} is also used by ${sameId}` }]);
    const sameDate = byDate.get(policy.effectiveFrom);
    if (sameDate !== undefined) {
      throw new PolicyFileError(file, [
        { path: 'effectiveFrom', problem: `${policy.effectiveFrom} is also the effectiveFrom of ${sameDate}` },
      ]);
    }
    byId.set(policy.id, file);
    byDate.set(policy.effectiveFrom, file);
  }
  const policies = entries.map((entry) => entry.policy).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  return { policies };
}

function problemOf(issue: z.core.$ZodIssue): PolicyProblem {
  // zod reports an unknown key at its parent; the operator needs the key itself.
  if (issue.code === 'unrecognized_keys') {
    return { path: jsonPath([...issue.path, issue.keys[0] ?? '']), problem: `unknown field (${issue.keys.join(', ')})` };
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return { path: jsonPath(issue.path), problem: `missing field (expected ${issue.expected})` };
  }
  return { path: jsonPath(issue.path), problem: issue.message };
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_][\w]*$/.test(String(key))
          ? `${i === 0 ? '' : '.'}${String(key)}`
          : `["${String(key)}"]`,
    )
    .join('');
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/**
 * Where JSON.parse gave up. Node 20's messages do not always carry a position, so a small scanner walks the text and
 * returns the offset of the first character that cannot continue valid JSON (null if it finds none).
 */
export function syntaxErrorOffset(text: string): number | null {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail: () => never = () => {
    throw i;
  };
  const literal = (word: string) => {
    if (!text.startsWith(word, i)) fail();
    i += word.length;
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < ' ') fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (char === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number === null) fail();
    else i += number[0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : null;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}
