"""The order finalizer: `order.created` → stock reserved → NEW_ORDER; `inventory.changed` →
waiting orders re-evaluated."""
