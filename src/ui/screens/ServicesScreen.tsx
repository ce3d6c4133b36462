import { Box, Text } from 'ink';
import { type Ref, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { firstSelectable, isSelectable, menuRows, moveSelection, type MenuRow } from '../../browse/menu.js';
import type { ReaderPlace } from '../../browse/reader.js';
import { hasMine, serviceById } from '../../content/bundle.js';
import type { Service } from '../../content/types.js';
import { excerpt, highlight, truncateLine, type Line } from '../../render/lines.js';
import { StyledLine } from '../components/StyledLine.js';
import { TextField } from '../components/TextField.js';
import { useKeys } from '../input.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { useReportMode } from '../useReportMode.js';
import { NoteReader } from './NoteReader.js';
import type { InputMode } from './types.js';

export interface ServicesScreenProps {
  width: number;
  height: number;
  active: boolean;
  readIds: ReadonlySet<string>;
  onOpen(serviceId: string): void;
  onMode(mode: InputMode): void;
  onQuiz(serviceId: string): void;
  /** Opens the learner's editor on their notes on a service; resolves once they are loaded again. */
  onEdit?(serviceId: string): Promise<void>;
  /** Changes whenever the learner's own content is loaded again: the rows and the open note are made anew. */
  contentVersion?: number;
  /** The note to open as the screen opens (the Progress screen's "KMS note never read"); the App marks it read. */
  initialNote?: string | null;
  /** Where each note was left, to open it there (when no section is asked for), and to save it. */
  places?: NotePlaces;
  ref?: Ref<ServicesScreenHandle>;
}

/** Where the learner left each note (the progress store keeps them). */
export interface NotePlaces {
  get(serviceId: string): ReaderPlace | undefined;
  save(serviceId: string, place: ReaderPlace): void;
}

/** Opening a note from outside the screen (a next step of the Progress screen). */
export interface ServicesScreenHandle {
  open(serviceId: string): void;
}

interface Reading {
  service: Service;
  /** The section to open at; with none, `place`, else where the note was left last time. */
  section: string | null;
  place?: ReaderPlace;
  /** Counts the openings: a note opened again (after an edit) is a new reader, laid out anew. */
  opening: number;
}

function rowLine(row: MenuRow, width: number): Line {
  switch (row.kind) {
    case 'category':
      return truncateLine({ segments: [{ text: row.label, role: 'accent', bold: true }] }, width);
    case 'service': {
      const title = highlight({ segments: [{ text: row.service.title, bold: true }] }, row.ranges);
      return truncateLine(
        {
          segments: [
            { text: row.read ? '✓ ' : '· ', role: row.read ? 'success' : 'muted' },
            ...title.segments,
            ...(hasMine(row.service) ? [{ text: ' ✎', role: 'accent' as const }] : []),
            // A few aliases: enough to recognise the service, few enough to draw fast.
            { text: `  ${row.service.aliases.slice(0, 3).join(', ')}`, role: 'muted' },
          ],
        },
        width,
      );
    }
    case 'hit': {
      const label = row.hitKind === 'alias' ? 'aka ' : row.hitKind === 'line' && row.sectionTitle ? `${row.sectionTitle}: ` : '';
      const prefix = `    ${label}`;
      const text = excerpt(row.text, row.ranges, Math.max(4, width - prefix.length));
      return { segments: [{ text: prefix, role: 'muted' }, ...text.segments] };
    }
  }
}

/**
 * Builds and drops the rows and lines of a few queries, one of each kind the search treats
 * apart (a letter, a word, a misspelling, two words): the app calls it once, idle, after
 * its first frame, so a learner's first keystrokes run compiled code instead of compiling it.
 */
export function warmSearch(width: number): void {
  for (const query of ['e', 'ec2', 'bukcet', 'cache ttl']) for (const row of menuRows(query, new Set())) rowLine(row, width);
}

export function ServicesScreen({
  width,
  height,
  active,
  readIds,
  onOpen,
  onMode,
  onQuiz,
  onEdit,
  contentVersion = 0,
  initialNote,
  places,
  ref,
}: ServicesScreenProps) {
  const [query, setQuery] = useState('');
  const [boxFocused, setBoxFocused] = useState(true);
  const [selected, setSelected] = useState(0);
  // The list's scroll position, kept between renders; derived from the selection on each
  // render rather than stored in state, which would cost a second render per keystroke.
  const offset = useRef(0);
  const openings = useRef(0);
  const [reading, setReading] = useState<Reading | null>(() => {
    const service = initialNote ? serviceById(initialNote) : undefined;
    return service ? { service, section: null, opening: 0 } : null;
  });
  useReportMode(onMode, reading ? null : boxFocused ? 'search-box' : 'menu');

  // biome-ignore lint/correctness/useExhaustiveDependencies: contentVersion stands for the learner's content, read by menuRows
  const rows = useMemo(() => menuRows(query, readIds), [query, readIds, contentVersion]);
  // Box, blank line, then the list.
  const listHeight = Math.max(1, height - 2);
  const current = isSelectable(rows[selected]) ? selected : firstSelectable(rows);

  // Keep the selection in the window; show the category heading above the first service.
  const windowStart = (() => {
    let start = Math.min(offset.current, Math.max(0, rows.length - listHeight));
    if (current < start) start = current > 0 && rows[current - 1]?.kind === 'category' ? current - 1 : current;
    if (current >= start + listHeight) start = current - listHeight + 1;
    return Math.max(0, start);
  })();
  offset.current = windowStart;

  const read = (service: Service, section: string | null) => {
    setReading({ service, section, opening: ++openings.current });
    onOpen(service.id);
  };
  const open = (row: MenuRow | undefined) => {
    if (!row || row.kind === 'category') return;
    const service = serviceById(row.service.id);
    if (service) read(service, row.kind === 'hit' ? row.section : row.target);
  };
  useImperativeHandle(ref, () => ({
    open: (serviceId) => {
      const service = serviceById(serviceId);
      if (service) read(service, null);
    },
  }));

  // After the editor: the note as now saved, in a reader laid out anew. A shipped note opens
  // at the learner's "My notes"; a note of their own (or one whose notes they left empty)
  // where the page was when they pressed e. The reader it replaces has saved where it was
  // left, and this one saves its own place when it is left in turn. Unless the learner has
  // gone back meanwhile (the notes load after the editor exits).
  const edit = async (serviceId: string, place: ReaderPlace) => {
    await onEdit?.(serviceId);
    const service = serviceById(serviceId);
    const mine = service && !service.own ? service.sections.find((s) => s.own)?.slug : undefined;
    const opening = ++openings.current;
    setReading((current) => {
      if (current?.service.id !== serviceId) return current;
      if (!service) return null;
      return { service, section: mine ?? null, ...(mine ? {} : { place }), opening };
    });
  };

  const changeQuery = (value: string) => {
    setQuery(value);
    setSelected(-1); // no row: the first selectable row of the new results

    offset.current = 0;
  };

  useKeys(
    (input, key) => {
      const printable = !key.ctrl && !key.meta && input.length > 0 && input >= ' ';
      // While the box has focus a letter is typed (its field takes it), j and k included.
      if (boxFocused && printable) return;
      if (isKey('menu.down', input, key)) setSelected(moveSelection(rows, current, 1));
      else if (isKey('menu.up', input, key)) setSelected(moveSelection(rows, current, -1));
      else if (isKey('menu.page-down', input, key)) setSelected(moveSelection(rows, current, listHeight - 1));
      else if (isKey('menu.page-up', input, key)) setSelected(moveSelection(rows, current, -(listHeight - 1)));
      else if (isKey('menu.open', input, key)) open(rows[current]);
      else if (isKey('menu.clear', input, key)) {
        if (query) changeQuery('');
        else setBoxFocused(false);
      } else if (isKey('menu.focus', input, key)) setBoxFocused(true);
      else if (printable && input.trim()) {
        // Outside the box a letter starts a new search, as if / had come first: Esc Esc
        // then "sqs" searches for sqs (q, ? and the digits are the app's, asked before).
        setBoxFocused(true);
        changeQuery(input);
      }
    },
    { isActive: active && !reading },
  );

  if (reading) {
    return (
      <NoteReader
        key={reading.opening}
        service={reading.service}
        section={reading.section}
        width={width}
        height={height}
        active={active}
        onMode={onMode}
        onQuiz={onQuiz}
        {...(onEdit ? { onEdit: (id: string, place: ReaderPlace) => void edit(id, place) } : {})}
        onBack={() => setReading(null)}
        place={reading.section ? undefined : (reading.place ?? places?.get(reading.service.id))}
        onLeave={(place) => places?.save(reading.service.id, place)}
      />
    );
  }

  const visible = rows.slice(windowStart, windowStart + listHeight);
  const matches = rows.filter((r) => r.kind === 'service').length;
  return (
    <Box flexDirection="column" height={height}>
      <Box>
        <Text {...(boxFocused ? ROLE_STYLE.accent : ROLE_STYLE.muted)}>{boxFocused ? '› ' : '  '}</Text>
        <TextField
          value={query}
          focus={active && boxFocused}
          placeholder={boxFocused ? 'type to search: ddb, fifo, kinesis…' : 'press / to search'}
          onChange={changeQuery}
        />
      </Box>
      <Text {...ROLE_STYLE.muted} wrap="truncate">
        {query
          ? matches
            ? `${matches} service${matches === 1 ? '' : 's'} match`
            : `nothing matches "${query}"`
          : `${matches} services · ✓ read`}
      </Text>
      {visible.map((row, i) => {
        const index = windowStart + i;
        const isCurrent = index === current && row.kind !== 'category';
        const line = rowLine(row, width - 2);
        // The marker keeps the selection visible without colour.
        return (
          <StyledLine
            key={index}
            line={{ segments: [{ text: isCurrent ? '› ' : '  ', role: 'accent' }, ...line.segments] }}
            inverse={isCurrent}
          />
        );
      })}
    </Box>
  );
}
