# keras3: a functional model with a custom layer, written the way the keras3 vignettes do:
# keras_input(), |>, a Layer() subclass, merge layers taking tensors, op_* with 1-based axes.

import numpy as np
from rkeras2py.runtime import shape_dims
from tensorflow import keras

keras.utils.set_random_seed(1)
rng = np.random.default_rng(1)
n = 96
numeric = np.reshape(rng.uniform(0.0, 1.0, size=n * 4), (-1, 4), order="F")
flags = np.reshape(
    np.asarray(rng.uniform(0.0, 1.0, size=n * 2) > 0.5, dtype=float), (-1, 2), order="F"
)
target = np.reshape(np.sum(numeric, axis=1) + 2 * flags[:, 0], (-1, 1), order="F")


# scales each feature by a learned factor, starting at one
class FeatureScale(keras.layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(
            shape=tuple(shape_dims(input_shape[1])), initializer="ones"
        )

    def call(self, inputs):
        return inputs * self.scale


numeric_in = keras.Input(shape=(4,), name="numeric")
flags_in = keras.Input(shape=(2,), name="flags")
scaled = FeatureScale()(numeric_in)
merged = keras.layers.Concatenate(axis=1)([scaled, flags_in])
output = keras.layers.Dense(units=8, activation="relu")(merged)
output = keras.layers.Dense(units=1)(output)
model = keras.Model(inputs=[numeric_in, flags_in], outputs=output)

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse", metrics=["mae"]
)
history = model.fit([numeric, flags], target, batch_size=16, epochs=20, verbose=0)
print("epochs run:", len(history.history["loss"]))
print("loss fell:", history.history["loss"][19] < history.history["loss"][0])

scores = model.evaluate([numeric, flags], target, verbose=0, return_dict=True)
print("evaluate:", *list(scores))

preds = model.predict([numeric[:5, :], flags[:5, :]], verbose=0)
best = keras.ops.argmax(keras.ops.convert_to_tensor(preds), axis=0) + 1
print(
    "prediction dims:",
    *preds.shape,
    " largest of the first five: row",
    *best.numpy().ravel(order="F"),
)
