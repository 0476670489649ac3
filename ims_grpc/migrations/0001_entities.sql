-- Tenants and the catalogue entities. Every row but a tenant belongs to a tenant, and every
-- relation between entities is a composite (tenant_id, id) foreign key, so the database itself
-- refuses a hub whose seller, or a SKU whose category, belongs to another tenant.
-- Codes are unique per tenant (tenants' own codes are global). IDs are UUIDv7 from the service.

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code        text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_code_key UNIQUE (code)
);

CREATE TABLE sellers (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code        text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    email       text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sellers_tenant_code_key UNIQUE (tenant_id, code),
    CONSTRAINT sellers_tenant_id_key UNIQUE (tenant_id, id)
);

CREATE TABLE categories (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code        text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    parent_id   uuid,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT categories_tenant_code_key UNIQUE (tenant_id, code),
    CONSTRAINT categories_tenant_id_key UNIQUE (tenant_id, id),
    CONSTRAINT categories_parent_fkey FOREIGN KEY (tenant_id, parent_id)
        REFERENCES categories (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT categories_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
);

CREATE TABLE hubs (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
    seller_id    uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code         text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    latitude     double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude    double precision CHECK (longitude BETWEEN -180 AND 180),
    address      jsonb NOT NULL DEFAULT '{}'::jsonb,
    contact      jsonb NOT NULL DEFAULT '{}'::jsonb,
    create_time  timestamptz NOT NULL DEFAULT now(),
    update_time  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hubs_tenant_code_key UNIQUE (tenant_id, code),
    CONSTRAINT hubs_tenant_id_key UNIQUE (tenant_id, id),
    CONSTRAINT hubs_seller_fkey FOREIGN KEY (tenant_id, seller_id)
        REFERENCES sellers (tenant_id, id) ON DELETE RESTRICT
);
CREATE INDEX hubs_tenant_seller_idx ON hubs (tenant_id, seller_id, id);

CREATE TABLE skus (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
    seller_id    uuid NOT NULL,
    category_id  uuid,
    code         text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    length_mm    integer NOT NULL DEFAULT 0 CHECK (length_mm >= 0),
    width_mm     integer NOT NULL DEFAULT 0 CHECK (width_mm >= 0),
    height_mm    integer NOT NULL DEFAULT 0 CHECK (height_mm >= 0),
    weight_grams integer NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    create_time  timestamptz NOT NULL DEFAULT now(),
    update_time  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT skus_tenant_code_key UNIQUE (tenant_id, code),
    CONSTRAINT skus_tenant_id_key UNIQUE (tenant_id, id),
    CONSTRAINT skus_seller_fkey FOREIGN KEY (tenant_id, seller_id)
        REFERENCES sellers (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT skus_category_fkey FOREIGN KEY (tenant_id, category_id)
        REFERENCES categories (tenant_id, id) ON DELETE RESTRICT
);
CREATE INDEX skus_tenant_seller_idx ON skus (tenant_id, seller_id, id);
CREATE INDEX skus_tenant_category_idx ON skus (tenant_id, category_id, id);
