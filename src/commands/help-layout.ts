// The help's text fitted to the terminal: lines broken between words, never inside one,
// each continuation indented under what it continues. 80 columns when not a terminal.

/** Words of a line after its indentation (runs of spaces inside it become one). */
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);

/**
 * `text` broken into lines of at most `width` columns between words: the first line
 * starts with `first`, the others with `rest`. A word longer than a line gets a line of its
 * own (a path or a URL is never cut). `end` closes every line but the last (" \" for a
 * shell command that continues).
 */
export function fill(text: string, width: number, first: string, rest: string, end = ''): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words(text)) {
    const room = width - [...end].length;
    if (!empty && [...line].length + 1 + [...word].length > room) {
      lines.push(line + end);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/**
 * A line of the help fitted to `width`: kept when it fits; else wrapped under its own
 * indentation, or under its second column when it has one ("  --task T      one task…",
 * two spaces or more between a term and its text).
 */
export function fitLine(line: string, width: number): string[] {
  if ([...line].length <= width || !line.trim()) return [line];
  const indent = /^\s*/.exec(line)![0];
  const column = /^(\s*\S+(?: \S+)*?\s{2,})\S/.exec(line);
  if (column && [...column[1]!].length <= width / 2) {
    const term = column[1]!;
    return fill(line.slice(term.length), width, term, ' '.repeat([...term].length));
  }
  return fill(line, width, indent, `${indent}    `);
}
