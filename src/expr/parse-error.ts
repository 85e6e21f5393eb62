/** @file ParseError: a malformed expression, reported with its position and a caret under the offending character. */

/** Where a 0-based index falls in the source: its line (1-based), column (1-based) and the text of that line. */
function locate(source: string, position: number): { line: number; column: number; text: string } {
  // lastIndexOf reads a negative start as 0, so position 0 would find a newline at 0 itself.
  const start = position === 0 ? 0 : source.lastIndexOf('\n', position - 1) + 1;
  const newline = source.indexOf('\n', position);
  const end = newline < 0 ? source.length : newline;
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < start; i = source.indexOf('\n', i + 1)) line++;
  return { line, column: position - start + 1, text: source.slice(start, end) };
}

/**
 * A malformed expression. `position` is the 0-based index of the offending
 * character in the source (the source's length when the input ended too
 * early). The message has three lines: what went wrong and where, the source
 * line, and a caret under the offending character, so it can be printed as is.
 * `reason` is the first line's explanation alone, for one-line reports (the CLI).
 *
 * @example
 * try {
 *   parse('5*x^*2');
 * } catch (e) {
 *   if (e instanceof ParseError) console.log(e.position, e.reason); // 4 "expected an expression after '^', found '*'"
 * }
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  /** 0-based index into `source`. */
  readonly position: number;
  /** 1-based line and column of `position`, as editors count them. */
  readonly line: number;
  readonly column: number;
  /** The whole source that was parsed. */
  readonly source: string;
  /** What went wrong, without the location and the caret lines. */
  readonly reason: string;

  constructor(source: string, position: number, reason: string) {
    const at = locate(source, position);
    const where = source.includes('\n')
      ? `line ${at.line}, column ${at.column}`
      : `column ${at.column}`;
    // Tabs become single spaces so the caret stays aligned in any terminal;
    // the '\r' of a CRLF line ending is not part of what the reader sees.
    const text = at.text.replaceAll('\t', ' ').replace(/\r$/, '');
    super(
      `wengert: parse error at ${where}: ${reason}\n  ${text}\n  ${' '.repeat(at.column - 1)}^`,
    );
    this.position = position;
    this.line = at.line;
    this.column = at.column;
    this.source = source;
    this.reason = reason;
  }
}
