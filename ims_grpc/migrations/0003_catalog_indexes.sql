-- Catalogue look-ups 0001 leaves without an index.
-- Child categories by parent: serves the RESTRICT check when a category is deleted (otherwise
-- a scan of the tenant's categories per delete) and listing a category's children.
CREATE INDEX categories_tenant_parent_idx ON categories (tenant_id, parent_id)
    WHERE parent_id IS NOT NULL;
