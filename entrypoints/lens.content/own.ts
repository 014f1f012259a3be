// Runs in: content script. The few elements this script adds to a page (the card host): the scanner never reads
// inside them. Kept by identity, not by a name or attribute a page could copy.
const own = new WeakSet<Element>();

export const claimOwn = (el: Element): void => void own.add(el);
export const isOwn = (el: Element): boolean => own.has(el);
