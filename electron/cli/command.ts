// The shape of an operator CLI command, and the small helpers every command shares.
import { parseArgs } from 'node:util';
import { configuredDatabaseFile } from '../app/database.js';
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input (secrets such as PINs come this way, never as arguments in the process list). */
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit status: 0 done, 1 the check failed, 2 usage error. */
  run(args: string[], io: CliIo): Promise<number> | number;
}

/** Thrown for a bad command line: printed with the command's usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--json` prints one JSON object as the last line; otherwise the human lines. */
export function report(io: CliIo, json: boolean, value: object, human: string[]): void {
  if (json) io.out(JSON.stringify(value));
  else human.forEach((line) => io.out(line));
}

/** The common command line `<one argument> [--json]`; a missing or extra argument is a usage error saying `what`. */
export function oneArgument(args: string[], what: string): { value: string; json: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [value, ...extra] = positionals;
  if (value === undefined || value.trim() === '' || extra.length > 0) throw new UsageError(what);
  return { value, json: values.json };
}

/** `--db FILE` when given (and not blank), else the database the settings name. */
export function databaseArgument(db: string | undefined, env: NodeJS.ProcessEnv): string {
  if (db === undefined) return configuredDatabaseFile(env);
  if (db.trim() === '') throw new UsageError('--db needs a file path');
  return db;
}
