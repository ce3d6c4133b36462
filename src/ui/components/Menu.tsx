import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../input.js';
import { isKey, type KeyId } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { fitMenu, initialMenu, type MenuState, moveMenu } from './menu-state.js';

export interface MenuItem<V> {
  key: string;
  label: string;
  value: V;
}

/** The keys of a menu, from the key table. */
export interface MenuKeys {
  down: KeyId;
  up: KeyId;
  choose: KeyId;
}

/**
 * A titled list: the selection moves with the `keys` (wrapping at the ends), Enter chooses.
 * Long lists show a window that follows the selection; a marker keeps the selection
 * visible without colour.
 */
export function Menu<V>({
  title,
  items,
  keys,
  active,
  height,
  initialKey,
  onSelect,
}: {
  title: string;
  items: MenuItem<V>[];
  /** The item selected when the menu appears (the first if absent). */
  initialKey?: string;
  keys: MenuKeys;
  active: boolean;
  height: number;
  onSelect(value: V): void;
}) {
  const visible = Math.max(1, height - 1);
  const [stored, setStored] = useState(() => {
    const at = items.findIndex((item) => item.key === initialKey);
    return at > 0 ? { selected: at, start: 0 } : initialMenu;
  });
  // Items or height may have changed since the selection was stored.
  const state = fitMenu(stored, items.length, visible);

  useKeys(
    (input, key) => {
      if (isKey(keys.down, input, key)) setStored(moveMenu(state, 1, items.length, visible));
      else if (isKey(keys.up, input, key)) setStored(moveMenu(state, -1, items.length, visible));
      else if (isKey(keys.choose, input, key)) {
        const item = items[state.selected];
        if (item) onSelect(item.value);
      }
    },
    { isActive: active },
  );

  return (
    <Box flexDirection="column" height={height}>
      <Text bold {...ROLE_STYLE.accent} wrap="truncate">
        {title}
      </Text>
      <MenuRows items={items} state={state} visible={visible} />
    </Box>
  );
}

/** The window of `items` on screen, the selected one marked with › and shown inverse. */
export function MenuRows<V>({ items, state, visible }: { items: MenuItem<V>[]; state: MenuState; visible: number }) {
  return items.slice(state.start, state.start + visible).map((item, i) => {
    const isSelected = state.start + i === state.selected;
    return (
      <Box key={item.key}>
        <Box marginRight={1} flexShrink={0}>
          <Text {...ROLE_STYLE.accent}>{isSelected ? '›' : ' '}</Text>
        </Box>
        <Text inverse={isSelected} wrap="truncate">
          {item.label}
        </Text>
      </Box>
    );
  });
}
