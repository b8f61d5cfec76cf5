"""tipanalysis: a research and policy-evaluation workspace on trafficking in persons.

The package is layered; imports only point down (``tests/test_layers.py`` checks it):

* :mod:`tipanalysis.core` - paths, errors, translations, the tier scale;
* :mod:`tipanalysis.data` - every read and write under ``data/``: loaders, validation, ingest;
* :mod:`tipanalysis.tiers`, :mod:`tipanalysis.impact`, :mod:`tipanalysis.strategy`,
  :mod:`tipanalysis.evidence` - analyses
  (DataFrames in, DataFrames or results objects out);
* :mod:`tipanalysis.viz` - figures and display tables;
* :mod:`tipanalysis.report` - the brief, the notebook runner and the command line.

Subpackages are imported on first use so that ``import tipanalysis`` stays cheap; heavy
libraries (geopandas, statsmodels, matplotlib) are imported only by the functions that need them.
The flat module names of earlier versions (``tipanalysis.validate``, ``tipanalysis.plots``,
``tipanalysis.run`` ...) still import: they are the moved modules themselves, not copies.
"""

from __future__ import annotations

import importlib
import sys
from importlib.machinery import ModuleSpec

__version__ = "0.1.0"

_PACKAGES = frozenset({"core", "data", "tiers", "impact", "strategy", "evidence", "viz",
                       "report"})

#: Old flat module name -> where the module lives now.
MOVED: dict[str, str] = {
    "brief": "tipanalysis.report.brief",
    "cli": "tipanalysis.report.cli",
    "countries": "tipanalysis.data.countries",
    "coverage": "tipanalysis.data.coverage",
    "errors": "tipanalysis.core.errors",
    "i18n": "tipanalysis.core.i18n",
    "ingest": "tipanalysis.data.ingest",
    "maps": "tipanalysis.viz.maps",
    "paths": "tipanalysis.core.paths",
    "plots": "tipanalysis.viz.plots",
    "run": "tipanalysis.report.run",
    "validate": "tipanalysis.data.descriptor",
}


class _MovedModuleFinder:
    """Import ``tipanalysis.<old name>`` as the moved module itself (same object).

    A finder rather than stub files: the moved files keep their git history as renames, and
    ``monkeypatch.setattr(tipanalysis.validate, ...)`` patches the module that the code uses.
    """

    @staticmethod
    def find_spec(fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        prefix, _, name = fullname.partition(".")
        if prefix != __name__ or name not in MOVED:
            return None
        return ModuleSpec(fullname, _MovedModuleFinder)

    @staticmethod
    def create_module(spec: ModuleSpec) -> object:
        module = importlib.import_module(MOVED[spec.name.partition(".")[2]])
        spec.loader_state = module.__spec__  # the import system overwrites __spec__; keep it
        return module

    @staticmethod
    def exec_module(module: object) -> None:
        spec = module.__spec__
        if spec is not None and spec.loader_state is not None:
            module.__spec__ = spec.loader_state  # type: ignore[attr-defined]


if not any(isinstance(f, type) and f.__name__ == "_MovedModuleFinder" for f in sys.meta_path):
    sys.meta_path.insert(0, _MovedModuleFinder)  # type: ignore[arg-type]


def __getattr__(name: str) -> object:
    if name in _PACKAGES or name in MOVED:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The former flat names still import, but tab completion and the API reference show the layers.
__all__ = sorted(_PACKAGES | {"__version__"})


def __dir__() -> list[str]:
    return list(__all__)
