/** @file What a built page must not contain: KaTeX errors, math that reached the reader unrendered, and the project's bookkeeping. */

const decodeHtml = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#039;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/**
 * The plugin's error elements: `<span class="katex-error" title="LATEX">MESSAGE</span>`
 * (a `<p>` for display math), so both the LaTeX and KaTeX's message can be reported.
 */
export function katexErrors(html: string): { latex: string; message: string }[] {
  const pattern = /class="[^"]*\bkatex-error\b[^"]*"[^>]*?title="([^"]*)"[^>]*>([^<]*)</g;
  const found = [...html.matchAll(pattern)].map((m) => ({
    latex: decodeHtml(m[1] ?? ''),
    message: decodeHtml(m[2] ?? ''),
  }));
  // An error element of another shape (a future plugin version) must not slip through unreported.
  const all = html.match(/\bkatex-error\b/g)?.length ?? 0;
  return all > found.length
    ? [...found, { latex: '?', message: 'unrecognised katex-error' }]
    : found;
}

/**
 * Pieces of prose that look like math nobody rendered: a `$...$` pair, or a
 * LaTeX command such as `\frac`. Give it the text of a page outside code and
 * outside KaTeX's output; the prose never uses a dollar sign or a backslash.
 */
export function rawMath(text: string): string[] {
  return [...text.matchAll(/\$[^$\n]{0,80}\$?|\\[a-zA-Z]+/g)].map((m) => m[0]);
}

/**
 * Words about the project's own bookkeeping that mean nothing to a reader:
 * "issue 15", "ticket", "PR #3", "TODO". A page says what wengert does and
 * why, never which piece of work it came from.
 */
export function bookkeeping(text: string): string[] {
  const pattern =
    /\b(?:issues?|bugs?|PRs?|pull requests?|milestones?)\s*#?\d+\b|\btickets?\b|\bTODO\b|\bFIXME\b/gi;
  return [...text.matchAll(pattern)].map((m) => m[0]);
}
