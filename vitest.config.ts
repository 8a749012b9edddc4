import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      // Unit tests sit beside their source; integration and component tests live in test/.
      include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      exclude: ['test/browser/**', 'node_modules/**'],
      environment: 'node',
      setupFiles: ['test/setup.ts'],
      pool: 'threads',
      testTimeout: 20_000,
    },
  }),
);
