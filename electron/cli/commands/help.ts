// `help`: lists every command with its usage.
import type { Command } from '../command.js';

export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    usage: 'help',
    summary: 'list every command',
    run(_args, io) {
      io.out('码上办 kiosk operator CLI — npm run kiosk -- <command> [options]');
      io.out('Add --json to a command for one JSON object on the last line.');
      io.out('');
      const width = Math.max(...all().map((c) => c.usage.length));
      for (const c of all()) io.out(`  ${c.usage.padEnd(width)}  ${c.summary}`);
      return 0;
    },
  };
}
