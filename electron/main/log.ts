// Main-process log lines: one JSON object per line with codes and reasons only — never inputs, URLs' queries or identities.
export type MainLog = (entry: Record<string, string | number | boolean | undefined>) => void;

export function createMainLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): MainLog {
  return (entry) => write(JSON.stringify({ at: new Date().toISOString(), ...entry }));
}
