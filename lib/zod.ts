// Runs in: everywhere. The one zod flavour (zod/mini: tree-shakable, so content scripts stay small) and its one
// configuration: extension CSPs forbid eval, so zod's JIT probe (`new Function`) is turned off before any schema
// is built. Every module imports `z` from here.
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
