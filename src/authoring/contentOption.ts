import path from 'node:path';

/**
 * `--content <dir>` (or `--content=<dir>`): the course folder a command works on, like
 * `SECRETS_LAB_CONTENT`. Returns the folder (absolute) and the arguments without the option.
 */
export function takeContentOption(args: readonly string[], cwd = process.cwd()): { dir?: string; rest: string[] } {
  const rest: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--content') {
      const value = args[++i];
      if (!value || value.startsWith('--')) throw new Error('--content needs a folder: --content ../my-course');
      dir = path.resolve(cwd, value);
    } else if (arg.startsWith('--content=')) dir = path.resolve(cwd, arg.slice('--content='.length));
    else rest.push(arg);
  }
  return dir === undefined ? { rest } : { dir, rest };
}
