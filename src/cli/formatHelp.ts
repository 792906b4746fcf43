/**
 * `--help` text of a command, built from its argument spec so help and parsing cannot disagree.
 */
import type { Command } from './CliContext.js';

/**
 * Formats the usage line, the description and one line per option.
 *
 * @example
 * formatHelp(schemaCommand).split('\n')[0] // => 'Usage: campaign-lab schema'
 */
export function formatHelp(command: Command): string {
  const { positionals, options } = command.spec;
  const words = positionals.map((p) => {
    const name = p.rest ? `<${p.name}>...` : `<${p.name}>`;
    return p.optional ? `[${name}]` : name;
  });
  const optionWords = Object.entries(options).map(([name, o]) => {
    const value = o.type === 'flag' ? '' : ` ${o.valueName ?? 'VALUE'}`;
    return `${o.required ? '' : '['}--${name}${value}${o.required ? '' : ']'}${o.multiple ? '...' : ''}`;
  });
  const lines = [`Usage: campaign-lab ${[command.name, ...words, ...optionWords].join(' ')}`, '', command.summary];
  if (command.details) lines.push('', command.details);
  // One column for every argument and option name: 26 characters, or the longest name and a space.
  const optionNames = Object.entries(options).map(([name, o]) => `--${name}${o.type === 'flag' ? '' : ` ${o.valueName ?? 'VALUE'}`}`);
  const column = Math.max(26, ...positionals.map((p) => p.name.length + 3), ...optionNames.map((n) => n.length + 1));
  if (positionals.length > 0) {
    lines.push('', 'Arguments:');
    for (const p of positionals) lines.push(`  ${`<${p.name}>`.padEnd(column)} ${p.description}`);
  }
  lines.push('', 'Options:');
  Object.values(options).forEach((o, k) => lines.push(`  ${optionNames[k].padEnd(column)} ${o.description}`));
  lines.push(`  ${'--help'.padEnd(column)} Show this help.`);
  return `${lines.join('\n')}\n`;
}
