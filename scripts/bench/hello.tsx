// The bench's baseline: a bare Ink "hello" app, bundled exactly like awsnotes, logging its
// first frame the same way. It stays up until the bench kills it.
import { render, Text } from 'ink';
import { firstFrameLogger } from '../../src/ui/frame-log.js';

const onRender = firstFrameLogger();
render(<Text>Hello from Ink</Text>, { exitOnCtrlC: false, ...(onRender ? { onRender } : {}) });
setInterval(() => {}, 1 << 30);
