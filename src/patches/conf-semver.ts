// Stands in for `semver` in conf (see manifest.ts). conf imports semver at load time but
// uses it only to run `migrations`, which awsnotes never passes (src/progress/schema.ts
// migrates the progress file itself), so start-up does not build semver's ~40 regular
// expressions.
const unsupported = (): never => {
  throw new Error('semver is not bundled in awsnotes: conf migrations are not supported');
};
export default { eq: unsupported, clean: unsupported, satisfies: unsupported, lte: unsupported, gt: unsupported };
