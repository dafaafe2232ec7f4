"""Install the course's Jupyter kernel into the virtual environment.

Same as ``python -m ipykernel install --sys-prefix --name python3``, with the kernel's own
log level set to ERROR: ipykernel otherwise prints, once per notebook and during every
book build, a warning about TCP without encryption. The kernel only ever listens on
127.0.0.1 for the local client, so the warning tells a learner nothing they can act on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    from ipykernel.kernelspec import install

    path = Path(install(prefix=sys.prefix, kernel_name="python3", display_name="Python 3"))
    spec_file = path / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    if "--log-level=ERROR" not in spec["argv"]:
        spec["argv"].append("--log-level=ERROR")
    spec_file.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
