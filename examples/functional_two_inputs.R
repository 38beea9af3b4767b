# Functional API: two inputs merged, one output; the model summary and its parameter count.
library(keras)

numeric_in <- layer_input(shape = 4, name = "numeric")
extra_in <- layer_input(shape = 2, name = "extra")

merged <- layer_concatenate(list(numeric_in, extra_in))
output <- merged %>%
  layer_dense(units = 8, activation = "relu") %>%
  layer_dense(units = 3, activation = "softmax")

model <- keras_model(inputs = list(numeric_in, extra_in), outputs = output)
model %>% compile(optimizer = "rmsprop", loss = "categorical_crossentropy")
cat("params:", count_params(model), "\n")
