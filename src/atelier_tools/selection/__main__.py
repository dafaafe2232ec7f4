"""``python -m atelier_tools.selection 00 02 --dest ../mon-cours``: see :func:`atelier_tools.selection.main`."""

import sys

from . import main

sys.exit(main())
