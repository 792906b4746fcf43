/**
 * Every sub-command of `campaign-lab`, in the order `--help` lists them.
 */
import type { Command } from '../CliContext.js';
import { flipCommand } from './flipCommand.js';
import { listSummarizeCommand } from './listSummarizeCommand.js';
import { resultsCommand } from './resultsCommand.js';
import { runCommand } from './runCommand.js';
import { schemaCommand } from './schemaCommand.js';

/** The command table. */
export const commands: Command[] = [runCommand, resultsCommand, flipCommand, listSummarizeCommand, schemaCommand];
