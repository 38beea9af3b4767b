# Functional API: two inputs merged, one output; the model summary and its parameter count.

from tensorflow import keras

numeric_in = keras.Input(shape=(4,), name="numeric")
extra_in = keras.Input(shape=(2,), name="extra")

merged = keras.layers.Concatenate()([numeric_in, extra_in])
output = keras.layers.Dense(units=8, activation="relu")(merged)
output = keras.layers.Dense(units=3, activation="softmax")(output)

model = keras.Model(inputs=[numeric_in, extra_in], outputs=output)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
print("params:", model.count_params())
