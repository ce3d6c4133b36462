import type { Key } from 'ink';
import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import {
  lineOfPlace,
  openReader,
  placeAt,
  positionText,
  type ReaderEvent,
  type ReaderPlace,
  type ReaderState,
  type ReaderView,
  reduceReader,
  sectionAt,
} from '../../browse/reader.js';
import type { Service } from '../../content/types.js';
import { highlight, truncateLine } from '../../render/lines.js';
import { layoutNote } from '../../render/note.js';
import { StyledLine } from '../components/StyledLine.js';
import { TextField } from '../components/TextField.js';
import { useKeys } from '../input.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { useMachine } from '../useMachine.js';
import { useReportMode } from '../useReportMode.js';
import type { InputMode } from './types.js';

export interface NoteReaderProps {
  service: Service;
  section: string | null;
  width: number;
  height: number;
  active: boolean;
  onBack(): void;
  onMode(mode: InputMode): void;
  /** Starts a quiz on this service (absent when the reader was opened from a quiz). */
  onQuiz?(serviceId: string): void;
  /**
   * Opens the learner's editor on their notes on this service, told where the page is (a
   * note of their own reopens there). Absent when the reader was opened from a quiz.
   */
  onEdit?(serviceId: string, place: ReaderPlace): void;
  /** Where the learner left this note last time: where it opens when no section is asked for. */
  place?: ReaderPlace | undefined;
  /** Told where the learner leaves the note: when it closes and when the screen is left. */
  onLeave?(place: ReaderPlace): void;
}

const MODE: Record<ReaderState['mode'], InputMode> = { read: 'reader', find: 'find', outline: 'outline' };

/** What a key means in the reader: an event for its state, or leaving it. */
function readerEvent(state: ReaderState, input: string, key: Key): ReaderEvent | 'back' | 'quiz' | 'edit' | null {
  if (state.mode === 'find') return isKey('find.cancel', input, key) ? { type: 'cancel' } : null; // the field has the rest
  if (state.mode === 'outline') {
    if (isKey('outline.down', input, key)) return { type: 'outline-move', by: 1 };
    if (isKey('outline.up', input, key)) return { type: 'outline-move', by: -1 };
    if (isKey('outline.jump', input, key)) return { type: 'outline-jump' };
    if (isKey('outline.close', input, key)) return { type: 'cancel' };
    return null;
  }
  if (isKey('reader.down', input, key)) return { type: 'scroll', by: 1 };
  if (isKey('reader.up', input, key)) return { type: 'scroll', by: -1 };
  if (isKey('reader.page-down', input, key)) return { type: 'page', by: 1 };
  if (isKey('reader.page-up', input, key)) return { type: 'page', by: -1 };
  if (isKey('reader.half-down', input, key)) return { type: 'half-page', by: 1 };
  if (isKey('reader.half-up', input, key)) return { type: 'half-page', by: -1 };
  if (isKey('reader.next-section', input, key)) return { type: 'section', by: 1 };
  if (isKey('reader.prev-section', input, key)) return { type: 'section', by: -1 };
  if (isKey('reader.top', input, key)) return { type: 'top' };
  if (isKey('reader.bottom', input, key)) return { type: 'bottom' };
  if (isKey('reader.next-hit', input, key)) return { type: 'next-hit', by: 1 };
  if (isKey('reader.prev-hit', input, key)) return { type: 'next-hit', by: -1 };
  if (isKey('reader.outline', input, key)) return { type: 'open-outline' };
  if (isKey('reader.find', input, key)) return { type: 'open-find' };
  if (isKey('reader.quiz', input, key)) return 'quiz';
  if (isKey('reader.edit', input, key)) return 'edit';
  if (isKey('reader.back', input, key)) return 'back';
  return null;
}

