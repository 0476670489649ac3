-- Details the original system's clients send (issue 9): tenant and seller metadata (a JSON
-- object of the client's own), category and SKU descriptions, the hub's time zone. Limits
-- mirror ims_grpc/domain/catalog_rules.py.
ALTER TABLE tenants ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(metadata) = 'object' AND octet_length(metadata::text) <= 32768);
ALTER TABLE sellers ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(metadata) = 'object' AND octet_length(metadata::text) <= 32768);
ALTER TABLE categories ADD COLUMN description text NOT NULL DEFAULT ''
    CHECK (char_length(description) <= 4000);
ALTER TABLE skus ADD COLUMN description text NOT NULL DEFAULT ''
    CHECK (char_length(description) <= 4000);
ALTER TABLE hubs ADD COLUMN timezone text NOT NULL DEFAULT ''
    CHECK (char_length(timezone) <= 64);
