import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_OUTPUTS_BYTES, type OutputsSource } from './OutputsSource';

/**
 * A file written by `terraform output -json > outputs.json`. Relative paths
 * are relative to the backend's working directory, like the catalog's own
 * file locations.
 *
 * @public
 */
export class FileOutputsSource implements OutputsSource {
  readonly description: string;
  private readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
    this.description = path;
  }

  async read(): Promise<string> {
    let size: number;
    try {
      size = (await fs.stat(this.path)).size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'ENOENT'
          ? `outputs file ${this.path} does not exist`
          : `outputs file ${this.path} cannot be read (${code ?? error})`,
      );
    }
    if (size > MAX_OUTPUTS_BYTES) {
      throw new Error(
        `outputs file ${this.path} is ${size} bytes, over the ${MAX_OUTPUTS_BYTES} byte limit`,
      );
    }
    return fs.readFile(this.path, 'utf8');
  }
}
