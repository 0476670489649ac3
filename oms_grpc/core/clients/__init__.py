"""Typed clients OMS uses to call other services."""
