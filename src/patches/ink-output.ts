// Ink draws every frame by writing each text node into a fresh width × height grid of cell
// objects and turning each row of the grid back into a string (ink/build/output.js). From
// one keystroke to the next most rows hold the same text at the same place, or, when the
// reader scrolls, text that was on a neighbouring row. This Output, which the bundle puts
// in place of Ink's (see manifest.ts), does what Ink's does with the same operations in the
// same order, but first records what lands on each row (where, and which line's cells) and
// builds a row's cells and string only for a placement it has not seen in recent frames.
// Same API and the same output as Ink's: tests/patch-equivalence.test.ts compares them on
// random writes, clips and transformers.
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

type Transformer = (line: string, index: number) => string;
interface Clip {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
}
type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

/** Enough for several frames of any screen; past it a cache starts again. */
const KEPT = 1024;
function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= KEPT) map.clear();
  map.set(key, value);
  return value;
}

const charsOfLine = new Map<string, StyledChar[]>();
const widthOfText = new Map<string, number>();
const rowOfPlacements = new Map<string, string>();
// Each line's cells get a number, so a row's placements can be a string key.
const idOfChars = new WeakMap<StyledChar[], number>();
let nextId = 0;

const styledChars = (line: string) => charsOfLine.get(line) ?? remember(charsOfLine, line, styledCharsFromTokens(tokenize(line)));
const textWidth = (text: string) => widthOfText.get(text) ?? remember(widthOfText, text, stringWidth(text));
function widestLine(text: string): number {
  let width = 0;
  for (const line of text.split('\n')) width = Math.max(width, textWidth(line));
  return width;
}
function idOf(chars: StyledChar[]): number {
  let id = idOfChars.get(chars);
  if (id === undefined) {
    id = nextId++;
    idOfChars.set(chars, id);
  }
  return id;
}

const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

/** A row as Ink builds it: blank cells, then each line's cells where it was written. */
function rowString(width: number, placements: { x: number; chars: StyledChar[] }[]): string {
  const row: StyledChar[] = [];
  for (let x = 0; x < width; x++) row.push(BLANK);
  for (const { x, chars } of placements) {
    let offsetX = x;
    for (const character of chars) {
      row[offsetX] = character;
      const characterWidth = Math.max(1, textWidth(character.value));
      // The cells a wide character covers are empty, so nothing stray shows through.
      for (let index = 1; index < characterWidth; index++)
        row[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
      offsetX += characterWidth;
    }
  }
  // Cells past the width leave holes, which Ink drops.
  return styledCharsToString(row.length === width ? row : row.filter((cell) => cell !== undefined)).trimEnd();
}

export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const rows: { x: number; chars: StyledChar[] }[][] = [];
    for (let y = 0; y < this.height; y++) rows.push([]);
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type !== 'write') continue;
      const { text, transformers } = operation;
      let { x, y } = operation;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        // Entirely outside the clip: nothing to place.
        if (clipHorizontally) {
          const width = widestLine(text);
          if (x + width < clip.x1! || x > clip.x2!) continue;
        }
        if (clipVertically) {
          const height = lines.length;
          if (y + height < clip.y1! || y > clip.y2!) continue;
        }
        if (clipHorizontally) {
          lines = lines.map((line) => {
            const from = x < clip.x1! ? clip.x1! - x : 0;
            const width = textWidth(line);
            const to = x + width > clip.x2! ? clip.x2! - x : width;
            return sliceAnsi(line, from, to);
          });
          if (x < clip.x1!) x = clip.x1!;
        }
        if (clipVertically) {
          const from = y < clip.y1! ? clip.y1! - y : 0;
          const height = lines.length;
          const to = y + height > clip.y2! ? clip.y2! - y : height;
          lines = lines.slice(from, to);
          if (y < clip.y1!) y = clip.y1!;
        }
      }
      let offsetY = 0;
      for (let [index, line] of lines.entries()) {
        // As in Ink: a line outside the grid is dropped and the next goes to the same row.
        const row = rows[y + offsetY];
        if (!row) continue;
        for (const transformer of transformers) line = transformer(line, index);
        row.push({ x, chars: styledChars(line) });
        offsetY++;
      }
    }
    const output = rows.map((placements) => {
      let key = String(this.width);
      for (const { x, chars } of placements) key += `,${x}:${idOf(chars)}`;
      return rowOfPlacements.get(key) ?? remember(rowOfPlacements, key, rowString(this.width, placements));
    });
    return { output: output.join('\n'), height: output.length };
  }
}
