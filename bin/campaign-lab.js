#!/usr/bin/env node
// The installed `campaign-lab` command: runs the compiled command line. A package from npm carries dist/
// (npm pack builds it); a clone of the repository has it after `npm ci && npm run build`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('campaign-lab: dist/ is missing: in a clone of the repository, run `npm ci && npm run build` first (a package installed from npm carries dist/)\n');
  process.exit(1);
}
const { runCli } = await import(main.href);
void runCli();
