"""Helpers that translated programs import, each standing in for an R function (named in its
docstring) that has no one-line tf.keras equivalent, or whose R semantics can only be
decided at run time. Importing this package imports TensorFlow; importing `rkeras2py`
(the translator) does not.

Generated code writes `from rkeras2py.runtime import name`; the topic modules below each
declare their names in `__all__`.
"""

from .backend import *  # noqa: F403
from .backend import __all__ as _backend
from .data import *  # noqa: F403
from .data import __all__ as _data
from .keras3_layers import *  # noqa: F403
from .keras3_layers import __all__ as _keras3_layers
from .keras3_models import *  # noqa: F403
from .keras3_models import __all__ as _keras3_models
from .keras3_objects import *  # noqa: F403
from .keras3_objects import __all__ as _keras3_objects
from .keras3_ops import *  # noqa: F403
from .keras3_ops import __all__ as _keras3_ops
from .layers import *  # noqa: F403
from .layers import __all__ as _layers
from .models import *  # noqa: F403
from .models import __all__ as _models
from .text import *  # noqa: F403
from .text import __all__ as _text
from .training import *  # noqa: F403
from .training import __all__ as _training

__all__ = [
    *_backend,
    *_data,
    *_keras3_ops,
    *_keras3_layers,
    *_keras3_objects,
    *_keras3_models,
    *_layers,
    *_models,
    *_text,
    *_training,
]
