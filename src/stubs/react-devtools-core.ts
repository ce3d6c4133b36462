// Ink imports react-devtools-core only when DEV=true; the bundle aliases it to this stub
// because the real package cannot be bundled (ink issue 886) and is never used in production.
const devtools = { initialize() {}, connectToDevTools() {} };
export default devtools;
