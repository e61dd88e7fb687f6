import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useUpdateCardLink } from '../api/use-subscription-mutations';
import { openHostedPage } from '../hosted-page';
import { useSubscriptionMessages } from '../messages';
import { useFieldErrorText } from '@/components/ui/field-error-text';

/** Opens the hosted page where a new card replaces the one the subscription is charged to. */
export function ChangePaymentMethodButton({ organizationId }: { organizationId: string }) {
  const t = useSubscriptionMessages();
  const errorText = useFieldErrorText();
  const mutation = useUpdateCardLink(organizationId);
  const [leaving, setLeaving] = useState(false);
  const [unsafe, setUnsafe] = useState(false);

  const open = () => {
    setUnsafe(false);
    mutation.mutate(undefined, {
      onSuccess: (link) => {
        if (openHostedPage(link)) setLeaving(true);
        else setUnsafe(true);
      },
    });
  };

  const error = unsafe ? t.unsafeLink() : mutation.isError ? errorText(mutation.error.message) : null;
  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={open} pending={mutation.isPending || leaving} className="self-start">
        {leaving ? t.opening() : t.changePaymentMethod()}
      </Button>
      {error && (
        <p role="alert" className="text-sm font-medium text-danger-ink">
          {t.couldNotOpen({ message: error })}
        </p>
      )}
    </div>
  );
}
