export const CANDIDATES: string[];
export function findChromium(): string | undefined;
export const HOW_TO_INSTALL: string;
