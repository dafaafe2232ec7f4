"""``python -m atelier_tools.durations``: see :func:`atelier_tools.durations.main`."""

import sys

from . import main

sys.exit(main())
