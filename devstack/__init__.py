"""Local development/test stack: installs and runs every infrastructure dependency on 127.0.0.1.

Nothing here is imported by the services; they only read endpoints from environment variables.
"""
