import { DauysError } from '../errors';

/**
 * Wraps a command's action: exit code 0 on success, the error's own exit code (2 for bad
 * input, 1 for runtime failures) with a message on stderr otherwise.
 */
export function runCommand<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof DauysError) {
        process.stderr.write(`dauys: ${error.describe()}\n`);
        process.exitCode = error.exitCode;
      } else {
        process.stderr.write(
          `dauys: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exitCode = 1;
      }
    }
  };
}
