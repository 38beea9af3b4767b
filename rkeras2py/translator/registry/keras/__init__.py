"""R keras 2.x: layers, models, backend, and the objects models are built from.

CAVEATS: the kind of the object a layer is piped onto decides the translation (see
`compose`); where it cannot be known the runtime decides as R keras does.
"""

from . import (  # noqa: F401  (each fills TABLE)
    applications,
    backend,
    classes,
    compose,
    datasets,
    layers,
    models,
    objects,
    saving,
    utilities,
)
from .models import METHOD_HELPERS, METHOD_KINDS
from .objects import PATH_RENAMES
from .table import TABLE

ATTRIBUTES = {**models.ATTRIBUTES, **utilities.ATTRIBUTES}

__all__ = ["ATTRIBUTES", "METHOD_HELPERS", "METHOD_KINDS", "PATH_RENAMES", "TABLE"]
