-- inventory.changed events waiting to be published: a transactional outbox.
--
-- Every statement that raises a (hub, SKU)'s availability (on_hand - reserved) — an
-- UpsertInventory that increases on_hand, a ReleaseReservation, the expiry sweeper — inserts
-- one row here per ledger row that raised it, in the same SQL statement as the change and its
-- ledger row: the change and its event commit together or not at all. Reservations (lower
-- availability), commits (leave it unchanged), refused movements and idempotent replays (write
-- nothing) insert no row.
--
-- The relay (ims_grpc/outbox_relay.py) claims the oldest rows with FOR UPDATE SKIP LOCKED (so
-- several IMS replicas never take the same row), publishes them to Kafka as
-- ims.v1.InventoryChanged keyed by "{hub_id}/{sku_id}", and deletes them in the same
-- transaction once the broker has acknowledged them (at least once: a crash after the
-- acknowledgement and before the commit publishes them again; event_id stays the same).
--
-- Columns rather than a serialized payload: the SQL that writes the rows needs no protobuf,
-- pending events stay readable for an operator (`SELECT * FROM inventory_outbox`), and the
-- relay builds the message from them. event_id and occur_time are those of the ledger row the
-- event comes from (inventory_transactions.id / create_time). No foreign keys and no secondary
-- index: nothing but the relay reads the table, always by id, and an FK check would share-lock
-- the hub and SKU rows on every stock movement.
CREATE TABLE inventory_outbox (
    -- Insertion order. Per (hub, SKU) it is also the order of the movements: every writer holds
    -- the (hub, SKU) stock row locked while it inserts here.
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    event_id           uuid NOT NULL,
    tenant_id          uuid NOT NULL,
    hub_id             uuid NOT NULL,
    sku_id             uuid NOT NULL,
    -- Levels right after the movement.
    quantity_on_hand   bigint NOT NULL,
    quantity_available bigint NOT NULL,
    -- The movement's reference (UpsertInventory.reference or the reservation's reference).
    reference          text NOT NULL,
    -- Trace id of the request (or sweeper pass) that made the change; '' when there was none.
    trace_id           text NOT NULL DEFAULT '',
    occur_time         timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT inventory_outbox_pkey PRIMARY KEY (id)
);

-- Wake the relays: one NOTIFY per statement that inserted rows (the transition table tells; a
-- statement whose outbox INSERT inserted nothing — a commit, a decrease — sends none). NOTIFY
-- is delivered on commit, never for a rolled-back change, and repeats within one transaction
-- are folded into one. The relays also poll, so a missed notification only delays an event.
-- NOTIFY's price is paid at commit (notifying transactions pass the notification queue one at
-- a time), and only by movements that wrote events: never by a reservation or a commit.
CREATE FUNCTION inventory_outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM inserted) THEN
        PERFORM pg_notify('inventory_outbox', '');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER inventory_outbox_notify
    AFTER INSERT ON inventory_outbox
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION inventory_outbox_notify();
