// The shape of an operator CLI command, and the small helpers every command shares.
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
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
