// Preloaded (node --require) by tests that check what a command reads: every path given to
// fs.readFileSync or fs.openSync is written, one a line, to $AWSNOTES_TEST_READS when the
// process exits.
const fs = require('node:fs');

const paths = [];
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function traced(file, ...rest) {
    if (typeof file === 'string') paths.push(file);
    return original.call(this, file, ...rest);
  };
}
process.on('exit', () => fs.writeFileSync(process.env.AWSNOTES_TEST_READS, paths.join('\n')));
