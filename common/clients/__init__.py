"""Thin async wrappers around each infrastructure client, built from `common.settings`.

Each wrapper owns its connection life cycle (`start`/`close` or an async context manager)
so the composition root can wire them by constructor injection.
"""
