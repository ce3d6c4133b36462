import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { ROLE_STYLE } from '../theme.js';

export interface ScreenTab {
  id: string;
  title: string;
}

/**
 * Header (app name and screens), an optional banner (a problem in the learner's files, for
 * as long as it lasts), body, an optional notice and the one-line footer.
 */
export function Frame(props: {
  tabs: ScreenTab[];
  current: string;
  width: number;
  footer: string;
  notice?: string;
  banner?: string;
  children: ReactNode;
}) {
  const { tabs, current, width, footer, notice, banner, children } = props;
  return (
    <Box flexDirection="column" width={width}>
      {/* One Text, truncated: the header never wraps to a second row on a narrow terminal. */}
      <Text wrap="truncate">
        <Text bold {...ROLE_STYLE.accent}>
          awsnotes
        </Text>
        {tabs.map((tab, i) => (
          <Text key={tab.id}>
            {'  '}
            <Text {...(tab.id === current ? { bold: true, inverse: true } : ROLE_STYLE.muted)}>{`${i + 1} ${tab.title}`}</Text>
          </Text>
        ))}
      </Text>
      {banner ? (
        <Text {...ROLE_STYLE.warning} wrap="truncate">
          {banner}
        </Text>
      ) : null}
      {children}
      {notice ? (
        <Text {...ROLE_STYLE.warning} wrap="truncate">
          {notice}
        </Text>
      ) : null}
      <Text {...ROLE_STYLE.muted} wrap="truncate">
        {footer}
      </Text>
    </Box>
  );
}
