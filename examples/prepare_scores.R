# Prepare exam scores for a model: scale, split and summarise.
# (A plain-R example; keras examples arrive with keras support.)

scores <- c(62, 75, 88, 91, 47, 68, 79, 95, 53, 84)
passed <- scores >= 60

# Min-max scaling to [0, 1], as a model input layer would want it.
rescale <- function(x, lower = min(x), upper = max(x)) {
  (x - lower) / (upper - lower)
}

scaled <- rescale(scores)
cat("scaled:", round(scaled, 2), "\n")

# First 7 scores train, the rest validate (R indexes from 1).
train <- scores[1:7]
valid <- scores[-(1:7)]
cat("train mean:", mean(train), " valid mean:", mean(valid), "\n")

grade <- function(score) {
  if (score >= 90) {
    "A"
  } else if (score >= 75) {
    "B"
  } else if (score >= 60) {
    "C"
  } else {
    "F"
  }
}

grades <- sapply(scores, grade)
for (g in c("A", "B", "C", "F")) {
  cat(g, ":", sum(grades == g), "\n")
}
cat("pass rate:", sprintf("%.0f%%", 100 * mean(passed)), "\n")
