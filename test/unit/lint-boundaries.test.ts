// The import boundaries of DESIGN.md are enforced by lint: a wrong import must fail, a right one must pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { projectRoot } from '../../electron/app/paths.js';

const eslint = new ESLint({ cwd: projectRoot() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<[file: string, code: string, allowed: boolean]> = [
  ['electron/core/identity/bad.ts', "import { app } from 'electron';\nexport const x = app;\n", false],
  ['electron/core/identity/bad.ts', "import Store from 'electron-store';\nexport const x = Store;\n", false],
  ['electron/core/identity/bad.ts', "import { useState } from 'react';\nexport const x = useState;\n", false],
  ['electron/core/identity/bad.ts', "import { x } from '../../main/window.js';\nexport const y = x;\n", false],
  ['electron/core/identity/bad.ts', "import { x } from '../../ipc/contract.js';\nexport const y = x;\n", false],
  ['electron/core/identity/ok.ts', "import { KioskError } from '../errors.js';\nexport const y = KioskError;\n", true],
  ['electron/ipc/bad.ts', "import { openDatabase } from '../core/db/open.js';\nexport const y = openDatabase;\n", false],
  ['electron/ipc/bad.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n", false],
  ['electron/ipc/ok.ts', "import { SettingsSchema } from '../core/settings/schema.js';\nexport const y = SettingsSchema;\n", true],
  ['electron/host/bad.ts', "import { app } from 'electron';\nexport const y = app;\n", false],
  [
    'renderer/src/kiosk/Bad.ts',
    "import { openDatabase } from '../../../electron/core/db/open.js';\nexport const y = openDatabase;\n",
    false,
  ],
  ['renderer/src/kiosk/Bad.ts', "import { runHost } from '../../../electron/host/index.js';\nexport const y = runHost;\n", false],
  ['renderer/src/kiosk/Bad.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n", false],
  ['renderer/src/kiosk/Ok.ts', "import { channels } from '../../../electron/ipc/contract.js';\nexport const y = channels;\n", true],
];

for (const [file, code, allowed] of cases) {
  const first = code.split('\n')[0];
  test(`${allowed ? 'allows' : 'refuses'} in ${file}: ${first}`, async () => {
    const errors = await boundaryErrors(file, code);
    if (allowed) assert.deepEqual(errors, []);
    else assert.ok(errors.length > 0, 'expected a no-restricted-imports error');
  });
}
