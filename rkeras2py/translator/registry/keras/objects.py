"""The objects a model is built from: optimizers, losses, metrics, callbacks, initializers,
regularizers, constraints, activations and learning-rate schedules.
"""

from __future__ import annotations

from .table import TABLE

TABLE.add(
    "optimizer_sgd",
    "keras.optimizers.SGD",
    "learning_rate momentum decay nesterov clipnorm clipvalue ...",
    rename={"lr": "learning_rate"},
)
TABLE.add("initializer_constant", "keras.initializers.Constant", "value")
