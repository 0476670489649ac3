-- Tenant API keys (common/auth/credentials.py): the public id is the key's visible prefix,
-- the secret is never stored, only its SHA-256. A revoked key stays (revoke_time set) so that
-- its id, and what it did (the ledger's actor "key:<id>"), keep their meaning.
CREATE TABLE api_keys (
    id              text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            text NOT NULL,
    secret_hash     bytea NOT NULL CHECK (octet_length(secret_hash) = 32),
    scopes          text[] NOT NULL CHECK (cardinality(scopes) > 0),
    -- NULL: the servers' default rate for tenant keys.
    rate_per_s      double precision CHECK (rate_per_s > 0),
    rate_burst      integer CHECK (rate_burst > 0),
    create_time     timestamptz NOT NULL DEFAULT now(),
    last_used_time  timestamptz,
    revoke_time     timestamptz,
    CHECK ((rate_per_s IS NULL) = (rate_burst IS NULL))
);

-- ListApiKeys: a tenant's keys, newest first.
CREATE INDEX api_keys_tenant_created ON api_keys (tenant_id, create_time DESC, id DESC);

-- Who moved stock: the credential ("key:<id>", "service:<name>", "admin") of the call that
-- wrote the ledger row. NULL for rows written before credentials existed.
ALTER TABLE inventory_transactions ADD COLUMN actor text;
