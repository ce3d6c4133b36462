// Whether to colour output. NO_COLOR (any non-empty value, see no-color.org), FORCE_COLOR=0
// and TERM=dumb turn colour off; otherwise colour only on a terminal, unless FORCE_COLOR asks.
export type Env = Record<string, string | undefined>;

export function colorEnabled(isTTY: boolean | undefined, env: Env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return true;
  return isTTY === true;
}

/** Columns to wrap plain output to: the terminal's width, or 80 when not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : 80;
}
