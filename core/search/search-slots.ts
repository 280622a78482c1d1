import { createSlots } from "@/infra/slots";

/** Past either, a search walks many or long lists: a flood of them must not hold up ordinary ones. */
export const ORDINARY_SEARCH = { maxNames: 6, maxPage: 3 } as const;

// Four searches at most at once, as many as the 2-core machines run well; one of them is kept for the
// costly kind, so a flood of those queues behind itself while a cook's three-ingredient search runs.
const ordinarySlots = createSlots(3);
const costlySlots = createSlots(1);

/** Where a search waits for its turn: `names` typed (ranking) names, `page` the page asked for. */
export function searchSlotsFor({ names, page }: { names: number; page: number }) {
  return names > ORDINARY_SEARCH.maxNames || page > ORDINARY_SEARCH.maxPage ? costlySlots : ordinarySlots;
}
