/** Where a CLI command writes: stdout and stderr in the real `scout`, arrays in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
