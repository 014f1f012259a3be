// Runs in: everywhere. The envelope's channel name, apart from the zod contract so a content script can name it
// without evaluating any schema.
export const CHANNEL = 'restake-lens/1';
