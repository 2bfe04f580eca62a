// `npm run kiosk -- <command>`: the operator CLI. Later issues add their commands to the list below.
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';
import { KioskError } from '../core/errors.js';
import { translate } from './messages.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { cardDecode } from './commands/card-decode.js';
import { auditVerify } from './commands/audit-verify.js';
import { backupCommand } from './commands/backup.js';
import { restoreCommand } from './commands/restore.js';
import { dbCheck } from './commands/db-check.js';
import { helpCommand } from './commands/help.js';
import { idCheck } from './commands/id-check.js';
import { officerAdd, officerList, officerRoster } from './commands/officers.js';
import { printSample } from './commands/print-sample.js';
import { purge } from './commands/purge.js';
import { slaExplain } from './commands/sla-explain.js';
import { verifyCode } from './commands/verify-code.js';

export const commands: readonly Command[] = [
  helpCommand(() => commands),
  dbCheck,
  auditVerify,
  backupCommand,
  restoreCommand,
  purge,
  idCheck,
  cardDecode,
  officerAdd,
  officerList,
  officerRoster,
  verifyCode,
  printSample,
  slaExplain,
];

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
    if (error instanceof KioskError) {
      // A refusal from core: said in the operator's language, and as data for scripts that asked for --json.
      io.err(translate(error.key, error.params, io.env));
      if (argv.includes('--json'))
        io.out(JSON.stringify({ error: error.code, key: error.key, ...(error.params ? { params: error.params } : {}) }));
      return 1;
    }
    // node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const isUsage = error instanceof UsageError || String((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.err(`${(error as Error).message}\nusage: npm run kiosk -- ${command.usage}`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), readStdin: () => text(process.stdin), env: process.env };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`kiosk: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
