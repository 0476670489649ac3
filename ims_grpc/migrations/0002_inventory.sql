-- Stock per (hub, SKU), reservations, and the ledger of every stock movement.
--
-- Invariants the database itself enforces (whatever the code does):
--   * stock is never negative and never oversold: 0 <= quantity_reserved <= quantity_on_hand;
--   * a (hub, SKU) row only exists for a hub and a SKU of the row's own tenant (composite FKs);
--   * one reservation per (tenant, reference);
--   * one ledger row per movement: (tenant, reference, type, hub, SKU) is unique, so a replayed
--     request can never write a movement twice.

-- UUIDv7 (RFC 9562) generated in the database, for ledger rows written by set-based statements
-- (a reservation's lines, a batch of expiries): 48-bit Unix milliseconds, then random bits.
CREATE FUNCTION uuid_generate_v7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    SELECT encode(
        set_bit(
            set_bit(
                overlay(uuid_send(gen_random_uuid())
                        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                        FROM 1 FOR 6),
                52, 1),
            53, 1),
        'hex')::uuid
$$;

CREATE TABLE inventory (
    hub_id            uuid NOT NULL,
    sku_id            uuid NOT NULL,
    tenant_id         uuid NOT NULL,
    quantity_on_hand  bigint NOT NULL DEFAULT 0,
    quantity_reserved bigint NOT NULL DEFAULT 0,
    create_time       timestamptz NOT NULL DEFAULT now(),
    update_time       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT inventory_pkey PRIMARY KEY (hub_id, sku_id),
    CONSTRAINT inventory_on_hand_not_negative CHECK (quantity_on_hand >= 0),
    CONSTRAINT inventory_reserved_not_negative CHECK (quantity_reserved >= 0),
    CONSTRAINT inventory_reserved_within_on_hand CHECK (quantity_reserved <= quantity_on_hand),
    CONSTRAINT inventory_hub_fkey FOREIGN KEY (tenant_id, hub_id)
        REFERENCES hubs (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT inventory_sku_fkey FOREIGN KEY (tenant_id, sku_id)
        REFERENCES skus (tenant_id, id) ON DELETE RESTRICT
);
-- Serves the SKU foreign key (deleting a SKU checks for stock) and per-SKU look-ups.
CREATE INDEX inventory_tenant_sku_idx ON inventory (tenant_id, sku_id);

-- No FK to tenants: every line's stock row already ties the reservation to the tenant's hubs
-- and SKUs, and a FK here would make every reservation share-lock the one tenant row.
CREATE TABLE reservations (
    tenant_id   uuid NOT NULL,
    reference   text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    status      text NOT NULL
        CHECK (status IN ('reserved', 'released', 'committed', 'expired')),
    -- Normalised lines (one per (hub, SKU), sorted): [{"hub_id", "sku_id", "quantity"}, ...].
    -- Written once with the reservation and never changed; always read whole.
    lines       jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
    expire_time timestamptz,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reservations_pkey PRIMARY KEY (tenant_id, reference)
);
-- The expiry sweeper's queue: only reservations still holding stock, oldest deadline first.
CREATE INDEX reservations_due_idx ON reservations (expire_time)
    WHERE status = 'reserved' AND expire_time IS NOT NULL;

-- Append-only. create_time is the clock time of the insert, taken while the (hub, SKU) row is
-- locked, so for one (hub, SKU) the ledger's time order is the order the movements happened in.
CREATE TABLE inventory_transactions (
    id                      uuid NOT NULL DEFAULT uuid_generate_v7(),
    tenant_id               uuid NOT NULL,
    hub_id                  uuid NOT NULL,
    sku_id                  uuid NOT NULL,
    type                    text NOT NULL
        CHECK (type IN ('set', 'adjust', 'reserve', 'release', 'commit', 'expire')),
    delta_on_hand           bigint NOT NULL,
    delta_reserved          bigint NOT NULL,
    quantity_on_hand_after  bigint NOT NULL,
    quantity_reserved_after bigint NOT NULL,
    reason                  text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    reference               text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    create_time             timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT inventory_transactions_pkey PRIMARY KEY (id),
    -- Idempotency of every movement; also serves the `reference` filter.
    CONSTRAINT inventory_transactions_movement_key UNIQUE (tenant_id, reference, type, hub_id, sku_id)
);
-- ListInventoryTransactions: keyset pagination on (create_time, id), newest first, optionally
-- narrowed to a hub (and SKU) or to a SKU.
CREATE INDEX inventory_transactions_tenant_time_idx
    ON inventory_transactions (tenant_id, create_time, id);
CREATE INDEX inventory_transactions_hub_sku_time_idx
    ON inventory_transactions (tenant_id, hub_id, sku_id, create_time, id);
CREATE INDEX inventory_transactions_sku_time_idx
    ON inventory_transactions (tenant_id, sku_id, create_time, id);
