# A small multilayer perceptron on synthetic "digit" features: build, compile, fit,
# evaluate and predict, the way the R keras tutorials do it.
library(keras)

set.seed(42)
n <- 64
x <- matrix(runif(n * 8), ncol = 8)
y <- as.integer(rowSums(x) > 4)

model <- keras_model_sequential(input_shape = 8) %>%
  layer_dense(units = 16, activation = "relu") %>%
  layer_dropout(rate = 0.2) %>%
  layer_dense(units = 1, activation = "sigmoid")

model %>% compile(
  optimizer = optimizer_adam(learning_rate = 0.01),
  loss = "binary_crossentropy",
  metrics = "accuracy"
)

history <- model %>% fit(x, y, epochs = 5, batch_size = 16, validation_split = 0.25, verbose = 0)
cat("epochs run:", length(history$metrics$loss), "\n")

scores <- model %>% evaluate(x, y, verbose = 0)
cat("evaluate:", names(scores), "\n")

probs <- model %>% predict(x[1:4, ], verbose = 0)
cat("prediction dim:", dim(probs), "\n")
