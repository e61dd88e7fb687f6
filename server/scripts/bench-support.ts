import { parseArgs } from 'node:util';

/**
 * Reads the benchmark scripts' options, all whole numbers above 0 (`--runs 5`), with their defaults;
 * exits with a message naming them when one is not.
 */
export function wholeNumberOptions<Name extends string>(defaults: Record<Name, number>): Record<Name, number> {
  const names = Object.keys(defaults).filter((name): name is Name => name in defaults);
  const { values } = parseArgs({ options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])) });
  const read = Object.fromEntries(names.map((name) => [name, Number(values[name] ?? defaults[name])]));
  const wrong = names.filter((name) => !Number.isInteger(read[name]) || (read[name] ?? 0) < 1);
  if (wrong.length > 0) {
    process.stderr.write(`${wrong.map((name) => `--${name}`).join(' and ')} take${wrong.length === 1 ? 's' : ''} a whole number above 0\n`);
    process.exit(1);
  }
  return { ...defaults, ...read };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
