/** Output goes through these so tests can capture it. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string | null>;
}
