# keras3: a functional model with a custom layer, written the way the keras3 vignettes do:
# keras_input(), |>, a Layer() subclass, merge layers taking tensors, op_* with 1-based axes.
library(keras3)

set_random_seed(1)
n <- 96
numeric <- matrix(runif(n * 4), ncol = 4)
flags <- matrix(as.numeric(runif(n * 2) > 0.5), ncol = 2)
target <- matrix(rowSums(numeric) + 2 * flags[, 1], ncol = 1)

# scales each feature by a learned factor, starting at one
layer_feature_scale <- Layer(
  "FeatureScale",
  build = function(input_shape) {
    self$scale <- self$add_weight(shape = shape(input_shape[[2]]), initializer = "ones")
  },
  call = function(inputs) inputs * self$scale
)

numeric_in <- keras_input(shape = 4, name = "numeric")
flags_in <- keras_input(shape = 2, name = "flags")
scaled <- numeric_in |> layer_feature_scale()
merged <- layer_concatenate(scaled, flags_in, axis = 2)
output <- merged |>
  layer_dense(units = 8, activation = "relu") |>
  layer_dense(units = 1)
model <- keras_model(inputs = list(numeric_in, flags_in), outputs = output)

model |> compile(optimizer = optimizer_adam(learning_rate = 0.01), loss = "mse", metrics = "mae")
history <- model |> fit(list(numeric, flags), target, epochs = 20, batch_size = 16, verbose = 0)
cat("epochs run:", length(history$metrics$loss), "\n")
cat("loss fell:", history$metrics$loss[20] < history$metrics$loss[1], "\n")

scores <- model |> evaluate(list(numeric, flags), target, verbose = 0)
cat("evaluate:", names(scores), "\n")

preds <- model |> predict(list(numeric[1:5, ], flags[1:5, ]), verbose = 0)
best <- op_argmax(op_convert_to_tensor(preds), axis = 1)
cat("prediction dims:", dim(preds), " largest of the first five: row", as.array(best), "\n")
