/**
 * Which subnet a section belongs to, for its accessible name. A watchlist report holds "If you mine here",
 * "Key figures"… once per subnet: naming each section by its heading and its subnet keeps the landmarks apart.
 */
import { createContext, useContext } from 'react';

/** The id of the element naming the subnet (its report heading), or null on the subnet page. */
export const SectionScope = createContext<string | null>(null);

/** aria-labelledby for a section headed by `titleId`: the heading, then the subnet when there are several. */
export function useSectionLabel(titleId: string): string {
  const scope = useContext(SectionScope);
  return scope ? `${titleId} ${scope}` : titleId;
}
