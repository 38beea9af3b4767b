# R as the oracle for rkeras2py's grammar.
# Usage: Rscript parse_oracle.R LIST OUT
# LIST holds one R file path per line. For each file OUT gets one line:
#   OK <tab> deparse <tab> structure        when R parses it
#   ERROR <tab> message                     when it does not
# Fields are escaped (backslash, tab, newline) so that each result stays on one line.

args <- commandArgs(trailingOnly = TRUE)
files <- readLines(args[[1]], encoding = "UTF-8")
out <- file(args[[2]], open = "w", encoding = "UTF-8")

esc <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE)
  gsub("\n", "\\n", s, fixed = TRUE)
}

is_missing_arg <- function(x) identical(x, quote(expr = ))

structure_of <- function(e) {
  if (is.call(e) || is.pairlist(e)) {
    parts <- as.list(e)
    tags <- names(parts)
    if (is.null(tags)) tags <- rep("", length(parts))
    shown <- vapply(seq_along(parts), function(i) {
      item <- if (is_missing_arg(parts[[i]])) "<missing>" else structure_of(parts[[i]])
      if (nzchar(tags[[i]])) paste0(encodeString(tags[[i]], quote = "`"), "=", item) else item
    }, character(1))
    open <- if (is.call(e)) "(" else "["
    close <- if (is.call(e)) ")" else "]"
    return(paste0(open, paste(shown, collapse = " "), close))
  }
  if (is.symbol(e)) return(paste0("sym:", encodeString(as.character(e), quote = "`")))
  if (is.null(e)) return("NULL")
  if (is.character(e)) return(paste0("chr:", encodeString(e, quote = "\"")))
  paste0(typeof(e), ":", format(e, digits = 17))
}

for (f in files) {
  result <- tryCatch({
    exprs <- suppressWarnings(parse(file = f, keep.source = FALSE, encoding = "UTF-8"))
    dep <- paste(vapply(exprs, function(x) paste(deparse(x, width.cutoff = 500L), collapse = "\n"),
                        character(1)), collapse = "\n;;\n")
    str <- paste(vapply(exprs, structure_of, character(1)), collapse = " ;; ")
    paste("OK", esc(dep), esc(str), sep = "\t")
  }, error = function(err) paste("ERROR", esc(conditionMessage(err)), sep = "\t"))
  writeLines(result, out, useBytes = TRUE)
}
close(out)
