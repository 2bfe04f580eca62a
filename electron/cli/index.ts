// `npm run kiosk -- <command>`: the operator CLI. Later issues add their commands to the list below.
import { pathToFileURL } from 'node:url';
import { UsageError, type CliIo, type Command } from './command.js';
import { cardDecode } from './commands/card-decode.js';
import { dbCheck } from './commands/db-check.js';
import { helpCommand } from './commands/help.js';
import { idCheck } from './commands/id-check.js';

export const commands: readonly Command[] = [helpCommand(() => commands), dbCheck, idCheck, cardDecode];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command "${name}"; run \`npm run kiosk -- help\` for the list`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const isUsage = error instanceof UsageError || String((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.err(`${(error as Error).message}\nusage: npm run kiosk -- ${command.usage}`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`kiosk: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
