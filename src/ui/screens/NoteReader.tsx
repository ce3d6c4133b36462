import { Box, Text, useInput } from 'ink';
import { TextField } from '../components/TextField.js';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { initialReader, positionText, reduceReader, type ReaderAction, type ReaderView } from '../../browse/reader.js';
import type { Service } from '../../content/types.js';
import { highlight, truncateLine } from '../../render/lines.js';
import { layoutNote } from '../../render/note.js';
import { StyledLine } from '../components/StyledLine.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
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
}

export function NoteReader({ service, section, width, height, active, onBack, onMode, onQuiz }: NoteReaderProps) {
  const layout = useMemo(() => layoutNote(service, width), [service, width]);
  // One line for the status bar; the rest shows the note.
  const view: ReaderView = { lines: layout.lines, height: Math.max(1, height - 1) };
  const viewRef = useRef(view);
  viewRef.current = view;
  const [state, setState] = useState(() => {
    const anchor = section ? layout.anchors.get(section) : undefined;
    return reduceReader(initialReader(), { type: 'jump', line: anchor ?? 0 }, view);
  });
  const dispatch = (action: ReaderAction) => setState((s) => reduceReader(s, action, viewRef.current));

  // A resize can leave `top` past the end: clamp on render rather than store twice.
  const top = Math.min(state.top, Math.max(0, view.lines.length - view.height));
  const outline = service.sections;
  const currentSection = [...outline].reverse().find((s) => (layout.anchors.get(s.slug) ?? 0) <= top);

  useInput(
    (input, key) => {
      if (state.mode === 'find') {
        if (isKey('find.cancel', input, key)) {
          dispatch({ type: 'cancel' });
          onMode('reader');
        }
        return; // TextInput has the other keys; Enter comes through its onSubmit.
      }
      if (state.mode === 'outline') {
        if (isKey('outline.down', input, key)) dispatch({ type: 'outline-move', by: 1, count: outline.length });
        else if (isKey('outline.up', input, key)) dispatch({ type: 'outline-move', by: -1, count: outline.length });
        else if (isKey('outline.jump', input, key)) {
          const target = outline[state.outlineIndex];
          dispatch({ type: 'jump', line: target ? (layout.anchors.get(target.slug) ?? 0) : 0 });
          onMode('reader');
        } else if (isKey('outline.close', input, key)) {
          dispatch({ type: 'cancel' });
          onMode('reader');
        }
        return;
      }
      if (isKey('reader.down', input, key)) dispatch({ type: 'scroll', by: 1 });
      else if (isKey('reader.up', input, key)) dispatch({ type: 'scroll', by: -1 });
      else if (isKey('reader.page-down', input, key)) dispatch({ type: 'page', by: 1 });
      else if (isKey('reader.page-up', input, key)) dispatch({ type: 'page', by: -1 });
      else if (isKey('reader.top', input, key)) dispatch({ type: 'top' });
      else if (isKey('reader.bottom', input, key)) dispatch({ type: 'bottom' });
      else if (isKey('reader.next-hit', input, key)) dispatch({ type: 'next-hit', by: 1 });
      else if (isKey('reader.prev-hit', input, key)) dispatch({ type: 'next-hit', by: -1 });
      else if (isKey('reader.outline', input, key)) {
        dispatch({ type: 'open-outline', index: Math.max(0, currentSection ? outline.indexOf(currentSection) : 0) });
        onMode('outline');
      } else if (isKey('reader.find', input, key)) {
        dispatch({ type: 'open-find' });
        onMode('find');
      } else if (onQuiz && isKey('reader.quiz', input, key)) onQuiz(service.id);
      else if (isKey('reader.back', input, key)) onBack();
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
          onSubmit={() => {
            dispatch({ type: 'submit-find' });
            onMode('reader');
          }}
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
