"""Load the build scripts in packaging/ for tests (the folder is no package: the PyPI 'packaging' has its name)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_packaging_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"_ajexplorer_packaging_{name}", ROOT / "packaging" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    if spec.name not in sys.modules:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[spec.name]
