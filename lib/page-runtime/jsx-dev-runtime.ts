// Runs in: tests. The development entry of the same runtime (what a `@jsxImportSource` pragma asks for in dev builds).
export { Fragment, jsxDEV, jsx, jsxs, type JSX } from './jsx-runtime';
