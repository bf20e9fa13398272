"""What the worker pool's forkserver imports before it forks any worker (see flows/workers.py).

Importing this module builds the default extractors and the record checker, once, in the forkserver; every worker
forked from it starts with them already built instead of spending half a second of a core on its own copy. A run
with its own taxonomy file still builds that one in each worker, on first use."""

from __future__ import annotations

import gc

from flows.io.derivation import prepare_process

prepare_process(None)

# Everything built so far lives as long as the workers do: keep the collector from walking it again in every
# full collection (and from dirtying the pages the workers share with this process).
gc.freeze()
