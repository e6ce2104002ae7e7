// The survey rules the form needs in the browser, taken from the server's PURE domain modules rather
// than re-implemented, so that the questions shown and hidden as answers change are exactly those the
// server accepts (server/src/modules/surveys/answers.ts: visibility; definition.ts: the options of a
// question). Both modules import only common/ code and types, so vite bundles them without node
// dependencies (checked: the web build has no node: imports).
export { visibleQuestions, evaluateCondition } from '../../../../server/src/modules/surveys/answers.ts';
export { allQuestions, optionsOf, positiveOptionIds, type OptionRef } from '../../../../server/src/modules/surveys/definition.ts';
