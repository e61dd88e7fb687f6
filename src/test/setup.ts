import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { TEST_NOW } from './test-clock';

/**
 * jsdom has <dialog> and its `open` attribute but not showModal() or close(). This stand-in keeps
 * what the components rely on: opening sets `open`, closing clears it and fires `close` (which the
 * Dialog reports through onClose). Focus trapping, Escape and the backdrop are the browser's, seen in e2e.
 */
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

// The toaster (sonner) loads with an app's first toast; here it is loaded up front, so that the first
// toast of a test file does not race findBy's one-second wait while a busy machine transforms it
// (sonner alone: the console's own modules load with each test file, as the pseudo-locale test mocks one).
await import('sonner');

// A console.error during a component test is a failure: React warnings and unhandled errors end up there.
const originalError = console.error;
const errors: string[] = [];

beforeEach(() => {
  // Every test runs on the same fixed clock (the in-process server reads it too), never on today's date.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TEST_NOW);
  errors.length = 0;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    originalError(...args);
  };
});

afterEach(() => {
  cleanup();
  // What a page keeps for its tab (the invoice selection, the checkout's quantity) does not carry over to the next test.
  for (const key of Object.keys(sessionStorage)) if (/^billing-console\.(invoice-selection|checkout-quantity)\./.test(key)) sessionStorage.removeItem(key);
  vi.useRealTimers();
  console.error = originalError;
  if (errors.length > 0) throw new Error(`console.error was called during the test:\n${errors.join('\n')}`);
});
