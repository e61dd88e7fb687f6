import { useState } from 'react';
import { newIdempotencyKey } from '@/api/idempotency';

export interface ActionKey {
  /** The Idempotency-Key for an action with these variables: the current one while they are the same, else a new one. */
  keyFor(variables: unknown): string;
  /** The action succeeded: the next one, even with the same variables, is another action. */
  done(): void;
}

/**
 * One Idempotency-Key per user action, for a mutation hook. A retry of the action (a second click
 * after an error or a lost answer, TanStack's own retries) sends the same variables and so the
 * same key, and the server answers it with the first answer instead of acting twice; other
 * variables, or the next action once one succeeded, get a new key.
 */
export function useActionKey(): ActionKey {
  // One object for the component's life, holding the current action in its closure.
  const [actionKey] = useState<ActionKey>(() => {
    let current: { variables: string; key: string } | null = null;
    return {
      keyFor(variables) {
        const serialized = JSON.stringify(variables) ?? '';
        if (current?.variables !== serialized) current = { variables: serialized, key: newIdempotencyKey() };
        return current.key;
      },
      done() {
        current = null;
      },
    };
  });
  return actionKey;
}