export function NoteReader({ service, section, width, height, active, onBack, onMode, onQuiz, onEdit, place, onLeave }: NoteReaderProps) {
  const layout = useMemo(() => layoutNote(service, width), [service, width]);
  // One line for the status bar; the rest shows the note.
  const view: ReaderView = useMemo(
    () => ({
      lines: layout.lines,
      height: Math.max(1, height - 1),
      sections: service.sections.map((s) => layout.anchors.get(s.slug) ?? 0),
    }),
    [layout, height, service],
  );
  const slugs = useMemo(() => service.sections.map((s) => s.slug), [service]);
  const [state, dispatch] = useMachine(
    () => openReader(view, section ? layout.anchors.get(section) : place ? lineOfPlace(view, slugs, place) : 0),
    (s, event: ReaderEvent) => reduceReader(s, event, view),
  );
  useReportMode(onMode, MODE[state.mode]);

  // A resize can leave `top` past the end: clamp on render rather than store twice.
  const top = Math.min(state.top, Math.max(0, view.lines.length - view.height));

  // The place is handed over when the note closes (back, another note, the app quitting)
  // and when the screen is left for another: not on every scroll, each a snapshot write.
  const leaving = useRef({ onLeave, place: placeAt(view, slugs, top) });
  useLayoutEffect(() => {
    leaving.current = { onLeave, place: placeAt(view, slugs, top) };
  });
  useEffect(() => () => leaving.current.onLeave?.(leaving.current.place), []);
  useEffect(() => {
    if (!active) leaving.current.onLeave?.(leaving.current.place);
  }, [active]);
  const outline = service.sections;
  const currentSection = outline[sectionAt(view, top)];

  useKeys(
    (input, key) => {
      const event = readerEvent(state, input, key);
      if (event === 'back') onBack();
      else if (event === 'quiz') onQuiz?.(service.id);
      else if (event === 'edit') onEdit?.(service.id, placeAt(view, slugs, top));
      else if (event) dispatch(event);
    },
    { isActive: active },
  );

  const bodyHeight = view.height;
  let body: ReactNode;
  if (state.mode === 'outline') {
    const start = Math.max(0, Math.min(state.outlineIndex - Math.floor(bodyHeight / 2), outline.length - (bodyHeight - 1)));
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        <Text bold {...ROLE_STYLE.accent} wrap="truncate">
          {`Outline of ${service.title}`}
        </Text>
        {outline.slice(start, start + bodyHeight - 1).map((s, i) => {
          const selected = start + i === state.outlineIndex;
          return (
            <Text key={s.slug} inverse={selected} wrap="truncate">
              {`${selected ? '›' : ' '} ${s.level === 3 ? '  ' : ''}${s.title}`}
            </Text>
          );
        })}
      </Box>
    );
  } else {
    const hitsByLine = new Map((state.find?.hits ?? []).map((h, i) => [h.line, { ranges: h.ranges, current: i === state.find?.current }]));
    const visible = view.lines.slice(top, top + bodyHeight);
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        {visible.map((line, i) => {
          const hit = hitsByLine.get(top + i);
          const shown = hit ? highlight(line, hit.ranges, hit.current ? 'match' : 'warning') : line;
          return <StyledLine key={top + i} line={truncateLine(shown, width)} />;
        })}
      </Box>
    );
  }

  let status: ReactNode;
  if (state.mode === 'find') {
    status = (
      <Box>
        <Text {...ROLE_STYLE.accent}>/</Text>
        <TextField
          value={state.draft}
          focus={active}
          onChange={(text) => dispatch({ type: 'draft', text })}
          onSubmit={() => dispatch({ type: 'submit-find' })}
        />
      </Box>
    );
  } else {
    const find = state.find;
    const findText = find
      ? find.hits.length
        ? ` · "${find.query}" ${find.current + 1}/${find.hits.length}`
        : ` · "${find.query}" not found`
      : '';
    const left = `${service.title}${currentSection ? ` › ${currentSection.title}` : ''}`;
    const right = `${findText} ${positionText({ ...state, top }, view)}`;
    const room = Math.max(0, width - right.length - 1);
    status = (
      <Text wrap="truncate" {...ROLE_STYLE.muted}>
        {`${left.length > room ? `${left.slice(0, Math.max(0, room - 1))}…` : left.padEnd(room)} ${right.trimStart()}`}
      </Text>
    );
  }

  return (
    <Box flexDirection="column" height={height}>
      {body}
      {status}
    </Box>
  );
}
