import fs from 'node:fs/promises';
import { invalidInput } from '../errors';

/** Reads a text file named on the command line or in a request, failing clearly when it is missing. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalidInput(`cannot read ${file}`, [
      { where: file, message: code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? 'error'})` },
    ]);
  }
}

/** Parses JSON, naming the line and column of a syntax error. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = source;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = `${source}:${line}:${column}`;
    }
    throw invalidInput(`${source} is not valid JSON`, [{ where, message }]);
  }
}
