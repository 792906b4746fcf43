/**
 * Every sub-command of `campaign-lab`, in the order `--help` lists them.
 */
import type { Command } from '../CliContext.js';
import { allocateCommand } from './allocateCommand.js';
import { backtestCommand } from './backtestCommand.js';
import { compareCommand } from './compareCommand.js';
import { benchCommand } from './benchCommand.js';
import { flipCommand } from './flipCommand.js';
import { listSummarizeCommand } from './listSummarizeCommand.js';
import { resultsCommand } from './resultsCommand.js';
import { runCommand } from './runCommand.js';
import { schemaCommand } from './schemaCommand.js';
import { sweepCommand, sweepMergeCommand } from './sweepCommand.js';
import { valueCommand } from './valueCommand.js';

/** The command table. */
export const commands: Command[] = [
  runCommand,
  sweepCommand,
  sweepMergeCommand,
  resultsCommand,
  flipCommand,
  listSummarizeCommand,
  schemaCommand,
  benchCommand,
  backtestCommand,
  valueCommand,
  allocateCommand,
  compareCommand,
];
