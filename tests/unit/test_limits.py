"""The open-file limit is raised as far as the process may, never lowered."""

from __future__ import annotations

import resource

from devstack.limits import raise_open_file_limit


def test_the_soft_limit_is_raised_and_never_lowered() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
        now = raise_open_file_limit(4096)
        assert now == min(4096, hard) if hard != resource.RLIM_INFINITY else now == 4096
        assert raise_open_file_limit(512) == now  # already above: unchanged
    finally:
        resource.setrlimit(
            resource.RLIMIT_NOFILE, (soft, resource.getrlimit(resource.RLIMIT_NOFILE)[1])
        )
