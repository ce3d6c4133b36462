// cli-cursor (inside Ink) calls restore-cursor when it first hides the cursor, which then
// writes the cursor-show sequence to process.stderr as the process exits: `awsnotes 2>log`
// found it in its log. The app shows the cursor itself, on the terminal, on every way out
// (src/ui/terminal.ts); the bundle aliases restore-cursor to this no-op.
export default function restoreCursor(): void {}
