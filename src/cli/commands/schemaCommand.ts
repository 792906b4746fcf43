/**
 * `campaign-lab schema`: prints the JSON Schema of scenario files (the one generated from the
 * `Scenario` type), for editors and other tools.
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { scenarioSchema } from '../../scenario/schema.js';

/** The `schema` command. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of scenario files.',
  details: [
    'The schema is generated from the TypeScript Scenario type (src/scenario/types.ts); scenarios/scenario.schema.json',
    'holds the same text. Point an editor at it for completion and checks, e.g. a first line',
    '  # yaml-language-server: $schema=./scenario.schema.json',
  ].join('\n'),
  spec: { positionals: [], options: {} },
  async run(_args, context) {
    printJson(context.stdout, scenarioSchema);
  },
};
