"""keras3's class constructors (`Layer()`, `Model()`, `Callback()`, `Loss()`, `Metric()`,
`Constraint()`, the `new_*_class()` aliases, `%py_class%`) as Python class statements.

The text tests pin the idioms: a `Layer()` function composes as `layer_*()` calls do, the
other constructors' functions are the classes themselves, keras3's formals bind positional
members, `public`/`private` members, `from_config` as a class method, a callback's epoch
and batch numbers counted from 1. The behaviour test runs one translated program under
TensorFlow and checks what R keras3 1.5.1 printed for it (recorded with
/work/oracle3/run-r-keras3, TensorFlow 2.21).
"""

from __future__ import annotations

import textwrap

from outputs import same_values
from programs import run_python

from rkeras2py import translate


def body(source: str) -> str:
    """The translation of a keras3 snippet, without its import lines."""
    result = translate("library(keras3)\n" + textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def codes(source: str) -> list[str]:
    return [d.code for d in translate("library(keras3)\n" + textwrap.dedent(source)).diagnostics]


def python(text: str) -> str:
    return textwrap.dedent(text).strip()


# ---- Layer() ---------------------------------------------------------------------------------


def test_layer_is_a_class_and_its_function_composes_onto_tensors_and_models():
    code = body(
        """
        layer_scale <- Layer(
          "Scale",
          initialize = function(factor, ...) {
            super$initialize(...)
            self$factor <- factor
          },
          call = function(inputs) {
            inputs * self$factor
          }
        )
        inputs <- keras_input(shape = 3)
        outputs <- inputs |> layer_scale(2, name = "double")
        model <- keras_model_sequential() |> layer_scale(factor = 3)
        scale <- layer_scale(factor = 0.5)
        """
    )
    assert code == python(
        """
        class Scale(keras.layers.Layer):
            def __init__(self, factor, **kwargs):
                super().__init__(**kwargs)
                self.factor = factor

            def call(self, inputs):
                return inputs * self.factor


        inputs = keras.Input(shape=(3,))
        outputs = Scale(2.0, name="double")(inputs)
        model = keras.Sequential([Scale(factor=3.0)])
        scale = Scale(factor=0.5)
        """
    )


def test_new_layer_class_takes_keras3s_formals_by_position():
    # keras3's new_layer_class is Layer(classname, initialize, call, build, get_config, ...)
    code = body(
        """
        layer_double <- new_layer_class(
          "Double",
          function(...) super$initialize(...),
          function(inputs) inputs * 2
        )
        y <- keras_input(shape = 2) |> layer_double()
        """
    )
    assert code == python(
        """
        class Double(keras.layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)

            def call(self, inputs):
                return inputs * 2


        y = Double()(keras.Input(shape=(2,)))
        """
    )


def test_public_private_active_and_from_config_members():
    # keras3 order: the named members (NULL ones dropped), then `...`, then `public`
    # replacing members of the same name in place; `private` members as `_name`
    code = body(
        """
        layer_counter <- Layer(
          "Counter",
          call = function(inputs) {
            private$calls <- private$calls + 1
            inputs + private$offset
          },
          get_config = NULL,
          count = active_property(function() private$calls),
          public = list(call = function(inputs) inputs, size = 2),
          private = list(offset = 10, calls = 0),
          from_config = function(config) do.call(`__class__`, config),
          parent_env = environment()
        )
        """
    )
    assert code == python(
        """
        class Counter(keras.layers.Layer):
            def call(self, inputs):
                return inputs

            @property
            def count(self):
                return self._calls

            @classmethod
            def from_config(cls, config):
                return __class__(**config)

            size = 2
            _offset = 10
            _calls = 0
        """
    )


def test_inherit_names_a_layer_function_and_registration_keeps_the_function():
    # with no `initialize`, keras3's function takes what the base class's __init__ takes
    code = body(
        """
        layer_twice <- Layer("Twice", call = function(inputs) super$call(inputs) * 2,
                             inherit = layer_dense)
        register_keras_serializable(layer_twice, package = "demo")
        layer_thrice <- Layer("Thrice", inherit = layer_twice)
        y <- keras_input(shape = 3) |> layer_twice(4, activation = "relu")
        """
    )
    assert code == python(
        """
        class Twice(keras.layers.Dense):
            def call(self, inputs):
                return super().call(inputs) * 2


        keras.saving.register_keras_serializable(package="demo")(Twice)


        class Thrice(Twice):
            pass


        y = Twice(4.0, activation="relu")(keras.Input(shape=(3,)))
        """
    )


def test_layer_needs_a_classname_string_and_list_members():
    assert "RK103" in codes("layer_x <- Layer(call = function(x) x)\n")
    assert "RK103" in codes('members <- list()\nlayer_x <- Layer("X", public = members)\n')


# ---- Model(), Callback(), Loss(), Metric(), Constraint(), schedules ----------------------------


def test_model_with_a_custom_train_step_uses_keras3s_apis():
    code = body(
        """
        library(tensorflow)
        CustomModel <- Model(
          "CustomModel",
          train_step = function(data) {
            c(x, y) %<-% data
            with(tf$GradientTape() %as% tape, {
              y_pred <- self(x, training = TRUE)
              loss <- self$compute_loss(y = y, y_pred = y_pred)
            })
            gradients <- tape$gradient(loss, self$trainable_variables)
            self$optimizer$apply(gradients, self$trainable_variables)
            self$optimizer$apply_gradients(zip_lists(gradients, self$trainable_variables))
            for (metric in self$metrics) {
              if (metric$name == "loss") metric$update_state(loss)
              else metric$update_state(y, y_pred)
            }
            list(loss = self$metrics[[1]]$result())
          }
        )
        inputs <- keras_input(shape = 4)
        model <- CustomModel(inputs, inputs |> layer_dense(1))
        """
    )
    assert code == python(
        """
        class CustomModel(keras.Model):
            def train_step(self, data):
                x, y = data
                with tf.GradientTape() as tape:
                    y_pred = self(x, training=True)
                    loss = self.compute_loss(y=y, y_pred=y_pred)
                gradients = tape.gradient(loss, self.trainable_variables)
                self.optimizer.apply(gradients, self.trainable_variables)
                self.optimizer.apply_gradients(list(zip(gradients, self.trainable_variables)))
                for metric in self.metrics:
                    if metric.name == "loss":
                        metric.update_state(loss)
                    else:
                        metric.update_state(y, y_pred)
                return {"loss": self.metrics[0].result()}


        inputs = keras.Input(shape=(4,))
        model = CustomModel(inputs, keras.layers.Dense(1)(inputs))
        """
    )


def test_callback_counts_epochs_and_batches_from_one():
    # kerastools' wrap_sig_self_idx_logs() hands the R hooks Keras's number + 1
    code = body(
        """
        callback_print <- Callback(
          "PrintEpochs",
          on_epoch_end = function(epoch, logs = NULL) {
            cat("epoch", epoch, "loss", logs$loss, "\\n")
          },
          on_train_batch_begin = function(batch, logs = NULL) {
            "The first batch of each epoch."
            if (batch == 1) cat("first\\n")
          },
          on_train_begin = function(logs = NULL) cat("start\\n")
        )
        cb <- callback_print()
        """
    )
    assert code == python(
        '''
        class PrintEpochs(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                epoch += 1
                print("epoch", epoch, "loss", logs["loss"])

            def on_train_batch_begin(self, batch, logs=None):
                """The first batch of each epoch."""
                batch += 1
                if batch == 1:
                    print("first")

            def on_train_begin(self, logs=None):
                print("start")


        callback_print = PrintEpochs
        cb = callback_print()
        '''
    )


def test_loss_and_metric_subclasses():
    code = body(
        """
        MeanAbs <- Loss("MeanAbs", call = function(y_true, y_pred) {
          op_mean(op_abs(y_true - y_pred), axis = -1)
        })
        Total <- new_metric_class(
          "Total",
          initialize = function(name = "total", ...) {
            super$initialize(name = name, ...)
            self$total <- self$add_weight(name = "total", initializer = "zeros")
          },
          update_state = function(y_true, y_pred, sample_weight = NULL) {
            self$total$assign_add(op_sum(y_pred))
          },
          result = function() self$total
        )
        loss <- MeanAbs(name = "mean_abs")
        metric <- Total()
        """
    )
    assert code == python(
        """
        class MeanAbs(keras.losses.Loss):
            def call(self, y_true, y_pred):
                return keras.ops.mean(keras.ops.absolute(y_true - y_pred), axis=-1)


        class Total(keras.metrics.Metric):
            def __init__(self, name="total", **kwargs):
                super().__init__(name=name, **kwargs)
                self.total = self.add_weight(name="total", initializer="zeros")

            def update_state(self, y_true, y_pred, sample_weight=None):
                return self.total.assign_add(keras.ops.sum(y_pred))

            def result(self):
                return self.total


        loss = MeanAbs(name="mean_abs")
        metric = Total()
        """
    )


def test_constraint_and_schedule_call_is_dunder_call():
    code = body(
        """
        NonNeg <- Constraint("NonNeg", call = function(w) w * op_cast(w >= 0, "float32"))
        Halving <- new_learning_rate_schedule_class(
          "Halving",
          initialize = function(start) self$start <- start,
          call = function(step) self$start / (step + 1)
        )
        """
    )
    assert code == python(
        """
        class NonNeg(keras.constraints.Constraint):
            def __call__(self, w):
                return w * keras.ops.cast(w >= 0, "float32")


        class Halving(keras.optimizers.schedules.LearningRateSchedule):
            def __init__(self, start):
                self.start = start

            def __call__(self, step):
                return self.start / (step + 1)
        """
    )


def test_py_class_under_keras3():
    code = body(
        """
        Scale(keras$layers$Layer) %py_class% {
          initialize <- function(factor, ...) {
            super$initialize(...)
            self$factor <- factor
          }
          call <- function(inputs) inputs * self$factor
          size %<-active% function() self$factor
        }
        """
    )
    assert code == python(
        """
        class Scale(keras.layers.Layer):
            def __init__(self, factor, **kwargs):
                super().__init__(**kwargs)
                self.factor = factor

            def call(self, inputs):
                return inputs * self.factor

            @property
            def size(self):
                return self.factor
        """
    )


# ---- behaviour -------------------------------------------------------------------------------

PROGRAM = r"""library(keras3)
library(tensorflow)

# a layer with known weights, called on a tensor and piped onto one
layer_linear <- Layer(
  "Linear",
  initialize = function(units = 2, ...) {
    super$initialize(...)
    self$units <- as.integer(units)
  },
  build = function(input_shape) {
    self$w <- self$add_weight(shape = shape(input_shape[[2]], self$units),
                              initializer = "ones")
    self$b <- self$add_weight(shape = shape(self$units), initializer = "zeros")
  },
  call = function(inputs) {
    tf$matmul(inputs, self$w) + self$b
  }
)
x <- tf$constant(matrix(c(1, 2, 3, 4, 5, 6), nrow = 2), dtype = "float32")
lin <- layer_linear(units = 3)
y <- x |> layer_linear(units = 2)
cat("linear:", as.numeric(lin(x)), "\n")
cat("piped:", as.numeric(y), "\n")
cat("weights:", length(lin$weights), "\n")

# a callback that prints epochs, batches and the loss
PrintEpochs <- Callback(
  "PrintEpochs",
  on_epoch_end = function(epoch, logs = NULL) {
    cat("epoch", epoch, "loss", round(logs$loss, 3), "\n")
  },
  on_train_batch_begin = function(batch, logs = NULL) {
    if (batch == 1) cat("first batch\n")
  }
)

# a model with its own train_step
Trainer <- Model(
  "Trainer",
  initialize = function(...) {
    super$initialize(...)
    self$dense <- layer_linear(units = 1)
  },
  call = function(inputs) self$dense(inputs),
  train_step = function(data) {
    c(x, y) %<-% data
    with(tf$GradientTape() %as% tape, {
      y_pred <- self(x, training = TRUE)
      loss <- self$compute_loss(y = y, y_pred = y_pred)
    })
    grads <- tape$gradient(loss, self$trainable_weights)
    self$optimizer$apply_gradients(zip_lists(grads, self$trainable_weights))
    for (metric in self$metrics) metric$update_state(loss)
    list(loss = self$metrics[[1]]$result())
  }
)
model <- Trainer()
model |> compile(optimizer = "sgd", loss = "mse")
xs <- matrix(c(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), ncol = 2)
ys <- matrix(c(1, 2, 3, 4), ncol = 1)
history <- model |> fit(xs, ys, epochs = 3, batch_size = 2, shuffle = FALSE, verbose = 0,
                        callbacks = list(PrintEpochs()))

# a loss and a metric
MeanAbs <- Loss("MeanAbs", call = function(y_true, y_pred) {
  tf$reduce_mean(tf$abs(y_true - y_pred), axis = -1L)
})
loss <- MeanAbs()
yt <- tf$constant(matrix(c(1, 2, 3, 4), nrow = 2))
yp <- tf$constant(matrix(c(1.5, 2, 2, 5), nrow = 2))
cat("loss:", as.numeric(loss(yt, yp)), "\n")

Total <- Metric(
  "Total",
  initialize = function(name = "total", ...) {
    super$initialize(name = name, ...)
    self$total <- self$add_weight(name = "total", initializer = "zeros")
  },
  update_state = function(y_true, y_pred, sample_weight = NULL) {
    self$total$assign_add(tf$reduce_sum(tf$cast(y_pred, "float32")))
  },
  result = function() self$total
)
m <- Total()
for (i in 1:2) m$update_state(yt, yp)
cat("metric:", as.numeric(m$result()), "\n")

# a constraint, a learning-rate schedule and the keras 2.x-style constructors
NonNeg <- Constraint("NonNeg", call = function(w) tf$maximum(w, 0))
nn <- NonNeg()
cat("constraint:", as.numeric(nn(tf$constant(c(-1, 2, -3, 4)))), "\n")

Halving <- new_learning_rate_schedule_class(
  "Halving",
  initialize = function(start) {
    self$start <- start
  },
  call = function(step) {
    self$start / (tf$cast(step, "float32") + 1)
  }
)
sched <- Halving(0.5)
cat("schedule:", as.numeric(sched(3)), "\n")

layer_double <- new_layer_class(
  "Double",
  call = function(inputs) inputs * 2
)
cat("double:", as.numeric(layer_double()(tf$constant(c(1, 2)))), "\n")

Triple(keras$layers$Layer) %py_class% {
  initialize <- function(...) {
    super$initialize(...)
    private$factor <- 3
  }
  call <- function(inputs) inputs * private$factor
  factor %<-active% function() private$factor
}
tri <- Triple()
cat("triple:", as.numeric(tri(tf$constant(c(1, 2)))), "\n")
cat("factor:", tri$factor, "\n")

Counter <- Layer(
  "Counter",
  initialize = function(...) {
    super$initialize(...)
    private$calls <- 0
  },
  call = function(inputs) {
    private$calls <- private$calls + 1
    inputs + private$offset
  },
  count = active_property(function() private$calls),
  private = list(offset = 10)
)
counter <- Counter()
out <- counter(tf$constant(c(1, 2)))
out <- counter(out)
cat("counter:", as.numeric(out), counter$count, "\n")
"""

# What R keras3 1.5.1 printed (/work/oracle3/run-r-keras3). The callback's epochs and
# batches count from 1; the custom train_step lowers the loss epoch by epoch.
R_OUTPUT = """\
linear: 9 12 9 12 9 12
piped: 9 12 9 12
weights: 2
first batch
epoch 1 loss 3.303
first batch
epoch 2 loss 2.995
first batch
epoch 3 loss 2.722
loss: 0.625
metric: 21
constraint: 0 2 0 4
schedule: 0.125
double: 2 4
triple: 3 6
factor: 3
counter: 21 22 2
"""


def test_translated_classes_print_what_r_keras3_printed():
    result = translate(PROGRAM, "classes.R")
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    done = run_python(result.code, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    same, why = same_values(R_OUTPUT, done.stdout, rel=1e-3)
    assert same, f"{why}\n--- R:\n{R_OUTPUT}\n--- Python:\n{done.stdout}"
    losses = [float(line.split()[-1]) for line in done.stdout.splitlines() if "loss" in line]
    assert losses[:3] == sorted(losses[:3], reverse=True)
