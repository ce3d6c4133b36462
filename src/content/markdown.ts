// Markdown conversion: a note's text (after its front matter) as the blocks and spans of
// src/content/types.ts. For content/ (at build time) every construct the notes do not allow
// (links, images, HTML, italics, block quotes, # headings) is a problem; for a learner's
// notes (at run time, `lenient`) it is kept as the text that was written, never rendered:
// a link shows as [text](url), HTML as its tags.
import type { Token, Tokens } from 'marked';
import { plainText, type Block, type ListItem, type Span } from './types.js';

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Splits `---\nyaml\n---\nbody`; the body keeps its line offset for messages. */
export function splitFrontMatter(source: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return null;
  return { yaml: match[1] ?? '', body: source.slice(match[0].length) };
}

export class MarkdownConverter {
  readonly problems: string[] = [];

  constructor(private readonly options: { lenient?: boolean } = {}) {}

  inline(tokens: Token[] | undefined, inherited: Omit<Span, 'text'> = {}): Span[] {
    const spans: Span[] = [];
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'text':
        case 'escape':
          if ('tokens' in token && token.tokens?.length) spans.push(...this.inline(token.tokens, inherited));
          else spans.push({ text: token.text as string, ...inherited });
          break;
        case 'strong':
          spans.push(...this.inline((token as Tokens.Strong).tokens, { ...inherited, strong: true }));
          break;
        case 'codespan':
          spans.push({ text: (token as Tokens.Codespan).text, ...inherited, code: true });
          break;
        case 'br':
          spans.push({ text: ' ', ...inherited });
          break;
        default:
          if (this.options.lenient) spans.push({ text: token.raw, ...inherited });
          else this.problems.push(`unsupported inline Markdown (${token.type}): ${JSON.stringify(token.raw)}`);
      }
    }
    return mergeSpans(spans);
  }

  blocks(tokens: Token[]): Block[] {
    const blocks: Block[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
          break;
        case 'heading': {
          const heading = token as Tokens.Heading;
          let level = heading.depth;
          if (level !== 2 && level !== 3) {
            if (!this.options.lenient) {
              this.problems.push(`only ## and ### headings are allowed: ${JSON.stringify(heading.raw.trim())}`);
              break;
            }
            // A learner's # is a section and ####… a subsection: the reader has two levels.
            level = level < 2 ? 2 : 3;
          }
          const spans = this.inline(heading.tokens);
          blocks.push({ type: 'heading', level: level as 2 | 3, spans, slug: slugify(plainText(spans)) });
          break;
        }
        case 'paragraph':
          blocks.push({ type: 'paragraph', spans: this.inline((token as Tokens.Paragraph).tokens) });
          break;
        case 'text':
          blocks.push({ type: 'paragraph', spans: this.inline((token as Tokens.Text).tokens ?? [token]) });
          break;
        case 'list': {
          const list = token as Tokens.List;
          blocks.push({
            type: 'list',
            ordered: list.ordered,
            start: typeof list.start === 'number' ? list.start : 1,
            items: list.items.map((item) => this.listItem(item)),
          });
          break;
        }
        case 'code': {
          const code = token as Tokens.Code;
          blocks.push({ type: 'code', lang: code.lang ?? '', text: code.text });
          break;
        }
        case 'table': {
          const table = token as Tokens.Table;
          blocks.push({
            type: 'table',
            header: table.header.map((cell) => this.inline(cell.tokens)),
            rows: table.rows.map((row) => row.map((cell) => this.inline(cell.tokens))),
          });
          break;
        }
        default:
          if (this.options.lenient) {
            const text = token.raw.trim();
            if (text) blocks.push({ type: 'paragraph', spans: [{ text }] });
          } else this.problems.push(`unsupported Markdown block (${token.type}): ${JSON.stringify(token.raw.slice(0, 60))}`);
      }
    }
    return blocks;
  }

  listItem(item: Tokens.ListItem): ListItem {
    const [first, ...rest] = item.tokens;
    if (first && (first.type === 'text' || first.type === 'paragraph')) {
      const spans = this.inline((first as Tokens.Text).tokens ?? [first]);
      return { spans, children: this.blocks(rest) };
    }
    return { spans: [], children: this.blocks(item.tokens) };
  }
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && last.strong === span.strong && last.code === span.code) last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
}
