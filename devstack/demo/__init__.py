"""The demo `scripts/run` plays on the running system: seed a tenant, upload a CSV, watch
orders finalize and webhooks arrive, restock, and print what happened."""
