import numpy as np

# Prepare exam scores for a model: scale, split and summarise.
# (A plain-R example; keras examples arrive with keras support.)
scores = np.array([62.0, 75.0, 88.0, 91.0, 47.0, 68.0, 79.0, 95.0, 53.0, 84.0])
passed = scores >= 60


# Min-max scaling to [0, 1], as a model input layer would want it.
def rescale(x, lower=None, upper=None):
    if lower is None:
        lower = np.min(x)
    if upper is None:
        upper = np.max(x)
    return (x - lower) / (upper - lower)


scaled = rescale(scores)
print("scaled:", np.round(scaled, 2))

# First 7 scores train, the rest validate (R indexes from 1).
train = scores[:7]
valid = np.delete(scores, range(0, 7))
print("train mean:", np.mean(train), " valid mean:", np.mean(valid))


def grade(score):
    if score >= 90:
        return "A"
    elif score >= 75:
        return "B"
    elif score >= 60:
        return "C"
    else:
        return "F"


grades = np.array([grade(item) for item in scores])
for g in ["A", "B", "C", "F"]:
    print(g, ":", np.sum(np.array(grades) == g))
print("pass rate:", "%.0f%%" % (100 * np.mean(passed)))
