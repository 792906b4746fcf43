/**
 * Every sub-command of `campaign-lab`, in the order `--help` lists them.
 */
import type { Command } from '../CliContext.js';
import { listSummarizeCommand } from './listSummarizeCommand.js';
import { schemaCommand } from './schemaCommand.js';

/** The command table. */
export const commands: Command[] = [listSummarizeCommand, schemaCommand];
