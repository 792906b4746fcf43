#!/usr/bin/env node
// Lists the functions of src/ over 80 lines (the generated kernel module aside), longest first, with
// TypeScript's parser: the same list test/layout/functionLength.test.ts holds empty.
//   node scripts/longFunctions.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const code = "const { longFunctions } = await import('./test/layout/longFunctions.ts'); console.log(longFunctions().join('\\n') || 'none');";
const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
process.exit(out.status ?? 1);
