import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@/api/api-error';
import type { Credentials } from '@/api/client';
import { organizationsQuery } from '@/api/queries';
import { focusNextHeading } from '@/lib/heading-focus';
import { getDemoUsers } from '@/api/demo-users';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, SelectInput, TextInput } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { useRoleLabel } from '@/components/ui/role-label';
import { setSession } from '@/lib/session';
import { sessionRefreshQuery } from '@/lib/session-query';
import { useAuthMessages } from './messages';
import { safeNext } from './safe-next';
import { signIn, signInSchema, toCredentials, tokenProblem, tokenProblemMessage, type SignInValues } from './sign-in';
import { LanguageSelect } from '@/components/ui/language-select';
import { useFieldErrorText } from '@/components/ui/field-error-text';

export function Component() {
  const t = useAuthMessages();
  const errorText = useFieldErrorText();
  const roleLabel = useRoleLabel();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const demoHeadingId = useId();

  const demo = useQuery({ queryKey: ['sandbox', 'demo-users'], queryFn: ({ signal }) => getDemoUsers(signal), retry: false, staleTime: Infinity });

  // The first page a new user loads: a one-field form validated with its zod schema directly, since
  // react-hook-form here would push this page's JavaScript over the 130 KB budget (npm run size).
  const [values, setValues] = useState<SignInValues>({ token: '', scheme: 'auto' });
  const [errors, setErrors] = useState<{ token?: string; root?: string }>({});
  const tokenRef = useRef<HTMLInputElement>(null);

  const mutation = useMutation({ mutationFn: (credentials: Credentials) => signIn(credentials) });

  const submit = (credentials: Credentials) => {
    mutation.mutate(credentials, {
      onSuccess: (result) => {
        setSession(result.session);
        // Forget the last user's data, but not the demo users this page still shows (no refetch).
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'sandbox' });
        queryClient.getMutationCache().clear();
        queryClient.setQueryData(organizationsQuery().queryKey, result.organizations);
        if (result.sandboxSession) queryClient.setQueryData(sessionRefreshQuery().queryKey, result.sandboxSession);
        focusNextHeading();
        void navigate(next, { replace: true });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          setErrors({ token: t.tokenNotAccepted() });
          tokenRef.current?.focus();
        } else {
          setErrors({ root: error.message });
        }
      },
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = signInSchema.safeParse(values);
    if (!parsed.success) {
      // The schema's issue says it in English: the page says it in the active language.
      const problem = tokenProblem(values.token) ?? { problem: 'missing' };
      setErrors({ token: tokenProblemMessage(problem, t) });
      tokenRef.current?.focus();
      return;
    }
    setErrors({});
    submit(toCredentials(parsed.data));
  };

  return (
    // Anchored at the top rather than centred: the demo users arrive after the first paint, and below
    // the form they push nothing (a centred form moved up when they came: a layout shift).
    <main id="main" className="mx-auto flex min-h-screen max-w-lg flex-col px-4 py-10 sm:pt-[12vh]">
      {/* The language menu, as on every page: this one is outside the console's shell. */}
      <div className="mb-6 flex justify-end">
        <LanguageSelect />
      </div>
      <PageHeader title={t.title()} description={t.description()} />
      {params.get('expired') === '1' && (
        <Alert tone="warning" title={t.sessionEnded()} className="mb-4">
          {t.signInAgain()}
        </Alert>
      )}
      {/* A card's look without the Card module: the first page is on a JavaScript budget (npm run size). */}
      <div className="rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5">
        <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          {errors.root && <FailureMessage>{errorText(errors.root)}</FailureMessage>}
          <Field label={t.apiToken()} hint={t.tokenHint()} error={errors.token} required>
            {(props) => (
              <TextInput
                {...props}
                ref={tokenRef}
                name="token"
                value={values.token}
                onChange={(event) => setValues({ ...values, token: event.target.value })}
                type="password"
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label={t.tokenType()} hint={t.tokenTypeHint()}>
            {(props) => (
              <SelectInput
                {...props}
                name="scheme"
                value={values.scheme}
                onChange={(event) => {
                  const scheme = signInSchema.shape.scheme.safeParse(event.target.value);
                  if (scheme.success) setValues({ ...values, scheme: scheme.data });
                }}
              >
                <option value="auto">{t.automatic()}</option>
                <option value="Token">{t.schemeToken()}</option>
                <option value="Bearer">{t.schemeBearer()}</option>
              </SelectInput>
            )}
          </Field>
          <Button type="submit" pending={mutation.isPending}>
            {t.signIn()}
          </Button>
        </form>
      </div>

      {/* Their place is kept while they load (the sandbox has four), so that the page does not grow under the reader. */}
      {demo.isPending && <div aria-hidden="true" className="mt-8 min-h-72" />}
      {demo.data && (
        <section aria-labelledby={demoHeadingId} className="mt-8">
          <h2 id={demoHeadingId} className="text-sm font-semibold text-ink">
            {t.demoUsers()}
          </h2>
          <ul className="mt-3 flex flex-col gap-2">
            {demo.data.users.map((user) => (
              <li key={user.token}>
                <Button
                  variant="secondary"
                  className="h-auto w-full justify-start py-2 text-start"
                  disabled={mutation.isPending}
                  onClick={() => submit({ scheme: 'Token', token: user.token })}
                >
                  {/* Wraps rather than cuts (the button itself does not wrap): on a phone the email and the roles take two lines. */}
                  <span className="min-w-0 whitespace-normal">
                    <span className="block">{t.signInAs({ name: user.name })}</span>
                    <span className="block break-words text-xs font-normal text-ink-muted">
                      {user.email} ·{' '}
                      {user.memberships.map((membership) => t.membership({ organization: membership.organization_name, role: roleLabel(membership.role) })).join(', ')}
                    </span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
