// The executable. `awsnotes --version` is answered right here, with the version the build
// put in, so the most frequent scripted call loads no other module; everything else goes
// through commands/main.ts, which imports Ink only for the interactive app.
declare const __AWSNOTES_VERSION__: string;

// chalk (inside Ink) ignores NO_COLOR; FORCE_COLOR=0 is what it obeys. Set before Ink loads.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// A closed pipe (`awsnotes list | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${__AWSNOTES_VERSION__}\n`);
} else {
  const [{ main, reportError }, { processIo }] = await Promise.all([import('./commands/main.js'), import('./commands/io.js')]);
  const io = processIo();
  await main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(error, io);
    },
  );
}
