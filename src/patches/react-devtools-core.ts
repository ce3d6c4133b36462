// Stands in for react-devtools-core in Ink's build/devtools.js (see manifest.ts). Ink loads
// that file only when DEV=true, but esbuild must resolve its import, and the real package
// cannot be bundled (ink issue 886); awsnotes never runs with React's devtools.
const devtools = { initialize() {}, connectToDevTools() {} };
export default devtools;
