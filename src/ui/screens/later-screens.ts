// See later.ts.
export { CalculatorScreen } from './CalculatorScreen.js';
export { ProgressScreen } from './ProgressScreen.js';
export { QuizScreen } from './QuizScreen.js';
