// Runs in: background, content script (types only there). A card rendered to plain data: what the background sends a
// page's content script instead of a view, so the card's components, their CSS and the chain tables never load in
// pages (issue 17, item 4). A node is text, or an element with its attributes as strings and its children.
// Defined once here: the background's renderer (card-tree.tsx) writes it, lib/page-runtime/build-tree.ts reads it.
import { z } from '../zod';

export type Tree = string | TreeElement;
export interface TreeElement {
  /** Tag name; an `svg` element's subtree is created in the SVG namespace. */
  t: string;
  /** Attributes, already as the DOM takes them (`class`, `for`, `aria-busy="true"`, `style` as text). */
  a?: Record<string, string>;
  c?: Tree[];
}

const NAME = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9-]{0,31}$/));
export const TreeElement: z.ZodMiniType<TreeElement> = z.object({
  t: NAME,
  a: z.optional(z.record(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9:_-]{0,63}$/)), z.string().check(z.maxLength(4_000)))),
  get c() {
    return z.optional(z.array(Tree).check(z.maxLength(500)));
  },
});
export const Tree: z.ZodMiniType<Tree> = z.union([z.string().check(z.maxLength(20_000)), TreeElement]);
