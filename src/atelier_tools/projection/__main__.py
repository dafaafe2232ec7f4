"""``python -m atelier_tools.projection _build/html``: see :func:`atelier_tools.projection.main`."""

from . import main

raise SystemExit(main())
