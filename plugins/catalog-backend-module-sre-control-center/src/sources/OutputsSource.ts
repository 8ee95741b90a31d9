/**
 * Where one System's `terraform output -json` is read from.
 *
 * @public
 */
export interface OutputsSource {
  /** For messages and the status annotation: a path or a blob URL. */
  readonly description: string;
  /** The outputs as text; throws with a message that says what went wrong. */
  read(): Promise<string>;
}

/** Outputs files are small; anything bigger is not `terraform output -json` of a stack. */
export const MAX_OUTPUTS_BYTES = 5 * 1024 * 1024;
