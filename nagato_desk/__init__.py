"""Nagato Desk: records and documents for community council secretariats (地域づくり協議会 事務局)."""

import time as _time

#: When the package was first imported: the start of the clock for ``--smoke``.
STARTED_AT = _time.perf_counter()

__version__ = "0.1.0"
APP_NAME = "nagato-desk"
