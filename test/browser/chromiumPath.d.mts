import type { Browser } from 'playwright-core';

export const CANDIDATES: string[];
export function findChromium(): string | undefined;
export const HOW_TO_INSTALL: string;
export const CHROMIUM_ARGS: string[];
export function launchChromium(): Promise<Browser>;
