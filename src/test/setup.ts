import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

// A console.error during a component test is a failure: React warnings and unhandled errors end up there.
const originalError = console.error;
const errors: string[] = [];

beforeEach(() => {
  errors.length = 0;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    originalError(...args);
  };
});

afterEach(() => {
  cleanup();
  console.error = originalError;
  if (errors.length > 0) throw new Error(`console.error was called during the test:\n${errors.join('\n')}`);
});
