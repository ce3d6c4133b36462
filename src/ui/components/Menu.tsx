import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { ROLE_STYLE } from '../theme.js';

export interface MenuItem<V> {
  key: string;
  label: string;
  value: V;
}

/** ink-select-input with the app's colours and a marker that stays visible without colour. */
export function Menu<V>({
  title,
  items,
  active,
  height,
  onSelect,
}: {
  title: string;
  items: MenuItem<V>[];
  active: boolean;
  height: number;
  onSelect(value: V): void;
}) {
  return (
    <Box flexDirection="column" height={height}>
      <Text bold {...ROLE_STYLE.accent} wrap="truncate">
        {title}
      </Text>
      <SelectInput
        items={items}
        isFocused={active}
        limit={Math.max(1, height - 1)}
        onSelect={(item) => onSelect(item.value)}
        indicatorComponent={({ isSelected }) => (
          <Box marginRight={1}>
            <Text {...ROLE_STYLE.accent}>{isSelected ? '›' : ' '}</Text>
          </Box>
        )}
        itemComponent={({ isSelected, label }) => (
          <Text inverse={isSelected} wrap="truncate">
            {label}
          </Text>
        )}
      />
    </Box>
  );
}
