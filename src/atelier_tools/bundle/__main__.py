"""``python -m atelier_tools.bundle`` (``make bundle``): see :func:`atelier_tools.bundle.main`."""

import sys

from . import main

sys.exit(main())
