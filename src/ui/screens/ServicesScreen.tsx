import { Box, Text } from 'ink';
import { type Ref, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { firstSelectable, isSelectable, menuRows, moveSelection, type MenuRow } from '../../browse/menu.js';
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
  ref?: Ref<ServicesScreenHandle>;
}

/** Opening a note from outside the screen (a next step of the Progress screen). */
export interface ServicesScreenHandle {
  open(serviceId: string): void;
}

interface Reading {
  service: Service;
  section: string | null;
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
  ref,
}: ServicesScreenProps) {
  const [query, setQuery] = useState('');
  const [boxFocused, setBoxFocused] = useState(true);
  const [selected, setSelected] = useState(0);
  // The list's scroll position, kept between renders; derived from the selection on each
  // render rather than stored in state, which would cost a second render per keystroke.
  const offset = useRef(0);
  const [reading, setReading] = useState<Reading | null>(() => {
    const service = initialNote ? serviceById(initialNote) : undefined;
    return service ? { service, section: null } : null;
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
    setReading({ service, section });
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

  // After the editor: the note as now saved, open at the learner's notes (at its top, for a service of theirs).
  const edit = async (serviceId: string) => {
    await onEdit?.(serviceId);
    const service = serviceById(serviceId);
    if (!service) setReading(null);
    else setReading({ service, section: service.own ? null : (service.sections.find((s) => s.own)?.slug ?? reading?.section ?? null) });
  };

  const changeQuery = (value: string) => {
    setQuery(value);
    setSelected(-1); // no row: the first selectable row of the new results

    offset.current = 0;
  };

  useKeys(
    (input, key) => {
      if (isKey('menu.down', input, key)) setSelected(moveSelection(rows, current, 1));
      else if (isKey('menu.up', input, key)) setSelected(moveSelection(rows, current, -1));
      else if (isKey('menu.page-down', input, key)) setSelected(moveSelection(rows, current, listHeight - 1));
      else if (isKey('menu.page-up', input, key)) setSelected(moveSelection(rows, current, -(listHeight - 1)));
      else if (isKey('menu.open', input, key)) open(rows[current]);
      else if (isKey('menu.clear', input, key)) {
        if (query) changeQuery('');
        else setBoxFocused(false);
      } else if (!boxFocused && isKey('menu.focus', input, key)) setBoxFocused(true);
    },
    { isActive: active && !reading },
  );

  if (reading) {
    return (
      <NoteReader
        key={`${reading.service.id}#${reading.section ?? ''}`}
        service={reading.service}
        section={reading.section}
        width={width}
        height={height}
        active={active}
        onMode={onMode}
        onQuiz={onQuiz}
        {...(onEdit ? { onEdit: (id: string) => void edit(id) } : {})}
        onBack={() => setReading(null)}
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
