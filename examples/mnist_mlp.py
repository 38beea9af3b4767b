# A small multilayer perceptron on synthetic "digit" features: build, compile, fit,
# evaluate and predict, the way the R keras tutorials do it.

import numpy as np
from rkeras2py.runtime import evaluate
from tensorflow import keras

rng = np.random.default_rng(42)
n = 64
x = np.reshape(rng.uniform(0.0, 1.0, size=n * 8), (-1, 8), order="F")
y = np.asarray(np.sum(x, axis=1) > 4).astype(int)

model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(units=16, activation="relu"),
        keras.layers.Dropout(rate=0.2),
        keras.layers.Dense(units=1, activation="sigmoid"),
    ]
)

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)

history = model.fit(x, y, batch_size=16, epochs=5, verbose=0, validation_split=0.25)
print("epochs run:", len(history.history["loss"]))

scores = evaluate(model, x, y, verbose=0)
print("evaluate:", *list(scores))

probs = model.predict(x[:4, :], verbose=0)
print("prediction dim:", *probs.shape)
