/** Output goes through these so tests can capture it. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** What was piped to standard input, trimmed; null on a terminal or when nothing was. */
  readStdin(): Promise<string | null>;
  /** Asks on the terminal without showing what is typed; null when there is no terminal. */
  askSecret?(prompt: string): Promise<string | null>;
}
