import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getSession } from '@/lib/session';
import { renderRoute } from '@/test/render';
import { setupSandboxServer } from '@/test/sandbox-server';
import { Component as SignInPage } from './sign-in-route';

const server = setupSandboxServer();

function renderPage() {
  return renderRoute('/sign-in', '/sign-in', <SignInPage />);
}

async function signInWith(token: string) {
  const user = userEvent.setup();
  const field = await screen.findByLabelText(/^API token/);
  await user.click(field);
  await user.paste(token);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return field;
}

describe('sign-in with a pasted token', () => {
  it('signs in with a token pasted in smart quotes with a zero-width space', async () => {
    renderPage();
    await signInWith('“sbx_billing\u200b_acme”');
    expect(await screen.findByText('Elsewhere')).toBeTruthy();
    expect(getSession()).toMatchObject({ scheme: 'Token', token: 'sbx_billing_acme' });
  });

  it('says what is wrong with a token holding an emoji, on the field, without calling the server', async () => {
    renderPage();
    await screen.findByRole('button', { name: /Sign in as Alex Martin/ });
    const before = server.requests().length;
    const field = await signInWith('sbx_admin_acme😀');
    const error = await screen.findByText('The token contains “😀”, which no API token has. Copy the token again from where it was created.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.queryByText(/Could not reach the server/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(server.requests().slice(before)).toEqual([]);
  });
});
