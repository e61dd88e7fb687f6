-- Cloud Plans sandbox: the most instances already paid for in the current period, so that lowering the
-- quantity and raising it again before payment_exp does not charge the same instances twice.
-- NULL means the current quantity; a new paid period starts again from its quantity.
ALTER TABLE cloud_subscriptions ADD COLUMN paid_quantity INTEGER CHECK (paid_quantity IS NULL OR paid_quantity > 0);
