import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../input.js';
import { isKey, type KeyId } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { type Filterable, filterEntries } from './filter-list.js';
import { type MenuItem, MenuRows } from './Menu.js';
import { fitMenu, initialMenu, type MenuState, moveMenu } from './menu-state.js';
import { TextField } from './TextField.js';

export type FilterItem<V> = MenuItem<V> & Filterable;

/** The keys of a filtering menu, from the key table (letters go to the filter). */
export interface FilterMenuKeys {
  down: KeyId;
  up: KeyId;
  pageDown: KeyId;
  pageUp: KeyId;
  choose: KeyId;
}

/**
 * A titled list with a filter box: what is typed filters the list (filter-list.ts), the
 * arrows move the selection, Enter chooses. The filter is the owner's state (`filter`,
 * `onFilter`); the selection returns to the best match whenever the filter changes.
 */
export function FilterMenu<V>({
  title,
  items,
  keys,
  filter,
  active,
  height,
  onFilter,
  onSelect,
}: {
  title: string;
  items: FilterItem<V>[];
  keys: FilterMenuKeys;
  filter: string;
  active: boolean;
  height: number;
  onFilter(text: string): void;
  onSelect(value: V): void;
}) {
  const shown = filterEntries(items, filter);
  // Title, filter box, then the list.
  const visible = Math.max(1, height - 2);
  const [stored, setStored] = useState<{ filter: string; menu: MenuState }>({ filter, menu: initialMenu });
  const state = fitMenu(stored.filter === filter ? stored.menu : initialMenu, shown.length, visible);
  const move = (by: number) => setStored({ filter, menu: moveMenu(state, by, shown.length, visible) });

  useKeys(
    (input, key) => {
      if (isKey(keys.down, input, key)) move(1);
      else if (isKey(keys.up, input, key)) move(-1);
      else if (isKey(keys.pageDown, input, key)) move(Math.min(visible - 1, shown.length - 1 - state.selected));
      else if (isKey(keys.pageUp, input, key)) move(-Math.min(visible - 1, state.selected));
      else if (isKey(keys.choose, input, key)) {
        const item = shown[state.selected];
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
      <Box>
        <Text {...ROLE_STYLE.accent}>{'Filter: '}</Text>
        <TextField value={filter} focus={active} placeholder="type to filter" onChange={onFilter} />
      </Box>
      {shown.length === 0 ? <Text {...ROLE_STYLE.muted} wrap="truncate">{`nothing matches "${filter}" (Esc: back)`}</Text> : null}
      <MenuRows items={shown} state={state} visible={visible} />
    </Box>
  );
}
