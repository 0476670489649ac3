"""Process limits for the local stack and its clients.

A Kafka broker keeps files open for every partition, and the test run opens many sockets;
the common default of 1024 open files is too few for either. Raising the soft limit (and, as
root, the hard one) here is inherited by every process the stack or the tests start.
"""

from __future__ import annotations

import resource

WANTED_OPEN_FILES = 65_536


def raise_open_file_limit(wanted: int = WANTED_OPEN_FILES) -> int:
    """Raise RLIMIT_NOFILE towards `wanted` as far as allowed; returns the soft limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft >= wanted:
        return soft
    if hard != resource.RLIM_INFINITY and hard < wanted:
        try:  # only root (CAP_SYS_RESOURCE) may raise the hard limit
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, wanted))
            return wanted
        except (ValueError, OSError):
            pass
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft == resource.RLIM_INFINITY or target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]
