/**
 * The case types offered when opening a case: the common needs across the teams. Stored as these
 * kebab-case codes; shown with labelFromSlug ('digital-inclusion' → 'Digital inclusion').
 */
export const CASE_TYPES = ['housing', 'benefits', 'food', 'health', 'digital-inclusion', 'employment', 'other'] as const;
