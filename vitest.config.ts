import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Scenario tests run several CLI processes (each ~1–3 s to start); 20 s left a clean run 3 s of margin on some.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
