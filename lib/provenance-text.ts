// Runs in: everywhere (the card in pages too). A source as people read it; no zod here, so the content script can
// show sources without evaluating the provenance schemas (lib/provenance.ts).
import { chainName, explorerUrl, shortAddress } from './chains';
import type { Source } from './provenance';

/** A source as people read it: a label naming exactly what the fact is, and a link to check it (null: none). */
export function describeSource(s: Source): { label: string; href: string | null } {
  switch (s.kind) {
    case 'doc':
      return { label: s.title, href: s.url };
    case 'api': {
      let host = s.url;
      try {
        host = new URL(s.url).host;
      } catch {
        /* keep the URL */
      }
      return { label: `${host}: ${s.subject}`, href: s.url };
    }
    case 'chain': {
      const page = explorerUrl(s.chain, s.contract);
      const block = s.block ? `, block ${Number(s.block).toLocaleString('en-US')}` : '';
      return { label: `${s.function} on ${shortAddress(s.contract)} (${chainName(s.chain)})${block}`, href: page ? `${page}#readContract` : null };
    }
  }
}
