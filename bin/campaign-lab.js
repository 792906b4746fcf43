#!/usr/bin/env node
// The installed `campaign-lab` command: runs the compiled command line (npm run build writes dist/).
import { runCli } from '../dist/cli/main.js';

void runCli();
