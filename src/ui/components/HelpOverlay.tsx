import { Box, Text } from 'ink';
import { BINDINGS, SCOPE_TITLES, type Scope } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';

/** Every key binding, generated from the table, windowed to the height it has. */
export function helpLines(scopes: Scope[]): { text: string; heading?: boolean }[] {
  const lines: { text: string; heading?: boolean }[] = [];
  for (const scope of scopes) {
    const rows = BINDINGS.filter((b) => b.scope === scope);
    if (rows.length === 0) continue;
    if (lines.length) lines.push({ text: '' });
    lines.push({ text: SCOPE_TITLES[scope], heading: true });
    const width = Math.max(...rows.map((b) => b.label.length));
    for (const b of rows) lines.push({ text: `  ${b.label.padEnd(width)}  ${b.description}` });
  }
  return lines;
}

export function HelpOverlay({ scopes, height, offset }: { scopes: Scope[]; height: number; offset: number }) {
  const lines = helpLines(scopes);
  const visible = lines.slice(offset, offset + height - 1);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold {...ROLE_STYLE.accent} wrap="truncate">
        {`Keys (${offset + visible.length}/${lines.length}) · ↑/↓ scroll · ? or Esc close`}
      </Text>
      {visible.map((line, i) => (
        <Text key={i} bold={line.heading} wrap="truncate">
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
